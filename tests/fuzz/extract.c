/* libFuzzer target: the whole of news-extract's page pipeline (parse,
 * metadata, scoring, pruning, assistant text, text and content). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "extract.h"
#include "text.h"

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
checkstr(const char *s)
{
	if (s != NULL && !news_utf8_valid(s, strlen(s)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	struct ex_result r;

	if (!init) {
		xmlSetGenericErrorFunc(NULL, quiet);
		init = 1;
	}
	ex_extract((const char *)data, size, size % 2 ?
	    "https://example.org/2025/01/02/a.html" : NULL,
	    size % 3 ? NULL : "text/html; charset=windows-1252", &r);
	checkstr(r.title);
	checkstr(r.author);
	checkstr(r.text);
	checkstr(r.content);
	checkstr(r.description);
	ex_result_free(&r);
	return 0;
}
