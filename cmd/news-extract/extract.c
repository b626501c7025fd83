/*
 * extract.c: one page, from HTML bytes to the fields of a record.
 */
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "buf.h"
#include "html.h"
#include "sanitize.h"
#include "text.h"
#include "extract.h"

int ex_opt_utc;

const xmlNode *
ex_next(const xmlNode *n, const xmlNode *top)
{
	if (n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* below this many characters of text the chosen block is "short" */
#define SHORT_TEXT 200

void
ex_warn(struct ex_result *r, const char *type, const char *msg)
{
	json_t *w = json_object();

	json_object_set_new(w, "type", json_string(type));
	json_object_set_new(w, "message", json_string(msg));
	if (r->warnings == NULL)
		r->warnings = json_array();
	json_array_append_new(r->warnings, w);
}

void
ex_result_free(struct ex_result *r)
{
	free(r->title);
	free(r->site_name);
	free(r->author);
	free(r->published);
	free(r->updated);
	free(r->description);
	free(r->lang);
	free(r->image);
	free(r->canonical_url);
	free(r->text);
	free(r->content);
	json_decref(r->categories);
	json_decref(r->keywords);
	json_decref(r->warnings);
	memset(r, 0, sizeof(*r));
}

const char *
ex_status_msg(int status)
{
	switch (status) {
	case EX_NOARTICLE:
		return "no article text found";
	case EX_TOOBIG:
		return "HTML larger than the 32 MiB limit";
	case EX_EMPTY:
		return "empty or unparsable HTML";
	case EX_BINARY:
		return "not HTML (binary data)";
	case EX_TOODEEP: {
		static char deep[200];

		snprintf(deep, sizeof(deep), "no article text found: %s",
		    news_html_too_deep_msg());
		return deep;
	}
	}
	return "ok";
}

/* NUL bytes or many control bytes in the first KiB: not text */
static int
binary(const char *s, size_t len)
{
	size_t i, n = len < 1024 ? len : 1024, ctl = 0;
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)))
		return 0;	/* UTF-16 */
	for (i = 0; i < n; i++)
		if (u[i] == 0 || (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
		    u[i] != '\r' && u[i] != '\f' && u[i] != 0x1b))
			ctl++;
	return ctl * 20 > n;
}

/* paragraphs of plain text (JSON-LD articleBody) to text and content */
static void
fromplain(struct ex_result *r, const char *body)
{
	struct news_buf c = NEWS_BUF_INIT, t = NEWS_BUF_INIT;
	const char *p = body, *e;
	char *u, *sq;

	u = news_html_unescape(body, strlen(body));
	for (p = u; *p; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		sq = news_text_squeeze(p, e - p);
		if (*sq) {
			if (t.len)
				news_buf_adds(&t, "\n\n");
			news_buf_adds(&t, sq);
			news_buf_adds(&c, "<p>");
			for (const char *q = sq; *q; q++) {
				if (*q == '<')
					news_buf_adds(&c, "&lt;");
				else if (*q == '>')
					news_buf_adds(&c, "&gt;");
				else if (*q == '&')
					news_buf_adds(&c, "&amp;");
				else
					news_buf_addc(&c, *q);
			}
			news_buf_adds(&c, "</p>\n");
		}
		free(sq);
	}
	free(u);
	free(r->text);
	free(r->content);
	r->text = news_buf_take(&t);
	r->content = news_buf_take(&c);
}

int
ex_extract(const char *html, size_t len, const char *url,
    const char *content_type, struct ex_result *r)
{
	htmlDocPtr doc;
	struct ex_meta *m;
	xmlNode *top;
	struct news_buf b = NEWS_BUF_INIT;
	const char *body;
	int status = EX_OK, deep;

	memset(r, 0, sizeof(*r));
	if (len > NEWS_HTML_MAX)
		return EX_TOOBIG;
	if (len == 0)
		return EX_EMPTY;
	if (binary(html, len))
		return EX_BINARY;
	if ((doc = news_html_parse_deep(html, len, content_type, url, NULL,
	    &deep)) == NULL)
		return EX_EMPTY;
	if (xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		return EX_EMPTY;
	}
	m = ex_meta_new(doc, url);
	top = ex_find_content(doc, m);
	ex_meta_result(m, top, r);	/* uses the scores: before pruning */
	if (top != NULL) {
		ex_prune(top, m);
		ex_cut_tail(top);
		ex_assistant_prune(top, r);
		news_html_text_node(&b, top);
		r->text = news_buf_take(&b);
		news_sanitize_node(&b, top, ex_meta_base(m),
		    NEWS_SANITIZE_INNER);
		r->content = news_buf_take(&b);
		if (r->image == NULL)
			r->image = ex_meta_first_image(m, top);
	}
	body = ex_meta_article_body(m);
	if (body != NULL && (r->text == NULL ||
	    news_text_word_count(r->text, strlen(r->text)) * 2 <
	    news_text_word_count(body, strlen(body))))
		fromplain(r, body);
	if (r->text == NULL || strlen(r->text) < SHORT_TEXT / 4) {
		free(r->text);
		free(r->content);
		r->text = r->content = NULL;
		status = deep ? EX_TOODEEP : EX_NOARTICLE;
	} else
		r->word_count = news_text_word_count(r->text, strlen(r->text));
	if (deep)
		ex_warn(r, "too_deep", news_html_too_deep_msg());
	if (r->lang == NULL)
		r->lang = ex_lang_guess(r->text);
	ex_score_done();
	ex_meta_free(m);
	xmlFreeDoc(doc);
	return status;
}
