/*
 * pages.c: the static site: article pages, listings (home, category,
 * country, tag, author, month, day) in stable pages, the group indexes
 * (tag cloud), the archive, 404, robots.txt, the theme's files, and the
 * feeds and sitemaps through feeds.c.
 *
 * Listings are cut into pages counted from the oldest article: page k of
 * a listing holds its articles (k-1)*P .. k*P-1 in date order and so
 * never changes when newer articles arrive; index.html shows the newer
 * ones, P to 2P-1 of them, none of which is on a numbered page.
 * Nothing on a page depends on the time of the run, so a re-run rewrites
 * only what changed.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "news.h"
#include "cal.h"
#include "hash.h"
#include "render.h"
#include "text.h"
#include "url.h"

#define MAXRELATED 6

struct render {
	uint64_t salt;		/* theme and options, for fingerprints */
	struct site *s;
	const struct options *o;
	struct out *out;
	struct tmpl_set *ts;
	struct news_cal *cal;
	struct news_buf page;	/* the page being rendered */
	json_t *about;		/* --about or the theme's about.txt */
	const struct group **cmenu;	/* the header's country menu */
	size_t ncmenu;
	const struct group **cloud;	/* the tags beside the listings */
	size_t ncloud;
	int *cloud_size;	/* 1..5 */
	uint64_t cloud_hash;
	int failed;
};

#define LATEST 5	/* articles in the sidebar of an article page */
#define CLOUD 30	/* tags in the sidebar of a listing */

/* ---- small JSON helpers ---- */

static void
jset(json_t *o, const char *k, const char *v)
{
	json_t *s;

	if (v == NULL)
		return;
	if ((s = json_string(v)) == NULL)
		s = json_string("\xef\xbf\xbd");
	json_object_set_new(o, k, s);
}

static void
jseti(json_t *o, const char *k, long long v)
{
	json_object_set_new(o, k, json_integer(v));
}

/* the relative prefix from path to the site root: "../" per directory */
static void
rootof(char *buf, size_t len, const char *path)
{
	size_t n = 0;

	buf[0] = '\0';
	for (; *path; path++)
		if (*path == '/' && n + 4 < len) {
			memcpy(buf + n, "../", 4);
			n += 3;
		}
}

/* root + url-encoded target in a JSON string */
static void
jhref(json_t *o, const char *k, const char *root, const char *target)
{
	struct news_buf b = NEWS_BUF_INIT;

	news_buf_adds(&b, root);
	slug_url_path(&b, target);
	jset(o, k, news_buf_str(&b));
	news_buf_free(&b);
}

