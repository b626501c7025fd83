/*
 * cal.h: calendar arithmetic and the archive calendar widget, shared by
 * news-calendar(1) and news-render(1) so both draw the same grids.
 *
 * Dates are proleptic Gregorian (as ncal -b shows 1900..2100).  Months
 * are 1..12, days 1..31, weekdays 0 = Sunday .. 6 = Saturday (as struct
 * tm's tm_wday).  The supported range is NEWS_CAL_MINYEAR..MAXYEAR;
 * functions taking a year outside it return -1 (or 0 for counts).
 *
 * Typical use (news-render's archive sidebar):
 *
 *	struct news_cal *c = news_cal_new();
 *	for each record: news_cal_add(c, y, m, d, 1);   (y-m-d in the
 *	    reader's zone: see news_cal_day() or localtime_r)
 *	struct news_cal_month cm;
 *	news_cal_month_init(&cm, 2025, 12, 1);           (Monday first)
 *	struct news_cal_html_opts o = { .link = "archive/%Y/%m/%d/",
 *	    .base = "../../" };
 *	news_cal_html(&buf, &cm, c, &o);
 *	news_cal_free(c);
 *
 * No function here reads the clock, the environment or the locale except
 * news_cal_locale_first_weekday().
 */
#ifndef NEWS_CAL_H
#define NEWS_CAL_H

#include <stddef.h>
#include <stdint.h>

struct news_buf;

#define NEWS_CAL_MINYEAR 1900
#define NEWS_CAL_MAXYEAR 2100

/* ---- arithmetic ---- */

int news_cal_leap(int year);			/* 1 for a leap year */
int news_cal_mdays(int year, int month);	/* 28..31, or -1 */
int news_cal_wday(int year, int month, int day); /* 0 Sunday..6, or -1 */
/* 1 if year-month-day is a real date inside the supported range */
int news_cal_valid(int year, int month, int day);
/* Days since 1970-01-01 (negative before); the inverse of
 * news_cal_from_days().  No range check. */
int64_t news_cal_days(int year, int month, int day);
void news_cal_from_days(int64_t days, int *year, int *month, int *day);
/*
 * The calendar day of instant t (seconds since the epoch, UTC) at UTC
 * offset off (seconds east; from news_tz_offset() or tm_gmtoff).
 * Returns 0, or -1 when the day falls outside the supported range.
 */
int news_cal_day(int64_t t, long off, int *year, int *month, int *day);

/* English names (the widget and the text grid are not localised):
 * "December", "Dec", "Sunday", "Su".  NULL when out of range. */
const char *news_cal_month_name(int month);
const char *news_cal_month_abbr(int month);
const char *news_cal_wday_name(int wday);
const char *news_cal_wday_abbr(int wday);	/* two letters, as cal(1) */

/*
 * The first day of the week of the current LC_TIME locale (call
 * setlocale(LC_TIME, "") first): 0 Sunday .. 6 Saturday, read from
 * glibc's nl_langinfo(_NL_TIME_FIRST_WEEKDAY).  1 (Monday, as ISO 8601)
 * for the C and POSIX locales and where the locale says nothing.
 */
int news_cal_locale_first_weekday(void);

/* ---- month grid ---- */

struct news_cal_month {
	int year, month;	/* as given */
	int first_weekday;	/* weekday of column 0 (0 Sunday, 1 Monday) */
	int ndays;		/* days in the month */
	int lead;		/* empty cells before day 1 in week 0 */
	int nweeks;		/* rows that hold days: 4..6 */
	int day[6][7];		/* day of month per cell, 0 = empty cell */
};

/* Fill cm; returns 0, or -1 for a month outside the range or a
 * first_weekday outside 0..6. */
int news_cal_month_init(struct news_cal_month *cm, int year, int month,
    int first_weekday);

/* ---- per-day article counts ---- */

/* Counts for every day of 1900..2100 (about 300 KiB); opaque. */
struct news_cal;

