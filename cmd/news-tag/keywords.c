/*
 * keywords.c: keyphrases without training data.  Words that are not
 * stopwords are grouped by their Snowball stem and ranked by frequency
 * (title included); ties are broken by YAKE's score (Campos et al.,
 * 2020): casing (capitalised not at the start of a sentence, acronyms),
 * position, frequency, relatedness to context (how many different words
 * stand beside it) and spread over sentences.  Names of two or three
 * capitalised words, seen twice or in the title, compete with the words
 * by their own frequency, so lists mix strong single words with names
 * such as "North Korea".  On KPCrowd's news, readers' choices follow
 * frequency more than YAKE's casing and spread features (F1@10: YAKE
 * alone 0.11 here, frequency first 0.19).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "news.h"
#include "buf.h"
#include "tag.h"

#define MAXPH 3

struct term {
	uint64_t h;		/* stem hash */
	uint32_t tf, tfcap, tfup;
	uint32_t nsent, lastsent, sumsent;
	uint32_t dl, dr, tl, tr;
	uint32_t first;		/* token index of the first occurrence */
	uint32_t low;		/* one written in lower case, or UINT32_MAX */
	double score;
};

struct phrase {
	uint64_t h;
	uint32_t tf, first, n, allcap;
	uint32_t tid[MAXPH];
	double score;
};

struct kw {
	struct sb_stemmer *st[9];
	char stname[9][12];
	struct term *t;
	size_t tcap, tn;
	int32_t *tix;		/* hash -> term index */
	size_t ixcap;
	struct phrase *p;
	size_t pcap, pn;
	int32_t *pix;
	size_t pixcap;
	uint64_t *pairs;	/* distinct neighbour pairs */
	size_t paircap, pairn;
	int32_t *tokterm;	/* token -> term or -1 */
	size_t tokcap;
	struct news_buf out;
};

struct kw *
kw_new(void)
{
	return news_xcalloc(1, sizeof(struct kw));
}

void
kw_free(struct kw *k)
{
	int i;

	if (k == NULL)
		return;
	for (i = 0; i < 9; i++)
		if (k->st[i])
			sb_stemmer_delete(k->st[i]);
	free(k->t);
	free(k->tix);
	free(k->p);
	free(k->pix);
	free(k->pairs);
	free(k->tokterm);
	news_buf_free(&k->out);
	free(k);
}

static const char *
stemmer_name(const char *lang)
{
	static const char *const map[][2] = {
		{ "en", "porter" }, { "de", "german" }, { "fr", "french" },
		{ "es", "spanish" }, { "pt", "portuguese" }, { "it", "italian" },
		{ "nl", "dutch" }, { "ru", "russian" }, { NULL, NULL }
	};
	int i;

	for (i = 0; map[i][0]; i++)
		if (strncmp(lang, map[i][0], 2) == 0)
			return map[i][1];
	return "porter";
}

static struct sb_stemmer *
stemmer(struct kw *k, const char *lang)
{
	const char *name = stemmer_name(lang);
	int i;

	for (i = 0; i < 9 && k->st[i]; i++)
		if (strcmp(k->stname[i], name) == 0)
			return k->st[i];
	if (i == 9)
		return k->st[0];
	k->st[i] = sb_stemmer_new(name, "UTF_8");
	snprintf(k->stname[i], sizeof(k->stname[i]), "%s", name);
	return k->st[i];
}

/* open-addressing index: hash -> position in an array */
static int32_t *
ix_slot(int32_t *ix, size_t cap, uint64_t h, const void *base, size_t stride)
{
	size_t i = (size_t)(h ^ (h >> 31)) & (cap - 1);

	while (ix[i] >= 0 &&
	    *(const uint64_t *)((const char *)base + (size_t)ix[i] * stride) != h)
		i = (i + 1) & (cap - 1);
	return &ix[i];
}

static void
ix_reset(int32_t **ix, size_t *cap, size_t want)
{
	size_t c = 64;

	while (c < want * 2)
		c *= 2;
	if (c > *cap) {
		*ix = news_xreallocarray(*ix, c, sizeof(**ix));
		*cap = c;
	}
	memset(*ix, 0xff, *cap * sizeof(**ix));
}

