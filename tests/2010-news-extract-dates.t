#!/bin/sh
# news-extract: the publication date, from markup, addresses and text.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract/dates

pub() {
	news-extract "$X/$1.html" | jq -r .published
}

day() {
	pub "$1" | cut -c1-10
}

check 'a date beside the title after a long menu of "meta" items' \
	'test "$(day crowded)" = 2022-01-21'
check 'a date in the text far below the article is no publication date' \
	'test "$(pub far-text)" = null'
check 'a <time> far below a long article: the last resort' \
	'test "$(day far-time)" = 2020-08-06'
check 'a header holding the title: not the date in the title' \
	'test "$(day header-title)" = 2007-05-20'
check 'article:published_time before JSON-LD' \
	'test "$(pub og-ld)" = 2022-01-06T08:29:34+01:00'
check 'JSON-LD before <meta itemprop=datePublished>' \
	'test "$(day ld-itemprop)" = 2019-10-19'
check '"Jane Doe/June 12, 2020/Updated: ...": the date after the slash' \
	'test "$(day slash)" = 2020-06-12'

done_testing
