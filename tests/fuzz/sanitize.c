/* libFuzzer target: lib/sanitize.c on arbitrary bytes.  The output must
 * be valid UTF-8, and every tag and attribute in it on the allowlist. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "sanitize.h"
#include "text.h"

static const char *const tags[] = {
	"a", "blockquote", "br", "caption", "cite", "code", "dd", "dl", "dt",
	"em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr",
	"img", "li", "ol", "p", "pre", "q", "strong", "sub", "sup", "table",
	"tbody", "td", "tfoot", "th", "thead", "time", "tr", "ul", NULL
};
static const char *const attrs[] = {
	"href", "rel", "src", "alt", "width", "height", "colspan", "rowspan",
	"datetime", "start", "cite", NULL
};

static int
inlist(const char *s, size_t n, const char *const *l)
{
	for (; *l != NULL; l++)
		if (strlen(*l) == n && strncmp(*l, s, n) == 0)
			return 1;
	return 0;
}

/* check every tag of out; abort on anything not allowed */
static void
check(const char *out)
{
	const char *p = out, *q;

	while ((p = strchr(p, '<')) != NULL) {
		p++;
		if (*p == '/')
			p++;
		for (q = p; isalnum((unsigned char)*q); q++)
			;
		if (!inlist(p, q - p, tags))
			abort();
		for (p = q; *p != '>'; ) {
			if (*p == '\0')
				abort();
			if (*p == ' ') {
				p++;
				for (q = p; isalpha((unsigned char)*q); q++)
					;
				if (!inlist(p, q - p, attrs) || q[0] != '=' ||
				    q[1] != '"')
					abort();
				p = strchr(q + 2, '"');
				if (p == NULL)
					abort();
				if (strncmp(q - 4, "href", 4) == 0 ||
				    strncmp(q - 3, "src", 3) == 0)
					if (strncmp(q + 2, "http", 4) != 0 &&
					    strncmp(q + 2, "data:image/", 11) != 0)
						abort();
				p++;
			} else
				abort();
		}
		p++;
	}
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	char *out;

	if (!init) {
		xmlSetGenericErrorFunc(NULL, quiet);
		init = 1;
	}
	out = news_sanitize_html((const char *)data, size,
	    "https://example.org/a/b.html", NEWS_SANITIZE_NOFOLLOW);
	if (!news_utf8_valid(out, strlen(out)))
		abort();
	check(out);
	free(out);
	return 0;
}