static int
pair_new(struct kw *k, uint64_t h)
{
	size_t i;

	if (h == 0)
		h = 1;
	for (i = h & (k->paircap - 1); k->pairs[i]; i = (i + 1) & (k->paircap - 1))
		if (k->pairs[i] == h)
			return 0;
	k->pairs[i] = h;
	return 1;
}

static int
is_candidate(const struct stopwords *sw, const char *lang, const struct doc *d,
    const struct tok *t)
{
	const char *f = tok_fold(d, t);

	if (!(t->flags & T_ALPHA) || (t->flags & T_DIGIT))
		return 0;
	if (t->flen < 2 || (t->flen < 3 && !(t->flags & T_UPPER)))
		return 0;
	if (f[0] == '\'')
		return 0;
	return !(t->flags & T_STOP);
}

static uint64_t
stem_hash(struct kw *k, const char *lang, const char *f, size_t n)
{
	struct sb_stemmer *st = stemmer(k, lang);
	const sb_symbol *s;

	if (st == NULL)
		return tag_hash(f, n);
	s = sb_stemmer_stem(st, (const sb_symbol *)f, (int)n);
	if (s == NULL)
		return tag_hash(f, n);
	return tag_hash((const char *)s, (size_t)sb_stemmer_length(st));
}

/* count terms and their contexts */
/* the end of a dateline at the start of the text ("ULAANBAATAR -",
 * "KYIV, Ukraine (AP) -", "CUPERTINO, Calif. -"), or 0 */
static size_t
dateline_end(const struct doc *d)
{
	size_t s = d->title_end, e;
	const char *f;

	if (s >= d->n || !(d->t[s].flags & T_UPPER))
		return 0;
	for (e = s; e < d->n && e < s + 20 && d->t[e].para == d->t[s].para; e++) {
		f = tok_fold(d, &d->t[e]);
		if (f[0] == '-' && f[1] == '\0' && ((d->t[e].flags & T_SPACED) ||
		    d->t[e].src[d->t[e].off] != '-'))
			return e;
		if ((d->t[e].flags & T_WORD) && !(d->t[e].flags & (T_CAP | T_DIGIT)) &&
		    !(e > s && tok_fold(d, &d->t[e - 1])[0] == '('))
			return 0;	/* a lower-case word: running text */
	}
	return 0;
}

static void
count_terms(struct kw *k, const struct stopwords *sw, const struct doc *d,
    const char *lang)
{
	size_t i, dl = dateline_end(d);
	int32_t *slot;
	struct term *t;
	uint64_t h;

	k->tn = 0;
	ix_reset(&k->tix, &k->ixcap, d->n + 16);
	if (d->n + 1 > k->tokcap) {
		k->tokcap = d->n + 1;
		k->tokterm = news_xreallocarray(k->tokterm, k->tokcap, sizeof(int32_t));
	}
	for (i = 0; i < d->n; i++) {
		const struct tok *tk = &d->t[i];
		k->tokterm[i] = -1;
		if (i >= d->title_end && i < dl)
			continue;
		if (!is_candidate(sw, lang, d, tk))
			continue;
		h = stem_hash(k, lang, tok_fold(d, tk), tk->flen);
		slot = ix_slot(k->tix, k->ixcap, h, k->t, sizeof(*k->t));
		if (*slot < 0) {
			if (k->tn == k->tcap) {
				k->tcap = k->tcap ? k->tcap * 2 : 256;
				k->t = news_xreallocarray(k->t, k->tcap, sizeof(*k->t));
			}
			t = &k->t[k->tn];
			memset(t, 0, sizeof(*t));
			t->h = h;
			t->first = (uint32_t)i;
			t->low = UINT32_MAX;
			t->lastsent = UINT32_MAX;
			*slot = (int32_t)k->tn++;
		}
		t = &k->t[*slot];
		k->tokterm[i] = *slot;
		t->tf++;
		if (t->low == UINT32_MAX && !(tk->flags & (T_CAP | T_CAPSCTX | T_UPPER)))
			t->low = (uint32_t)i;
		if (tk->flags & T_UPPER && !(tk->flags & T_CAPSCTX))
			t->tfup++;
		else if ((tk->flags & T_CAP) && !(tk->flags & (T_SENT | T_CAPSCTX)))
			t->tfcap++;
		if (t->lastsent != tk->sent) {
			t->nsent++;
			t->lastsent = tk->sent;
		}
		t->sumsent += tk->sent;
	}
	/* distinct neighbours, left and right, words only */
	k->paircap = 64;
	while (k->paircap < d->n * 4 + 16)
		k->paircap *= 2;
	k->pairs = news_xreallocarray(k->pairs, k->paircap, sizeof(uint64_t));
	memset(k->pairs, 0, k->paircap * sizeof(uint64_t));
	for (i = 0; i < d->n; i++) {
		int32_t ti = k->tokterm[i];
		if (ti < 0)
			continue;
		t = &k->t[ti];
		if (i > 0 && (d->t[i - 1].flags & T_WORD) && d->t[i - 1].sent == d->t[i].sent) {
			t->tl++;
			t->dl += pair_new(k, tag_hcomb(t->h * 3, d->t[i - 1].h));
		}
		if (i + 1 < d->n && (d->t[i + 1].flags & T_WORD) && d->t[i + 1].sent == d->t[i].sent) {
			t->tr++;
			t->dr += pair_new(k, tag_hcomb(t->h * 5, d->t[i + 1].h));
		}
	}
}

