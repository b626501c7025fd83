/*
 * get.c: news-archive get, search and export: the records out of the
 * archive as JSON lines (search: with a snippet and a score, or as text
 * for a person).  Exit status as grep: 0 something written, 1 nothing
 * matched, 2 an error.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cmd.h"
#include "record.h"

#define MAXLIST 32	/* --country and --tag given at most this often */

struct opts {
	struct news_archive_filter f;
	const char *country[MAXLIST + 1], *tag[MAXLIST + 1];
	int ncountry, ntag, text;
};

enum { O_SINCE = 256, O_UNTIL, O_ADDED, O_COUNTRY, O_TAG, O_CATEGORY,
	O_AUTHOR, O_SOURCE, O_ID, O_LIMIT, O_OLDEST };

static const struct option get_opts[] = {
	{ "since", required_argument, NULL, O_SINCE },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "added-since", required_argument, NULL, O_ADDED },
	{ "country", required_argument, NULL, O_COUNTRY },
	{ "tag", required_argument, NULL, O_TAG },
	{ "category", required_argument, NULL, O_CATEGORY },
	{ "author", required_argument, NULL, O_AUTHOR },
	{ "source", required_argument, NULL, O_SOURCE },
	{ "id", required_argument, NULL, O_ID },
	{ "limit", required_argument, NULL, O_LIMIT },
	{ "oldest-first", no_argument, NULL, O_OLDEST },
	{ NULL, 0, NULL, 0 }
};

/* the options of get (search takes fewer: allowed lists them) */
static void
parse(struct opts *o, int argc, char **argv, const char *allowed)
{
	const char *errstr;
	char name[32];
	int c, i;

	memset(o, 0, sizeof(*o));
	o->f.limit = -1;	/* not given */
	while ((c = getopt_long(argc, argv, "f:", get_opts, NULL)) != -1) {
		for (i = 0; get_opts[i].name && get_opts[i].val != c; i++)
			;
		snprintf(name, sizeof(name), ",%s,", get_opts[i].name ?
		    get_opts[i].name : "f");
		if (c == '?' || !strstr(allowed, name))
			usage();
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0)
				news_fatal("-f %s: expected json or text", optarg);
			o->text = strcmp(optarg, "text") == 0;
			break;
		case O_SINCE: o->f.since = date_opt("--since", optarg, 0); break;
		case O_UNTIL: o->f.until = date_opt("--until", optarg, 1); break;
		case O_ADDED:
			o->f.added_since = news_strtonum(optarg, 0, INT64_MAX, &errstr);
			if (errstr)
				news_fatal("--added-since %s: %s", optarg, errstr);
			break;
		case O_COUNTRY:
		case O_TAG:
			if ((c == O_COUNTRY ? o->ncountry : o->ntag) >= MAXLIST)
				news_fatal("--%s given more than %d times",
				    get_opts[i].name, MAXLIST);
			if (c == O_COUNTRY)
				o->country[o->ncountry++] = optarg;
			else
				o->tag[o->ntag++] = optarg;
			break;
		case O_CATEGORY: o->f.category = optarg; break;
		case O_AUTHOR: o->f.author = optarg; break;
		case O_SOURCE: o->f.source = optarg; break;
		case O_ID: o->f.id = optarg; break;
		case O_LIMIT:
			o->f.limit = (long)news_strtonum(optarg, 0, 1000000000, &errstr);
			if (errstr)
				news_fatal("--limit %s: %s", optarg, errstr);
			break;
		case O_OLDEST: o->f.oldest_first = 1; break;
		}
	}
	if (o->f.limit < 0 && strstr(allowed, ",f,") == NULL)
		o->f.limit = 0;	/* get: all */
	if (o->ncountry)
		o->f.country = o->country;
	if (o->ntag)
		o->f.tag = o->tag;
}

