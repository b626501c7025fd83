/*
 * date.c: libFuzzer target for news_date_parse() and news_date_format().
 *
 * Invariants checked on every input, with every flag set and a few
 * default offsets:
 *   - a parsed instant formats (years 0001..9999 are all it returns);
 *   - the formatted string parses back to the same instant;
 *   - a date that carries its zone does not depend on default_off;
 *   - parsing with an explicit length equals parsing the NUL copy;
 *   - the fast paths agree with the general scanner.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

extern int news_date_slow_only;	/* lib/date.c, fuzz builds only */

/*
 * The fast paths (RFC 3339/ISO 8601, strict RFC 822) and the general
 * scanner must agree: what RFC 822 takes the scanner takes too, and when
 * both read an input they read the same instant.
 */
static void
check_slow(const char *s, size_t len, long off, int flags)
{
	int64_t t, t2;
	int r, r2;

	r = news_date_parse(s, len, off, flags, &t, NULL);
	news_date_slow_only = 1;
	r2 = news_date_parse(s, len, off, flags, &t2, NULL);
	news_date_slow_only = 0;
	if (r == 0 && r2 == 0 && t != t2)
		abort();
	if (r != 0 && r2 == 0)
		abort();	/* the scanner is tried after the fast path */
	while (len > 0 && (*s == ' ' || (*s >= '\t' && *s <= '\r'))) {
		s++;
		len--;
	}
	if (r == 0 && r2 != 0 && !(len >= 4 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[3])))
		abort();	/* RFC 822 fast path took what the scanner won't */
}

static void
check_one(const char *s, size_t len, long off, int flags)
{
	struct news_date_info in, in2;
	char buf[NEWS_DATE_BUFSZ];
	int64_t t, t2;

	if (news_date_parse(s, len, off, flags, &t, &in) != 0)
		return;
	if (news_date_format(t, buf) == NULL)
		abort();
	if (news_date_parse(buf, (size_t)-1, 0, 0, &t2, &in2) != 0 ||
	    t2 != t || !in2.has_zone)
		abort();
	/* the offset it was read at: written back, the same instant */
	if (in.off != (in.has_zone ? in.off : off) && !(flags &
	    NEWS_DATE_EPOCH))
		abort();
	if (in.off % 60 == 0 && news_date_format_off(t, in.off, buf) !=
	    NULL && (news_date_parse(buf, (size_t)-1, 0, 0, &t2, &in2) != 0 ||
	    t2 != t || in2.off != in.off))
		abort();
	if (in.has_zone &&
	    (news_date_parse(s, len, off + 3600, flags, &t2, NULL) != 0 ||
	    t2 != t))
		abort();
	if (!in.has_zone && !(flags & NEWS_DATE_EPOCH) &&
	    news_date_parse(s, len, off + 3600, flags, &t2, NULL) == 0 &&
	    t2 != t - 3600)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const long offs[] = { 0, 19800, -36000 };
	static const int flags[] = {
		0, NEWS_DATE_EPOCH, NEWS_DATE_DMY, NEWS_DATE_MDY
	};
	char *s;
	size_t i, j;
	int64_t a, b;
	int ra, rb;

	if (size > 4096)
		return 0;
	/* exact length, no NUL after the input */
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++)
		for (j = 0; j < sizeof(flags) / sizeof(flags[0]); j++)
			check_one((const char *)data, size, offs[i], flags[j]);
	check_slow((const char *)data, size, 0, 0);
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (memchr(data, '\0', size) == NULL) {
		ra = news_date_parse((const char *)data, size, 0, 0, &a, NULL);
		rb = news_date_parse(s, (size_t)-1, 0, 0, &b, NULL);
		if (ra != rb || (ra == 0 && a != b))
			abort();
	}
	free(s);
	return 0;
}
