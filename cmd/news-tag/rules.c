/*
 * rules.c: tags from a rules file, and region tags from the UN M49 table.
 *
 * Rules file (news-tag(1), RULES FORMAT), one rule a line:
 *
 *	tag NAME: phrase, phrase, prefix*, ...
 *	category NAME: phrase, ...
 *
 * Phrases match case- and accent-insensitively on word boundaries; a
 * final '*' matches any word beginning with the prefix (at least three
 * letters).  Region table: GROUP <TAB> PARENT <TAB> CODES (space
 * separated; PARENT "-" for a top-level region).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "tag.h"

struct rule {
	char *name;
	int category;
};

struct pat {
	uint64_t h;		/* hash of the exact tokens (all but a prefix) */
	int ntok;		/* exact tokens */
	char *prefix;		/* folded prefix of the last word, or NULL */
	size_t plen;
	int rule;
	int next;		/* next pattern with the same key */
};

struct pslot {
	uint64_t key;
	int head;		/* first pattern, -1 none */
	int cont;		/* a longer pattern continues from here */
};

struct group {
	char *name;
	int parent;		/* group index or -1 */
};

struct rules {
	struct rule *r;
	size_t nr;
	struct pat *p;
	size_t np;
	struct pslot *tab;
	size_t tcap, tn;
	int maxtok;
	struct group *g;
	size_t ng;
	int16_t (*ccgroup)[4];	/* per country: up to 4 groups */
};

struct rules *
rules_new(void)
{
	struct rules *r = news_xcalloc(1, sizeof(*r));

	r->ccgroup = news_xcalloc(NCC, sizeof(*r->ccgroup));
	memset(r->ccgroup, 0xff, NCC * sizeof(*r->ccgroup));
	return r;
}

void
rules_free(struct rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nr; i++)
		free(r->r[i].name);
	for (i = 0; i < r->np; i++)
		free(r->p[i].prefix);
	for (i = 0; i < r->ng; i++)
		free(r->g[i].name);
	free(r->r);
	free(r->p);
	free(r->tab);
	free(r->g);
	free(r->ccgroup);
	free(r);
}

void
strlist_add(struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = news_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = news_xstrdup(s);
}

void
strlist_clear(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	l->n = 0;
}

