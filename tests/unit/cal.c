/* unit tests for lib/cal.c */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cal.h"
#include "tap.h"

static void
test_arith(void)
{
	int y, m, d, bad = 0;
	int64_t z;
	struct tm tm;
	time_t t;

	is_int(news_cal_leap(1900), 0, "1900 is not leap");
	is_int(news_cal_leap(2000), 1, "2000 is leap");
	is_int(news_cal_leap(2024), 1, "2024 is leap");
	is_int(news_cal_mdays(2100, 2), 28, "Feb 2100 has 28 days");
	is_int(news_cal_mdays(2024, 2), 29, "Feb 2024 has 29 days");
	is_int(news_cal_mdays(2024, 13), -1, "month 13");
	is_int(news_cal_wday(2025, 12, 13), 6, "2025-12-13 is a Saturday");
	is_int(news_cal_wday(1900, 1, 1), 1, "1900-01-01 is a Monday");
	is_int(news_cal_wday(2100, 12, 31), 5, "2100-12-31 is a Friday");
	is_int(news_cal_wday(1969, 12, 31), 3, "1969-12-31 is a Wednesday");
	is_int(news_cal_wday(2025, 2, 29), -1, "2025-02-29 is no date");
	is_int(news_cal_valid(1899, 12, 31), 0, "1899 outside the range");
	is_int(news_cal_valid(2101, 1, 1), 0, "2101 outside the range");
	/* every day of the range against the C library */
	for (z = news_cal_days(1900, 1, 1); z < news_cal_days(2101, 1, 1); z++) {
		t = (time_t)(z * 86400);
		gmtime_r(&t, &tm);
		news_cal_from_days(z, &y, &m, &d);
		if (y != tm.tm_year + 1900 || m != tm.tm_mon + 1 ||
		    d != tm.tm_mday || news_cal_wday(y, m, d) != tm.tm_wday ||
		    news_cal_days(y, m, d) != z)
			bad++;
	}
	is_int(bad, 0, "days, from_days, wday agree with gmtime 1900..2100");
	ok(news_cal_day(1765668600, 0, &y, &m, &d) == 0 && d == 13,
	    "2025-12-13T23:30Z is the 13th in UTC");
	ok(news_cal_day(1765668600, 8 * 3600, &y, &m, &d) == 0 && d == 14,
	    "and the 14th at +08:00");
	ok(news_cal_day(1765668600, -5 * 3600, &y, &m, &d) == 0 && d == 13,
	    "and the 13th at -05:00");
	ok(news_cal_day(-2208988801LL, 0, &y, &m, &d) == -1 && y == 1899,
	    "1899-12-31T23:59:59Z is outside");
	is_str(news_cal_month_name(12), "December", "month name");
	is_str(news_cal_month_abbr(11), "Nov", "month abbr");
	is_str(news_cal_wday_name(0), "Sunday", "weekday name");
	is_str(news_cal_wday_abbr(1), "Mo", "weekday abbr");
	ok(news_cal_month_name(0) == NULL, "month 0 has no name");
}

static void
test_grid(void)
{
	struct news_cal_month cm;

	is_int(news_cal_month_init(&cm, 2025, 12, 0), 0, "Dec 2025 Sunday");
	is_int(cm.lead, 1, "lead 1");
	is_int(cm.nweeks, 5, "5 weeks");
	is_int(cm.day[0][1], 1, "1st in column 1");
	is_int(cm.day[4][3], 31, "31st in week 4, column 3");
	is_int(news_cal_month_init(&cm, 2025, 12, 1), 0, "Dec 2025 Monday");
	is_int(cm.lead, 0, "lead 0");
	is_int(cm.day[0][0], 1, "1st in column 0");
	news_cal_month_init(&cm, 2015, 2, 0);
	is_int(cm.nweeks, 4, "Feb 2015 fills 4 weeks");
	news_cal_month_init(&cm, 2025, 8, 1);
	is_int(cm.nweeks, 5, "Aug 2025 Monday: 5 weeks");
	news_cal_month_init(&cm, 2025, 8, 0);
	is_int(cm.nweeks, 6, "Aug 2025 Sunday: 6 weeks");
	is_int(news_cal_month_init(&cm, 1899, 12, 0), -1, "1899 refused");
	is_int(news_cal_month_init(&cm, 2025, 12, 7), -1, "weekday 7 refused");
}

