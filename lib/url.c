/*
 * url.c: URLs through libcurl's CURLU API (RFC 3986).  Resolution is
 * libcurl's; this file only cleans the input and builds the de-duplication
 * key from the parts libcurl returns.
 *
 * Behaviour (news(7) quotes this):
 *
 * - Input is cleaned as browsers do (WHATWG URL): leading and trailing
 *   C0 controls and spaces are stripped, tab, CR and LF inside are
 *   removed, other controls and spaces inside are percent-encoded ("a b"
 *   is "a%20b", in the query and fragment too).  Non-ASCII bytes in the
 *   path, query and fragment are percent-encoded by libcurl
 *   (CURLU_URLENCODE); a non-ASCII (IDN) host is kept as it is.
 * - news_url_resolve(): a relative ref needs a base (NULL otherwise); "#f"
 *   replaces only the fragment and "" gives the base without its fragment
 *   (RFC 3986 5.4.1; libcurl 7.88 would drop the last path segment there).
 *   "../" above the root stops at the root (RFC 3986 5.4.2).  A ref with
 *   the base's own http or https scheme and no "//" ("http:g") is read as
 *   relative, the RFC 3986 5.2.2 non-strict mode browsers use.  A ref with
 *   a scheme libcurl cannot parse ("mailto:x", "javascript:...", "data:",
 *   "tel:") is returned cleaned but otherwise unchanged, so callers must
 *   filter with news_url_is_http(); an http or https ref libcurl rejects
 *   gives NULL.  Otherwise the result is libcurl's form: scheme
 *   lower-case, dot-segments removed, an empty path as "/" ("//g" gives
 *   "http://g/"), host case and port as given; an empty query or fragment
 *   ("?", "#") is dropped.
 * - news_url_key(): scheme and host lower-case (ASCII letters only: a
 *   non-ASCII host stays in Unicode, not punycode, because libcurl 7.88's
 *   conversion depends on the locale and keys must not), default port
 *   dropped (80 for http, 443 for https, libcurl's table for other
 *   schemes), fragment dropped, dot-segments removed, an empty path as
 *   "/", percent-encoding normalised (hex digits upper-case, unreserved
 *   characters but "%2E" decoded, a stray '%' as "%25"), tracking parameters
 *   removed (the table `tracking` below; names compared without case),
 *   empty parameters ("a=1&&b=2") removed, the other query parameters
 *   kept in their order, an empty query dropped.  The scheme is kept (http and https give different keys:
 *   they may be different resources), and so are a trailing slash, "www."
 *   and user information.  NULL when url is relative or libcurl cannot
 *   parse it ("mailto:x").
 * - No function returns a string with controls, spaces or invalid UTF-8
 *   (NULL instead): libcurl 7.88 decodes "%7F" in host names and keeps raw
 *   bytes there.
 * - Each call uses its own CURLU handle: the functions are reentrant and
 *   thread-safe.  A handle costs about one malloc; parsing costs more.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "news.h"
#include "text.h"
#include "url.h"

#define URL_FLAGS (CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE)

/*
 * Query parameters that only track the reader, removed from keys: sorted
 * (strcmp order, lower case) for bsearch, compared without case.  Names
 * beginning with "utm_" (Google Analytics campaigns) are removed too.
 */
static const char *const tracking[] = {
	"__s",			/* Drip */
	"_ga",			/* Google Analytics cross-domain */
	"_gl",			/* Google Analytics linker */
	"_hsenc",		/* HubSpot */
	"_hsmi",		/* HubSpot */
	"at_campaign",		/* AT Internet (BBC feeds) */
	"at_custom1",
	"at_custom2",
	"at_custom3",
	"at_custom4",
	"at_medium",
	"cmpid",		/* campaign id on news sites */
	"dclid",		/* Google Display */
	"fbclid",		/* Facebook */
	"gbraid",		/* Google Ads */
	"gclid",		/* Google Ads */
	"gclsrc",		/* Google Ads */
	"igshid",		/* Instagram */
	"mc_cid",		/* Mailchimp */
	"mc_eid",		/* Mailchimp */
	"mkt_tok",		/* Marketo */
	"msclkid",		/* Microsoft Ads */
	"ocid",			/* Microsoft (MSN) */
	"oly_anon_id",		/* Omeda */
	"oly_enc_id",		/* Omeda */
	"rb_clickid",		/* Rakuten */
	"ref_src",		/* Twitter */
	"ref_url",		/* Twitter */
	"s_cid",		/* Adobe Analytics */
	"smid",			/* New York Times share links */
	"twclid",		/* Twitter Ads */
	"vero_id",		/* Vero */
	"wbraid",		/* Google Ads */
	"yclid",		/* Yandex */
};

/*
 * The cleaned form of s (see above): s itself when nothing changes, else
 * a copy in *tmp to free.
 */
