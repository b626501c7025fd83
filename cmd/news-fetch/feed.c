/*
 * feed.c: a streaming feed parser.  Bytes go through xmlfix (encoding,
 * entities, bare '&') into libxml2's SAX2 push parser; each item is
 * turned into a record as soon as its end tag is read, so memory does
 * not grow with the feed.  RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0
 * are told apart by the root element; JSON Feed 1.0/1.1 (a document whose
 * first character is '{') is held in memory and parsed with jansson.
 *
 * libxml2 runs with XML_PARSE_RECOVER | XML_PARSE_NONET and its default
 * limits (no XML_PARSE_HUGE, no XML_PARSE_NOENT, no DTD loading), and
 * the SAX handler keeps no entity declarations: nothing is expanded.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "news.h"
#include "buf.h"
#include "date.h"
#include "text.h"
#include "url.h"
#include "record.h"
#include "fetch.h"

#define MAXDEPTH 300
#define HEAD_MAX 4096	/* the first bytes, kept to say what a non-feed is */
#define JSON_MAX_DEFAULT (64UL * 1024 * 1024)

enum format { F_UNKNOWN, F_RSS, F_RDF, F_ATOM, F_NOTFEED };

enum ns {
	NS_NONE, NS_ATOM, NS_RDF, NS_CONTENT, NS_DC, NS_DCTERMS, NS_MEDIA,
	NS_ITUNES, NS_XHTML, NS_XML, NS_OTHER
};

static const struct { const char *uri; enum ns ns; } ns_uris[] = {
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM },
	{ "http://purl.org/rss/1.0/", NS_NONE },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_NONE },
	{ "http://backend.userland.com/rss2", NS_NONE },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_NONE },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/dc/terms/", NS_DCTERMS },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML },
	{ "http://www.w3.org/XML/1998/namespace", NS_XML },
};

/* prefixes used without (or with a wrong) namespace declaration */
static const struct { const char *prefix; enum ns ns; } ns_prefixes[] = {
	{ "atom", NS_ATOM }, { "rdf", NS_RDF }, { "content", NS_CONTENT },
	{ "dc", NS_DC }, { "dcterms", NS_DCTERMS }, { "media", NS_MEDIA },
	{ "itunes", NS_ITUNES }, { "xhtml", NS_XHTML }, { "xml", NS_XML },
};

enum elem {
	E_NONE, E_RSS, E_RDF, E_FEED, E_CHANNEL, E_ITEM, E_ENTRY,
	E_TITLE, E_LINK, E_DESC, E_GUID, E_PUBDATE, E_AUTHOR, E_CATEGORY,
	E_ENCLOSURE, E_COMMENTS, E_SKIP,
	E_A_ID, E_A_TITLE, E_A_LINK, E_A_SUMMARY, E_A_CONTENT, E_A_PUBLISHED,
	E_A_UPDATED, E_A_ISSUED, E_A_MODIFIED, E_A_CREATED, E_A_AUTHOR,
	E_A_NAME, E_A_EMAIL, E_A_CATEGORY,
	E_ENCODED, E_DC_DATE, E_DC_CREATOR, E_DC_SUBJECT, E_DC_IDENTIFIER,
	E_DC_TITLE, E_DC_DESC, E_DCT_ISSUED, E_DCT_CREATED, E_DCT_MODIFIED,
	E_M_CONTENT, E_M_THUMBNAIL, E_M_GROUP, E_M_DESC, E_M_TITLE,
	E_IT_AUTHOR, E_IT_SUMMARY, E_IT_SUBTITLE, E_IT_IMAGE,
	E_X_BODY, E_X_DIV
};

static const struct { enum ns ns; const char *name; enum elem e; } elems[] = {
	{ NS_NONE, "rss", E_RSS }, { NS_NONE, "channel", E_CHANNEL },
	{ NS_NONE, "item", E_ITEM }, { NS_NONE, "title", E_TITLE },
	{ NS_NONE, "link", E_LINK }, { NS_NONE, "description", E_DESC },
	{ NS_NONE, "guid", E_GUID }, { NS_NONE, "pubDate", E_PUBDATE },
	{ NS_NONE, "pubdate", E_PUBDATE }, { NS_NONE, "author", E_AUTHOR },
	{ NS_NONE, "category", E_CATEGORY }, { NS_NONE, "enclosure", E_ENCLOSURE },
	{ NS_NONE, "comments", E_COMMENTS }, { NS_NONE, "image", E_SKIP },
	{ NS_NONE, "textinput", E_SKIP }, { NS_NONE, "textInput", E_SKIP },
	{ NS_NONE, "source", E_SKIP }, { NS_NONE, "feed", E_FEED },
	{ NS_NONE, "entry", E_ENTRY },
	{ NS_RDF, "RDF", E_RDF },
	{ NS_ATOM, "feed", E_FEED }, { NS_ATOM, "entry", E_ENTRY },
	{ NS_ATOM, "id", E_A_ID }, { NS_ATOM, "title", E_A_TITLE },
	{ NS_ATOM, "link", E_A_LINK }, { NS_ATOM, "summary", E_A_SUMMARY },
	{ NS_ATOM, "content", E_A_CONTENT }, { NS_ATOM, "published", E_A_PUBLISHED },
	{ NS_ATOM, "updated", E_A_UPDATED }, { NS_ATOM, "issued", E_A_ISSUED },
	{ NS_ATOM, "modified", E_A_MODIFIED }, { NS_ATOM, "created", E_A_CREATED },
	{ NS_ATOM, "author", E_A_AUTHOR }, { NS_ATOM, "name", E_A_NAME },
	{ NS_ATOM, "email", E_A_EMAIL }, { NS_ATOM, "category", E_A_CATEGORY },
	{ NS_ATOM, "source", E_SKIP }, { NS_ATOM, "contributor", E_SKIP },
	{ NS_CONTENT, "encoded", E_ENCODED },
	{ NS_DC, "date", E_DC_DATE }, { NS_DC, "creator", E_DC_CREATOR },
	{ NS_DC, "subject", E_DC_SUBJECT }, { NS_DC, "identifier", E_DC_IDENTIFIER },
	{ NS_DC, "title", E_DC_TITLE }, { NS_DC, "description", E_DC_DESC },
	{ NS_DCTERMS, "issued", E_DCT_ISSUED }, { NS_DCTERMS, "created", E_DCT_CREATED },
	{ NS_DCTERMS, "modified", E_DCT_MODIFIED }, { NS_DCTERMS, "date", E_DC_DATE },
	{ NS_MEDIA, "content", E_M_CONTENT }, { NS_MEDIA, "thumbnail", E_M_THUMBNAIL },
	{ NS_MEDIA, "group", E_M_GROUP }, { NS_MEDIA, "description", E_M_DESC },
	{ NS_MEDIA, "title", E_M_TITLE },
	{ NS_ITUNES, "author", E_IT_AUTHOR }, { NS_ITUNES, "summary", E_IT_SUMMARY },
	{ NS_ITUNES, "subtitle", E_IT_SUBTITLE }, { NS_ITUNES, "image", E_IT_IMAGE },
	{ NS_ITUNES, "owner", E_SKIP }, { NS_ITUNES, "category", E_SKIP },
	{ NS_XHTML, "body", E_X_BODY }, { NS_XHTML, "div", E_X_DIV },
};

/* item fields, by where they come from; the record takes the first set */
enum slot {
	SL_LINK, SL_ALTLINK, SL_ALTLINK2, SL_GUIDLINK, SL_GUID, SL_ATOMID,
	SL_ABOUT, SL_DCID,
	SL_TITLE, SL_DCTITLE, SL_MTITLE,
	SL_PUBDATE, SL_DCDATE, SL_PUBLISHED, SL_ISSUED, SL_DCTISSUED,
	SL_CREATED, SL_DCTCREATED, SL_UPDATED, SL_MODIFIED, SL_DCTMODIFIED,
	SL_ANAME, SL_AEMAIL, SL_AUTHOR, SL_DCCREATOR, SL_ITAUTHOR,
	SL_DESC, SL_SUMMARY, SL_ITSUMMARY, SL_ITSUBTITLE, SL_MDESC,
	SL_ENCODED, SL_CONTENT, SL_XBODY,
	SL_THUMB, SL_MIMAGE, SL_ITIMAGE, SL_COMMENTS, SL_REPLIES,
	SL_CATEGORY,	/* captured, then moved to the array */
	NSLOT
};

/* feed-level fields */
enum { FS_TITLE, FS_LINK, FS_ANAME, FS_AEMAIL, NFSLOT };

/* how captured text is kept */
enum ctype { CT_TEXT, CT_HTML, CT_XHTML };

