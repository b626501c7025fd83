/*
 * score.c: find the article in a page and prune what is not article.
 *
 * The method: every block element (p, div, li, td, h2...) gets a value
 * from its own inline text: positive for prose (long, few links, sentence
 * punctuation), negative for short or link-heavy snippets (menus, tag
 * lists, share bars).  Class and id words (article, content, post vs
 * nav, sidebar, related, share, comment, ...) and tags (nav, aside,
 * footer) damp the value of what they hold.  The score of an element is
 * the sum of the values in its subtree: the article is the subtree of
 * greatest score, a maximum-weight subtree, which merges siblings when
 * the boilerplate between them costs less than they bring, and stops
 * before a parent whose extra content is mostly negative.  Markup
 * evidence (article, itemprop=articleBody, positive class) multiplies
 * the score of a candidate.
 *
 * All walks are iterative (parent/next pointers), so depth is harmless.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "news.h"
#include "html.h"
#include "sanitize.h"
#include "text.h"
#include "extract.h"

static struct ex_node *nodes;
static size_t nnodes, capnodes;

#define INFO(n) ((struct ex_node *)(n)->_private)


/* words that mark boilerplate when found inside a class or id */
static const char *const negsub[] = {
	"advert", "affiliate", "agegate", "author-bio", "authorbio",
	"author-box", "authorbox", "autor",
	"banner", "breadcrumb", "byline", "calendar", "comment", "consent",
	"contact", "credit",
	"cookie", "copyright", "disclaimer", "disclosure", "disqus", "dropdown", "footer", "footnote-ad",
	"gdpr", "hidden", "jump", "login", "masthead", "menu", "modal",
	"more-stories", "most-popular", "mostpopular", "navbar", "navigation",
	"newsletter", "outbrain", "pager", "pagination", "paywall", "popular",
	"popup", "pressofficer", "print-only", "printonly", "noprint",
	"no-print", "promo", "recommend", "related", "share",
	"sharing", "sidebar", "signup", "skip", "social", "sponsor",
	"subscribe", "tag-cloud", "tagcloud", "taboola", "toolbar",
	"trending", "widget"
};
/* whole words only */
static const char *const negword[] = {
	"ad", "ads", "aside", "author", "bio", "date", "extra", "foot",
	"links", "meta", "more", "nav", "rss", "tags", "time", "tools",
	"topbar", "utility", "counter", "views", "rating", "ratings",
	"respond", "reply", "subscription", "cta"
};
static const char *const possub[] = {
	"article", "blog", "body", "content", "entry", "main", "post",
	"story", "text"
};

static int
word(const char *w, size_t n, const char *const *set, size_t setn)
{
	size_t i;

	for (i = 0; i < setn; i++)
		if (set[i][0] == w[0] && strlen(set[i]) == n &&
		    strncmp(set[i], w, n) == 0)
			return 1;
	return 0;
}

/*
 * The words of negsub and possub by their first two letters, so that
 * one pass over a class value finds them all: pairs[] holds up to six
 * word numbers (negsub first, then possub, plus one; 0 ends).
 */
#define NNEG (sizeof(negsub) / sizeof(negsub[0]))
#define NPOS (sizeof(possub) / sizeof(possub[0]))
static unsigned char pairs[26 * 26][6];
static size_t pairtail[NNEG + NPOS];	/* strlen of each word after its pair */

