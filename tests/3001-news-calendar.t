#!/bin/sh
# news-calendar: options, marking, time zones and DST, bad input, html, json.
. "$(dirname "$0")/lib.sh"

A=$FIXTURES/calendar/archive.jsonl
B=$FIXTURES/calendar/bad.jsonl
# the days of a month that have articles, as "d d d"
days() {
	news-calendar -f json "$@" |
	    jq -r '[.weeks[][] | select(. != null and .count > 0) | .day] |
	        map(tostring) | join(" ")'
}

check '--help fits a screen, --version' '
	news-calendar --help >out && test "$(wc -l <out)" -le 24 &&
	grep -q "^usage: news-calendar" out &&
	news-calendar --version | grep -q "0\."'
check 'usage matches the man SYNOPSIS' '
	news-calendar -x 2>err; test $? -eq 2 &&
	grep -q "^usage: news-calendar \[-3cMqS\] \[-f text | html | json | ics\]" err &&
	mandoc -Tascii "$TOP/man/news-calendar.1" 2>/dev/null | col -b |
	    grep -q "news-calendar \[-3cMqS\] \[-f text | html | json | ics\]" ||
	    ! command -v mandoc >/dev/null'
check 'man page lint clean' '
	! command -v mandoc >/dev/null ||
	test -z "$(mandoc -Tlint -W warning "$TOP/man/news-calendar.1")"'

check 'default month is the newest article'"'"'s' '
	news-calendar -S $A | head -n 1 | grep -qx "    January 2026"'
check 'empty input: the current month, exit 0' '
	news-calendar </dev/null >out && test "$(wc -l <out)" -eq 8'
check 'marked days: the space after the day becomes *' '
	cat >expect <<-EOT &&
	   December 2025
	Su Mo Tu We Th Fr Sa
	    1  2  3  4  5  6
	 7  8  9 10 11 12 13*
	14 15 16 17 18 19 20
	21 22 23 24 25 26 27
	28 29 30 31*

	EOT
	news-calendar -S -m 2025-12 $A >actual && test_cmp expect actual'
check 'no escape sequences when not a terminal' '
	news-calendar -m 2025-12 $A >out && ! grep -q "$(printf "\033")" out'
check 'reverse video on a terminal, none with NO_COLOR' '
	if command -v script >/dev/null; then
	    env -u NO_COLOR script -qec "news-calendar -m 2025-12 $A" /dev/null >out &&
	    grep -q "$(printf "\033")\[7m13" out &&
	    NO_COLOR=1 script -qec "news-calendar -m 2025-12 $A" /dev/null >out &&
	    ! grep -q "$(printf "\033")\[7m" out && grep -q "13\*" out
	fi'
check '-c: counts in the grid' '
	news-calendar -c -S -m 2025-12 $A >out &&
	sed -n 4p out | grep -qx " \.  \.  \.  \.  \.  \.  2" &&
	sed -n 7p out | grep -qx " \.  \.  \.  1"'
check '-c widens the cells for big counts' '
	awk "BEGIN { for (i = 0; i < 123; i++) print \"{\\\"published\\\":\\\"2025-12-13T10:00:00Z\\\"}\" }" |
	    news-calendar -c -S -m 2025-12 >out &&
	grep -q "^       December 2025$" out && grep -q "  \. 123$" out &&
	sed -n 2p out | grep -qx " Su  Mo  Tu  We  Th  Fr  Sa"'
check '-m more than once' '
	news-calendar -m 2025-11 -m 2025-12 </dev/null >out &&
	test "$(wc -l <out)" -eq 16'
