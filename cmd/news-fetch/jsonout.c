/*
 * jsonout.c: write a record as one compact JSON line, byte for byte what
 * news_record_write() writes (jansson's compact form, field order kept),
 * but without jansson's per-character dump: strings are copied in runs
 * between the bytes that need escaping.  Parsing a large feed spent half
 * its time in json_dumps() before.  Strings must be valid UTF-8 (the feed
 * parser guarantees it).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "news.h"
#include "text.h"
#include "fetch.h"

static unsigned char esc[256];

static void
init(void)
{
	int i;

	if (esc['"'])
		return;
	for (i = 0; i < 0x20; i++)
		esc[i] = 1;
	esc['"'] = esc['\\'] = 1;
}

/* the index of the first byte of s[0..n) below 0x20, '"', '\\' or not ASCII */
static size_t
skip_plain(const unsigned char *s, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(0x20), q = _mm_set1_epi8('"');
	const __m128i bs = _mm_set1_epi8('\\');

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		/* signed: below 0x20, or 0x80 and above */
		__m128i m = _mm_or_si128(_mm_cmplt_epi8(v, sp),
		    _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, bs)));
		int mask = _mm_movemask_epi8(m);

		if (mask != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
	}
#endif
	for (; i < n && !esc[s[i]] && s[i] < 0x80; i++)
		;
	return i;
}

/*
 * s[0..n) as a JSON string; with check, -1 (and b as it was) when s is
 * not valid UTF-8.  Runs that need no escaping are copied whole.
 */
static int
put_str(struct news_buf *b, const char *s, size_t n, int check)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, start = b->len;
	uint32_t cp;
	int l;

	init();
	if (b->cap - b->len <= n + 2)
		news_buf_grow(b, n + 2);
	b->s[b->len++] = '"';
	while (i < n) {
		j = i;
		for (;;) {
			j += skip_plain(u + j, n - j);
			if (j >= n || u[j] < 0x80)
				break;
			if (!check) {
				j++;
				continue;
			}
			if ((l = news_utf8_decode(s + j, n - j, &cp)) <= 0) {
				b->len = start;
				b->s[start] = '\0';
				return -1;
			}
			j += (size_t)l;
		}
		buf_add(b, s + i, j - i);
		if (j >= n)
			break;
		switch (u[j]) {
		case '"': buf_add(b, "\\\"", 2); break;
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\b': buf_add(b, "\\b", 2); break;
		case '\f': buf_add(b, "\\f", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		default: news_buf_printf(b, "\\u%04X", u[j]);
		}
		i = j + 1;
	}
	buf_addc(b, '"');
	return 0;
}

void
json_put_string(struct news_buf *b, const char *s, size_t n)
{
	put_str(b, s, n, 0);
}

int
json_put_utf8(struct news_buf *b, const char *s, size_t n)
{
	return put_str(b, s, n, 1);
}

static int
put(struct news_buf *b, json_t *v)
{
	const char *k;
	json_t *x;
	size_t i;
	int first = 1;
	char *s;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		news_buf_addc(b, '{');
		json_object_foreach(v, k, x) {
			if (!first)
				news_buf_addc(b, ',');
			first = 0;
			json_put_string(b, k, strlen(k));
			news_buf_addc(b, ':');
			if (put(b, x) != 0)
				return -1;
		}
		news_buf_addc(b, '}');
		return 0;
	case JSON_ARRAY:
		news_buf_addc(b, '[');
		json_array_foreach(v, i, x) {
			if (i)
				news_buf_addc(b, ',');
			if (put(b, x) != 0)
				return -1;
		}
		news_buf_addc(b, ']');
		return 0;
	case JSON_STRING:
		json_put_string(b, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		news_buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 0;
	case JSON_TRUE: news_buf_adds(b, "true"); return 0;
	case JSON_FALSE: news_buf_adds(b, "false"); return 0;
	case JSON_NULL: news_buf_adds(b, "null"); return 0;
	default:
		/* reals: as jansson writes them */
		if ((s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT |
		    JSON_REAL_PRECISION(15))) == NULL)
			return -1;
		news_buf_adds(b, s);
		free(s);
		return 0;
	}
}

void
json_put(struct news_buf *b, json_t *v)
{
	init();
	if (put(b, v) != 0)
		news_fatal("out of memory");
}
