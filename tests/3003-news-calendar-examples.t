#!/bin/sh
# Every command of EXAMPLES in news-calendar(1), run on a small archive
# (as OpenBSD's regress runs the examples of jot(1)).
. "$(dirname "$0")/lib.sh"

cp "$FIXTURES/calendar/archive.jsonl" archive.jsonl
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$TOP/man/news-calendar.1" |
    sed -n 's/^\$ //p' >examples
check 'the manual has examples' 'test "$(wc -l <examples)" -ge 6'
while IFS= read -r cmd; do
	check "example: $cmd" "{ $cmd; } >out 2>err && test -s out -o -s cal.html -o -s archive.ics && test ! -s err"
done <examples
check 'example outputs: widget, ics, busiest days' '
	xmllint --noout cal.html && grep -q "href=\"../../archive/2025/12/13/\"" cal.html &&
	grep -q "^BEGIN:VCALENDAR" archive.ics &&
	news-calendar -f json -m 2025-12 archive.jsonl |
	    jq -c ".weeks[][] | select(. != null and .count > 0) | [.day, .count]" |
	    head -n 1 | grep -qx "\[13,2\]"'

done_testing
