/*
 * news-extract: the article of a news page, its metadata and nothing else.
 *
 * Records (JSON lines, each with html and url) from the operands or
 * stdin, as every filter reads them (news(7)).  A raw HTML page from a
 * file is --html FILE ("-" is stdin): one record with path set.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "news.h"
#include "buf.h"
#include "html.h"
#include "record.h"
#include "text.h"
#include "extract.h"

static int keephtml;
static const char *baseurl;

/* the notes of a run, each kind summed up once at the end (lib/diag.c) */
static struct news_note nohtml = NEWS_NOTE("no html field", "passed through", 0);
static struct news_note failed[] = {
	[EX_NOARTICLE] = NEWS_NOTE(NULL, NULL, 1),
	[EX_TOOBIG] = NEWS_NOTE(NULL, NULL, 1),
	[EX_EMPTY] = NEWS_NOTE(NULL, NULL, 1),
	[EX_BINARY] = NEWS_NOTE(NULL, NULL, 1),
	[EX_TOODEEP] = NEWS_NOTE(NULL, NULL, 1),
};

/* a record extraction failed for, by its status */
static int
fail(const char *where, int st)
{
	failed[st].reason = ex_status_msg(st);
	news_note(&failed[st], where);
	return NEWS_EXIT_FAIL;
}

static const char *const synopsis[] = {
	"[-q] [--keep-html] [--url URL] [--utc] [--html file] [file ...]", NULL
};
static const struct news_opt_help opthelp[] = {
	{ "--keep-html", "keep the html field" },
	{ "-q, --quiet", "no per-record notes: one summary line a run" },
	{ "--url URL", "resolve relative links against URL" },
	{ "--utc", "write published and updated in UTC (Z)" },
	{ "--html file", "a raw HTML page (- for stdin; repeatable)" },
	{ "-h, --help", "this help" },
	{ "--version", "the version" },
	{ NULL, NULL }
};

static NEWS_NORETURN void
usage(void)
{
	news_usage(synopsis);
}

/*
 * U+2028, U+2029 and U+0085 are line ends to many JSON-lines readers
 * (Python's splitlines, JavaScript): write them as plain white space.
 */
static void
fixbreaks(char *s)
{
	unsigned char *p = (unsigned char *)s, *q = p;

	while (*p) {
		if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 ||
		    p[2] == 0xA9)) {
			*q++ = '\n';
			p += 3;
		} else if (p[0] == 0xC2 && p[1] == 0x85) {
			*q++ = ' ';
			p += 2;
		} else
			*q++ = *p++;
	}
	*q = '\0';
}

static void
setstr(json_t *rec, const char *key, char *v)
{
	size_t n;

	if (v != NULL) {
		fixbreaks(v);
		/* our own check is the faster one; jansson then only copies */
		n = strlen(v);
		json_object_set_new(rec, key, news_utf8_valid(v, n) ?
		    json_stringn_nocheck(v, n) : json_string(v));
	}
}

static void
setfields(json_t *rec, struct ex_result *r)
{
	setstr(rec, "title", r->title);
	setstr(rec, "site_name", r->site_name);
	setstr(rec, "author", r->author);
	setstr(rec, "published", r->published);
	setstr(rec, "updated", r->updated);
	setstr(rec, "description", r->description);
	setstr(rec, "lang", r->lang);
	setstr(rec, "image", r->image);
	setstr(rec, "canonical_url", r->canonical_url);
	setstr(rec, "text", r->text);
	setstr(rec, "content", r->content);
	if (r->text != NULL)
		json_object_set_new(rec, "word_count",
		    json_integer((json_int_t)r->word_count));
	if (r->categories != NULL)
		json_object_set(rec, "categories", r->categories);
	if (r->keywords != NULL)
		json_object_set(rec, "keywords", r->keywords);
	if (r->warnings != NULL)
		json_object_set(rec, "warnings", r->warnings);
}

/* extract html into rec; returns the exit status for this record */
static int
extract(json_t *rec, const char *where, const char *html, size_t len,
    const char *url, const char *ctype)
{
	struct ex_result r;
	int st;

	st = ex_extract(html, len, url, ctype, &r);
	if (st == EX_TOOBIG || st == EX_EMPTY || st == EX_BINARY)
		return fail(where, st);
	setfields(rec, &r);
	ex_result_free(&r);
	if (!keephtml)
		json_object_del(rec, "html");
	if (st == EX_NOARTICLE || st == EX_TOODEEP)
		return fail(where, st);
	return NEWS_EXIT_OK;
}

static int
emit(json_t *rec)
{
	if (news_record_write(rec, stdout) != 0)
		news_fatal("<stdout>: write error:");
	return 0;
}