static int
pairof(const char *w)
{
	if (w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z')
		return -1;
	return (w[0] - 'a') * 26 + (w[1] - 'a');
}

static void
initpairs(void)
{
	static int done;
	size_t i, k;
	int p;

	if (done)
		return;
	done = 1;
	for (i = 0; i < NNEG + NPOS; i++) {
		p = pairof(i < NNEG ? negsub[i] : possub[i - NNEG]);
		for (k = 0; k < 6 && pairs[p][k] != 0; k++)
			;
		if (k == 6)
			news_fatal("score.c: too many class words on one pair");
		pairs[p][k] = (unsigned char)(i + 1);
		pairtail[i] = strlen((i < NNEG ? negsub[i] : possub[i - NNEG]) + 2);
	}
}

/*
 * Words that call a box a link list, an ad slot or a paywall: the claim
 * fails on a box of long prose with next to no links ("intext-links",
 * "Section--Ads" around the story's own sections, the
 * "paywall-container" that holds the story's free part).
 */
static const char *const weakwords[] = {
	"ad", "ads", "advert", "links", "related", "more", "popular",
	"most-popular", "mostpopular", "recommend", "trending", "tags",
	"extra", "promo", "sponsor", "widget", "paywall", NULL
};

static int
weakword(const char *w, size_t n)
{
	const char *const *p;

	for (p = weakwords; *p != NULL; p++)
		if ((*p)[0] == w[0] && strlen(*p) == n && strncmp(*p, w, n) == 0)
			return 1;
	return 0;
}

/*
 * One pass over the lower-cased value: a boilerplate or article word
 * found anywhere counts once each (as strstr per word did); *weak
 * counts the boilerplate words among them that weakwords holds.
 */
static void
evidence1(const char *v, int *pos, int *neg, int *weak, int *lh)
{
	char low[256];
	unsigned char seen[NNEG + NPOS];
	size_t i, k, n, start;
	int p, w;

	initpairs();
	for (n = 0; v[n] != '\0' && n + 1 < sizeof(low); n++)
		low[n] = (char)tolower((unsigned char)v[n]);
	low[n] = '\0';
	memset(seen, 0, sizeof(seen));
	for (i = 0; i + 1 < n; i++) {
		if ((p = pairof(low + i)) < 0)
			continue;
		for (k = 0; k < 6 && (w = pairs[p][k]) != 0; k++) {
			const char *word = w <= (int)NNEG ? negsub[w - 1] :
			    possub[w - 1 - NNEG];

			if (seen[w - 1] || strncmp(word + 2, low + i + 2,
			    pairtail[w - 1]) != 0)
				continue;
			/* "commentary": an opinion piece, not comments */
			if (strcmp(word, "comment") == 0 &&
			    strncmp(low + i + 7, "ar", 2) == 0)
				continue;
			seen[w - 1] = 1;
			if (w <= (int)NNEG) {
				(*neg)++;
				*weak += weakword(word, strlen(word));
			} else
				(*pos)++;
		}
	}
	for (i = 0; i <= n; i++) {
		if (isalnum((unsigned char)low[i]))
			continue;
		for (start = i; start > 0 && isalnum((unsigned char)low[start - 1]);
		    start--)
			;
		if (i > start && word(low + start, i - start, negword,
		    sizeof(negword) / sizeof(negword[0]))) {
			(*neg)++;
			*weak += weakword(low + start, i - start);
		}
	}
	/* Drupal's "field--label-hidden": the field's label is hidden,
	 * the field shows */
	*lh = strstr(low, "label-hidden") != NULL ||
	    strstr(low, "label--hidden") != NULL;
}

/*
 * evidence1() added to *pos, *neg, *weak: a class or id value's words
 * are counted once per value, pages repeat their values (a menu's
 * "menu-item menu-item-type-post_type"), so the counts of recent
 * values (of 255 bytes at most) are kept, by a hash of the value.
 */
#define EVCACHE 512
static struct {
	char *v;
	int pos, neg, weak, lh;
} evcache[EVCACHE];

static void
evidence(const char *v, int *pos, int *neg, int *weak)
{
	const unsigned char *p;
	uint32_t h = 2166136261u;
	int dp = 0, dn = 0, dw = 0, lh = 0;

	for (p = (const unsigned char *)v; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	h %= EVCACHE;
	if (p - (const unsigned char *)v > 255) {	/* not kept */
		evidence1(v, &dp, &dn, &dw, &lh);
	} else if (evcache[h].v != NULL && strcmp(evcache[h].v, v) == 0) {
		dp = evcache[h].pos;
		dn = evcache[h].neg;
		dw = evcache[h].weak;
		lh = evcache[h].lh;
	} else {
		evidence1(v, &dp, &dn, &dw, &lh);
		free(evcache[h].v);
		evcache[h].v = news_xstrdup(v);
		evcache[h].pos = dp;
		evcache[h].neg = dn;
		evcache[h].weak = dw;
		evcache[h].lh = lh;
	}
	*pos += dp;
	*neg += dn;
	*weak += dw;
	if (*neg > 0 && lh)
		(*neg)--;
	if (*weak > *neg)
		*weak = *neg;
}

/* the class and id evidence of n; *weak: 1 if it is boilerplate by
 * weak words only */
static int
classevidence(const xmlNode *n, int *weakonly)
{
	const char *v;
	int pos = 0, neg = 0, weak = 0;

	*weakonly = 0;
	if ((v = news_html_attr(n, "class")) != NULL)
		evidence(v, &pos, &neg, &weak);
	if ((v = news_html_attr(n, "id")) != NULL)
		evidence(v, &pos, &neg, &weak);
	*weakonly = neg > 0 && weak == neg;
	if ((v = news_html_attr(n, "itemprop")) != NULL &&
	    strcasecmp(v, "articleBody") == 0)
		pos += 3;
	if ((v = news_html_attr(n, "role")) != NULL) {
		if (strcmp(v, "navigation") == 0 ||
		    strcmp(v, "complementary") == 0 ||
		    strcmp(v, "contentinfo") == 0 ||
		    strcmp(v, "banner") == 0 || strcmp(v, "menu") == 0)
			neg += 2;
		else if (strcmp(v, "main") == 0 || strcmp(v, "article") == 0)
			pos += 2;
	}
	if (neg > weak)
		*weakonly = 0;
	if (neg > 0)
		return pos >= 3 * neg ? 0 : -1;
	return pos > 3 ? 3 : pos;
}

int
ex_class_evidence(const xmlNode *n)
{
	int weak;

	return classevidence(n, &weak);
}

static int
hidden(const xmlNode *n)
{
	const char *v;

	if (news_html_attr(n, "hidden") != NULL)
		return 1;
	if ((v = news_html_attr(n, "aria-hidden")) != NULL &&
	    strcmp(v, "true") == 0)
		return 1;
	if ((v = news_html_attr(n, "style")) != NULL &&
	    (news_strcasestr(v, "display:none") != NULL ||
	    news_strcasestr(v, "display: none") != NULL ||
	    news_strcasestr(v, "visibility:hidden") != NULL))
		return 1;
	return 0;
}

/* tags whose whole content is boilerplate by nature */
static int
boilertag(const char *name)
{
	switch (name[0]) {	/* (called for every element) */
	case 'a': return strcmp(name, "aside") == 0;
	case 'b': return strcmp(name, "button") == 0;
	case 'd': return strcmp(name, "dialog") == 0;
	case 'f': return strcmp(name, "footer") == 0 ||
		    strcmp(name, "form") == 0;
	case 'l': return strcmp(name, "label") == 0;
	case 'm': return strcmp(name, "menu") == 0;
	case 'n': return strcmp(name, "nav") == 0 ||
		    strcmp(name, "noscript") == 0;
	case 's': return strcmp(name, "select") == 0;
	default: return 0;
	}
}

/* the node after n's subtree in document order, within top, or NULL */
static xmlNode *
after(xmlNode *n, const xmlNode *top)
{
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* a noscript holding paragraphs: an unclosed one that swallowed the page */
static int
bignoscript(const xmlNode *top)
{
	const xmlNode *n = top->children;
	int np = 0;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->name != NULL &&
		    strcmp((const char *)n->name, "p") == 0 && ++np >= 3)
			return 1;
		n = ex_next(n, top);
	}
	return 0;
}

static struct ex_node *
newinfo(void)
{
	if (nnodes == capnodes)		/* cannot happen: counted first */
		news_fatal("node count changed");
	memset(&nodes[nnodes], 0, sizeof(nodes[0]));
	return &nodes[nnodes++];
}

static size_t
countelements(xmlNode *root)
{
	xmlNode *n = root;
	size_t c = 0;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			c++;
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
		}
		if (n == root)
			break;
		n = after(n, root);
	}
	return c;
}

/* count characters (CJK as 2) and sentence punctuation of a text node */
static void
textstats(const unsigned char *s, int *chars, int *punct, int *comma)
{
	const unsigned char *p;

	for (p = s; *p != '\0'; p++) {
		if (*p <= ' ')
			continue;
		if (*p < 0x80) {
			(*chars)++;
			if (*p == '.' || *p == '!' || *p == '?')
				(*punct)++;
			else if (*p == ',')
				(*comma)++;
			continue;
		}
		if ((*p & 0xC0) == 0x80)
			continue;
		if (*p == 0xC2 && p[1] == 0xA0)
			continue;
		if (*p >= 0xE3 && *p <= 0xED) {	/* CJK, Hangul */
			*chars += 2;
			if (*p == 0xE3 && p[1] == 0x80 && p[2] == 0x82)
				(*punct)++;
			else if (*p == 0xE3 && p[1] == 0x80 && p[2] == 0x81)
				(*comma)++;
		} else {
			(*chars)++;
			if (*p == 0xEF && p[1] == 0xBC && (p[2] == 0x8C))
				(*comma)++;
			else if (*p == 0xEF && p[1] == 0xBC &&
			    (p[2] == 0x81 || p[2] == 0x9F))
				(*punct)++;
		}
	}
}

static double
blockvalue(const struct ex_node *i, const char *name)
{
	double t = i->own, l = i->ownlink, v;
	int p;

	if (i->own == 0)
		return 0;
	v = (t - l) - 2 * l;
	p = i->punct + i->ncomma;
	if (p > 6)
		p = 6;
	if (p == 0 && t < 40) {
		/* a snippet: a menu entry, a label, a date */
		if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0 ||
		    (name[0] == 'h' && name[1] >= '1' && name[1] <= '6'))
			return v > 0 ? v * 0.5 : v;
		return (v > 0 ? v * 0.3 : v) - 10;
	}
	return v + 8 * p;
}

/*
 * "print" in a class or id: a print button ("wprm-recipe-print",
 * "share-print") or a box left out of print ("hide-for-print"), but
 * also the part of the page laid out for print, the article itself
 * ("print-full", "kb-tip-print-step", "printable").  It marks
 * boilerplate only where the element's text is short.
 */
static int
printclass(const xmlNode *n)
{
	const char *v;

	return ((v = news_html_attr(n, "class")) != NULL &&
	    news_strcasestr(v, "print") != NULL) ||
	    ((v = news_html_attr(n, "id")) != NULL &&
	    news_strcasestr(v, "print") != NULL);
}

#define PRINTSHORT 200
/* a box called a link list or an ad slot holding this much prose
 * with next to no links is no such box */
#define PROSELONG 400

