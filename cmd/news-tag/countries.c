/*
 * countries.c: which countries an article is about, most salient first.
 *
 * Every gazetteer match is a mention.  Mentions that are people's names
 * (a given name or title before it, a capitalised surname after a name
 * that is also a given name, and later bare uses of the same name) are
 * dropped.  Names with several readings (Georgia, Congo, Birmingham) take
 * the reading whose country has the most unambiguous evidence elsewhere
 * in the article, or the one a following ", Region" gives; else the
 * first.  Each mention weighs by kind (country name > capital > city,
 * region > demonym), zone (title, lead paragraph) and is discounted
 * before currency words ("Australian dlrs"); a dateline ("SEOUL, Dec 13
 * (Reuters) -") adds a bonus.  Countries scoring at least a share of the
 * top score are kept, and those the title names.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "news.h"
#include "tag.h"

#define MAXM 4096
#define W_TITLE 3.0
#define W_LEAD 1.5
#define W_DATELINE 3.0
#define KEEP_RATIO 0.3
#define KEEP_MIN 0.9

struct mention {
	uint32_t i;
	uint16_t n;
	int16_t pick;		/* chosen reading, -1 dropped */
	const struct gent *e;
	uint32_t valid;		/* readings that fit case and language */
	uint16_t listn;		/* items of the list it is one of, or 0 */
};

/* the article's language is unknown (no lang, too short for a guess: a
 * feed's title) and it has letters beyond ASCII: then it is not taken
 * for English, and names of every language match */
static int anylang;

static int
doc_anylang(const struct doc *d)
{
	size_t i, k;
	const struct tok *t;

	if (d->lang[0] != '\0')
		return 0;
	for (i = 0; i < d->n; i++) {
		t = &d->t[i];
		if (!(t->flags & T_ALPHA))
			continue;
		for (k = 0; k < t->len; k++)
			if ((unsigned char)t->src[t->off + k] >= 0x80)
				return 1;
	}
	return 0;
}

/* a name of one language matches in an article of that language */
static int
lang_ok(const struct reading *r, const struct doc *d)
{
	if (r->lang[0] == '\0' || anylang)
		return 1;
	return strncmp(r->lang, d->lang, strlen(r->lang)) == 0 &&
	    (d->lang[strlen(r->lang)] == '\0' || d->lang[strlen(r->lang)] == '-');
}

static int
fold_is(const struct doc *d, size_t i, const char *w)
{
	return i < d->n && strcmp(tok_fold(d, &d->t[i]), w) == 0;
}

static int
fold_in(const struct doc *d, size_t i, const char *const *list)
{
	const char *f;

	if (i >= d->n)
		return 0;
	f = tok_fold(d, &d->t[i]);
	for (; *list; list++)
		if (strcmp(f, *list) == 0)
			return 1;
	return 0;
}

static const char *const currency[] = {
	"dlr", "dlrs", "dollar", "dollars", "cents", "yen", "franc", "francs",
	"mark", "marks", "pound", "pounds", "sterling", "crown", "crowns",
	"peso", "pesos", "lira", "lire", "guilder", "guilders", "rupee",
	"rupees", "won", "yuan", "ruble", "rubles", "rouble", "roubles",
	"rand", "riyal", "riyals", "dinar", "dinars", "euro", "euros",
	"schilling", "schillings", "krona", "kronor", "krone", "kroner",
	"baht", "ringgit", "rupiah", "real", "reais", "cruzado", "cruzados",
	"dirham", "dirhams", "shekel", "shekels", "treasury", "treasuries",
	NULL
};

static const char *const calendar[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", NULL
};

static const char *const placepreps[] = {
	"in", "to", "from", "into", "across", "throughout", "visit",
	"visited", "visiting", "neighbouring", "neighboring", NULL
};

static double
kind_weight(int kind)
{
	switch (kind) {
	case K_NAME: case K_OFFICIAL: case K_ALT: case K_ABBR:
		return 1.0;
	case K_CAPITAL:
		return 0.8;
	case K_CITY: case K_REGION:
		return 0.6;
	case K_DEMONYM:
		return 0.6;
	case K_WEAK:
		return 0.3;
	}
	return 0.0;
}

static int
is_place(int kind)
{
	return kind != K_NONE && kind != K_PERSON && kind != K_LABEL;
}

/*
 * A name inside a word with an apostrophe: after an elided article or
 * preposition (French and Italian l', d', dell', qu': "l'Irak") or before
 * a case ending (Turkish "Irak'ta", "Çin'e").  Returns the match length;
 * *cap says whether the name's part starts with a capital.
 */
