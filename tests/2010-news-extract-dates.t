#!/bin/sh
# news-extract: the publication date, from markup, addresses and text.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract/dates

pub() {
	news-extract --html "$X/$1.html" | jq -r .published
}

day() {
	pub "$1" | cut -c1-10
}

check 'a date beside the title after a menu of 200 "meta" items' \
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
check 'a date deep in a caption'"'"'s sentence is what it tells of, not when' \
	'test "$(day sentence)" = 2021-01-17'
check 'hAtom: the date in the title attribute of class=published' \
	'test "$(pub hatom)" = 2013-04-04T18:52:11Z'
check 'JSON-LD "2022-01-10T22:06:08:684Z": the date of a broken ISO time' \
	'test "$(day iso-broken)" = 2022-01-10'
check 'just below the title in a box named a sidebar: the page'"'"'s own' \
	'test "$(day sidebar)" = 2019-05-23'
check 'but not in a widget of recent posts' \
	'test "$(pub widget)" = null'
check 'a page showing the last change only: that day (visible text beside the title)' \
	'test "$(day shown-text)" = 2022-01-12'
check 'article:published_time and JSON-LD disagree: the day the page shows' \
	'test "$(day og-ld-shown)" = 2015-10-15'
check 'JSON-LD wrapped in <![CDATA[ ]]>' \
	'test "$(day ld-cdata)" = 2015-10-15'
check 'more meta conventions: cXenseParse:recs:publishtime, pdate' \
	'test "$(pub cxense)" = 2022-05-11T04:10:00-03:00 &&
	 test "$(day pdate)" = 2016-12-30'
check 'a kicker before the title in the h1; the page'"'"'s own teaser text below it' \
	'test "$(day kicker-teaser)" = 2022-01-25'
check 'but not a teaser card linking to another page' \
	'test "$(pub teaser-card)" = null'
check '"08.01.2020 – 02.02.2020": a span of time, no day of publication' \
	'test "$(pub span)" = null'
check 'an address segment that is a date: ".../meldungen/29-10-2021"' \
	'test "$(day url-dmy)" = 2021-10-29'

check 'a date in a data- attribute of a date element (data-date, Unix seconds)' \
	'test "$(day data-date)" = 2020-03-18 &&
	 test "$(pub data-timestamp)" = 2020-03-18T12:12:08Z'
check 'the last resort: a date key in a script'"'"'s data, also escaped' \
	'test "$(pub script-key)" = 2019-03-02T06:22:28+01:00 &&
	 test "$(day script-escaped)" = 2016-11-04'
check 'but any date on the page comes first' \
	'test "$(day script-late)" = 2022-01-21'

check 'a paragraph that opens with its date in brackets: "(21. November 2022) ..."' \
	'test "$(day bracket-lead)" = 2022-11-21'

check 'a visible date in the text before a weak <meta name=date>' \
	'test "$(day weak-text)" = 2021-10-13'
check 'the address before a weak <meta name=DC.date>' \
	'test "$(pub weak-url)" = 2020-04-28T00:00:00Z'

check '"Erschienen am: 01.11.2023" in a footer says what it is' \
	'test "$(day footer-label)" = 2023-11-01'
check 'but not "Posted on ..." in a comment' \
	'test "$(pub comment-label)" = null'

done_testing
