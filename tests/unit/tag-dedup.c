/*
 * Unit tests for news-tag's near-duplicate index (cmd/news-tag/simhash.c):
 * every earlier hash within k bits is found (the pigeonhole blocks), none
 * farther, and the cluster label is the first record's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../../cmd/news-tag/simhash.c"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* flip exactly n distinct bits of h */
static uint64_t
flip(uint64_t h, int n)
{
	uint64_t m = 0;

	while (__builtin_popcountll(m) < n)
		m |= 1ULL << (next() % 64);
	return h ^ m;
}

int
main(void)
{
	struct dedup *dd;
	uint64_t base[200];
	char label[32];
	int k, i, found, wrong, far;
	const char *r;

	for (k = 0; k <= 7; k++) {
		dd = dedup_new(k);
		for (i = 0; i < 200; i++) {
			base[i] = next();
			snprintf(label, sizeof(label), "rec-%d", i);
			dedup_check(dd, base[i], label);
		}
		found = wrong = far = 0;
		for (i = 0; i < 200; i++) {
			r = dedup_check(dd, flip(base[i], (int)(next() % (unsigned)(k + 1))), "x");
			snprintf(label, sizeof(label), "rec-%d", i);
			if (r != NULL && strcmp(r, label) == 0)
				found++;
			else if (r != NULL)
				wrong++;
			if (dedup_check(dd, flip(base[i], k + 9), "y") != NULL)
				far++;
		}
		is_int(found, 200, "k=%d: every hash within %d bits finds its record", k, k);
		is_int(wrong, 0, "k=%d: and no other", k);
		ok(far <= 2, "k=%d: hashes %d bits away are new records (%d matched by chance)",
		    k, k + 9, far);
		dedup_free(dd);
	}
	dd = dedup_new(3);
	dedup_check(dd, 0xffULL, "first");
	dedup_check(dd, 0xff00ULL << 32, "other");
	is_str(dedup_check(dd, 0x1ffULL, "second"), "first", "label of the first of the cluster");
	is_str(dedup_check(dd, 0x7fULL, "third"), "first", "again for a third member");
	dedup_free(dd);
	return done_testing();
}
