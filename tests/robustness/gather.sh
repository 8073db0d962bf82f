#!/bin/sh
# tests/robustness/gather.sh - copy other projects' DOCX and PDF test files
# out of local git mirrors into the folder `make robustness` reads.
#
#   tests/robustness/gather.sh [-m MIRRORS] [-o DIR] [-u]
#
# MIRRORS (default /work/.mirror) holds one git repository per project,
# named OWNER+NAME: MIRRORS/jgm+pandoc/repo (a bare git directory or a
# clone with a work tree), or MIRRORS/jgm+pandoc itself.  In the soan
# development sessions these are the snapshots the `fetch` tool brings;
# anywhere else make them once by hand, the only step that uses the
# network, for example
#
#   git clone --bare https://github.com/jgm/pandoc MIRRORS/jgm+pandoc/repo
#
# for each repository of SOURCES below.  This script never uses the
# network: it reads the mirrors with git only.
#
# Files go to DIR/SOURCE/PATH (default DIR /work/robustness-files), outside
# the repository: their projects' licences (GPL-2.0-or-later for pandoc)
# ask that they travel with their notices, so soan ships only where they
# came from, tests/robustness/MANIFEST.tsv: source, repository, commit,
# path, licence of the project, sha256 and size of each file.
#
# The manifest pins a commit per repository.  When a mirror holds that
# commit, the files are taken from it and each is checked against its
# sha256; when it does not (a newer snapshot), the mirror's HEAD is taken
# and the script says so; -u then rewrites the manifest from what was
# gathered.  Snapshots may lack their largest files (the session's fetch
# leaves out files of 4 MiB and more): those are counted and skipped.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
MIRRORS=/work/.mirror
DIR=/work/robustness-files
UPDATE=
MANIFEST=$TOP/tests/robustness/MANIFEST.tsv
while getopts m:o:u opt; do
	case $opt in
	m) MIRRORS=$OPTARG ;;
	o) DIR=$OPTARG ;;
	u) UPDATE=1 ;;
	*) echo "usage: $0 [-m MIRRORS] [-o DIR] [-u]" >&2; exit 2 ;;
	esac
done

# SOURCE  REPOSITORY  LICENCE  PATHS (an extended regular expression on
# the path in the repository, lower-cased)
SOURCES='pandoc jgm/pandoc GPL-2.0-or-later ^test/.*\.docx$
python-docx python-openxml/python-docx MIT ^(features/steps/test_files|tests/test_files)/.*\.docx$
mammoth.js mwilliamson/mammoth.js BSD-2-Clause ^test/test-data/.*\.docx$
python-mammoth mwilliamson/python-mammoth BSD-2-Clause ^tests/test-data/.*\.docx$
pdf.js mozilla/pdf.js Apache-2.0 ^test/pdfs/.*\.pdf$
qpdf qpdf/qpdf Apache-2.0 /qtest/.*\.pdf$'

# The git directory of mirror $1 (owner/name), or nothing.
gitdir() {
	m=$MIRRORS/$(echo "$1" | tr / +)
	for g in "$m/repo/.git" "$m/repo" "$m/.git" "$m"; do
		if [ -d "$g" ] && git --git-dir="$g" rev-parse -q --verify HEAD >/dev/null 2>&1; then
			echo "$g"
			return
		fi
	done
}

new=$(mktemp)
trap 'rm -f "$new" "$new.list"' EXIT
printf '# source\trepository\tcommit\tpath\tlicence\tsha256\tbytes\n' >"$new"
status=0
echo "$SOURCES" | while read -r src repo licence pattern; do
	g=$(gitdir "$repo")
	if [ -z "$g" ]; then
		echo "gather: $src: no mirror of $repo under $MIRRORS (see this script's header)" >&2
		continue
	fi
	want=$(awk -F'\t' -v r="$repo" '$2 == r { print $3; exit }' "$MANIFEST" 2>/dev/null || true)
	if [ -n "$want" ] && git --git-dir="$g" cat-file -e "$want^{commit}" 2>/dev/null; then
		commit=$want
	else
		commit=$(git --git-dir="$g" rev-parse HEAD)
		[ -z "$want" ] || echo "gather: $src: the mirror lacks the manifest's commit $want; taking its HEAD $commit${UPDATE:+ (manifest updated)}" >&2
	fi
	git --git-dir="$g" ls-tree -r "$commit" |
		awk -F'\t' -v p="$pattern" '$1 ~ / blob / && tolower($2) ~ p' >"$new.list"
	n=0 absent=0
	while IFS='	' read -r meta path; do
		blob=${meta##* }
		out=$DIR/$src/$path
		mkdir -p "$(dirname "$out")"
		if ! git --git-dir="$g" cat-file blob "$blob" >"$out.part" 2>/dev/null; then
			rm -f "$out.part"
			absent=$((absent + 1))
			continue
		fi
		mv "$out.part" "$out"
		sum=$(sha256sum "$out" | cut -d' ' -f1)
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$src" "$repo" "$commit" "$path" "$licence" \
			"$sum" "$(stat -c %s "$out")" >>"$new"
		n=$((n + 1))
	done <"$new.list"
	note=
	[ $absent = 0 ] || note=", $absent absent from the mirror"
	echo "gather: $src: $n files from $repo at $commit$note" >&2
done

# Files the committed manifest names at the same commit must match it.
if [ -f "$MANIFEST" ]; then
	bad=$(awk -F'\t' 'NR == FNR { if ($1 !~ /^#/) want[$2 "\t" $3 "\t" $4] = $6; next }
		$1 !~ /^#/ && ($2 "\t" $3 "\t" $4) in want && want[$2 "\t" $3 "\t" $4] != $6 { print $1 "/" $4 }' \
		"$MANIFEST" "$new")
	if [ -n "$bad" ]; then
		echo "gather: these files differ from the manifest's sha256:" >&2
		echo "$bad" | sed 's/^/  /' >&2
		status=1
	fi
fi
if [ -n "$UPDATE" ] || [ ! -f "$MANIFEST" ]; then
	cp "$new" "$MANIFEST"
	echo "gather: wrote $MANIFEST" >&2
fi
echo "gather: $(($(wc -l <"$new") - 1)) files in $DIR" >&2
exit $status
