/* cal.c: calendar arithmetic, per-day counts and the HTML widget. */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "date.h"
#include "news.h"

#define NMONTHS ((NEWS_CAL_MAXYEAR - NEWS_CAL_MINYEAR + 1) * 12)

struct news_cal {
	int64_t base;		/* news_cal_days(MINYEAR, 1, 1) */
	size_t ndays;
	unsigned long *day;	/* per day since base */
	unsigned long *month;	/* per month since MINYEAR-01 */
	unsigned long total;
};

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
static const char *const month_abbrs[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};
static const char *const wday_abbrs[7] = {
	"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"
};
static const char *const wday_names[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};

int
news_cal_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
news_cal_mdays(int y, int m)
{
	static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m < 1 || m > 12)
		return -1;
	return md[m - 1] + (m == 2 && news_cal_leap(y));
}

int
news_cal_valid(int y, int m, int d)
{
	return y >= NEWS_CAL_MINYEAR && y <= NEWS_CAL_MAXYEAR &&
	    m >= 1 && m <= 12 && d >= 1 && d <= news_cal_mdays(y, m);
}

/* day numbers: the proleptic Gregorian arithmetic of lib/date.c */
int64_t
news_cal_days(int y, int m, int d)
{
	return news_days_from_civil(y, m, d);
}

void
news_cal_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t yy;

	news_civil_from_days(z, &yy, m, d);
	*y = (int)yy;
}

int
news_cal_wday(int y, int m, int d)
{
	int64_t z;

	if (m < 1 || m > 12 || d < 1 || d > news_cal_mdays(y, m))
		return -1;
	z = news_cal_days(y, m, d);	/* 1970-01-01 was a Thursday */
	return (int)(((z + 4) % 7 + 7) % 7);
}

int
news_cal_day(int64_t t, long off, int *y, int *m, int *d)
{
	int64_t s, z;

	/* keep clear of overflow: the range is a few thousand years */
	if (t < -(INT64_C(1) << 45) || t > (INT64_C(1) << 45))
		return -1;
	s = t + off;
	z = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
	news_cal_from_days(z, y, m, d);
	return *y >= NEWS_CAL_MINYEAR && *y <= NEWS_CAL_MAXYEAR ? 0 : -1;
}

const char *
news_cal_month_name(int m)
{
	return m >= 1 && m <= 12 ? month_names[m - 1] : NULL;
}

const char *
news_cal_month_abbr(int m)
{
	return m >= 1 && m <= 12 ? month_abbrs[m - 1] : NULL;
}

const char *
news_cal_wday_name(int wd)
{
	return wd >= 0 && wd <= 6 ? wday_names[wd] : NULL;
}

const char *
news_cal_wday_abbr(int wd)
{
	return wd >= 0 && wd <= 6 ? wday_abbrs[wd] : NULL;
}

int
news_cal_locale_first_weekday(void)
{
#ifdef _NL_TIME_FIRST_WEEKDAY
	const char *loc;
	unsigned long week1;
	int first, y, m, d;

	loc = setlocale(LC_TIME, NULL);
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
	    strncmp(loc, "C.", 2) == 0)
		return 1;
	/* first_weekday counts from 1 at the day week-1stday names */
	first = *nl_langinfo(_NL_TIME_FIRST_WEEKDAY);
	week1 = (unsigned long)(uintptr_t)nl_langinfo(_NL_TIME_WEEK_1STDAY);
	if (first < 1 || first > 7)
		return 1;
	y = (int)(week1 / 10000);
	m = (int)(week1 / 100 % 100);
	d = (int)(week1 % 100);
	if (m < 1 || m > 12 || d < 1 || d > news_cal_mdays(y, m))
		return 1;
	return (news_cal_wday(y, m, d) + first - 1) % 7;
#else
	return 1;
#endif
}

int
news_cal_month_init(struct news_cal_month *cm, int y, int m, int fw)
{
	int i, d;

	memset(cm, 0, sizeof(*cm));
	if (y < NEWS_CAL_MINYEAR || y > NEWS_CAL_MAXYEAR || m < 1 || m > 12 ||
	    fw < 0 || fw > 6)
		return -1;
	cm->year = y;
	cm->month = m;
	cm->first_weekday = fw;
	cm->ndays = news_cal_mdays(y, m);
	cm->lead = (news_cal_wday(y, m, 1) - fw + 7) % 7;
	for (d = 1; d <= cm->ndays; d++) {
		i = cm->lead + d - 1;
		cm->day[i / 7][i % 7] = d;
	}
	cm->nweeks = (cm->lead + cm->ndays + 6) / 7;
	return 0;
}

struct news_cal *
news_cal_new(void)
{
	struct news_cal *c;

	c = news_xcalloc(1, sizeof(*c));
	c->base = news_cal_days(NEWS_CAL_MINYEAR, 1, 1);
	c->ndays = (size_t)(news_cal_days(NEWS_CAL_MAXYEAR + 1, 1, 1) - c->base);
	c->day = news_xcalloc(c->ndays, sizeof(*c->day));
	c->month = news_xcalloc(NMONTHS, sizeof(*c->month));
	return c;
}

