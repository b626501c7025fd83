#!/bin/sh
# news-fetch --state: conditional GET, seen items, overlapping runs, kill -9
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
NF="news-fetch --delay 0"
F=$FIXTURES/fetch

check 'conditional GET: run 1 gets 200 and the items' '
	$NF --state ./st.db "$BASE/feed/rss2.xml" > out1 2> err &&
	test "$(wc -l < out1)" -eq 2 && test ! -s err &&
	grep -q "GET /feed/rss2.xml INM=- IMS=-" "$SCRATCH/httpd.log"'
check 'run 2 sends If-None-Match and If-Modified-Since, gets 304, 0 items, exit 0' '
	: > "$SCRATCH/httpd.log"
	$NF --state ./st.db "$BASE/feed/rss2.xml" > out2 2> err &&
	test ! -s out2 && test ! -s err &&
	grep -q "GET /feed/rss2.xml INM=\"[0-9a-f]*\" IMS=Tue, 14 Nov 2023" "$SCRATCH/httpd.log"'
check 'run 3: the validators survived the 304' '
	: > "$SCRATCH/httpd.log"
	$NF --state ./st.db "$BASE/feed/rss2.xml" > out3 &&
	test ! -s out3 && grep -q "INM=\"[0-9a-f]" "$SCRATCH/httpd.log"'
check 'seen items: a local feed read twice gives its items once' '
	$NF --state ./st.db "$F/rss2.xml" > a && $NF --state ./st.db "$F/rss2.xml" > b &&
	test "$(wc -l < a)" -eq 2 && test ! -s b'
check 'a consumer that dies loses nothing: items are marked seen only after output' '
	$NF --state ./lost.db "$F/atom10.xml" "$F/rss2.xml" > /dev/full 2> err
	test $? -eq 2 && grep -q "write error" err &&
	$NF --state ./lost.db "$F/atom10.xml" "$F/rss2.xml" > again &&
	test "$(wc -l < again)" -eq 4'
check 'a new item in a known feed is emitted alone' '
	cp "$F/rss2.xml" feed.xml && $NF --state ./grow.db feed.xml > /dev/null &&
	sed "1,/<item>/s|<item>|<item><title>New one</title><guid>urn:new</guid></item><item>|" "$F/rss2.xml" > feed.xml &&
	$NF --state ./grow.db feed.xml > new &&
	test "$(jq -r .title new)" = "New one"'
check 'a failed fetch keeps the old validators' '
	$NF --state ./st.db --host-backoff 0 "$BASE/status/500" > /dev/null 2>&1
	: > "$SCRATCH/httpd.log"
	$NF --state ./st.db "$BASE/feed/rss2.xml" > out4 && test ! -s out4'
check 'Retry-After beyond the limit is remembered per host across runs' '
	$NF --state ./ra.db --max-retry-after 1 "$BASE/retry-after/3600/feed/rss2.xml" > /dev/null 2>&1
	: > "$SCRATCH/httpd.log"
	$NF --state ./ra.db -v "$BASE/feed/rss2.xml" > out 2> err &&
	test ! -s out && grep -q "skipped: host asked us to wait" err &&
	test ! -s "$SCRATCH/httpd.log"'
check 'overlapping runs on one state file: both succeed, every item once' '
	i=0; : > list
	while [ $i -lt 30 ]; do echo "$BASE/gen/$i?delay=50" >> list; i=$((i + 1)); done
	$NF -q --state ./ov.db -f list > o1 & p1=$!
	$NF -q --state ./ov.db -f list > o2 & p2=$!
	wait $p1 && wait $p2 &&
	test "$(cat o1 o2 | jq -r .id | sort | uniq | wc -l)" -eq 60 &&
	test "$(sqlite3 ov.db "select count(*) from seen")" -eq 60 &&
	test "$(sqlite3 ov.db "pragma integrity_check")" = ok'
check 'kill -9 during a run leaves a consistent state' '
	i=0; : > slow
	while [ $i -lt 40 ]; do echo "$BASE/gen/$((100 + i))?delay=100" >> slow; i=$((i + 1)); done
	$NF -q -j 4 --state ./k.db -f slow > k1 & pid=$!
	sleep 0.6; kill -9 $pid; wait $pid 2>/dev/null
	test "$(sqlite3 k.db "pragma integrity_check")" = ok &&
	n1=$(sqlite3 k.db "select count(*) from seen") &&
	$NF -q -j 8 --state ./k.db -f slow > k2 &&
	test "$(sqlite3 k.db "select count(*) from seen")" -eq 80 &&
	test "$(cat k1 k2 | jq -r .id | sort -u | wc -l)" -eq 80 &&
	test "$n1" -le "$(wc -l < k1)"'
done_testing
