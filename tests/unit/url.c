/* url.c: unit tests for lib/url.c (resolution, keys, hosts) */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "url.h"

struct pair {
	const char *in;
	const char *want;
};

/*
 * RFC 3986 5.4 with base "http://a/b/c/d;p?q".  Where libcurl normalises
 * (an empty path as "/") the RFC's answer is in the comment.
 */
static const struct pair rfc_normal[] = {
	{ "g:h", "g:h" },
	{ "g", "http://a/b/c/g" },
	{ "./g", "http://a/b/c/g" },
	{ "g/", "http://a/b/c/g/" },
	{ "/g", "http://a/g" },
	{ "//g", "http://g/" },			/* RFC: http://g */
	{ "?y", "http://a/b/c/d;p?y" },
	{ "g?y", "http://a/b/c/g?y" },
	{ "#s", "http://a/b/c/d;p?q#s" },
	{ "g#s", "http://a/b/c/g#s" },
	{ "g?y#s", "http://a/b/c/g?y#s" },
	{ ";x", "http://a/b/c/;x" },
	{ "g;x", "http://a/b/c/g;x" },
	{ "g;x?y#s", "http://a/b/c/g;x?y#s" },
	{ "", "http://a/b/c/d;p?q" },
	{ ".", "http://a/b/c/" },
	{ "./", "http://a/b/c/" },
	{ "..", "http://a/b/" },
	{ "../", "http://a/b/" },
	{ "../g", "http://a/b/g" },
	{ "../..", "http://a/" },
	{ "../../", "http://a/" },
	{ "../../g", "http://a/g" },
};

static const struct pair rfc_abnormal[] = {
	{ "../../../g", "http://a/g" },
	{ "../../../../g", "http://a/g" },
	{ "/./g", "http://a/g" },
	{ "/../g", "http://a/g" },
	{ "g.", "http://a/b/c/g." },
	{ ".g", "http://a/b/c/.g" },
	{ "g..", "http://a/b/c/g.." },
	{ "..g", "http://a/b/c/..g" },
	{ "./../g", "http://a/b/g" },
	{ "./g/.", "http://a/b/c/g/" },
	{ "g/./h", "http://a/b/c/g/h" },
	{ "g/../h", "http://a/b/c/h" },
	{ "g;x=1/./y", "http://a/b/c/g;x=1/y" },
	{ "g;x=1/../y", "http://a/b/c/y" },
	{ "g?y/./x", "http://a/b/c/g?y/./x" },
	{ "g?y/../x", "http://a/b/c/g?y/../x" },
	{ "g#s/./x", "http://a/b/c/g#s/./x" },
	{ "g#s/../x", "http://a/b/c/g#s/../x" },
	{ "http:g", "http://a/b/c/g" },		/* non-strict (5.2.2) */
};

struct triple {
	const char *base;
	const char *ref;
	const char *want;
};

static const struct triple resolves[] = {
	{ NULL, "http://example.com/a", "http://example.com/a" },
	{ NULL, "HTTP://Example.com", "http://Example.com/" },
	{ NULL, "/relative", NULL },
	{ NULL, "relative", NULL },
	{ NULL, "//example.com/x", NULL },
	{ NULL, "", NULL },
	{ NULL, NULL, NULL },
	{ "http://a/b", NULL, NULL },
	{ "https://a/b/c", "//cdn.example/x.js", "https://cdn.example/x.js" },
	{ "http://a/b/c", "https://other/x", "https://other/x" },
	{ "http://a/b/c", "  \n\t/x  \r\n", "http://a/x" },
	{ "  http://a/b/c  ", "d", "http://a/b/d" },
	{ "http://a/b/c", "/x\ny", "http://a/xy" },	/* LF removed */
	{ "http://a/b/c", "my file.html", "http://a/b/my%20file.html" },
	{ "http://a/b/c", "?q=a b", "http://a/b/c?q=a%20b" },
	{ "http://a/b/c", "x#a b", "http://a/b/x#a%20b" },
	{ "http://a/b/c", "caf\xC3\xA9", "http://a/b/caf%c3%a9" },
	{ "http://a/b/c", "http://b\xC3\xBC" "cher.de/x",
	  "http://b\xC3\xBC" "cher.de/x" },		/* IDN host kept */
	{ "http://a/b/c", "mailto:x@example.com", "mailto:x@example.com" },
	{ "http://a/b/c", " javascript:void(0) ", "javascript:void(0)" },
	{ "http://a/b/c", "data:text/plain,hi", "data:text/plain,hi" },
	{ "http://a/b/c", "tel:+1234", "tel:+1234" },
	{ "http://a/b/c", "ftp://f.example/x", "ftp://f.example/x" },
	{ "http://a/b/c", "http://a b/", NULL },	/* bad host */
	{ "http://a/b/c", "https:g", NULL },
	{ "http://a/b#frag", "c", "http://a/c" },
	{ "http://a/b#frag", "#new", "http://a/b#new" },
	{ "http://a/b?q#frag", "", "http://a/b?q" },
	{ "http://a", "g", "http://a/g" },
	{ "http://a:8080/b/", "../../x", "http://a:8080/x" },
	{ "not a url", "g", NULL },
	{ "mailto:x@y", "g", NULL },
};