#define CACHE 1024
struct cache_ent {
	const xmlChar *local, *uri, *prefix;
	unsigned char e, set;
};

struct feed {
	char *url;		/* the feed's URL */
	feed_item_fn fn;
	void *arg;
	struct xmlfix *fix;
	struct news_buf clean;
	xmlParserCtxtPtr ctxt;
	int json;
	struct news_buf jbuf;
	size_t jmax;
	int format;
	int depth, maxdepth_warned;
	unsigned char stack[MAXDEPTH];
	const xmlChar *names[MAXDEPTH];
	/* libxml2's own element stack: 1 where we closed it already */
	unsigned char lxph[MAXDEPTH];
	int lxdepth;
	char mismatch[128];	/* the real end tag of a mismatch */
	char *base[MAXDEPTH];
	unsigned char ownbase[MAXDEPTH];
	int item, skip, author, cap;
	int capslot, capfeed, capesc, capmarkup, captype, capdiv;
	struct news_buf text;
	char *slot[NSLOT];	/* NULL, or sbuf[i].s */
	unsigned char sltype[NSLOT];
	struct news_buf sbuf[NSLOT];	/* kept from item to item */
	char *fslot[NFSLOT];
	struct news_buf cats;	/* the categories: JSON text from '[' on */
	struct news_buf catraw;	/* and as they are, each NUL-terminated */
	size_t ncats;
	json_t *encs;
	struct news_buf ftext, line;
	const char *fobj_title, *fobj_link;
	size_t nitems, ndropped;
	int stopped, ended, rootdone;
	int local;		/* the feed is a file:// URL */
	char head[HEAD_MAX];	/* the document's first bytes, as they came */
	size_t nhead;
	char root[64];		/* the first element's name */
	char err[200];
	char *errmsg;
	struct cache_ent cache[CACHE];
};

/* ---- helpers ---- */

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* a copy of s without surrounding white space */
static char *
trimdup(const char *s, size_t n)
{
	while (n > 0 && is_ws((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_ws((unsigned char)s[n - 1]))
		n--;
	return news_xstrndup(s, n);
}

/* the bounds of s[0..n) without surrounding white space */
static const char *
trim_span(const char *s, size_t *n)
{
	size_t m = *n;

	while (m > 0 && is_ws((unsigned char)*s)) {
		s++;
		m--;
	}
	while (m > 0 && is_ws((unsigned char)s[m - 1]))
		m--;
	*n = m;
	return s;
}

/* an item slot set to a copy of s[0..n) in its own buffer */
static void
slot_put(struct feed *f, int slot, const char *s, size_t n)
{
	struct news_buf *b = &f->sbuf[slot];

	b->len = 0;
	news_buf_grow(b, n);
	memcpy(b->s, s, n);
	b->s[n] = '\0';
	b->len = n;
	f->slot[slot] = b->s;
}

/* the same with a malloc'd string, which is freed */
static void
slot_take(struct feed *f, int slot, char *t)
{
	slot_put(f, slot, t, strlen(t));
	free(t);
}

static void
add_escaped(struct news_buf *b, const char *s, size_t n, int attr)
{
	size_t i, j = 0;
	const char *r;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': r = "&amp;"; break;
		case '<': r = "&lt;"; break;
		case '>': r = "&gt;"; break;
		case '"': r = attr ? "&quot;" : NULL; break;
		default: r = NULL;
		}
		if (r == NULL)
			continue;
		news_buf_add(b, s + j, i - j);
		news_buf_adds(b, r);
		j = i + 1;
	}
	news_buf_add(b, s + j, n - j);
}

/* text from HTML: tags removed, references decoded, space squeezed */
static char *
html_to_text(const char *s)
{
	struct news_buf b = NEWS_BUF_INIT;
	char *u, *r;
	const char *p;

	for (p = s; *p; p++) {
		if (*p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/' ||
		    p[1] == '!')) {
			const char *e = strchr(p, '>');

			if (e) {
				p = e;
				continue;
			}
		}
		news_buf_addc(&b, *p);
	}
	u = news_html_unescape(news_buf_str(&b), b.len);
	r = news_text_squeeze(u, strlen(u));
	free(u);
	news_buf_free(&b);
	return r;
}

/* 1 when a text that should be plain looks like escaped HTML */
static int
looks_html(const char *s)
{
	const char *p;

	for (p = s; (p = strpbrk(p, "<&")) != NULL; p++) {
		if (*p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/'))
			return 1;
		if (*p == '&' && (isalnum((unsigned char)p[1]) || p[1] == '#')) {
			const char *q = p + 1;

			while (isalnum((unsigned char)*q) || *q == '#')
				q++;
			if (*q == ';')
				return 1;
		}
	}
	return 0;
}

/*
 * news_text_squeeze(), short-cut for what it would return unchanged:
 * printable ASCII without leading, trailing or double spaces.
 */
static size_t
squeezed(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == ' ')
		return (size_t)-1;
	for (; *p >= 0x20 && *p < 0x7F; p++)
		if (*p == ' ' && (p[1] == ' ' || p[1] == '\0'))
			return (size_t)-1;
	if (*p != '\0')
		return (size_t)-1;
	return (const char *)p - s;
}

static char *
squeeze(const char *s)
{
	size_t n = squeezed(s);

	if (n == (size_t)-1)
		return news_text_squeeze(s, strlen(s));
	return news_xstrndup(s, n);
}

static char *
clean_title(const char *s, int type)
{
	if (type == CT_HTML || (type == CT_TEXT && looks_html(s)))
		return html_to_text(s);
	return squeeze(s);
}

static int
is_abs_http(const char *s)
{
	return (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0) &&
	    strpbrk(s, " \t\r\n\\") == NULL && strstr(s, "/.") == NULL;
}

/*
 * Resolve ref against the base at depth d; NULL when not usable.  The
 * base is an xml:base in scope; else, in RSS and RDF, the channel's link
 * when it is an http(s) URL (the site relative item links are written
 * for); else the feed's own URL.  A channel link that is not http(s)
 * (javascript:, a bare word) is never a base.
 */
static char *
resolve(struct feed *f, int d, const char *ref)
{
	const char *base = d > 0 && d < MAXDEPTH ? f->base[d] : f->base[0];
	const char *site = f->fslot[FS_LINK];
	char *r;

	while (is_ws((unsigned char)*ref))
		ref++;
	if (*ref == '\0')
		return NULL;
	if (is_abs_http(ref))
		return trimdup(ref, strlen(ref));
	if (site && !news_url_is_http(site))
		site = NULL;
	if (site && base == f->base[0] && !f->json && f->format != F_ATOM)
		base = site;
	r = news_url_resolve(base, ref);
	if (r == NULL && site && base != site)
		r = news_url_resolve(site, ref);
	if (r && (strncasecmp(r, "javascript:", 11) == 0 ||
	    strncasecmp(r, "data:", 5) == 0 || strncasecmp(r, "vbscript:", 9) == 0 ||
	    (strncasecmp(r, "file:", 5) == 0 && !f->local) ||
	    strstr(r, "://") == NULL)) {
		free(r);
		r = NULL;
	}
	return r;
}

static char *
date_str(const char *s)
{
	char buf[NEWS_DATE_BUFSZ];
	int64_t t;

	if (s == NULL || news_date_parse(s, (size_t)-1, 0, 0, &t, NULL) != 0 ||
	    news_date_format(t, buf) == NULL)
		return NULL;
	return news_xstrdup(buf);
}

/* ---- element lookup ---- */

static enum ns
ns_of(const xmlChar *uri, const xmlChar *prefix)
{
	size_t i;

	if (uri != NULL) {
		for (i = 0; i < sizeof(ns_uris) / sizeof(ns_uris[0]); i++)
			if (strcmp((const char *)uri, ns_uris[i].uri) == 0)
				return ns_uris[i].ns;
	}
	if (prefix != NULL) {
		for (i = 0; i < sizeof(ns_prefixes) / sizeof(ns_prefixes[0]); i++)
			if (strcmp((const char *)prefix, ns_prefixes[i].prefix) == 0)
				return ns_prefixes[i].ns;
	}
	return uri ? NS_OTHER : NS_NONE;
}

