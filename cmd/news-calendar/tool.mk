# news-calendar (issue 6): ncal is the reference the text grids are
# tested against; python3-icalendar parses -f ics in the tests.
DEPS_PKGS += ncal python3-icalendar
FUZZ_LINK_calendar_scan = cmd/news-calendar/scan.c
