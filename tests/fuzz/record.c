/*
 * Fuzz the JSON-lines reader: any bytes in, records out; every record
 * written back must be valid UTF-8 JSON that parses again as an object.
 * The reader's fast path must agree with jansson on every line: the same
 * lines accepted, the same objects (same dump, keys in the same order);
 * and news_record_write must write what json_dumps writes, byte for byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "record.h"
#include "text.h"

/* news_record_parse against jansson alone, on the repaired line */
static void
differ(const char *line, size_t len)
{
	json_t *ours, *theirs;
	char *fixed, *a, *b;
	size_t n;

	ours = news_record_parse(line, len, NULL, 0);
	fixed = news_utf8_repair(line, len, &n);
	theirs = json_loadb(fixed, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, NULL);
	if (theirs != NULL && !json_is_object(theirs)) {
		json_decref(theirs);
		theirs = NULL;
	}
	if ((ours == NULL) != (theirs == NULL))
		abort();
	if (ours != NULL) {
		a = json_dumps(ours, JSON_COMPACT | JSON_REAL_PRECISION(15));
		b = json_dumps(theirs, JSON_COMPACT | JSON_REAL_PRECISION(15));
		if (a == NULL || b == NULL || strcmp(a, b) != 0)
			abort();
		free(a);
		free(b);
	}
	json_decref(ours);
	json_decref(theirs);
	free(fixed);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct news_reader *r;
	json_t *rec, *again;
	FILE *in;
	const char *line;
	char *out, *w;
	FILE *mem;
	size_t len, wlen;
	int n;

	if (size == 0)
		return 0;
	if ((in = fmemopen((void *)data, size, "rb")) == NULL)
		return 0;
	if (news_diag_fp == NULL && (news_diag_fp = fopen("/dev/null", "w")) == NULL)
		abort();
	r = news_reader_fdopen(in, "fuzz");
	news_reader_set_max(r, 4096);
	while ((n = news_reader_next_line(r, &line, &len)) != NEWS_READ_EOF) {
		if (n == NEWS_READ_ERR)
			break;
		if (n == NEWS_READ_OK)
			differ(line, len);
	}
	news_reader_close(r);
	rewind(in);
	r = news_reader_fdopen(in, "fuzz");
	news_reader_set_max(r, 4096);
	while ((n = news_reader_next(r, &rec)) != NEWS_READ_EOF) {
		if (n == NEWS_READ_ERR)
			break;
		if (n != NEWS_READ_OK)
			continue;
		out = json_dumps(rec, JSON_COMPACT | JSON_REAL_PRECISION(15));
		if (out == NULL || !news_utf8_valid(out, strlen(out)))
			abort();
		if ((mem = open_memstream(&w, &wlen)) == NULL)
			abort();
		if (news_record_write(rec, mem) != 0 || fclose(mem) != 0 ||
		    wlen != strlen(out) + 1 || memcmp(w, out, wlen - 1) != 0 ||
		    w[wlen - 1] != '\n')
			abort();
		free(w);
		again = news_record_parse(out, strlen(out), NULL, 0);
		if (again == NULL)
			abort();
		json_decref(again);
		free(out);
		json_decref(rec);
	}
	news_reader_close(r);
	fclose(in);
	return 0;
}
