#!/bin/sh
# news-extract: visible byline and date near the title, the article tail.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

news-extract --html "$X/byline.html" >b.json 2>b.err

check 'author from the "By <a>" byline under the title' \
	'test "$(jq -r .author b.json)" = "Sophia Davis"'
check 'published: the visible date under the title, not a sidebar,
    comment, update or copyright date' \
	'test "$(jq -r .published b.json)" = 2025-03-03T00:00:00Z'
check 'title and site name from <title>' \
	'test "$(jq -r .title b.json)" = "Harbour cranes return to Port Vela" &&
	 test "$(jq -r .site_name b.json)" = "The Coastline Courier"'
check 'article kept, related posts, share line and comments cut' \
	'jq -r .text b.json | grep -q "^PORT VELA — Four container cranes" &&
	 jq -r .text b.json | grep -q "in a single shift again" &&
	 ! jq -r .text b.json | grep -E -q "dredging|Related posts|Share this|Great news|Ferry timetable"'
done_testing
