/*
 * fuzz/feed.c: the feed parser (xmlfix + libxml2 SAX push + JSON Feed)
 * on arbitrary bytes, pushed in chunks whose sizes come from the input
 * so chunk boundaries fall everywhere.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "news.h"
#include "fetch.h"

static int
item(const struct feed_item *it, void *arg)
{
	json_error_t e;
	json_t *j;

	(void)arg;
	/* every record must be one valid JSON object */
	if ((j = json_loadb(it->json, it->len, 0, &e)) == NULL || !json_is_object(j))
		abort();
	json_decref(j);
	return 0;
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed *f;
	size_t step, i;

	xmlSetGenericErrorFunc(NULL, quiet);
	if (size < 1)
		return 0;
	step = (data[0] % 64) + 1;
	f = feed_new("http://fuzz.example/feed/", item, NULL);
	for (i = 1; i < size; i += step)
		feed_push(f, (const char *)data + i, size - i < step ? size - i : step);
	feed_end(f);
	feed_free(f);
	return 0;
}
