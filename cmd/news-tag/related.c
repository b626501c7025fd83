/*
 * related.c: the N most similar records of the whole input by TF-IDF
 * cosine.  Each record keeps its 40 heaviest terms (title words count
 * three times); an inverted index lists, per term, the records holding
 * it, heaviest first.  A record's neighbours are found by accumulating
 * the products over the postings of its own terms (at most 300 postings
 * a term), never by comparing all pairs.  Memory: about 1.5 KiB per
 * record (its terms until the index is built) plus its label.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "tag.h"

#define TOPT 40
#define MAXPOST 300
#define TITLE_W 3

struct tw {
	uint32_t term;
	float w;
};

struct post {
	uint32_t rec;
	float w;
};

struct rdoc {
	struct tw *v;
	uint32_t n;
	char *label;
};

struct termslot {
	uint64_t h;
	uint32_t id;
};

struct related {
	int want;
	struct rdoc *d;
	size_t n, cap;
	struct termslot *tab;
	size_t tcap, tn;
	uint32_t *df;
	size_t dfcap;
	struct post **post;
	uint32_t *npost;
	uint32_t **res;		/* per record: indexes of neighbours */
	uint32_t *nres;
	const char **lab;	/* scratch for related_get */
	/* per-document scratch */
	uint64_t *sh;
	uint32_t *scount;
	size_t scap;
};

struct related *
related_new(int n)
{
	struct related *rl = news_xcalloc(1, sizeof(*rl));

	rl->want = n;
	rl->tcap = 1 << 14;
	rl->tab = news_xcalloc(rl->tcap, sizeof(*rl->tab));
	rl->lab = news_xcalloc((size_t)n + 1, sizeof(*rl->lab));
	return rl;
}

static struct termslot *
tslot(struct termslot *tab, size_t cap, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 31)) & (cap - 1);

	while (tab[i].h && tab[i].h != h)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static uint32_t
term_id(struct related *rl, uint64_t h)
{
	struct termslot *s;
	size_t i;

	if (h == 0)
		h = 1;
	if ((rl->tn + 1) * 2 > rl->tcap) {
		struct termslot *old = rl->tab;
		size_t ocap = rl->tcap;
		rl->tcap *= 2;
		rl->tab = news_xcalloc(rl->tcap, sizeof(*rl->tab));
		for (i = 0; i < ocap; i++)
			if (old[i].h)
				*tslot(rl->tab, rl->tcap, old[i].h) = old[i];
		free(old);
	}
	s = tslot(rl->tab, rl->tcap, h);
	if (!s->h) {
		s->h = h;
		s->id = (uint32_t)rl->tn++;
		if (rl->tn > rl->dfcap) {
			rl->dfcap = rl->dfcap ? rl->dfcap * 2 : 4096;
			rl->df = news_xreallocarray(rl->df, rl->dfcap, sizeof(*rl->df));
		}
		rl->df[s->id] = 0;
	}
	return s->id;
}

static int
cmp_tw(const void *a, const void *b)
{
	const struct tw *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	return x->term < y->term ? -1 : x->term > y->term;
}

void
related_add(struct related *rl, const struct doc *d, const struct stopwords *s,
    const char *lang, const char *label)
{
	size_t i, j, cap, nu = 0;
	struct rdoc *rd;
	struct tw *v;

	cap = 64;
	while (cap < d->n * 2 + 2)
		cap *= 2;
	if (cap > rl->scap) {
		rl->sh = news_xreallocarray(rl->sh, cap, sizeof(*rl->sh));
		rl->scount = news_xreallocarray(rl->scount, cap, sizeof(*rl->scount));
		rl->scap = cap;
	}
	memset(rl->sh, 0, cap * sizeof(*rl->sh));
	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];
		uint64_t h = t->h ? t->h : 1;
		if (!(t->flags & T_ALPHA) || t->flen < 2 || (t->flags & T_STOP))
			continue;
		for (j = h & (cap - 1); rl->sh[j] && rl->sh[j] != h; j = (j + 1) & (cap - 1))
			;
		if (!rl->sh[j]) {
			rl->sh[j] = h;
			rl->scount[j] = 0;
			nu++;
		}
		rl->scount[j] += (t->flags & T_TITLE) ? TITLE_W : 1;
	}
	if (rl->n == rl->cap) {
		rl->cap = rl->cap ? rl->cap * 2 : 1024;
		rl->d = news_xreallocarray(rl->d, rl->cap, sizeof(*rl->d));
	}
	rd = &rl->d[rl->n++];
	rd->label = news_xstrdup(label ? label : "");
	v = news_xreallocarray(NULL, nu + 1, sizeof(*v));
	rd->n = 0;
	for (j = 0; j < cap; j++)
		if (rl->sh[j]) {
			v[rd->n].term = term_id(rl, rl->sh[j]);
			v[rd->n].w = (float)(1.0 + log((double)rl->scount[j]));
			rl->df[v[rd->n].term]++;
			rd->n++;
		}
	rd->v = v;
}

static int
cmp_post(const void *a, const void *b)
{
	const struct post *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	return x->rec < y->rec ? -1 : x->rec > y->rec;
}

struct hit {
	float s;
	uint32_t rec;
};

static int
cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? 1 : -1;
	return x->rec < y->rec ? -1 : x->rec > y->rec;
}