static int
apos_match(const struct gazetteer *g, const struct doc *d, size_t i,
    const struct gent **e, int *cap)
{
	const struct tok *t = &d->t[i];
	const char *f = tok_fold(d, t), *first, *last, *s, *p;
	utf8proc_int32_t cp;
	int n;

	if ((first = strchr(f, '\'')) == NULL)
		return 0;
	last = strrchr(f, '\'');
	if (last - f <= 4 && strlen(last + 1) >= 2 &&
	    (n = gaz_match_from(g, d, i, tag_hash(last + 1, strlen(last + 1)), e))) {
		/* the letter after the last apostrophe of the source */
		s = t->src + t->off;
		for (p = s + t->len; p > s; p--)
			if (p[-1] == '\'' || (p - s >= 3 && memcmp(p - 3, "\xe2\x80\x99", 3) == 0))
				break;
		*cap = p > s && utf8proc_iterate((const utf8proc_uint8_t *)p,
		    s + t->len - p, &cp) > 0 && utf8proc_isupper(cp);
		return n;
	}
	if (first - f >= 2 && strlen(first + 1) <= 5 &&
	    (n = gaz_match_from(g, d, i, tag_hash(f, (size_t)(first - f)), e))) {
		*cap = (t->flags & T_CAP) != 0;
		return n;
	}
	return 0;
}

/* does reading r fit the case of a name matched by apos_match? */
static int
apos_case_ok(const struct reading *r, const struct doc *d, size_t i, int n,
    int cap)
{
	struct reading rest;

	if (r->flags & G_CASE)
		return 0;
	if ((r->capmask & 1) && !cap && !(d->t[i].flags & T_CAPSCTX))
		return 0;
	rest = *r;
	rest.capmask >>= 1;
	return n == 1 || gaz_check_case(&rest, d, i + 1, n - 1);
}

/* collect the mentions; person tokens are marked in isperson[] */
static size_t
collect(const struct gazetteer *g, const struct doc *d, struct mention *m,
    unsigned char *given)
{
	size_t i = 0, nm = 0;
	const struct gent *e;
	int n, k, apos, cap = 0;
	uint32_t valid;

	while (i < d->n && nm < MAXM) {
		apos = 0;
		if (!(d->t[i].flags & T_WORD) || (!(n = gaz_match(g, d, i, &e)) &&
		    !(apos = n = apos_match(g, d, i, &e, &cap)))) {
			i++;
			continue;
		}
		valid = 0;
		for (k = 0; k < e->nr && k < 32; k++) {
			const struct reading *r = &e->r[k];
			if (!lang_ok(r, d) || !(apos ? apos_case_ok(r, d, i, n, cap) :
			    gaz_check_case(r, d, i, n)))
				continue;
			if ((r->flags & G_AFTER) && !(i > 0 && fold_is(d, i - 1, ",")))
				continue;
			valid |= 1u << k;
		}
		if (valid == 0) {
			i++;
			continue;
		}
		if (e->nr == 1 && e->r[0].kind == K_PERSON) {
			given[i + (size_t)n - 1] = 1;	/* Michael, Mr. */
			i += (size_t)n;
			continue;
		}
		m[nm].i = (uint32_t)i;
		m[nm].n = (uint16_t)n;
		m[nm].e = e;
		m[nm].valid = valid;
		m[nm].pick = 0;
		m[nm].listn = 0;
		nm++;
		i += (size_t)n;
	}
	return nm;
}

static int
any_person_reading(const struct mention *m)
{
	int k;

	for (k = 0; k < m->e->nr && k < 32; k++)
		if ((m->valid & (1u << k)) && m->e->r[k].kind == K_PERSON)
			return 1;
	return 0;
}

