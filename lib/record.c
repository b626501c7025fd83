/*
 * record.c: JSON-lines records in and out.
 *
 * The reader keeps its own buffer (read in blocks of up to 256 KiB, with
 * read(2) where the stream has a descriptor, so that a record that has
 * arrived through a pipe is returned at once, not when a block is full)
 * and splits lines with memchr, so a line is parsed in place without a copy unless its
 * UTF-8 needs repair.  A line longer than the maximum record size is
 * reported and skipped as it streams by: memory stays bounded by the limit.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
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
	size_t scan;		/* buf[start..scan) holds no newline */
	size_t max;
	int eof, err;
	char where[512];
	/* a reader of lines from elsewhere (an archive): no fp, no buffer */
	news_pull_fn pull;
	void (*pull_done)(void *);
	void *pull_arg;
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

	if (path == NULL || strcmp(path, "-") == 0) {
		news_stdin_note();
		return news_reader_fdopen(stdin, "<stdin>");
	}
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	r = news_reader_fdopen(fp, path);
	r->own = 1;
	return r;
}

struct news_reader *
news_reader_pull(const char *name, news_pull_fn pull, void (*done)(void *),
    void *arg)
{
	struct news_reader *r;

	r = news_xcalloc(1, sizeof(*r));
	r->name = news_xstrdup(name);
	r->next = 1;
	r->max = max_from_env();
	r->pull = pull;
	r->pull_done = done;
	r->pull_arg = arg;
	r->eof = 1;	/* every line is at hand: news_reader_has_line */
	return r;
}

void
news_reader_close(struct news_reader *r)
{
	if (r == NULL)
		return;
	if (r->pull_done)
		r->pull_done(r->pull_arg);
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
	ssize_t k;
	int fd;

	if (r->eof)
		return 0;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->scan = r->scan > r->start ? r->scan - r->start : 0;
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
	if ((fd = fileno(r->fp)) >= 0) {
		/* what has arrived, without waiting for a whole block */
		do
			k = read(fd, r->buf + r->end, want);
		while (k < 0 && errno == EINTR);
		if (k <= 0) {
			if (k < 0)
				r->err = errno ? errno : EIO;
			r->eof = 1;
			return 0;
		}
		r->end += (size_t)k;
		return (size_t)k;
	}
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
		r->start = r->end = r->scan = 0;
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

/*
 * The fast path.  jansson reads a string a byte at a time through its
 * stream layer and then copies it, which made reading a record with a
 * page's html (hundreds of KiB) cost as much as parsing that page.  Here
 * the top-level object's keys and string values are decoded in one tight
 * loop; every other value (numbers, literals, arrays, objects: small) is
 * handed to jansson.  The fast path only ever accepts: on anything
 * unexpected it returns NULL and the caller parses the line with jansson,
 * which gives the diagnostic, so both paths accept the same lines and
 * build the same objects.  The line is valid UTF-8 (checked before).
 */
#define FAST_MAXDEPTH (JSON_PARSER_MAX_DEPTH - 8)

/* 1 for the bytes a JSON string holds as they are */
static const unsigned char plain[256] = {
#define R16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* '"' */
	R16, R16,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,	/* '\\' */
	R16, R16, R16, R16, R16, R16, R16, R16, R16, R16
#undef R16
};

/*
 * The first byte at or after p that is not plain, or e; 8 bytes a step.
 * In the bit tests a byte can be flagged falsely only above (after) a
 * byte that matches, so the lowest flag, on a little-endian machine,
 * is the first byte that is not plain.
 */
static const unsigned char *
plainrun(const unsigned char *p, const unsigned char *e)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t v, q, b, m;

	while (e - p >= 8) {
		memcpy(&v, p, 8);
		q = v ^ (ones * '"');
		b = v ^ (ones * '\\');
		m = (((q - ones) & ~q) | ((b - ones) & ~b) |
		    ((v - ones * 0x20) & ~v)) & high;
		if (m != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return p + (__builtin_ctzll(m) >> 3);
#else
			break;
#endif
		}
		p += 8;
	}
	while (p < e && plain[*p])
		p++;
	return p;
}

