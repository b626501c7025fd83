#!/bin/sh
# news-fetch --pages: pages behind records, robots.txt, input order
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
NF="news-fetch --pages --delay 0"

rec() { printf '{"id":"%s","url":"%s","mine":"kept"}\n' "$1" "$2"; }

check 'html, status, final_url, content_type, fetched_at added; own fields kept' '
	rec a "$BASE/page/a.html" | $NF > out &&
	jq -e "(.html | test(\"Café A\")) and .status == 200 and .final_url == \"$BASE/page/a.html\" and .content_type == \"text/html\" and (.fetched_at | test(\"^20..-..-..T..:..:..Z$\")) and .mine == \"kept\"" out'
check 'a page in ISO-8859-1 is decoded to UTF-8 from the Content-Type charset' '
	rec b "$BASE/page/b.iso-8859-1.html" | $NF > out &&
	jq -e ".html | test(\"Café B\")" out'
check 'input order is kept although the first page is the slowest' '
	{ rec slow "$BASE/slow/1/page/a.html"; rec fast "$BASE/page/b.iso-8859-1.html"; rec f2 "$BASE/page/a.html"; } |
	$NF > out && test "$(jq -r .id out | tr "\n" " ")" = "slow fast f2 "'
check 'robots.txt is honoured: error, diagnostic, exit 1, record kept' '
	rec p "$BASE/private/secret" | $NF > out 2> err; test $? -eq 1 &&
	jq -e ".error | test(\"robots.txt\")" out && grep -q "^news-fetch: p: disallowed by robots.txt" err &&
	! grep -q "GET /private" "$SCRATCH/httpd.log"'
check 'robots.txt is fetched once per host' '
	: > "$SCRATCH/httpd.log"
	{ rec 1 "$BASE/page/a.html"; rec 2 "$BASE/page/b.iso-8859-1.html"; rec 3 "$BASE/private/x"; } | $NF > /dev/null 2>&1
	test "$(grep -c "GET /robots.txt" "$SCRATCH/httpd.log")" -eq 1'
check '--ignore-robots fetches it anyway' '
	rec p "$BASE/private/secret" | $NF --ignore-robots > out && jq -e ".html | test(\"secret\")" out'
check 'a failed fetch: the record with error and status, exit 1' '
	{ rec n "$BASE/status/404"; rec a "$BASE/page/a.html"; } | $NF > out 2> err; test $? -eq 1 &&
	test "$(jq -c "[.id, .status, .error]" out | tr "\n" " ")" = "[\"n\",404,\"HTTP 404\"] [\"a\",200,null] "'
check 'a file:// URL in a record is never read' '
	rec f "file:///etc/passwd" | $NF > out 2> err; test $? -eq 1 &&
	jq -e ".error | test(\"not an http\")" out && ! grep -q root: out'
check 'a record without url is passed through unchanged, with a note, exit 0' '
	echo "{\"title\":\"t\",\"x\":[1,2]}" | $NF > out 2> err &&
	test "$(cat out)" = "{\"title\":\"t\",\"x\":[1,2]}" && grep -q "<stdin>:1: no url" err'
check 'a line that is not JSON is reported; the rest goes on' '
	{ echo "not json"; rec a "$BASE/page/a.html"; } | $NF > out 2> err; test $? -eq 1 &&
	test "$(wc -l < out)" -eq 1 && grep -q "<stdin>:1:" err'
check 'feeds to pages in one pipeline' '
	printf "%s\n" "{\"id\":\"x\",\"url\":\"$BASE/page/a.html\"}" > one.jsonl &&
	news-fetch --delay 0 "$BASE/feed/rss2.xml" | jq -c "{id, url: \"$BASE/page/a.html\"}" |
	$NF > out && test "$(jq -r .status out | tr "\n" " ")" = "200 200 "'
done_testing
