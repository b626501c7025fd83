/*
 * news-calendar: the archive calendar of a stream of records, as cal(1)
 * grids, a heat map, an HTML widget, JSON or iCalendar.
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "date.h"
#include "archive.h"
#include "news.h"
#include "record.h"
#include "scan.h"

enum format { F_TEXT, F_HTML, F_JSON, F_ICS };

/* records that could not be placed, reported once a kind at the end: a
 * record without a date is not for us; a date we cannot read is bad input */
static struct news_note nodate = NEWS_NOTE("no date", "skipped", 0);
static struct news_note baddate = NEWS_NOTE("unreadable date", "skipped", 1);
static struct news_note outside = NEWS_NOTE("dated outside 1900..2100",
    "skipped", 1);

static struct calendar cal;
static enum format format = F_TEXT;
static int three, heat, year;
static int sel[12], nsel, *months, nmonths, explicit;
static int zone_local;		/* 1: localtime_r in TZ; 0: fixed offset */
static long zone_off;
static struct news_cal_html_opts html;

static const char *const synopsis[] = {
	"[-3cMqS] [-f text | html | json | ics] [-m YYYY-MM | -y YYYY] [--heat] "
	"[--tz zone] [--link pattern] [--month-link pattern] [--base prefix] "
	"[--archive db | file ...]", NULL
};
static const struct news_opt_help opthelp[] = {
	{ "-m YYYY-MM", "the month (repeatable; default: the newest article's)" },
	{ "-y YYYY", "the whole year, three months a row" },
	{ "-3", "the month before, the month, the month after" },
	{ "-c", "article counts in the grid instead of days" },
	{ "--heat", "a year heat map (with -y, or the newest year)" },
	{ "-M, --monday", "weeks start on Monday" },
	{ "-S, --sunday", "weeks start on Sunday (default: the locale's)" },
	{ "--tz zone", "place articles on their day in zone (default TZ, UTC)" },
	{ "-f format", "text (default), html, json, ics" },
	{ "--link pattern", "html day links (%Y %m %d; default archive/%Y/%m/%d/)" },
	{ "--month-link pattern", "html month links" },
	{ "--base prefix", "put prefix before every html link" },
	{ "--archive db", "read the records of a news-archive database" },
	{ "-q, --quiet", "not a word about reading from a terminal" },
	{ "-h, --help", "this help" },
	{ "--version", "the version" },
	{ NULL, NULL }
};

static NEWS_NORETURN void
usage(void)
{
	news_usage(synopsis);
}

static NEWS_NORETURN void
help(void)
{
	news_help(synopsis, "The archive calendar of news records, by the "
	    "day they were published.", opthelp);
}

/* YYYY-MM or YYYY (month 0) inside 1900..2100; -1 when not */
static int
parse_month(const char *s, int want_month, int *y, int *m)
{
	size_t n = strlen(s);

	if (n != (want_month ? 7u : 4u) || strspn(s, "0123456789") != 4 ||
	    (want_month && (s[4] != '-' || strspn(s + 5, "0123456789") != 2)))
		return -1;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = want_month ? (s[5] - '0') * 10 + (s[6] - '0') : 1;
	return *m >= 1 && *m <= 12 ? 0 : -1;
}

static void
add_month(const char *arg)
{
	int y, m;

	if (parse_month(arg, 1, &y, &m) == -1) {
		news_warn("-m %s: not a month (YYYY-MM)", arg);
		usage();
	}
	if (y < NEWS_CAL_MINYEAR || y > NEWS_CAL_MAXYEAR)
		news_fatal("-m %s: outside %d-01..%d-12", arg,
		    NEWS_CAL_MINYEAR, NEWS_CAL_MAXYEAR);
	months = news_xreallocarray(months, (size_t)nmonths + 1,
	    sizeof(*months));
	months[nmonths++] = y * 12 + m - 1;
}

static void
set_year(const char *arg)
{
	int y, m;

	if (parse_month(arg, 0, &y, &m) == -1) {
		news_warn("-y %s: not a year (YYYY)", arg);
		usage();
	}
	if (y < NEWS_CAL_MINYEAR || y > NEWS_CAL_MAXYEAR)
		news_fatal("-y %s: outside %d..%d", arg, NEWS_CAL_MINYEAR,
		    NEWS_CAL_MAXYEAR);
	year = y;
}

