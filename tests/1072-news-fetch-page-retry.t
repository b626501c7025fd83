#!/bin/sh
# news-fetch --pages --state: a page that failed comes back on a later
# run (through the feed stage given the same --state) until it is there
# or 5 tries were made; a robots.txt that cannot be fetched (server down,
# 5xx) is not a ban: its host is left for this run, said once.
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd

feed() { # file, then title=url pairs
	f=$1; shift
	{
		echo '<rss version="2.0"><channel><title>Local</title>'
		for it in "$@"; do
			printf '<item><title>%s</title><link>%s</link></item>\n' "${it%%=*}" "${it#*=}"
		done
		echo '</channel></rss>'
	} > "$f"
}
# one cron run of the pipeline: feeds, pages; the pages stage's status in rc
cycle() { # state feed out [pages options]
	st=$1 f=$2 o=$3; shift 3
	news-fetch --delay 0 --state "$st" "$f" |
	    news-fetch --pages --delay 0 --state "$st" "$@" > "$o" 2> "$o.err"
	echo $? > "$o.rc"
}
rc() { cat "$1.rc"; }
get() { python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1]).read()" "$1"; }
titles() { jq -r .title "$1" | tr "\n" " "; }

feed one.xml "A=$BASE/page/a.html" "L=$BASE/late/1/page/b.iso-8859-1.html"
check 'run 1: the page not published yet (404) has an error, exit 1' '
	cycle ./s.db one.xml out1 --retry-wait 0 && test "$(rc out1)" -eq 1 &&
	test "$(titles out1)" = "A L " &&
	test "$(jq -c "select(.title == \"L\") | [.status, .error]" out1)" = "[404,\"HTTP 404\"]" &&
	jq -r "select(.title == \"A\") | .html" out1 | grep -q "Café A"'
check 'run 2: the feed stage writes that item again, its page is there now' '
	cycle ./s.db one.xml out2 --retry-wait 0 && test "$(rc out2)" -eq 0 &&
	test "$(titles out2)" = "L " && jq -e ".html | test(\"Café B\")" out2 && test ! -s out2.err'
check 'run 3: nothing new, nothing again' '
	cycle ./s.db one.xml out3 --retry-wait 0 && test "$(rc out3)" -eq 0 && test ! -s out3'

feed two.xml "G=$BASE/status/404?g"
check 'a page that never comes: 5 tries, then given up, said once' '
	for i in 1 2 3 4 5; do cycle ./g.db two.xml g$i --retry-wait 0; done
	test "$(cat g1 g2 g3 g4 g5 | jq -r .title | tr "\n" " ")" = "G G G G G " &&
	! grep -q "given up" g4.err && grep -q "status/404?g: HTTP 404: given up after 5 tries" g5.err &&
	cycle ./g.db two.xml g6 --retry-wait 0 && test "$(rc g6)" -eq 0 && test ! -s g6'
check 'the wait before the next try: --retry-wait (default 30 min), 4 times longer each time' '
	cycle ./w.db two.xml w1 && cycle ./w.db two.xml w2 &&
	test "$(wc -l < w1)" -eq 1 && test ! -s w2 &&
	test "$(sqlite3 w.db "select tries, (retry_at - strftime(\"%s\",\"now\") + 5) / 10 from outbox")" = "1|180" &&
	sqlite3 w.db "update outbox set retry_at = 0" && cycle ./w.db two.xml w3 &&
	test "$(wc -l < w3)" -eq 1 &&
	test "$(sqlite3 w.db "select tries, (retry_at - strftime(\"%s\",\"now\") + 5) / 10 from outbox")" = "2|720"'
check 'a page that is gone for good (410) or forbidden by robots.txt is not tried again' '
	feed three.xml "X=$BASE/status/410" "P=$BASE/private/p" && cycle ./p.db three.xml p1 --retry-wait 0 &&
	test "$(titles p1)" = "X P " && cycle ./p.db three.xml p2 --retry-wait 0 && test ! -s p2'

# the server down: no robots.txt, no page
port=$PORT
feed down.xml "D1=$BASE/page/a.html?d1" "D2=$BASE/page/a.html?d2" "D3=$BASE/page/b.iso-8859-1.html?d3"
stop_httpd
check 'server down: robots.txt unreachable is said once for the host, not "disallowed"' '
	cycle ./d.db down.xml d1 --retry-wait 0 --retries 0 && test "$(rc d1)" -eq 1 &&
	test "$(titles d1)" = "D1 D2 D3 " &&
	test "$(wc -l < d1.err)" -eq 1 && grep -q "robots.txt" d1.err &&
	grep -q "not fetched this run" d1.err && ! grep -q disallowed d1.err d1 &&
	test "$(jq -r .error d1 | sort -u | wc -l)" -eq 1'
start_httpd $port
check 'the server back: the next run fetches the pages' '
	test "$PORT" = "$port" &&
	cycle ./d.db down.xml d2 --retry-wait 0 && test "$(rc d2)" -eq 0 &&
	test "$(titles d2)" = "D1 D2 D3 " && test "$(jq -r .status d2 | tr "\n" " ")" = "200 200 200 "'

rec() { printf '{"id":"%s","url":"%s"}\n' "$1" "$2"; }
check 'robots.txt answered 503: not a ban either, said once, pages not fetched' '
	get "$BASE/robots-status/503" &&
	{ rec r1 "$BASE/page/a.html?r1"; rec r2 "$BASE/page/a.html?r2"; } |
	news-fetch --pages --delay 0 --retries 0 > r 2> r.err; test $? -eq 1 &&
	test "$(wc -l < r.err)" -eq 1 && grep -q "robots.txt: HTTP 503" r.err &&
	! grep -q "disallowed" r.err r && ! grep -q "GET /page/a.html?r" "$SCRATCH/httpd.log"'
check 'robots.txt answered 404: everything allowed' '
	get "$BASE/robots-status/404" &&
	rec r3 "$BASE/page/a.html?r3" | news-fetch --pages --delay 0 > r && jq -e ".status == 200" r'
check 'news-fetch(1) documents the retries and --retry-wait' '
	grep -q "retry-wait" "$TOP/man/news-fetch.1" && grep -q "given up" "$TOP/man/news-fetch.1"'
done_testing
