#!/bin/sh
# tests/robustness/run.sh SOAN DIR OUT - run soan over other projects'
# test files (make robustness; tests/robustness/gather.sh fills DIR).
#
# Every file under DIR/SOURCE/ goes through `soan extract --dump=blocks`
# (the reader's whole output, even for a file the recognizer refuses as no
# plan, which other projects' files mostly are) and `soan extract`, and
# when that succeeds, the plan XML through `soan generate` to DOCX and to
# PDF, each run under a time limit and a memory limit (below).  One line
# per run goes to OUT/results.tsv: source, file, step, exit code, seconds,
# peak resident memory (KB), stderr lines, the first stderr line, stdout
# bytes, and a verdict: "ok", "refused" (exit 1 as the rules want it), or the
# findings, comma separated:
#   timeout     killed at the time limit
#   sanitizer   ASan, UBSan or LSan reported (the report is kept in
#               OUT/findings/SOURCE/FILE.STEP.log)
#   memory      an allocation or the process went past the memory limit
#   exit-N      any exit but 0 and 1 (3 is for the environment, not for an
#               input; 2 is usage; above 128 a signal)
#   lines-N     a refusal with N lines on stderr, not one
#   not-soan    a refusal whose line is not "soan: ..."
#   stdout      a refusal that printed on stdout
#   leftover    a refusal that left a file behind
#   empty       exit 0 with nothing written (but for the block stream,
#               which is empty for a document without text)
#   input       the input changed
# Then a table per source and step (run.sh --table RESULTS prints it
# again).  Exits 1 when anything was found, never for files refused with
# one line.
#
# Knobs (environment): JOBS (parallel runs, default 2), TIME_LIMIT
# (seconds, default 60), MEM_LIMIT_MB (default 4096), SOURCES (only these
# source folders).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
JOBS=${JOBS:-2}
TIME_LIMIT=${TIME_LIMIT:-60}
MEM_LIMIT_MB=${MEM_LIMIT_MB:-4096}
export TIME_LIMIT MEM_LIMIT_MB

# table RESULTS: a row per source and step (blocks, extract, then the two
# writers), in the sources' order, and a total; fails when any run found
# something.
table() {
	LC_ALL=C sort -t "$(printf '\t')" -s -k1,1 "$1" | awk -F'\t' '
$1 ~ /^#/ { next }
{
	if (!($1 in seen)) { seen[$1] = 1; srcs[ns++] = $1 }
	for (j = 0; j < 2; j++) {
		k = j ? "total " $3 : $1 " " $3
		files[k]++
		if ($4 == 0) e0[k]++
		else if ($4 == 1) e1[k]++
		else if ($4 == 3) e3[k]++
		else other[k]++
		if ($10 ~ /timeout/) tmo[k]++
		if ($10 ~ /sanitizer/) san[k]++
		if ($10 ~ /memory/) mem[k]++
		if ($10 != "ok" && $10 != "refused") bad[k]++
		if ($5 + 0 > maxt[k]) maxt[k] = $5 + 0
		if ($6 + 0 > maxm[k]) maxm[k] = $6 + 0
	}
}
END {
	printf "%-24s %6s %6s %6s %6s %6s %7s %6s %9s %8s %7s %7s\n", "source step", "files", "exit0", \
		"exit1", "exit3", "other", "timeout", "memory", "sanitizer", "findings", "max_s", "max_MB"
	srcs[ns++] = "total"
	split("blocks extract docx pdf", steps, " ")
	for (i = 0; i < ns; i++)
		for (j = 1; j <= 4; j++) {
			k = srcs[i] " " steps[j]
			if (!(k in files))
				continue
			printf "%-24s %6d %6d %6d %6d %6d %7d %6d %9d %8d %7.1f %7.0f\n", k, files[k], e0[k], \
				e1[k], e3[k], other[k], tmo[k], mem[k], san[k], bad[k], maxt[k], maxm[k] / 1024
			if (srcs[i] == "total")
				all += bad[k]
		}
	exit all > 0
}'
}

if [ "${1:-}" = --table ]; then
	table "$2"
	exit
fi