static const struct group *
group_find(const struct groups *g, const char *key)
{
	char *k = news_xstrdup(key), *p;
	size_t i;
	int found;

	for (p = k; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	/* categories, countries and tags are folded; authors are not */
	found = map_get(g->bykey, k, &i) || map_get(g->bykey, key, &i);
	free(k);
	return found ? &g->v[i] : NULL;
}

static void
jcat(json_t *o, const char *k, const char *root, const char *href)
{
	size_t a = strlen(root), b = strlen(href);
	char *v = news_xmalloc(a + b + 1);

	memcpy(v, root, a);
	memcpy(v + a, href, b + 1);
	json_object_set_new_nocheck(o, k, json_stringn_nocheck(v, a + b));
	free(v);
}

static void
group_href(json_t *o, const char *k, const char *root, const struct group *g)
{
	jcat(o, k, root, g->href);
}

/* ---- contexts ---- */

static json_t *
card(struct render *r, const struct article *a, const char *root)
{
	json_t *c = json_object();
	const struct group *g;

	jset(c, "title", a->title);
	jcat(c, "href", root, a->href);
	jset(c, "source", a->source);
	jset(c, "excerpt", a->excerpt);
	jset(c, "author", a->author);
	if (a->dated) {
		json_object_set_new_nocheck(c, "date_words",
		    json_string_nocheck(a->dwords));
		json_object_set_new_nocheck(c, "datetime",
		    json_string_nocheck(a->dtime));
	}
	if (a->cat >= 0) {
		g = &r->s->categories.v[a->cat];
		jset(c, "category", g->name);
		jcat(c, "category_href", root, g->href);
	}
	return c;
}

/* a fingerprint of what card() shows of a, onto h */
static uint64_t
card_fp(uint64_t h, const struct site *s, const struct article *a)
{
	(void)s;
	h ^= a->card_hash;
	return h * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
}

static uint64_t
card_hash(const struct site *s, const struct article *a)
{
	uint64_t h = NEWS_HASH_INIT;

	h = slug_hash_more(h, a->title);
	h = slug_hash_more(h, a->href);
	h = slug_hash_more(h, a->source);
	h = slug_hash_more(h, a->excerpt);
	h = slug_hash_more(h, a->author);
	h = slug_hash_more(h, a->dtime);
	h = slug_hash_more(h, a->cat >= 0 ? s->categories.v[a->cat].name : NULL);
	return slug_hash_more(h, a->cat >= 0 ? s->categories.v[a->cat].href : NULL);
}

static json_t *
base_ctx(struct render *r, const char *path, const char *title,
    const char *root)
{
	static const struct { const char *name, *target; } nav[] = {
		{ "Home", "index.html" },
		{ "Countries", "country/index.html" },
		{ "Categories", "category/index.html" },
		{ "Tags", "tag/index.html" },
		{ "Authors", "author/index.html" },
		{ "Archive", "archive/index.html" },
	};
	json_t *c = json_object(), *site = json_object(), *n = json_array();
	struct news_buf b = NEWS_BUF_INIT;
	size_t i;

	jset(site, "title", r->o->title);
	jset(site, "lang", r->o->lang);
	jset(site, "base_url", r->o->base_url);
	json_object_set_new(c, "site", site);
	jset(c, "root", root);
	jset(c, "lang", r->o->lang);
	jset(c, "page_title", title);
	jhref(c, "home_href", root, "index.html");
	jhref(c, "css_href", root, "style.css");
	jhref(c, "feed_href", root, "feed.xml");
	jhref(c, "json_feed_href", root, "feed.json");
	for (i = 0; i < sizeof nav / sizeof nav[0]; i++) {
		json_t *e = json_object();

		jset(e, "name", nav[i].name);
		jhref(e, "href", root, nav[i].target);
		if (strcmp(path, nav[i].target) == 0)
			json_object_set_new(e, "current", json_true());
		json_array_append_new(n, e);
	}
	json_object_set_new(c, "nav", n);
	if (r->ncmenu > 0) {
		n = json_array();
		for (i = 0; i < r->ncmenu; i++) {
			json_t *e = json_object();

			jset(e, "name", r->cmenu[i]->name);
			group_href(e, "href", root, r->cmenu[i]);
			if (strcmp(path, r->cmenu[i]->href) == 0)
				json_object_set_new(e, "current", json_true());
			json_array_append_new(n, e);
		}
		json_object_set_new(c, "country_menu", n);
		json_object_set_new(c, "has_country_menu", json_true());
		if (r->ncmenu < r->s->countries.n)
			jhref(c, "country_menu_more_href", root,
			    "country/index.html");
	}
	if (r->about != NULL)
		json_object_set(c, "about", r->about);
	if (r->o->base_url != NULL) {
		news_buf_adds(&b, r->o->base_url);
		slug_url_path(&b, path);
		jset(c, "canonical_url", news_buf_str(&b));
	}
	news_buf_free(&b);
	return c;
}

static void
emit_fp(struct render *r, const char *tmpl, json_t *ctx, const char *path,
    uint64_t fp)
{
	char err[256];

	news_buf_reset(&r->page);
	if (tmpl_render(r->ts, tmpl, ctx, &r->page, err, sizeof err) == -1) {
		news_fatal("theme: %s", err);
	}
	if (out_write_fp(r->out, path, news_buf_str(&r->page), r->page.len,
	    fp) == -1)
		r->failed = 1;
	json_decref(ctx);
}

static void
emit(struct render *r, const char *tmpl, json_t *ctx, const char *path)
{
	emit_fp(r, tmpl, ctx, path, 0);
}

/* ---- article pages ---- */

static void calendar(struct render *r, json_t *c, int y, int m, int as_of,
    const char *root);
static uint64_t calendar_fp(struct render *r, uint64_t h, int y, int m,
    int as_of);

/*
 * The articles beside article i: the LATEST that followed it, so that its
 * page no longer changes once they exist; on the pages of the newest
 * articles, the newest of the site but itself.  Indexes into *v (newest
 * first), and 1 in *newest when they are the site's newest.
 */
static size_t
latest_of(const struct site *s, size_t i, size_t *v, int *newest)
{
	size_t n = 0, j;

	if (i >= LATEST) {
		for (j = i - LATEST; j < i; j++)
			v[n++] = j;
	} else {
		for (j = 0; j <= LATEST && j < s->n; j++)
			if (j != i)
				v[n++] = j;
	}
	*newest = n > 0 && i <= LATEST;
	return n;
}

static json_t *
names(struct render *r, char **v, size_t n, const struct groups *g,
    const char *root, int country)
{
	json_t *arr = json_array(), *e;
	const struct group *gr;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((gr = group_find(g, v[i])) == NULL)
			continue;
		e = json_object();
		jset(e, "name", gr->name);
		if (country)
			jset(e, "code", v[i]);
		group_href(e, "href", root, gr);
		json_array_append_new(arr, e);
	}
	return arr;
}

/*
 * Everything an article page is made of, hashed: the article, the cards
 * of its related, older and newer articles, the theme and the options.
 * An unchanged fingerprint means an unchanged page, not rendered again.
 */
static uint64_t
article_fp(struct render *r, size_t i)
{
	const struct article *a = &r->s->a[i];
	const struct group *g;
	uint64_t h = r->salt;
	size_t k, nl, latest[LATEST + 1];
	long j;
	int newest, y, m, d;

	h = card_fp(h, r->s, a);
	h = slug_hash_more(h, a->url);
	h = slug_hash_more(h, a->source_url);
	h = slug_hash_more(h, a->lang);
	h = slug_hash_more(h, a->image);
	h = slug_hash_more(h, a->path);
	h ^= a->body_hash;
	h = slug_hash_more(h, a->dated && a->updated > a->published + 60 ?
	    "u" : "-");
	h += (uint64_t)a->updated * 0x9e3779b97f4a7c15ULL;
	if (a->author != NULL && (g = group_find(&r->s->authors, a->author)))
		h = slug_hash_more(h, g->href);
	for (k = 0; k < a->ncountries; k++)
		if ((g = group_find(&r->s->countries, a->countries[k])) != NULL) {
			h = slug_hash_more(h, g->name);
			h = slug_hash_more(h, g->href);
		}
	h = slug_hash_more(h, "tags");
	for (k = 0; k < a->ntags; k++)
		if ((g = group_find(&r->s->tags, a->tags[k])) != NULL) {
			h = slug_hash_more(h, g->name);
			h = slug_hash_more(h, g->href);
		}
	for (k = 0; k < a->nwarnings; k++) {
		h = slug_hash_more(h, a->warnings[k].type);
		h = slug_hash_more(h, a->warnings[k].message);
	}
	h = slug_hash_more(h, "related");
	for (k = 0; k < a->nrelated; k++)
		if ((j = site_find(r->s, a->related[k])) >= 0 && (size_t)j != i)
			h = card_fp(h, r->s, &r->s->a[j]);
	h = slug_hash_more(h, "prev");
	if (i + 1 < r->s->n)
		h = card_fp(h, r->s, &r->s->a[i + 1]);
	h = slug_hash_more(h, "next");
	if (i > 0)
		h = card_fp(h, r->s, &r->s->a[i - 1]);
	h = slug_hash_more(h, "latest");
	nl = latest_of(r->s, i, latest, &newest);
	for (k = 0; k < nl; k++)
		h = card_fp(h, r->s, &r->s->a[latest[k]]);
	h = slug_hash_more(h, newest ? "newest" : "");
	if (a->dated && news_cal_day(a->published, 0, &y, &m, &d) == 0)
		h = calendar_fp(r, h, y, m, d);
	return h ? h : 1;
}

