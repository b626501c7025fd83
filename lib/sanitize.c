/*
 * sanitize.c: HTML to a safe fragment through an allowlist (sanitize.h).
 *
 * One iterative walk over a libxml2 tree.  Each kept element pushes a
 * frame holding where its open tag starts in the output; when it closes
 * with nothing meaningful written since (no text, no image), the output
 * is cut back to that point, so empty wrappers vanish.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "news.h"
#include "buf.h"
#include "html.h"
#include "sanitize.h"
#include "text.h"
#include "url.h"

enum act { SKIP, UNWRAP, KEEP };

struct frame {
	const xmlNode *node;
	const char *tag;	/* output name */
	size_t start;		/* offset of '<' of the open tag */
	size_t open_end;	/* offset after the open tag */
	int block, phrasing, pre;
};

struct san {
	struct news_buf *out;
	const char *base;
	char *basehost;
	int flags;
	size_t mark;		/* offset after the last meaningful output */
	struct frame *st;
	size_t n, cap;
	int pre;		/* open pre frames */
	int phrasing;		/* open frames that hold phrasing content */
	int space;		/* a space is pending */
	int atstart;		/* nothing inline since the last block edge */
};

/* Dropped with their content. Sorted for bsearch. */
static const char *const dropped[] = {
	"applet", "area", "audio", "base", "button", "canvas", "datalist",
	"embed", "form", "frame", "frameset", "head", "iframe", "input",
	"link", "map", "math", "meta", "noembed", "noframes", "noscript",
	"object", "option", "param", "script", "select", "source", "style",
	"svg", "template", "textarea", "title", "track", "video"
};

/* Kept elements, sorted: name, output name, block, holds phrasing. */
static const struct keep {
	const char *name, *out;
	int block, phrasing;
} kept[] = {
	{ "a", "a", 0, 0 },
	{ "b", "strong", 0, 0 },
	{ "blockquote", "blockquote", 1, 0 },
	{ "br", "br", 0, 0 },
	{ "caption", "caption", 1, 1 },
	{ "cite", "cite", 0, 0 },
	{ "code", "code", 0, 0 },
	{ "dd", "dd", 1, 1 },
	{ "dl", "dl", 1, 0 },
	{ "dt", "dt", 1, 1 },
	{ "em", "em", 0, 0 },
	{ "figcaption", "figcaption", 1, 1 },
	{ "figure", "figure", 1, 0 },
	{ "h1", "h2", 1, 1 },
	{ "h2", "h2", 1, 1 },
	{ "h3", "h3", 1, 1 },
	{ "h4", "h4", 1, 1 },
	{ "h5", "h5", 1, 1 },
	{ "h6", "h6", 1, 1 },
	{ "hr", "hr", 1, 0 },
	{ "i", "em", 0, 0 },
	{ "img", "img", 0, 0 },
	{ "kbd", "code", 0, 0 },
	{ "li", "li", 1, 1 },
	{ "ol", "ol", 1, 0 },
	{ "p", "p", 1, 1 },
	{ "pre", "pre", 1, 1 },
	{ "q", "q", 0, 0 },
	{ "samp", "code", 0, 0 },
	{ "strong", "strong", 0, 0 },
	{ "sub", "sub", 0, 0 },
	{ "sup", "sup", 0, 0 },
	{ "table", "table", 1, 0 },
	{ "tbody", "tbody", 1, 0 },
	{ "td", "td", 1, 1 },
	{ "tfoot", "tfoot", 1, 0 },
	{ "th", "th", 1, 1 },
	{ "thead", "thead", 1, 0 },
	{ "time", "time", 0, 0 },
	{ "tr", "tr", 1, 0 },
	{ "tt", "code", 0, 0 },
	{ "ul", "ul", 1, 0 }
};

/* Unknown containers that become p when they hold only inline content. */
static const char *const containers[] = {
	"address", "article", "aside", "center", "details", "div", "footer",
	"header", "main", "section", "summary"
};

/* Block-level names (known or not) that stop a container becoming p. */
static const char *const blocks[] = {
	"address", "article", "aside", "blockquote", "center", "dd", "details",
	"dl", "div", "dt", "figcaption", "figure", "footer", "form", "h1",
	"h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
	"ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tr",
	"ul"
};

