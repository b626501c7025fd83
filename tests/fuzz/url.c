/*
 * fuzz target for lib/url.c: the input is "base\nref" (or only ref).
 * Results must be valid UTF-8 without white space or controls; a key
 * must be its own key.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "url.h"

static void
check_url(const char *u)
{
	const unsigned char *p;

	if (u == NULL)
		return;
	for (p = (const unsigned char *)u; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7F)
			abort();
	if (!news_utf8_valid(u, strlen(u)))
		abort();
}

static void
check_key(const char *u)
{
	char *k, *k2;

	k = news_url_key(u);
	check_url(k);
	if (k != NULL) {
		k2 = news_url_key(k);
		if (k2 == NULL || strcmp(k, k2) != 0)
			abort();
		free(k2);
		if (!news_url_is_http(u) != !news_url_is_http(k))
			abort();
	}
	free(k);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *base, *ref, *nl, *r, *h;

	if (size > 4096)
		return 0;
	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	if ((nl = strchr(buf, '\n')) != NULL) {
		*nl = '\0';
		base = buf;
		ref = nl + 1;
	} else {
		base = NULL;
		ref = buf;
	}
	r = news_url_resolve(base, ref);
	check_url(r);
	if (r != NULL)
		check_key(r);
	check_key(ref);
	h = news_url_host(ref);
	free(h);
	(void)news_url_is_http(ref);
	free(r);
	free(buf);
	return 0;
}
