/* atomic.h - writing output files so that each is complete or absent,
 * and never writing over something that is not an output file.
 *
 * What a name is decides how it is written:
 *  - "-", or a name of one of the process's own descriptors (/dev/stdout,
 *    /dev/fd/N, /proc/self/fd/N, or a symbolic link to one): straight
 *    into that descriptor, which is never reopened or replaced;
 *  - a character device (/dev/null), a FIFO (opening it waits for a
 *    reader) or a Unix socket (connected): straight into it, never
 *    replaced with a regular file;
 *  - a block device or a folder: refused;
 *  - a regular file, or a name that does not exist: the bytes go to a
 *    temporary file beside it, are fsynced, and the temporary is renamed
 *    over it.  A symbolic link to a regular file is followed: the link
 *    stays and the file it names is replaced.  An existing file keeps its
 *    permission bits (and its owner and group, where the process may set
 *    them; not its ACLs or extended attributes).  A file with more than
 *    one hard link is refused: renaming over one name would silently
 *    part it from its other names, and writing in place would break
 *    complete-or-absent, so the user decides (remove it first).
 *
 * Temporary names are "." + the target's name, cut to fit NAME_MAX, +
 * ".soan-tmp-XXXXXX": hidden, so that a glob such as *.xml in that folder, run by
 * another program while soan writes never meets one, and never longer
 * than the file system allows even for a 255-byte target name.  Their
 * owner holds an flock(2) on each while it lives; the first write into a
 * folder in a process removes the temporaries there whose lock nobody
 * holds (their owner was killed), so a killed batch leaves nothing once
 * soan next writes into that folder.  (O_TMPFILE would need no cleaning
 * on the file systems that support it, but NFS and FAT do not, and a
 * replaced file still passes through a named link; one mechanism serves
 * every file system.)  The input files are never opened for writing. */
#ifndef SOAN_ATOMIC_H
#define SOAN_ATOMIC_H

#include <stddef.h>

#include "extract/base/diag.h"

/* One output: path as the user gave it ("-": standard output). */
struct atomic_out {
	const char *path;
	const void *data;
	size_t len;
};

/* Write every outs[i] as described above, all or none: each regular
 * file is written and fsynced under its temporary name before any is
 * renamed; a rename that fails undoes the renames before it (an existing
 * file comes back from a hard link kept for the purpose, a new one is
 * removed); the outputs written straight into a descriptor, device or
 * pipe go last, and if one fails the renamed files are undone too (what
 * a pipe has read cannot be).  Returns 0, or -1 with an environment
 * error in d naming the output. */
int atomic_write_all(const struct atomic_out *outs, size_t n, struct diag *d);
/* One output. */
int atomic_write(const char *path, const void *data, size_t len, struct diag *d);

/* Is name one of the temporary names above? */
int atomic_is_temp_name(const char *name);

#endif