static void
test_counts(void)
{
	struct news_cal *c;
	int y, m, d;

	c = news_cal_new();
	ok(news_cal_last(c, &y, &m, &d) == -1, "empty: no last day");
	ok(news_cal_prev(c, 2025, 12, &y, &m) == -1, "empty: no prev");
	is_int(news_cal_add(c, 2025, 12, 13, 1), 0, "add");
	news_cal_add(c, 2025, 12, 13, 2);
	news_cal_add(c, 2025, 10, 1, 1);
	news_cal_add(c, 1900, 1, 1, 1);
	news_cal_add(c, 2100, 12, 31, 1);
	is_int(news_cal_add(c, 2101, 1, 1, 1), -1, "2101 refused");
	is_int(news_cal_add(c, 2025, 2, 29, 1), -1, "Feb 29 2025 refused");
	is_int((long long)news_cal_count(c, 2025, 12, 13), 3, "count");
	is_int((long long)news_cal_month_total(c, 2025, 12), 3, "month total");
	is_int((long long)news_cal_total(c), 6, "total");
	is_int((long long)news_cal_max(c, 2025), 3, "max 2025");
	is_int((long long)news_cal_max(c, 2100), 1, "max 2100");
	ok(news_cal_prev(c, 2025, 12, &y, &m) == 0 && y == 2025 && m == 10,
	    "prev of Dec is Oct");
	ok(news_cal_next(c, 2025, 10, &y, &m) == 0 && y == 2025 && m == 12,
	    "next of Oct is Dec");
	ok(news_cal_next(c, 2025, 12, &y, &m) == 0 && y == 2100 && m == 12,
	    "next of Dec 2025 is Dec 2100");
	ok(news_cal_next(c, 2100, 12, &y, &m) == -1, "nothing after Dec 2100");
	ok(news_cal_prev(c, 1900, 1, &y, &m) == -1, "nothing before Jan 1900");
	ok(news_cal_last(c, &y, &m, &d) == 0 && y == 2100 && d == 31, "last");
	ok(news_cal_first(c, &y, &m, &d) == 0 && y == 1900 && d == 1, "first");
	news_cal_free(c);
	news_cal_free(NULL);
}

static void
test_html(void)
{
	struct news_buf b = NEWS_BUF_INIT;
	struct news_cal_month cm;
	struct news_cal *c;
	struct news_cal_html_opts o;

	news_cal_link(&b, "a/%Y/%m/%d/%e/%b/%B/%%/%q/%", 2025, 3, 7);
	is_str(news_buf_str(&b), "a/2025/03/07/7/Mar/March/%/%q/%", "link");
	news_buf_reset(&b);
	c = news_cal_new();
	news_cal_add(c, 2025, 12, 13, 3);
	news_cal_add(c, 2025, 11, 2, 1);
	news_cal_month_init(&cm, 2025, 12, 1);
	memset(&o, 0, sizeof(o));
	o.link = "day.cgi?y=%Y&d=%d";
	o.base = "../";
	news_cal_html(&b, &cm, c, &o);
	ok(strstr(b.s, "<caption>December 2025</caption>") != NULL, "caption");
	ok(strstr(b.s, "<th scope=\"col\"><abbr title=\"Monday\">Mo</abbr></th>")
	    != NULL, "Monday first header");
	ok(strstr(b.s, "href=\"../day.cgi?y=2025&amp;d=13\"") != NULL,
	    "day link escaped");
	ok(strstr(b.s, "3 articles\">13</a>") != NULL, "day count label");
	ok(strstr(b.s, "href=\"../day.cgi?y=2025&amp;d=\" title=\"November "
	    "2025\">&#171; Nov</a>") != NULL, "prev month link cut before %%d");
	ok(strstr(b.s, "<span class=\"next\"></span>") != NULL, "no next");
	/* as_of: the month as a page of the 13th shows it, for good */
	news_cal_add(c, 2025, 12, 20, 1);
	news_cal_add(c, 2026, 1, 5, 1);
	news_buf_reset(&b);
	o.as_of = 13;
	news_cal_html(&b, &cm, c, &o);
	ok(strstr(b.s, " aria-current=\"date\" aria-label=\"December 13, "
	    "2025\">13</a>") != NULL, "as_of: the day marked, no count");
	ok(strstr(b.s, "<td>20</td>") != NULL, "as_of: a later day unlinked");
	ok(strstr(b.s, "<span class=\"next\"></span>") != NULL &&
	    strstr(b.s, "Nov</a>") != NULL, "as_of: no later month, earlier kept");
	news_buf_reset(&b);
	news_cal_html(&b, &cm, NULL, NULL);
	ok(strstr(b.s, "<a ") == NULL, "no articles, no links");
	news_buf_free(&b);
	news_cal_free(c);
}

int
main(void)
{
	test_arith();
	test_grid();
	test_counts();
	test_html();
	return done_testing();
}