static enum elem
lookup(struct feed *f, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	uintptr_t h = ((uintptr_t)local >> 3) ^ ((uintptr_t)uri >> 5) ^
	    ((uintptr_t)prefix >> 7);
	struct cache_ent *c = &f->cache[h % CACHE];
	const char *name = (const char *)local, *colon;
	char pfx[32];
	enum ns ns;
	size_t i;

	if (c->set && c->local == local && c->uri == uri && c->prefix == prefix)
		return c->e;
	if (uri == NULL && (colon = strchr(name, ':')) != NULL &&
	    (size_t)(colon - name) < sizeof(pfx)) {
		/* an undeclared prefix: libxml2 passes "p:name" */
		memcpy(pfx, name, colon - name);
		pfx[colon - name] = '\0';
		ns = ns_of(NULL, (const xmlChar *)pfx);
		name = colon + 1;
	} else {
		ns = ns_of(uri, prefix);
	}
	if (ns == NS_NONE && f->format == F_ATOM)
		ns = NS_ATOM;
	c->local = local;
	c->uri = uri;
	c->prefix = prefix;
	c->set = 1;
	c->e = E_NONE;
	for (i = 0; i < sizeof(elems) / sizeof(elems[0]); i++)
		if (elems[i].ns == ns && strcmp(elems[i].name, name) == 0) {
			c->e = elems[i].e;
			break;
		}
	return c->e;
}

/* ---- attributes ---- */

struct attrs {
	const xmlChar **a;
	int n;
};

/* an attribute value (no namespace, or ns) as a new string, or NULL */
static char *
attr(const struct attrs *at, const char *name, enum ns ns)
{
	const char *v, *e, *p;
	struct news_buf b = NEWS_BUF_INIT;
	int i;

	for (i = 0; i < at->n; i++) {
		const xmlChar **x = at->a + 5 * i;

		if (strcmp((const char *)x[0], name) != 0)
			continue;
		if (ns == NS_NONE ? x[2] != NULL && ns_of(x[2], x[1]) != NS_NONE :
		    ns_of(x[2], x[1]) != ns)
			continue;
		v = (const char *)x[3];
		e = (const char *)x[4];
		/* libxml2 keeps '&' in attribute values as "&#38;" */
		while ((p = memmem(v, e - v, "&#38;", 5)) != NULL) {
			news_buf_add(&b, v, p - v);
			news_buf_addc(&b, '&');
			v = p + 5;
		}
		news_buf_add(&b, v, e - v);
		return news_buf_take(&b);
	}
	return NULL;
}

static enum ctype
text_type(const struct attrs *at, int rss)
{
	char *t = attr(at, "type", NS_NONE), *m = attr(at, "mode", NS_NONE);
	enum ctype r = rss ? CT_HTML : CT_TEXT;

	if (t) {
		if (strcmp(t, "html") == 0 || strcmp(t, "text/html") == 0)
			r = CT_HTML;
		else if (strcmp(t, "xhtml") == 0 || strstr(t, "xhtml") != NULL)
			r = CT_XHTML;
		else if (strcmp(t, "text") == 0 || strcmp(t, "text/plain") == 0)
			r = CT_TEXT;
	}
	if (m) {
		if (strcmp(m, "escaped") == 0)
			r = CT_HTML;
		else if (strcmp(m, "xml") == 0)
			r = CT_XHTML;
	}
	free(t);
	free(m);
	return r;
}

/* ---- capture of element text ---- */

static void
cap_start(struct feed *f, int slot, int feedlevel, enum ctype type, int markup)
{
	char **sl = feedlevel ? &f->fslot[slot] : &f->slot[slot];

	if (*sl != NULL && !(slot == SL_CATEGORY && !feedlevel))
		return;
	f->cap = f->depth;
	f->capslot = slot;
	f->capfeed = feedlevel;
	f->captype = type;
	/* HTML comes escaped (kept as it is); text and XHTML are escaped */
	f->capesc = markup && type != CT_HTML;
	f->capmarkup = markup;
	f->capdiv = 0;
	news_buf_reset(&f->text);
}

static void add_category(struct feed *f, const char *s);

static void
cap_end(struct feed *f)
{
	const char *s = news_buf_str(&f->text), *p;
	char *t;
	int slot = f->capslot;
	size_t n;

	f->cap = 0;
	if (f->capfeed) {
		t = slot == FS_TITLE ? clean_title(s, f->captype) :
		    slot == FS_LINK ? resolve(f, f->depth, s) : trimdup(s, strlen(s));
		if (t && *t)
			f->fslot[slot] = t;
		else
			free(t);
		return;
	}
	if (f->slot[slot] != NULL && slot != SL_CATEGORY)
		return;
	/* the common cases straight into the slot, without a copy */
	switch (slot) {
	case SL_TITLE: case SL_DCTITLE: case SL_MTITLE:
		if (f->captype != CT_HTML && !(f->captype == CT_TEXT &&
		    looks_html(s)) && (n = squeezed(s)) != (size_t)-1) {
			if (n > 0) {
				slot_put(f, slot, s, n);
				f->sltype[slot] = f->captype;
			}
			return;
		}
		t = clean_title(s, f->captype);
		break;
	case SL_LINK: case SL_COMMENTS: case SL_GUIDLINK:
		for (p = s; is_ws((unsigned char)*p); p++)
			;
		if (*p != '\0' && is_abs_http(p)) {
			n = strlen(p);
			p = trim_span(p, &n);
			slot_put(f, slot, p, n);
			f->sltype[slot] = f->captype;
			return;
		}
		t = resolve(f, f->depth, s);
		break;
	case SL_DESC: case SL_SUMMARY: case SL_ITSUMMARY: case SL_ITSUBTITLE:
	case SL_MDESC: case SL_ENCODED: case SL_CONTENT: case SL_XBODY:
		if (f->capmarkup || f->captype != CT_TEXT) {
			n = strlen(s);
			p = trim_span(s, &n);
			if (n > 0) {
				slot_put(f, slot, p, n);
				f->sltype[slot] = f->captype;
			}
			return;
		}
		t = trimdup(s, strlen(s));
		if (!f->capmarkup && f->captype == CT_TEXT) {
			/* plain text where HTML is wanted */
			struct news_buf b = NEWS_BUF_INIT;

			add_escaped(&b, t, strlen(t), 0);
			free(t);
			t = news_buf_take(&b);
		}
		break;
	case SL_CATEGORY:
		add_category(f, s);
		return;
	default:
		n = strlen(s);
		p = trim_span(s, &n);
		if (n > 0) {
			slot_put(f, slot, p, n);
			f->sltype[slot] = f->captype;
		}
		return;
	}
	if (t && *t && f->slot[slot] == NULL) {
		slot_take(f, slot, t);
		f->sltype[slot] = f->captype;
	} else {
		free(t);
	}
}

/* ---- item assembly ---- */

static const char *
first(struct feed *f, int a, int b)
{
	int i;

	for (i = a; i <= b; i++)
		if (f->slot[i])
			return f->slot[i];
	return NULL;
}

static void
set_str(json_t *o, const char *k, const char *v)
{
	json_t *s;
	char *r;
	size_t n;

	if (v == NULL || *v == '\0')
		return;
	n = strlen(v);
	if (news_utf8_valid(v, n))
		s = json_stringn_nocheck(v, n);
	else {
		r = news_utf8_repair(v, strlen(v), NULL);
		s = json_string(r);
		free(r);
	}
	if (s)
		json_object_set_new_nocheck(o, k, s);
}

static void
set_date(json_t *o, const char *k, const char *v)
{
	char *d = date_str(v);

	set_str(o, k, d);
	free(d);
}

/*
 * A category of the item, once: kept as JSON text for the record (one
 * that is not valid UTF-8 is left out) and as it is for the comparison.
 */
static void
add_category(struct feed *f, const char *s)
{
	size_t n, mark, i;
	char *t = NULL;
	const char *c;

	if (f->item == 0)
		return;
	if ((n = squeezed(s)) == (size_t)-1) {
		t = news_text_squeeze(s, strlen(s));
		s = t;
		n = strlen(t);
	}
	if (n == 0)
		goto out;
	for (i = 0, c = f->catraw.s; i < f->ncats; i++, c += strlen(c) + 1)
		if (strcmp(c, s) == 0)
			goto out;
	mark = f->cats.len;
	news_buf_addc(&f->cats, f->ncats ? ',' : '[');
	if (news_json_put_string(&f->cats, s, n, 1) != 0) {
		f->cats.len = mark;
		f->cats.s[mark] = '\0';
		goto out;
	}
	news_buf_add(&f->catraw, s, n + 1);
	f->ncats++;
out:
	free(t);
}

/* the categories as a JSON array (JSON Feed items) */
static json_t *
cats_json(struct feed *f)
{
	json_t *a = json_array();
	const char *c;
	size_t i;

	for (i = 0, c = f->catraw.s; i < f->ncats; i++, c += strlen(c) + 1)
		json_array_append_new(a, json_string(c));
	return a;
}