struct news_cal *news_cal_new(void);		/* exits 2 on OOM */
void news_cal_free(struct news_cal *c);		/* NULL is a no-op */
/* Add n articles to a day; returns 0, or -1 when the date is invalid or
 * outside the range (nothing counted).  Counts saturate at ULONG_MAX. */
int news_cal_add(struct news_cal *c, int year, int month, int day,
    unsigned long n);
unsigned long news_cal_count(const struct news_cal *c, int year, int month,
    int day);
unsigned long news_cal_month_total(const struct news_cal *c, int year,
    int month);
unsigned long news_cal_total(const struct news_cal *c);
/* The largest count of one day in year (0 = over all years). */
unsigned long news_cal_max(const struct news_cal *c, int year);
/*
 * The nearest month before (news_cal_prev) or after (news_cal_next)
 * year-month that has articles: returns 0 and sets *py, *pm, or -1 when
 * there is none.
 */
int news_cal_prev(const struct news_cal *c, int year, int month, int *py,
    int *pm);
int news_cal_next(const struct news_cal *c, int year, int month, int *py,
    int *pm);
/* The newest (news_cal_last) / oldest (news_cal_first) day with articles:
 * 0, or -1 when there are none. */
int news_cal_last(const struct news_cal *c, int *y, int *m, int *d);
int news_cal_first(const struct news_cal *c, int *y, int *m, int *d);

/* ---- links and the HTML widget ---- */

/*
 * Append pattern to b with %Y (4-digit year), %m (2-digit month), %d
 * (2-digit day), %e (day without padding), %b (Dec), %B (December) and
 * %% replaced; any other %-sequence is copied as it is.  day 0 expands
 * %d/%e to nothing (for month links).
 */
void news_cal_link(struct news_buf *b, const char *pattern, int year,
    int month, int day);

struct news_cal_html_opts {
	/* Link of a day that has articles, a news_cal_link() pattern;
	 * NULL: "archive/%Y/%m/%d/". */
	const char *link;
	/* Link of a month in the navigation; NULL: link cut before its
	 * first "%d" (or "%e"), e.g. "archive/%Y/%m/". */
	const char *month_link;
	/* Prefix put before every link, e.g. "../../" or
	 * "https://example.org/"; NULL: none. */
	const char *base;
	/* id attribute of the table, NULL: none. */
	const char *id;
	/* 1: no "« Nov" / "Jan »" navigation. */
	int no_nav;
	/* 1..31: the month as of that day, for a page that must not change
	 * as the month fills up: later days are plain numbers, no count is
	 * shown, that day has aria-current="date", and there is no link to
	 * a later month.  0: the whole month, with counts. */
	int as_of;
};

/*
 * Append the archive calendar of cm to b: an HTML fragment (no script, no
 * style), every text and attribute escaped:
 *
 *   <div class="news-calendar">
 *   <table class="news-calendar-table" [id="..."]>
 *   <caption>December 2025</caption>
 *   <thead><tr><th scope="col"><abbr title="Monday">Mo</abbr></th>...
 *   <tbody><tr><td class="pad"></td>...<td><a href="..."
 *     aria-label="December 13, 2025: 3 articles">13</a></td>...
 *   </table>
 *   <nav class="news-calendar-nav" aria-label="Previous and next months">
 *   <span class="prev"><a href="archive/2025/11/"
 *     title="November 2025">&#171; Nov</a></span>
 *   <span class="next"></span></nav>
 *   </div>
 *
 * Days with articles get class="has-articles" and a link; others are
 * plain numbers.  c may be NULL (no articles).  The navigation links to
 * the nearest earlier and later months with articles, and is empty on a
 * side that has none (see as_of above).  opts may be NULL.
 */
void news_cal_html(struct news_buf *b, const struct news_cal_month *cm,
    const struct news_cal *c, const struct news_cal_html_opts *opts);

#endif
