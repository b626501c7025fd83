#!/bin/sh
# bench/fetch.sh: news-fetch figures (issue 4).  Prints; never asserts.
#  1. parse speed and peak RSS on a generated RSS feed (FETCH_BENCH_ITEMS
#     items, default 100,000: about 80 MB), next to sfeed(1) in the same run
#  2. the devset's real-world feeds (when ~/.cache/newsutils-devset is
#     there): all parsed?  items counted
#  3. network: 1,000 feeds from the loopback server (bench/fetch-httpd.py),
#     each reply delayed 100 ms, -j 50, no per-host limit: wall time
#     against the ideal 2 s;
#     then a second run with --state: conditional requests, 304s, 0 items
NEWS_BIN=${NEWS_BIN:-$(dirname "$0")/../bin}
TOP=${NEWS_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
N=${FETCH_BENCH_ITEMS:-100000}
NFEEDS=${FETCH_BENCH_FEEDS:-1000}
DEVSET=${NEWS_DEVSET:-$HOME/.cache/newsutils-devset/feeds/corpus}
T=$(mktemp -d "${TMPDIR:-/tmp}/news-fetch-bench.XXXXXX") || exit 2
trap 'kill $HTTPD 2>/dev/null; rm -rf "$T"' EXIT

# run CMD with stdin/stdout files; print wall s, CPU s, peak RSS MB
measure() {
	python3 - "$@" <<'EOF'
import os, subprocess, sys, time
inp, out = sys.argv[1], sys.argv[2]
t0 = time.time()
p = subprocess.Popen(sys.argv[3:], stdin=open(inp, 'rb'),
                     stdout=open(out, 'wb'), stderr=subprocess.DEVNULL)
_, status, ru = os.wait4(p.pid, 0)
t1 = time.time()
print('%.3f %.3f %.1f %d' % (t1 - t0, ru.ru_utime + ru.ru_stime,
                             ru.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)))
EOF
}

echo "== parse: generated RSS 2.0, $N items"
python3 "$TOP/bench/fetch-gen.py" "$N" > "$T/big.xml" || exit 2
size=$(wc -c < "$T/big.xml")
printf '%-28s %8s %8s %9s %9s %7s\n' tool wall-s cpu-s MB/s-cpu peak-MB items
for round in 1 2 3; do
	set -- $(measure /dev/null "$T/out.jsonl" "$NEWS_BIN/news-fetch" "$T/big.xml")
	items=$(wc -l < "$T/out.jsonl")
	awk -v w="$1" -v c="$2" -v m="$3" -v b="$size" -v n="$items" -v r="$round" 'BEGIN {
	    printf "%-28s %8.2f %8.2f %9.0f %9.1f %7d\n", "news-fetch (round " r ")", w, c, b / c / 1e6, m, n }'
	if command -v sfeed > /dev/null 2>&1; then
		set -- $(measure "$T/big.xml" "$T/out.sfeed" sfeed)
		items=$(wc -l < "$T/out.sfeed")
		awk -v w="$1" -v c="$2" -v m="$3" -v b="$size" -v n="$items" -v r="$round" 'BEGIN {
		    printf "%-28s %8.2f %8.2f %9.0f %9.1f %7d\n", "sfeed (round " r ")", w, c, b / c / 1e6, m, n }'
	fi
done
command -v sfeed > /dev/null 2>&1 || echo "(sfeed not installed: make deps)"
echo "feed size: $((size / 1000000)) MB; CPU time (user+sys) is the figure on a busy machine"

echo "== devset: real-world feeds in $DEVSET"
if [ -d "$DEVSET" ]; then
	nf=0; nok=0; nitems=0; : > "$T/failed"
	find "$DEVSET" -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' \
	    -o -name '*.rdf' -o -name '*.json' -o -name '*.feed' \) | sort > "$T/devset"
	while IFS= read -r f; do
		nf=$((nf + 1))
		if "$NEWS_BIN/news-fetch" -q "$f" > "$T/d.jsonl" 2> "$T/d.err"; then
			nok=$((nok + 1))
		else
			echo "  failed: ${f#$DEVSET/}: $(head -n 1 "$T/d.err")" >> "$T/failed"
		fi
		nitems=$((nitems + $(wc -l < "$T/d.jsonl")))
	done < "$T/devset"
	echo "feeds: $nf, parsed without error: $nok, items: $nitems"
	cat "$T/failed"
else
	echo "(no devset here; skipped)"
fi

echo "== network: $NFEEDS feeds, 100 ms per reply, -j 50, no per-host limit"
# an asyncio server: holds every delayed reply at once in one thread
python3 "$TOP/bench/fetch-httpd.py" "$T/port" "$T/log" &
HTTPD=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
BASE=http://127.0.0.1:$(cat "$T/port")
i=0
while [ $i -lt "$NFEEDS" ]; do echo "$BASE/gen/$i?delay=100"; i=$((i + 1)); done > "$T/list"
ideal=$(awk -v n="$NFEEDS" 'BEGIN { printf "%.1f", n / 50 * 0.1 }')
: > "$T/log"
set -- $(measure /dev/null "$T/net.jsonl" "$NEWS_BIN/news-fetch" -q -j 50 --per-host 0 \
    --delay 0 --state "$T/state.db" -f "$T/list")
echo "run 1 (--state, fresh): wall $1 s (ideal $ideal s), exit $4, items $(wc -l < "$T/net.jsonl"), requests $(wc -l < "$T/log")"
: > "$T/log"
set -- $(measure /dev/null "$T/net2.jsonl" "$NEWS_BIN/news-fetch" -q -j 50 --per-host 0 \
    --delay 0 --state "$T/state.db" -f "$T/list")
req=$(wc -l < "$T/log")
cond=$(grep -c 'INM="g' "$T/log")
n304=$(grep -c 'STATUS=304$' "$T/log")
items2=$(wc -l < "$T/net2.jsonl")
echo "run 2 (--state): wall $1 s, exit $4, items $items2, requests $req, conditional $cond, answered 304: $n304"
if [ "$req" -eq "$NFEEDS" ] && [ "$cond" -eq "$req" ] && [ "$n304" -eq "$req" ] && [ "$items2" -eq 0 ]; then
	echo "run 2 check: ok (only conditional requests, only 304s, 0 items)"
else
	echo "run 2 check: FAILED (want $NFEEDS requests, all conditional, all 304, 0 items)"
fi
if command -v curl > /dev/null 2>&1; then
	sed 's/^/url = /' "$T/list" > "$T/curlcfg"
	set -- $(measure /dev/null /dev/null curl -s -Z --parallel-max 50 -K "$T/curlcfg" -o /dev/null)
	echo "for scale, curl -Z --parallel-max 50 on the same URLs: wall $1 s"
fi