static void
add_enclosure(struct feed *f, const char *url, const char *type,
    const char *length)
{
	json_t *e, *v;
	size_t i;
	const char *errstr;
	long long len;

	if (url == NULL || f->item == 0)
		return;
	if (f->encs == NULL)
		f->encs = json_array();
	json_array_foreach(f->encs, i, v)
		if (strcmp(json_string_value(json_object_get(v, "url")), url) == 0)
			return;
	e = json_object();
	set_str(e, "url", url);
	if (json_object_get(e, "url") == NULL) {
		json_decref(e);
		return;
	}
	if (type)
		set_str(e, "type", type);
	if (length) {
		len = news_strtonum(length, 1, INT64_MAX, &errstr);
		if (errstr == NULL)
			json_object_set_new(e, "length", json_integer(len));
	}
	json_array_append_new(f->encs, e);
}

/* "email (Name)", "Name <email>", "email" or "Name" */
static void
split_author(const char *s, char **name, char **email)
{
	const char *p, *q;
	char *t = trimdup(s, strlen(s));

	*name = *email = NULL;
	if ((p = strchr(t, '(')) && (q = strrchr(t, ')')) && q > p &&
	    memchr(t, '@', p - t)) {
		*email = trimdup(t, p - t);
		*name = trimdup(p + 1, q - p - 1);
	} else if ((p = strchr(t, '<')) && (q = strchr(p, '>')) && memchr(p, '@', q - p)) {
		*email = trimdup(p + 1, q - p - 1);
		*name = trimdup(t, p - t);
	} else if (strchr(t, '@') && !strchr(t, ' ')) {
		*email = news_xstrdup(t);
	} else {
		*name = news_xstrdup(t);
	}
	if (*name && (**name == '\0')) {
		free(*name);
		*name = NULL;
	}
	if (*name == NULL && *email)
		*name = news_xstrdup(*email);
	free(t);
}

/* the author of the item being read: *name (squeezed) and *email */
static void
item_author(struct feed *f, char **namep, char **emailp)
{
	char *name = NULL, *email = NULL;
	const char *s;

	if (f->slot[SL_ANAME] || f->slot[SL_AEMAIL]) {
		name = f->slot[SL_ANAME] ? news_xstrdup(f->slot[SL_ANAME]) : NULL;
		email = f->slot[SL_AEMAIL] ? news_xstrdup(f->slot[SL_AEMAIL]) : NULL;
		if (name == NULL)
			name = news_xstrdup(email);
	} else if ((s = first(f, SL_AUTHOR, SL_ITAUTHOR)) != NULL) {
		split_author(s, &name, &email);
	} else if (f->format == F_ATOM && (f->fslot[FS_ANAME] || f->fslot[FS_AEMAIL])) {
		name = news_xstrdup(f->fslot[FS_ANAME] ? f->fslot[FS_ANAME] :
		    f->fslot[FS_AEMAIL]);
		if (f->fslot[FS_AEMAIL])
			email = news_xstrdup(f->fslot[FS_AEMAIL]);
	}
	*namep = NULL;
	if (name) {
		*namep = squeeze(name);
		free(name);
	}
	*emailp = email;
}

/* o as JSON text appended to b: its strings are valid UTF-8 (set_str
 * repairs them), so jansson's own refusal cannot happen here */
static void
putjson(struct news_buf *b, json_t *o)
{
	if (news_json_put(b, o) != 0)
		news_fatal("feed.c: an item that cannot be written as JSON");
}

static json_t *
feed_object(struct feed *f)
{
	json_t *o = json_object();

	set_str(o, "url", f->url);
	set_str(o, "title", f->fslot[FS_TITLE]);
	set_str(o, "link", f->fslot[FS_LINK]);
	return o;
}

/* the feed object as JSON text, kept while the feed's title and link
 * stay the same (they are set once) */
static const struct news_buf *
feed_text(struct feed *f)
{
	json_t *o;

	if (f->ftext.len == 0 || f->fobj_title != f->fslot[FS_TITLE] ||
	    f->fobj_link != f->fslot[FS_LINK]) {
		o = feed_object(f);
		news_buf_reset(&f->ftext);
		putjson(&f->ftext, o);
		json_decref(o);
		f->fobj_title = f->fslot[FS_TITLE];
		f->fobj_link = f->fslot[FS_LINK];
	}
	return &f->ftext;
}

static void
item_clear(struct feed *f)
{
	memset(f->slot, 0, sizeof(f->slot));
	memset(f->sltype, 0, sizeof(f->sltype));
	news_buf_reset(&f->cats);
	news_buf_reset(&f->catraw);
	f->ncats = 0;
	json_decref(f->encs);
	f->encs = NULL;
}

static int
absent(const char *s)
{
	return s == NULL || *s == '\0';
}

/*
 * An item with nothing to know it by and nothing to read (no link, id,
 * title, summary, content or enclosure: an empty <item>, or one with only
 * a date or an author) is counted for one note a feed, and still written:
 * a feed parser reads the item the feed has (what it does carry, a date,
 * an author, the feed's own fields, is the feed's), and the later tools
 * pass such a record by with a note counted once a run, exit 0.
 */
static void
emit_item(struct feed *f, const struct feed_item *it, int body)
{
	if (absent(it->url) && absent(it->id) && absent(it->title) && !body)
		f->ndropped++;
	f->nitems++;
	if (!f->stopped && f->fn(it, f->arg) != 0) {
		f->stopped = 1;
		if (f->ctxt)
			xmlStopParser(f->ctxt);
	}
}

/* an item built as a json_t (JSON Feed) */
static void
emit(struct feed *f, json_t *o)
{
	struct feed_item it;

	news_buf_reset(&f->line);
	putjson(&f->line, o);
	it.json = f->line.s;
	it.len = f->line.len;
	it.id = news_record_str(o, "id");
	it.url = news_record_str(o, "url");
	it.title = news_record_str(o, "title");
	it.published = news_record_str(o, "published");
	emit_item(f, &it, !absent(news_record_str(o, "summary")) ||
	    !absent(news_record_str(o, "content")) ||
	    json_array_size(json_object_get(o, "enclosures")) > 0);
	json_decref(o);
}

/* "key":"value" into the item's line (nothing when v is NULL or "") */
#define put_field(b, k, v)	put_field_n(b, ",\"" k "\":", sizeof(k) + 3, v)

/* ks: ',"key":' */
static void
put_field_n(struct news_buf *b, const char *ks, size_t kn, const char *v)
{
	size_t n;
	char *r;

	if (v == NULL || *v == '\0')
		return;
	if (b->len <= 1) {
		ks++;
		kn--;
	}
	if (b->cap - b->len <= kn)
		news_buf_grow(b, kn);
	memcpy(b->s + b->len, ks, kn);
	b->len += kn;
	n = strlen(v);
	if (news_json_put_string(b, v, n, 1) != 0) {
		r = news_utf8_repair(v, n, &n);
		news_json_put_string(b, r, n, 0);
		free(r);
	}
}

static const char *
date_buf(const char *s, char *buf)
{
	int64_t t;

	if (s == NULL || news_date_parse(s, (size_t)-1, 0, 0, &t, NULL) != 0)
		return NULL;
	return news_date_format(t, buf);
}

/* the end of an item: its record, written straight as JSON text */
static void
item_end(struct feed *f)
{
	struct news_buf *b = &f->line;
	struct feed_item it;
	const char *img = NULL;
	char pub[NEWS_DATE_BUFSZ], upd[NEWS_DATE_BUFSZ], *name, *email;
	json_t *v;
	size_t i;

	it.url = first(f, SL_LINK, SL_GUIDLINK);
	it.id = first(f, SL_GUID, SL_DCID);
	if (it.id == NULL)
		it.id = it.url;
	it.title = first(f, SL_TITLE, SL_MTITLE);
	it.published = date_buf(first(f, SL_PUBDATE, SL_DCTCREATED), pub);
	item_author(f, &name, &email);
	news_buf_reset(b);
	buf_addc(b, '{');
	put_field(b, "url", it.url);
	put_field(b, "id", it.id);
	put_field(b, "title", it.title);
	put_field(b, "published", it.published);
	put_field(b, "updated", date_buf(first(f, SL_UPDATED, SL_DCTMODIFIED), upd));
	put_field(b, "author", name);
	put_field(b, "author_email", email);
	free(name);
	free(email);
	put_field(b, "summary", first(f, SL_DESC, SL_MDESC));
	put_field(b, "content", first(f, SL_ENCODED, SL_XBODY));
	if (f->ncats) {
		news_buf_adds(b, b->len > 1 ? ",\"categories\":" : "\"categories\":");
		buf_add(b, f->cats.s, f->cats.len);
		buf_addc(b, ']');
	}
	if (f->encs && json_array_size(f->encs)) {
		news_buf_adds(b, b->len > 1 ? ",\"enclosures\":" : "\"enclosures\":");
		putjson(b, f->encs);
	}
	if ((img = first(f, SL_THUMB, SL_ITIMAGE)) == NULL && f->encs) {
		json_array_foreach(f->encs, i, v) {
			const char *t = json_string_value(json_object_get(v, "type"));

			if (t && strncmp(t, "image/", 6) == 0) {
				img = json_string_value(json_object_get(v, "url"));
				break;
			}
		}
	}
	put_field(b, "image", img);
	put_field(b, "comments", first(f, SL_COMMENTS, SL_REPLIES));
	news_buf_adds(b, b->len > 1 ? ",\"feed\":" : "\"feed\":");
	buf_add(b, feed_text(f)->s, feed_text(f)->len);
	buf_addc(b, '}');
	it.json = b->s;
	it.len = b->len;
	emit_item(f, &it, !absent(first(f, SL_DESC, SL_MDESC)) ||
	    !absent(first(f, SL_ENCODED, SL_XBODY)) ||
	    (f->encs && json_array_size(f->encs) > 0));
	item_clear(f);
}

