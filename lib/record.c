/*
 * record.c: JSON-lines records in and out.
 *
 * The reader keeps its own buffer (read in 256 KiB blocks) and splits lines
 * with memchr, so a line is parsed in place without a copy unless its
 * UTF-8 needs repair.  A line longer than the maximum record size is
 * reported and skipped as it streams by: memory stays bounded by the limit.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "news.h"
#include "record.h"
#include "text.h"

#define READ_BLOCK (256 * 1024)

struct news_reader {
	FILE *fp;
	int own;		/* we opened fp */
	char *name;
	unsigned long line;	/* number of the line last returned */
	unsigned long next;	/* number of the next line */
	char *buf;
	size_t cap, start, end;
	size_t max;
	int eof, err;
	char where[512];
};

static size_t
max_from_env(void)
{
	const char *s = getenv("NEWS_MAX_RECORD");
	const char *errstr;
	long long v;

	if (s == NULL || *s == '\0')
		return NEWS_RECORD_MAX_DEFAULT;
	v = news_strtonum(s, 2, (long long)(SIZE_MAX / 4), &errstr);
	if (errstr) {
		news_warn("NEWS_MAX_RECORD %s: %s", errstr, s);
		return NEWS_RECORD_MAX_DEFAULT;
	}
	return (size_t)v;
}

struct news_reader *
news_reader_fdopen(FILE *fp, const char *name)
{
	struct news_reader *r;

	r = news_xcalloc(1, sizeof(*r));
	r->fp = fp;
	r->name = news_xstrdup(name);
	r->next = 1;
	r->max = max_from_env();
	return r;
}

struct news_reader *
news_reader_open(const char *path)
{
	struct news_reader *r;
	FILE *fp;

	if (path == NULL || strcmp(path, "-") == 0)
		return news_reader_fdopen(stdin, "<stdin>");
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	r = news_reader_fdopen(fp, path);
	r->own = 1;
	return r;
}

void
news_reader_close(struct news_reader *r)
{
	if (r == NULL)
		return;
	if (r->own)
		fclose(r->fp);
	free(r->name);
	free(r->buf);
	free(r);
}

void
news_reader_set_max(struct news_reader *r, size_t max)
{
	r->max = max < 2 ? 2 : max;
}

const char *
news_reader_where(const struct news_reader *r)
{
	struct news_reader *w = (struct news_reader *)r;

	snprintf(w->where, sizeof(w->where), "%s:%lu", r->name, r->line);
	return r->where;
}

const char *
news_reader_name(const struct news_reader *r)
{
	return r->name;
}

unsigned long
news_reader_line(const struct news_reader *r)
{
	return r->line;
}

/* Read more input at buf[end]; returns bytes read, 0 at EOF or error. */
static size_t
fill(struct news_reader *r)
{
	size_t n, want;

	if (r->eof)
		return 0;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < READ_BLOCK) {
		size_t ncap = r->cap ? r->cap : READ_BLOCK * 2;

		while (ncap - r->end < READ_BLOCK)
			ncap *= 2;
		r->buf = news_xrealloc(r->buf, ncap);
		r->cap = ncap;
	}
	want = r->cap - r->end - 1;
	n = fread(r->buf + r->end, 1, want, r->fp);
	r->end += n;
	if (n < want) {
		if (ferror(r->fp)) {
			r->err = errno ? errno : EIO;
			r->eof = 1;
		} else if (feof(r->fp)) {
			r->eof = 1;
		}
	}
	return n;
}

/*
 * Skip the rest of an over-long line: drop buffered bytes until a
 * newline.  Returns the total length skipped past the limit point.
 */
static void
skip_line(struct news_reader *r)
{
	char *nl;

	for (;;) {
		nl = r->start < r->end ?
		    memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
		if (nl) {
			r->start = (size_t)(nl - r->buf) + 1;
			return;
		}
		r->start = r->end = 0;
		if (fill(r) == 0 && r->eof)
			return;
	}
}

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static const char *
json_type_name(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	default: return "not an object";
	}
}