static void
article_page(struct render *r, size_t i)
{
	struct article *a = &r->s->a[i];
	json_t *c, *art, *rel, *w;
	const struct group *g;
	char root[256], buf[64], *html;
	uint64_t fp;
	size_t k, nl, latest[LATEST + 1];
	long j;
	int newest, y, m, d;

	fp = article_fp(r, i);
	if (!r->o->force && out_fresh(r->out, a->path, fp))
		return;
	rootof(root, sizeof root, a->path);
	c = base_ctx(r, a->path, a->title, root);
	art = json_object();
	jset(art, "title", a->title);
	jset(art, "url", a->url);
	jset(art, "source", a->source);
	jset(art, "source_url", a->source_url);
	jset(art, "lang", a->lang);
	jset(art, "image", a->image);
	jset(art, "excerpt", a->excerpt);
	if (a->author != NULL) {
		jset(art, "author", a->author);
		if ((g = group_find(&r->s->authors, a->author)) != NULL)
			group_href(art, "author_href", root, g);
	}
	if (a->dated) {
		date_words(a->published, buf, sizeof buf);
		jset(art, "date_words", buf);
		date_rfc3339(a->published, buf, sizeof buf);
		jset(art, "datetime", buf);
		if (a->updated > a->published + 60) {
			date_words(a->updated, buf, sizeof buf);
			jset(art, "updated_words", buf);
			date_rfc3339(a->updated, buf, sizeof buf);
			jset(art, "updated_datetime", buf);
		}
	}
	if (a->category != NULL &&
	    (g = group_find(&r->s->categories, a->category)) != NULL) {
		jset(art, "category", g->name);
		group_href(art, "category_href", root, g);
	}
	json_object_set_new(art, "countries", names(r, a->countries,
	    a->ncountries, &r->s->countries, root, 1));
	json_object_set_new(art, "tags", names(r, a->tags, a->ntags,
	    &r->s->tags, root, 0));
	html = article_html(r->s, a);
	jset(art, "content_html", html);
	if (a->image != NULL && strstr(html, "<img") == NULL)
		json_object_set_new(art, "show_image", json_true());
	free(html);
	w = json_array();
	for (k = 0; k < a->nwarnings; k++) {
		json_t *e = json_object();

		jset(e, "type", a->warnings[k].type);
		jset(e, "message", a->warnings[k].message);
		if (strcmp(a->warnings[k].type, "assistant_text") == 0)
			json_object_set_new(e, "assistant_text", json_true());
		json_array_append_new(w, e);
	}
	json_object_set_new(art, "warnings", w);
	json_object_set_new(c, "article", art);
	rel = json_array();
	for (k = 0; k < a->nrelated && json_array_size(rel) < MAXRELATED; k++)
		if ((j = site_find(r->s, a->related[k])) >= 0 && (size_t)j != i)
			json_array_append_new(rel, card(r, &r->s->a[j], root));
	if (json_array_size(rel) > 0)
		json_object_set_new(c, "has_related", json_true());
	json_object_set_new(c, "related", rel);
	if (json_array_size(json_object_get(art, "tags")) +
	    json_array_size(json_object_get(art, "countries")) > 0)
		json_object_set_new(c, "has_terms", json_true());
	if (i + 1 < r->s->n)
		json_object_set_new(c, "prev", card(r, &r->s->a[i + 1], root));
	if (i > 0)
		json_object_set_new(c, "next", card(r, &r->s->a[i - 1], root));
	rel = json_array();
	nl = latest_of(r->s, i, latest, &newest);
	for (k = 0; k < nl; k++)
		json_array_append_new(rel, card(r, &r->s->a[latest[k]], root));
	json_object_set_new(c, "latest", rel);
	if (nl > 0)
		json_object_set_new(c, "has_latest", json_true());
	if (newest)
		json_object_set_new(c, "latest_newest", json_true());
	if (a->dated && news_cal_day(a->published, 0, &y, &m, &d) == 0)
		calendar(r, c, y, m, d, root);
	emit_fp(r, "article", c, a->path, fp);
}

/* ---- listings ---- */

struct listing {
	const char *dir;	/* "" for the home page, else "tag/x" */
	const char *heading;
	const char *kind;	/* "home", "tag", ... */
	const char *description;
	const size_t *idx;	/* articles, newest first */
	size_t n;
	int cal_y, cal_m;	/* month for the calendar widget, or 0 */
};

/* the calendar widget of y-m (as of day as_of, see news_cal_html) */
static void
calendar(struct render *r, json_t *c, int y, int m, int as_of,
    const char *root)
{
	struct news_cal_month cm;
	struct news_cal_html_opts co = { 0 };
	struct news_buf b = NEWS_BUF_INIT;

	if (news_cal_month_init(&cm, y, m, 1) == -1)
		return;
	co.link = "archive/%Y/%m/%d/index.html";
	co.month_link = "archive/%Y/%m/index.html";
	co.base = root;
	co.as_of = as_of;
	news_cal_html(&b, &cm, r->cal, &co);
	jset(c, "calendar_html", news_buf_str(&b));
	news_buf_free(&b);
}