/* ---- SAX callbacks ---- */

static void
link_atom(struct feed *f, const struct attrs *at)
{
	char *rel = attr(at, "rel", NS_NONE), *href = attr(at, "href", NS_NONE);
	char *type = attr(at, "type", NS_NONE), *u;
	int html;

	if (href == NULL || (u = resolve(f, f->depth, href)) == NULL)
		goto out;
	html = type == NULL || strcmp(type, "text/html") == 0 ||
	    strcmp(type, "application/xhtml+xml") == 0;
	if (rel == NULL || strcmp(rel, "alternate") == 0 ||
	    strcmp(rel, "http://www.iana.org/assignments/relation/alternate") == 0) {
		if (f->item == 0) {
			if (f->fslot[FS_LINK] == NULL && html)
				f->fslot[FS_LINK] = news_xstrdup(u);
		} else if (f->slot[html ? SL_ALTLINK : SL_ALTLINK2] == NULL) {
			slot_put(f, html ? SL_ALTLINK : SL_ALTLINK2, u, strlen(u));
		}
	} else if (strcmp(rel, "enclosure") == 0) {
		char *len = attr(at, "length", NS_NONE);

		add_enclosure(f, u, type, len);
		free(len);
	} else if (strcmp(rel, "replies") == 0 && html && f->item &&
	    f->slot[SL_REPLIES] == NULL) {
		slot_put(f, SL_REPLIES, u, strlen(u));
	}
	free(u);
out:
	free(rel);
	free(href);
	free(type);
}

static void
media_content(struct feed *f, const struct attrs *at)
{
	char *url = attr(at, "url", NS_NONE), *type = attr(at, "type", NS_NONE);
	char *medium = attr(at, "medium", NS_NONE), *len = attr(at, "fileSize", NS_NONE);
	char *u;

	if (url == NULL || (u = resolve(f, f->depth, url)) == NULL)
		goto out;
	if ((medium && strcmp(medium, "image") == 0) ||
	    (type && strncmp(type, "image/", 6) == 0)) {
		if (f->slot[SL_MIMAGE] == NULL)
			slot_put(f, SL_MIMAGE, u, strlen(u));
	} else if (type || medium) {
		add_enclosure(f, u, type, len);
	}
	free(u);
out:
	free(url);
	free(type);
	free(medium);
	free(len);
}

static void
url_attr_slot(struct feed *f, const struct attrs *at, const char *name, int slot)
{
	char *v, *u;

	if (f->slot[slot] != NULL || (v = attr(at, name, NS_NONE)) == NULL)
		return;
	if ((u = resolve(f, f->depth, v)) != NULL)
		slot_take(f, slot, u);
	free(v);
}

/* the start of an element inside an item (not captured, not skipped) */
static void
item_start(struct feed *f, enum elem e, const struct attrs *at)
{
	char *v, *w, *u;

	switch (e) {
	case E_TITLE: cap_start(f, SL_TITLE, 0, CT_TEXT, 0); break;
	case E_A_TITLE: cap_start(f, SL_TITLE, 0, text_type(at, 0), 0); break;
	case E_DC_TITLE: cap_start(f, SL_DCTITLE, 0, CT_TEXT, 0); break;
	case E_M_TITLE: cap_start(f, SL_MTITLE, 0, CT_TEXT, 0); break;
	case E_LINK: cap_start(f, SL_LINK, 0, CT_TEXT, 0); break;
	case E_A_LINK: link_atom(f, at); break;
	case E_GUID:
		v = attr(at, "isPermaLink", NS_NONE);
		cap_start(f, SL_GUID, 0, CT_TEXT, 0);
		f->capdiv = v == NULL || strcasecmp(v, "false") != 0 ? -1 : 0;
		free(v);
		break;
	case E_A_ID: cap_start(f, SL_ATOMID, 0, CT_TEXT, 0); break;
	case E_DC_IDENTIFIER: cap_start(f, SL_DCID, 0, CT_TEXT, 0); break;
	case E_PUBDATE: cap_start(f, SL_PUBDATE, 0, CT_TEXT, 0); break;
	case E_DC_DATE: cap_start(f, SL_DCDATE, 0, CT_TEXT, 0); break;
	case E_A_PUBLISHED: cap_start(f, SL_PUBLISHED, 0, CT_TEXT, 0); break;
	case E_A_ISSUED: cap_start(f, SL_ISSUED, 0, CT_TEXT, 0); break;
	case E_DCT_ISSUED: cap_start(f, SL_DCTISSUED, 0, CT_TEXT, 0); break;
	case E_A_CREATED: cap_start(f, SL_CREATED, 0, CT_TEXT, 0); break;
	case E_DCT_CREATED: cap_start(f, SL_DCTCREATED, 0, CT_TEXT, 0); break;
	case E_A_UPDATED: cap_start(f, SL_UPDATED, 0, CT_TEXT, 0); break;
	case E_A_MODIFIED: cap_start(f, SL_MODIFIED, 0, CT_TEXT, 0); break;
	case E_DCT_MODIFIED: cap_start(f, SL_DCTMODIFIED, 0, CT_TEXT, 0); break;
	case E_AUTHOR: cap_start(f, SL_AUTHOR, 0, CT_TEXT, 0); break;
	case E_DC_CREATOR: cap_start(f, SL_DCCREATOR, 0, CT_TEXT, 0); break;
	case E_IT_AUTHOR: cap_start(f, SL_ITAUTHOR, 0, CT_TEXT, 0); break;
	case E_A_AUTHOR:
		if (f->slot[SL_ANAME] == NULL && f->slot[SL_AEMAIL] == NULL)
			f->author = f->depth;
		else
			f->skip = f->depth;
		break;
	case E_A_NAME:
		if (f->author)
			cap_start(f, SL_ANAME, 0, CT_TEXT, 0);
		break;
	case E_A_EMAIL:
		if (f->author)
			cap_start(f, SL_AEMAIL, 0, CT_TEXT, 0);
		break;
	case E_DESC: cap_start(f, SL_DESC, 0, CT_HTML, 1); break;
	case E_DC_DESC: cap_start(f, SL_DESC, 0, CT_TEXT, 1); break;
	case E_A_SUMMARY: cap_start(f, SL_SUMMARY, 0, text_type(at, 0), 1); break;
	case E_IT_SUMMARY: cap_start(f, SL_ITSUMMARY, 0, CT_TEXT, 1); break;
	case E_IT_SUBTITLE: cap_start(f, SL_ITSUBTITLE, 0, CT_TEXT, 1); break;
	case E_M_DESC:
		v = attr(at, "type", NS_NONE);
		cap_start(f, SL_MDESC, 0, v && strcmp(v, "html") == 0 ?
		    CT_HTML : CT_TEXT, 1);
		free(v);
		break;
	case E_ENCODED: cap_start(f, SL_ENCODED, 0, CT_HTML, 1); break;
	case E_X_BODY: cap_start(f, SL_XBODY, 0, CT_XHTML, 1); break;
	case E_A_CONTENT:
		v = attr(at, "src", NS_NONE);
		w = attr(at, "type", NS_NONE);
		if (v == NULL && (w == NULL || strncmp(w, "text", 4) == 0 ||
		    strcmp(w, "html") == 0 || strstr(w, "xhtml") || strstr(w, "xml")))
			cap_start(f, SL_CONTENT, 0, text_type(at, 0), 1);
		else
			f->skip = f->depth;
		free(v);
		free(w);
		break;
	case E_CATEGORY: case E_DC_SUBJECT:
		cap_start(f, SL_CATEGORY, 0, CT_TEXT, 0);
		break;
	case E_A_CATEGORY:
		if ((v = attr(at, "term", NS_NONE)) == NULL)
			v = attr(at, "label", NS_NONE);
		if (v)
			add_category(f, v);
		free(v);
		break;
	case E_ENCLOSURE:
		v = attr(at, "url", NS_NONE);
		if (v && (u = resolve(f, f->depth, v)) != NULL) {
			char *t = attr(at, "type", NS_NONE), *l = attr(at, "length", NS_NONE);

			add_enclosure(f, u, t, l);
			free(t);
			free(l);
			free(u);
		}
		free(v);
		break;
	case E_COMMENTS: cap_start(f, SL_COMMENTS, 0, CT_TEXT, 0); break;
	case E_M_CONTENT: media_content(f, at); break;
	case E_M_THUMBNAIL: url_attr_slot(f, at, "url", SL_THUMB); break;
	case E_IT_IMAGE: url_attr_slot(f, at, "href", SL_ITIMAGE); break;
	case E_SKIP: case E_ITEM: case E_ENTRY: case E_CHANNEL:
		f->skip = f->depth;
		break;
	default:
		break;
	}
}