/* drop mentions that name people (Michael Jordan, Chad Smith, Jordan said) */
static void
drop_people(const struct doc *d, struct mention *m, size_t nm,
    const unsigned char *given, const unsigned char *matched)
{
	size_t a, b, i, nx;
	const struct tok *t;

	for (a = 0; a < nm; a++) {
		int person = 0;
		i = m[a].i;
		if (i > 0 && given[i - 1])
			person = 1;
		nx = i + m[a].n;
		/* a given name before a capitalised word: Chad Miller */
		if (!person && any_person_reading(&m[a]) && m[a].n == 1 && nx < d->n) {
			t = &d->t[nx];
			if ((t->flags & T_CAP) && (t->flags & T_ALPHA) &&
			    !(t->flags & (T_CAPSCTX | T_SENT | T_UPPER)) &&
			    !matched[nx] && !fold_in(d, nx, calendar))
				person = 1;
		}
		if (!person)
			continue;
		/* this name is a person's throughout the article */
		for (b = 0; b < nm; b++) {
			if (m[b].e != m[a].e)
				continue;
			if (b != a && m[b].i > 0 && fold_in(d, m[b].i - 1, placepreps))
				continue;
			m[b].pick = -1;
		}
	}
}

/* the reading's country list credits ev[] */
static void
credit(double *ev, const struct reading *r, double w)
{
	int c;

	for (c = 0; c < r->ncc; c++)
		ev[r->cc[c]] += w;
}

static int
nreadings(const struct mention *m)
{
	int k, n = 0;

	for (k = 0; k < m->e->nr && k < 32; k++)
		if (m->valid & (1u << k))
			n += (m->e->r[k].flags & G_CHOOSE) ? m->e->r[k].ncc : 1;
	return n;
}

/* the one country every valid reading names, or -1 */
static int
single_cc(const struct mention *m)
{
	int k, cc = -1;
	const struct reading *r;

	for (k = 0; k < m->e->nr && k < 32; k++) {
		if (!(m->valid & (1u << k)))
			continue;
		r = &m->e->r[k];
		if (r->ncc != 1 || (cc >= 0 && r->cc[0] != cc))
			return -1;
		cc = r->cc[0];
	}
	return cc;
}

static int
first_valid(const struct mention *m)
{
	int k;

	for (k = 0; k < m->e->nr && k < 32; k++)
		if (m->valid & (1u << k))
			return k;
	return -1;
}

/* the mention right after ", " (London, Ontario), or NULL */
static const struct mention *
after_comma(const struct doc *d, const struct mention *m, size_t a, size_t nm)
{
	size_t nx = m[a].i + m[a].n;

	if (a + 1 < nm && fold_is(d, nx, ",") && m[a + 1].i == nx + 1 &&
	    m[a + 1].pick >= 0)
		return &m[a + 1];
	return NULL;
}

static int
reading_has(const struct reading *r, int cc)
{
	int c;

	for (c = 0; c < r->ncc; c++)
		if (r->cc[c] == cc)
			return 1;
	return 0;
}

/* pick one reading (and one country of a "choose" reading): pick is
 * k * 4 + c */
static void
choose(const struct doc *d, struct mention *m, size_t nm, const double *ev)
{
	size_t a;
	int k, c, best, kind;
	double bw;
	const struct mention *nx;
	const struct reading *r, *nr;

	for (a = 0; a < nm; a++) {
		if (m[a].pick < 0)
			continue;
		k = first_valid(&m[a]);
		r = &m[a].e->r[k];
		kind = r->kind;
		if (kind == K_NONE || kind == K_PERSON) {
			m[a].pick = -1;
			continue;
		}
		nx = after_comma(d, m, a, nm);
		if (nx != NULL && (kind == K_CITY || kind == K_CAPITAL)) {
			nr = &nx->e->r[first_valid(nx)];
			if (single_cc(nx) >= 0 &&
			    (nr->kind == K_REGION || nr->kind == K_NAME ||
			    nr->kind == K_ALT || nr->kind == K_ABBR)) {
				/* City, Region: the region's country or nothing */
				int found = -1;
				for (k = 0; k < m[a].e->nr && k < 32; k++)
					if ((m[a].valid & (1u << k)) &&
					    reading_has(&m[a].e->r[k], nr->cc[0]))
						found = k;
				if (found < 0) {
					m[a].pick = -1;
					continue;
				}
				for (c = 0; c < m[a].e->r[found].ncc; c++)
					if (m[a].e->r[found].cc[c] == nr->cc[0])
						break;
				m[a].pick = (int16_t)(found * 4 +
				    ((m[a].e->r[found].flags & G_CHOOSE) ? c : 0));
				continue;
			}
		}
		if (nreadings(&m[a]) <= 1) {
			m[a].pick = (int16_t)(first_valid(&m[a]) * 4);
			continue;
		}
		best = -1;
		bw = 0.0;
		for (k = 0; k < m[a].e->nr && k < 32; k++) {
			if (!(m[a].valid & (1u << k)))
				continue;
			r = &m[a].e->r[k];
			if (r->flags & G_CHOOSE) {
				for (c = 0; c < r->ncc; c++)
					if (best < 0 || ev[r->cc[c]] > bw) {
						best = k * 4 + c;
						bw = ev[r->cc[c]];
					}
			} else {
				double w = 0.0;
				for (c = 0; c < r->ncc; c++)
					w += ev[r->cc[c]];
				if (best < 0 || w > bw) {
					best = k * 4;
					bw = w;
				}
			}
		}
		m[a].pick = (int16_t)best;
	}
}

