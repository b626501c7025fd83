#!/bin/sh
# news-fetch --state: per-host backoff after repeated failures, across runs
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
NF="news-fetch --delay 0 --retries 0"

hostrow() {
	sqlite3 "$1" "select failures, cast(backoff_until - strftime('%s','now') as integer) from host where name = '127.0.0.1'"
}

check 'run 1: a 5xx fails and starts a backoff (failures 1, about the base)' '
	$NF --state ./b.db --host-backoff 2 "$BASE/status/500" > out 2> err
	test $? -eq 1 && grep -q "HTTP 500" err &&
	r=$(hostrow b.db) && test "${r%%|*}" -eq 1 &&
	w=${r#*|} && test "$w" -ge 1 && test "$w" -le 3'
check 'run 2: the host is skipped with one diagnostic, no request, exit 1' '
	: > "$SCRATCH/httpd.log"
	$NF --state ./b.db --host-backoff 2 "$BASE/feed/rss2.xml" > out 2> err
	test $? -eq 1 && test ! -s out && test ! -s "$SCRATCH/httpd.log" &&
	test "$(wc -l < err)" -eq 1 &&
	grep -Eq "^news-fetch: $BASE/feed/rss2.xml: host in backoff until 20[0-9-]{8}T[0-9:]{8}Z after 1 failure\$" err'
check 'run 3 after the wait: another failure doubles the backoff' '
	sleep 2.2
	$NF --state ./b.db --host-backoff 2 "$BASE/status/502" > out 2> err
	test $? -eq 1 && r=$(hostrow b.db) && test "${r%%|*}" -eq 2 &&
	w=${r#*|} && test "$w" -ge 3 && test "$w" -le 5 &&
	$NF --state ./b.db --host-backoff 2 "$BASE/feed/rss2.xml" 2> err
	test $? -eq 1 && grep -q "after 2 failures" err'
check 'the backoff is capped at 24 hours' '
	sqlite3 b.db "update host set backoff_until = 0, failures = 40" &&
	$NF --state ./b.db --host-backoff 3600 "$BASE/status/500" 2> /dev/null
	r=$(hostrow b.db) && test "${r%%|*}" -eq 41 &&
	w=${r#*|} && test "$w" -ge 86399 && test "$w" -le 86401'
check 'a success resets the count and the backoff' '
	sqlite3 b.db "update host set backoff_until = 0" &&
	$NF --state ./b.db --host-backoff 2 "$BASE/feed/rss2.xml" > out 2> err &&
	test "$(wc -l < out)" -eq 2 && test ! -s err &&
	test "$(sqlite3 b.db "select failures, backoff_until from host")" = "0|0.0"'
check 'a 404 is the feed'"'"'s failure, not the host'"'"'s: no backoff' '
	$NF --state ./n.db "$BASE/status/404" 2> /dev/null
	test $? -eq 1 && test -z "$(sqlite3 n.db "select * from host where failures > 0")"'
check 'a reply from one feed of a host keeps the host out of backoff' '
	$NF --state ./m.db "$BASE/status/500" "$BASE/feed/atom10.xml" > out 2> /dev/null
	test $? -eq 1 && test "$(wc -l < out)" -eq 2 &&
	test -z "$(sqlite3 m.db "select * from host where failures > 0")"'
check 'a connection error counts as a host failure' '
	$NF --state ./c.db --host-backoff 60 --connect-timeout 2 "http://127.0.0.1:1/feed" 2> err
	test $? -eq 1 && r=$(hostrow c.db) && test "${r%%|*}" -eq 1'
check 'a timeout counts as a host failure' '
	$NF --state ./t.db --timeout 1 "$BASE/slow/3/feed/rss2.xml" 2> err
	test $? -eq 1 && r=$(hostrow t.db) && test "${r%%|*}" -eq 1'
check 'a state file of the old schema gets the failures column' '
	sqlite3 old.db "CREATE TABLE source (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked INTEGER);
	    CREATE TABLE seen (source TEXT NOT NULL, key TEXT NOT NULL, first_seen INTEGER, PRIMARY KEY (source, key)) WITHOUT ROWID;
	    CREATE TABLE host (name TEXT PRIMARY KEY, backoff_until REAL);
	    INSERT INTO host VALUES ('"'"'old.example'"'"', 1);" &&
	$NF --state ./old.db --host-backoff 5 "$BASE/status/500" 2> /dev/null
	test "$(sqlite3 old.db "select name, failures from host order by name")" = "127.0.0.1|1
old.example|0" &&
	$NF --state ./old.db "$BASE/feed/rss2.xml" 2> err; test $? -eq 1 && grep -q "host in backoff" err'
check '--host-backoff 0: failures are counted, nothing is skipped' '
	$NF --state ./z.db --host-backoff 0 "$BASE/status/500" 2> /dev/null
	$NF --state ./z.db --host-backoff 0 "$BASE/feed/rss2.xml" > out 2> err &&
	test "$(wc -l < out)" -eq 2'
check_fail '--host-backoff must be seconds' 'news-fetch --host-backoff x a.xml'
done_testing
