/*
 * hash.h: the one 64-bit string hash of newsutils, FNV-1a.  Not for
 * security: for tables, fingerprints of pages and stable identifiers
 * (iCalendar UIDs, slug suffixes), which must not change between
 * releases, so neither may this function.
 */
#ifndef NEWS_HASH_H
#define NEWS_HASH_H

#include <stddef.h>
#include <stdint.h>

#define NEWS_HASH_INIT UINT64_C(0xcbf29ce484222325)
#define NEWS_HASH_PRIME UINT64_C(0x100000001b3)

/* h continued over p[0..n); start with NEWS_HASH_INIT */
static inline uint64_t
news_hash(const void *p, size_t n, uint64_t h)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= NEWS_HASH_PRIME;
	}
	return h;
}

#endif
