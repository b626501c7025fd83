#!/bin/sh
# bench/calendar.sh: one year calendar over 1,000,000 records (issue 6:
# under 2 s on one core).  Prints figures; never asserts.
NEWS_BIN=${NEWS_BIN:-$(dirname "$0")/../bin}
N=${CALENDAR_BENCH_N:-1000000}
T=$(mktemp -d "${TMPDIR:-/tmp}/news-calendar-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT

# records like news-fetch's, spread over 2025, a few fields each
awk -v n="$N" 'BEGIN {
	srand(6);
	for (i = 0; i < n; i++) {
		t = 1735689600 + int(rand() * 31536000);
		printf "{\"url\":\"https://example.org/%d\",\"id\":\"tag:example.org,2025:%d\",\"title\":\"Article number %d\",\"published\":\"%s\",\"categories\":[\"news\"]}\n",
		    i, i, i, strftime("%Y-%m-%dT%H:%M:%SZ", t, 1)
	}
}' >"$T/in.jsonl" || exit 2
size=$(wc -c <"$T/in.jsonl")

# wall and CPU (user + sys) seconds, by time(1) when there is one
run() {
	label=$1; shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %U %S" -o "$T/time" "$@" <"$T/in.jsonl" \
		    >/dev/null 2>"$T/err" || { cat "$T/err"; return; }
	else
		s=$(date +%s.%N)
		"$@" <"$T/in.jsonl" >/dev/null 2>"$T/err" || { cat "$T/err"; return; }
		e=$(date +%s.%N)
		echo "$s $e" | awk '{ print $2 - $1, $2 - $1, 0 }' >"$T/time"
	fi
	awk -v n="$N" -v b="$size" -v l="$label" '{
		u = $2 + $3; if (u <= 0) u = 0.001
		printf "%-44s %6.2f s wall %6.2f s cpu %9.0f records/s %6.1f MB/s (cpu)\n",
		    l, $1, u, n / u, b / u / 1e6 }' "$T/time"
}
echo "news-calendar over $N records ($((size / 1048576)) MiB)"
run "news-calendar -y 2025" "$NEWS_BIN/news-calendar" -y 2025
run "news-calendar -y 2025 --tz America/New_York" \
    "$NEWS_BIN/news-calendar" -y 2025 --tz America/New_York
run "news-calendar --heat -y 2025" "$NEWS_BIN/news-calendar" --heat -y 2025
run "news-calendar -f json -m 2025-12" "$NEWS_BIN/news-calendar" -f json -m 2025-12
run "news-calendar -f ics -m 2025-12" "$NEWS_BIN/news-calendar" -f ics -m 2025-12
if command -v jq >/dev/null 2>&1; then
	run "jq -c .published (for scale)" jq -c .published
fi