/* --tz, else TZ, else UTC; a fixed offset where it can */
static void
zone_setup(const char *zone)
{
	int opt = zone != NULL;

	if (zone == NULL)
		zone = getenv("TZ");
	if (zone == NULL || *zone == '\0' || strcmp(zone, "UTC") == 0 ||
	    strcmp(zone, "Z") == 0 || strcmp(zone, "Etc/UTC") == 0 ||
	    strcmp(zone, "UTC0") == 0)
		return;
	if (opt && news_tz_offset(zone, (int64_t)time(NULL), &zone_off) == -1)
		news_fatal("--tz %s: unknown time zone", zone);
	if (opt && (zone[0] == '+' || zone[0] == '-'))
		return;			/* "+08:00": fixed */
	zone_local = 1;
	if (setenv("TZ", zone, 1) == -1)
		news_fatal("setenv TZ:");
	tzset();
}

static int
day_of(int64_t t, int *y, int *m, int *d)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (!zone_local)
		return news_cal_day(t, zone_off, y, m, d);
	if (localtime_r(&tt, &tm) == NULL)
		return -1;
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
	return *y >= NEWS_CAL_MINYEAR && *y <= NEWS_CAL_MAXYEAR ? 0 : -1;
}

static void
skip(struct news_note *k, const char *name, unsigned long line,
    const char *what, size_t n)
{
	char where[160];

	if (k->n > 0) {
		k->n++;
		return;
	}
	snprintf(where, sizeof(where), "%s:%lu%s%.*s", name, line,
	    what ? ": " : "", what ? (int)(n < 64 ? n : 64) : 0,
	    what ? what : "");
	news_note_count(k, where);
}

static int
selected(int y, int m)
{
	int i;

	if (!explicit)
		return 1;
	for (i = 0; i < nsel; i++)
		if (sel[i] == y * 12 + m - 1)
			return 1;
	for (i = 0; i < nmonths && nsel == 0; i++)
		if (months[i] == y * 12 + m - 1)
			return 1;
	return 0;
}

static void
keep(json_t *rec, int y, int m, int d)
{
	struct article *a;

	if (cal.nart == cal.capart) {
		cal.capart = cal.capart ? cal.capart * 2 : 1024;
		cal.art = news_xreallocarray(cal.art, cal.capart,
		    sizeof(*cal.art));
	}
	a = &cal.art[cal.nart];
	a->day = news_cal_days(y, m, d);
	a->seq = cal.nart++;
	a->ref = json_pack("{s:o?,s:o?,s:o?}",
	    "id", json_incref(json_object_get(rec, "id")),
	    "url", json_incref(json_object_get(rec, "url")),
	    "title", json_incref(json_object_get(rec, "title")));
}

/* place one record by its published date s[0..n) (s NULL: none) */
static void
place(const char *s, size_t n, json_t *rec, const char *name,
    unsigned long line)
{
	int64_t t;
	int y, m, d;

	if (s == NULL || n == 0) {
		skip(&nodate, name, line, NULL, 0);
		return;
	}
	if (news_date_parse(s, n, 0, 0, &t, NULL) == -1) {
		skip(&baddate, name, line, s, n);
		return;
	}
	if (day_of(t, &y, &m, &d) == -1) {
		skip(&outside, name, line, s, n);
		return;
	}
	news_cal_add(cal.cal, y, m, d, 1);
	if (format == F_ICS && selected(y, m))
		ics_event(stdout, rec, t);
	if (format == F_JSON)
		keep(rec, y, m, d);
}

/* -f json and ics: whole records through lib/record.c */
static int
on_record(json_t *rec, struct news_reader *r, void *arg)
{
	const char *s = news_record_str(rec, "published");

	place(s, s ? strlen(s) : 0, rec, news_reader_name(r),
	    news_reader_line(r));
	return 0;
}

