/*
 * template.c: the page templates, a small subset of Mustache.
 *
 *   {{name}}  {{a.b}}  {{.}}   the value, HTML-escaped
 *   {{{name_html}}} {{&name_html}}  the value as it is: only names that
 *                      end in "_html", which news-render fills with
 *                      sanitized HTML (anything else is a template error)
 *   {{#name}}...{{/name}}   a list: once per item; an object: once, inside
 *                      it; true or a non-empty string or number: once
 *   {{^name}}...{{/name}}   once when name is absent, false or empty
 *   {{>partial}}       another template of the theme, by name
 *   {{! comment }}
 *
 * Names are looked up from the innermost section outwards.  A tag alone on
 * its line takes the line with it.  There is no way to change the
 * delimiters, no lambdas, and no way to get unescaped text except through
 * the _html names: a theme cannot open an XSS hole by forgetting to escape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "render.h"

enum { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL };

#define MAXNEST 32	/* sections inside sections */
#define MAXDEPTH 16	/* partials inside partials */
#define MAXSTACK 64	/* contexts on the stack */

struct node {
	int type;
	const char *s;	/* text, or the tag's name */
	size_t len;
	size_t end;	/* sections: index after the matching close */
};

struct tmpl {
	char *name;
	char *src;
	struct node *v;
	size_t n, cap;
};

struct tmpl_set {
	struct tmpl *t;
	size_t n, cap;
};

struct tmpl_set *
tmpl_set_new(void)
{
	return news_xcalloc(1, sizeof(struct tmpl_set));
}

void
tmpl_set_free(struct tmpl_set *ts)
{
	size_t i;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->n; i++) {
		free(ts->t[i].name);
		free(ts->t[i].src);
		free(ts->t[i].v);
	}
	free(ts->t);
	free(ts);
}

static const struct tmpl *
get(const struct tmpl_set *ts, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ts->n; i++)
		if (strlen(ts->t[i].name) == len &&
		    memcmp(ts->t[i].name, name, len) == 0)
			return &ts->t[i];
	return NULL;
}

int
tmpl_has(const struct tmpl_set *ts, const char *name)
{
	return get(ts, name, strlen(name)) != NULL;
}

static struct node *
push(struct tmpl *t, int type, const char *s, size_t len)
{
	struct node *nd;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = news_xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	nd = &t->v[t->n++];
	nd->type = type;
	nd->s = s;
	nd->len = len;
	nd->end = t->n;
	return nd;
}