/* news_url_key */
static const struct pair keys[] = {
	{ "HTTP://Example.COM:80/a/./b/../c?utm_source=x&id=3&fbclid=y#frag",
	  "http://example.com/a/c?id=3" },
	{ "http://example.com", "http://example.com/" },
	{ "https://example.com:443", "https://example.com/" },
	{ "https://example.com:8443/", "https://example.com:8443/" },
	{ "http://example.com:443/", "http://example.com:443/" },
	{ "https://example.com:80/", "https://example.com:80/" },
	{ "http://example.com:/", "http://example.com/" },
	{ "https://example.com/a/", "https://example.com/a/" },
	{ "https://example.com/a", "https://example.com/a" },
	{ "https://www.example.com/a", "https://www.example.com/a" },
	{ "http://example.com/?", "http://example.com/" },
	{ "http://example.com/a?utm_source=rss", "http://example.com/a" },
	{ "http://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=c"
	  "&utm_term=t&utm_content=x&utm_id=1&utm_whatever=2",
	  "http://example.com/a" },
	{ "http://example.com/a?UTM_Source=x&Fbclid=y", "http://example.com/a" },
	{ "http://example.com/a?utmx=1&utm=2", "http://example.com/a?utmx=1&utm=2" },
	{ "http://example.com/a?b=2&a=1&c", "http://example.com/a?b=2&a=1&c" },
	{ "http://example.com/a?a=1&&b=2&", "http://example.com/a?a=1&b=2" },
	{ "http://example.com/a?id=1&gclid=x&page=2&mc_cid=y&mc_eid=z",
	  "http://example.com/a?id=1&page=2" },
	{ "http://example.com/a?at_medium=RSS&at_campaign=KARANGA",
	  "http://example.com/a" },
	{ "http://example.com/a?ref=home&ref_src=twsrc", "http://example.com/a?ref=home" },
	{ "http://example.com/a?fbclid", "http://example.com/a" },
	{ "http://example.com/a?x=1#utm_source=y", "http://example.com/a?x=1" },
	{ "http://example.com/a#", "http://example.com/a" },
	{ "http://example.com/%7euser/%c3%a9?q=%7e&s=%2f",
	  "http://example.com/~user/%C3%A9?q=~&s=%2F" },
	{ "http://example.com/caf\xC3\xA9", "http://example.com/caf%C3%A9" },
	{ "http://example.com/caf%C3%A9", "http://example.com/caf%C3%A9" },
	{ "http://example.com/a%zz", "http://example.com/a%25zz" },
	{ "http://example.com/A%%66", "http://example.com/A%25f" },
	{ "http://example.com/a/%2e%2E/b", "http://example.com/a/%2E%2E/b" },
	{ "http:/%36/", "http://0.0.0.6/" },
	{ "http://example.com/a%", "http://example.com/a%25" },
	{ "  http://example.com/a b  ", "http://example.com/a%20b" },
	{ "http://User:Pw@Example.com/", "http://User:Pw@example.com/" },
	{ "http://[::1]:80/", "http://[::1]/" },
	{ "ftp://Example.com:21/x", "ftp://example.com/x" },
	{ "file:/etc/x", "file:///etc/x" },
	/* libcurl writes it "file://-'/etc/x", which it refuses (fuzz) */
	{ "file:-'/etc/x", NULL },
	{ "http://a/b/../../../c", "http://a/c" },
	{ "relative/path", NULL },
	{ "/abs/path", NULL },
	{ "//example.com/x", NULL },
	{ "mailto:x@example.com", NULL },
	{ "", NULL },
	{ NULL, NULL },
};

/* every tracking parameter of the table in url.c, one at a time */
static const char *const tracking[] = {
	"utm_source", "__s", "_ga", "_gl", "_hsenc", "_hsmi", "at_campaign",
	"at_custom1", "at_custom2", "at_custom3", "at_custom4", "at_medium",
	"cmpid", "dclid", "fbclid", "gbraid", "gclid", "gclsrc", "igshid",
	"mc_cid", "mc_eid", "mkt_tok", "msclkid", "ocid", "oly_anon_id",
	"oly_enc_id", "rb_clickid", "ref_src", "ref_url", "s_cid", "smid",
	"twclid", "vero_id", "wbraid", "yclid",
};

