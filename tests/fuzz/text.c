/*
 * fuzz target for lib/text.c: repair, squeeze, unescape, word count,
 * and news_strcasestr against strcasestr (the input split at its first
 * newline into needle and haystack).
 * Every text result must be valid UTF-8; the validator is checked against
 * a naive one written here from the Unicode definition.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* well-formed UTF-8 by the definition: shortest form, no surrogates */
static int
naive_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k, j;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xE0) == 0xC0) {
			k = 2;
			cp = s[i] & 0x1F;
		} else if ((s[i] & 0xF0) == 0xE0) {
			k = 3;
			cp = s[i] & 0x0F;
		} else if ((s[i] & 0xF8) == 0xF0) {
			k = 4;
			cp = s[i] & 0x07;
		} else
			return 0;
		if (i + k > n)
			return 0;
		for (j = 1; j < k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x80) || (k == 3 && cp < 0x800) ||
		    (k == 4 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k;
	}
	return 1;
}

static void
check_text(const char *r)
{
	size_t n = strlen(r);

	if (!naive_valid((const unsigned char *)r, n))
		abort();
}

static void
check_squeezed(const char *r)
{
	size_t n = strlen(r);

	check_text(r);
	if (n > 0 && (r[0] == ' ' || r[n - 1] == ' '))
		abort();
	if (strstr(r, "  ") != NULL || strpbrk(r, "\t\n\r\f\v") != NULL)
		abort();
}

static void
check_codec(const char *s, size_t len)
{
	uint32_t cp;
	char buf[4];
	int k;

	while (len > 0) {
		k = news_utf8_decode(s, len, &cp);
		if (k == 0) {
			s++;
			len--;
			continue;
		}
		if (news_utf8_encode(cp, buf) != k || memcmp(buf, s, k) != 0)
			abort();
		s += k;
		len -= k;
	}
}

static void
check_strcasestr(const char *s, size_t size)
{
	const char *nl = memchr(s, '\n', size);
	char *needle, *hay;

	if (nl == NULL)
		return;
	needle = strndup(s, (size_t)(nl - s));
	hay = strndup(nl + 1, size - (size_t)(nl - s) - 1);
	if (needle == NULL || hay == NULL)
		abort();
	if (news_strcasestr(hay, needle) != strcasestr(hay, needle))
		abort();
	free(needle);
	free(hay);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t n, n2;
	char *r, *r2;
	int valid;

	valid = news_utf8_valid(s, size);
	if (valid != naive_valid(data, size))
		abort();
	n = news_utf8_valid_prefix(s, size);
	if (n > size || !naive_valid(data, n))
		abort();
	r = news_utf8_repair(s, size, &n);
	if (!naive_valid((unsigned char *)r, n) || r[n] != '\0')
		abort();
	if (valid && (n != size || memcmp(r, s, size) != 0))
		abort();
	r2 = news_utf8_repair(r, n, &n2);	/* idempotent */
	if (n2 != n || memcmp(r, r2, n) != 0)
		abort();
	free(r2);
	free(r);

	r = news_text_squeeze(s, size);
	check_squeezed(r);
	r2 = news_text_squeeze(r, strlen(r));	/* idempotent */
	if (strcmp(r, r2) != 0)
		abort();
	free(r2);
	free(r);

	r = news_html_unescape(s, size);
	check_text(r);
	if (memchr(s, '&', size) == NULL && valid &&
	    memchr(s, '\0', size) == NULL &&
	    (strlen(r) != size || memcmp(r, s, size) != 0))
		abort();
	free(r);

	check_strcasestr(s, size);
	(void)news_text_word_count(s, size);
	(void)news_html_entity(s, size);
	check_codec(s, size);
	return 0;
}