/* the start of an element at feed level (a child of channel or feed) */
static void
feed_start(struct feed *f, enum elem e, const struct attrs *at, enum elem parent)
{
	if (parent != E_CHANNEL && parent != E_FEED && parent != E_RSS) {
		if (e == E_A_NAME && f->author)
			cap_start(f, FS_ANAME, 1, CT_TEXT, 0);
		else if (e == E_A_EMAIL && f->author)
			cap_start(f, FS_AEMAIL, 1, CT_TEXT, 0);
		return;
	}
	switch (e) {
	case E_TITLE: case E_DC_TITLE: cap_start(f, FS_TITLE, 1, CT_TEXT, 0); break;
	case E_A_TITLE: cap_start(f, FS_TITLE, 1, text_type(at, 0), 0); break;
	case E_LINK: cap_start(f, FS_LINK, 1, CT_TEXT, 0); break;
	case E_A_LINK: link_atom(f, at); break;
	case E_A_AUTHOR:
		if (f->fslot[FS_ANAME] == NULL)
			f->author = f->depth;
		break;
	case E_SKIP:
		f->skip = f->depth;
		break;
	default:
		break;
	}
}

static void
markup_start(struct feed *f, const xmlChar *local, const struct attrs *at)
{
	const char *name = (const char *)local, *c;
	int i;

	if ((c = strchr(name, ':')) != NULL)
		name = c + 1;
	news_buf_addc(&f->text, '<');
	news_buf_adds(&f->text, name);
	for (i = 0; i < at->n; i++) {
		const xmlChar **x = at->a + 5 * i;
		char *v = attr(&(struct attrs){ x, 1 }, (const char *)x[0],
		    ns_of(x[2], x[1]) == NS_XHTML ? NS_NONE : ns_of(x[2], x[1]));
		char *u = NULL;

		if (v == NULL)
			continue;
		if (strcmp((const char *)x[0], "href") == 0 ||
		    strcmp((const char *)x[0], "src") == 0)
			u = resolve(f, f->depth, v);
		news_buf_printf(&f->text, " %s=\"", (const char *)x[0]);
		add_escaped(&f->text, u ? u : v, strlen(u ? u : v), 1);
		news_buf_addc(&f->text, '"');
		free(u);
		free(v);
	}
	news_buf_addc(&f->text, '>');
}

static int
is_void(const char *name)
{
	static const char *const v[] = { "br", "img", "hr", "input", "meta",
	    "link", "area", "base", "col", "embed", "source", "track", "wbr", NULL };
	int i;

	for (i = 0; v[i]; i++)
		if (strcmp(name, v[i]) == 0)
			return 1;
	return 0;
}

static void
set_base(struct feed *f, const struct attrs *at)
{
	int d = f->depth, i;
	char *v;

	f->base[d] = f->base[d - 1];
	f->ownbase[d] = 0;
	for (i = 0; i < at->n; i++) {
		const xmlChar **x = at->a + 5 * i;

		if (strcmp((const char *)x[0], "base") != 0 ||
		    ns_of(x[2], x[1]) != NS_XML)
			continue;
		if ((v = attr(&(struct attrs){ x, 1 }, "base", NS_XML)) != NULL) {
			char *r = news_url_resolve(f->base[d - 1], v);

			if (r) {
				if (f->ownbase[d])
					free(f->base[d]);
				f->base[d] = r;
				f->ownbase[d] = 1;
			}
			free(v);
		}
	}
}

static int
blank(const struct news_buf *b)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		if (!is_ws((unsigned char)b->s[i]))
			return 0;
	return 1;
}

/*
 * The feed's root element: rss, rdf:RDF, an Atom feed, or a bare channel.
 * Elements around it (a feed wrapped in XHTML) are skipped.  Returns 1
 * when e is one.
 */
static int
root_start(struct feed *f, enum elem e)
{
	switch (e) {
	case E_RSS: case E_CHANNEL: f->format = F_RSS; break;
	case E_RDF: f->format = F_RDF; break;
	case E_FEED:
		f->format = F_ATOM;
		memset(f->cache, 0, sizeof(f->cache));	/* bare names are Atom */
		break;
	default:
		return 0;
	}
	f->rootdone = 1;
	return 1;
}

static void
start_element(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **nss, int nattr,
    int ndefaulted, const xmlChar **attrs)
{
	struct feed *f = ctx;
	struct attrs at = { attrs, nattr };
	enum elem e, parent;

	(void)nns; (void)nss; (void)ndefaulted;
	if (f->stopped)
		return;
	if (f->lxdepth + 1 < MAXDEPTH)
		f->lxph[++f->lxdepth] = 0;
	if (++f->depth >= MAXDEPTH) {
		/* libxml2 stops at 256 levels already; be safe */
		return;
	}
	set_base(f, &at);
	f->names[f->depth] = local;
	e = lookup(f, local, prefix, uri);
	parent = f->stack[f->depth - 1];
	f->stack[f->depth] = e;
	if (!f->rootdone) {
		if (f->root[0] == '\0')
			snprintf(f->root, sizeof(f->root), "%s",
			    (const char *)local);
		root_start(f, e);
		return;
	}
	if (f->cap) {
		if (!f->capmarkup)
			return;
		if (f->captype == CT_XHTML && f->depth == f->cap + 1 &&
		    e == E_X_DIV && f->capdiv == 0 && blank(&f->text)) {
			f->capdiv = f->depth;	/* the Atom wrapper div */
			news_buf_reset(&f->text);
			return;
		}
		markup_start(f, local, &at);
		return;
	}
	if (f->skip)
		return;
	if (f->item == 0 && (e == E_ITEM || e == E_ENTRY)) {
		f->item = f->depth;
		return;
	}
	if (f->item)
		item_start(f, e, &at);
	else
		feed_start(f, e, &at, parent);
}

static void
end_one(struct feed *f)
{
	int d = f->depth;
	const char *name, *c;

	if (f->stopped || d <= 0)
		return;
	name = d < MAXDEPTH && f->names[d] ? (const char *)f->names[d] : "";
	f->depth--;
	if (d >= MAXDEPTH)
		return;
	if (f->cap) {
		if (d == f->cap) {
			if (f->capslot == SL_GUID && f->capdiv == -1) {
				/* a permalink guid is also a link */
				char *s = trimdup(f->text.s ? f->text.s : "", f->text.len);

				if (f->slot[SL_GUIDLINK] == NULL && news_url_is_http(s))
					slot_put(f, SL_GUIDLINK, s, strlen(s));
				free(s);
			}
			f->depth = d;
			cap_end(f);	/* with the element's own xml:base */
			f->depth = d - 1;
		} else if (f->capmarkup && d != f->capdiv) {
			if ((c = strchr(name, ':')) != NULL)
				name = c + 1;
			if (!is_void(name))
				news_buf_printf(&f->text, "</%s>", name);
		}
	}
	if (f->ownbase[d]) {
		free(f->base[d]);
		f->ownbase[d] = 0;
	}
	f->base[d] = NULL;
	if (f->cap)
		return;
	if (d == f->skip) {
		f->skip = 0;
		return;
	}
	if (f->skip)
		return;
	if (d == f->author) {
		f->author = 0;
		return;
	}
	if (d == f->item) {
		f->item = 0;
		item_end(f);
	}
}

static const char *
local_part(const char *s)
{
	const char *c = strchr(s, ':');

	return c ? c + 1 : s;
}

/*
 * libxml2 recovers from an end tag that does not match (an unclosed <p>
 * or <br> in raw HTML) by closing only the innermost element, which
 * shifts every later end tag by one.  We close up to the element the end
 * tag names instead, and skip the ends libxml2 sends for the elements we
 * closed early (marked in lxph).
 */
