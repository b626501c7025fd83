/*
 * Differential fuzz target for news-calendar's fast path (scan.c): when
 * scan_published() accepts a line, the full parser (news_record_parse,
 * jansson) must accept it as an object too, with the same "published".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "scan.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *pub, *want;
	size_t n;
	json_t *rec;
	int k;

	k = scan_published(s, size, &pub, &n);
	if (k == SCAN_FAIL)
		return 0;
	rec = news_record_parse(s, size, NULL, 0);
	if (rec == NULL)
		abort();	/* accepted what jansson rejects */
	want = news_record_str(rec, "published");
	if (k == SCAN_STRING) {
		if (want == NULL || strlen(want) != n || memcmp(want, pub, n) != 0)
			abort();
	} else if (k == SCAN_NONE) {
		if (json_object_get(rec, "published") != NULL)
			abort();
	} else if (want != NULL) {
		abort();
	}
	json_decref(rec);
	return 0;
}