static void
listing_path(struct news_buf *b, const struct listing *l, size_t k)
{
	news_buf_reset(b);
	if (k == 0)
		news_buf_printf(b, "%s%sindex.html", l->dir, *l->dir ? "/" : "");
	else
		news_buf_printf(b, "%s%s%zu.html", l->dir, *l->dir ? "/" :
		    "page/", k);
}

/* what the calendar widget of y-m (as of day as_of) shows: its counts
 * (only whether a day has articles, as of as_of) and neighbours */
static uint64_t
calendar_fp(struct render *r, uint64_t h, int y, int m, int as_of)
{
	char buf[64];
	int d, py, pm, ny, nm, n = news_cal_mdays(y, m);
	unsigned long cnt;

	if (as_of > 0 && as_of < n)
		n = as_of;
	for (d = 1; d <= n; d++) {
		cnt = news_cal_count(r->cal, y, m, d);
		snprintf(buf, sizeof buf, "%lu", as_of > 0 ? cnt > 0 : cnt);
		h = slug_hash_more(h, buf);
	}
	py = pm = ny = nm = 0;
	news_cal_prev(r->cal, y, m, &py, &pm);
	if (as_of == 0)
		news_cal_next(r->cal, y, m, &ny, &nm);
	snprintf(buf, sizeof buf, "%d-%d %d-%d %d-%d %d", y, m, py, pm, ny, nm,
	    as_of);
	return slug_hash_more(h, buf);
}

/*
 * Pages of a listing of n articles, P a page: page k (1..F) holds the
 * articles (k-1)P .. kP-1 counted from the oldest, F = n/P - 1, and the
 * newest page (index.html) holds the n - FP newest, between P and 2P-1
 * (all of them when n < 2P): no article is on two pages, and a numbered
 * page never changes when newer articles arrive.
 */
#define PAGE_WINDOW 2	/* numbered links each side of the current page */

static size_t
listing_npages(size_t n, size_t P)
{
	return n >= P ? n / P - 1 : 0;
}

/* the highest page number that page k (0 the newest) links to, as far as
 * its links depend on how many pages there are: a numbered page far
 * from the newest links to the same pages whatever F becomes */
static size_t
listing_top(size_t k, size_t F)
{
	return k == 0 || k + PAGE_WINDOW + 2 > F ? F : k + PAGE_WINDOW + 2;
}

static uint64_t
listing_fp(struct render *r, const struct listing *l, const char *path,
    size_t k, size_t from, size_t to, size_t top)
{
	uint64_t h = slug_hash_more(r->salt, path);
	char buf[128];
	size_t i;

	h = slug_hash_more(h, l->heading);
	h = slug_hash_more(h, l->kind);
	h = slug_hash_more(h, l->description);
	snprintf(buf, sizeof buf, "%zu %zu %zu %d", k, k ? 0 : l->n, top,
	    l->n == 1);
	h = slug_hash_more(h, buf);
	for (i = from; i < to; i++)
		h = card_fp(h, r->s, &r->s->a[l->idx[i]]);
	if (l->cal_y > 0 && k == 0)
		h = calendar_fp(r, h, l->cal_y, l->cal_m, 0);
	if (k == 0)
		h ^= r->cloud_hash;
	return h ? h : 1;
}

static void
page_link(json_t *arr, const struct listing *l, size_t k, size_t cur,
    const char *root, struct news_buf *t)
{
	json_t *e = json_object();
	char num[32];

	snprintf(num, sizeof num, "%zu", k);
	jset(e, "label", k == 0 ? "Newest" : num);
	if (k == 0)
		json_object_set_new(e, "newest", json_true());
	listing_path(t, l, k);
	jhref(e, "href", root, t->s);
	if (k == cur)
		json_object_set_new(e, "current", json_true());
	json_array_append_new(arr, e);
}

static void
page_gap(json_t *arr)
{
	json_t *e = json_object();

	json_object_set_new(e, "gap", json_true());
	json_array_append_new(arr, e);
}

/*
 * The numbered links of page k of F, newest first: the newest page, a
 * window of PAGE_WINDOW pages each side of k, page 1 (the oldest), and
 * a gap for two pages or more left out (one page is shown instead).
 */
static json_t *
page_links(const struct listing *l, size_t k, size_t F, const char *root,
    struct news_buf *t)
{
	json_t *arr = json_array();
	size_t c = k == 0 ? F + 1 : k;	/* the newest counts as F + 1 */
	size_t hi = c + PAGE_WINDOW, lo = c > PAGE_WINDOW ? c - PAGE_WINDOW : 1;
	size_t j;

	page_link(arr, l, 0, k, root, t);
	if (hi + 1 >= F)
		hi = F;
	else
		page_gap(arr);
	if (lo == 3)
		lo = 2;
	for (j = hi; j >= lo && j >= 1; j--)
		page_link(arr, l, j, k, root, t);
	if (lo > 2)
		page_gap(arr);
	if (lo > 1)
		page_link(arr, l, 1, k, root, t);
	return arr;
}