static int
cmpname(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

static int
cmpkeep(const void *k, const void *e)
{
	return strcmp(k, ((const struct keep *)e)->name);
}

static int
inset(const char *name, const char *const *set, size_t n)
{
	return bsearch(name, set, n, sizeof(*set), cmpname) != NULL;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

int
news_sanitize_is_dropped(const char *name)
{
	return name != NULL && inset(name, dropped, NELEM(dropped));
}

static const struct keep *
findkeep(const char *name)
{
	return bsearch(name, kept, NELEM(kept), sizeof(kept[0]), cmpkeep);
}

static int
isblockname(const char *name)
{
	return inset(name, blocks, NELEM(blocks));
}

static const char *
attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->name != NULL && strcmp((const char *)a->name, name) == 0) {
			if (a->children != NULL && a->children->content != NULL)
				return (const char *)a->children->content;
			return "";
		}
	return NULL;
}

static void
addescn(struct news_buf *b, const char *s, size_t len, int inattr)
{
	const char *p, *e = s + len, *run;

	for (p = run = s; p < e; p++) {
		switch (*p) {
		case '&': case '<': case '>': case '"':
			break;
		default:
			if ((unsigned char)*p >= 0x20 || *p == '\t' ||
			    *p == '\n' || *p == '\r')
				continue;	/* kept as it is: part of the run */
		}
		news_buf_add(b, run, (size_t)(p - run));
		run = p + 1;
		switch (*p) {
		case '&': news_buf_add(b, "&amp;", 5); break;
		case '<': news_buf_add(b, "&lt;", 4); break;
		case '>': news_buf_add(b, "&gt;", 4); break;
		case '"':
			if (inattr)
				news_buf_add(b, "&quot;", 6);
			else
				news_buf_addc(b, '"');
			break;
		default:	/* a control character: dropped */
			break;
		}
	}
	news_buf_add(b, run, (size_t)(p - run));
}

static void
addesc(struct news_buf *b, const char *s, int inattr)
{
	addescn(b, s, strlen(s), inattr);
}

/* u from its "data:" on when it is a raster image data URL, else NULL */
static const char *
dataimage(const char *u)
{
	static const char *const ok[] = {
		"data:image/png", "data:image/gif", "data:image/jpeg",
		"data:image/jpg", "data:image/webp"
	};
	size_t i;

	while (isspace((unsigned char)*u))
		u++;
	for (i = 0; i < NELEM(ok); i++)
		if (strncasecmp(u, ok[i], strlen(ok[i])) == 0 &&
		    (u[strlen(ok[i])] == ';' || u[strlen(ok[i])] == ','))
			return u;
	return NULL;
}

/* A resolved http(s) URL (malloc'd) or NULL. */
static char *
goodurl(const struct san *s, const char *ref)
{
	char *u;

	if (ref == NULL || *ref == '\0')
		return NULL;
	u = news_url_resolve(s->base, ref);
	if (u != NULL && !news_url_scheme_is_http(u)) {
		free(u);
		u = NULL;
	}
	return u;
}

static int
isdigits(const char *v, size_t max)
{
	size_t n;

	for (n = 0; v[n] != '\0'; n++)
		if (!isdigit((unsigned char)v[n]))
			return 0;
	return n > 0 && n <= max;
}

static void
addattr(struct news_buf *b, const char *name, const char *val)
{
	news_buf_addc(b, ' ');
	news_buf_adds(b, name);
	news_buf_adds(b, "=\"");
	addesc(b, val, 1);
	news_buf_addc(b, '"');
}

static const char *
imgsrc(const xmlNode *n)
{
	static const char *const lazy[] = {
		"data-src", "data-lazy-src", "data-original", "data-url"
	};
	const char *src, *v;
	size_t i;

	src = attr(n, "src");
	if (src != NULL && *src != '\0' && strncasecmp(src, "data:", 5) != 0)
		return src;
	for (i = 0; i < NELEM(lazy); i++)
		if ((v = attr(n, lazy[i])) != NULL && *v != '\0')
			return v;
	return src;
}

static void
flushspace(struct san *s)
{
	if (s->space && !s->atstart)
		news_buf_addc(s->out, ' ');
	s->space = 0;
}

static void
blockedge(struct san *s)
{
	s->space = 0;
	s->atstart = 1;
}