static int
onrecord(json_t *rec, struct news_reader *rd, void *arg)
{
	const char *html, *url, *label;
	char where[512];
	int st;

	(void)arg;
	label = news_record_label(rec);
	snprintf(where, sizeof(where), "%s%s%s", news_reader_where(rd),
	    label ? ": " : "", label ? label : "");
	html = news_record_str(rec, "html");
	if (html == NULL) {
		news_note(&nohtml, where);
		emit(rec);
		return NEWS_EXIT_OK;
	}
	url = baseurl;
	if (url == NULL && (url = news_record_str(rec, "final_url")) == NULL)
		url = news_record_str(rec, "url");
	/*
	 * A JSON string is Unicode: the html of a record is UTF-8 whatever
	 * charset its content_type or its <meta> names (news-fetch --pages
	 * decoded it already), so it is never decoded a second time.
	 */
	st = extract(rec, where, html, strlen(html), url,
	    "text/html; charset=utf-8");
	emit(rec);
	return st;
}

/* read a whole file (at most NEWS_HTML_MAX + 1 bytes) */
static int
slurp(const char *path, struct news_buf *b, int *toobig)
{
	FILE *fp;
	size_t n;

	*toobig = 0;
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	for (;;) {
		news_buf_grow(b, 65536);
		n = fread(b->s + b->len, 1, 65536, fp);
		b->len += n;
		if (b->len > NEWS_HTML_MAX) {
			*toobig = 1;
			break;
		}
		if (n < 65536)
			break;
	}
	b->s[b->len] = '\0';
	if (ferror(fp)) {
		if (fp != stdin)
			fclose(fp);
		return -1;
	}
	if (fp != stdin)
		fclose(fp);
	return 0;
}

static int
onfile(const char *path)
{
	struct news_buf b = NEWS_BUF_INIT;
	json_t *rec;
	int toobig, st;

	if (slurp(path, &b, &toobig) != 0) {
		news_warn("%s:", path);
		news_buf_free(&b);
		return NEWS_EXIT_FAIL;
	}
	rec = json_object();
	json_object_set_new(rec, "path", json_string(path));
	if (baseurl != NULL)
		json_object_set_new(rec, "url", json_string(baseurl));
	if (toobig)
		st = fail(path, EX_TOOBIG);
	else {
		st = extract(rec, path, b.s, b.len, baseurl, NULL);
		if (keephtml && b.len > 0)
			news_record_set_str(rec, "html", b.s);
	}
	emit(rec);
	json_decref(rec);
	news_buf_free(&b);
	return st;
}

/*
 * An operand whose first byte (after a BOM and white space) is '<' is a
 * page given where records belong: say so once, not once a line.
 */
static int
looks_html(const char *path)
{
	unsigned char b[512];
	size_t n, i = 0;
	FILE *fp;

	if (strcmp(path, "-") == 0 || (fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(b, 1, sizeof(b), fp);
	fclose(fp);
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		i = 3;
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' ||
	    b[i] == '\n'))
		i++;
	return i < n && b[i] == '<';
}

/* the records of the operands (stdin when none), pages refused */
static int
records(int argc, char **argv)
{
	int i, r, st = NEWS_EXIT_OK;

	if (argc == 0)
		return news_records_foreach(0, NULL, onrecord, NULL);
	for (i = 0; i < argc && !ferror(stdout); i++) {
		if (looks_html(argv[i])) {
			news_warn("%s: an HTML page, not records: use --html %s",
			    argv[i], argv[i]);
			r = NEWS_EXIT_FAIL;
		} else
			r = news_records_foreach(1, argv + i, onrecord, NULL);
		if (r > st)
			st = r;
	}
	return st;
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "html", required_argument, NULL, 'H' },
		{ "keep-html", no_argument, NULL, 'k' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "url", required_argument, NULL, 'u' },
		{ "utc", no_argument, NULL, 'z' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	char **pages;
	int c, i, npages = 0, st = NEWS_EXIT_OK, r;

	news_setprog(argv[0]);
	argv[0] = (char *)news_getprog();	/* getopt names us by argv[0] */
	pages = news_xcalloc((size_t)argc, sizeof(*pages));
	while ((c = getopt_long(argc, argv, "hqu:V", longopts, NULL)) != -1) {
		switch (c) {
		case 'H':
			pages[npages++] = optarg;
			break;
		case 'k':
			keephtml = 1;
			break;
		case 'q':
			news_quiet = 1;
			break;
		case 'u':
			baseurl = optarg;
			break;
		case 'z':
			ex_opt_utc = 1;
			break;
		case 'V':
			news_version();
		case 'h':
			news_help(synopsis, "The article of each news page: its text, "
			    "clean HTML and metadata.", opthelp);
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (pledge(argc == 0 && npages == 0 ? "stdio" : "stdio rpath", NULL) == -1)
		news_fatal("pledge:");
	xmlSetGenericErrorFunc(NULL, quiet);
	/* the pages of --html first, then the records (of stdin only when
	 * there is neither an operand nor a page) */
	for (i = 0; i < npages && !ferror(stdout); i++)
		if ((r = onfile(pages[i])) > st)
			st = r;
	if ((argc > 0 || npages == 0) && !ferror(stdout) &&
	    (r = records(argc, argv)) > st)
		st = r;
	free(pages);
	xmlCleanupParser();
	news_notes_end();
	r = news_fshut(stdout, "<stdout>");
	return r ? r : st;
}