/* can the tokens [i, j) join two items of a list?  A comma or a short
 * lower-case word (and, or, the, et, du, und, y, i, a, и), three tokens
 * at most: ", and the", " et du" */
static int
list_gap(const struct doc *d, size_t i, size_t j, int *comma)
{
	const struct tok *t;

	if (j <= i || j - i > 3)
		return 0;
	for (; i < j; i++) {
		t = &d->t[i];
		if (fold_is(d, i, ",")) {
			*comma = 1;
			continue;
		}
		if (!(t->flags & T_WORD) || (t->flags & (T_CAP | T_DIGIT)) ||
		    t->flen > 3)
			return 0;
	}
	return 1;
}

/*
 * Lists: three places or more in a row, joined by commas and "and"
 * ("from Kenya, Peru, Ghana and Chile"): an enumeration names its items
 * in passing, and each item weighs 1/n of a mention.
 */
static void
find_lists(const struct doc *d, struct mention *m, size_t nm)
{
	size_t a, b, k;
	int comma;

	for (a = 0; a < nm; a = b) {
		comma = 0;
		for (b = a + 1; b < nm && m[b].pick >= 0 && m[b - 1].pick >= 0 &&
		    d->t[m[b].i].para == d->t[m[a].i].para &&
		    list_gap(d, m[b - 1].i + m[b - 1].n, m[b].i, &comma); b++)
			;
		if (b - a >= 3 && comma)
			for (k = a; k < b; k++)
				m[k].listn = (uint16_t)(b - a);
	}
}

/* "SEOUL, Dec 13 (Reuters) -", "ULAANBAATAR -", "COLUMBUS, Ohio, March 12 -",
 * "BAY HARBOUR ISLAND, Fla., April 2 -": returns the country index or -1 */
static int
dateline(const struct gazetteer *g, const struct doc *d)
{
	size_t s = d->title_end, i, end;
	const struct gent *e, *e2;
	int n = 0, n2, k, cc = -1;

	if (s >= d->n || !(d->t[s].flags & T_CAP))
		return -1;
	/* a dash or an opening parenthesis soon after */
	for (end = s; end < d->n && end < s + 14; end++)
		if ((fold_is(d, end, "-") && ((d->t[end].flags & T_SPACED) ||
		    d->t[end].src[d->t[end].off] != '-')) ||
		    fold_is(d, end, "("))
			break;
	if (end >= d->n || end == s + 14 || d->t[end].para != d->t[s].para)
		return -1;
	if (!(d->t[s].flags & T_UPPER)) {
		/* "Toronto, March 10 -": a known place right before the comma */
		if ((n = gaz_match(g, d, s, &e)) == 0 || s + (size_t)n >= d->n ||
		    !(fold_is(d, s + (size_t)n, ",") || fold_is(d, s + (size_t)n, "-") ||
		    fold_is(d, s + (size_t)n, "(")))
			return -1;
	}
	if ((n = gaz_match(g, d, s, &e)) > 0) {
		for (k = 0; k < e->nr; k++)
			if (is_place(e->r[k].kind) && lang_ok(&e->r[k], d)) {
				cc = e->r[k].cc[0];
				break;
			}
	}
	/* the place's name in capitals, then ", Region" */
	for (i = s + (size_t)n; i < end && (d->t[i].flags & T_UPPER); i++)
		;
	if (i + 1 < end && fold_is(d, i, ",") && (n2 = gaz_match(g, d, i + 1, &e2)))
		for (k = 0; k < e2->nr; k++)
			if ((e2->r[k].kind == K_REGION || e2->r[k].kind == K_NAME ||
			    e2->r[k].kind == K_ALT || e2->r[k].kind == K_ABBR) &&
			    lang_ok(&e2->r[k], d)) {
				cc = e2->r[k].cc[0];
				break;
			}
	return cc;
}

