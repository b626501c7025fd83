#!/bin/sh
# news-fetch: source lists, OPML, and the EXAMPLES of news-fetch(1)
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
F=$FIXTURES/fetch
MAN=$TOP/man/news-fetch.1

check '-f: one source a line, comments, blank lines and labels' '
	printf "%s\n" "# my feeds" "" "$F/rss2.xml   Example News  # trailing" \
	    "  file://$F/atom10.xml" "$F/feed11.json JSON one" > list &&
	news-fetch --export-opml -f list > out.opml &&
	grep -c "<outline " out.opml | grep -qx 3 &&
	grep -q "text=\"Example News\" title=\"Example News\" xmlUrl=\"$F/rss2.xml\"" out.opml &&
	news-fetch -f list > out && test "$(wc -l < out)" -eq 6'
check '-f -: the list on the standard input' '
	echo "$F/rss10.rdf" | news-fetch -f - > out && test "$(wc -l < out)" -eq 1'
check '--opml: nested outlines, outlines without xmlUrl skipped' '
	news-fetch --opml "$F/subs.opml" --export-opml > out.opml &&
	test "$(grep -c xmlUrl out.opml)" -eq 3 &&
	grep -q "text=\"Example &amp; Co\"" out.opml'
check '--export-opml round trip' '
	news-fetch --opml "$F/subs.opml" --export-opml > a.opml &&
	news-fetch --opml a.opml --export-opml > b.opml && test_cmp a.opml b.opml'
check 'a source of another scheme: one diagnostic, exit 1' '
	news-fetch "ftp://example.org/feed" "$F/rss10.rdf" > out 2> err; test $? -eq 1 &&
	test "$(wc -l < out)" -eq 1 && grep -q "ftp://example.org/feed: unsupported source" err'
check 'a bad option value: exit 2' '
	news-fetch -j 0 "$F/rss2.xml" 2> err; test $? -eq 2 && grep -q "jobs 0: too small" err'
check '--help on stdout, exit 0; --version' '
	news-fetch --help | grep -q "^usage: news-fetch" && news-fetch --version | grep -q "[0-9]"'

# EXAMPLES of news-fetch(1), run against the loopback server and fixtures
check 'man EXAMPLES: titles of a feed' '
	grep -qF "news-fetch https://news.example.org/feed.xml | jq -r .title" "$MAN" &&
	news-fetch --delay 0 $BASE/feed/rss2.xml | jq -r .title > got &&
	printf "%s\n" "First & foremost" "Second" > want && test_cmp want got'
check 'man EXAMPLES: the crontab line, run three times' '
	cmd=$(sed -n "s/^\*\/10 \* \* \* \* //p" "$MAN") && test -n "$cmd" &&
	HOME=$SCRATCH/home && export HOME && mkdir -p "$HOME/news" &&
	printf "%s\n" "$BASE/feed/rss2.xml" "$BASE/feed/atom10.xml" > "$HOME/news/feeds.txt" &&
	eval "$cmd" && test "$(wc -l < "$HOME/news/items.jsonl")" -eq 4 &&
	eval "$cmd" && eval "$cmd" && test "$(wc -l < "$HOME/news/items.jsonl")" -eq 4 &&
	test "$(grep -c "INM=\"" "$SCRATCH/httpd.log")" -eq 4'
check 'man EXAMPLES: OPML import and export' '
	grep -qF "news-fetch --opml subscriptions.opml --export-opml > feeds.opml" "$MAN" &&
	cp "$F/subs.opml" subscriptions.opml &&
	news-fetch --opml subscriptions.opml --export-opml > feeds.opml &&
	grep -q "xmlUrl=\"https://json.example.com/feed.json\"" feeds.opml'
if command -v news-extract > /dev/null 2>&1 && command -v news-tag > /dev/null 2>&1; then
	check 'man EXAMPLES: the pipeline of news(7)' '
		printf "%s\n" "<rss version=\"2.0\"><channel><title>Local</title>" \
		    "<item><title>A</title><link>$BASE/page/a.html</link></item>" \
		    "<item><title>B</title><link>$BASE/page/a.html?b</link></item>" \
		    "</channel></rss>" > local.xml &&
		echo "$SCRATCH/local.xml" > feeds.txt &&
		cmd=$(sed -n "/^news-fetch -f feeds.txt --state state.db/{N;s/\n//;p;}" "$MAN") &&
		test -n "$cmd" && eval "$cmd" &&
		test "$(wc -l < archive.jsonl)" -eq 2 && jq -e .text archive.jsonl > /dev/null'
else
	skip 'man EXAMPLES: the pipeline of news(7) (news-extract or news-tag not built)'
fi
check 'mandoc -Tlint is clean' '
	! command -v mandoc > /dev/null || mandoc -Tlint -W warning "$MAN"'
done_testing