/* write every row of it; the exit status */
static int
drain(struct news_archive *a, struct news_archive_iter *it,
    void (*put)(const struct news_archive_row *))
{
	struct news_archive_row row;
	int n, any = 0;

	if (it == NULL)
		db_fatal(a);
	while (!ferror(stdout) && (n = news_archive_next(it, &row)) == 1) {
		put(&row);
		any = 1;
	}
	if (n < 0) {
		news_archive_iter_free(it);
		db_fatal(a);
	}
	news_archive_iter_free(it);
	news_archive_close(a);
	n = news_fshut(stdout, "<stdout>");
	return n ? n : any ? NEWS_EXIT_OK : NEWS_EXIT_FAIL;
}

static void
put_line(const struct news_archive_row *row)
{
	fwrite(row->json, 1, row->len, stdout);
	putchar('\n');
}

int
cmd_get(int argc, char **argv)
{
	struct news_archive *a;
	struct opts o;

	parse(&o, argc, argv, ",since,until,added-since,country,tag,category,"
	    "author,source,id,limit,oldest-first,");
	if (argc - optind != 1)
		usage();
	a = open_db(argv[optind], NEWS_ARCHIVE_RDONLY);
	return drain(a, news_archive_query(a, &o.f), put_line);
}

/* search -f json: the record with "snippet" and "score" */
static void
put_hit(const struct news_archive_row *row)
{
	struct news_buf b = NEWS_BUF_INIT;
	json_t *rec = news_record_parse(row->json, row->len, NULL, 0);
	char num[32];

	if (rec == NULL)
		return;
	json_object_set_new(rec, "snippet", json_string(row->snippet ?
	    row->snippet : ""));
	/* six significant digits: scores of common words are small */
	snprintf(num, sizeof(num), "%.6g", row->score);
	json_object_set_new(rec, "score", json_real(strtod(num, NULL)));
	if (news_json_put(&b, rec) == 0) {
		news_buf_addc(&b, '\n');
		fwrite(b.s, 1, b.len, stdout);
	}
	news_buf_free(&b);
	json_decref(rec);
}

/* search -f text: date, title, URL, snippet; a blank line between */
static void
put_text(const struct news_archive_row *row)
{
	static int n;
	json_t *rec = news_record_parse(row->json, row->len, NULL, 0);
	const char *title = rec ? news_record_str(rec, "title") : NULL;
	const char *url = rec ? news_record_str(rec, "url") : NULL;
	const char *p;
	char day[16];
	time_t t = (time_t)row->time;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(day, sizeof(day), "%Y-%m-%d", &tm) == 0)
		snprintf(day, sizeof(day), "?");
	printf("%s%-10s  %s\n", n++ ? "\n" : "", day, title && *title ? title :
	    "(no title)");
	if (url && *url)
		printf("            %s\n", url);
	if (row->snippet && *row->snippet) {
		fputs("            ", stdout);
		for (p = row->snippet; *p; p++)	/* one line */
			putchar(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
		putchar('\n');
	}
	json_decref(rec);
}

int
cmd_search(int argc, char **argv)
{
	struct news_archive *a;
	struct opts o;
	struct news_archive_iter *it;

	parse(&o, argc, argv, ",f,since,until,country,tag,limit,");
	if (argc - optind != 2)
		usage();
	if (o.f.limit < 0)
		o.f.limit = 20;
	o.f.query = argv[optind + 1];
	a = open_db(argv[optind], NEWS_ARCHIVE_RDONLY);
	it = news_archive_search(a, &o.f);
	return drain(a, it, o.text ? put_text : put_hit);
}

int
cmd_export(int argc, char **argv)
{
	struct news_archive *a;
	struct news_archive_filter f;

	static const struct option none[] = { { NULL, 0, NULL, 0 } };

	if (getopt_long(argc, argv, "", none, NULL) != -1 ||
	    argc - optind != 1)
		usage();
	a = open_db(argv[optind], NEWS_ARCHIVE_RDONLY);
	memset(&f, 0, sizeof(f));
	f.by_seq = 1;
	f.oldest_first = 1;
	drain(a, news_archive_query(a, &f), put_line);
	return NEWS_EXIT_OK;
}