static void
score_terms(struct kw *k, const struct doc *d)
{
	double mean = 0, sd = 0, maxtf = 1, nsent = d->nsent ? d->nsent : 1;
	size_t i, nv = 0;
	struct term *t;

	for (i = 0; i < k->tn; i++) {
		mean += k->t[i].tf;
		if (k->t[i].tf > maxtf)
			maxtf = k->t[i].tf;
	}
	if (k->tn) {
		mean /= (double)k->tn;
		for (i = 0; i < k->tn; i++)
			sd += (k->t[i].tf - mean) * (k->t[i].tf - mean);
		sd = sqrt(sd / (double)k->tn);
	}
	(void)nv;
	for (i = 0; i < k->tn; i++) {
		double tcase, tpos, tfn, trel, tdiff, wl, wr, med;
		t = &k->t[i];
		tcase = (double)(t->tfcap > t->tfup ? t->tfcap : t->tfup) /
		    (1.0 + log((double)t->tf));
		med = (double)t->sumsent / t->tf - d->t[0].sent;
		if (med < 0)
			med = 0;
		tpos = log(log(3.0 + med));
		tfn = t->tf / (mean + sd);
		wl = t->tl ? (double)t->dl / t->tl : 0;
		wr = t->tr ? (double)t->dr / t->tr : 0;
		trel = 1.0 + (wl + wr) * t->tf / maxtf;
		tdiff = t->nsent / nsent;
		t->score = trel * tpos / (tcase + tfn / trel + tdiff / trel);
	}
}

static void
add_phrase(struct kw *k, const struct doc *d, size_t i, size_t n)
{
	uint64_t h = TAG_HINIT;
	size_t j;
	int32_t *slot;
	struct phrase *p;
	uint32_t allcap = 1;

	for (j = 0; j < n; j++) {
		h = tag_hcomb(h, k->t[k->tokterm[i + j]].h);
		if (!(d->t[i + j].flags & (T_CAP | T_UPPER)) ||
		    (d->t[i + j].flags & T_CAPSCTX))
			allcap = 0;
	}
	if (k->pn * 2 + 2 > k->pixcap) {
		size_t q;
		ix_reset(&k->pix, &k->pixcap, k->pn * 2 + 64);
		for (q = 0; q < k->pn; q++)
			*ix_slot(k->pix, k->pixcap, k->p[q].h, k->p, sizeof(*k->p)) = (int32_t)q;
	}
	slot = ix_slot(k->pix, k->pixcap, h, k->p, sizeof(*k->p));
	if (*slot < 0) {
		if (k->pn == k->pcap) {
			k->pcap = k->pcap ? k->pcap * 2 : 256;
			k->p = news_xreallocarray(k->p, k->pcap, sizeof(*k->p));
		}
		p = &k->p[k->pn];
		memset(p, 0, sizeof(*p));
		p->h = h;
		p->first = (uint32_t)i;
		p->n = (uint32_t)n;
		for (j = 0; j < n; j++)
			p->tid[j] = (uint32_t)k->tokterm[i + j];
		*slot = (int32_t)k->pn++;
	}
	p = &k->p[*slot];
	p->tf++;
	if (allcap)
		p->allcap++;
}

