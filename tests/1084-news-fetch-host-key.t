#!/bin/sh
# news-fetch: per-host politeness is keyed by the host name, so the
# ports of one host share --per-host and --delay (as news-fetch(1) says)
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
start_httpd2
ms() { echo $(($(date +%s%N) / 1000000)); }

check 'two ports of one host, --per-host 1: one transfer at a time' '
	t0=$(ms)
	news-fetch --delay 0 --per-host 1 "$BASE/slow/1/gen/1" "$BASE2/slow/1/gen/2" > out &&
	t1=$(ms) && test "$(wc -l < out)" -eq 4 && test $((t1 - t0)) -ge 2000'
check 'two ports of one host, --per-host 2: both at once' '
	t0=$(ms)
	news-fetch --delay 0 --per-host 2 "$BASE/slow/1/gen/1" "$BASE2/slow/1/gen/2" > out &&
	t1=$(ms) && test "$(wc -l < out)" -eq 4 && test $((t1 - t0)) -lt 1900'
check 'two ports of one host share --delay' '
	t0=$(ms)
	news-fetch --delay 1 --per-host 0 "$BASE/gen/1" "$BASE2/gen/2" > out &&
	t1=$(ms) && test "$(wc -l < out)" -eq 4 && test $((t1 - t0)) -ge 1000'
check 'news-fetch(1) says the ports of a host share the limits' '
	man_text=$(tr "\n" " " < "$TOP/man/news-fetch.1") &&
	echo "$man_text" | grep -q "keyed by the host name"'
done_testing
