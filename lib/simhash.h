/*
 * simhash.h: the near-duplicate band index of 64-bit simhashes, shared by
 * news-tag (--dedup, within one run) and news-archive (across the whole
 * archive).  Two simhashes within k bits of each other agree exactly on
 * at least one of k + 1 bit blocks (pigeonhole), so a table keyed by the
 * value of each block finds every candidate without comparing all pairs.
 * The block keys are stored in archives: they must not change.
 */
#ifndef NEWS_SIMHASH_H
#define NEWS_SIMHASH_H

#include <stdint.h>

/* a 64-bit finaliser (murmur3's fmix64) */
static inline uint64_t
news_mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* the key of block b (0 <= b < nblk) of h, never 0 */
static inline uint64_t
news_simhash_band(uint64_t h, int b, int nblk)
{
	int lo = 64 * b / nblk, hi = 64 * (b + 1) / nblk;
	uint64_t mask = hi - lo >= 64 ? ~0ULL : ((1ULL << (hi - lo)) - 1);

	return news_mix64(((h >> lo) & mask) * 131 + (uint64_t)b + 1) | 1;
}

/* the number of bits in which a and b differ */
static inline int
news_simhash_distance(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}

#endif