/* pre-order: inherit from the parent */
static void
enter(xmlNode *n)
{
	struct ex_node *i = newinfo(), *p = NULL;
	int weak;
	const char *name = (const char *)n->name;

	n->_private = i;
	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE)
		p = INFO(n->parent);
	i->block = news_html_is_block(name);
	i->inlink = (p && p->inlink) || strcmp(name, "a") == 0;
	i->hidden = (p && p->hidden) || hidden(n) ||
	    (news_sanitize_is_dropped(name) && strcmp(name, "form") != 0 &&
	    (strcmp(name, "noscript") != 0 || !bignoscript(n))) ||
	    strcmp(name, "time") == 0;
	/* a form or noscript is boilerplate, but ASP.NET pages wrap the
	 * whole page in a form, and an unclosed noscript swallows the rest
	 * of the page: what they hold is scored, damped as boilerplate's */
	i->klass = (short)classevidence(n, &weak);
	i->small = i->klass >= 0 && printclass(n);
	i->prose = i->klass < 0 && weak && !boilertag(name);
	if (i->klass < 0 && strcmp(name, "main") == 0)
		i->klass = 0;	/* the page's one main element */
	i->neg = i->klass < 0 || boilertag(name);
}

/* the nearest block ancestor-or-self of a node */
static xmlNode *
blockof(xmlNode *n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (INFO(n)->block)
			return n;
	return NULL;
}

static void
textnode(xmlNode *t)
{
	xmlNode *b, *par = t->parent;
	struct ex_node *pi, *bi;
	int chars = 0, punct = 0, comma = 0;

	if (par == NULL || par->type != XML_ELEMENT_NODE || t->content == NULL)
		return;
	pi = INFO(par);
	if (pi->hidden)
		return;
	textstats(t->content, &chars, &punct, &comma);
	if (chars == 0 || (b = blockof(par)) == NULL)
		return;
	bi = INFO(b);
	bi->own += chars;
	bi->punct += punct;
	bi->ncomma += comma;
	if (pi->inlink)
		bi->ownlink += chars;
	pi->text += chars;
	if (pi->inlink)
		pi->link += chars;
}

/*
 * Boilerplate by markup (a share row, an author box) goes in pruning:
 * its snippets count at half their weight against what holds it, so
 * that a short post does not lose to its own first paragraph.
 */
#define NEGCHILD 0.5

/* post-order: value and sums into the parent */
static void
leave(xmlNode *n)
{
	struct ex_node *i = INFO(n), *p;

	if (i->small && i->text < PRINTSHORT) {
		i->klass = -1;
		i->neg = 1;
	}
	if (i->prose && i->text >= PROSELONG && i->link * 20 < i->text) {
		i->klass = 0;
		i->neg = 0;
	}
	if (i->hidden) {
		i->score = i->pos = i->text = i->link = 0;
		return;
	}
	if (i->block) {
		i->v = blockvalue(i, (const char *)n->name);
		if (i->v > 0)
			i->pos += i->v;
		else
			i->score += i->v;
	}
	i->score += i->pos;
	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE) {
		p = INFO(n->parent);
		/* boilerplate by markup: what it holds is no evidence
		 * for what holds it (a wrapper around the story and a
		 * long comment thread is not worth more than the story) */
		p->pos += i->neg ? 0 : i->pos;
		p->score += (i->score - i->pos) * (i->neg ? NEGCHILD : 1);
		p->text += i->text;
		p->link += i->link;
	}
}

/*
 * A block's worth as the article: its positive evidence, less half of
 * the boilerplate inside it (pruning removes that afterwards; counting
 * all of it made single paragraphs beat the article that holds them).
 */
#define NEGWEIGHT 0.5

static double
candidate(const xmlNode *n, const struct ex_node *i)
{
	double s = i->pos + NEGWEIGHT * (i->score - i->pos);
	const char *name = (const char *)n->name;

	if (s <= 0)
		return s;
	if (i->klass > 0)
		s *= 1 + 0.1 * i->klass;
	if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
		s *= 1.15;
	return s;
}

void
ex_score_done(void)
{
	free(nodes);
	nodes = NULL;
	nnodes = capnodes = 0;
}

#define NBEST 12

struct cand {
	xmlNode *n;
	double s;
};

static void
keepbest(struct cand *b, xmlNode *n, double s)
{
	int i, j;

	for (i = 0; i < NBEST && b[i].n != NULL && b[i].s >= s; i++)
		;
	if (i == NBEST)
		return;
	for (j = NBEST - 1; j > i; j--)
		b[j] = b[j - 1];
	b[i].n = n;
	b[i].s = s;
}

/* 1 if a is n or one of its ancestors */
static int
inside(const xmlNode *n, const xmlNode *a)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* the outermost boilerplate element holding n (or n), or NULL */
static xmlNode *
negof(xmlNode *n)
{
	xmlNode *a = NULL;

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (INFO(n)->neg)
			a = n;
	return a;
}

/*
 * A candidate inside boilerplate: a sidebar, a comment section.  A
 * boilerplate element holding most of the page may be a page wrapper
 * with an unlucky class; it damps what it holds only when a clean
 * candidate beside it, outside all boilerplate, is worth a fifth as
 * much (a long comment thread under a shorter article).
 */
static double
placed(const struct cand *c, int k, const struct ex_node *root)
{
	xmlNode *n;
	int j;

	for (n = c[k].n; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent) {
		if (!INFO(n)->neg)
			continue;
		if (INFO(n)->text * 2 < root->text)
			return c[k].s * 0.1;
		for (j = 0; j < NBEST && c[j].n != NULL; j++)
			if (j != k && c[j].s >= 0.2 * c[k].s &&
			    !inside(c[j].n, n) && !inside(n, c[j].n) &&
			    negof(c[j].n) == NULL)
				return c[k].s * 0.1;
	}
	return c[k].s;
}

/*
 * No block scored above its boilerplate: the smallest element holding
 * most of the page's positive evidence, found by descending from the
 * root into the child with the most of it.
 */
static xmlNode *
bypos(xmlNode *root)
{
	xmlNode *n = root, *c, *bc;
	double bp;

	if (INFO(root)->pos <= 0)
		return NULL;
	for (;;) {
		bc = NULL;
		bp = 0;
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE && INFO(c)->pos > bp) {
				bp = INFO(c)->pos;
				bc = c;
			}
		if (bc == NULL || bp < 0.75 * INFO(n)->pos)
			return n;
		n = bc;
	}
}

xmlNode *
ex_find_content(htmlDocPtr doc, struct ex_meta *m)
{
	xmlNode *root, *n, *best = NULL;
	double bests = 0, s;
	struct cand cands[NBEST];
	int k;

	(void)m;
	nnodes = 0;
	memset(cands, 0, sizeof(cands));
	if ((root = xmlDocGetRootElement(doc)) == NULL)
		return NULL;
	/* the node infos must not move: count, then fill */
	s = (double)countelements(root);
	if ((size_t)s > capnodes) {
		free(nodes);
		capnodes = (size_t)s;
		nodes = news_xreallocarray(NULL, capnodes, sizeof(*nodes));
	}
	n = root;
	for (;;) {
		if (n->type == XML_ELEMENT_NODE) {
			enter(n);
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
		} else if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			textnode(n);
		for (;;) {
			if (n->type == XML_ELEMENT_NODE) {
				leave(n);
				s = candidate(n, INFO(n));
				if (s > 0)
					keepbest(cands, n, s);
			}
			if (n == root)
				goto done;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
done:
	for (k = 0; k < NBEST && cands[k].n != NULL; k++) {
		s = placed(cands, k, INFO(root));
		if (s > bests) {
			bests = s;
			best = cands[k].n;
		}
	}
	if (best == NULL)
		best = bypos(root);
	return best;
}

static int
linkdense(const xmlNode *n, const struct ex_node *i)
{
	const char *name = (const char *)n->name;

	if (i->text == 0)
		return 0;
	if (strcmp(name, "a") == 0 || strcmp(name, "figure") == 0)
		return 0;
	return i->link * 10 > i->text * 6 && i->text < 2000;
}

/* should node n, below top, be removed? */
/* an article header holding a lead paragraph (a teaser of 80
 * characters or more): judged part by part, not dropped whole */
static int
leadin(const xmlNode *h)
{
	const xmlNode *n = h->children;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    strcmp((const char *)n->name, "p") == 0 &&
		    INFO(n)->text >= 80 && INFO(n)->link * 2 < INFO(n)->text)
			return 1;
		n = ex_next(n, h);
	}
	return 0;
}