static void
text(struct san *s, const char *t)
{
	const unsigned char *p;
	const char *q;
	size_t n;

	if (t == NULL)
		return;
	if (s->pre) {
		if (*t != '\0') {
			addesc(s->out, t, 0);
			s->mark = s->out->len;
		}
		return;
	}
	p = (const unsigned char *)t;
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f') {
			s->space = 1;
			p++;
			continue;
		}
		flushspace(s);
		q = (const char *)p;
		for (n = 0; p[n] != '\0' && p[n] != ' ' && p[n] != '\t' &&
		    p[n] != '\n' && p[n] != '\r' && p[n] != '\f'; n++)
			;
		addescn(s->out, q, n, 0);
		p += n;
		s->atstart = 0;
		s->mark = s->out->len;
	}
}

static void
push(struct san *s, const xmlNode *n, const struct keep *k, const char *tag)
{
	struct frame *f;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->st = news_xreallocarray(s->st, s->cap, sizeof(*s->st));
	}
	f = &s->st[s->n++];
	f->node = n;
	f->tag = tag;
	f->block = k ? k->block : 1;
	f->phrasing = k ? k->phrasing : 1;
	f->pre = strcmp(tag, "pre") == 0;
	if (f->block)
		blockedge(s);
	else
		flushspace(s);
	f->start = s->out->len;
	news_buf_addc(s->out, '<');
	news_buf_adds(s->out, tag);
}

static void
endopen(struct san *s)
{
	struct frame *f = &s->st[s->n - 1];

	news_buf_addc(s->out, '>');
	if (s->pre == 0 && (strcmp(f->tag, "table") == 0 ||
	    strcmp(f->tag, "thead") == 0 || strcmp(f->tag, "tbody") == 0 ||
	    strcmp(f->tag, "tfoot") == 0 || strcmp(f->tag, "tr") == 0 ||
	    strcmp(f->tag, "ul") == 0 || strcmp(f->tag, "ol") == 0 ||
	    strcmp(f->tag, "dl") == 0))
		news_buf_addc(s->out, '\n');
	f->open_end = s->out->len;
	s->pre += f->pre;
	s->phrasing += f->phrasing;
}

/* A container holding no block-level element child. */
static int
inlineonly(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->name != NULL &&
		    isblockname((const char *)c->name))
			return 0;
	return 1;
}

static int
external(struct san *s, const char *url)
{
	char *h;
	int ext;

	if (s->basehost == NULL)
		return 1;
	h = news_url_host(url);
	ext = h == NULL || strcmp(h, s->basehost) != 0;
	free(h);
	return ext;
}

static enum act
element(struct san *s, const xmlNode *n)
{
	const char *name = (const char *)n->name, *v, *d;
	const struct keep *k;
	char *u, *c;

	if (name == NULL || news_sanitize_is_dropped(name))
		return SKIP;
	if ((k = findkeep(name)) == NULL) {
		if (s->phrasing == 0 && inset(name, containers,
		    NELEM(containers)) && n->children != NULL &&
		    inlineonly(n)) {
			push(s, n, NULL, "p");
			endopen(s);
			return KEEP;
		}
		return UNWRAP;
	}
	if (strcmp(name, "a") == 0) {
		if ((u = goodurl(s, attr(n, "href"))) == NULL)
			return UNWRAP;
		push(s, n, k, k->out);
		addattr(s->out, "href", u);
		if ((s->flags & NEWS_SANITIZE_NOFOLLOW) && external(s, u))
			addattr(s->out, "rel", "nofollow noopener");
		free(u);
	} else if (strcmp(name, "img") == 0) {
		v = imgsrc(n);
		if (v != NULL && (d = dataimage(v)) != NULL) {
			/* without the spaces before it, "data:image/png" in
			 * lower case */
			u = news_xstrdup(d);
			for (c = u; *c != ';' && *c != ','; c++)
				*c = (char)tolower((unsigned char)*c);
		} else if ((u = goodurl(s, v)) == NULL)
			return SKIP;
		push(s, n, k, k->out);
		addattr(s->out, "src", u);
		free(u);
		if ((v = attr(n, "alt")) != NULL)
			addattr(s->out, "alt", v);
		if ((v = attr(n, "width")) != NULL && isdigits(v, 5))
			addattr(s->out, "width", v);
		if ((v = attr(n, "height")) != NULL && isdigits(v, 5))
			addattr(s->out, "height", v);
		endopen(s);
		s->mark = s->out->len;
		s->atstart = 0;
		return KEEP;
	} else {
		push(s, n, k, k->out);
		if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) {
			if ((v = attr(n, "colspan")) != NULL && isdigits(v, 3))
				addattr(s->out, "colspan", v);
			if ((v = attr(n, "rowspan")) != NULL && isdigits(v, 3))
				addattr(s->out, "rowspan", v);
		} else if (strcmp(name, "time") == 0) {
			if ((v = attr(n, "datetime")) != NULL)
				addattr(s->out, "datetime", v);
		} else if (strcmp(name, "ol") == 0) {
			if ((v = attr(n, "start")) != NULL && isdigits(v, 6))
				addattr(s->out, "start", v);
		} else if (strcmp(name, "q") == 0 ||
		    strcmp(name, "blockquote") == 0) {
			if ((u = goodurl(s, attr(n, "cite"))) != NULL)
				addattr(s->out, "cite", u);
			free(u);
		}
	}
	endopen(s);
	if (strcmp(k->out, "br") == 0 || strcmp(k->out, "hr") == 0) {
		s->mark = s->out->len;
		blockedge(s);
	}
	return KEEP;
}

