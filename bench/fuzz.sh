#!/bin/sh
# bench/fuzz.sh: make fuzz for longer, with figures.  Every libFuzzer target
# (tests/fuzz/NAME.c) runs FUZZ_SECONDS (default 120) in turn, one at a
# time, from its seeds and its dictionary only (a fresh corpus in
# build/fuzz/bench/NAME/, so runs compare; FUZZ_KEEP=1 keeps the corpus
# grown by earlier runs), and a table follows: target, seconds, runs, edges
# (libFuzzer's cov), features, corpus size, crashes.  FUZZ_TARGETS="url text"
# runs only those.  A crash, leak or timeout ends that target's run; its
# input is left in build/fuzz/bench/NAME/ and named under the table.
# Skipped (exit 0, with the reason) when the libFuzzer build fails.  Prints
# figures; never asserts.
set -u
TOP=${NEWS_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
SECONDS_EACH=${FUZZ_SECONDS:-120}
cd "$TOP" || exit 2
T=$(mktemp -d "${TMPDIR:-/tmp}/news-fuzz-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
unset MAKEFLAGS MFLAGS MAKELEVEL

# the tag target reads build/tag, which the main build makes
if ! make -s all fuzz-build >"$T/build" 2>&1; then
	echo "bench/fuzz.sh: skipped: make fuzz-build failed:"
	tail -n 5 "$T/build"
	exit 0
fi
targets=${FUZZ_TARGETS:-$(cd tests/fuzz && ls *.c | sed 's/\.c$//')}

printf '%-14s %7s %11s %7s %7s %7s %7s\n' target seconds runs edges ft corpus crashes >"$T/table"
: >"$T/found"
for n in $targets; do
	d=build/fuzz/bench/$n
	[ "${FUZZ_KEEP:-0}" = 1 ] || rm -rf "$d"
	mkdir -p "$d/corpus"
	echo "== fuzz $n for ${SECONDS_EACH}s"
	t0=$(date +%s)
	NEWS_DATADIR=$TOP/build/tag build/fuzz/$n -max_total_time="$SECONDS_EACH" \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix="$d/" \
	    $(test -f tests/fuzz/$n.dict && echo "-dict=tests/fuzz/$n.dict") \
	    "$d/corpus" tests/fuzz/seeds/$n >"$d/log" 2>&1
	st=$?
	t1=$(date +%s)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$d/log")
	# the last status line: "#N  KIND cov: E ft: F corp: C/B ..."
	last=$(grep -E '^#[0-9]+.*cov: ' "$d/log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p')
	crashes=0
	for a in "$d"/crash-* "$d"/leak-* "$d"/timeout-* "$d"/oom-*; do
		[ -e "$a" ] || continue
		crashes=$((crashes + 1))
		echo "$n: $a ($(grep -m 1 -E 'ERROR|SUMMARY' "$d/log"))" >>"$T/found"
	done
	if [ "$st" -ne 0 ] && [ "$crashes" -eq 0 ]; then
		crashes=?
		echo "$n: exit $st without an artifact: $d/log" >>"$T/found"
	fi
	printf '%-14s %7s %11s %7s %7s %7s %7s\n' "$n" $((t1 - t0)) "${runs:-?}" \
	    "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes" >>"$T/table"
done
cat "$T/table" "$T/found"