/* page k of a listing of F numbered pages (k = 0 the newest) */
static void
listing_page(struct render *r, const struct listing *l, size_t k, size_t F)
{
	struct news_buf path = NEWS_BUF_INIT, t = NEWS_BUF_INIT;
	size_t P = (size_t)r->o->per_page, n = l->n, from, to;
	json_t *c, *items, *pg;
	char root[256];
	uint64_t fp;
	size_t i;

	/* newest first: page k is [n-kP, n-(k-1)P), the newest [0, n-FP) */
	from = k == 0 ? 0 : n - k * P;
	to = k == 0 ? n - F * P : n - (k - 1) * P;
	listing_path(&path, l, k);
	fp = listing_fp(r, l, path.s, k, from, to, listing_top(k, F));
	if (!r->o->force && out_fresh(r->out, path.s, fp)) {
		news_buf_free(&path);
		return;
	}
	items = json_array();
	pg = json_object();
	rootof(root, sizeof root, path.s);
	if (k == 0)
		news_buf_adds(&t, l->heading);
	else
		news_buf_printf(&t, "%s, page %zu", l->heading, k);
	c = base_ctx(r, path.s, t.s, root);
	jset(c, "heading", l->heading);
	jset(c, "kind", l->kind);
	jset(c, "description", l->description);
	if (k > 0)
		jseti(c, "page", (long long)k);
	else
		jseti(c, "count", (long long)l->n);
	if (l->n == 1)
		json_object_set_new(c, "one", json_true());
	for (i = from; i < to; i++)
		json_array_append_new(items, card(r, &r->s->a[l->idx[i]], root));
	json_object_set_new(c, "items", items);
	if (F > 0) {
		if (k != 1) {
			listing_path(&t, l, k == 0 ? F : k - 1);
			jhref(pg, "older_href", root, t.s);
		}
		if (k > 0) {
			listing_path(&t, l, k < F ? k + 1 : 0);
			jhref(pg, "newer_href", root, t.s);
		}
		json_object_set_new(pg, "pages", page_links(l, k, F, root,
		    &t));
		json_object_set(c, "pagination", pg);
	}
	json_decref(pg);
	/* only on the newest page: older pages stay as they were */
	if (l->cal_y > 0 && k == 0)
		calendar(r, c, l->cal_y, l->cal_m, 0, root);
	/* the tag cloud, only on the newest page too */
	if (k == 0 && r->ncloud > 0) {
		json_t *arr = json_array();

		for (i = 0; i < r->ncloud; i++) {
			json_t *e = json_object();

			jset(e, "name", r->cloud[i]->name);
			group_href(e, "href", root, r->cloud[i]);
			jseti(e, "size", r->cloud_size[i]);
			json_array_append_new(arr, e);
		}
		json_object_set_new(c, "tag_cloud", arr);
		json_object_set_new(c, "has_tag_cloud", json_true());
		jhref(c, "tags_href", root, "tag/index.html");
	}
	if (json_object_get(c, "calendar_html") != NULL ||
	    json_object_get(c, "tag_cloud") != NULL)
		json_object_set_new(c, "has_sidebar", json_true());
	emit_fp(r, "list", c, path.s, fp);
	news_buf_free(&path);
	news_buf_free(&t);
}

static void
listing(struct render *r, const struct listing *l)
{
	size_t F = listing_npages(l->n, (size_t)r->o->per_page), k;

	for (k = 0; k <= F; k++)
		listing_page(r, l, k, F);
}

static void
group_listings(struct render *r, const struct groups *g, const char *kind,
    const char *fmt, int cal)
{
	struct news_buf h = NEWS_BUF_INIT;
	struct listing l;
	size_t i;

	for (i = 0; i < g->n; i++) {
		memset(&l, 0, sizeof l);
		news_buf_reset(&h);
		news_buf_printf(&h, fmt, g->v[i].name);
		l.dir = g->v[i].dir;
		l.heading = h.s;
		l.kind = kind;
		l.idx = g->v[i].idx;
		l.n = g->v[i].n;
		if (cal) {
			l.cal_y = atoi(g->v[i].key);
			l.cal_m = atoi(g->v[i].key + 5);
		}
		listing(r, &l);
	}
	news_buf_free(&h);
}

/* archive headings: "December 2025", "Saturday, 13 December 2025" */
static void
archive_listings(struct render *r)
{
	struct news_buf h = NEWS_BUF_INIT;
	struct listing l;
	const struct groups *g;
	size_t i;
	int pass, y, m, d;
	char buf[64];

	for (pass = 0; pass < 2; pass++) {
		g = pass == 0 ? &r->s->months : &r->s->days;
		for (i = 0; i < g->n; i++) {
			memset(&l, 0, sizeof l);
			y = atoi(g->v[i].key);
			m = atoi(g->v[i].key + 5);
			d = pass ? atoi(g->v[i].key + 8) : 0;
			news_buf_reset(&h);
			if (pass == 0) {
				news_buf_printf(&h, "%s %d",
				    news_cal_month_name(m), y);
			} else {
				date_words(news_cal_days(y, m, d) * 86400, buf,
				    sizeof buf);
				news_buf_adds(&h, buf);
			}
			l.dir = g->v[i].dir;
			l.heading = h.s;
			l.kind = pass ? "day" : "month";
			l.idx = g->v[i].idx;
			l.n = g->v[i].n;
			l.cal_y = y;
			l.cal_m = m;
			listing(r, &l);
		}
	}
	news_buf_free(&h);
}

/* ---- indexes of groups: tag cloud, countries, categories, authors ---- */

static int
bycount(const void *x, const void *y)
{
	const struct group *a = *(const struct group *const *)x;
	const struct group *b = *(const struct group *const *)y;

	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->key, b->key);
}

static int
byname(const void *x, const void *y)
{
	const struct group *a = *(const struct group *const *)x;
	const struct group *b = *(const struct group *const *)y;
	int c = strcasecmp(a->name, b->name);

	return c ? c : strcmp(a->key, b->key);
}

/* counts on a scale of half powers of two: 1, 2, 3-4, 5, 6-8, 9-11, ... */
static int
roughly(size_t n)
{
	return n == 0 ? -1 : (int)floor(2 * log2((double)n));
}

static int
byroughcount(const void *x, const void *y)
{
	const struct group *a = *(const struct group *const *)x;
	const struct group *b = *(const struct group *const *)y;
	int ra = roughly(a->n), rb = roughly(b->n);

	if (ra != rb)
		return ra < rb ? 1 : -1;
	return strcmp(a->key, b->key);
}