static int
valid_name(const char *s, size_t len)
{
	size_t i;

	if (len == 1 && s[0] == '.')
		return 1;
	if (len == 0 || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_' || s[i] == '-' || s[i] == '.'))
			return 0;
	return 1;
}

static int
is_html_name(const char *s, size_t len)
{
	return len > 5 && memcmp(s + len - 5, "_html", 5) == 0;
}

/* line number of p in src, for messages */
static unsigned
lineno(const char *src, const char *p)
{
	unsigned n = 1;

	for (; src < p; src++)
		n += *src == '\n';
	return n;
}

/*
 * A tag (not a variable) alone on its line: drop the indentation before it
 * (from the text node before) and the line end after it.  Returns where
 * the text goes on.
 */
static const char *
standalone(struct tmpl *t, const char *linestart, const char *tagstart,
    const char *after)
{
	const char *p;
	struct node *prev;

	for (p = linestart; p < tagstart; p++)
		if (*p != ' ' && *p != '\t')
			return after;
	for (p = after; *p == ' ' || *p == '\t'; p++)
		;
	if (*p == '\r')
		p++;
	if (*p != '\n' && *p != '\0')
		return after;
	if (*p == '\n')
		p++;
	if (t->n > 0 && tagstart > linestart) {
		prev = &t->v[t->n - 1];
		if (prev->type == N_TEXT &&
		    prev->s + prev->len == tagstart)
			prev->len -= (size_t)(tagstart - linestart);
	}
	return p;
}

int
tmpl_set_add(struct tmpl_set *ts, const char *name, const char *src,
    size_t len, char *err, size_t errlen)
{
	struct tmpl t = { 0 };
	size_t open[MAXNEST], nopen = 0, nlen;
	const char *p, *q, *e, *nm, *linestart, *tagstart, *close;
	int type;

	t.name = news_xstrdup(name);
	t.src = news_xstrndup(src, len);
	if (strlen(t.src) != len) {
		snprintf(err, errlen, "%s: NUL byte in template", name);
		goto fail;
	}
	p = linestart = t.src;
	for (;;) {
		q = strstr(p, "{{");
		if (q == NULL) {
			if (*p != '\0')
				push(&t, N_TEXT, p, strlen(p));
			break;
		}
		if (q > p)
			push(&t, N_TEXT, p, (size_t)(q - p));
		for (e = p; e < q; e++)
			if (*e == '\n')
				linestart = e + 1;
		tagstart = q;
		q += 2;
		type = N_VAR;
		close = "}}";
		switch (*q) {
		case '{': type = N_RAW; close = "}}}"; q++; break;
		case '&': type = N_RAW; q++; break;
		case '#': type = N_SECTION; q++; break;
		case '^': type = N_INVERTED; q++; break;
		case '/': type = -1; q++; break;
		case '>': type = N_PARTIAL; q++; break;
		case '!': type = -2; q++; break;
		case '=':
			snprintf(err, errlen, "%s:%u: delimiter changes are "
			    "not supported", name, lineno(t.src, tagstart));
			goto fail;
		}
		e = strstr(q, close);
		if (e == NULL) {
			snprintf(err, errlen, "%s:%u: unclosed tag", name,
			    lineno(t.src, tagstart));
			goto fail;
		}
		p = e + strlen(close);
		if (type == -2) {	/* comment */
			p = standalone(&t, linestart, tagstart, p);
			linestart = p;
			continue;
		}
		nm = q;
		while (nm < e && (*nm == ' ' || *nm == '\t'))
			nm++;
		while (e > nm && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		nlen = (size_t)(e - nm);
		if (!valid_name(nm, nlen)) {
			snprintf(err, errlen, "%s:%u: bad tag name \"%.*s\"",
			    name, lineno(t.src, tagstart), (int)nlen, nm);
			goto fail;
		}
		if (type == N_RAW && !is_html_name(nm, nlen)) {
			snprintf(err, errlen, "%s:%u: {{{%.*s}}}: only names "
			    "ending in _html may be unescaped", name,
			    lineno(t.src, tagstart), (int)nlen, nm);
			goto fail;
		}
		if (type == N_SECTION || type == N_INVERTED) {
			if (nopen == MAXNEST) {
				snprintf(err, errlen, "%s:%u: sections nested "
				    "too deep", name, lineno(t.src, tagstart));
				goto fail;
			}
			open[nopen++] = t.n;
			push(&t, type, nm, nlen);
		} else if (type == -1) {
			struct node *o;

			if (nopen == 0) {
				snprintf(err, errlen, "%s:%u: {{/%.*s}} closes "
				    "nothing", name, lineno(t.src, tagstart),
				    (int)nlen, nm);
				goto fail;
			}
			o = &t.v[open[--nopen]];
			if (o->len != nlen || memcmp(o->s, nm, nlen) != 0) {
				snprintf(err, errlen, "%s:%u: {{/%.*s}} closes "
				    "{{#%.*s}}", name, lineno(t.src, tagstart),
				    (int)nlen, nm, (int)o->len, o->s);
				goto fail;
			}
			o->end = t.n;
		} else {
			push(&t, type, nm, nlen);
		}
		if (type != N_VAR && type != N_RAW) {
			p = standalone(&t, linestart, tagstart, p);
			linestart = p;
		}
	}
	if (nopen > 0) {
		snprintf(err, errlen, "%s: {{#%.*s}} is never closed", name,
		    (int)t.v[open[nopen - 1]].len, t.v[open[nopen - 1]].s);
		goto fail;
	}
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 16;
		ts->t = news_xreallocarray(ts->t, ts->cap, sizeof *ts->t);
	}
	ts->t[ts->n++] = t;
	return 0;
fail:
	free(t.name);
	free(t.src);
	free(t.v);
	return -1;
}

void
html_escape(struct news_buf *b, const char *s, size_t len)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		news_buf_add(b, s + start, i - start);
		news_buf_adds(b, rep);
		start = i + 1;
	}
	news_buf_add(b, s + start, len - start);
}

struct ctx {
	json_t *stack[MAXSTACK];
	size_t n;
	int depth;
	char *err;
	size_t errlen;
};

static json_t *
lookup(struct ctx *c, const char *name, size_t len)
{
	const char *dot;
	json_t *v = NULL;
	size_t i, l;
	char key[128];

	if (len == 1 && name[0] == '.')
		return c->n ? c->stack[c->n - 1] : NULL;
	dot = memchr(name, '.', len);
	l = dot ? (size_t)(dot - name) : len;
	if (l >= sizeof key)
		return NULL;
	memcpy(key, name, l);
	key[l] = '\0';
	for (i = c->n; i > 0 && v == NULL; i--)
		if (json_is_object(c->stack[i - 1]))
			v = json_object_get(c->stack[i - 1], key);
	while (v != NULL && dot != NULL) {
		name = dot + 1;
		len -= l + 1;
		dot = memchr(name, '.', len);
		l = dot ? (size_t)(dot - name) : len;
		if (l >= sizeof key)
			return NULL;
		memcpy(key, name, l);
		key[l] = '\0';
		v = json_is_object(v) ? json_object_get(v, key) : NULL;
	}
	return v;
}

