/*
 * gazetteer.c: place names, line by line (news-tag(1), GAZETTEER FORMAT):
 *
 *	CODE <TAB> KIND <TAB> NAME[|NAME...] [<TAB> OPTION ...]
 *
 * Names are tokenized and folded as article text is, and kept in an
 * open-addressing hash table keyed by the phrase hash; every proper
 * prefix of a name is in the table too, so the longest match at a token
 * is found by walking forward while a prefix exists.  A name given again
 * in a later file replaces the earlier file's readings of it in the same
 * language.  A code
 * that the territory table (territories.tsv) lists is read as the code
 * of its sovereign state.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "buf.h"
#include "tag.h"

struct gazetteer {
	struct gent *tab;
	size_t cap, n;
	char *label[NCC];
	uint16_t sovereign[NCC];	/* 0: itself, else index + 1 */
	int maxtok;
	int nfiles;
};

static const struct {
	const char *name;
	int kind;
} kinds[] = {
	{ "label", K_LABEL }, { "name", K_NAME }, { "official", K_OFFICIAL },
	{ "alt", K_ALT }, { "abbr", K_ABBR }, { "demonym", K_DEMONYM },
	{ "capital", K_CAPITAL }, { "city", K_CITY }, { "region", K_REGION },
	{ "person", K_PERSON }, { "none", K_NONE }, { "weak", K_WEAK },
};

struct gazetteer *
gaz_new(void)
{
	struct gazetteer *g = news_xcalloc(1, sizeof(*g));

	g->cap = 1 << 16;
	g->tab = news_xcalloc(g->cap, sizeof(*g->tab));
	return g;
}

void
gaz_free(struct gazetteer *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->cap; i++) {
		free(g->tab[i].key);
		free(g->tab[i].r);
	}
	for (i = 0; i < NCC; i++)
		free(g->label[i]);
	free(g->tab);
	free(g);
}

static struct gent *
slot(struct gazetteer *g, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & (g->cap - 1);

	while (g->tab[i].h != 0 && g->tab[i].h != h)
		i = (i + 1) & (g->cap - 1);
	return &g->tab[i];
}

static void
grow(struct gazetteer *g)
{
	struct gent *old = g->tab;
	size_t i, ocap = g->cap;

	g->cap *= 2;
	g->tab = news_xcalloc(g->cap, sizeof(*g->tab));
	for (i = 0; i < ocap; i++)
		if (old[i].h != 0)
			*slot(g, old[i].h) = old[i];
	free(old);
}

static struct gent *
insert(struct gazetteer *g, uint64_t h)
{
	struct gent *e;

	if (h == 0)
		h = 1;
	if ((g->n + 1) * 2 > g->cap)
		grow(g);
	e = slot(g, h);
	if (e->h == 0) {
		e->h = h;
		g->n++;
	}
	return e;
}

const struct gent *
gaz_find(const struct gazetteer *g, uint64_t h)
{
	const struct gent *e;

	if (h == 0)
		h = 1;
	e = slot((struct gazetteer *)g, h);
	return e->h ? e : NULL;
}

const char *
gaz_label(const struct gazetteer *g, int cc)
{
	return cc >= 0 && cc < NCC ? g->label[cc] : NULL;
}

int
gaz_maxtok(const struct gazetteer *g)
{
	return g->maxtok;
}

static int
parse_code(const struct gazetteer *g, const char *s, size_t n, uint16_t *cc)
{
	if (n != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
		return -1;
	*cc = (uint16_t)CC_INDEX(s[0], s[1]);
	if (g != NULL && g->sovereign[*cc])
		*cc = (uint16_t)(g->sovereign[*cc] - 1);
	return 0;
}


static int
parse_options(const char *s, struct reading *r)
{
	char buf[64];
	const char *p = s;
	size_t n;

	while (*p) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n == 0)
			break;
		if (n >= sizeof(buf))
			return -1;
		memcpy(buf, p, n);
		buf[n] = '\0';
		p += n;
		if (strcmp(buf, "case") == 0)
			r->flags |= G_CASE;
		else if (strcmp(buf, "common") == 0)
			r->flags |= G_COMMON;
		else if (strcmp(buf, "person") == 0)
			r->flags |= G_PERSON;
		else if (strcmp(buf, "weak") == 0)
			r->flags |= G_WEAK;
		else if (strcmp(buf, "choose") == 0)
			r->flags |= G_CHOOSE;
		else if (strcmp(buf, "after") == 0)
			r->flags |= G_AFTER;
		else if (strncmp(buf, "lang=", 5) == 0 && n - 5 < sizeof(r->lang) &&
		    n > 5)
			memcpy(r->lang, buf + 5, n - 5 + 1);
		else
			return -1;
	}
	return 0;
}

