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

#include "buf.h"
#include "news.h"
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

void
json_put_string(struct news_buf *b, const char *s, size_t n)
{
	init();
	size_t i = 0, j;
	unsigned char c;

	news_buf_grow(b, n + 2);
	b->s[b->len++] = '"';
	while (i < n) {
		j = i;
		/* 8 bytes at a time while none needs escaping */
		while (j + 8 <= n) {
			uint64_t w, q, bs;

			memcpy(&w, s + j, 8);
			q = w ^ 0x2222222222222222ULL;
			bs = w ^ 0x5c5c5c5c5c5c5c5cULL;
			if ((((w - 0x2020202020202020ULL) & ~w) |
			    ((q - 0x0101010101010101ULL) & ~q) |
			    ((bs - 0x0101010101010101ULL) & ~bs)) & 0x8080808080808080ULL)
				break;
			j += 8;
		}
		for (; j < n && !esc[(unsigned char)s[j]]; j++)
			;
		news_buf_add(b, s + i, j - i);
		if (j >= n)
			break;
		c = s[j];
		switch (c) {
		case '"': news_buf_add(b, "\\\"", 2); break;
		case '\\': news_buf_add(b, "\\\\", 2); break;
		case '\b': news_buf_add(b, "\\b", 2); break;
		case '\f': news_buf_add(b, "\\f", 2); break;
		case '\n': news_buf_add(b, "\\n", 2); break;
		case '\r': news_buf_add(b, "\\r", 2); break;
		case '\t': news_buf_add(b, "\\t", 2); break;
		default: news_buf_printf(b, "\\u%04X", c);
		}
		i = j + 1;
	}
	news_buf_addc(b, '"');
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