/*
 * The n groups of g with the most articles, counts compared roughly (on
 * a scale of half powers of two, then by key), in name order: the set,
 * which is on every page, changes only when a count crosses a step of
 * that scale, not whenever two close counts pass each other.  n = 0:
 * none.
 */
static const struct group **
top_groups(const struct groups *g, size_t n, size_t *count)
{
	const struct group **v = news_xcalloc(g->n + 1, sizeof *v);
	size_t i;

	for (i = 0; i < g->n; i++)
		v[i] = &g->v[i];
	if (g->n > 0)
		qsort(v, g->n, sizeof *v, byroughcount);
	*count = n < g->n ? n : g->n;
	if (*count > 0)
		qsort(v, *count, sizeof *v, byname);
	return v;
}

/*
 * The header's country menu (--country-menu): the N countries with the
 * most articles, or the countries named ("NO,SE,MN"), in that order.
 * It is on every page: it goes into the salt of every fingerprint.
 */
static void
country_menu(struct render *r)
{
	const char *spec = r->o->country_menu ? r->o->country_menu : "8", *p;
	const struct group *g;
	char code[8];
	size_t n;

	if (spec[strspn(spec, "0123456789")] == '\0') {
		r->cmenu = top_groups(&r->s->countries, (size_t)atol(spec),
		    &r->ncmenu);
	} else {
		r->cmenu = news_xcalloc(r->s->countries.n + 1, sizeof *r->cmenu);
		for (p = spec; *p; p += *p == ',') {
			n = strcspn(p, ",");
			if (n > 0 && n < sizeof code) {
				memcpy(code, p, n);
				code[n] = '\0';
				if ((g = group_find(&r->s->countries, code)) &&
				    r->ncmenu < r->s->countries.n)
					r->cmenu[r->ncmenu++] = g;
			}
			p += n;
		}
	}
	r->salt = slug_hash_more(r->salt, "country-menu");
	for (n = 0; n < r->ncmenu; n++)
		r->salt = slug_hash_more(r->salt, r->cmenu[n]->href);
}

/* the tag cloud beside the listings: the CLOUD most used tags, sizes 1..5
 * on the scale of roughly() (so that the tag that leads by one article
 * is not the only one of size 5); only names, links and sizes, so that
 * it changes seldom */
static void
tag_cloud(struct render *r)
{
	size_t i;
	int top = 0;
	char buf[16];

	r->cloud = top_groups(&r->s->tags, CLOUD, &r->ncloud);
	r->cloud_size = news_xcalloc(r->ncloud + 1, sizeof *r->cloud_size);
	for (i = 0; i < r->ncloud; i++)
		if (roughly(r->cloud[i]->n) > top)
			top = roughly(r->cloud[i]->n);
	r->cloud_hash = NEWS_HASH_INIT;
	for (i = 0; i < r->ncloud; i++) {
		r->cloud_size[i] = top > 0 ?
		    1 + 4 * roughly(r->cloud[i]->n) / top : 3;
		snprintf(buf, sizeof buf, "%d", r->cloud_size[i]);
		r->cloud_hash = slug_hash_more(r->cloud_hash, r->cloud[i]->href);
		r->cloud_hash = slug_hash_more(r->cloud_hash, buf);
	}
}

static void
group_index(struct render *r, const struct groups *g, const char *path,
    const char *heading, const char *kind, int cloud)
{
	json_t *c, *arr = json_array(), *e;
	const struct group **v;
	char root[256];
	size_t i, max = 1;
	double lmax;

	rootof(root, sizeof root, path);
	c = base_ctx(r, path, heading, root);
	jset(c, "heading", heading);
	jset(c, "kind", kind);
	v = news_xcalloc(g->n + 1, sizeof *v);
	for (i = 0; i < g->n; i++) {
		v[i] = &g->v[i];
		if (g->v[i].n > max)
			max = g->v[i].n;
	}
	if (!cloud)	/* lists by count; the cloud in name order */
		if (g->n > 0)
			qsort(v, g->n, sizeof *v, bycount);
	lmax = log((double)max + 1);
	for (i = 0; i < g->n; i++) {
		e = json_object();
		jset(e, "name", v[i]->name);
		group_href(e, "href", root, v[i]);
		jseti(e, "count", (long long)v[i]->n);
		/* sizes 1..5 on a log scale of the count */
		jseti(e, "size", 1 + (long long)floor(4 * log((double)v[i]->n +
		    1) / lmax));
		json_array_append_new(arr, e);
	}
	free(v);
	jseti(c, "total", (long long)g->n);
	json_object_set_new(c, "groups", arr);
	if (cloud)
		json_object_set_new(c, "cloud", json_true());
	emit(r, "groups", c, path);
}

static void
archive_index(struct render *r)
{
	json_t *c, *arr = json_array(), *e;
	const struct group *g;
	char root[256], name[64];
	size_t i;
	int y, m;

	rootof(root, sizeof root, "archive/index.html");
	c = base_ctx(r, "archive/index.html", "Archive", root);
	jset(c, "heading", "Archive");
	for (i = r->s->months.n; i-- > 0;) {	/* newest month first */
		g = &r->s->months.v[i];
		y = atoi(g->key);
		m = atoi(g->key + 5);
		e = json_object();
		snprintf(name, sizeof name, "%s %d", news_cal_month_name(m), y);
		jset(e, "name", name);
		group_href(e, "href", root, g);
		jseti(e, "count", (long long)g->n);
		calendar(r, e, y, m, 0, root);
		json_array_append_new(arr, e);
	}
	json_object_set_new(c, "months", arr);
	emit(r, "archive", c, "archive/index.html");
}