/* one line as lib/record.c reads it, the fast path first (scan.c) */
static int
fast_line(const char *line, size_t len, struct news_reader *r)
{
	const char *pub, *name = news_reader_name(r);
	unsigned long ln = news_reader_line(r);
	size_t n;
	json_t *rec;
	char err[256];

	switch (scan_published(line, len, &pub, &n)) {
	case SCAN_STRING:
		place(pub, n, NULL, name, ln);
		return 0;
	case SCAN_NONE:
	case SCAN_OTHER:
		place(NULL, 0, NULL, name, ln);
		return 0;
	}
	if ((rec = news_record_parse(line, len, err, sizeof(err))) == NULL) {
		news_warn("%s: %s", news_reader_where(r), err);
		return NEWS_EXIT_FAIL;
	}
	pub = news_record_str(rec, "published");
	place(pub, pub ? strlen(pub) : 0, rec, name, ln);
	json_decref(rec);
	return 0;
}

static const char *archive;	/* --archive DB */

/* the lines of one reader: text and html need only "published" */
static int
read_lines(struct news_reader *r)
{
	const char *line;
	size_t len;
	int n, rc = 0;

	while ((n = news_reader_next_line(r, &line, &len)) != NEWS_READ_EOF) {
		if (n == NEWS_READ_ERR) {
			rc = NEWS_EXIT_FAIL;
			break;
		}
		if (n == NEWS_READ_BAD || fast_line(line, len, r) != 0)
			rc = NEWS_EXIT_FAIL;
	}
	return rc;
}

/* the records of --archive DB: all of them, or exit 2 */
static int
read_archive(int fast)
{
	struct news_reader *r;
	char err[512];
	int status, rc;

	if ((r = news_archive_reader(archive, NULL, err, sizeof err, &status)) == NULL)
		news_fatal("%s", err);
	rc = fast ? read_lines(r) : news_records_foreach_reader(r, on_record, NULL);
	news_reader_close(r);
	return rc;
}

/* text and html need only "published": read lines, parse what we must */
static int
read_fast(int argc, char **argv)
{
	static char *stdin_only[] = { "-" };
	struct news_reader *r;
	int i, rc = 0, n;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (i = 0; i < argc; i++) {
		if ((r = news_reader_open(argv[i])) == NULL) {
			news_warn("%s:", argv[i]);
			rc = NEWS_EXIT_FAIL;
			continue;
		}
		if ((n = read_lines(r)) > rc)
			rc = n;
		news_reader_close(r);
	}
	return rc;
}

/* the months to show: -y, -m, else the newest article's, else now */
static void
choose(void)
{
	int y, m, d, i;
	struct tm tm;
	time_t now;

	if (year != 0 && !heat) {
		for (i = 0; i < 12; i++)
			sel[i] = year * 12 + i;
		nsel = 12;
		return;
	}
	if (nmonths == 0) {
		if (news_cal_last(cal.cal, &y, &m, &d) == -1) {
			now = time(NULL);
			if (zone_local)
				localtime_r(&now, &tm);
			else {
				now += zone_off;
				gmtime_r(&now, &tm);
			}
			y = tm.tm_year + 1900;
			m = tm.tm_mon + 1;
		}
		months = news_xmalloc(sizeof(*months));
		months[nmonths++] = y * 12 + m - 1;
	}
	if (heat) {
		if (year == 0)
			year = months[0] / 12;
		return;
	}
	if (three) {
		y = months[0];
		if (explicit && (y < NEWS_CAL_MINYEAR * 12 + 1 ||
		    y > NEWS_CAL_MAXYEAR * 12 + 10))
			news_fatal("-3 needs a month inside %d-02..%d-11",
			    NEWS_CAL_MINYEAR, NEWS_CAL_MAXYEAR);
		if (y < NEWS_CAL_MINYEAR * 12 + 1)
			y = NEWS_CAL_MINYEAR * 12 + 1;
		if (y > NEWS_CAL_MAXYEAR * 12 + 10)
			y = NEWS_CAL_MAXYEAR * 12 + 10;
		for (i = 0; i < 3; i++)
			sel[i] = y - 1 + i;
		nsel = 3;
	}
}