static void
end_element(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct feed *f = ctx;
	char real[sizeof(f->mismatch)];
	int ph = 0, t, n, k, closing;

	(void)local; (void)prefix; (void)uri;
	if (f->lxdepth > 0 && f->lxdepth < MAXDEPTH)
		ph = f->lxph[f->lxdepth];
	if (f->lxdepth > 0)
		f->lxdepth--;
	if (f->mismatch[0] == '\0') {
		if (!ph)
			end_one(f);
		return;
	}
	snprintf(real, sizeof(real), "%s", local_part(f->mismatch));
	f->mismatch[0] = '\0';
	for (t = f->depth < MAXDEPTH ? f->depth : 0; t > 0; t--)
		if (f->names[t] && strcmp(local_part((const char *)f->names[t]), real) == 0)
			break;
	if (t == 0) {
		if (!ph)
			end_one(f);
		return;
	}
	n = f->depth - t + 1;
	closing = ph ? n : n - 1;
	for (k = f->lxdepth; k > 0 && closing > 0; k--)
		if (k < MAXDEPTH && !f->lxph[k]) {
			f->lxph[k] = 1;
			closing--;
		}
	while (n-- > 0)
		end_one(f);
}

static void
characters(void *ctx, const xmlChar *s, int n)
{
	struct feed *f = ctx;

	if (f->cap == 0 || f->stopped)
		return;
	if (f->capesc)
		add_escaped(&f->text, (const char *)s, n, 0);
	else
		buf_add(&f->text, s, n);
}

static xmlEntityPtr
get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static void
structured_error(void *ctx, xmlErrorPtr e)
{
	struct feed *f = ctx;
	size_t n;

	if (e && e->code == XML_ERR_TAG_NAME_MISMATCH && e->str2)
		snprintf(f->mismatch, sizeof(f->mismatch), "%s", e->str2);
	if (f->err[0] != '\0' || e == NULL || e->message == NULL)
		return;
	snprintf(f->err, sizeof(f->err), "line %d: %s", e->line, e->message);
	n = strlen(f->err);
	while (n > 0 && (f->err[n - 1] == '\n' || f->err[n - 1] == ' '))
		f->err[--n] = '\0';
}

static xmlSAXHandler sax_handler = {
	.initialized = XML_SAX2_MAGIC,
	.startElementNs = start_element,
	.endElementNs = end_element,
	.characters = characters,
	.cdataBlock = characters,
	.getEntity = get_entity,
	.serror = structured_error,
};

/* ---- JSON Feed ---- */

static const char *
jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void
json_author(json_t *o, json_t *it)
{
	json_t *a = json_object_get(it, "authors");
	const char *n;

	if (json_is_array(a))
		a = json_array_get(a, 0);
	else
		a = json_object_get(it, "author");
	if (json_is_object(a) && (n = jstr(a, "name")) != NULL) {
		char *sq = news_text_squeeze(n, strlen(n));

		set_str(o, "author", sq);
		free(sq);
	}
}

static void
json_item(struct feed *f, json_t *it, json_t *jfeed)
{
	json_t *o = json_object(), *v, *tags, *att, *id;
	char *url = NULL, *s;
	const char *t;
	size_t i;

	if ((t = jstr(it, "url")) != NULL || (t = jstr(it, "external_url")) != NULL)
		url = resolve(f, 0, t);
	set_str(o, "url", url);
	id = json_object_get(it, "id");
	if (json_is_string(id) && *json_string_value(id))
		set_str(o, "id", json_string_value(id));
	else if (json_is_integer(id))
		json_object_set_new(o, "id", json_sprintf("%" JSON_INTEGER_FORMAT,
		    json_integer_value(id)));
	else
		set_str(o, "id", url);
	if ((t = jstr(it, "title")) != NULL) {
		s = clean_title(t, CT_TEXT);
		set_str(o, "title", s);
		free(s);
	}
	set_date(o, "published", jstr(it, "date_published"));
	set_date(o, "updated", jstr(it, "date_modified"));
	json_author(o, it);
	if (json_object_get(o, "author") == NULL)
		json_author(o, jfeed);
	set_str(o, "summary", jstr(it, "summary"));
	if ((t = jstr(it, "content_html")) != NULL) {
		set_str(o, "content", t);
	} else if ((t = jstr(it, "content_text")) != NULL) {
		struct news_buf b = NEWS_BUF_INIT;

		add_escaped(&b, t, strlen(t), 0);
		set_str(o, "content", news_buf_str(&b));
		news_buf_free(&b);
	}
	tags = json_object_get(it, "tags");
	if (json_is_array(tags)) {
		json_array_foreach(tags, i, v)
			if (json_is_string(v)) {
				f->item = 1;
				add_category(f, json_string_value(v));
				f->item = 0;
			}
		if (f->ncats)
			json_object_set_new(o, "categories", cats_json(f));
	}
	att = json_object_get(it, "attachments");
	if (json_is_array(att)) {
		json_array_foreach(att, i, v) {
			char len[32] = "", *u;
			json_t *sz = json_object_get(v, "size_in_bytes");

			if (!json_is_object(v) || (t = jstr(v, "url")) == NULL ||
			    (u = resolve(f, 0, t)) == NULL)
				continue;
			if (json_is_integer(sz))
				snprintf(len, sizeof(len), "%" JSON_INTEGER_FORMAT,
				    json_integer_value(sz));
			f->item = 1;
			add_enclosure(f, u, jstr(v, "mime_type"), *len ? len : NULL);
			f->item = 0;
			free(u);
		}
		if (f->encs && json_array_size(f->encs))
			json_object_set(o, "enclosures", f->encs);
	}
	if ((t = jstr(it, "image")) != NULL || (t = jstr(it, "banner_image")) != NULL) {
		s = resolve(f, 0, t);
		set_str(o, "image", s);
		free(s);
	}
	json_object_set_new(o, "feed", feed_object(f));
	free(url);
	item_clear(f);
	emit(f, o);
}

/* a string, or the "#value" / "value" of an object (RSS-in-JSON) */
static const char *
jval(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v)) {
		const char *s = jstr(v, "#value");

		return s ? s : jstr(v, "value");
	}
	return NULL;
}

/* one item of RSS in JSON (rss.channel.item[], as scripting.com writes) */
static void
json_rss_item(struct feed *f, json_t *it)
{
	json_t *o = json_object(), *v, *c;
	char *url = NULL, *s;
	const char *t, *id;
	size_t i;

	if ((t = jval(json_object_get(it, "link"))) != NULL)
		url = resolve(f, 0, t);
	id = jval(json_object_get(it, "guid"));
	if (url == NULL && id && news_url_is_http(id))
		url = news_xstrdup(id);
	set_str(o, "url", url);
	set_str(o, "id", id && *id ? id : url);
	if ((t = jval(json_object_get(it, "title"))) != NULL) {
		s = clean_title(t, CT_TEXT);
		set_str(o, "title", s);
		free(s);
	}
	set_date(o, "published", jval(json_object_get(it, "pubDate")));
	if ((t = jval(json_object_get(it, "author"))) != NULL) {
		char *name, *email;

		split_author(t, &name, &email);
		set_str(o, "author", name);
		set_str(o, "author_email", email);
		free(name);
		free(email);
	}
	set_str(o, "summary", jval(json_object_get(it, "description")));
	f->item = 1;
	c = json_object_get(it, "category");
	if (json_is_array(c)) {
		json_array_foreach(c, i, v)
			if ((t = jval(v)) != NULL)
				add_category(f, t);
	} else if ((t = jval(c)) != NULL) {
		add_category(f, t);
	}
	c = json_object_get(it, "enclosure");
	if (json_is_object(c) && (t = jstr(c, "url")) != NULL &&
	    (s = resolve(f, 0, t)) != NULL) {
		json_t *l = json_object_get(c, "length");
		char len[32] = "";

		if (json_is_string(l))
			snprintf(len, sizeof(len), "%s", json_string_value(l));
		else if (json_is_integer(l))
			snprintf(len, sizeof(len), "%" JSON_INTEGER_FORMAT,
			    json_integer_value(l));
		add_enclosure(f, s, jstr(c, "type"), *len ? len : NULL);
		free(s);
	}
	f->item = 0;
	if (f->ncats)
		json_object_set_new(o, "categories", cats_json(f));
	if (f->encs && json_array_size(f->encs))
		json_object_set(o, "enclosures", f->encs);
	if ((t = jval(json_object_get(it, "comments"))) != NULL) {
		s = resolve(f, 0, t);
		set_str(o, "comments", s);
		free(s);
	}
	json_object_set_new(o, "feed", feed_object(f));
	free(url);
	item_clear(f);
	emit(f, o);
}

