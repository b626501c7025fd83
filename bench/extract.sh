#!/bin/sh
# bench/extract.sh: news-extract against the libxml2 parse-only baseline
# over the same pages, and peak RSS over a long record stream (issue 3:
# full extraction at least half the parse-only throughput; RSS <= 64 MB).
# Uses the development pages when unpacked (~/.cache/newsutils-devset),
# else our fixtures.  Prints figures; never asserts.
NEWS_BIN=${NEWS_BIN:-$(dirname "$0")/../bin}
NEWS_BUILD=${NEWS_BUILD:-$(dirname "$0")/../build/std}
TOP=${NEWS_TOP:-$(dirname "$0")/..}
N=${EXTRACT_BENCH_N:-300}
DEV=${NEWS_DEVSET:-$HOME/.cache/newsutils-devset}/extract/trafilatura/tests
T=$(mktemp -d "${TMPDIR:-/tmp}/news-extract-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT

if [ -d "$DEV" ]; then
	ls "$DEV"/eval/*.html "$DEV"/cache/*.html 2>/dev/null | head -n "$N" >"$T/list"
	src="$(wc -l <"$T/list") development pages"
else
	ls "$TOP"/tests/extract/*.html >"$T/list"
	src="$(wc -l <"$T/list") fixture pages"
fi
# one copy of every page on local disk, so both runs read the same bytes
i=0
while IFS= read -r f; do i=$((i + 1)); cp "$f" "$T/p$i.html"; done <"$T/list"
ls "$T"/p*.html >"$T/pages"
kb=$(cat "$T"/p*.html | wc -c | awk '{ printf "%.0f", $1 / 1024 / '"$i"' }')
echo "pages: $src, mean $kb KiB"

rounds=$(( (1000 + i - 1) / i ))
# news-extract reads the same pages as a record stream, in one process
for f in $(cat "$T/pages"); do jq -Rsc '{url: "https://example.org/a", html: .}' "$f"; done >"$T/one.jsonl"
r=0; : >"$T/stream.jsonl"
while [ "$r" -lt "$rounds" ]; do cat "$T/one.jsonl" >>"$T/stream.jsonl"; r=$((r + 1)); done
n=$(wc -l <"$T/stream.jsonl")

# RUNS runs of each (5 by default), interleaved, so that a change in the
# machine's load hits both; wall clock and CPU time (user + system) of
# each run.  The figures are the medians, and the ratio of the medians.
RUNS=${EXTRACT_BENCH_RUNS:-5}
: >"$T/runs"
k=0
while [ "$k" -lt "$RUNS" ]; do
	k=$((k + 1))
	set -- $(xargs "$NEWS_BUILD/bench/extract-parse" -r "$rounds" <"$T/pages")
	echo "parse $1 $2 $4" >>"$T/runs"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %U %S' -o "$T/t" "$NEWS_BIN/news-extract" \
		    <"$T/stream.jsonl" >/dev/null 2>&1
		awk -v n="$n" '{ print "extract", n, $1, $2 + $3 }' "$T/t" >>"$T/runs"
	else
		s=$(date +%s.%N)
		"$NEWS_BIN/news-extract" <"$T/stream.jsonl" >/dev/null 2>&1
		e=$(date +%s.%N)
		echo "extract $n $s $e" | awk '{ print $1, $2, $4 - $3, $4 - $3 }' >>"$T/runs"
	fi
done
awk -v runs="$RUNS" '
function med(a, n,   i, j, t) {	# median of a[1..n]
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
$1 == "parse" { p++; pw[p] = $2 / $3; pc[p] = $2 / $4 }
$1 == "extract" { x++; xw[x] = $2 / $3; xc[x] = $2 / $4; n = $2 }
END {
	for (i = 1; i <= x && i <= p; i++) {	# each run against its own parse run
		r[i] = xc[i] / pc[i]
		lo = i == 1 || r[i] < lo ? r[i] : lo
		hi = i == 1 || r[i] > hi ? r[i] : hi
	}
	m = med(r, i - 1)
	a = med(pw, p); b = med(xw, x); c = med(pc, p); d = med(xc, x)
	printf "parse only (libxml2 + encoding detection), %d pages a run, median of %d:\n", n, runs
	printf "  %.1f pages/s wall clock, %.1f pages/s of CPU\n", a, c
	printf "news-extract (records, metadata included), same pages, median of %d:\n", runs
	printf "  %.1f pages/s wall clock (%.2f of parse-only), %.1f pages/s of CPU (%.2f of parse-only)\n", b, b / a, d, d / c
	printf "  CPU ratio run by run (each against the parse run just before it): median %.2f, %.2f to %.2f\n", m, lo, hi
}' "$T/runs"

if [ -x /usr/bin/time ]; then
	/usr/bin/time -v "$NEWS_BIN/news-extract" <"$T/stream.jsonl" >/dev/null 2>"$T/time" || :
	awk -F: '/Maximum resident/ { printf "peak RSS over %d records: %.1f MB\n", '"$n"', $2 / 1024 }' "$T/time"
else
	echo "peak RSS: /usr/bin/time not installed"
fi