void
news_cal_free(struct news_cal *c)
{
	if (c == NULL)
		return;
	free(c->day);
	free(c->month);
	free(c);
}

static unsigned long
sat_add(unsigned long a, unsigned long b)
{
	return a > ULONG_MAX - b ? ULONG_MAX : a + b;
}

static int
month_index(int y, int m)
{
	return (y - NEWS_CAL_MINYEAR) * 12 + m - 1;
}

int
news_cal_add(struct news_cal *c, int y, int m, int d, unsigned long n)
{
	size_t i;

	if (!news_cal_valid(y, m, d))
		return -1;
	i = (size_t)(news_cal_days(y, m, d) - c->base);
	c->day[i] = sat_add(c->day[i], n);
	c->month[month_index(y, m)] = sat_add(c->month[month_index(y, m)], n);
	c->total = sat_add(c->total, n);
	return 0;
}

unsigned long
news_cal_count(const struct news_cal *c, int y, int m, int d)
{
	if (c == NULL || !news_cal_valid(y, m, d))
		return 0;
	return c->day[news_cal_days(y, m, d) - c->base];
}

unsigned long
news_cal_month_total(const struct news_cal *c, int y, int m)
{
	if (c == NULL || !news_cal_valid(y, m, 1))
		return 0;
	return c->month[month_index(y, m)];
}

unsigned long
news_cal_total(const struct news_cal *c)
{
	return c == NULL ? 0 : c->total;
}

unsigned long
news_cal_max(const struct news_cal *c, int year)
{
	size_t i, lo, hi;
	unsigned long max = 0;

	if (c == NULL)
		return 0;
	lo = 0;
	hi = c->ndays;
	if (year != 0) {
		if (year < NEWS_CAL_MINYEAR || year > NEWS_CAL_MAXYEAR)
			return 0;
		lo = (size_t)(news_cal_days(year, 1, 1) - c->base);
		hi = (size_t)(news_cal_days(year + 1, 1, 1) - c->base);
	}
	for (i = lo; i < hi; i++)
		if (c->day[i] > max)
			max = c->day[i];
	return max;
}

static int
month_step(const struct news_cal *c, int y, int m, int step, int *py, int *pm)
{
	int i;

	if (c == NULL || y < NEWS_CAL_MINYEAR || y > NEWS_CAL_MAXYEAR ||
	    m < 1 || m > 12)
		return -1;
	for (i = month_index(y, m) + step; i >= 0 && i < NMONTHS; i += step)
		if (c->month[i] != 0) {
			*py = NEWS_CAL_MINYEAR + i / 12;
			*pm = i % 12 + 1;
			return 0;
		}
	return -1;
}

int
news_cal_prev(const struct news_cal *c, int y, int m, int *py, int *pm)
{
	return month_step(c, y, m, -1, py, pm);
}

int
news_cal_next(const struct news_cal *c, int y, int m, int *py, int *pm)
{
	return month_step(c, y, m, 1, py, pm);
}

static int
day_step(const struct news_cal *c, int last, int *y, int *m, int *d)
{
	size_t i, k;

	if (c == NULL || c->total == 0)
		return -1;
	for (k = 0; k < c->ndays; k++) {
		i = last ? c->ndays - 1 - k : k;
		if (c->day[i] != 0) {
			news_cal_from_days(c->base + (int64_t)i, y, m, d);
			return 0;
		}
	}
	return -1;
}

int
news_cal_last(const struct news_cal *c, int *y, int *m, int *d)
{
	return day_step(c, 1, y, m, d);
}

int
news_cal_first(const struct news_cal *c, int *y, int *m, int *d)
{
	return day_step(c, 0, y, m, d);
}

void
news_cal_link(struct news_buf *b, const char *p, int y, int m, int d)
{
	for (; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			news_buf_addc(b, *p);
			continue;
		}
		switch (*++p) {
		case 'Y':
			news_buf_printf(b, "%04d", y);
			break;
		case 'm':
			news_buf_printf(b, "%02d", m);
			break;
		case 'd':
			if (d > 0)
				news_buf_printf(b, "%02d", d);
			break;
		case 'e':
			if (d > 0)
				news_buf_printf(b, "%d", d);
			break;
		case 'b':
			if (m >= 1 && m <= 12)
				news_buf_adds(b, month_abbrs[m - 1]);
			break;
		case 'B':
			if (m >= 1 && m <= 12)
				news_buf_adds(b, month_names[m - 1]);
			break;
		case '%':
			news_buf_addc(b, '%');
			break;
		default:
			news_buf_addc(b, '%');
			news_buf_addc(b, *p);
			break;
		}
	}
	news_buf_addc(b, '\0');
	b->len--;
}

/* HTML text or attribute value, escaped */
static void
html_esc(struct news_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': news_buf_adds(b, "&amp;"); break;
		case '<': news_buf_adds(b, "&lt;"); break;
		case '>': news_buf_adds(b, "&gt;"); break;
		case '"': news_buf_adds(b, "&quot;"); break;
		case '\'': news_buf_adds(b, "&#39;"); break;
		default: news_buf_addc(b, s[i]); break;
		}
	}
}