check '--monday / --sunday / locale default' '
	news-calendar -m 2025-12 </dev/null | sed -n 2p | grep -q "^Mo" &&
	news-calendar --sunday -m 2025-12 </dev/null | sed -n 2p | grep -q "^Su" &&
	news-calendar --sunday --monday -m 2025-12 </dev/null | sed -n 2p | grep -q "^Mo" &&
	if locale -a 2>/dev/null | grep -qi "^en_US.utf8"; then
	    LC_ALL=en_US.UTF-8 news-calendar -m 2025-12 </dev/null |
	        sed -n 2p | grep -q "^Su"; fi &&
	if locale -a 2>/dev/null | grep -qi "^de_DE.utf8"; then
	    LC_ALL=de_DE.UTF-8 news-calendar -m 2025-12 </dev/null |
	        sed -n 2p | grep -q "^Mo"; fi'

# time zones: 2025-12-13T23:30:00Z, and 10:00+01:00 the same day
check 'tz UTC: the 13th' '
	test "$(days -m 2025-12 $A)" = "13 31"'
check 'tz from TZ' '
	test "$(TZ=Asia/Ulaanbaatar days -m 2025-12 $A)" = "13 14"'
check 'tz Asia/Ulaanbaatar: the 14th (and New Year moves to January)' '
	test "$(days --tz Asia/Ulaanbaatar -m 2025-12 $A)" = "13 14" &&
	test "$(days --tz Asia/Ulaanbaatar -m 2026-01 $A)" = "1"'
check 'tz America/New_York: still the 13th' '
	test "$(days --tz America/New_York -m 2025-12 $A)" = "13 31"'
check 'tz fixed offset +08:00' '
	test "$(days --tz +08:00 -m 2025-12 $A)" = "13 14"'
check 'DST: New York EDT then EST around 2025-11-02' '
	test "$(days --tz America/New_York -m 2025-11 $A)" = "2" &&
	test "$(days --tz -04:00 -m 2025-11 $A)" = "2 3" &&
	test "$(days -m 2025-11 $A)" = "2 3"'
check 'DST: Berlin spring forward, 2025-03-30' '
	printf "%s\n" "{\"published\":\"2025-03-30T22:30:00Z\"}" \
	    "{\"published\":\"2025-03-29T23:30:00Z\"}" >dst.jsonl &&
	test "$(days --tz Europe/Berlin -m 2025-03 dst.jsonl)" = "30 31" &&
	test "$(days --tz +01:00 -m 2025-03 dst.jsonl)" = "30" &&
	test "$(days -m 2025-03 dst.jsonl)" = "29 30"'
check_fail 'unknown zone is a usage error' 'news-calendar --tz Mars/Olympus </dev/null'
check 'unknown zone exits 2 with a message' '
	news-calendar --tz Mars/Olympus </dev/null 2>err; test $? -eq 2 &&
	grep -q "^news-calendar: --tz Mars/Olympus: unknown time zone" err'

# bad input
check 'bad records counted and reported once each, exit 1' '
	news-calendar -S -m 2025-12 $B >out 2>err; test $? -eq 1 &&
	cat >expect <<-EOT &&
	news-calendar: $B:8: invalid JSON: invalid token near '"'"'this'"'"' (column 4)
	news-calendar: 2 records skipped: no date (first: $B:2)
	news-calendar: 2 records skipped: unreadable date (first: $B:4: next Tuesday-ish)
	news-calendar: 2 records skipped: dated outside 1900..2100 (first: $B:6: 1899-12-31T23:59:59Z)
	EOT
	test_cmp expect err && grep -q "^    1\* 2\* 3" out'
check 'months outside 1900..2100 are usage errors' '
	for a in "-m 1899-12" "-m 2101-01" "-y 1899" "-y 2101" "-m 2025-13" \
	    "-m 2025-1" "-y 25" "-3 -m 1900-01" "-3 -m 2100-12" "-f pdf" \
	    "-y 2025 -m 2025-12" "--heat -f html"; do
		news-calendar $a </dev/null 2>err >/dev/null
		test $? -eq 2 && test -s err || { echo "$a"; exit 1; }
	done &&
	news-calendar -m 1899-12 </dev/null 2>&1 | grep -q "outside 1900-01..2100-12"'