/* add one name with reading r (from file) */
static void
add_name(struct gazetteer *g, const char *name, size_t len, struct reading *r)
{
	struct doc d;
	struct news_buf key = NEWS_BUF_INIT;
	struct gent *e;
	uint64_t ph = TAG_HINIT, ch = TAG_HINIT;
	size_t i, k;

	doc_init(&d);
	doc_add(&d, name, len, 0);
	if (d.n == 0 || d.n > 32) {
		doc_free(&d);
		return;
	}
	r->capmask = 0;
	for (i = 0; i < d.n; i++) {
		ph = tag_hcomb(ph, d.t[i].h);
		ch = tag_hcomb(ch, tag_hash(d.t[i].src + d.t[i].off, d.t[i].len));
		if (d.t[i].flags & T_CAP)
			r->capmask |= 1u << i;
		if (i > 0)
			news_buf_addc(&key, ' ');
		news_buf_adds(&key, tok_fold(&d, &d.t[i]));
		if (i + 1 < d.n)
			insert(g, ph)->prefix = 1;
	}
	r->casehash = ch;
	e = insert(g, ph);
	if (e->key == NULL) {
		e->key = news_buf_take(&key);
		e->ntok = (uint8_t)d.n;
	}
	news_buf_free(&key);
	/* a later file overrides the readings of the name in its language */
	for (i = k = 0; i < e->nr; i++)
		if (e->r[i].file == r->file || strcmp(e->r[i].lang, r->lang) != 0)
			e->r[k++] = e->r[i];
	e->nr = (uint16_t)k;
	e->r = news_xreallocarray(e->r, e->nr + 1, sizeof(*e->r));
	e->r[e->nr++] = *r;
	if ((int)d.n > g->maxtok)
		g->maxtok = (int)d.n;
	doc_free(&d);
}

static int
parse_line(struct gazetteer *g, char *line, struct reading *r, const char *where)
{
	char *f[4] = { NULL, NULL, NULL, NULL }, *p = line, *name, *bar;
	size_t i, nf = 0;

	while (nf < 4) {
		f[nf++] = p;
		if ((p = strchr(p, '\t')) == NULL)
			break;
		*p++ = '\0';
	}
	if (nf < 3) {
		news_warn("%s: expected CODE<TAB>KIND<TAB>NAME", where);
		return -1;
	}
	memset(r, 0, sizeof(*r));
	r->file = (uint16_t)g->nfiles;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(f[1], kinds[i].name) == 0)
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0])) {
		news_warn("%s: unknown kind: %s", where, f[1]);
		return -1;
	}
	r->kind = (uint8_t)kinds[i].kind;
	if (strcmp(f[0], "-") != 0) {
		char *c = f[0];
		while (*c && r->ncc < 4) {
			size_t n = strcspn(c, ",");
			if (parse_code(g, c, n, &r->cc[r->ncc]) < 0) {
				news_warn("%s: bad country code: %s", where, f[0]);
				return -1;
			}
			r->ncc++;
			c += n;
			if (*c == ',')
				c++;
		}
	} else if (r->kind != K_NONE && r->kind != K_PERSON) {
		news_warn("%s: a %s needs a country code", where, f[1]);
		return -1;
	}
	if (nf == 4 && parse_options(f[3], r) < 0) {
		news_warn("%s: bad options: %s", where, f[3]);
		return -1;
	}
	if (r->kind == K_LABEL) {
		if (r->ncc != 1)
			return -1;
		if (g->sovereign[CC_INDEX(f[0][0], f[0][1])])
			return 0;	/* a territory's label is its sovereign's */
		free(g->label[r->cc[0]]);
		g->label[r->cc[0]] = news_xstrdup(f[2]);
		return 0;
	}
	for (name = f[2]; *name; name = bar) {
		size_t n = strcspn(name, "|");
		bar = name + n + (name[n] == '|');
		if (n > 0)
			add_name(g, name, n, r);
	}
	return 0;
}

