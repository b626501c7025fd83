#!/bin/sh
# bench/archive.sh: news-archive over a synthetic archive (issue 12).
# Prints: add throughput and bytes per record building an archive of N
# records (~3 KB of text each, default 100,000); the CPU cost of adding
# 1,000 more to an archive of 10,000 and to one of N (the ratio is the
# point: the cost of a run must not grow with the archive); search
# latency (median and 99th percentile of 100 queries, each a process
# start as a user sees it); peak RSS of each step.  Never asserts.
NEWS_BIN=${NEWS_BIN:-$(dirname "$0")/../bin}
N=${ARCHIVE_BENCH_N:-100000}
SMALL=${ARCHIVE_BENCH_SMALL:-10000}
T=$(mktemp -d "${TMPDIR:-/tmp}/news-archive-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
A=$NEWS_BIN/news-archive

# gen FIRST COUNT SEED: article records like news-tag's output: ~3 KB of
# text over a 20,000-word vocabulary with a Zipf-like spread, countries,
# tags, a random simhash, a fetch time
gen() {
	awk -v f="$1" -v n="$2" -v seed="$3" 'BEGIN {
		srand(seed);
		split("MN CN KR JP US DE FR GB IN BR", cc, " ");
		split("Politics Economy Asia Europe Energy Mining Sport Culture Health Science", tg, " ");
		for (i = f; i < f + n; i++) {
			t = 1672531200 + int(rand() * 94608000);
			printf "{\"url\":\"https://site%d.example/news/%d\",\"id\":\"tag:bench,%d\",", i % 97, i, i
			printf "\"title\":\"Story %d about w%d and w%d\",", i, int(20000 * rand() ^ 3), int(20000 * rand() ^ 3)
			printf "\"published\":\"%s\",", strftime("%Y-%m-%dT%H:%M:%SZ", t, 1)
			printf "\"fetched_at\":\"%s\",", strftime("%Y-%m-%dT%H:%M:%SZ", t + 600, 1)
			printf "\"feed\":{\"url\":\"https://site%d.example/feed\"},", i % 97
			printf "\"text\":\""
			for (w = 0; w < 480; w++) {
				printf "w%d%s", int(20000 * rand() ^ 3), (w % 40 == 39) ? ".\\n\\n" : " "
			}
			printf "\",\"countries\":[\"%s\"],\"tags\":[\"%s\",\"%s\"],", cc[1 + int(rand() * 10)], tg[1 + int(rand() * 10)], tg[1 + int(rand() * 10)]
			printf "\"simhash\":\"%08x%08x\"}\n", int(rand() * 4294967296), int(rand() * 4294967296)
		}
	}'
}

# timed LABEL N CMD...: wall, CPU, rate (of N records; 0: none) and peak
# RSS of CMD
timed() {
	label=$1 n=$2; shift 2
	/usr/bin/time -f "%e %U %S %M" -o "$T/time" "$@" >/dev/null 2>"$T/err" ||
	    { echo "$label: failed"; cat "$T/err"; return 1; }
	awk -v n="$n" -v l="$label" '{ c = $2 + $3; if (c <= 0) c = 0.001
		r = n > 0 ? sprintf("%9.0f records/s (cpu)", n / c) : sprintf("%25s", "")
		printf "%-46s %7.2f s wall %7.2f s cpu %s %6.0f MB rss\n",
		    l, $1, c, r, $4 / 1024 }' "$T/time"
}

size() {	# bytes of a database with its log
	cat "$1" "$1-wal" 2>/dev/null | wc -c
}

echo "news-archive: $N records of ~3 KB of text (synthetic), 2 cores shared"
gen 0 "$N" 1 >"$T/in.jsonl"
in=$(wc -c <"$T/in.jsonl")
echo "input: $((in / 1048576)) MiB, $((in / N)) bytes/record"
timed "add $N into an empty archive" "$N" "$A" add "$T/big.db" "$T/in.jsonl"
s=$(size "$T/big.db")
echo "database: $((s / 1048576)) MiB, $((s / N)) bytes/record ($(awk -v s="$s" -v i="$in" 'BEGIN { printf "%.2f", s / i }')x the JSON lines)"

gen 0 "$SMALL" 1 >"$T/small.jsonl"
"$A" import -q "$T/small.db" "$T/small.jsonl"
gen 5000000 1000 2 >"$T/new.jsonl"
cp "$T/small.db" "$T/small2.db"
cp "$T/big.db" "$T/big2.db"
timed "add 1,000 new into $SMALL" 1000 "$A" add "$T/small.db" "$T/new.jsonl"
c1=$(awk '{ print $2 + $3 }' "$T/time")
timed "add 1,000 new into $N" 1000 "$A" add "$T/big.db" "$T/new.jsonl"
c2=$(awk '{ print $2 + $3 }' "$T/time")
echo "cost of +1,000 into $N / into $SMALL: $(awk -v a="$c2" -v b="$c1" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2f", a / b }')x (cpu)"
timed "add the same 1,000 again into $N (no-op)" 1000 "$A" add "$T/big.db" "$T/new.jsonl"
timed "import $SMALL into an empty archive" "$SMALL" "$A" import -q "$T/imp.db" "$T/small.jsonl"

# 100 queries: single words of every frequency, AND, OR, phrase, prefix
# (of four characters or more: "w1*" matches 11,111 terms, most of the
# archive, and takes seconds, as a one-letter prefix of real text would)
awk 'BEGIN { srand(7); for (i = 0; i < 100; i++) {
	a = int(20000 * rand() ^ 3); b = int(20000 * rand() ^ 3)
	k = i % 5
	if (k == 0) print "w" a
	else if (k == 1) print "w" a " AND w" b
	else if (k == 2) print "w" a " OR w" b
	else if (k == 3) print "\"w" a " w" b "\""
	else print "w" (1000 + a % 9000) "*"	# about ten terms, as a word prefix
} }' >"$T/queries"
: >"$T/lat"
while IFS= read -r q; do
	s0=$(date +%s%N)
	"$A" search "$T/big.db" "$q" >/dev/null 2>&1
	s1=$(date +%s%N)
	echo $(((s1 - s0) / 1000)) >>"$T/lat"
done <"$T/queries"
sort -n "$T/lat" | awk -v n="$N" '{ v[NR] = $1 } END {
	p = int(NR * 0.99) + 1; if (p > NR) p = NR
	printf "search over %d records, 100 queries: median %.1f ms, p99 %.1f ms, max %.1f ms\n",
	    n, v[int(NR / 2) + 1] / 1000, v[p] / 1000, v[NR] / 1000 }'
timed "search 'w1 AND w2'" 0 "$A" search "$T/big.db" "w1 AND w2"
timed "search --country MN w5" 0 "$A" search --country MN "$T/big.db" w5
timed "get --limit 100 (newest)" 0 "$A" get --limit 100 "$T/big.db"
timed "get --added-since (the last 1,000)" 0 "$A" get --added-since "$N" "$T/big.db"
timed "get --country MN --since 2025-01-01" 0 "$A" get --country MN --since 2025-01-01 "$T/big.db"
timed "export $N" "$N" "$A" export "$T/big.db"
timed "stats" 0 "$A" stats "$T/big.db"
echo https://site1.example/news/1 >"$T/ex"
timed "remove 1 (with the index merge)" 0 "$A" remove -q "$T/big2.db" --exclude "$T/ex"