check 'edges 1900-01 and 2100-12 are fine' '
	news-calendar -m 1900-01 -m 2100-12 </dev/null >/dev/null &&
	news-calendar -3 -m 1900-02 </dev/null >/dev/null &&
	news-calendar -3 -m 2100-11 </dev/null >/dev/null'
check 'unreadable file: reported, the rest read, exit 1' '
	news-calendar -m 2025-12 nonexistent $A >out 2>err; test $? -eq 1 &&
	grep -q nonexistent err && grep -q "13\*" out'

# heat map
check '--heat: 7 weekday rows, legend, plain characters' '
	news-calendar --heat -y 2025 $A >out &&
	grep -q "^ *2025$" out && grep -c "^\(Mo\|Tu\|We\|Th\|Fr\|Sa\|Su\)  " out | grep -qx 7 &&
	grep -q "\. none" out && grep -q "# 2 *articles a day" out &&
	! LC_ALL=C grep -q "[^ -~]" out'
check '--heat: the 13th of December is the darkest' '
	news-calendar --heat -S -y 2025 $A >out &&
	test "$(grep -o "#" out | wc -l)" -eq 2'
check '--heat defaults to the newest year' '
	news-calendar --heat $A | head -n 1 | grep -q 2026'

# html
check 'html: valid fragment, caption, headers, links, navigation' '
	news-calendar -f html -m 2025-12 --link "a/%Y/%m/%d.html?x=1&y=2" \
	    --base "../" $A >cal.html &&
	xmllint --noout cal.html &&
	grep -q "<caption>December 2025</caption>" cal.html &&
	grep -q "<abbr title=\"Monday\">Mo</abbr>" cal.html &&
	grep -q "href=\"../a/2025/12/13.html?x=1&amp;y=2\" aria-label=\"December 13, 2025: 2 articles\">13</a>" cal.html &&
	grep -q "href=\"../a/2025/11/\" title=\"November 2025\">&#171; Nov</a>" cal.html &&
	grep -q "href=\"../a/2026/01/\" title=\"January 2026\">Jan &#187;</a>" cal.html &&
	! grep -qi "<script\|style=\|onclick" cal.html'
check 'html: no navigation where no months have articles' '
	news-calendar -f html -m 2025-10 $A >cal.html && xmllint --noout cal.html &&
	grep -q "<span class=\"prev\"></span>" cal.html &&
	grep -q "title=\"November 2025\">Nov &#187;" cal.html &&
	news-calendar -f html -m 2025-12 </dev/null >cal.html &&
	! grep -q "<a " cal.html'
check 'html: nearest months skip empty ones' '
	news-calendar -f html -m 2025-08 --month-link "m/%Y-%m" $A |
	    grep -q "href=\"m/2025-10\" title=\"October 2025\">Oct &#187;"'
check 'html: -y gives twelve valid widgets' '
	news-calendar -f html -y 2025 $A >y.html &&
	{ echo "<div>"; cat y.html; echo "</div>"; } | xmllint --noout - &&
	test "$(grep -c "<caption>" y.html)" -eq 12'

# json
check 'json: one object per month, weeks of seven cells' '
	news-calendar -f json -S -y 2025 $A >out &&
	test "$(wc -l <out)" -eq 12 &&
	jq -e "select(.month == 12) | .year == 2025 and .first_weekday == \"Sunday\"
	    and .count == 3 and (.weeks | length) == 5
	    and (.weeks | all(length == 7)) and .weeks[0][0] == null
	    and .weeks[0][1].day == 1" out >/dev/null &&
	jq -e "select(.month == 12) | [.weeks[][] | select(. != null and .day == 13)][0].articles |
	    map(.id) == [\"tag:example.org,2025:dec-1\", \"tag:example.org,2025:dec-2\"]" out >/dev/null'
check 'json: Monday first' '
	news-calendar -f json -M -m 2025-12 $A |
	    jq -e ".first_weekday == \"Monday\" and .weeks[0][0].day == 1" >/dev/null'

done_testing
