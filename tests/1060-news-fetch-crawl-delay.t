#!/bin/sh
# news-fetch --pages: robots.txt Crawl-delay is the least delay per host
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
NF="news-fetch --pages --delay 0 -j 8 --per-host 0"

rec() { printf '{"id":"%s","url":"%s"}\n' "$1" "$2"; }
three() { rec 1 "$BASE/page/a.html"; rec 2 "$BASE/page/b.iso-8859-1.html"; rec 3 "$BASE/page/a.html?x"; }
ms() { echo $(($(date +%s%N) / 1000000)); }
crawl() { python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1]).read()" "$BASE/crawl-delay/$1"; }

check 'without Crawl-delay and with --delay 0 three pages take no waiting' '
	crawl off; t0=$(ms); three | $NF > out && t1=$(ms) &&
	test "$(jq -r .status out | tr "\n" " ")" = "200 200 200 " &&
	test $((t1 - t0)) -lt 900'
check 'Crawl-delay: 0.5 spaces robots.txt and the three pages 0.5 s apart' '
	crawl 0.5; t0=$(ms); three | $NF > out && t1=$(ms) &&
	test "$(jq -r .status out | tr "\n" " ")" = "200 200 200 " &&
	test $((t1 - t0)) -ge 1500 && test $((t1 - t0)) -lt 4000'
check 'a Crawl-delay shorter than --delay leaves --delay' '
	crawl 0.1; t0=$(ms); three | news-fetch --pages --delay 0.5 --per-host 0 > out && t1=$(ms) &&
	test $((t1 - t0)) -ge 1500 && test $((t1 - t0)) -lt 4000'
check '--ignore-robots ignores Crawl-delay too' '
	crawl 5; t0=$(ms); three | $NF --ignore-robots > out && t1=$(ms) &&
	test "$(wc -l < out)" -eq 3 && test $((t1 - t0)) -lt 900'
check 'a nonsense Crawl-delay is ignored' '
	crawl soon; t0=$(ms); three | $NF > out && t1=$(ms) &&
	test "$(wc -l < out)" -eq 3 && test $((t1 - t0)) -lt 900'
check 'a Crawl-delay beyond 30 s is cut to 30 s (robots.txt and one page: 30 s)' '
	crawl 86400; t0=$(ms); rec 1 "$BASE/page/a.html" | $NF > out && t1=$(ms) &&
	test "$(jq -r .status out)" = 200 &&
	test $((t1 - t0)) -ge 29500 && test $((t1 - t0)) -lt 34000'
done_testing
