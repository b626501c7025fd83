/*
 * text.c: month grids laid out exactly as ncal -b (cal(1)): a month is a
 * title centred over 20 columns, the weekday header and six week rows,
 * each cell "%2d" and a space, months side by side 22 columns apart.
 */
#include <stdio.h>
#include <string.h>

#include "calendar.h"

struct line {
	struct news_buf b;
	int col;		/* visible columns so far */
};

static void
put(struct line *l, const char *s, int visible)
{
	news_buf_adds(&l->b, s);
	l->col += visible;
}

static void
pad_to(struct line *l, int col)
{
	while (l->col < col) {
		news_buf_addc(&l->b, ' ');
		l->col++;
	}
}

/* print the line without trailing spaces, then start over */
static void
flush(FILE *fp, struct line *l)
{
	while (l->b.len > 0 && l->b.s[l->b.len - 1] == ' ')
		l->b.len--;
	fwrite(l->b.s ? l->b.s : "", 1, l->b.len, fp);
	putc('\n', fp);
	news_buf_reset(&l->b);
	l->col = 0;
}

static void
put_centred(struct line *l, const char *s, int width)
{
	int n = (int)strlen(s);

	pad_to(l, l->col + (n < width ? (width - n) / 2 : 0));
	put(l, s, n);
}

