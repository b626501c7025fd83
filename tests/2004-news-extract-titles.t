#!/bin/sh
# news-extract: the title by agreement of the h1 with <title> and og:title;
# authors only from strong evidence, never an organisation or a role.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

news-extract --html "$X/titles.html" >t.json 2>t.err

check 'title: the article h1 without its kicker, not the logo, hidden or
    footer h1, its typographic quotes kept' \
	'test "$(jq -r .title t.json)" = "Bohren, bis es „heiß“ wird"'
check 'site name from og:site_name' \
	'test "$(jq -r .site_name t.json)" = "Der Morgenbote"'
check 'separators left by a removed kicker are trimmed, several in a row' \
	'printf "%s" "<h1><span class=kicker>Port</span>: &ndash; | Harbour cranes return</h1><p>x</p>" |
	 news-extract --html - | jq -r .title | grep -qx "Harbour cranes return"'

news-extract --html "$X/authors.html" >a.json 2>a.err
news-extract --html "$X/staff.html" >s.json 2>s.err
check 'two JSON-LD authors joined as the page language reads, not the
    publishing company of the meta author' \
	'test "$(jq -r .author a.json)" = "Jana Peters und Tom Berg"'
check 'no author from "Staff reporter" or a newsroom byline' \
	'test "$(jq -r .author s.json)" = null'
done_testing
