#!/bin/sh
# news-extract: the title by agreement of the h1 with <title> and og:title.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

news-extract "$X/titles.html" >t.json 2>t.err

check 'title: the article h1 without its kicker, not the logo, hidden or
    footer h1, its typographic quotes kept' \
	'test "$(jq -r .title t.json)" = "Bohren, bis es „heiß“ wird"'
check 'site name from og:site_name' \
	'test "$(jq -r .site_name t.json)" = "Der Morgenbote"'
done_testing
