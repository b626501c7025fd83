/*
 * simhash.c: 64-bit simhash (Charikar) over an article's words, and
 * near-duplicate clusters.  Near duplicates within k bits (k < 8) agree
 * exactly on at least one of k+1 bit blocks (pigeonhole), so each block
 * value indexes the records having it and only those are compared (the
 * band keys are lib/simhash.h's, shared with news-archive).
 */
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "simhash.h"
#include "tag.h"


uint64_t
simhash_doc(const struct doc *d, const struct stopwords *s, const char *lang)
{
	int32_t v[64], n = 0;
	size_t i;
	int b;
	uint64_t h, prev = 0, r = 0;

	/* features: each word that is not a stopword, alone and with the
	 * word before it (order matters for near-duplicates); v counts the
	 * 1 bits */
	memset(v, 0, sizeof(v));
	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];
		if (!(t->flags & T_WORD))
			continue;
		h = news_mix64(tag_hcomb(prev, t->h));
		prev = t->h;
		if (t->flags & T_STOP)
			continue;
		n += 2;
		for (b = 0; b < 64; b++)
			v[b] += (int32_t)((h >> b) & 1);
		h = news_mix64(t->h);
		for (b = 0; b < 64; b++)
			v[b] += (int32_t)((h >> b) & 1);
	}
	for (b = 0; b < 64; b++)
		if (2 * v[b] > n)
			r |= 1ULL << b;
	(void)s;
	(void)lang;
	return r;
}

struct dnode {
	int32_t rec, next;
};

struct dslot {
	uint64_t key;
	int32_t head;
};

struct dedup {
	int k, nblk;
	uint64_t *hash;		/* per record */
	char **label;		/* cluster label per record */
	size_t n, cap;
	struct dnode *node;
	size_t nn, ncap;
	struct dslot *tab;
	size_t tcap, tn;
};

struct dedup *
dedup_new(int threshold)
{
	struct dedup *dd = news_xcalloc(1, sizeof(*dd));

	dd->k = threshold;
	dd->nblk = threshold + 1;
	dd->tcap = 1024;
	dd->tab = news_xcalloc(dd->tcap, sizeof(*dd->tab));
	return dd;
}

void
dedup_free(struct dedup *dd)
{
	size_t i;

	if (dd == NULL)
		return;
	for (i = 0; i < dd->n; i++)
		free(dd->label[i]);
	free(dd->label);
	free(dd->hash);
	free(dd->node);
	free(dd->tab);
	free(dd);
}

static uint64_t
block(const struct dedup *dd, uint64_t h, int b)
{
	return news_simhash_band(h, b, dd->nblk);
}

static struct dslot *
dslot(struct dedup *dd, uint64_t key)
{
	size_t i = (size_t)key & (dd->tcap - 1);

	while (dd->tab[i].key && dd->tab[i].key != key)
		i = (i + 1) & (dd->tcap - 1);
	return &dd->tab[i];
}

static void
dgrow(struct dedup *dd)
{
	struct dslot *old = dd->tab;
	size_t i, ocap = dd->tcap;

	dd->tcap *= 2;
	dd->tab = news_xcalloc(dd->tcap, sizeof(*dd->tab));
	for (i = 0; i < ocap; i++)
		if (old[i].key)
			*dslot(dd, old[i].key) = old[i];
	free(old);
}

const char *
dedup_check(struct dedup *dd, uint64_t h, const char *label)
{
	int b;
	int32_t best = -1, j;
	struct dslot *s;

	for (b = 0; b < dd->nblk; b++) {
		s = dslot(dd, block(dd, h, b));
		if (!s->key)
			continue;
		for (j = s->head; j >= 0; j = dd->node[j].next) {
			int32_t r = dd->node[j].rec;
			if (news_simhash_distance(dd->hash[r], h) <= dd->k &&
			    (best < 0 || r < best))
				best = r;
		}
	}
	if (best >= 0)
		return dd->label[best];
	if (dd->n == dd->cap) {
		dd->cap = dd->cap ? dd->cap * 2 : 256;
		dd->hash = news_xreallocarray(dd->hash, dd->cap, sizeof(*dd->hash));
		dd->label = news_xreallocarray(dd->label, dd->cap, sizeof(*dd->label));
	}
	dd->hash[dd->n] = h;
	dd->label[dd->n] = news_xstrdup(label ? label : "");
	for (b = 0; b < dd->nblk; b++) {
		if ((dd->tn + 1) * 2 > dd->tcap)
			dgrow(dd);
		s = dslot(dd, block(dd, h, b));
		if (!s->key) {
			s->key = block(dd, h, b);
			s->head = -1;
			dd->tn++;
		}
		if (dd->nn == dd->ncap) {
			dd->ncap = dd->ncap ? dd->ncap * 2 : 1024;
			dd->node = news_xreallocarray(dd->node, dd->ncap, sizeof(*dd->node));
		}
		dd->node[dd->nn].rec = (int32_t)dd->n;
		dd->node[dd->nn].next = s->head;
		s->head = (int32_t)dd->nn++;
	}
	dd->n++;
	return NULL;
}