json_t *
news_record_parse(const char *line, size_t len, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *j;
	char *fixed = NULL;
	size_t i;

	if (news_utf8_valid_prefix(line, len) != len) {
		fixed = news_utf8_repair(line, len, &len);
		line = fixed;
	}
	j = json_loadb(line, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr);
	if (j == NULL) {
		if (err) {
			/* a NUL byte is the usual culprit of "unexpected" input */
			for (i = 0; i < len && line[i] != '\0'; i++)
				;
			if (i < len)
				snprintf(err, errlen, "invalid JSON: NUL byte at column %zu", i + 1);
			else
				snprintf(err, errlen, "invalid JSON: %s (column %d)",
				    jerr.text, jerr.column);
		}
	} else if (!json_is_object(j)) {
		if (err)
			snprintf(err, errlen, "not a JSON object but %s",
			    json_type_name(j));
		json_decref(j);
		j = NULL;
	}
	free(fixed);
	return j;
}

int
news_reader_next_line(struct news_reader *r, const char **linep, size_t *lenp)
{
	char *nl, *line;
	size_t len;

	for (;;) {
		nl = r->start < r->end ?
		    memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
		if (nl == NULL) {
			if (r->end - r->start > r->max) {
				r->line = r->next++;
				skip_line(r);
				news_warn("%s: record longer than the maximum of %zu bytes, skipped",
				    news_reader_where(r), r->max);
				return NEWS_READ_BAD;
			}
			if (!r->eof) {
				fill(r);
				continue;
			}
			if (r->err) {
				errno = r->err;
				r->err = 0;
				news_warn("%s: read error:", r->name);
				return NEWS_READ_ERR;
			}
			if (r->start == r->end)
				return NEWS_READ_EOF;
			/* last line without a newline */
			line = r->buf + r->start;
			len = r->end - r->start;
			r->start = r->end;
		} else {
			line = r->buf + r->start;
			len = (size_t)(nl - line);
			r->start = (size_t)(nl - r->buf) + 1;
		}
		r->line = r->next++;
		if (len > r->max) {
			news_warn("%s: record longer than the maximum of %zu bytes, skipped",
			    news_reader_where(r), r->max);
			return NEWS_READ_BAD;
		}
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if (is_blank(line, len))
			continue;
		*linep = line;
		*lenp = len;
		return NEWS_READ_OK;
	}
}

int
news_reader_next(struct news_reader *r, json_t **rec)
{
	char err[256];
	const char *line;
	size_t len;
	int n;

	*rec = NULL;
	if ((n = news_reader_next_line(r, &line, &len)) != NEWS_READ_OK)
		return n;
	if ((*rec = news_record_parse(line, len, err, sizeof(err))) == NULL) {
		news_warn("%s: %s", news_reader_where(r), err);
		return NEWS_READ_BAD;
	}
	return NEWS_READ_OK;
}

int
news_record_write(json_t *rec, FILE *fp)
{
	char *s;
	int r = 0;

	s = json_dumps(rec, JSON_COMPACT | JSON_REAL_PRECISION(15));
	if (s == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (fputs(s, fp) == EOF || putc('\n', fp) == EOF)
		r = -1;
	free(s);
	return r;
}

const char *
news_record_str(json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

void
news_record_set_str(json_t *rec, const char *key, const char *val)
{
	json_object_set_new(rec, key, json_string(val ? val : ""));
}

const char *
news_record_label(json_t *rec)
{
	static const char *keys[] = { "id", "url", "path" };
	const char *s;
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if ((s = news_record_str(rec, keys[i])) && *s)
			return s;
	return NULL;
}

int
news_records_foreach(int argc, char **argv, news_record_fn fn, void *arg)
{
	struct news_reader *r;
	json_t *rec;
	int i, n, status = NEWS_EXIT_OK, rv;
	char *stdin_only[] = { "-" };

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (i = 0; i < argc && !ferror(stdout); i++) {
		if ((r = news_reader_open(argv[i])) == NULL) {
			news_warn("%s:", argv[i]);
			status = NEWS_EXIT_FAIL;
			continue;
		}
		while (!ferror(stdout) && (n = news_reader_next(r, &rec)) != NEWS_READ_EOF) {
			if (n == NEWS_READ_ERR) {
				status = NEWS_EXIT_FAIL;
				break;
			}
			if (n == NEWS_READ_BAD) {
				status = NEWS_EXIT_FAIL;
				continue;
			}
			rv = fn(rec, r, arg);
			json_decref(rec);
			if (rv == NEWS_EXIT_FATAL) {
				news_reader_close(r);
				return NEWS_EXIT_FATAL;
			}
			if (rv > status)
				status = rv;
		}
		news_reader_close(r);
	}
	return status;
}