static void
notfound(struct render *r)
{
	const char *root = r->o->base_url ? r->o->base_url : "/";
	json_t *c = base_ctx(r, "404.html", "Page not found", root);

	jset(c, "heading", "Page not found");
	emit(r, "notfound", c, "404.html");
}

static void
robots(struct render *r)
{
	struct news_buf b = NEWS_BUF_INIT;

	news_buf_adds(&b, "User-agent: *\nAllow: /\n");
	if (r->o->base_url != NULL)
		news_buf_printf(&b, "Sitemap: %ssitemap.xml\n"
		    "Sitemap: %snews-sitemap.xml\n", r->o->base_url,
		    r->o->base_url);
	if (out_write(r->out, "robots.txt", b.s, b.len) == -1)
		r->failed = 1;
	news_buf_free(&b);
}

/* ---- the theme ---- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct news_buf b = NEWS_BUF_INIT;
	char buf[8192];
	size_t n;

	if (fp == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		news_buf_add(&b, buf, n);
	if (ferror(fp)) {
		fclose(fp);
		news_buf_free(&b);
		return NULL;
	}
	fclose(fp);
	*len = b.len;
	return news_buf_take(&b);
}

/* an e-mail address plain enough to link as mailto: */
static int
is_email(const char *s)
{
	const char *at = strchr(s, '@');

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '.') == NULL)
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.!#$%*+-/=?^_{|}~@") == strlen(s) && strchr(at + 1, '@')
	    == NULL;
}

/*
 * The site's own words (news-render(1), "The site's words"): lines of
 * "key: value", a value going on over lines that start with white space,
 * '#' comments.  Keys are [a-z0-9_]; every key is about.KEY in the
 * templates, the default theme shows disclaimer, contact and promise.
 * A bad line is fatal: the file is the operator's, not the archive's.
 */
static void
about_parse(struct render *r, const char *path, const char *data)
{
	struct news_buf v = NEWS_BUF_INIT;
	const char *p = data, *e, *colon;
	char key[64] = "";
	size_t lineno = 0, k;
	char *t;

	json_decref(r->about);
	r->about = json_object();
	for (; *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		lineno++;
		if (*p == '#')
			continue;
		if (*p == ' ' || *p == '\t') {		/* continuation */
			if (*key == '\0') {
				if (strspn(p, " \t\r") == (size_t)(e - p))
					continue;
				news_fatal("%s:%zu: a continuation line "
				    "without a key", path, lineno);
			}
			news_buf_addc(&v, ' ');
			news_buf_add(&v, p, (size_t)(e - p));
			continue;
		}
		if (*key != '\0') {
			t = news_text_squeeze(v.s, v.len);
			jset(r->about, key, t);
			free(t);
			*key = '\0';
		}
		news_buf_reset(&v);
		if (strspn(p, " \t\r") == (size_t)(e - p))
			continue;
		colon = memchr(p, ':', (size_t)(e - p));
		k = colon ? (size_t)(colon - p) : 0;
		if (k == 0 || k >= sizeof key || strspn(p,
		    "abcdefghijklmnopqrstuvwxyz0123456789_") != k)
			news_fatal("%s:%zu: not \"key: value\" (keys are "
			    "a-z, 0-9, _)", path, lineno);
		memcpy(key, p, k);
		key[k] = '\0';
		news_buf_add(&v, colon + 1, (size_t)(e - colon - 1));
	}
	if (*key != '\0') {
		t = news_text_squeeze(v.s, v.len);
		jset(r->about, key, t);
		free(t);
	}
	news_buf_free(&v);
	t = (char *)json_string_value(json_object_get(r->about, "contact"));
	if (t != NULL) {
		news_buf_reset(&v);
		if (is_email(t))
			news_buf_printf(&v, "mailto:%s", t);
		else if (news_url_is_http(t) && strpbrk(t, "\"'<>` ") == NULL)
			news_buf_adds(&v, t);
		if (v.len > 0)
			jset(r->about, "contact_href", v.s);
		news_buf_free(&v);
	}
}

/* --about: the site's words from a file, over the theme's about.txt */
static void
load_about(struct render *r)
{
	size_t len;
	char *data;

	if (r->o->about == NULL)
		return;
	if ((data = slurp(r->o->about, &len)) == NULL)
		news_fatal("--about %s:", r->o->about);
	if (strlen(data) != len)
		news_fatal("--about %s: a NUL byte", r->o->about);
	if (!news_utf8_valid(data, len))
		news_fatal("--about %s: not UTF-8", r->o->about);
	r->salt = slug_hash_more(r->salt, "about");
	r->salt ^= slug_hash(data, len);
	r->salt *= 0x100000001b3ULL;
	about_parse(r, r->o->about, data);
	free(data);
}

struct theme_file {
	char *name;
	char *path;
	size_t order;		/* the default's files first */
};

static int
filecmp(const void *a, const void *b)
{
	const struct theme_file *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

/* the plain files of dir onto *v (fatal when dir cannot be read) */
static void
theme_files(const char *dir, struct theme_file **v, size_t *n, size_t *cap)
{
	struct dirent *e;
	struct stat st;
	char path[4096];
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		news_fatal("theme %s:", dir);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >=
		    (int)sizeof path || stat(path, &st) == -1 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*v = news_xreallocarray(*v, *cap, sizeof **v);
		}
		(*v)[*n].name = news_xstrdup(e->d_name);
		(*v)[*n].path = news_xstrdup(path);
		(*v)[*n].order = *n;
		(*n)++;
	}
	closedir(d);
}

/*
 * The theme: the default theme's files, each replaced by the file of the
 * same name in --theme (as Hugo's themes do), so that a theme may hold
 * only footer.html.  Templates (*.html) go into r->ts; about.txt is the
 * theme's strings; other plain files (but README and *.md) are copied.
 */
