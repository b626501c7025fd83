#!/bin/sh
# news-fetch over HTTP against the loopback server tests/fetch/httpd.py
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
NF="news-fetch --delay 0"

check '200: items of a feed over HTTP' '
	$NF "$BASE/feed/rss2.xml" > out && test "$(wc -l < out)" -eq 2 &&
	test "$(jq -r .feed.url out | sort -u)" = "$BASE/feed/rss2.xml"'
check 'an honest User-Agent naming newsutils and its version' '
	$NF "$BASE/ua" | jq -r .title | grep -q "^newsutils/[0-9][0-9.]* (news-fetch)$"'
check '404 and 410: one diagnostic each, exit 1, the good source still read' '
	$NF "$BASE/status/404" "$BASE/feed/rss10.rdf" "$BASE/status/410" > out 2> err
	test $? -eq 1 && test "$(wc -l < out)" -eq 1 && test "$(wc -l < err)" -eq 2 &&
	grep -q "status/404: HTTP 404$" err && grep -q "status/410: HTTP 410 Gone" err'
check '301: followed and reported as moved permanently' '
	$NF "$BASE/redirect/301/feed/atom10.xml" > out 2> err &&
	test "$(wc -l < out)" -eq 2 &&
	grep -q "redirect/301/feed/atom10.xml: moved permanently to $BASE/feed/atom10.xml; update your list" err'
check '308: reported too' '
	$NF "$BASE/redirect/308/feed/atom10.xml" > out 2> err &&
	grep -q "moved permanently to $BASE/feed/atom10.xml" err'
check '301 then 302: the permanent hop'"'"'s target is reported, not the temporary one' '
	$NF "$BASE/redirect/301/redirect/302/feed/atom10.xml" > out 2> err &&
	test -s out &&
	grep -q "redirect/301/redirect/302/feed/atom10.xml: moved permanently to $BASE/redirect/302/feed/atom10.xml;" err'
check '301 then 308: where the whole permanent chain leads' '
	$NF "$BASE/redirect/301/redirect/308/feed/atom10.xml" > out 2> err &&
	grep -q "moved permanently to $BASE/feed/atom10.xml;" err'
check '302 then 301: not reported (the feed URL itself moved only for now)' '
	$NF "$BASE/redirect/302/redirect/301/feed/atom10.xml" > out 2> err &&
	test -s out &&
	! grep -q "moved permanently" err'
check '302: followed silently' '
	$NF "$BASE/redirect/302/feed/atom10.xml" > out 2> err &&
	test "$(wc -l < out)" -eq 2 && test ! -s err'
check 'a redirect loop stops after 10 redirects' '
	$NF "$BASE/loop" > out 2> err; test $? -eq 1 && grep -q "too many redirects" err &&
	test "$(grep -c "GET /loop" "$SCRATCH/httpd.log")" -eq 11'
check 'a redirect to file:// is refused' '
	$NF "$BASE/tofile" > out 2> err; test $? -eq 1 && test ! -s out &&
	grep -q "redirect to file:///etc/passwd refused" err'
check '429 with Retry-After: waited for and retried' '
	: > "$SCRATCH/httpd.log"
	start=$(date +%s)
	$NF "$BASE/retry-after/1/feed/rss10.rdf" > out 2> err &&
	test "$(wc -l < out)" -eq 1 && test ! -s err &&
	test "$(grep -c retry-after "$SCRATCH/httpd.log")" -eq 2 &&
	test $(( $(date +%s) - start )) -ge 1'
check '429 with a Retry-After above --max-retry-after: failed, not waited for' '
	$NF --max-retry-after 5 "$BASE/retry-after/3600/feed/rss10.rdf" > out 2> err
	test $? -eq 1 && grep -q "HTTP 429 (Retry-After 3600 s)" err'
check '500 then 200: retried with backoff' '
	$NF "$BASE/flaky/1/feed/rss090.rdf" > out 2> err &&
	test "$(wc -l < out)" -eq 2 && test ! -s err'
check '500 every time: retries exhausted, exit 1' '
	$NF --retries 1 "$BASE/flaky/5/feed/rss090.rdf" > out 2> err
	test $? -eq 1 && grep -q "HTTP 500" err &&
	test "$(grep -c "flaky/5" "$SCRATCH/httpd.log")" -eq 2'
check 'a slow reply times out' '
	$NF --timeout 1 --retries 0 "$BASE/slow/3/feed/rss2.xml" > out 2> err
	test $? -eq 1 && grep -qi "timed out" err'
check 'a truncated body: an error' '
	$NF "$BASE/truncated/atom10.xml" > out 2> err; test $? -eq 1 &&
	grep -q "truncated/atom10.xml: " err'
check 'a gzip body is decoded' '
	$NF "$BASE/gzip/rss2.xml" > out && test "$(wc -l < out)" -eq 2'
check 'an oversized body is cut off with a diagnostic' '
	$NF --max-size 100K "$BASE/big/1000000" > out 2> err; test $? -eq 1 &&
	grep -q "larger than the maximum of 102400 bytes (--max-size)" err'
check 'an oversized body without Content-Length is cut off too' '
	$NF --max-size 100K "$BASE/gzip/rss2.xml" "$BASE/big/1000000?nolength" > out 2> err; test $? -eq 1 &&
	grep -q "larger than the maximum" err'
done_testing
