/* Unit tests of lib/record.c: JSON-lines reading, repair, limits, writing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "news.h"
#include "buf.h"
#include "record.h"
#include "tap.h"

static char errfile[] = "/tmp/news-record-err.XXXXXX";
static int saved_stderr = -1;

/* Send stderr to a file so the diagnostics can be checked. */
static void
capture_start(void)
{
	int fd;

	fflush(stderr);
	if (saved_stderr < 0)
		saved_stderr = dup(2);
	if ((fd = mkstemp(errfile)) < 0)
		abort();
	dup2(fd, 2);
	close(fd);
}

/* Stop capturing; return what was written to stderr (malloc'd). */
static char *
capture_end(void)
{
	FILE *fp;
	char *s;
	long n;

	fflush(stderr);
	dup2(saved_stderr, 2);
	fp = fopen(errfile, "rb");
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = calloc(1, (size_t)n + 1);
	if (fread(s, 1, (size_t)n, fp) != (size_t)n)
		abort();
	fclose(fp);
	unlink(errfile);
	strcpy(errfile + strlen(errfile) - 6, "XXXXXX");
	return s;
}

/* Read all of input through a reader; return the records written back
 * one per line, and the statuses as a string of 'o' (ok) and 'b' (bad). */
static char *
roundtrip(const char *input, size_t len, size_t max, char *statuses, char **err)
{
	FILE *in, *out;
	struct news_reader *r;
	json_t *rec;
	char *buf = NULL;
	size_t blen = 0;
	int n;

	in = fmemopen((void *)input, len, "rb");
	if (len == 0)
		in = fopen("/dev/null", "rb");
	out = open_memstream(&buf, &blen);
	r = news_reader_fdopen(in, "t.jsonl");
	if (max)
		news_reader_set_max(r, max);
	capture_start();
	while ((n = news_reader_next(r, &rec)) != NEWS_READ_EOF) {
		*statuses++ = n == NEWS_READ_OK ? 'o' : 'b';
		if (n == NEWS_READ_OK) {
			news_record_write(rec, out);
			json_decref(rec);
		}
		if (n == NEWS_READ_ERR)
			break;
	}
	*statuses = '\0';
	*err = capture_end();
	news_reader_close(r);
	fclose(in);
	fclose(out);
	return buf;
}

struct rcase {
	const char *name;
	const char *in;
	size_t len;		/* 0: strlen */
	const char *out;
	const char *status;
	const char *err;	/* expected stderr, "" for none */
};

static const struct rcase cases[] = {
	{ "empty input", "", 0, "", "", "" },
	{ "one record, order kept",
	  "{\"z\":1,\"a\":\"x\",\"m\":[1,2,{\"k\":null}]}\n", 0,
	  "{\"z\":1,\"a\":\"x\",\"m\":[1,2,{\"k\":null}]}\n", "o", "" },
	{ "spaces compacted, unicode kept",
	  "{ \"t\" : \"caf\xc3\xa9 \\u00e9\" }\n", 0,
	  "{\"t\":\"caf\xc3\xa9 \xc3\xa9\"}\n", "o", "" },
	{ "blank lines skipped, numbering kept",
	  "\n  \n{\"a\":1}\n\n[1]\n", 0,
	  "{\"a\":1}\n", "ob",
	  "record-test: t.jsonl:5: not a JSON object but an array\n" },
	{ "number, string, null, bool",
	  "42\n\"s\"\nnull\ntrue\n{\"ok\":1}\n", 0, "{\"ok\":1}\n", "bbbbo",
	  "record-test: t.jsonl:1: not a JSON object but a number\n"
	  "record-test: t.jsonl:2: not a JSON object but a string\n"
	  "record-test: t.jsonl:3: not a JSON object but null\n"
	  "record-test: t.jsonl:4: not a JSON object but a boolean\n" },
	{ "invalid UTF-8 repaired, not dropped",
	  "{\"a\":\"x\xff y\xc3\"}\n", 0,
	  "{\"a\":\"x\xef\xbf\xbd y\xef\xbf\xbd\"}\n", "o", "" },
	{ "NUL byte reported with its column",
	  "{\"a\":\"x\0y\"}\n{\"b\":2}\n", 20, "{\"b\":2}\n", "bo",
	  "record-test: t.jsonl:1: invalid JSON: NUL byte at column 8\n" },
	{ "truncated last line",
	  "{\"a\":1}\n{\"b\":", 0, "{\"a\":1}\n", "ob", NULL },
	{ "last line without newline is read",
	  "{\"a\":1}\n{\"b\":2}", 0, "{\"a\":1}\n{\"b\":2}\n", "oo", "" },
	{ "CRLF line ends",
	  "{\"a\":1}\r\n{\"b\":2}\r\n", 0, "{\"a\":1}\n{\"b\":2}\n", "oo", "" },
	{ "garbage between records",
	  "{\"a\":1}\nnot json\n{\"b\":2}\n", 0, "{\"a\":1}\n{\"b\":2}\n", "obo",
	  NULL },
	{ "escaped NUL kept as JSON",
	  "{\"a\":\"x\\u0000y\"}\n", 0, "{\"a\":\"x\\u0000y\"}\n", "o", "" },
	{ "reals re-printed short",
	  "{\"a\":0.1,\"b\":1e3,\"c\":-0.5}\n", 0,
	  "{\"a\":0.1,\"b\":1000.0,\"c\":-0.5}\n", "o", "" },
	{ "duplicate keys: the last wins, in the first place",
	  "{\"a\":1,\"b\":2,\"a\":3}\n", 0, "{\"a\":3,\"b\":2}\n", "o", "" },
};