static int
json_parse_rss(struct feed *f, json_t *ch)
{
	json_t *items = json_object_get(ch, "item"), *it;
	const char *t;
	size_t i;

	f->format = F_RSS;
	if ((t = jval(json_object_get(ch, "title"))) != NULL)
		f->fslot[FS_TITLE] = clean_title(t, CT_TEXT);
	if ((t = jval(json_object_get(ch, "link"))) != NULL)
		f->fslot[FS_LINK] = resolve(f, 0, t);
	if (json_is_object(items))
		json_rss_item(f, items);
	else
		json_array_foreach(items, i, it) {
			if (f->stopped)
				break;
			if (json_is_object(it))
				json_rss_item(f, it);
		}
	return 0;
}

static int
json_parse(struct feed *f)
{
	json_t *root, *items, *it;
	json_error_t je;
	const char *t;
	char *fixed;
	size_t i, n;

	fixed = news_utf8_repair(news_buf_str(&f->jbuf), f->jbuf.len, &n);
	root = json_loadb(fixed, n, JSON_DECODE_ANY, &je);
	free(fixed);
	if (root == NULL) {
		snprintf(f->err, sizeof(f->err), "JSON Feed: line %d: %s",
		    je.line, je.text);
		return -1;
	}
	items = json_object_get(root, "items");
	t = jstr(root, "version");
	if (!json_is_array(items) &&
	    json_is_object(json_object_get(json_object_get(root, "rss"), "channel"))) {
		json_parse_rss(f, json_object_get(json_object_get(root, "rss"), "channel"));
		json_decref(root);
		return 0;
	}
	if (!json_is_array(items) || (t && strstr(t, "jsonfeed") == NULL)) {
		json_decref(root);
		f->format = F_NOTFEED;
		return -1;
	}
	f->format = F_RSS;	/* something that is a feed */
	if ((t = jstr(root, "title")) != NULL)
		f->fslot[FS_TITLE] = clean_title(t, CT_TEXT);
	if ((t = jstr(root, "home_page_url")) != NULL)
		f->fslot[FS_LINK] = resolve(f, 0, t);
	json_array_foreach(items, i, it) {
		if (f->stopped)
			break;
		if (json_is_object(it))
			json_item(f, it, root);
	}
	json_decref(root);
	return 0;
}

/* ---- the interface ---- */

struct feed *
feed_new(const char *url, feed_item_fn fn, void *arg)
{
	struct feed *f = news_xcalloc(1, sizeof(*f));

	f->url = url ? news_xstrdup(url) : NULL;
	f->fn = fn;
	f->arg = arg;
	f->fix = xmlfix_new();
	f->jmax = JSON_MAX_DEFAULT;
	if (url && news_url_is_http(url))
		f->base[0] = f->url;
	else if (url && strncmp(url, "file://", 7) == 0) {
		/* a local file the user named: its links may be file: too */
		f->base[0] = f->url;
		f->local = 1;
	}
	return f;
}

void
feed_set_json_max(struct feed *f, size_t max)
{
	f->jmax = max;
}

static int
xml_push(struct feed *f, const char *p, size_t n, int final)
{
	if (f->ctxt == NULL) {
		f->ctxt = xmlCreatePushParserCtxt(&sax_handler, f, NULL, 0,
		    f->url ? f->url : "feed");
		if (f->ctxt == NULL)
			news_fatal("libxml2: cannot create a parser");
		xmlCtxtUseOptions(f->ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET |
		    XML_PARSE_IGNORE_ENC | XML_PARSE_NOWARNING);
		xmlSwitchEncoding(f->ctxt, XML_CHAR_ENCODING_UTF8);
	}
	while (n > 0 || final) {
		size_t k = n > 4096 ? 4096 : n;

		xmlParseChunk(f->ctxt, p, (int)k, final && k == n);
		p += k;
		n -= k;
		if (n == 0)
			break;
	}
	return f->stopped || f->format == F_NOTFEED ? -1 : 0;
}

int
feed_push(struct feed *f, const char *p, size_t n)
{
	size_t direct;
	int r;

	if (f->stopped || f->format == F_NOTFEED)
		return -1;
	if (f->nhead < HEAD_MAX) {
		size_t k = n < HEAD_MAX - f->nhead ? n : HEAD_MAX - f->nhead;

		memcpy(f->head + f->nhead, p, k);
		f->nhead += k;
	}
	if (f->json) {
		if (f->jbuf.len + n > f->jmax) {
			snprintf(f->err, sizeof(f->err),
			    "JSON Feed larger than %zu bytes", f->jmax);
			f->stopped = 1;
			return -1;
		}
		news_buf_add(&f->jbuf, p, n);
		return 0;
	}
	news_buf_reset(&f->clean);
	if (xmlfix_push(f->fix, p, n, 0, &f->clean, &direct) == 1) {
		f->json = 1;
		news_buf_reset(&f->jbuf);
		news_buf_add(&f->jbuf, f->clean.s, f->clean.len);
		return 0;
	}
	if (direct > 0 && xml_push(f, p, direct, 0) != 0)
		return -1;
	if (f->clean.len == 0)
		return 0;
	r = xml_push(f, f->clean.s, f->clean.len, 0);
	if (f->clean.cap > 4 * 1024 * 1024) {
		news_buf_free(&f->clean);
	}
	return r;
}

int
feed_end(struct feed *f)
{
	const char *what;
	size_t direct;

	if (f->ended)
		return f->errmsg ? -1 : 0;
	f->ended = 1;
	if (!f->json && !f->stopped && f->format != F_NOTFEED) {
		news_buf_reset(&f->clean);
		if (xmlfix_push(f->fix, "", 0, 1, &f->clean, &direct) == 1) {
			f->json = 1;
			news_buf_reset(&f->jbuf);
			news_buf_add(&f->jbuf, f->clean.s, f->clean.len);
		} else {
			xml_push(f, f->clean.s ? f->clean.s : "", f->clean.len, 1);
		}
	}
	if (f->json && !f->stopped) {
		if (json_parse(f) != 0 && f->format != F_NOTFEED) {
			f->errmsg = news_xstrdup(f->err);
			return -1;
		}
	}
	if (f->stopped && f->err[0] != '\0' && f->json) {
		f->errmsg = news_xstrdup(f->err);
		return -1;
	}
	if (f->stopped)
		return 0;
	if (f->format == F_NOTFEED || f->format == F_UNKNOWN) {
		char buf[128];

		/* by the content, not the name or the Content-Type */
		what = xmlfix_sniff(f->head, f->nhead, f->root, buf, sizeof(buf));
		if (what == NULL) {
			f->errmsg = news_xstrdup("empty document, not a feed");
		} else {
			struct news_buf b = NEWS_BUF_INIT;

			news_buf_printf(&b, "not a feed: looks like %s", what);
			f->errmsg = news_buf_take(&b);
		}
		return -1;
	}
	if (f->depth > 0) {
		struct news_buf b = NEWS_BUF_INIT;

		news_buf_printf(&b, "truncated document after %zu items", f->nitems);
		if (f->err[0])
			news_buf_printf(&b, " (%s)", f->err);
		f->errmsg = news_buf_take(&b);
		return -1;
	}
	return 0;
}

const char *
feed_error(const struct feed *f)
{
	return f->errmsg ? f->errmsg : f->err;
}

size_t
feed_nitems(const struct feed *f)
{
	return f->nitems;
}

size_t
feed_ndropped(const struct feed *f)
{
	return f->ndropped;
}

void
feed_free(struct feed *f)
{
	int i;

	if (f == NULL)
		return;
	if (f->ctxt) {
		if (f->ctxt->myDoc)
			xmlFreeDoc(f->ctxt->myDoc);
		xmlFreeParserCtxt(f->ctxt);
	}
	for (i = 1; i < MAXDEPTH; i++)
		if (f->ownbase[i])
			free(f->base[i]);
	item_clear(f);
	for (i = 0; i < NSLOT; i++)
		news_buf_free(&f->sbuf[i]);
	news_buf_free(&f->cats);
	news_buf_free(&f->catraw);
	for (i = 0; i < NFSLOT; i++)
		free(f->fslot[i]);
	news_buf_free(&f->ftext);
	news_buf_free(&f->line);
	xmlfix_free(f->fix);
	news_buf_free(&f->clean);
	news_buf_free(&f->jbuf);
	news_buf_free(&f->text);
	free(f->errmsg);
	free(f->url);
	free(f);
}

int
feed_parse_mem(const char *url, const char *p, size_t n, feed_item_fn fn,
    void *arg, char *err, size_t errlen)
{
	struct feed *f = feed_new(url, fn, arg);
	int r;

	feed_push(f, p, n);
	r = feed_end(f);
	if (r != 0 && err)
		snprintf(err, errlen, "%s", feed_error(f));
	feed_free(f);
	return r;
}