/*
 * A picture credit standing alone: a short block of inline text only
 * (a caption, a paragraph) that opens with "Foto:", "Bild:", "Photo:",
 * "Credit:"...
 */
static const char *const creditwords[] = {
	"foto:", "fotos:", "foto ©", "bild:", "bilder:", "photo:",
	"photos:", "photo ©", "image:", "images:", "credit:", "credits:",
	"crédit", "imagen:", "titelbild:", "beitragsbild", "bildquelle",
	"(foto:", "(photo:", "©", "quelle:", "źródło:", "fuente:", NULL
};

/*
 * A caption that ends with its credit: "Puerto de Montevideo. Foto:
 * Archivo", "Ski-Star. © AFP / MARCO BERTORELLO", "(Foto: Privat)".
 * The credit is the last words of a short block: short itself, no
 * further sentence after it.
 */
static const char *const tailcredits[] = {
	"foto:", "fotos:", "(foto ", "photo:", "photos:", "photograph:",
	"bild:", "kuva:", "credit:", "crédito:", "image:", "imagen:",
	"(quelle:", "(source:", "(fuente:", "zdjęcie:", "©", "(reuters/",
	"(ap photo", "(afp/", "(efe/", "(getty", "(dpa/", NULL
};

static int
creditend(const char *s)
{
	const char *const *w;
	const char *p, *q, *last = NULL, *from;
	size_t n = strlen(s);
	int paren;

	/* a credit is in the last 70 bytes; one before cannot count */
	from = n > 70 ? s + n - 70 : s;
	for (w = tailcredits; *w != NULL; w++)
		for (p = from; (q = news_strcasestr(p, *w)) != NULL; p = q + 1)
			if ((q == s || q[-1] == ' ' || q[-1] == '(' ||
			    q[-1] == '|') && (last == NULL || q > last))
				last = q;
	if (last == NULL || last == s || strlen(last) > 70)
		return 0;
	/* "(Foto: dpa)": a credit in brackets closing the caption */
	paren = (last[0] == '(' || last[-1] == '(') &&
	    strchr(last, ')') == last + strlen(last) - 1;
	for (p = last; *p != '\0' && *p != ' ' && *p != ':'; p++)
		;
	while (*p == ':' || *p == ' ')
		p++;
	if (islower((unsigned char)*p) && !paren)
		return 0;	/* "... ©" in a sentence: no name follows */
	for (; *p != '\0'; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
		    isupper((unsigned char)p[2]) && (q = strchr(p + 3, ' '))
		    != NULL && strchr(q + 1, ' ') != NULL)
			return 0;	/* a sentence follows: prose */
	return 1;
}

/*
 * A caption that ends with a picture agency: "Stapel mit Ziegeln /
 * Shutterstock", "(mlharing / iStock.com)", "Judy Eddy/WENN.com",
 * "Photo by ev on Unsplash".
 */
static const char *const agencies[] = {
	"shutterstock", "istock", "getty images", "gettyimages", "fotolia",
	"pixabay", "unsplash", "adobe stock", "adobestock", "stock.adobe",
	"imago", "picture alliance", "picture-alliance", "clipdealer",
	"depositphotos", "123rf", "pexels", "colourbox", "alamy",
	"wenn.com", "dreamstime", "keystone", "xinhua", NULL
};

static int
agencyend(const char *s)
{
	const char *const *w;
	const char *p, *q, *e;
	size_t n = strlen(s);

	for (w = agencies; *w != NULL; w++)
		/* at most 6 bytes after it: look only there */
		for (p = n > strlen(*w) + 6 ? s + n - strlen(*w) - 6 : s;
		    (q = news_strcasestr(p, *w)) != NULL; p = q + 1) {
			e = q + strlen(*w);
			/* at most ".com)" after it */
			if (n - (size_t)(e - s) > 6 || strchr(e, ' ') != NULL)
				continue;
			return 1;
		}
	return 0;
}

static int
credit(const xmlNode *n, const struct ex_node *i)
{
	const char *const *w;
	char *s;
	int r = 0;

	if (i->text == 0 || i->text > 250 || i->own != i->text)
		return 0;	/* a leaf block only: not a caption around it */
	s = ex_node_text(n);
	if (i->text <= 80)
		for (w = creditwords; *w != NULL && !r; w++)
			r = strncasecmp(s, *w, strlen(*w)) == 0;
	if (!r)
		r = strncasecmp(s, "image caption", 13) == 0 ||
		    strncasecmp(s, "media caption", 13) == 0;
	if (!r)
		r = creditend(s) || agencyend(s);
	free(s);
	return r;
}

/* an advertisement's label standing alone: "Anzeige", "Advertisement" */
static const char *const adlabels[] = {
	"advertisement", "advertising", "anzeige", "werbung", "publicidad",
	"espacio publicitario", "publicité", "publicite", "pubblicità",
	"publicidade", "reklama", "advertentie", "sponsored", "ad",
	"anuncio", "реклама", NULL
};

static int
adlabel(const xmlNode *n, const struct ex_node *i)
{
	const char *const *w;
	char *s, *p;
	size_t k;
	int r = 0;

	if (i->text == 0 || i->text > 24 || i->own != i->text)
		return 0;
	s = ex_node_text(n);
	for (p = s; *p == '-' || *p == ' ' || *p == '*' || *p == '['; p++)
		;
	k = strlen(p);
	while (k > 0 && strchr("-: *]", p[k - 1]) != NULL)
		k--;
	for (w = adlabels; *w != NULL && !r; w++)
		r = strlen(*w) == k && strncasecmp(p, *w, k) == 0;
	free(s);
	return r;
}

/* a disclosure: "Anzeige, enthält Affiliate Links", "*Werbung. Dieser
 * Beitrag enthält Werbung für ..." */
static int
disclosure(const xmlNode *n, const struct ex_node *i)
{
	const char *const *w;
	char *s, *p;
	size_t k;
	int r = 0;

	if (i->text == 0 || i->text > 100 || i->own != i->text)
		return 0;
	s = ex_node_text(n);
	for (p = s; *p == ' ' || *p == '*' || *p == '['; p++)
		;
	for (w = adlabels; *w != NULL && !r; w++)
		r = strlen(*w) > 2 && strncasecmp(p, *w, (k = strlen(*w))) == 0 &&
		    (p[k] == ',' || p[k] == '.' || p[k] == '|' ||
		    (p[k] == ' ' && p[k + 1] == '-'));
	free(s);
	return r;
}

static int
isheading(const char *name)
{
	return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	    name[2] == '\0';
}