static int
truthy(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return 1;
	case JSON_ARRAY: return json_array_size(v) > 0;
	case JSON_STRING: return json_string_length(v) > 0;
	case JSON_INTEGER: return json_integer_value(v) != 0;
	case JSON_REAL: return json_real_value(v) != 0;
	case JSON_TRUE: return 1;
	default: return 0;
	}
}

static void
value(struct news_buf *b, json_t *v, int raw)
{
	char num[64];

	switch (json_typeof(v)) {
	case JSON_STRING:
		if (raw)
			news_buf_add(b, json_string_value(v),
			    json_string_length(v));
		else
			html_escape(b, json_string_value(v),
			    json_string_length(v));
		break;
	case JSON_INTEGER:
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		news_buf_adds(b, num);
		break;
	case JSON_REAL:
		snprintf(num, sizeof num, "%g", json_real_value(v));
		news_buf_adds(b, num);
		break;
	case JSON_TRUE:
		news_buf_adds(b, "true");
		break;
	default:
		break;
	}
}

static int run(const struct tmpl_set *, const struct tmpl *, size_t, size_t,
    struct ctx *, struct news_buf *);

static int
section(const struct tmpl_set *ts, const struct tmpl *t, size_t i,
    struct ctx *c, struct news_buf *out, json_t *v)
{
	size_t k;
	int r;

	if (c->n + 1 >= MAXSTACK) {
		snprintf(c->err, c->errlen, "%s: contexts nested too deep",
		    t->name);
		return -1;
	}
	if (json_is_array(v)) {
		for (k = 0; k < json_array_size(v); k++) {
			c->stack[c->n++] = json_array_get(v, k);
			r = run(ts, t, i + 1, t->v[i].end, c, out);
			c->n--;
			if (r < 0)
				return r;
		}
		return 0;
	}
	c->stack[c->n++] = v;
	r = run(ts, t, i + 1, t->v[i].end, c, out);
	c->n--;
	return r;
}

static int
run(const struct tmpl_set *ts, const struct tmpl *t, size_t from, size_t to,
    struct ctx *c, struct news_buf *out)
{
	const struct tmpl *p;
	const struct node *nd;
	json_t *v;
	size_t i = from;
	int r;

	while (i < to) {
		nd = &t->v[i];
		switch (nd->type) {
		case N_TEXT:
			news_buf_add(out, nd->s, nd->len);
			break;
		case N_VAR:
		case N_RAW:
			v = lookup(c, nd->s, nd->len);
			if (v != NULL)
				value(out, v, nd->type == N_RAW);
			break;
		case N_SECTION:
		case N_INVERTED:
			v = lookup(c, nd->s, nd->len);
			if ((nd->type == N_SECTION) == (v != NULL && truthy(v))) {
				r = nd->type == N_SECTION ?
				    section(ts, t, i, c, out, v) :
				    run(ts, t, i + 1, nd->end, c, out);
				if (r < 0)
					return r;
			}
			i = nd->end;
			continue;
		case N_PARTIAL:
			p = get(ts, nd->s, nd->len);
			if (p == NULL) {
				snprintf(c->err, c->errlen, "%s: no template "
				    "\"%.*s\"", t->name, (int)nd->len, nd->s);
				return -1;
			}
			if (c->depth >= MAXDEPTH) {
				snprintf(c->err, c->errlen, "%s: partials "
				    "nested too deep", t->name);
				return -1;
			}
			c->depth++;
			r = run(ts, p, 0, p->n, c, out);
			c->depth--;
			if (r < 0)
				return r;
			break;
		}
		i++;
	}
	return 0;
}

int
tmpl_render(const struct tmpl_set *ts, const char *name, json_t *ctx,
    struct news_buf *out, char *err, size_t errlen)
{
	const struct tmpl *t = get(ts, name, strlen(name));
	struct ctx c;

	if (t == NULL) {
		snprintf(err, errlen, "no template \"%s\"", name);
		return -1;
	}
	c.n = 0;
	c.depth = 0;
	c.err = err;
	c.errlen = errlen;
	c.stack[c.n++] = ctx;
	return run(ts, t, 0, t->n, &c, out);
}
