/*
 * Fuzz target: news-render's template parser and renderer, and slugs.
 * The input is a template; it is parsed, rendered with a fixed context
 * (objects, lists, strings with markup) and as a partial of itself.
 * Invariants: no crash or leak; a value is always escaped (the title,
 * marked by a \001 byte the template cannot hold, never comes out with
 * its '<'); slugs are safe path segments.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "text.h"
#include "render.h"

static json_t *
context(void)
{
	return json_pack("{s:s, s:s, s:[{s:s, s:b}, {s:s}], s:{s:{s:s}}, s:i, s:b, s:[]}",
	    "title", "\001<b>",
	    "content_html", "<p>ok</p>",
	    "items", "name", "A", "on", 1, "name", "B",
	    "a", "b", "c", "deep",
	    "n", 3,
	    "yes", 1,
	    "empty");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tmpl_set *ts;
	struct news_buf out = NEWS_BUF_INIT;
	char err[256], *slug, *src;
	json_t *ctx;

	src = news_xstrndup((const char *)data, size);
	ts = tmpl_set_new();
	if (tmpl_set_add(ts, "self", (const char *)data, size, err,
	    sizeof err) == 0) {
		ctx = context();
		tmpl_render(ts, "self", ctx, &out, err, sizeof err);
		json_decref(ctx);
		/* the title comes out escaped, however it is asked for */
		if (memchr(data, 1, size) == NULL)
			for (const char *p = news_buf_str(&out);
			    (p = strchr(p, 1)) != NULL; p++)
				if (strncmp(p, "\001&lt;b&gt;", 10) != 0)
					abort();
	}
	tmpl_set_free(ts);
	news_buf_free(&out);

	slug = slug_make(src, 80, "item");
	if (*slug == '\0' || strchr(slug, '/') != NULL ||
	    strcmp(slug, ".") == 0 || strcmp(slug, "..") == 0 ||
	    strlen(slug) > 80 || !slug_path_safe(slug) ||
	    !news_utf8_valid(slug, strlen(slug)))
		abort();
	for (const char *p = slug; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '%' || *p == '.' ||
		    *p == '\\' || *p == '"' || *p == '<' || *p == '>')
			abort();
	free(slug);
	free(src);
	return 0;
}
