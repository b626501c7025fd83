#!/bin/sh
# news-calendar -f ics: RFC 5545 framing checked here, and the file parsed
# by a real iCalendar library (Debian's python3-icalendar, from make deps).
. "$(dirname "$0")/lib.sh"

A=$FIXTURES/calendar/archive.jsonl

check 'CRLF everywhere, no line over 75 octets, folds keep UTF-8 whole' '
	news-calendar -f ics $A >a.ics &&
	test "$(grep -c "$(printf "\r")$" a.ics)" -eq "$(wc -l <a.ics)" &&
	LC_ALL=C awk "{ sub(/\r$/, \"\"); if (length(\$0) > 75) exit 1 }" a.ics &&
	LC_ALL=C awk "/^ / { c = substr(\$0, 2, 1); if (c >= \"\200\" && c < \"\300\") exit 1 }" a.ics &&
	tr -d "\r" <a.ics | iconv -f UTF-8 -t UTF-8 >/dev/null &&
	grep -q "^ " a.ics'
check 'one VEVENT per dated article, framing' '
	test "$(grep -c "^BEGIN:VEVENT" a.ics)" -eq 7 &&
	head -n 3 a.ics | tr -d "\r" | tr "\n" " " |
	    grep -q "^BEGIN:VCALENDAR VERSION:2.0 PRODID:-//newsutils//news-calendar " &&
	tail -n 1 a.ics | tr -d "\r" | grep -qx "END:VCALENDAR"'
check 'escaping: \\ \; \, and CATEGORIES' '
	tr -d "\r" <a.ics >a.txt &&
	grep -q "^SUMMARY:Council vote\\\\, at last$" a.txt &&
	grep -q "^DESCRIPTION:The council voted\\\\; 7 for\\\\, 2 against\\.$" a.txt &&
	grep -q "^DESCRIPTION:A night on the train \\\\\\\\ with a backslash\\\\, and \"quotes\"\\.$" a.txt &&
	grep -q "^CATEGORIES:a\\\\;b,c\\\\,d$" a.txt &&
	grep -q "^SUMMARY:Same day & more$" a.txt'
check 'DTSTART in UTC, DTSTAMP from the record, not the clock' '
	grep -q "^DTSTART:20251213T090000Z" a.txt &&
	grep -A2 "^UID:" a.txt | grep -q "^DTSTAMP:20251102T080000Z$" &&
	grep -q "^DTSTAMP:20251103T060000Z$" a.txt'
check 'stable across runs and zones' '
	sleep 1 && TZ=Asia/Tokyo news-calendar -f ics $A >b.ics && cmp a.ics b.ics'
check 'UIDs unique and stable from the id' '
	test "$(grep "^UID:" a.txt | sort -u | wc -l)" -eq 7 &&
	grep "^UID:" a.txt | grep -qv "@newsutils$" && exit 1;
	printf "%s\n" "{\"id\":\"x\",\"published\":\"2025-01-01T00:00:00Z\",\"title\":\"one\"}" |
	    news-calendar -f ics | grep -q "^UID:[0-9a-f]\{16\}@newsutils"'
check '-m limits the events to the month (in the zone)' '
	test "$(news-calendar -f ics -m 2025-12 $A | grep -c "^BEGIN:VEVENT")" -eq 3 &&
	test "$(news-calendar -f ics --tz Asia/Ulaanbaatar -m 2025-12 $A | grep -c "^BEGIN:VEVENT")" -eq 2'
check 'bad input still makes a valid calendar, exit 1' '
	news-calendar -f ics $FIXTURES/calendar/bad.jsonl >c.ics 2>err; test $? -eq 1 &&
	test "$(grep -c "^BEGIN:VEVENT" c.ics)" -eq 2 && grep -q "skipped: no date" err'

# a Python with the icalendar module: python3 on PATH, else Debian's
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c "import icalendar" 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
	skip 'python3-icalendar is not installed (make deps)'
else
	cat >parse.py <<-'EOT'
	import sys, icalendar
	cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
	assert cal["VERSION"] == "2.0", cal["VERSION"]
	ev = cal.walk("VEVENT")
	assert len(ev) == 7, len(ev)
	by = {str(e["URL"]): e for e in ev}
	e = by["https://example.org/2025/12/late"]
	assert str(e["SUMMARY"]) == "Late edition"
	assert e.decoded("DTSTART").isoformat() == "2025-12-13T23:30:00+00:00", e.decoded("DTSTART")
	d = str(e["DESCRIPTION"])
	assert d.startswith("Late at night in London, morning in Ulaanbaatar: Улаанбаатар"), d
	assert d.endswith("переноса строк."), d
	cats = e["CATEGORIES"]
	cats = [str(c) for c in (cats.cats if hasattr(cats, "cats") else cats)]
	assert cats == ["world", "Монголия"], cats
	e = by["https://example.org/2025/11/night"]
	assert str(e["DESCRIPTION"]) == 'A night on the train \\ with a backslash, and "quotes".', str(e["DESCRIPTION"])
	e = by["https://example.org/2025/12/same-day"]
	cats = e["CATEGORIES"]
	cats = [str(c) for c in (cats.cats if hasattr(cats, "cats") else cats)]
	# icalendar 4.0 splits CATEGORIES at escaped commas too (fixed in 5.x)
	assert cats in (["a;b", "c,d"], ["a;b", "c", "d"]), cats
	assert str(by["https://example.org/2025/11/vote"]["SUMMARY"]) == "Council vote, at last"
	print("parsed", len(ev), "events")
	EOT
	check 'python3-icalendar parses it: events, text, UTF-8, categories' '
		"$PY" parse.py a.ics'
fi

done_testing
