#!/bin/sh
# tests/fuzz/campaign.sh NAME:RUNS:SECONDS[:MAXLEN] ... - a background
# fuzz campaign, one harness after another, each until it has executed
# RUNS inputs or SECONDS have passed, at nice 19 so that builds and tests
# beside it keep the machine.  MAXLEN caps the input length (default
# 262144): short inputs run many times faster and, for the text readers,
# reach the same coverage.  Run `make fuzz-build` first.
#
# Each harness keeps its corpus in build-fuzz/NAME.corpus (seeded from
# tests/fuzz/seeds.sh), writes crashes as build-fuzz/NAME.crash-* and
# friends, logs to build-fuzz/logs/NAME.K.log, and adds one line to
# build-fuzz/campaign.log with its executions, speed and coverage:
#   tests/fuzz/campaign.sh text:1000000:1200:8192 md:1000000:1200:8192
# With -s [LOG...] instead, prints the totals the logs hold (default
# build-fuzz/campaign.log) for each harness: runs, executions, their mean
# speed and the last coverage.  tests/fuzz/campaigns.log keeps the
# project's record across machines: each session's campaign.log lines go
# there, and `campaign.sh -s tests/fuzz/campaigns.log` sums the life of
# each harness.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
B=$TOP/build-fuzz
if [ "${1:-}" = -s ]; then
	shift
	[ $# -gt 0 ] || set -- "$B/campaign.log"
	for f in "$@"; do
		[ -f "$f" ] || { echo "campaign: no $f" >&2; exit 2; }
	done
	awk '/^#/ { next }
	$3 == "end" || $3 == "carried" {
		name = $4; execs = 0; speed = 0
		for (i = 5; i <= NF; i++) {
			if ($i ~ /^execs=[0-9]+$/) execs = substr($i, 7)
			if ($i ~ /^exec\/s=[0-9]+$/) speed = substr($i, 8)
			if ($i == "cov:") cov[name] = $(i + 1)
		}
		if (!(name in seen)) { seen[name] = 1; order[++n] = name }
		if ($3 == "end") runs[name]++
		total[name] += execs
		if (speed > 0) { secs[name] += execs / speed; timed[name] += execs }
	}
	END {
		printf "%-12s %5s %12s %8s %6s\n", "harness", "runs", "executions", "exec/s", "edges"
		for (k = 1; k <= n; k++) {
			h = order[k]
			printf "%-12s %5d %12d %8s %6s\n", h, runs[h], total[h],
			    (secs[h] > 0 ? sprintf("%.0f", timed[h] / secs[h]) : "-"), cov[h]
		}
	}' "$@"
	exit 0
fi
mkdir -p "$B/logs"
for spec in "$@"; do
	IFS=: read -r name runs secs maxlen <<EOF
$spec
EOF
	[ -x "$B/fuzz_$name" ] || { echo "campaign: no $B/fuzz_$name (make fuzz-build)" >&2; exit 2; }
	"$TOP/tests/fuzz/seeds.sh" "$name" "$B/$name.seeds"
	mkdir -p "$B/$name.corpus"
	k=1
	while [ -e "$B/logs/$name.$k.log" ]; do k=$((k + 1)); done
	log=$B/logs/$name.$k.log
	echo "$(date '+%F %T') start $name runs=$runs time=$secs max_len=${maxlen:-262144}" >>"$B/campaign.log"
	nice -n 19 "$B/fuzz_$name" -runs="$runs" -max_total_time="$secs" -timeout=60 \
		-rss_limit_mb=2048 -max_len="${maxlen:-262144}" -print_final_stats=1 \
		-artifact_prefix="$B/$name." "$B/$name.corpus" "$B/$name.seeds" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	echo "$(date '+%F %T') end $name rc=$rc execs=${execs:-?} exec/s=${speed:-?} $cov log=$log" >>"$B/campaign.log"
done