/*
 * A teaser card: a small box whose heading is a link to another page
 * (the headline of another story), with a picture or a line of summary
 * beside it ("Other opinion columns", "Related" cards inside the text).
 * The headline is a good part of the box's text; a heading linking
 * inside the page (#anchor) is the story's own.
 */
/* the target of the first link in h, or NULL */
static const char *
firsthref(const xmlNode *h)
{
	const xmlNode *n = h;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "a") == 0)
			return news_html_attr(n, "href");
		n = ex_next(n, h);
	}
	return NULL;
}

static int
linkheading(const xmlNode *h)
{
	const struct ex_node *i = INFO(h);
	const char *v;

	return i->text >= 15 && i->link * 10 >= i->text * 8 &&
	    (v = firsthref(h)) != NULL && v[0] != '#' && v[0] != '\0';
}

/* a heading linking to itself: "<h2 id=x><a href=#x>" */
static int
selflink(const xmlNode *h)
{
	const char *v = firsthref(h);

	return v != NULL && v[0] == '#';
}

static int
teaser(const xmlNode *c, const struct ex_node *i, const struct ex_node *top)
{
	const xmlNode *n = c;
	const char *name = (const char *)c->name;
	int budget = 80;

	if (i->text < 30 || i->text > 400 || i->text * 5 > top->text ||
	    (strcmp(name, "div") != 0 && strcmp(name, "li") != 0 &&
	    strcmp(name, "article") != 0 && strcmp(name, "section") != 0))
		return 0;
	for (n = c->children; n != NULL && budget-- > 0; ) {
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    isheading((const char *)n->name))
			return INFO(n)->text * 100 >= i->text * 15 &&
			    linkheading(n);
		n = ex_next(n, c);
	}
	return 0;
}

/* a way back standing alone: "Zurück zu allen Meldungen", "« Back to
 * overview", "Retour à la liste" */
static const char *const backwords[] = {
	"zurück zu", "zurück zum", "zurück zur", "back to", "retour à",
	"retour au", "volver a", "torna a", "powrót do", "terug naar", NULL
};

static int
backline(const xmlNode *n, const struct ex_node *i)
{
	const char *const *w;
	char *s, *p;
	size_t k;
	int r = 0;

	if (i->text == 0 || i->text > 50 || (i->block ? i->own != i->text :
	    strcmp((const char *)n->name, "a") != 0))
		return 0;	/* a block of its own text, or a link */
	s = ex_node_text(n);
	for (p = s; *p != '\0' && !isalpha((unsigned char)*p) &&
	    (unsigned char)*p != 0xC3; p++)
		;		/* "« ", "< ", "← " */
	k = strlen(p);
	if (k > 0 && strchr(".!?", p[k - 1]) == NULL)
		for (w = backwords; *w != NULL && !r; w++)
			r = strncasecmp(p, *w, strlen(*w)) == 0 &&
			    (p[strlen(*w)] == ' ' || p[strlen(*w)] == '\0');
	free(s);
	return r;
}

static int
prunable(const xmlNode *n, const struct ex_node *top)
{
	const struct ex_node *i = INFO(n);
	const char *name = (const char *)n->name;

	if (i->hidden)
		return 1;
	if (boilertag(name) || strcmp(name, "input") == 0)
		return 1;
	/* a header of long text with few links holds more than a title
	 * and a byline: a lead in a div, or the article it swallowed (an
	 * unclosed element inside it) */
	if (strcmp(name, "header") == 0 && !leadin(n) &&
	    (i->text < 150 || i->link * 3 > i->text))
		return 1;
	if (i->klass < 0 && i->text * 10 < top->text * 6)
		return 1;
	if (i->block && linkdense(n, i) && !(isheading(name) &&
	    selflink(n)))
		return 1;
	if (i->block && (credit(n, i) || adlabel(n, i) || disclosure(n, i)))
		return 1;
	if (backline(n, i))
		return 1;
	if (teaser(n, i, top))
		return 1;
	return 0;
}

/*
 * The lead (standfirst, teaser, intro) of a story often stands in the
 * page's header, before the block chosen as the article: a short
 * paragraph of prose whose class or id names it.  It is looked for in
 * the few elements before the article and its nearest ancestors.
 */
static const char *const leadwords[] = {
	"intro", "lead", "teaser", "excerpt", "standfirst", "summary",
	"abstract", "chapo", "bajada", "subtitle", "sub-title",
	"subheadline", "sub-headline", "deck", NULL
};

/* n holds a picture: its text is a caption */
static int
hasmedia(const xmlNode *top)
{
	const xmlNode *n = top;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && (strcmp((const char *)
		    n->name, "figure") == 0 || strcmp((const char *)n->name,
		    "figcaption") == 0 || strcmp((const char *)n->name,
		    "img") == 0))
			return 1;
		n = ex_next(n, top);
	}
	return 0;
}

static int
leadnode(const xmlNode *n)
{
	const struct ex_node *i = INFO(n);
	const char *const *w;
	const char *c, *id;

	if (i == NULL || !i->block || i->hidden || i->neg || i->klass < 0 ||
	    strcmp((const char *)n->name, "figcaption") == 0 ||
	    i->text < 60 || i->text > 1000 || i->link * 4 > i->text)
		return 0;
	c = news_html_attr(n, "class");
	id = news_html_attr(n, "id");
	if (c != NULL && news_strcasestr(c, "caption") != NULL)
		return 0;
	for (w = leadwords; *w != NULL; w++)
		if ((c != NULL && news_strcasestr(c, *w) != NULL) ||
		    (id != NULL && news_strcasestr(id, *w) != NULL))
			return !hasmedia(n);
	return 0;
}

/* the first lead in the subtree of s, looking at a few nodes only */
static xmlNode *
leadin_subtree(xmlNode *s)
{
	xmlNode *n = s;
	int budget = 60;

	while (n != NULL && budget-- > 0) {
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL) {
			if (INFO(n)->hidden || INFO(n)->neg)
				goto skip;
			if (leadnode(n))
				return n;
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
		}
skip:
		n = after(n, s);
	}
	return NULL;
}

/* the article repeats the lead's opening words already */
static int
repeated(const xmlNode *lead, const xmlNode *top)
{
	char *l = ex_node_text(lead), *t;
	size_t n = strlen(l);
	int r;

	if (n > 40)
		n = 40;
	while (n > 0 && ((unsigned char)l[n] & 0xC0) == 0x80)
		n--;		/* whole characters */
	l[n] = '\0';
	t = ex_node_text(top);
	r = strstr(t, l) != NULL;
	free(l);
	free(t);
	return r;
}

static xmlNode *
findlead(xmlNode *top)
{
	xmlNode *a, *s, *l;
	int up, k;

	for (a = top, up = 0; up < 3 && a != NULL &&
	    a->type == XML_ELEMENT_NODE && a->_private != NULL &&
	    strcmp((const char *)a->name, "body") != 0; up++, a = a->parent)
		for (s = a->prev, k = 0; s != NULL && k < 4; s = s->prev) {
			if (s->type != XML_ELEMENT_NODE || s->_private == NULL)
				continue;
			k++;
			if ((l = leadin_subtree(s)) != NULL)
				return repeated(l, top) ? NULL : l;
		}
	return NULL;
}

