/*
 * formats.c: -f json (one object per month and line) and -f html (the
 * archive widget of lib/cal.c, one per month).
 */
#include <stdlib.h>

#include "calendar.h"
#include "news.h"

static int
art_cmp(const void *a, const void *b)
{
	const struct article *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* index of the first article on day z or later */
static size_t
art_find(const struct calendar *c, int64_t z)
{
	size_t lo = 0, hi = c->nart, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->art[mid].day < z)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static json_t *
json_day(const struct calendar *c, int y, int m, int d)
{
	json_t *day, *arts;
	int64_t z = news_cal_days(y, m, d);
	size_t i;

	arts = json_array();
	for (i = art_find(c, z); i < c->nart && c->art[i].day == z; i++)
		json_array_append(arts, c->art[i].ref);
	day = json_object();
	json_object_set_new(day, "day", json_integer(d));
	json_object_set_new(day, "count",
	    json_integer((json_int_t)news_cal_count(c->cal, y, m, d)));
	json_object_set_new(day, "articles", arts);
	return day;
}

static json_t *
json_month(const struct calendar *c, int y, int m)
{
	struct news_cal_month cm;
	json_t *o, *weeks, *week;
	int w, i;

	news_cal_month_init(&cm, y, m, c->first_weekday);
	o = json_object();
	json_object_set_new(o, "year", json_integer(y));
	json_object_set_new(o, "month", json_integer(m));
	json_object_set_new(o, "first_weekday",
	    json_string(news_cal_wday_name(c->first_weekday)));
	json_object_set_new(o, "count",
	    json_integer((json_int_t)news_cal_month_total(c->cal, y, m)));
	weeks = json_array();
	for (w = 0; w < cm.nweeks; w++) {
		week = json_array();
		for (i = 0; i < 7; i++)
			json_array_append_new(week, cm.day[w][i] == 0 ?
			    json_null() : json_day(c, y, m, cm.day[w][i]));
		json_array_append_new(weeks, week);
	}
	json_object_set_new(o, "weeks", weeks);
	return o;
}

void
json_months(FILE *fp, struct calendar *c, const int *ym, int n)
{
	json_t *o;
	int i;

	if (c->nart > 1)
		qsort(c->art, c->nart, sizeof(*c->art), art_cmp);
	for (i = 0; i < n && !ferror(fp); i++) {
		o = json_month(c, ym[i] / 12, ym[i] % 12 + 1);
		json_dumpf(o, fp, JSON_COMPACT | JSON_PRESERVE_ORDER);
		putc('\n', fp);
		json_decref(o);
	}
}

void
html_months(FILE *fp, const struct calendar *c, const int *ym, int n,
    const struct news_cal_html_opts *o)
{
	struct news_buf b = NEWS_BUF_INIT;
	struct news_cal_month cm;
	int i;

	for (i = 0; i < n; i++) {
		news_cal_month_init(&cm, ym[i] / 12, ym[i] % 12 + 1,
		    c->first_weekday);
		news_buf_reset(&b);
		news_cal_html(&b, &cm, c->cal, o);
		fwrite(b.s, 1, b.len, fp);
	}
	news_buf_free(&b);
}