static void
load_theme(struct render *r)
{
	static const char *const need[] = { "article", "list", "groups",
	    "archive", "notfound" };
	struct theme_file *v = NULL;
	struct stat st;
	char err[512], *data, *dot;
	size_t n = 0, cap = 0, i, j, len;

	r->ts = tmpl_set_new();
	/* the default theme may be missing when --theme is whole */
	if (r->o->theme == NULL || stat(r->o->default_theme, &st) == 0)
		theme_files(r->o->default_theme, &v, &n, &cap);
	if (r->o->theme != NULL)
		theme_files(r->o->theme, &v, &n, &cap);
	/* by name, the theme's file after the default's */
	if (n > 0)
		qsort(v, n, sizeof *v, filecmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j].name, v[i].name) == 0; j++)
			;
		/* v[j - 1] is the theme's file when both have one */
		const struct theme_file *f = &v[j - 1];

		if ((data = slurp(f->path, &len)) == NULL)
			news_fatal("%s:", f->path);
		r->salt = slug_hash_more(r->salt, f->name);
		r->salt ^= slug_hash(data, len);
		r->salt *= 0x100000001b3ULL;
		dot = strrchr(f->name, '.');
		if (dot != NULL && strcmp(dot, ".html") == 0) {
			*dot = '\0';
			if (tmpl_set_add(r->ts, f->name, data, len, err,
			    sizeof err) == -1)
				news_fatal("%s: %s", f->path, err);
			*dot = '.';
		} else if (strcmp(f->name, "about.txt") == 0) {
			if (r->o->about == NULL)
				about_parse(r, f->path, data);
		} else if (strcmp(f->name, "README") != 0 &&
		    (dot == NULL || strcmp(dot, ".md") != 0)) {
			if (out_write(r->out, f->name, data, len) == -1)
				r->failed = 1;
		}
		free(data);
	}
	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
	}
	free(v);
	for (i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!tmpl_has(r->ts, need[i]))
			news_fatal("theme %s: no %s.html", r->o->theme ?
			    r->o->theme : r->o->default_theme, need[i]);
}

int
pages_render(struct site *s, const struct options *o)
{
	struct render r = { 0 };
	struct listing l = { 0 };
	struct news_buf b = NEWS_BUF_INIT;
	const char *extra[] = { "index.html", "country/index.html",
	    "category/index.html", "tag/index.html", "author/index.html",
	    "archive/index.html" };
	unsigned long w, k, rm;
	size_t i, *all;
	int y, m, d;

	r.s = s;
	r.o = o;
	r.salt = slug_hash_more(slug_hash_more(slug_hash_more(
	    NEWS_HASH_INIT, o->title), o->base_url), o->lang);
	if ((r.out = out_open(o->outdir)) == NULL)
		return NEWS_EXIT_FATAL;
	load_about(&r);
	load_theme(&r);
	country_menu(&r);
	tag_cloud(&r);
	for (i = 0; i < s->n; i++)
		s->a[i].card_hash = card_hash(s, &s->a[i]);
	r.cal = news_cal_new();
	for (i = 0; i < s->n; i++)
		if (s->a[i].dated &&
		    news_cal_day(s->a[i].published, 0, &y, &m, &d) == 0)
			news_cal_add(r.cal, y, m, d, 1);
	for (i = 0; i < s->n; i++)
		article_page(&r, i);
	all = news_xcalloc(s->n + 1, sizeof *all);
	for (i = 0; i < s->n; i++)
		all[i] = i;
	l.dir = "";
	l.heading = o->title;
	l.kind = "home";
	l.idx = all;
	l.n = s->n;
	if (news_cal_last(r.cal, &y, &m, &d) == 0) {
		l.cal_y = y;
		l.cal_m = m;
	}
	listing(&r, &l);
	free(all);
	group_listings(&r, &s->categories, "category", "%s", 0);
	group_listings(&r, &s->countries, "country", "%s", 0);
	group_listings(&r, &s->tags, "tag", "Tagged \xe2\x80\x9c%s\xe2\x80\x9d",
	    0);
	group_listings(&r, &s->authors, "author", "Articles by %s", 0);
	archive_listings(&r);
	group_index(&r, &s->countries, "country/index.html", "Countries",
	    "countries", 0);
	group_index(&r, &s->categories, "category/index.html", "Categories",
	    "categories", 0);
	group_index(&r, &s->tags, "tag/index.html", "Tags", "tags", 1);
	group_index(&r, &s->authors, "author/index.html", "Authors",
	    "authors", 0);
	archive_index(&r);
	notfound(&r);
	robots(&r);
	feed_atom(&b, s, o, 1);
	if (out_write(r.out, "feed.xml", b.s, b.len) == -1)
		r.failed = 1;
	news_buf_reset(&b);
	feed_json(&b, s, o, 1);
	if (out_write(r.out, "feed.json", b.s, b.len) == -1)
		r.failed = 1;
	news_buf_free(&b);
	if (feeds_sitemaps(r.out, s, o, extra, sizeof extra / sizeof extra[0])
	    == -1)
		r.failed = 1;
	news_cal_free(r.cal);
	tmpl_set_free(r.ts);
	json_decref(r.about);
	free(r.cmenu);
	free(r.cloud);
	free(r.cloud_size);
	news_buf_free(&r.page);
	if (out_close(r.out, &w, &k, &rm) == -1)
		r.failed = 1;
	if (!o->quiet)
		fprintf(stderr, "%s: %s: %lu written, %lu kept, %lu removed\n",
		    news_getprog(), o->outdir, w, k, rm);
	return r.failed ? NEWS_EXIT_FAIL : NEWS_EXIT_OK;
}
