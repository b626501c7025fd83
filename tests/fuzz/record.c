/*
 * Fuzz the JSON-lines reader: any bytes in, records out; every record
 * written back must be valid UTF-8 JSON that parses again as an object.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "record.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct news_reader *r;
	json_t *rec, *again;
	FILE *in;
	char *out;
	int n;

	if (size == 0)
		return 0;
	if ((in = fmemopen((void *)data, size, "rb")) == NULL)
		return 0;
	if (news_diag_fp == NULL && (news_diag_fp = fopen("/dev/null", "w")) == NULL)
		abort();
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