static void
find_phrases(struct kw *k, const struct doc *d)
{
	size_t i, n;

	k->pn = 0;
	ix_reset(&k->pix, &k->pixcap, 64);
	for (i = 0; i < d->n; i++) {
		if (k->tokterm[i] < 0)
			continue;
		for (n = 2; n <= MAXPH && i + n <= d->n; n++) {
			size_t j = i + n - 1;
			if (k->tokterm[j] < 0 || d->t[j].sent != d->t[i].sent ||
			    (d->t[j].flags & T_PARA))
				break;
			add_phrase(k, d, i, n);
		}
	}
	for (i = 0; i < k->pn; i++) {
		struct phrase *p = &k->p[i];
		double prod = 1, sum = 0;
		for (n = 0; n < p->n; n++) {
			prod *= k->t[p->tid[n]].score;
			sum += k->t[p->tid[n]].score;
		}
		p->score = prod / (p->tf * (1.0 + sum));
	}
}

struct cand {
	double score;
	uint32_t tok, n;
	int lower;		/* write in lower case (only ever capitalised
				 * at the start of a sentence) */
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return (int)x->tok - (int)y->tok;
}

/* the surface form of tokens [i, i+n): as written, unless all capitals */
static int
ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 128)
			return 0;
	return 1;
}

static void
surface(struct kw *k, const struct doc *d, size_t i, size_t n, int lower)
{
	size_t j;
	const struct tok *t;

	news_buf_reset(&k->out);
	for (j = 0; j < n; j++) {
		t = &d->t[i + j];
		if (j)
			news_buf_addc(&k->out, ' ');
		if (((t->flags & T_CAPSCTX) && !(t->flags & T_DOTS)) ||
		    (lower && ascii(t->src + t->off, t->len)))
			news_buf_adds(&k->out, tok_fold(d, t));
		else
			news_buf_add(&k->out, t->src + t->off, t->len);
	}
}

void
keywords_find(struct kw *k, const struct stopwords *sw, const struct doc *d,
    const char *lang, struct strlist *out, int max)
{
	struct cand *c;
	size_t nc = 0, i, j;
	int got = 0;
	uint64_t *seen;
	size_t nseen = 0;

	if (lang == NULL || *lang == '\0')
		lang = "en";
	count_terms(k, sw, d, lang);
	if (k->tn == 0)
		return;
	score_terms(k, d);
	find_phrases(k, d);
	c = news_xreallocarray(NULL, k->tn + k->pn + 1, sizeof(*c));
	/* frequency first; YAKE's score (in (0, 1) after squashing) breaks ties */
	for (i = 0; i < k->tn; i++) {
		c[nc].score = -(double)k->t[i].tf + k->t[i].score / (1.0 + k->t[i].score);
		c[nc].tok = k->t[i].low != UINT32_MAX ? k->t[i].low : k->t[i].first;
		c[nc].lower = 0;	/* as written: "Apple" may only start sentences */
		c[nc++].n = 1;
	}
	/* names: every word capitalised, seen twice or in the title */
	for (i = 0; i < k->pn; i++) {
		struct phrase *p = &k->p[i];
		if (p->allcap * 2 < p->tf || (p->tf < 2 &&
		    !(p->first < d->title_end && p->allcap)))
			continue;
		c[nc].score = -(double)p->tf + p->score / (1.0 + p->score);
		c[nc].tok = p->first;
		c[nc].lower = 0;
		c[nc++].n = p->n;
	}
	qsort(c, nc, sizeof(*c), cmp_cand);
	seen = news_xreallocarray(NULL, nc + 1, sizeof(*seen));
	for (i = 0; i < nc && got < max; i++) {
		uint64_t h = TAG_HINIT;
		for (j = 0; j < c[i].n; j++)
			h = tag_hcomb(h, k->t[k->tokterm[c[i].tok + j]].h);
		for (j = 0; j < nseen; j++)
			if (seen[j] == h)
				break;
		if (j < nseen)
			continue;
		seen[nseen++] = h;
		surface(k, d, c[i].tok, c[i].n, c[i].lower);
		strlist_add(out, news_buf_str(&k->out));
		got++;
	}
	free(seen);
	free(c);
}