static void
test_cases(void)
{
	char st[64], *out, *err;
	size_t i, len;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct rcase *c = &cases[i];

		len = c->len ? c->len : strlen(c->in);
		out = roundtrip(c->in, len, 0, st, &err);
		is_str(out, c->out, "%s: output", c->name);
		is_str(st, c->status, "%s: statuses", c->name);
		if (c->err)
			is_str(err, c->err, "%s: diagnostics", c->name);
		else
			ok(strncmp(err, "record-test: t.jsonl:", 21) == 0 &&
			    strstr(err, "invalid JSON") != NULL,
			    "%s: diagnostic names the line", c->name);
		free(out);
		free(err);
	}
}

static void
test_limit(void)
{
	char st[64], *out, *err, *in;
	size_t n = 3 * 1024 * 1024, i;

	/* a 3 MiB record, then a small one; limit 1 MiB */
	in = malloc(n + 64);
	strcpy(in, "{\"big\":\"");
	for (i = strlen(in); i < n; i++)
		in[i] = 'x';
	strcpy(in + n, "\"}\n{\"small\":1}\n");
	out = roundtrip(in, strlen(in), 1024 * 1024, st, &err);
	is_str(out, "{\"small\":1}\n", "over-long record skipped, next kept");
	is_str(st, "bo", "over-long record reported as bad");
	is_str(err, "record-test: t.jsonl:1: record longer than the maximum of 1048576 bytes, skipped\n",
	    "over-long record diagnostic");
	free(out);
	free(err);
	/* the same record passes under the default limit */
	out = roundtrip(in, strlen(in), 0, st, &err);
	is_str(st, "oo", "3 MiB record read under the default limit");
	ok(out && strlen(out) == n + 3 + 12, "3 MiB record written whole");
	free(out);
	free(err);
	/* an over-long last line without a newline */
	in[n] = '\0';
	out = roundtrip(in, strlen(in), 1024 * 1024, st, &err);
	is_str(st, "b", "over-long unterminated last line reported");
	free(out);
	free(err);
	free(in);
}

static void
test_many(void)
{
	char st[1100], *out, *err, *in, *p;
	int i;

	/* 1000 records of ~300 bytes cross many read blocks */
	in = p = malloc(1000 * 400);
	for (i = 0; i < 1000; i++)
		p += sprintf(p, "{\"n\":%d,\"t\":\"%0300d\"}\n", i, i);
	out = roundtrip(in, (size_t)(p - in), 0, st, &err);
	is_int((long long)strlen(st), 1000, "1000 records read");
	is_str(out, in, "1000 records written back byte for byte");
	free(out);
	free(err);
	free(in);
}

/* a record as news_record_write writes it */
static char *
written(json_t *rec)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	if (fp == NULL || news_record_write(rec, fp) != 0 || fclose(fp) != 0)
		return NULL;
	return s;
}