# ---- one file (run through xargs: run.sh --one SOAN DIR OUT FILE) ----
if [ "${1:-}" = --one ]; then
	SOAN=$2 DIR=$3 OUT=$4 rel=$5
	src=${rel%%/*}
	in=$DIR/$rel
	w=$(mktemp -d "$OUT/tmp/w.XXXXXX") || exit 3
	mkdir "$w/cwd"
	trap 'rm -rf "$w"' EXIT
	sum=$(sha256sum <"$in")
	# AddressSanitizer reserves terabytes of address space, so ulimit -v
	# cannot bound it: ASan itself kills a process past hard_rss_limit_mb,
	# and refuses (returns NULL for) one allocation larger than
	# max_allocation_size_mb, as a memory limit would.  A build without
	# ASan gets ulimit -v.  Reports go to files, so that stderr holds
	# only what soan says.
	san="log_path=$w/san:exitcode=86:hard_rss_limit_mb=$MEM_LIMIT_MB"
	san="$san:max_allocation_size_mb=$MEM_LIMIT_MB:allocator_may_return_null=1"
	export ASAN_OPTIONS="$san:detect_leaks=1"
	export UBSAN_OPTIONS="log_path=$w/san:exitcode=86:print_stacktrace=1"
	export LSAN_OPTIONS="exitcode=86:suppressions=$TOP/tests/robustness/lsan.supp"
	export SOAN_DATADIR="$TOP"

	# run STEP OUTPUT ARGS...: one run of soan in the empty folder
	# $w/cwd; OUTPUT is the file it should write ("-": stdout)
	run() {
		step=$1 output=$2
		shift 2
		rm -f "$w"/san.*
		# shellcheck disable=SC3045 # ulimit -v: dash and bash have it
		(cd "$w/cwd" && { [ -n "$ASAN_BUILD" ] || ulimit -v $((MEM_LIMIT_MB * 1024)); } &&
			/usr/bin/time -f '%e %M' -o "$w/time" \
			timeout -k 5 "$TIME_LIMIT" "$SOAN" "$@" >"$w/stdout" 2>"$w/stderr")
		rc=$?
		read -r secs kb <"$w/time" 2>/dev/null || { secs=0 kb=0; }
		case $secs in [0-9]*) ;; *) secs=$(tail -1 "$w/time" | cut -d' ' -f1) kb=$(tail -1 "$w/time" | cut -d' ' -f2) ;; esac
		lines=$(wc -l <"$w/stderr")
		first=$(head -1 "$w/stderr" | tr '\t' ' ')
		outb=$(wc -c <"$w/stdout")
		found=
		case $rc in
		0)
			if [ "$step" = blocks ]; then
				: # a document without text has no blocks
			elif [ "$output" = - ]; then
				[ "$outb" -gt 0 ] || found="$found,empty"
			else
				[ -s "$w/cwd/$output" ] || found="$found,empty"
			fi
			;;
		1)
			[ "$lines" = 1 ] || found="$found,lines-$lines"
			case $first in "soan: "*) ;; *) found="$found,not-soan" ;; esac
			[ "$outb" = 0 ] || found="$found,stdout"
			[ -z "$(ls -A "$w/cwd")" ] || found="$found,leftover"
			;;
		124 | 137) found="$found,timeout" ;;
		*) found="$found,exit-$rc" ;;
		esac
		# without ASan, the address-space limit: soan's or poppler's
		# "out of memory"
		! grep -qi 'out of memory' "$w/stderr" || found="$found,memory"
		if ls "$w"/san.* >/dev/null 2>&1; then
			# the memory limit (ASan's refusals and its RSS watch), and
			# everything else the sanitizers say
			mem='hard rss limit exhausted|failed to allocate|requested allocation size|allocator is out of memory'
			! grep -qE "$mem" "$w"/san.* || case $found in *memory*) ;; *) found="$found,memory" ;; esac
			! grep -vE "$mem" "$w"/san.* | grep -qE 'ERROR|runtime error|fatal error|Tracer caught' ||
				found="$found,sanitizer"
			log=$OUT/findings/$src/${rel#*/}.$step.log
			mkdir -p "$(dirname "$log")"
			{ echo "# soan $*"; echo "# exit $rc"; cat "$w/stderr" "$w"/san.*; } >"$log"
		fi
		[ "$(sha256sum <"$in")" = "$sum" ] || found="$found,input"
		if [ -n "$found" ]; then
			verdict=${found#,}
		elif [ $rc = 1 ]; then
			verdict=refused
		else
			verdict=ok
		fi
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$src" "${rel#*/}" "$step" "$rc" \
			"$secs" "$kb" "$lines" "$first" "$outb" "$verdict"
		return $rc
	}

	# the reader's block stream, whatever the recognizer makes of it
	run blocks - extract --dump=blocks "$in"
	run extract - extract "$in" || exit 0
	mv "$w/stdout" "$w/plan.xml"
	run docx out.docx generate "$w/plan.xml" -o out.docx
	rm -f "$w/cwd/out.docx"
	run pdf out.pdf generate "$w/plan.xml" -o out.pdf
	exit 0
fi

# ---- the whole run ----
if [ $# != 3 ]; then
	echo "usage: $0 SOAN DIR OUT" >&2
	exit 2
fi
SOAN=$1 DIR=$2 OUT=$3
case $SOAN in /*) ;; *) SOAN=$(pwd)/$SOAN ;; esac
if [ ! -d "$DIR" ]; then
	echo "robustness: no folder $DIR: nothing to run.  Gather other projects' test"
	echo "files into it with tests/robustness/gather.sh -o $DIR (its header says where"
	echo "the git mirrors come from), or point ROBUSTNESS_DIR at such a folder."
	exit 0
fi
DIR=$(cd "$DIR" && pwd)
# an ASan build lists its flags
ASAN_BUILD=
! ASAN_OPTIONS=help=1 "$SOAN" --help 2>&1 >/dev/null | grep -q intercept_tls_get_addr || ASAN_BUILD=1
export ASAN_BUILD
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -rf "$OUT/tmp" "$OUT/findings"
mkdir -p "$OUT/tmp"
: "${SOURCES:=$(cd "$DIR" && ls)}"
echo "robustness: $SOAN over $DIR ($(echo "$SOURCES" | tr "\n" " " | sed "s/ $//")), $JOBS at a time, ${TIME_LIMIT} s and ${MEM_LIMIT_MB} MB each"
printf '# source\tfile\tstep\texit\tseconds\tpeak_kb\tstderr_lines\tstderr\tstdout_bytes\tverdict\n' \
	>"$OUT/results.tsv"
(cd "$DIR" && for s in $SOURCES; do [ -d "$s" ] && find -L "$s" -type f; done) | LC_ALL=C sort |
	tr '\n' '\0' | xargs -0 -r -n 1 -P "$JOBS" sh "$0" --one "$SOAN" "$DIR" "$OUT" >>"$OUT/results.tsv"
rm -rf "$OUT/tmp"

table "$OUT/results.tsv"
status=$?
if [ $status != 0 ]; then
	echo "robustness: findings (from $OUT/results.tsv; reports in $OUT/findings/):"
	awk -F'\t' '$1 !~ /^#/ && $10 != "ok" && $10 != "refused" {
		printf "  %s/%s %s: exit %s, %s  %s\n", $1, $2, $3, $4, $10, $8 }' "$OUT/results.tsv" | head -100
fi
exit $status