static void
html_href(struct news_buf *b, const char *base, const char *pat, int y,
    int m, int d)
{
	struct news_buf t = NEWS_BUF_INIT;

	if (base != NULL)
		news_buf_adds(&t, base);
	news_cal_link(&t, pat, y, m, d);
	news_buf_adds(b, " href=\"");
	html_esc(b, news_buf_str(&t), t.len);
	news_buf_addc(b, '"');
	news_buf_free(&t);
}

static void
html_month_link(struct news_buf *b, const struct news_cal_html_opts *o,
    const char *mpat, int y, int m, int prev)
{
	news_buf_printf(b, "<span class=\"%s\">", prev ? "prev" : "next");
	news_buf_adds(b, "<a");
	html_href(b, o->base, mpat, y, m, 0);
	news_buf_printf(b, " title=\"%s %d\">", month_names[m - 1], y);
	if (prev)
		news_buf_printf(b, "&#171; %s", month_abbrs[m - 1]);
	else
		news_buf_printf(b, "%s &#187;", month_abbrs[m - 1]);
	news_buf_adds(b, "</a></span>");
}

static void
html_day(struct news_buf *b, const struct news_cal_month *cm,
    const struct news_cal *c, const struct news_cal_html_opts *o, int d)
{
	unsigned long n;

	if (d == 0) {
		news_buf_adds(b, "<td class=\"pad\"></td>");
		return;
	}
	n = o->as_of > 0 && d > o->as_of ? 0 :
	    news_cal_count(c, cm->year, cm->month, d);
	if (n == 0) {
		news_buf_printf(b, "<td>%d</td>", d);
		return;
	}
	news_buf_adds(b, "<td class=\"has-articles\"><a");
	html_href(b, o->base, o->link ? o->link : "archive/%Y/%m/%d/",
	    cm->year, cm->month, d);
	if (o->as_of > 0)
		news_buf_printf(b, "%s aria-label=\"%s %d, %d\">%d</a></td>",
		    d == o->as_of ? " aria-current=\"date\"" : "",
		    month_names[cm->month - 1], d, cm->year, d);
	else
		news_buf_printf(b, " aria-label=\"%s %d, %d: %lu article%s\">"
		    "%d</a></td>", month_names[cm->month - 1], d, cm->year, n,
		    n == 1 ? "" : "s", d);
}

static char *
month_pattern(const struct news_cal_html_opts *o)
{
	const char *link, *p, *q;

	if (o->month_link != NULL)
		return news_xstrdup(o->month_link);
	link = o->link ? o->link : "archive/%Y/%m/%d/";
	p = strstr(link, "%d");
	q = strstr(link, "%e");
	if (p == NULL || (q != NULL && q < p))
		p = q;
	return p ? news_xstrndup(link, (size_t)(p - link)) : news_xstrdup(link);
}

void
news_cal_html(struct news_buf *b, const struct news_cal_month *cm,
    const struct news_cal *c, const struct news_cal_html_opts *opts)
{
	static const struct news_cal_html_opts defaults;
	const struct news_cal_html_opts *o = opts ? opts : &defaults;
	char *mpat;
	int w, i, wd, py, pm;

	news_buf_adds(b, "<div class=\"news-calendar\">\n"
	    "<table class=\"news-calendar-table\"");
	if (o->id != NULL) {
		news_buf_adds(b, " id=\"");
		html_esc(b, o->id, strlen(o->id));
		news_buf_addc(b, '"');
	}
	news_buf_printf(b, ">\n<caption>%s %d</caption>\n<thead>\n<tr>",
	    month_names[cm->month - 1], cm->year);
	for (i = 0; i < 7; i++) {
		wd = (cm->first_weekday + i) % 7;
		news_buf_printf(b, "<th scope=\"col\"><abbr title=\"%s\">%s"
		    "</abbr></th>", wday_names[wd], wday_abbrs[wd]);
	}
	news_buf_adds(b, "</tr>\n</thead>\n<tbody>\n");
	for (w = 0; w < cm->nweeks; w++) {
		news_buf_adds(b, "<tr>");
		for (i = 0; i < 7; i++)
			html_day(b, cm, c, o, cm->day[w][i]);
		news_buf_adds(b, "</tr>\n");
	}
	news_buf_adds(b, "</tbody>\n</table>\n");
	if (!o->no_nav) {
		mpat = month_pattern(o);
		news_buf_adds(b, "<nav class=\"news-calendar-nav\" "
		    "aria-label=\"Previous and next months\">\n");
		if (news_cal_prev(c, cm->year, cm->month, &py, &pm) == 0)
			html_month_link(b, o, mpat, py, pm, 1);
		else
			news_buf_adds(b, "<span class=\"prev\"></span>");
		news_buf_addc(b, '\n');
		if (o->as_of == 0 &&
		    news_cal_next(c, cm->year, cm->month, &py, &pm) == 0)
			html_month_link(b, o, mpat, py, pm, 0);
		else
			news_buf_adds(b, "<span class=\"next\"></span>");
		news_buf_adds(b, "\n</nav>\n");
		free(mpat);
	}
	news_buf_adds(b, "</div>\n");
}