void
strlist_free(struct strlist *l)
{
	strlist_clear(l);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

static uint64_t
star_key(uint64_t h, const char *f)
{
	return tag_hcomb(h ^ 0x5bd1e995, tag_hash(f, 3));
}

static struct pslot *
pslot(struct rules *r, uint64_t key, int create)
{
	size_t i;

	if (key == 0)
		key = 1;
	if (create && (r->tn + 1) * 2 > r->tcap) {
		struct pslot *old = r->tab;
		size_t ocap = r->tcap;
		r->tcap = r->tcap ? r->tcap * 2 : 256;
		r->tab = news_xcalloc(r->tcap, sizeof(*r->tab));
		for (i = 0; i < ocap; i++)
			if (old[i].key) {
				size_t j = (size_t)old[i].key & (r->tcap - 1);
				while (r->tab[j].key)
					j = (j + 1) & (r->tcap - 1);
				r->tab[j] = old[i];
			}
		free(old);
	}
	if (r->tcap == 0)
		return NULL;
	for (i = (size_t)key & (r->tcap - 1); r->tab[i].key && r->tab[i].key != key;
	    i = (i + 1) & (r->tcap - 1))
		;
	if (!r->tab[i].key) {
		if (!create)
			return NULL;
		r->tab[i].key = key;
		r->tab[i].head = -1;
		r->tn++;
	}
	return &r->tab[i];
}

static int
add_pattern(struct rules *r, const char *phrase, int rule)
{
	struct doc d;
	size_t n = strlen(phrase), i;
	int star = n > 0 && phrase[n - 1] == '*';
	struct pat *p;
	struct pslot *s;
	uint64_t h = TAG_HINIT;

	doc_init(&d);
	doc_add(&d, phrase, star ? n - 1 : n, 0);
	if (d.n == 0 || d.n > 16 || (star && d.t[d.n - 1].flen < 3)) {
		doc_free(&d);
		return -1;
	}
	r->p = news_xreallocarray(r->p, r->np + 1, sizeof(*r->p));
	p = &r->p[r->np++];
	memset(p, 0, sizeof(*p));
	p->rule = rule;
	p->ntok = (int)d.n - star;
	for (i = 0; i < (size_t)p->ntok; i++) {
		h = tag_hcomb(h, d.t[i].h);
		if (i + 1 < d.n)
			pslot(r, h, 1)->cont = 1;
	}
	p->h = h;
	if (star) {
		p->prefix = news_xstrdup(tok_fold(&d, &d.t[d.n - 1]));
		p->plen = strlen(p->prefix);
		h = star_key(h, p->prefix);
	}
	s = pslot(r, h, 1);
	p->next = s->head;
	s->head = (int)(r->np - 1);
	if ((int)d.n > r->maxtok)
		r->maxtok = (int)d.n;
	doc_free(&d);
	return 0;
}

int
rules_load(struct rules *r, const char *path)
{
	FILE *fp;
	char *line = NULL, *s, *colon, *ph, *comma;
	size_t cap = 0;
	unsigned long lno = 0;
	int bad = 0, cat;

	if ((fp = fopen(path, "r")) == NULL) {
		news_warn("%s:", path);
		return -1;
	}
	while (getline(&line, &cap, fp) > 0) {
		lno++;
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (strncmp(s, "tag ", 4) == 0)
			cat = 0;
		else if (strncmp(s, "category ", 9) == 0)
			cat = 1;
		else {
			news_warn("%s:%lu: expected 'tag NAME: phrases' or "
			    "'category NAME: phrases'", path, lno);
			bad = 1;
			continue;
		}
		s += cat ? 9 : 4;
		if ((colon = strchr(s, ':')) == NULL) {
			news_warn("%s:%lu: missing ':' after the name", path, lno);
			bad = 1;
			continue;
		}
		*colon = '\0';
		r->r = news_xreallocarray(r->r, r->nr + 1, sizeof(*r->r));
		r->r[r->nr].name = news_xstrdup(trim(s));
		r->r[r->nr].category = cat;
		for (ph = colon + 1; ph; ph = comma) {
			if ((comma = strchr(ph, ',')) != NULL)
				*comma++ = '\0';
			ph = trim(ph);
			if (*ph && add_pattern(r, ph, (int)r->nr) < 0) {
				news_warn("%s:%lu: bad phrase: %s", path, lno, ph);
				bad = 1;
			}
		}
		r->nr++;
	}
	free(line);
	fclose(fp);
	return bad ? -1 : 0;
}

int
regions_load(struct rules *r, const char *path)
{
	FILE *fp;
	char *line = NULL, *f[3], *p, *c;
	size_t cap = 0, i, nf;
	int gi, k, bad = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		news_warn("%s:", path);
		return -1;
	}
	while (getline(&line, &cap, fp) > 0) {
		p = trim(line);
		if (*p == '\0' || *p == '#')
			continue;
		for (nf = 0; nf < 3 && p; nf++) {
			f[nf] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (nf < 2) {
			bad = 1;
			continue;
		}
		r->g = news_xreallocarray(r->g, r->ng + 1, sizeof(*r->g));
		r->g[r->ng].name = news_xstrdup(f[0]);
		r->g[r->ng].parent = -1;
		for (i = 0; i < r->ng; i++)
			if (strcmp(r->g[i].name, f[1]) == 0)
				r->g[r->ng].parent = (int)i;
		gi = (int)r->ng++;
		if (nf < 3)
			continue;
		for (c = strtok(f[2], " "); c; c = strtok(NULL, " ")) {
			if (strlen(c) != 2 || c[0] < 'A' || c[0] > 'Z' ||
			    c[1] < 'A' || c[1] > 'Z')
				continue;
			for (k = 0; k < 4; k++)
				if (r->ccgroup[CC_INDEX(c[0], c[1])][k] < 0) {
					r->ccgroup[CC_INDEX(c[0], c[1])][k] = (int16_t)gi;
					break;
				}
		}
	}
	free(line);
	fclose(fp);
	return bad ? -1 : 0;
}

static void
hits_at(const struct rules *r, const struct doc *d, size_t i, unsigned char *hit,
    uint32_t *count)
{
	uint64_t h = TAG_HINIT;
	const struct pslot *s;
	const struct pat *p;
	size_t j;
	int q;

	for (j = 0; i + j < d->n && j <= (size_t)r->maxtok; j++) {
		const struct tok *t = &d->t[i + j];
		/* a prefix pattern after j exact tokens */
		if (t->flen >= 3 && (s = pslot((struct rules *)r,
		    star_key(h, tok_fold(d, t)), 0)) != NULL)
			for (q = s->head; q >= 0; q = r->p[q].next) {
				p = &r->p[q];
				if (p->prefix && p->ntok == (int)j && t->flen >= p->plen &&
				    strncmp(tok_fold(d, t), p->prefix, p->plen) == 0) {
					hit[p->rule] = 1;
					count[p->rule]++;
				}
			}
		h = tag_hcomb(h, t->h);
		if ((s = pslot((struct rules *)r, h, 0)) == NULL)
			return;
		for (q = s->head; q >= 0; q = r->p[q].next) {
			p = &r->p[q];
			if (!p->prefix && p->ntok == (int)j + 1) {
				hit[p->rule] = 1;
				count[p->rule]++;
			}
		}
		if (!s->cont)
			return;
	}
}

void
rules_apply(const struct rules *r, const struct doc *d, const int *cc,
    int ncc, struct strlist *tags, const char **category)
{
	size_t i, j;
	unsigned char *hit;
	uint32_t *count;
	int k, g, best = -1;

	*category = NULL;
	if (r->nr > 0) {
		hit = news_xcalloc(r->nr, 1);
		count = news_xcalloc(r->nr, sizeof(*count));
		for (i = 0; i < d->n; i++)
			if (d->t[i].flags & T_WORD)
				hits_at(r, d, i, hit, count);
		for (i = 0; i < r->nr; i++) {
			if (!hit[i])
				continue;
			if (r->r[i].category) {
				if (best < 0 || count[i] > count[best])
					best = (int)i;
			} else
				strlist_add(tags, r->r[i].name);
		}
		if (best >= 0)
			*category = r->r[best].name;
		free(hit);
		free(count);
	}
	for (k = 0; k < ncc; k++)
		for (j = 0; j < 4; j++)
			for (g = r->ccgroup[cc[k]][j]; g >= 0; g = r->g[g].parent)
				strlist_add(tags, r->g[g].name);
}