void
ex_prune(xmlNode *top, struct ex_meta *m)
{
	xmlNode *n, *next;
	const struct ex_node *ti;

	(void)m;
	if (top == NULL || top->children == NULL)
		return;
	ti = INFO(top);
	if ((n = findlead(top)) != NULL) {
		xmlUnlinkNode(n);
		xmlAddPrevSibling(top->children, n);
	}
	n = top->children;
	while (n != NULL) {
		if ((n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    prunable(n, ti)) || n->type == XML_COMMENT_NODE) {
			next = after(n, top);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		n = after(n, top);
	}
}

/*
 * The tail of an article: a heading or a short label such as "Related
 * posts", "Mehr zum Thema", "À lire aussi", "Share this" opens what
 * follows the story (links, teasers, comments).  Such a label in the
 * second half of the text cuts the article there; earlier, only the
 * label and a link list right after it go.
 */
static const char *const tailwords[] = {
	/* en */
	"related", "read more", "read also", "also read", "more on this",
	"more from", "more stories", "more articles", "more news",
	"you may also like", "you might also like", "you may be interested",
	"recommended", "see also", "latest news", "latest articles",
	"latest posts", "recent posts", "popular", "most read",
	"most popular", "trending", "share this", "share on", "share:",
	"comments", "leave a comment", "leave a reply", "about the author",
	"sign up", "subscribe", "newsletter", "if you enjoyed", "tags:",
	"follow us", "advertisement", "no comments", "view comments",
	"responses", "replies", "join the discussion", "more to read",
	"contact", "original publication", "published in", "our partners",
	"permalink", "about this series", "next article", "previous article",
	"next post", "previous post",
	/* de */
	"mehr zum thema", "mehr zu", "mehr dazu", "mehr aus", "hnliche",
	"weitere ",
	"weitere informationen", "das könnte sie auch",
	"das koennte sie auch", "auch interessant", "lesen sie auch",
	"lesen sie mehr", "neueste artikel", "neueste beitr",
	"beliebte", "meistgelesen", "empfehlungen", "diese seite teilen",
	"artikel teilen", "beitrag teilen", "teilen:", "teilen mit",
	"kommentare", "kommentar schreiben", "verwandte", "zum thema",
	"schlagwörter", "themen:", "quellen", "zusatzinformationen",
	"das könnte dich", "aktuelle", "zuletzt", "keine kommentare",
	"schon gelesen", "lust auf mehr", "zum weiterlesen",
	"weiterführende", "mehr themen", "top themen", "mehr interessantes",
	"über den autor", "über die autorin", "kontakt", "originalpublikation",
	"erschienen in", "unsere partner", "termine", "über diese reihe",
	"vorschau auf den nächsten", "nächster artikel", "vorheriger artikel",
	/* fr */
	"à lire aussi", "lire aussi", "a lire aussi", "sur le même sujet",
	"articles similaires", "voir aussi", "partager", "commentaires",
	"dans la même rubrique", "les plus lus", "nos derniers",
	"vos réactions", "réactions", "audios et vidéos", "permalien",
	"article suivant", "article précédent",
	/* es, pt, it */
	"noticias relacionadas", "temas relacionados", "notas relacionadas",
	"te puede interesar", "lee también",
	"leer más", "más noticias", "artículos relacionados",
	"compartir", "comentarios", "síguenos", "siguenos",
	"contexto de la noticia",
	"leia também", "veja também", "notícias relacionadas",
	"compartilhe", "comentários", "leggi anche", "articoli correlati",
	"potrebbe interessarti", "condividi", "commenti",
	/* nl, pl, ru */
	"lees ook", "gerelateerd", "meer nieuws", "deel dit", "reacties",
	"czytaj także", "czytaj też", "zobacz także",
	"podobne", "читайте "
	"также",
	NULL
};

/* anywhere in a short label (lowered) */
static const char *const morewords[] = {
	"auch interessieren", "also be interested", "might also like",
	"may also like", "might be interested", "may be interested",
	"pourrait vous intéresser", "pourraient vous intéresser",
	"puede interesar", "pueden interesar", "potrebbe interessar",
	"possa interessar", NULL
};

/* 1 if the short text s opens the tail of a page */
static int
tailtext(const char *s)
{
	const char *const *w;
	char low[64];
	size_t n, k;

	while (*s != '\0' && !isalpha((unsigned char)*s) &&
	    (unsigned char)*s < 0x80)
		s++;		/* "3 Kommentare", "(12) Comments" */
	if ((unsigned char)s[0] == 0xC3 && ((unsigned char)s[1] == 0x84 ||
	    (unsigned char)s[1] == 0xA4))
		s += 2;		/* Ä, ä: "Ähnliche" */
	n = strlen(s);
	if (n == 0 || n > 60)
		return 0;
	/* "Über den Autor", "À lire aussi": Latin-1 capitals lowered */
	for (k = 0; k <= n; k++) {
		low[k] = s[k];
		if (k > 0 && (unsigned char)s[k - 1] == 0xC3 &&
		    (unsigned char)s[k] >= 0x80 && (unsigned char)s[k] <= 0x9E &&
		    (unsigned char)s[k] != 0x97)
			low[k] = (char)((unsigned char)s[k] + 0x20);
	}
	s = low;
	for (w = tailwords; *w; w++)
		if (strncasecmp(s, *w, strlen(*w)) == 0)
			return 1;
	/* an offer of more: "Das Thema könnte dich auch interessieren:" */
	for (w = morewords; *w; w++)
		if (news_strcasestr(s, *w) != NULL)
			return 1;
	/* a share prompt: "NEWS TEILEN:", "Be Sociable, Share!" */
	if (n <= 40 && n > 6 && (strncasecmp(s + n - 7, "teilen:", 7) == 0 ||
	    strncasecmp(s + n - 7, "teilen?", 7) == 0 ||
	    strncasecmp(s + n - 6, "share!", 6) == 0 ||
	    strncasecmp(s + n - 6, "share:", 6) == 0))
		return 1;
	/* a label alone: "Related", "Teilen", "Share" */
	return strcasecmp(s, "share") == 0 || strcasecmp(s, "teilen") == 0 ||
	    strcasecmp(s, "tags") == 0 || strcasecmp(s, "themen") == 0;
}

/* a heading, or a block whose whole text is short */
static int
labelnode(const xmlNode *n)
{
	const char *name = (const char *)n->name;
	const struct ex_node *i = INFO(n);

	if (i == NULL || i->text == 0 || i->text > 60)
		return 0;
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	    name[2] == '\0')
		return 1;
	return strcmp(name, "p") == 0 || strcmp(name, "div") == 0 ||
	    strcmp(name, "strong") == 0 || strcmp(name, "b") == 0 ||
	    strcmp(name, "span") == 0 || strcmp(name, "section") == 0 ||
	    strcmp(name, "dt") == 0;
}

static void
freeafter(xmlNode *n, xmlNode *top)
{
	xmlNode *x, *next;

	/* n's later siblings, then those of each ancestor below top */
	for (; n != NULL && n != top; n = n->parent)
		for (x = n->next; x != NULL; x = next) {
			next = x->next;
			xmlUnlinkNode(x);
			xmlFreeNode(x);
		}
}

/* what follows n in top is short or mostly links */
static int
tailish(xmlNode *n, xmlNode *top, long all)
{
	long text = 0, link = 0;
	int c, p, k;

	for (n = after(n, top); n != NULL; ) {
		if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    n->parent->_private != NULL && !INFO(n->parent)->hidden) {
			c = p = k = 0;
			textstats(n->content, &c, &p, &k);
			text += c;
			if (INFO(n->parent)->inlink)
				link += c;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		n = after(n, top);
	}
	return text * 100 < all * 15 || link * 100 > text * 35;
}