/* news_record_parse (fast path or not) against jansson alone */
static void
agree(const char *line, const char *name)
{
	json_t *ours, *theirs;
	char *a, *b, *b2;
	size_t len = strlen(line);

	ours = news_record_parse(line, len, NULL, 0);
	theirs = json_loadb(line, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, NULL);
	if (theirs != NULL && !json_is_object(theirs)) {
		json_decref(theirs);
		theirs = NULL;
	}
	if (ours == NULL || theirs == NULL) {
		ok(ours == NULL && theirs == NULL, "%s: both refuse", name);
	} else {
		a = json_dumps(ours, JSON_COMPACT | JSON_REAL_PRECISION(15));
		b = json_dumps(theirs, JSON_COMPACT | JSON_REAL_PRECISION(15));
		is_str(a, b, "%s: same object", name);
		free(a);
		a = written(ours);
		b2 = news_xmalloc(strlen(b) + 2);
		sprintf(b2, "%s\n", b);
		is_str(a, b2, "%s: written as jansson writes it", name);
		free(a);
		free(b2);
		free(b);
	}
	json_decref(ours);
	json_decref(theirs);
}

static void
test_fast(void)
{
	static const char *lines[] = {
		"{\"h\":\"<p class=\\\"a\\\">x\\n\\t\\\\ \\/ \\b\\f\\r</p>\"}",
		"{\"h\":\"\\u00e9\\u20AC\\ud83d\\ude00 caf\xc3\xa9\"}",
		"{\"h\":\"\\ud800\"}",
		"{\"h\":\"\\udc00\"}",
		"{\"h\":\"\\ud800\\u0041\"}",
		"{\"h\":\"\\u12\"}",
		"{\"h\":\"\\x\"}",
		"{\"h\":\"a\tb\"}",
		"{\"h\":\"a\\u0000b\"}",
		"{\"k\\u0000\":1}",
		"{\"\":\"\"}",
		"{\"c\":\"\\u0001\\u001f\\u007f\\b\\f\\r\\t\\/\",\"r\":[0.1,1e300,-0.0,3],\"t\":[true,false,null]}",
		" { \"a\" : [ 1 , { \"b\" : [ ] } ] , \"c\" : -1.5e-3 } ",
		"{\"a\":tru}",
		"{\"a\":1 2}",
		"{\"a\":123456789012345678901234567890}",
		"{\"a\":1e999}",
		"{\"a\":\"x\"} trailing",
		"{\"a\":\"x\",}",
		"{\"a\" \"x\"}",
		"{\"a\":}",
		"{\"a\":[1,\"]\",{\"}\":2}],\"b\":{}}",
		"{\"a\":[1,2}",
		"{\"a\":\"x\"",
		"{",
		"{}",
		"[]",
	};
	struct news_buf b = NEWS_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		agree(lines[i], lines[i]);
	/* a page-sized html string with every escape, as news-fetch writes it */
	news_buf_adds(&b, "{\"url\":\"https://example.org/a\",\"html\":\"");
	for (i = 0; i < 4000; i++)
		news_buf_adds(&b, "<p class=\\\"x\\\">caf\xc3\xa9 \\u00e9 \\ud83d\\ude00\\n\\t</p>\\r\\n");
	news_buf_adds(&b, "\",\"status\":200,\"feed\":{\"url\":\"u\",\"title\":\"t\"}}");
	agree(b.s, "page-sized html string");
	news_buf_free(&b);
}

static void
test_helpers(void)
{
	json_t *j;
	FILE *fp;
	char err[128];

	j = news_record_parse("{\"url\":\"u\",\"id\":\"i\"}", 20, err, sizeof(err));
	is_str(news_record_label(j), "i", "label prefers id");
	json_object_del(j, "id");
	is_str(news_record_label(j), "u", "label falls back to url");
	is_str(news_record_str(j, "url"), "u", "news_record_str");
	ok(news_record_str(j, "nope") == NULL, "news_record_str absent");
	news_record_set_str(j, "url", "v");
	is_str(news_record_str(j, "url"), "v", "news_record_set_str replaces");
	json_decref(j);
	ok(news_record_parse("[]", 2, err, sizeof(err)) == NULL, "array refused");
	is_str(err, "not a JSON object but an array", "array reason");

	if ((fp = fopen("/dev/full", "w")) != NULL) {
		capture_start();
		fputs("x", fp);
		is_int(news_fshut(fp, "/dev/full"), NEWS_EXIT_FATAL,
		    "news_fshut reports a full disk");
		free(capture_end());
	}
}

int
main(void)
{
	news_setprog("record-test");
	test_cases();
	test_limit();
	test_many();
	test_helpers();
	test_fast();
	return done_testing();
}
