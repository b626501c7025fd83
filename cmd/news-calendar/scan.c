/*
 * scan.c: the fast path of news-calendar's text and HTML views, which
 * need nothing of a record but its "published" string.  scan_published()
 * checks that a line is one JSON object, without building it, and finds
 * the top-level "published" value.  Whatever it is not sure of (an
 * escape in the value, \u0000 or surrogates, huge numbers, deep nesting,
 * any syntax error) it leaves to the full parser, which has the final say
 * and the diagnostics; tests/fuzz/calendar_scan.c checks that it never
 * accepts what jansson rejects or finds another value.
 */
#include <string.h>

#include "scan.h"

#define MAXDEPTH 64

struct sc {
	const char *s, *e;
};

static void
ws(struct sc *p)
{
	while (p->s < p->e && (*p->s == ' ' || *p->s == '\t' ||
	    *p->s == '\n' || *p->s == '\r'))
		p->s++;
}

static int
hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* a string at p->s ('"'); *esc set when it holds an escape */
static int
string(struct sc *p, const char **v, size_t *n, int *esc)
{
	const char *b;

	if (p->s >= p->e || *p->s != '"')
		return 0;
	b = ++p->s;
	*esc = 0;
	while (p->s < p->e && *p->s != '"') {
		if ((unsigned char)*p->s < 0x20)
			return 0;
		if (*p->s == '\\') {
			*esc = 1;
			if (++p->s >= p->e)
				return 0;
			if (*p->s == 'u') {
				if (p->e - p->s < 5 || !hex(p->s[1]) ||
				    !hex(p->s[2]) || !hex(p->s[3]) || !hex(p->s[4]))
					return 0;
				/* \u0000 and surrogates: the parser decides */
				if (memcmp(p->s + 1, "0000", 4) == 0 ||
				    ((p->s[1] == 'd' || p->s[1] == 'D') &&
				    strchr("89abcdefABCDEF", p->s[2]) != NULL))
					return 0;
				p->s += 4;
			} else if (strchr("\"\\/bfnrt", *p->s) == NULL ||
			    *p->s == '\0')
				return 0;
		}
		p->s++;
	}
	if (p->s >= p->e)
		return 0;
	*v = b;
	*n = (size_t)(p->s - b);
	p->s++;
	return 1;
}

static int
digits(struct sc *p)
{
	const char *b = p->s;

	while (p->s < p->e && *p->s >= '0' && *p->s <= '9')
		p->s++;
	return (int)(p->s - b);
}

/* plain numbers only: no exponent, at most 15 digits (no overflow) */
static int
number(struct sc *p)
{
	int n;

	if (p->s < p->e && *p->s == '-')
		p->s++;
	if (p->s >= p->e)
		return 0;
	if (*p->s == '0') {
		p->s++;
		n = 1;
	} else if ((n = digits(p)) == 0)
		return 0;
	if (p->s < p->e && *p->s == '.') {
		p->s++;
		n += digits(p);
		if (p->s[-1] == '.')
			return 0;
	}
	if (p->s < p->e && (*p->s == 'e' || *p->s == 'E'))
		return 0;
	return n <= 15;
}

static int
word(struct sc *p, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(p->e - p->s) < n || memcmp(p->s, w, n) != 0)
		return 0;
	p->s += n;
	return 1;
}

static int
ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

static int value(struct sc *p, int depth, const char **v, size_t *n, int *esc);

static int
members(struct sc *p, int depth, int top, const char **pub, size_t *publen,
    int *kind)
{
	const char *k, *v;
	size_t kn, vn;
	int kesc, vesc, t;

	p->s++;				/* '{' */
	ws(p);
	if (p->s < p->e && *p->s == '}') {
		p->s++;
		return 1;
	}
	for (;;) {
		ws(p);
		if (!string(p, &k, &kn, &kesc))
			return 0;
		ws(p);
		if (p->s >= p->e || *p->s != ':')
			return 0;
		p->s++;
		ws(p);
		v = NULL;
		if ((t = value(p, depth + 1, &v, &vn, &vesc)) == 0)
			return 0;
		if (top && kesc)
			return 0;	/* an escaped key might spell it */
		if (top && kn == 9 && memcmp(k, "published", 9) == 0) {
			/* the last one wins, as in jansson; escapes and
			 * bytes the parser may repair: let it decide */
			if (v != NULL && (vesc || !ascii(v, vn)))
				return 0;
			*pub = v;
			*publen = v != NULL ? vn : 0;
			*kind = v != NULL ? SCAN_STRING : SCAN_OTHER;
		}
		ws(p);
		if (p->s < p->e && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->e && *p->s == '}') {
			p->s++;
			return 1;
		}
		return 0;
	}
}

static int
elements(struct sc *p, int depth)
{
	const char *v;
	size_t n;
	int esc;

	p->s++;				/* '[' */
	ws(p);
	if (p->s < p->e && *p->s == ']') {
		p->s++;
		return 1;
	}
	for (;;) {
		ws(p);
		if (!value(p, depth + 1, &v, &n, &esc))
			return 0;
		ws(p);
		if (p->s < p->e && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->e && *p->s == ']') {
			p->s++;
			return 1;
		}
		return 0;
	}
}

/* 1 when a value was read; *v set (to the string) only for strings */
static int
value(struct sc *p, int depth, const char **v, size_t *n, int *esc)
{
	const char *pub = NULL;
	size_t publen = 0;
	int kind = SCAN_NONE;

	*v = NULL;
	*esc = 0;
	if (depth > MAXDEPTH || p->s >= p->e)
		return 0;
	switch (*p->s) {
	case '"': return string(p, v, n, esc);
	case '{': return members(p, depth, 0, &pub, &publen, &kind);
	case '[': return elements(p, depth);
	case 't': return word(p, "true");
	case 'f': return word(p, "false");
	case 'n': return word(p, "null");
	default: return number(p);
	}
}

int
scan_published(const char *s, size_t len, const char **pub, size_t *publen)
{
	struct sc p = { s, s + len };
	int kind = SCAN_NONE;

	*pub = NULL;
	*publen = 0;
	ws(&p);
	if (p.s >= p.e || *p.s != '{')
		return SCAN_FAIL;
	if (!members(&p, 1, 1, pub, publen, &kind))
		return SCAN_FAIL;
	ws(&p);
	if (p.s != p.e)
		return SCAN_FAIL;
	if (kind != SCAN_STRING) {
		*pub = NULL;
		*publen = 0;
	}
	return kind;
}