/* is the word with folded hash h written in lower case somewhere? */
static int
lower_use(const struct doc *d, uint64_t h)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->t[i].h == h && !(d->t[i].flags & (T_CAP | T_CAPSCTX)))
			return 1;
	return 0;
}

static int
cmp_score(const void *a, const void *b)
{
	const struct country_score *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->cc - y->cc;
}

static double
zone_weight(const struct doc *d, const struct tok *t)
{
	uint32_t lead;

	if (t->flags & T_TITLE)
		return W_TITLE;
	lead = d->title_end < d->n ? d->t[d->title_end].para : 0;
	return t->para == lead ? W_LEAD : 1.0;
}

int
countries_find(const struct gazetteer *g, const struct doc *d,
    struct country_score *out, int max)
{
	static struct mention m[MAXM];
	double ev[NCC], score[NCC], rank[NCC], w, wr, top;
	unsigned char intitle[NCC];
	unsigned char *given, *matched;
	size_t nm, a, j;
	struct country_score cs[NCC];
	int ncs = 0, c, k, dl, nout;
	const struct reading *r;

	anylang = doc_anylang(d);
	given = news_xcalloc(d->n + 1, 2);
	matched = given + d->n + 1;
	nm = collect(g, d, m, given);
	for (a = 0; a < nm; a++)
		for (j = 0; j < m[a].n; j++)
			matched[m[a].i + j] = 1;
	drop_people(d, m, nm, given, matched);
	memset(ev, 0, sizeof(ev));
	for (a = 0; a < nm; a++) {
		if (m[a].pick < 0 || (nreadings(&m[a]) != 1 && single_cc(&m[a]) < 0))
			continue;
		r = &m[a].e->r[first_valid(&m[a])];
		if (is_place(r->kind))
			credit(ev, r, kind_weight(r->kind));
	}
	choose(d, m, nm, ev);
	find_lists(d, m, nm);
	memset(score, 0, sizeof(score));
	memset(rank, 0, sizeof(rank));
	memset(intitle, 0, sizeof(intitle));
	for (a = 0; a < nm; a++) {
		const struct tok *t = &d->t[m[a].i];
		if (m[a].pick < 0)
			continue;
		r = &m[a].e->r[m[a].pick / 4];
		if (!is_place(r->kind))
			continue;
		w = kind_weight(r->kind) * zone_weight(d, t);
		if (r->flags & G_WEAK)
			w *= 0.3;
		if ((r->flags & G_COMMON) && (t->flags & (T_CAPSCTX | T_SENT))) {
			if (lower_use(d, t->h))
				continue;
			w *= 0.5;
		}
		if (fold_in(d, m[a].i + m[a].n, currency))
			w *= 0.25;
		/* an item of a list counts in full for being kept, 1/n for
		 * the order */
		wr = m[a].listn > 0 ? w / m[a].listn : w;
		if (r->flags & G_CHOOSE) {
			score[r->cc[m[a].pick % 4]] += w;
			rank[r->cc[m[a].pick % 4]] += wr;
		} else
			for (c = 0; c < r->ncc; c++) {
				score[r->cc[c]] += w;
				rank[r->cc[c]] += wr;
			}
		/* named in the title, plainly: kept whatever the others score */
		if ((t->flags & T_TITLE) && w >= kind_weight(K_DEMONYM) * W_TITLE)
			for (c = 0; c < r->ncc; c++)
				intitle[(r->flags & G_CHOOSE) ? r->cc[m[a].pick % 4] : r->cc[c]] = 1;
	}
	if ((dl = dateline(g, d)) >= 0)
		score[dl] += W_DATELINE, rank[dl] += W_DATELINE;
	for (c = 0; c < NCC; c++)
		if (score[c] > 0) {
			cs[ncs].cc = c;
			cs[ncs++].score = rank[c] + score[c] * 1e-6;
		}
	qsort(cs, (size_t)ncs, sizeof(cs[0]), cmp_score);
	nout = 0;
	top = 0;
	for (k = 0; k < ncs; k++)
		if (score[cs[k].cc] > top)
			top = score[cs[k].cc];
	for (k = 0; k < ncs && nout < max; k++) {
		/* kept, by the full scores: the first, those the title names,
		 * the best, and those of at least a share of it and a minimum */
		w = score[cs[k].cc];
		if (k > 0 && !intitle[cs[k].cc] && w < top &&
		    (w < top * KEEP_RATIO || w < KEEP_MIN))
			continue;
		out[nout++] = cs[k];
	}
	free(given);
	return nout;
}