/* call fn for each line of path that is not blank or a comment */
static int
read_lines(struct gazetteer *g, const char *path,
    int (*fn)(struct gazetteer *, char *, const char *))
{
	FILE *fp;
	char *line = NULL, where[600];
	size_t cap = 0;
	ssize_t len;
	unsigned long lno = 0;
	int bad = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		news_warn("%s:", path);
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) > 0) {
		lno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		snprintf(where, sizeof(where), "%s:%lu", path, lno);
		if (fn(g, line, where) < 0)
			bad = 1;
	}
	free(line);
	if (ferror(fp)) {
		news_warn("%s: read error:", path);
		bad = 1;
	}
	fclose(fp);
	return bad ? -1 : 0;
}

static int
load_line(struct gazetteer *g, char *line, const char *where)
{
	struct reading r;

	return parse_line(g, line, &r, where);
}

int
gaz_load(struct gazetteer *g, const char *path)
{
	g->nfiles++;
	return read_lines(g, path, load_line);
}

/* TERRITORY <TAB> SOVEREIGN [<TAB> comment] */
static int
territory_line(struct gazetteer *g, char *line, const char *where)
{
	uint16_t t, sv;

	if (strlen(line) < 5 || line[2] != '\t' || parse_code(NULL, line, 2, &t) < 0 ||
	    parse_code(NULL, line + 3, 2, &sv) < 0 ||
	    (line[5] != '\t' && line[5] != '\0')) {
		news_warn("%s: expected TERRITORY<TAB>SOVEREIGN", where);
		return -1;
	}
	g->sovereign[t] = (uint16_t)(sv + 1);
	return 0;
}

int
gaz_territories(struct gazetteer *g, const char *path)
{
	return read_lines(g, path, territory_line);
}

int
gaz_match(const struct gazetteer *g, const struct doc *d, size_t i,
    const struct gent **out)
{
	return gaz_match_from(g, d, i, d->t[i].h, out);
}

int
gaz_match_from(const struct gazetteer *g, const struct doc *d, size_t i,
    uint64_t h0, const struct gent **out)
{
	uint64_t ph = TAG_HINIT;
	const struct gent *e;
	size_t j;
	int best = 0;

	for (j = i; j < d->n && (int)(j - i) < g->maxtok; j++) {
		ph = tag_hcomb(ph, j == i ? h0 : d->t[j].h);
		if ((e = gaz_find(g, ph)) == NULL)
			break;
		if (e->nr > 0) {
			best = (int)(j - i + 1);
			*out = e;
		}
		if (!e->prefix)
			break;
		/* a match never spans a paragraph or title/text boundary */
		if (j + 1 < d->n && (d->t[j + 1].flags & T_PARA))
			break;
	}
	return best;
}

/* does the text at tokens [i, i+n) fit reading r's case rules? */
int
gaz_check_case(const struct reading *r, const struct doc *d, size_t i, int n)
{
	int k;
	uint64_t ch = TAG_HINIT;
	const struct tok *t;

	if (r->flags & G_CASE) {
		for (k = 0; k < n; k++) {
			t = &d->t[i + k];
			ch = tag_hcomb(ch, tag_hash(t->src + t->off, t->len));
		}
		if (ch != r->casehash)
			return 0;
		/* an all-capitals word without dots in an all-capitals line
		 * is any word (US, CAR) */
		t = &d->t[i];
		if ((t->flags & T_CAPSCTX) && !(t->flags & T_DOTS))
			return 0;
		return 1;
	}
	for (k = 0; k < n && k < 32; k++) {
		t = &d->t[i + k];
		if ((r->capmask & (1u << k)) && !(t->flags & (T_CAP | T_CAPSCTX)))
			return 0;
	}
	return 1;
}