/*
 * A line in the last third of the text that is no part of the story,
 * even before its end: a call to follow the site on a network ("Follow
 * The Gleaner on Twitter", "Síguenos en Telegram"), to subscribe or
 * support, or the post's own record ("Der Beitrag wurde am ...
 * veröffentlicht", "Filed under").  The test is stricter than at the
 * very end: a network with a call to follow, or an opening that is
 * such a call.
 */
static const char *const followwords[] = {
	"follow", "folg", "síguenos", "siguenos", "síganos", "suivez",
	"seguici", "siga-nos", "segue-nos", "join", "únete", "unete",
	"like us", "find us", "abonn", "subscribe", "suscr", "canal de",
	"channel", "kanal", NULL
};
static const char *const networks[] = {
	"facebook", "twitter", "instagram", "telegram", "whatsapp",
	"youtube", "tiktok", "linkedin", "pinterest", "google news",
	"mastodon", NULL
};
static const char *const closingstarts[] = {
	"if you enjoyed", "support our", "support us", "unterstütze",
	"gefällt dir", "lust auf mehr", "download our app", "get the latest",
	"never miss", "stay up-to-date", "stay up to date", "sign up for",
	"sign up to", "subscribe to", "hazte miembro", "werden sie mitglied",
	"besuchen sie unseren", "to view the full story",
	"der beitrag wurde am", "dieser beitrag wurde am",
	"dieser text wurde veröffentlicht", "erstellt am",
	"this entry was posted", "filed under", "last modified",
	"zuletzt aktualisiert", "zuletzt geändert", NULL
};

static int
closingline(const char *s)
{
	const char *const *w;
	int f = 0, k = 0;

	while (*s != '\0' && !isalnum((unsigned char)*s) &&
	    (unsigned char)*s < 0x80)
		s++;
	for (w = closingstarts; *w != NULL; w++)
		if (strncasecmp(s, *w, strlen(*w)) == 0)
			return 1;
	for (w = followwords; *w != NULL && !f; w++)
		f = news_strcasestr(s, *w) != NULL;
	for (w = networks; *w != NULL; w++)
		if (news_strcasestr(s, *w) != NULL)
			k++;
	return (f && k > 0) || (k >= 2 && strlen(s) <= 160);
}

/* n is a short block of its own text in the last third of top */
static int
closingblock(const xmlNode *n, long before, long all)
{
	const struct ex_node *i = INFO(n);
	const char *name = (const char *)n->name;
	char *s;
	int r;

	if (!i->block || i->text < 10 || i->text > 300 || i->own != i->text ||
	    before * 3 < all * 2 || strcmp(name, "li") == 0 ||
	    strcmp(name, "td") == 0 || strcmp(name, "th") == 0 ||
	    strcmp(name, "blockquote") == 0 || strcmp(name, "pre") == 0)
		return 0;
	s = ex_node_text(n);
	r = closingline(s);
	free(s);
	return r;
}

static void
cutlabels(xmlNode *top)
{
	xmlNode *n, *next;
	long before = 0, all;
	char *s;

	if (top == NULL || top->_private == NULL ||
	    (all = INFO(top)->text) == 0)
		return;
	n = top->children;
	while (n != NULL) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			int c = 0, p = 0, k = 0;

			textstats(n->content, &c, &p, &k);
			before += c;
		}
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    closingblock(n, before, all)) {
			next = after(n, top);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    labelnode(n)) {
			s = ex_node_text(n);
			if (tailtext(s)) {
				free(s);
				next = after(n, top);
				if (before * 2 >= all && tailish(n, top, all)) {
					freeafter(n, top);
					xmlUnlinkNode(n);
					xmlFreeNode(n);
					return;	/* the tail is gone */
				}
				/* the label and a link list after it */
				if (next != NULL && next == n->next &&
				    next->type == XML_ELEMENT_NODE &&
				    next->_private != NULL &&
				    INFO(next)->link * 2 > INFO(next)->text) {
					xmlNode *list = next;

					next = after(next, top);
					xmlUnlinkNode(list);
					xmlFreeNode(list);
				}
				xmlUnlinkNode(n);
				xmlFreeNode(n);
				n = next;
				continue;
			}
			free(s);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		n = after(n, top);
	}
}

/*
 * The last words of the text, once the tail is cut, are often still
 * boilerplate standing alone at the end: a short label ("Autoren:",
 * "Kontakt", "Schlagworte"), a name, a few links.  Such blocks go,
 * from the end backwards, up to the first one of prose (a fifth of the
 * text at most; list items, cells, quotes and code stay).
 */
#define TRIMMAX 6

/* the block holding the last visible text in top, or NULL */
static xmlNode *
lastblock(xmlNode *top)
{
	xmlNode *n = top, *b;
	const char *p;

	while (n->last != NULL)
		n = n->last;
	while (n != top) {
		if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    n->parent->_private != NULL && !INFO(n->parent)->hidden) {
			for (p = (const char *)n->content; *p != '\0' &&
			    isspace((unsigned char)*p); p++)
				;
			if (*p != '\0') {
				b = blockof(n->parent);
				return b != NULL && b != top &&
				    inside(b, top) ? b : NULL;
			}
		}
		if (n->prev != NULL) {
			n = n->prev;
			while (n->last != NULL)
				n = n->last;
		} else
			n = n->parent;
	}
	return NULL;
}

/*
 * A closing line that is no part of the story: a call to follow, to
 * subscribe, to support the publication, or a copyright notice.
 */
static const char *const promowords[] = {
	"follow us", "follow the", "folgen sie", "folge uns", "síguenos",
	"siguenos", "suivez-nous", "seguici", "sign up", "subscribe",
	"abonnier", "newsletter", "suscríbete", "suscribete", "abonnez",
	"subskrypcj", "all rights reserved", "alle rechte vorbehalten",
	"derechos reservados", "droits réservés", "diritti riservati",
	"prawem autorskim", "copyright", "©", "support our", "support us",
	"unterstütze", "if you enjoyed", "gefällt dir", "lust auf mehr",
	"download our app", "unsere app", "nuestra app", NULL
};
static const char *const socialwords[] = {
	"facebook", "twitter", "instagram", "telegram", "whatsapp",
	"youtube", "tiktok", "linkedin", NULL
};

static int
promo(const char *s)
{
	const char *const *w;
	int k = 0;

	for (w = promowords; *w != NULL; w++)
		if (news_strcasestr(s, *w) != NULL)
			return 1;
	for (w = socialwords; *w != NULL; w++)
		if (news_strcasestr(s, *w) != NULL && ++k == 2)
			return 1;	/* "on Facebook and Twitter" */
	return 0;
}

static int
trailjunk(xmlNode *b)
{
	const struct ex_node *i = INFO(b);
	const char *name = (const char *)b->name;
	char *s;
	size_t n;
	int r = 0;

	if (i == NULL || i->text == 0 || i->text > 400)
		return 0;
	if (strcmp(name, "li") == 0 || strcmp(name, "td") == 0 ||
	    strcmp(name, "th") == 0 || strcmp(name, "dd") == 0 ||
	    strcmp(name, "pre") == 0 || strcmp(name, "blockquote") == 0)
		return 0;
	if (i->link * 2 > i->text && i->text <= 200)
		return 1;	/* a few links */
	s = ex_node_text(b);
	n = strlen(s);
	if (n > 0 && s[n - 1] == ':' && n <= 40)
		r = 1;		/* a label whose list is gone */
	else if (n > 0 && n <= 30 && strchr(".!?\"”“»)", s[n - 1]) == NULL)
		r = 1;		/* a word or two: a name, a label */
	else if (n <= 300 && promo(s))
		r = 1;
	free(s);
	return r;
}