static const char *
clean(const char *s, char **tmp)
{
	const unsigned char *b = (const unsigned char *)s, *e, *p;
	size_t n;
	char *o;

	*tmp = NULL;
	while (*b != '\0' && *b <= ' ')
		b++;
	e = b + strlen((const char *)b);
	while (e > b && e[-1] <= ' ')
		e--;
	for (p = b; p < e; p++)
		if (*p <= ' ' || *p == 0x7F)
			break;
	if (p == e && *e == '\0')
		return (const char *)b;
	n = e - b;
	o = *tmp = news_xmalloc(3 * n + 1);
	for (p = b; p < e; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p <= ' ' || *p == 0x7F) {
			*o++ = '%';
			*o++ = "0123456789ABCDEF"[*p >> 4];
			*o++ = "0123456789ABCDEF"[*p & 15];
		} else
			*o++ = *p;
	}
	*o = '\0';
	return *tmp;
}

/* length of the RFC 3986 scheme of s, ':' excluded; 0 if none */
static size_t
scheme_len(const char *s)
{
	size_t i;

	if (!isalpha((unsigned char)s[0]))
		return 0;
	for (i = 1; isalnum((unsigned char)s[i]) || s[i] == '+' ||
	    s[i] == '-' || s[i] == '.'; i++)
		;
	return s[i] == ':' ? i : 0;
}

static int
is_http_scheme(const char *s, size_t n)
{
	return (n == 4 && strncasecmp(s, "http", 4) == 0) ||
	    (n == 5 && strncasecmp(s, "https", 5) == 0);
}

/*
 * Is s fit to return: valid UTF-8 without controls or spaces?  libcurl
 * 7.88 percent-decodes host names ("http://a%7F/") and keeps raw bytes.
 */
static int
sane(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7F)
			return 0;
	return news_utf8_valid(s, (const char *)p - s);
}

/* a malloc'd copy of a string libcurl gave (curl_free'd), or NULL */
static char *
take(char *s)
{
	char *r = NULL;

	if (s == NULL)
		return NULL;
	if (sane(s))
		r = news_xstrdup(s);
	curl_free(s);
	return r;
}

static char *
get_url(CURLU *h, unsigned int flags)
{
	char *s = NULL;

	if (curl_url_get(h, CURLUPART_URL, &s, flags) != CURLUE_OK)
		return NULL;
	return take(s);
}

/* ref (cleaned, relative) against base (cleaned) in h */
static char *
resolve_relative(CURLU *h, const char *base, const char *ref)
{
	CURLUcode rc;

	if (base == NULL || curl_url_set(h, CURLUPART_URL, base,
	    URL_FLAGS) != CURLUE_OK)
		return NULL;
	if (ref[0] == '#')
		rc = curl_url_set(h, CURLUPART_FRAGMENT, ref + 1,
		    CURLU_URLENCODE);
	else if (ref[0] == '\0')
		rc = curl_url_set(h, CURLUPART_FRAGMENT, NULL, 0);
	else
		rc = curl_url_set(h, CURLUPART_URL, ref, URL_FLAGS);
	return rc == CURLUE_OK ? get_url(h, 0) : NULL;
}

static char *
resolve(CURLU *h, const char *base, const char *ref)
{
	size_t n, bn;

	n = scheme_len(ref);
	if (n == 0)
		return resolve_relative(h, base, ref);
	bn = base != NULL ? scheme_len(base) : 0;
	if (is_http_scheme(ref, n) && bn == n &&
	    strncasecmp(ref, base, n) == 0 && ref[n + 1] != '/')
		return resolve_relative(h, base, ref + n + 1);
	if (curl_url_set(h, CURLUPART_URL, ref, URL_FLAGS) == CURLUE_OK)
		return get_url(h, 0);
	return is_http_scheme(ref, n) || !sane(ref) ? NULL : news_xstrdup(ref);
}

char *
news_url_resolve(const char *base, const char *ref)
{
	char *tbase = NULL, *tref, *r;
	CURLU *h;

	if (ref == NULL)
		return NULL;
	if ((h = curl_url()) == NULL)
		news_fatal("curl_url: out of memory");
	ref = clean(ref, &tref);
	if (base != NULL)
		base = clean(base, &tbase);
	r = resolve(h, base, ref);
	curl_url_cleanup(h);
	free(tref);
	free(tbase);
	return r;
}

/* parse the cleaned url into a new handle, or NULL */
static CURLU *
parse(const char *url)
{
	char *tmp;
	CURLU *h;
	int ok;

	if (url == NULL)
		return NULL;
	if ((h = curl_url()) == NULL)
		news_fatal("curl_url: out of memory");
	url = clean(url, &tmp);
	ok = scheme_len(url) > 0 &&
	    curl_url_set(h, CURLUPART_URL, url, URL_FLAGS) == CURLUE_OK;
	free(tmp);
	if (!ok) {
		curl_url_cleanup(h);
		return NULL;
	}
	return h;
}

static void
lower_ascii(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 'a' - 'A';
}

int
news_url_scheme_is_http(const char *url)
{
	return url != NULL && is_http_scheme(url, scheme_len(url));
}

int
news_url_is_http(const char *url)
{
	char *scheme = NULL;
	CURLU *h;
	int r;

	if ((h = parse(url)) == NULL)
		return 0;
	r = curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    is_http_scheme(scheme, strlen(scheme));
	curl_free(scheme);
	curl_url_cleanup(h);
	return r;
}