static void
output(void)
{
	const int *ym = nsel > 0 ? sel : months;
	int n = nsel > 0 ? nsel : nmonths;

	if (format == F_ICS)
		ics_end(stdout);
	else if (format == F_JSON)
		json_months(stdout, &cal, ym, n);
	else if (format == F_HTML)
		html_months(stdout, &cal, ym, n, &html);
	else if (heat)
		text_heat(stdout, &cal, year);
	else if (year != 0)
		text_year(stdout, &cal, year);
	else if (three)
		text_three(stdout, &cal, sel[1] / 12, sel[1] % 12 + 1);
	else
		text_months(stdout, &cal, ym, n);
}

static void
options(int argc, char *argv[], const char **zone)
{
	static const struct option longopts[] = {
		{ "heat", no_argument, NULL, 'H' },
		{ "monday", no_argument, NULL, 'M' },
		{ "sunday", no_argument, NULL, 'S' },
		{ "tz", required_argument, NULL, 'z' },
		{ "link", required_argument, NULL, 'l' },
		{ "month-link", required_argument, NULL, 'L' },
		{ "base", required_argument, NULL, 'b' },
		{ "archive", required_argument, NULL, 'A' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "3cf:hm:qy:MS", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case '3': three = 1; break;
		case 'c': cal.counts = 1; break;
		case 'f':
			if (strcmp(optarg, "text") == 0) format = F_TEXT;
			else if (strcmp(optarg, "html") == 0) format = F_HTML;
			else if (strcmp(optarg, "json") == 0) format = F_JSON;
			else if (strcmp(optarg, "ics") == 0) format = F_ICS;
			else {
				news_warn("-f %s: unknown format", optarg);
				usage();
			}
			break;
		case 'm': add_month(optarg); break;
		case 'q': news_quiet = 1; break;
		case 'y': set_year(optarg); break;
		case 'H': heat = 1; break;
		case 'M': cal.first_weekday = 1; break;
		case 'S': cal.first_weekday = 0; break;
		case 'z': *zone = optarg; break;
		case 'l': html.link = optarg; break;
		case 'L': html.month_link = optarg; break;
		case 'b': html.base = optarg; break;
		case 'A': archive = optarg; break;
		case 'h': help();
		case 'V': news_version();
		default: usage();
		}
	}
	if ((year != 0 && (nmonths > 0 || three)) || (three && nmonths > 1) ||
	    (heat && (format != F_TEXT || three || nmonths > 0))) {
		news_warn("-y, -m, -3 and --heat do not combine so");
		usage();
	}
}

int
main(int argc, char *argv[])
{
	const char *zone = NULL;
	int rc;

	news_setprog(argv[0]);
	argv[0] = (char *)news_getprog();	/* getopt names us by argv[0] */
	setlocale(LC_TIME, "");
	setlocale(LC_CTYPE, "");
	cal.first_weekday = news_cal_locale_first_weekday();
	options(argc, argv, &zone);
	argc -= optind;
	argv += optind;
	if (archive != NULL && argc > 0) {
		news_warn("--archive and record files exclude each other");
		usage();
	}
	zone_setup(zone);
	if (pledge(argc == 0 && archive == NULL ? "stdio" :
	    "stdio rpath wpath cpath flock", NULL) == -1)
		news_fatal("pledge:");
	cal.cal = news_cal_new();
	cal.mark = isatty(STDOUT_FILENO) && (getenv("NO_COLOR") == NULL ||
	    *getenv("NO_COLOR") == '\0') ? MARK_REVERSE : MARK_PLAIN;
	cal.blocks = isatty(STDOUT_FILENO) &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	explicit = year != 0 || nmonths > 0;
	if (explicit)
		choose();
	if (format == F_ICS)
		ics_begin(stdout);
	if (archive != NULL)
		rc = read_archive(format != F_JSON && format != F_ICS);
	else if (format == F_JSON || format == F_ICS)
		rc = news_records_foreach(argc, argv, on_record, NULL);
	else
		rc = read_fast(argc, argv);
	if (news_notes_end() > rc)
		rc = NEWS_EXIT_FAIL;
	if (!explicit)
		choose();
	output();
	news_cal_free(cal.cal);
	if (news_fshut(stdout, "<stdout>") != 0)
		return NEWS_EXIT_FATAL;
	return rc;
}