static const struct pair hosts[] = {
	{ "http://Example.COM:8080/x", "example.com" },
	{ "https://user@host.example/", "host.example" },
	{ "https://[::1]/", "[::1]" },
	{ " http://b\xC3\xBC" "cher.de/ ", "b\xC3\xBC" "cher.de" },
	{ "mailto:x@example.com", NULL },
	{ "/x", NULL },
	{ "", NULL },
	{ NULL, NULL },
};

static const struct {
	const char *url;
	int want;
} https[] = {
	{ "http://a/", 1 },
	{ "HTTPS://a", 1 },
	{ "  https://a/b c  ", 1 },
	{ "ftp://a/", 0 },
	{ "file:///etc/passwd", 0 },
	{ "mailto:a@b", 0 },
	{ "javascript:alert(1)", 0 },
	{ "/rel", 0 },
	{ "//a/b", 0 },
	{ "http:g", 0 },
	{ "httpx://a/", 0 },
	{ "", 0 },
	{ NULL, 0 },
};

/* s printable in a test name (TAP lines must not break) */
static const char *
show(const char *s)
{
	static char buf[256];
	size_t i;

	if (s == NULL)
		return "NULL";
	for (i = 0; s[i] != '\0' && i < sizeof(buf) - 1; i++)
		buf[i] = (unsigned char)s[i] < ' ' ? '?' : s[i];
	buf[i] = '\0';
	return buf;
}

static void
test_table(const struct pair *t, size_t n, const char *name)
{
	const char *base = "http://a/b/c/d;p?q";
	size_t i;
	char *r;

	for (i = 0; i < n; i++) {
		r = news_url_resolve(base, t[i].in);
		is_str(r, t[i].want, "%s \"%s\"", name, t[i].in);
		free(r);
	}
}

static void
test_resolve(void)
{
	size_t i;
	char *r;

	test_table(rfc_normal, sizeof(rfc_normal) / sizeof(rfc_normal[0]),
	    "RFC 3986 5.4.1");
	test_table(rfc_abnormal, sizeof(rfc_abnormal) /
	    sizeof(rfc_abnormal[0]), "RFC 3986 5.4.2");
	for (i = 0; i < sizeof(resolves) / sizeof(resolves[0]); i++) {
		r = news_url_resolve(resolves[i].base, resolves[i].ref);
		is_str(r, resolves[i].want, "resolve %zu \"%s\"", i,
		    show(resolves[i].ref));
		free(r);
	}
}

static void
test_key(void)
{
	char url[128], *r, *a, *b;
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		r = news_url_key(keys[i].in);
		is_str(r, keys[i].want, "key %zu \"%s\"", i,
		    show(keys[i].in));
		free(r);
	}
	for (i = 0; i < sizeof(tracking) / sizeof(tracking[0]); i++) {
		snprintf(url, sizeof(url), "http://x/p?a=1&%s=v&b=2",
		    tracking[i]);
		r = news_url_key(url);
		is_str(r, "http://x/p?a=1&b=2", "key drops %s", tracking[i]);
		free(r);
	}
	a = news_url_key("HTTP://EXAMPLE.com:80/x/../y?utm_medium=z#top");
	b = news_url_key("http://example.com/y");
	ok(a != NULL && b != NULL && strcmp(a, b) == 0, "keys equal");
	free(a);
	free(b);
	a = news_url_key("http://example.com/y");
	b = news_url_key("https://example.com/y");
	ok(a != NULL && b != NULL && strcmp(a, b) != 0,
	    "http and https keys differ");
	free(a);
	free(b);
}

static void
test_host_http(void)
{
	size_t i;
	char *r;

	for (i = 0; i < sizeof(hosts) / sizeof(hosts[0]); i++) {
		r = news_url_host(hosts[i].in);
		is_str(r, hosts[i].want, "host \"%s\"",
		    hosts[i].in ? hosts[i].in : "NULL");
		free(r);
	}
	for (i = 0; i < sizeof(https) / sizeof(https[0]); i++)
		is_int(news_url_is_http(https[i].url), https[i].want,
		    "is_http \"%s\"", https[i].url ? https[i].url : "NULL");
	ok(news_url_scheme_is_http("http://a/") &&
	    news_url_scheme_is_http("HTTPS://a/") &&
	    news_url_scheme_is_http("https:x") &&
	    !news_url_scheme_is_http("javascript:alert(1)") &&
	    !news_url_scheme_is_http("httpx://a/") &&
	    !news_url_scheme_is_http("http") &&
	    !news_url_scheme_is_http(" http://a/") &&
	    !news_url_scheme_is_http("data:text/html,x") &&
	    !news_url_scheme_is_http(NULL), "scheme_is_http");
}

int
main(void)
{
	test_resolve();
	test_key();
	test_host_http();
	return done_testing();
}