static void
trimtail(xmlNode *top)
{
	xmlNode *b;
	long cut = 0, all = INFO(top)->text;
	int k;

	/* a label or two words counts for a third of a block */
	for (k = 0; k < 3 * TRIMMAX && (b = lastblock(top)) != NULL; ) {
		if (!trailjunk(b) || (cut + INFO(b)->text) * 5 > all)
			break;
		k += INFO(b)->text <= 30 ? 1 : 3;
		cut += INFO(b)->text;
		xmlUnlinkNode(b);
		xmlFreeNode(b);
	}
}

/*
 * The head of the text, likewise: before the first paragraph of prose
 * stand kickers, category labels, breadcrumbs, date lines ("23.10.2018",
 * "3:59 PM", "24. März 2004, 19:49 | Genesis").  Such blocks go from the
 * start up to the first one of prose; headings stay and are passed.
 */

/* the block holding the first visible text in top after node from
 * (from the start if from is NULL), or NULL */
static xmlNode *
nextblock(xmlNode *top, xmlNode *from)
{
	xmlNode *n, *b;
	const char *p;

	n = from == NULL ? top->children : after(from, top);
	while (n != NULL) {
		if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    n->parent->_private != NULL && !INFO(n->parent)->hidden) {
			for (p = (const char *)n->content; *p != '\0' &&
			    isspace((unsigned char)*p); p++)
				;
			if (*p != '\0') {
				b = blockof(n->parent);
				return b != NULL && b != top &&
				    inside(b, top) ? b : NULL;
			}
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		n = after(n, top);
	}
	return NULL;
}

/* s holds a date or a time: 23.10.2018, 2021-10-16, 19:49 */
static int
datelike(const char *s)
{
	const char *p;
	size_t a, b;

	for (p = s; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || (p > s &&
		    isdigit((unsigned char)p[-1])))
			continue;
		a = strspn(p, "0123456789");
		if (a <= 2 && p[a] == ':' && isdigit((unsigned char)p[a + 1]) &&
		    isdigit((unsigned char)p[a + 2]))
			return 1;
		if (a <= 4 && (p[a] == '.' || p[a] == '/' || p[a] == '-') &&
		    (b = strspn(p + a + 1, "0123456789")) >= 1 && b <= 2 &&
		    p[a + 1 + b] == p[a] &&
		    isdigit((unsigned char)p[a + 2 + b]))
			return 1;
	}
	return 0;
}

/* the element after b is a list or a table */
static int
listnext(const xmlNode *b)
{
	const xmlNode *n;
	const char *name;

	for (n = b->next; n != NULL && n->type != XML_ELEMENT_NODE;
	    n = n->next)
		;
	if (n == NULL)
		return 0;
	name = (const char *)n->name;
	return strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 ||
	    strcmp(name, "dl") == 0 || strcmp(name, "table") == 0;
}

/* 1 junk, 0 prose (stop), -1 pass over (a heading) */
static int
headjunk(xmlNode *b)
{
	const struct ex_node *i = INFO(b);
	const char *name = (const char *)b->name;
	char *s;
	size_t n;
	int r = 0;

	if (i == NULL || i->text == 0 || i->text > 400)
		return 0;
	if (isheading(name))
		return -1;
	if (i->link * 2 > i->text && i->text <= 200)
		return 1;	/* a breadcrumb, a few links */
	if (strcmp(name, "li") == 0 || strcmp(name, "td") == 0 ||
	    strcmp(name, "th") == 0 || strcmp(name, "dd") == 0 ||
	    strcmp(name, "pre") == 0 || strcmp(name, "blockquote") == 0)
		return 0;
	s = ex_node_text(b);
	n = strlen(s);
	if (n > 0 && s[n - 1] == ':' && n <= 40)
		r = !listnext(b);	/* a label, not a list's */
	else if (n > 0 && n <= 30 && strchr(".!?\"”“»),", s[n - 1]) == NULL)
		r = 1;		/* a word or two: a kicker, a category */
	else if (n > 0 && n <= 80 && datelike(s) &&
	    strchr(".!?", s[n - 1]) == NULL)
		r = 1;		/* a date line */
	free(s);
	return r;
}

/* the text of the page's title element (malloc'd), or NULL */
static char *
doctitle(const xmlNode *top)
{
	const xmlNode *n;

	if (top->doc == NULL || (n = xmlDocGetRootElement(top->doc)) == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "head") == 0)
			break;
	if (n == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "title") == 0)
			return ex_node_text(n);
	return NULL;
}

/* the heading b repeats the page's title ("Headline - Site") */
static int
titleheading(xmlNode *b, const char *title)
{
	char *s;
	int r;

	if (title == NULL || INFO(b)->text < 10)
		return 0;
	s = ex_node_text(b);
	r = strlen(s) >= 10 && news_strcasestr(title, s) != NULL;
	free(s);
	return r;
}

/* free the heading h[m], forgetting the later ones inside it */
static void
dropheading(xmlNode **h, int m, int n, long *cut)
{
	int i;

	for (i = m + 1; i < n; i++)
		if (h[i] != NULL && inside(h[i], h[m]))
			h[i] = NULL;
	*cut += INFO(h[m])->text;
	xmlUnlinkNode(h[m]);
	xmlFreeNode(h[m]);
	h[m] = NULL;
}

static void
trimhead(xmlNode *top)
{
	xmlNode *b, *from = NULL, *passed[TRIMMAX];
	long cut = 0, all = INFO(top)->text;
	int k, j, np = 0, m;
	char *title = NULL;
	int titled = 0;

	for (k = 0; k < TRIMMAX && (b = nextblock(top, from)) != NULL; k++) {
		if ((j = headjunk(b)) == 0 || (cut + INFO(b)->text) * 5 > all)
			break;
		/* the headings before the first prose: the one that
		 * repeats the title goes (once), and the short ones
		 * before it with it: kickers, section names
		 * ("Pressemitteilungen", "Suchbegriff") */
		if (j < 0 && !titled) {
			if (title == NULL)
				title = doctitle(top);
			if (titleheading(b, title)) {
				j = 1;
				titled = 1;
				for (m = 0; m < np; m++)
					if (passed[m] != NULL &&
					    INFO(passed[m])->text <= 40 &&
					    !inside(b, passed[m]))
						dropheading(passed, m, np,
						    &cut);
				if (np > 0)
					from = NULL;
				np = 0;
			}
		}
		if (j < 0) {
			if (!titled && np < TRIMMAX)
				passed[np++] = b;
			from = b;
			continue;
		}
		cut += INFO(b)->text;
		/* a block holding a heading passed over: start again */
		if (from != NULL && inside(from, b))
			from = NULL;
		for (m = 0; m < np; )
			if (passed[m] == NULL || inside(passed[m], b))
				passed[m] = passed[--np];
			else
				m++;
		xmlUnlinkNode(b);
		xmlFreeNode(b);
	}
	free(title);
}

void
ex_cut_tail(xmlNode *top)
{
	if (top == NULL || top->_private == NULL || INFO(top)->text == 0)
		return;
	cutlabels(top);
	trimtail(top);
	trimhead(top);
}