static int
isvoid(const char *tag)
{
	return strcmp(tag, "br") == 0 || strcmp(tag, "hr") == 0 ||
	    strcmp(tag, "img") == 0;
}

static void
leave(struct san *s, const xmlNode *n)
{
	struct frame *f;

	if (s->n == 0 || s->st[s->n - 1].node != n)
		return;
	f = &s->st[--s->n];
	s->pre -= f->pre;
	s->phrasing -= f->phrasing;
	if (isvoid(f->tag))
		return;
	if (s->mark <= f->open_end && strcmp(f->tag, "td") != 0 &&
	    strcmp(f->tag, "th") != 0) {
		/* nothing worth keeping inside: cut it away */
		s->out->len = f->start;
		s->out->s[f->start] = '\0';
		if (s->mark > s->out->len)
			s->mark = s->out->len;
		if (f->block)
			blockedge(s);
		return;
	}
	if (f->block)
		s->space = 0;
	news_buf_adds(s->out, "</");
	news_buf_adds(s->out, f->tag);
	news_buf_addc(s->out, '>');
	s->mark = s->out->len;
	if (f->block) {
		if (s->pre == 0)
			news_buf_addc(s->out, '\n');
		blockedge(s);
	}
}

static enum act
enter(struct san *s, const xmlNode *n)
{
	switch (n->type) {
	case XML_ELEMENT_NODE:
		return element(s, n);
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		text(s, (const char *)n->content);
		return SKIP;
	default:
		return SKIP;
	}
}

static void
walk(struct san *s, const xmlNode *root, int inner)
{
	const xmlNode *n;
	enum act act;

	n = inner ? root->children : root;
	if (n == NULL)
		return;
	for (;;) {
		act = enter(s, n);
		if (act != SKIP && n->type == XML_ELEMENT_NODE &&
		    n->children != NULL) {
			n = n->children;
			continue;
		}
		if (act == KEEP)
			leave(s, n);
		for (;;) {
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL || (inner && n == root))
				return;
			leave(s, n);
		}
	}
}

void
news_sanitize_node(struct news_buf *out, const xmlNode *node,
    const char *base_url, int flags)
{
	struct san s;

	if (node == NULL)
		return;
	memset(&s, 0, sizeof(s));
	s.out = out;
	s.base = base_url;
	s.flags = flags;
	s.mark = out->len;
	s.atstart = 1;
	if (base_url != NULL && (flags & NEWS_SANITIZE_NOFOLLOW))
		s.basehost = news_url_host(base_url);
	news_buf_add(out, "", 0);	/* allocated and NUL-terminated */
	walk(&s, node, (flags & NEWS_SANITIZE_INNER) != 0);
	/* frames left open (cannot happen with a sound tree): close them */
	while (s.n > 0)
		leave(&s, s.st[s.n - 1].node);
	/* trailing newline or space after the last element */
	while (out->len > s.mark && (out->s[out->len - 1] == '\n' ||
	    out->s[out->len - 1] == ' '))
		out->s[--out->len] = '\0';
	free(s.st);
	free(s.basehost);
}

char *
news_sanitize_html(const char *fragment, size_t len, const char *base_url,
    int flags)
{
	struct news_buf out = NEWS_BUF_INIT;
	htmlDocPtr doc;

	if ((doc = news_html_parse_fragment(fragment, len)) == NULL)
		return news_xstrdup("");
	news_sanitize_node(&out, (const xmlNode *)doc,
	    base_url, flags | NEWS_SANITIZE_INNER);
	xmlFreeDoc(doc);
	return news_buf_take(&out);
}
