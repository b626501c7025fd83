#!/bin/sh
# bench/date.sh: parses per second of news_date_parse (median of rounds),
# and strptime()+timegm() as a baseline.  Prints figures, asserts nothing.
: "${NEWS_BUILD:=build/std}"
LC_ALL=C.UTF-8 TZ=UTC "$NEWS_BUILD/bench/date"