void
related_run(struct related *rl)
{
	size_t i, j, k, ntouch;
	double logn = log((double)rl->n + 1.0);
	float *acc;
	uint32_t *touched;
	struct hit *hits;

	/* weigh, prune to the TOPT heaviest, normalise */
	for (i = 0; i < rl->n; i++) {
		struct rdoc *rd = &rl->d[i];
		double norm = 0;
		for (j = 0; j < rd->n; j++) {
			double idf = logn - log((double)rl->df[rd->v[j].term]);
			rd->v[j].w = (float)(rd->v[j].w * idf);
		}
		qsort(rd->v, rd->n, sizeof(*rd->v), cmp_tw);
		if (rd->n > TOPT)
			rd->n = TOPT;
		for (j = 0; j < rd->n; j++)
			norm += (double)rd->v[j].w * rd->v[j].w;
		norm = norm > 0 ? sqrt(norm) : 1;
		for (j = 0; j < rd->n; j++)
			rd->v[j].w = (float)(rd->v[j].w / norm);
	}
	/* postings */
	rl->npost = news_xcalloc(rl->tn + 1, sizeof(*rl->npost));
	rl->post = news_xcalloc(rl->tn + 1, sizeof(*rl->post));
	for (i = 0; i < rl->n; i++)
		for (j = 0; j < rl->d[i].n; j++)
			rl->npost[rl->d[i].v[j].term]++;
	for (k = 0; k < rl->tn; k++) {
		if (rl->npost[k])
			rl->post[k] = news_xreallocarray(NULL, rl->npost[k], sizeof(struct post));
		rl->npost[k] = 0;
	}
	for (i = 0; i < rl->n; i++)
		for (j = 0; j < rl->d[i].n; j++) {
			uint32_t t = rl->d[i].v[j].term;
			rl->post[t][rl->npost[t]].rec = (uint32_t)i;
			rl->post[t][rl->npost[t]++].w = rl->d[i].v[j].w;
		}
	for (k = 0; k < rl->tn; k++)
		if (rl->npost[k] > 1)
			qsort(rl->post[k], rl->npost[k], sizeof(struct post), cmp_post);
	/* queries */
	acc = news_xcalloc(rl->n + 1, sizeof(*acc));
	touched = news_xreallocarray(NULL, rl->n + 1, sizeof(*touched));
	hits = news_xreallocarray(NULL, rl->n + 1, sizeof(*hits));
	rl->res = news_xcalloc(rl->n + 1, sizeof(*rl->res));
	rl->nres = news_xcalloc(rl->n + 1, sizeof(*rl->nres));
	for (i = 0; i < rl->n; i++) {
		struct rdoc *rd = &rl->d[i];
		size_t nh = 0, want = (size_t)rl->want;
		ntouch = 0;
		for (j = 0; j < rd->n; j++) {
			uint32_t t = rd->v[j].term, np = rl->npost[t];
			if (np > MAXPOST)
				np = MAXPOST;
			for (k = 0; k < np; k++) {
				uint32_t r = rl->post[t][k].rec;
				if (r == i)
					continue;
				if (acc[r] == 0)
					touched[ntouch++] = r;
				acc[r] += rd->v[j].w * rl->post[t][k].w;
			}
		}
		for (k = 0; k < ntouch; k++) {
			hits[nh].s = acc[touched[k]];
			hits[nh++].rec = touched[k];
			acc[touched[k]] = 0;
		}
		if (nh > want) {
			/* partial selection: keep the best `want` */
			size_t m;
			for (m = 0; m < want; m++) {
				size_t b = m;
				for (k = m + 1; k < nh; k++)
					if (cmp_hit(&hits[k], &hits[b]) < 0)
						b = k;
				struct hit tmp = hits[m];
				hits[m] = hits[b];
				hits[b] = tmp;
			}
			nh = want;
		} else
			qsort(hits, nh, sizeof(*hits), cmp_hit);
		rl->res[i] = news_xreallocarray(NULL, nh + 1, sizeof(uint32_t));
		for (k = 0; k < nh; k++)
			rl->res[i][k] = hits[k].rec;
		rl->nres[i] = (uint32_t)nh;
	}
	free(acc);
	free(touched);
	free(hits);
}

size_t
related_get(const struct related *rl, size_t i, const char ***labels)
{
	size_t k, n = 0;

	if (i >= rl->n || rl->res == NULL)
		return 0;
	for (k = 0; k < rl->nres[i]; k++)
		if (*rl->d[rl->res[i][k]].label)
			rl->lab[n++] = rl->d[rl->res[i][k]].label;
	*labels = rl->lab;
	return n;
}

void
related_free(struct related *rl)
{
	size_t i;

	if (rl == NULL)
		return;
	for (i = 0; i < rl->n; i++) {
		free(rl->d[i].v);
		free(rl->d[i].label);
		if (rl->res)
			free(rl->res[i]);
	}
	if (rl->post)
		for (i = 0; i < rl->tn; i++)
			free(rl->post[i]);
	free(rl->post);
	free(rl->npost);
	free(rl->res);
	free(rl->nres);
	free(rl->d);
	free(rl->tab);
	free(rl->df);
	free(rl->lab);
	free(rl->sh);
	free(rl->scount);
	free(rl);
}