static int
digits(unsigned long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* width of a day cell: 2, or the widest count with -c */
static int
cell_width(const struct calendar *c, const struct news_cal_month *cm, int n)
{
	int i, d, w = 2;

	if (!c->counts)
		return 2;
	for (i = 0; i < n; i++)
		for (d = 1; d <= cm[i].ndays; d++)
			if (digits(news_cal_count(c->cal, cm[i].year,
			    cm[i].month, d)) > w)
				w = digits(news_cal_count(c->cal, cm[i].year,
				    cm[i].month, d));
	return w;
}

static void
put_cell(struct line *l, const struct calendar *c,
    const struct news_cal_month *cm, int d, int w)
{
	char s[64];
	unsigned long n;

	if (d == 0) {
		pad_to(l, l->col + w + 1);
		return;
	}
	n = news_cal_count(c->cal, cm->year, cm->month, d);
	if (c->counts) {
		if (n == 0)
			snprintf(s, sizeof(s), "%*s ", w, ".");
		else
			snprintf(s, sizeof(s), "%*lu ", w, n);
	} else if (n == 0) {
		snprintf(s, sizeof(s), "%*d ", w, d);
	} else if (c->mark == MARK_REVERSE) {
		snprintf(s, sizeof(s), "\033[7m%*d\033[27m ", w, d);
	} else {
		snprintf(s, sizeof(s), "%*d*", w, d);
	}
	put(l, s, w + 1);
}

/* months side by side, each under its title */
static void
row(FILE *fp, const struct calendar *c, const struct news_cal_month *cm,
    int n, char titles[][64], int w)
{
	struct line l = { NEWS_BUF_INIT, 0 };
	int i, k, wd, bw;
	char s[16];

	bw = 7 * (w + 1) + 1;
	for (i = 0; i < n; i++) {
		pad_to(&l, i * bw);
		put_centred(&l, titles[i], bw - 2);
	}
	flush(fp, &l);
	for (i = 0; i < n; i++) {
		pad_to(&l, i * bw);
		for (k = 0; k < 7; k++) {
			wd = (cm[i].first_weekday + k) % 7;
			snprintf(s, sizeof(s), "%*s ", w, news_cal_wday_abbr(wd));
			put(&l, s, w + 1);
		}
	}
	flush(fp, &l);
	for (k = 0; k < 6; k++) {
		for (i = 0; i < n; i++) {
			pad_to(&l, i * bw);
			for (wd = 0; wd < 7; wd++)
				put_cell(&l, c, &cm[i], cm[i].day[k][wd], w);
		}
		flush(fp, &l);
	}
	news_buf_free(&l.b);
}

void
text_months(FILE *fp, const struct calendar *c, const int *ym, int n)
{
	struct news_cal_month cm;
	char title[1][64];
	int i;

	for (i = 0; i < n; i++) {
		news_cal_month_init(&cm, ym[i] / 12, ym[i] % 12 + 1,
		    c->first_weekday);
		snprintf(title[0], sizeof(title[0]), "%s %d",
		    news_cal_month_name(cm.month), cm.year);
		row(fp, c, &cm, 1, title, cell_width(c, &cm, 1));
	}
}

/* ncal -3: a year line and bare month names when one year holds all */
void
text_three(FILE *fp, const struct calendar *c, int y, int m)
{
	struct news_cal_month cm[3];
	struct line l = { NEWS_BUF_INIT, 0 };
	char titles[3][64], s[16];
	int i, ym, w, same;

	for (i = 0; i < 3; i++) {
		ym = y * 12 + m - 1 + i - 1;
		news_cal_month_init(&cm[i], ym / 12, ym % 12 + 1,
		    c->first_weekday);
	}
	same = cm[0].year == cm[2].year;
	for (i = 0; i < 3; i++)
		snprintf(titles[i], sizeof(titles[i]), same ? "%s" : "%s %d",
		    news_cal_month_name(cm[i].month), cm[i].year);
	w = cell_width(c, cm, 3);
	if (same) {
		snprintf(s, sizeof(s), "%d", y);
		put_centred(&l, s, 3 * (7 * (w + 1) - 1));
		flush(fp, &l);
	}
	news_buf_free(&l.b);
	row(fp, c, cm, 3, titles, w);
}

void
text_year(FILE *fp, const struct calendar *c, int y)
{
	struct news_cal_month cm[12];
	struct line l = { NEWS_BUF_INIT, 0 };
	char titles[12][64], s[16];
	int i, w;

	for (i = 0; i < 12; i++) {
		news_cal_month_init(&cm[i], y, i + 1, c->first_weekday);
		snprintf(titles[i], sizeof(titles[i]), "%s",
		    news_cal_month_name(i + 1));
	}
	w = cell_width(c, cm, 12);
	snprintf(s, sizeof(s), "%d", y);
	put_centred(&l, s, 3 * (7 * (w + 1) - 1));
	flush(fp, &l);
	news_buf_free(&l.b);
	for (i = 0; i < 12; i += 3) {
		if (i > 0)
			putc('\n', fp);
		row(fp, c, cm + i, 3, titles + i, w);
	}
}

/*
 * The heat map: a column per week, a row per weekday, one character per
 * day shaded by its count in five levels (none, then quarters of the
 * busiest day), and a legend giving the counts of each level.
 */
static const char *const heat_ascii[5] = { ".", ":", "+", "*", "#" };
static const char *const heat_blocks[5] = { "\xc2\xb7", "\xe2\x96\x91",
	"\xe2\x96\x92", "\xe2\x96\x93", "\xe2\x96\x88" };

static int
heat_level(unsigned long n, unsigned long max)
{
	if (n == 0 || max == 0)
		return 0;
	if (n >= max)
		return 4;
	return (int)((4 * (unsigned long long)n + max - 1) / max);
}

static void
heat_months(struct line *l, int y, int lead)
{
	int m, col, last = 0;
	int64_t jan1 = news_cal_days(y, 1, 1);

	for (m = 1; m <= 12; m++) {
		col = 4 + (int)((lead + news_cal_days(y, m, 1) - jan1) / 7);
		if (col < last)
			col = last;
		pad_to(l, col);
		put(l, news_cal_month_abbr(m), 3);
		last = col + 4;
	}
}

static void
heat_legend(FILE *fp, struct line *l, const char *const *glyph,
    unsigned long max)
{
	unsigned long lo, hi;
	char s[64];
	int k;

	put(l, "    ", 4);
	put(l, glyph[0], 1);
	put(l, " none", 5);
	for (k = 1; k <= 4 && max > 0; k++) {
		lo = (unsigned long)((unsigned long long)(k - 1) * max / 4) + 1;
		hi = (unsigned long)((unsigned long long)k * max / 4);
		if (k == 4)
			hi = max;
		if (lo > hi)
			continue;
		put(l, "  ", 2);
		put(l, glyph[k], 1);
		if (lo == hi)
			snprintf(s, sizeof(s), " %lu", lo);
		else
			snprintf(s, sizeof(s), " %lu-%lu", lo, hi);
		put(l, s, (int)strlen(s));
	}
	put(l, "  articles a day", 16);
	flush(fp, l);
}

void
text_heat(FILE *fp, const struct calendar *c, int y)
{
	struct line l = { NEWS_BUF_INIT, 0 };
	const char *const *glyph = c->blocks ? heat_blocks : heat_ascii;
	unsigned long max = news_cal_max(c->cal, y);
	int64_t jan1 = news_cal_days(y, 1, 1), z, ndays;
	int lead, nweeks, r, w, wd, yy, mm, dd;
	char s[16];

	lead = (news_cal_wday(y, 1, 1) - c->first_weekday + 7) % 7;
	ndays = news_cal_days(y + 1, 1, 1) - jan1;
	nweeks = (int)((lead + ndays + 6) / 7);
	snprintf(s, sizeof(s), "%d", y);
	put_centred(&l, s, 4 + nweeks);
	flush(fp, &l);
	heat_months(&l, y, lead);
	flush(fp, &l);
	for (r = 0; r < 7; r++) {
		wd = (c->first_weekday + r) % 7;
		put(&l, news_cal_wday_abbr(wd), 2);
		put(&l, "  ", 2);
		for (w = 0; w < nweeks; w++) {
			z = (int64_t)w * 7 + r - lead;
			if (z < 0 || z >= ndays) {
				put(&l, " ", 1);
				continue;
			}
			news_cal_from_days(jan1 + z, &yy, &mm, &dd);
			put(&l, glyph[heat_level(news_cal_count(c->cal, yy, mm,
			    dd), max)], 1);
		}
		flush(fp, &l);
	}
	putc('\n', fp);
	heat_legend(fp, &l, glyph, max);
	news_buf_free(&l.b);
}
