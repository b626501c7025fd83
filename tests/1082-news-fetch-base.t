#!/bin/sh
# news-fetch: the base of relative links (xml:base, the channel's link
# when it is http(s), else the feed's own URL)
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd
NF="news-fetch --delay 0"

check 'a javascript: channel link: relative links resolve against the feed URL' '
	$NF "$BASE/feed/js-link.xml" > out 2> err && test ! -s err &&
	jq -r .url out > got &&
	printf "%s\n" "$BASE/a/1" "$BASE/feed/b/2" https://news.example.org/c/3 \
	    https://base.example.net/x/d/4 > want && test_cmp want got &&
	test "$(jq -r ".comments // empty" out)" = "$BASE/a/1#c"'
check 'the javascript: link is not the feed link' '
	$NF "$BASE/feed/js-link.xml" | jq -e "select(.feed.link != null)" > found;
	test ! -s found'
check 'an http channel link stays the base of relative item links' '
	$NF "$BASE/feed/rss2.xml" | sed -n 2p | jq -r .url > got &&
	echo https://news.example.org/2025/12/second > want && test_cmp want got'
check 'an xml:base on an RSS item is the base of its link' '
	sed "s#javascript:alert(1)#https://site.example/#" "$FIXTURES/fetch/js-link.xml" > f.xml &&
	news-fetch f.xml | jq -r .url > got &&
	printf "%s\n" https://site.example/a/1 https://site.example/b/2 \
	    https://news.example.org/c/3 https://base.example.net/x/d/4 > want &&
	test_cmp want got'
done_testing
