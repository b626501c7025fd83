#!/bin/sh
# news-fetch: a refused redirect is named by its absolute target, and
# final_url is the last URL fetched, never the refused one
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
NF="news-fetch --delay 0"

check 'a relative hop then file://: the error names file:///etc/passwd' '
	$NF "$BASE/redirect/302/tofile" > out 2> err; test $? -eq 1 &&
	test ! -s out && test "$(wc -l < err)" -eq 1 &&
	grep -q "redirect/302/tofile: redirect to file:///etc/passwd refused" err'
check 'two relative hops then ftp://: the error names ftp://127.0.0.1/x' '
	$NF "$BASE/redirect/301/redirect/302/ftp" > out 2> err; test $? -eq 1 &&
	grep -q ": redirect to ftp://127.0.0.1/x refused" err &&
	! grep -q "redirect to /" err'
check '--pages: final_url is the last URL fetched, not the refused target' '
	printf "{\"id\":\"1\",\"url\":\"%s\"}\n" "$BASE/redirect/302/tofile" |
	    $NF --pages > out 2> err; test $? -eq 1 &&
	test "$(jq -r .final_url out)" = "$BASE/tofile" &&
	jq -e ".error | test(\"file:///etc/passwd refused\")" out > /dev/null'
check '--pages: final_url after followed redirects is where they led' '
	printf "{\"id\":\"1\",\"url\":\"%s\"}\n" "$BASE/redirect/302/page/a.html" |
	    $NF --pages > out &&
	test "$(jq -r .final_url out)" = "$BASE/page/a.html"'
done_testing