char *
news_url_host(const char *url)
{
	char *host = NULL;
	CURLU *h;

	if ((h = parse(url)) == NULL)
		return NULL;
	if (curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		host = NULL;
	curl_url_cleanup(h);
	if ((host = take(host)) != NULL)
		lower_ascii(host);
	return host;
}

static int
is_unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/*
 * Normalise percent-encoding in s[0..n) into o (room for 3n + 1): hex
 * upper-case, unreserved characters but '.' decoded (that would make new
 * dot-segments), a '%' that starts no escape as "%25", so that a key is
 * its own key.  Returns the end.
 */
static char *
pct_norm(char *o, const char *s, size_t n)
{
	size_t i;
	int hi, lo, c;

	for (i = 0; i < n; i++) {
		if (s[i] != '%') {
			*o++ = s[i];
			continue;
		}
		if (i + 2 >= n || (hi = hexval((unsigned char)s[i + 1])) < 0 ||
		    (lo = hexval((unsigned char)s[i + 2])) < 0) {
			hi = 2;
			lo = 5;
		} else
			i += 2;
		c = hi << 4 | lo;
		if (is_unreserved(c) && c != '.')	/* no new dot-segments */
			*o++ = c;
		else {
			*o++ = '%';
			*o++ = "0123456789ABCDEF"[hi];
			*o++ = "0123456789ABCDEF"[lo];
		}
	}
	*o = '\0';
	return o;
}

static int
tracking_cmp(const void *k, const void *e)
{
	return strcasecmp(k, *(const char *const *)e);
}

/* is the parameter s[0..n) ("name" or "name=value") a tracking one? */
static int
is_tracking(const char *s, size_t n)
{
	char name[16];
	const char *eq;
	size_t len;

	eq = memchr(s, '=', n);
	len = eq != NULL ? (size_t)(eq - s) : n;
	if (len >= 4 && strncasecmp(s, "utm_", 4) == 0)
		return 1;
	if (len >= sizeof(name))
		return 0;
	memcpy(name, s, len);
	name[len] = '\0';
	return bsearch(name, tracking, sizeof(tracking) / sizeof(tracking[0]),
	    sizeof(tracking[0]), tracking_cmp) != NULL;
}

/* the query without tracking or empty parameters, or NULL */
static char *
filter_query(const char *q)
{
	const char *p, *amp;
	char *r, *o;
	size_t n;

	o = r = news_xmalloc(strlen(q) + 1);
	for (p = q; *p != '\0'; p = amp + (*amp != '\0')) {
		if ((amp = strchr(p, '&')) == NULL)
			amp = p + strlen(p);
		n = amp - p;
		if (n == 0 || is_tracking(p, n))
			continue;
		if (o > r)
			*o++ = '&';
		memcpy(o, p, n);
		o += n;
	}
	*o = '\0';
	if (o == r) {
		free(r);
		return NULL;
	}
	return r;
}

/* lower-case the ASCII letters of the host */
static int
key_host(CURLU *h)
{
	char *host = NULL;
	int rc;

	if (curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		return 0;	/* no host ("file:///x") */
	lower_ascii(host);
	rc = curl_url_set(h, CURLUPART_HOST, host, 0);
	curl_free(host);
	return rc == CURLUE_OK ? 0 : -1;
}

static int
key_query(CURLU *h)
{
	char *query = NULL, *q;
	int rc;

	if (curl_url_get(h, CURLUPART_QUERY, &query, 0) != CURLUE_OK)
		return 0;
	q = filter_query(query);
	rc = curl_url_set(h, CURLUPART_QUERY, q, 0);
	free(q);
	curl_free(query);
	return rc == CURLUE_OK ? 0 : -1;
}

static char *
key1(const char *url)
{
	char *r = NULL, *s = NULL;
	CURLU *h;

	if ((h = parse(url)) == NULL)
		return NULL;
	if (key_host(h) == 0 && key_query(h) == 0 &&
	    curl_url_set(h, CURLUPART_FRAGMENT, NULL, 0) == CURLUE_OK &&
	    curl_url_get(h, CURLUPART_URL, &s, CURLU_NO_DEFAULT_PORT) ==
	    CURLUE_OK) {
		/* after libcurl, whose own case of %XX varies by version */
		if (sane(s)) {
			r = news_xmalloc(3 * strlen(s) + 1);
			pct_norm(r, s, strlen(s));
		}
		curl_free(s);
	}
	curl_url_cleanup(h);
	return r;
}

char *
news_url_key(const char *url)
{
	char *r, *r2;

	r = key1(url);
	/*
	 * libcurl decodes a percent-encoded host ("http://%36/" is host "6")
	 * but normalises IPv4 forms ("0.0.0.6") only when it parses them,
	 * and writes "file:-x/y" as "file://-x/y", which it then refuses:
	 * once more, so that a key is its own key (or there is none).
	 */
	if (r != NULL && (strchr(url, '%') != NULL ||
	    (strncmp(r, "http://", 7) != 0 && strncmp(r, "https://", 8) != 0))) {
		r2 = key1(r);
		free(r);
		r = r2;
	}
	return r;
}
