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

# Three runs of each, interleaved, so that a change in the machine's load
# hits both; wall clock and CPU time (user + system) of each run.  The
# figures are the medians, and the ratio of the medians.
: >"$T/runs"
for k in 1 2 3; do
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
awk '
function med(a, k,   t) {	# median of a[1..3]
	if (a[1] > a[2]) { t = a[1]; a[1] = a[2]; a[2] = t }
	if (a[2] > a[3]) { t = a[2]; a[2] = a[3]; a[3] = t }
	if (a[1] > a[2]) { t = a[1]; a[1] = a[2]; a[2] = t }
	return a[2]
}
$1 == "parse" { p++; pw[p] = $2 / $3; pc[p] = $2 / $4 }
$1 == "extract" { x++; xw[x] = $2 / $3; xc[x] = $2 / $4; n = $2 }
END {
	a = med(pw); b = med(xw); c = med(pc); d = med(xc)
	printf "parse only (libxml2 + encoding detection), %d pages a run, median of 3:\n", n
	printf "  %.1f pages/s wall clock, %.1f pages/s of CPU\n", a, c
	printf "news-extract (records, metadata included), same pages, median of 3:\n"
	printf "  %.1f pages/s wall clock (%.2f of parse-only), %.1f pages/s of CPU (%.2f of parse-only)\n", b, b / a, d, d / c
}' "$T/runs"

if [ -x /usr/bin/time ]; then
	/usr/bin/time -v "$NEWS_BIN/news-extract" <"$T/stream.jsonl" >/dev/null 2>"$T/time" || :
	awk -F: '/Maximum resident/ { printf "peak RSS over %d records: %.1f MB\n", '"$n"', $2 / 1024 }' "$T/time"
else
	echo "peak RSS: /usr/bin/time not installed"
fi