static const char *
fast_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static int
fast_hex4(const char *p, const char *e, unsigned *v)
{
	int i, c;

	if (e - p < 4)
		return -1;
	*v = 0;
	for (i = 0; i < 4; i++) {
		c = (unsigned char)p[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			c = (c | 0x20) - 'a' + 10;
		else
			return -1;
		*v = *v << 4 | (unsigned)c;
	}
	return 0;
}

/*
 * Decode the string whose opening quote is at p into b (reset first).
 * Returns the byte after the closing quote, or NULL.  The decoded string
 * is never longer than the rest of the line: b is grown to that once
 * when big is set (a value: the html), else as it fills (a key).
 */
static const char *
fast_string(const char *p, const char *e, struct news_buf *b, int big)
{
	const unsigned char *q;
	unsigned u, lo;
	char enc[4], c;
	int n;

	news_buf_reset(b);
	if (big)
		news_buf_grow(b, (size_t)(e - p));
	for (p++;;) {
		q = plainrun((const unsigned char *)p, (const unsigned char *)e);
		if (q > (const unsigned char *)p)
			news_buf_add(b, p, (const char *)q - p);
		p = (const char *)q;
		if (p >= e)
			return NULL;
		if (*p == '"')
			break;
		if (*p != '\\' || ++p >= e)
			return NULL;	/* a control character, or a cut escape */
		switch ((c = *p++)) {
		case '"':
		case '\\':
		case '/': news_buf_addc(b, c); break;
		case 'b': news_buf_addc(b, '\b'); break;
		case 'f': news_buf_addc(b, '\f'); break;
		case 'n': news_buf_addc(b, '\n'); break;
		case 'r': news_buf_addc(b, '\r'); break;
		case 't': news_buf_addc(b, '\t'); break;
		case 'u':
			if (fast_hex4(p, e, &u) < 0)
				return NULL;
			p += 4;
			if (u >= 0xDC00 && u <= 0xDFFF)
				return NULL;
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (e - p < 6 || p[0] != '\\' || p[1] != 'u' ||
				    fast_hex4(p + 2, e, &lo) < 0 ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return NULL;
				p += 6;
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			}
			if ((n = news_utf8_encode(u, enc)) == 0)
				return NULL;
			news_buf_add(b, enc, (size_t)n);
			break;
		default:
			return NULL;
		}
	}
	if (b->s == NULL)
		news_buf_grow(b, 1);
	return p + 1;
}

/* The end of the value at p (not a string), or NULL. */
static const char *
fast_skip(const char *p, const char *e)
{
	int depth = 0;

	for (; p < e; p++) {
		switch (*p) {
		case '"':
			for (p++; p < e && *p != '"'; p++)
				if (*p == '\\')
					p++;
			if (p >= e)
				return NULL;
			break;
		case '[':
		case '{':
			if (++depth > FAST_MAXDEPTH)
				return NULL;
			break;
		case ']':
		case '}':
			if (depth == 0)
				return p;
			if (--depth == 0)
				return p + 1;
			break;
		case ',':
			if (depth == 0)
				return p;
			break;
		default:
			break;
		}
	}
	return depth == 0 ? p : NULL;
}

static json_t *
fast_parse(const char *p, size_t len)
{
	const char *e = p + len, *v;
	struct news_buf key = NEWS_BUF_INIT, val = NEWS_BUF_INIT;
	json_t *o, *j;

	p = fast_ws(p, e);
	if (p >= e || *p != '{')
		return NULL;
	o = json_object();
	p = fast_ws(p + 1, e);
	if (p < e && *p == '}')
		goto end;
	for (;;) {
		if (p >= e || *p != '"' || (p = fast_string(p, e, &key, 0)) == NULL ||
		    memchr(key.s, '\0', key.len) != NULL)
			goto bad;
		p = fast_ws(p, e);
		if (p >= e || *p != ':')
			goto bad;
		p = fast_ws(p + 1, e);
		if (p >= e)
			goto bad;
		if (*p == '"') {
			if ((p = fast_string(p, e, &val, 1)) == NULL)
				goto bad;
			j = json_stringn_nocheck(val.s, val.len);
		} else {
			if ((v = fast_skip(p, e)) == NULL || v == p)
				goto bad;
			j = json_loadb(p, (size_t)(v - p),
			    JSON_ALLOW_NUL | JSON_DECODE_ANY, NULL);
			p = v;
		}
		if (j == NULL || json_object_setn_new_nocheck(o, key.s, key.len, j) < 0)
			goto bad;
		p = fast_ws(p, e);
		if (p < e && *p == ',') {
			p = fast_ws(p + 1, e);
			continue;
		}
		if (p < e && *p == '}')
			break;
		goto bad;
	}
end:
	if (fast_ws(p + 1, e) != e)
		goto bad;
	news_buf_free(&key);
	news_buf_free(&val);
	return o;
bad:
	news_buf_free(&key);
	news_buf_free(&val);
	json_decref(o);
	return NULL;
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
	if ((j = fast_parse(line, len)) != NULL) {
		free(fixed);
		return j;
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
news_reader_has_line(const struct news_reader *r)
{
	return r->eof || (r->start < r->end &&
	    memchr(r->buf + r->start, '\n', r->end - r->start) != NULL);
}

int
news_reader_next_line(struct news_reader *r, const char **linep, size_t *lenp)
{
	char *nl, *line;
	size_t len;

	while (r->pull) {
		const char *l;
		int n = r->pull(r->pull_arg, &l, &len);

		if (n == 0)
			return NEWS_READ_EOF;
		if (n < 0)
			return NEWS_READ_ERR;	/* the puller said why */
		r->line = r->next++;
		if (len > r->max) {
			news_warn("%s: record longer than the maximum of %zu bytes, skipped",
			    news_reader_where(r), r->max);
			return NEWS_READ_BAD;
		}
		if (is_blank(l, len))
			continue;
		*linep = l;
		*lenp = len;
		return NEWS_READ_OK;
	}
	for (;;) {
		size_t from = r->scan > r->start ? r->scan : r->start;

		nl = from < r->end ?
		    memchr(r->buf + from, '\n', r->end - from) : NULL;
		if (nl == NULL) {
			r->scan = r->end;
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

/*
 * The writer: what json_dumps(rec, JSON_COMPACT | JSON_REAL_PRECISION(15))
 * writes, byte for byte, without its character-at-a-time string loop and
 * its copies: strings (text, content, a page's html: most of a record) go
 * out in runs between the bytes that need escaping.  Reals are left to
 * jansson.  news-fetch builds its lines with the same functions.
 */
int
news_json_put_string(struct news_buf *b, const char *s, size_t len, int check)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s, *e = p + len, *q;
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	if (check && !news_utf8_valid(s, len))
		return -1;
	if (b->cap - b->len <= len + 2)
		news_buf_grow(b, len + 2);
	news_buf_addc(b, '"');
	for (;;) {
		q = plainrun(p, e);
		if (q > p)
			news_buf_add(b, p, (size_t)(q - p));
		if (q >= e)
			break;
		switch (*q) {
		case '"': news_buf_add(b, "\\\"", 2); break;
		case '\\': news_buf_add(b, "\\\\", 2); break;
		case '\b': news_buf_add(b, "\\b", 2); break;
		case '\f': news_buf_add(b, "\\f", 2); break;
		case '\n': news_buf_add(b, "\\n", 2); break;
		case '\r': news_buf_add(b, "\\r", 2); break;
		case '\t': news_buf_add(b, "\\t", 2); break;
		default:
			esc[4] = hex[*q >> 4];
			esc[5] = hex[*q & 15];
			news_buf_add(b, esc, 6);
			break;
		}
		p = q + 1;
	}
	news_buf_addc(b, '"');
	return 0;
}

static int
put(struct news_buf *b, json_t *j, int depth)
{
	const char *k;
	json_t *v;
	char *s;
	size_t i, n;
	int first = 1;

	if (depth > FAST_MAXDEPTH)
		return -1;
	switch (json_typeof(j)) {
	case JSON_OBJECT:
		news_buf_addc(b, '{');
		json_object_keylen_foreach(j, k, n, v) {
			if (!first)
				news_buf_addc(b, ',');
			first = 0;
			if (news_json_put_string(b, k, n, 1) < 0)
				return -1;
			news_buf_addc(b, ':');
			if (put(b, v, depth + 1) < 0)
				return -1;
		}
		news_buf_addc(b, '}');
		return 0;
	case JSON_ARRAY:
		news_buf_addc(b, '[');
		for (i = 0; i < json_array_size(j); i++) {
			if (i > 0)
				news_buf_addc(b, ',');
			if (put(b, json_array_get(j, i), depth + 1) < 0)
				return -1;
		}
		news_buf_addc(b, ']');
		return 0;
	case JSON_STRING:
		return news_json_put_string(b, json_string_value(j),
		    json_string_length(j), 1);
	case JSON_INTEGER:
		news_buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
		return 0;
	case JSON_TRUE:
		news_buf_add(b, "true", 4);
		return 0;
	case JSON_FALSE:
		news_buf_add(b, "false", 5);
		return 0;
	case JSON_NULL:
		news_buf_add(b, "null", 4);
		return 0;
	default:
		s = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT |
		    JSON_REAL_PRECISION(15));
		if (s == NULL)
			return -1;
		news_buf_adds(b, s);
		free(s);
		return 0;
	}
}

int
news_json_put(struct news_buf *b, json_t *v)
{
	size_t start = b->len;

	if (put(b, v, 0) == 0)
		return 0;
	b->len = start;
	if (b->s != NULL)
		b->s[start] = '\0';
	return -1;
}

int
news_record_write(json_t *rec, FILE *fp)
{
	static struct news_buf b;
	char *s;
	int r = 0;

	news_buf_reset(&b);
	if (news_json_put(&b, rec) == 0) {
		news_buf_addc(&b, '\n');
		if (fwrite(b.s, 1, b.len, fp) != b.len)
			r = -1;
		if (b.cap > 4 * 1024 * 1024)
			news_buf_free(&b);
		return r;
	}
	/* jansson's word on what it refuses */
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

/* the records of one reader; the worst status so far is *status */
static int
foreach_reader(struct news_reader *r, news_record_fn fn, void *arg, int *status)
{
	json_t *rec;
	int n, rv;

	while (!ferror(stdout) && (n = news_reader_next(r, &rec)) != NEWS_READ_EOF) {
		if (n == NEWS_READ_ERR) {
			*status = NEWS_EXIT_FAIL;
			break;
		}
		if (n == NEWS_READ_BAD) {
			*status = NEWS_EXIT_FAIL;
			continue;
		}
		rv = fn(rec, r, arg);
		json_decref(rec);
		if (rv == NEWS_EXIT_FATAL)
			return NEWS_EXIT_FATAL;
		if (rv > *status)
			*status = rv;
	}
	return 0;
}

int
news_records_foreach_reader(struct news_reader *r, news_record_fn fn, void *arg)
{
	int status = NEWS_EXIT_OK;

	if (foreach_reader(r, fn, arg, &status) == NEWS_EXIT_FATAL)
		return NEWS_EXIT_FATAL;
	return status;
}

int
news_records_foreach(int argc, char **argv, news_record_fn fn, void *arg)
{
	struct news_reader *r;
	int i, status = NEWS_EXIT_OK;
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
		if (foreach_reader(r, fn, arg, &status) == NEWS_EXIT_FATAL) {
			news_reader_close(r);
			return NEWS_EXIT_FATAL;
		}
		news_reader_close(r);
	}
	return status;
}
