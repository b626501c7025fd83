#!/bin/sh
# news-fetch without --state: each feed's items are written as soon as
# that feed is done, so one hanging feed does not hold back the others
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd

check 'a hanging feed: the other feed'"'"'s items are on stdout before it ends' '
	: > out
	news-fetch --delay 0 --timeout 30 --retries 0 \
	    "$BASE/slow/20/feed/atom10.xml" "$BASE/feed/rss2.xml" > out 2> err &
	pid=$!
	n=0
	while [ "$(wc -l < out)" -lt 2 ] && [ $n -lt 100 ]; do
		sleep 0.1; n=$((n + 1))
	done
	kill -0 $pid && alive=1 || alive=0
	kill $pid 2>/dev/null; wait $pid 2>/dev/null
	test $alive -eq 1 && test "$(wc -l < out)" -eq 2 &&
	test "$(jq -r .feed.url out | sort -u)" = "$BASE/feed/rss2.xml"'
check 'the items of a finished feed are whole lines (valid JSON each)' '
	news-fetch --delay 0 "$BASE/feed/rss2.xml" "$BASE/feed/atom10.xml" > out &&
	test "$(wc -l < out)" -eq 4 && jq -e . out > /dev/null'
done_testing
