/*
 * htmltext.c: the plain text of HTML (DESIGN.md's text field): one blank
 * line between paragraphs, headings their own paragraph, list items
 * "- ", table rows one line each with cells split by a tab, br a line
 * break, pre kept as it is; what the sanitizer drops with its content
 * (script, style, ...) and ruby annotations are not text.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "news.h"
#include "buf.h"
#include "html.h"
#include "htmltext.h"
#include "sanitize.h"
#include "text.h"

static const char *const blocknames[] = {
	"address", "article", "aside", "blockquote", "body", "center", "dd",
	"details", "dialog", "div", "dl", "dt", "fieldset", "figcaption",
	"figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol",
	"p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
	"th", "thead", "tr", "ul"
};

static int
cmpname(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

int
news_html_is_block(const char *name)
{
	return bsearch(name, blocknames, sizeof(blocknames) /
	    sizeof(blocknames[0]), sizeof(blocknames[0]), cmpname) != NULL;
}


struct tx {
	struct news_buf *out;
	int brk;	/* pending break: 0 none, 1 newline, 2 blank line */
	int space;	/* pending space */
	int pre;
	int cell;	/* a cell was written on this row */
	int bullet;	/* a list item's "- " waits for its first text */
};

static void
wantbreak(struct tx *t, int level)
{
	if (t->brk < level)
		t->brk = level;
	t->space = 0;
}

static void
flush(struct tx *t)
{
	if (t->out->len > 0) {
		if (t->brk == 2)
			news_buf_adds(t->out, "\n\n");
		else if (t->brk == 1)
			news_buf_addc(t->out, '\n');
		else if (t->space)
			news_buf_addc(t->out, ' ');
	}
	t->brk = 0;
	t->space = 0;
	if (t->bullet) {
		news_buf_adds(t->out, "- ");
		t->bullet = 0;
	}
}

/* a word without its invisible marks: soft hyphens (U+00AD), zero
 * width spaces and joiners (U+200B to U+200D), the BOM (U+FEFF) */
static void
word(struct news_buf *out, const char *p, const char *e)
{
	const unsigned char *u;
	const char *q;

	for (q = p; q < e; q++) {
		u = (const unsigned char *)q;
		if (u[0] == 0xC2 && q + 1 < e && u[1] == 0xAD) {
			news_buf_add(out, p, q - p);
			p = ++q + 1;
		} else if (u[0] == 0xE2 && q + 2 < e && u[1] == 0x80 &&
		    u[2] >= 0x8B && u[2] <= 0x8D) {
			news_buf_add(out, p, q - p);
			q += 2;
			p = q + 1;
		} else if (u[0] == 0xEF && q + 2 < e && u[1] == 0xBB &&
		    u[2] == 0xBF) {
			news_buf_add(out, p, q - p);
			q += 2;
			p = q + 1;
		}
	}
	news_buf_add(out, p, e - p);
}

static void
text(struct tx *t, const char *s)
{
	const char *p, *q;

	if (t->pre) {
		if (*s) {
			flush(t);
			news_buf_adds(t->out, s);
		}
		return;
	}
	for (p = s; *p; ) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f') {
			t->space = 1;
			p++;
			continue;
		}
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
			t->space = 1;
			p += 2;
			continue;
		}
		for (q = p; *q && *q != ' ' && *q != '\t' && *q != '\n' &&
		    *q != '\r' && *q != '\f' && !((unsigned char)q[0] == 0xC2 &&
		    (unsigned char)q[1] == 0xA0); q++)
			;
		flush(t);
		word(t->out, p, q);
		p = q;
	}
}

static int
isname(const xmlNode *n, const char *s)
{
	return strcmp((const char *)n->name, s) == 0;
}

static int
enter(struct tx *t, const xmlNode *n)
{
	const char *name;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			text(t, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	name = (const char *)n->name;
	if (news_sanitize_is_dropped(name))
		return 0;
	/* ruby annotations: the reading of the characters, not text */
	if (isname(n, "rt") || isname(n, "rp"))
		return 0;
	if (isname(n, "br")) {
		wantbreak(t, 1);
		return 0;
	}
	if (isname(n, "tr")) {
		wantbreak(t, 1);
		t->cell = 0;
	} else if (isname(n, "td") || isname(n, "th")) {
		if (t->cell && t->brk == 0) {
			flush(t);
			news_buf_addc(t->out, '\t');
		}
		t->cell = 1;
	} else if (isname(n, "li")) {
		wantbreak(t, 2);	/* an item without text shows nothing */
		t->bullet = 1;
	} else if (isname(n, "pre")) {
		wantbreak(t, 2);
		t->pre++;
	} else if (news_html_is_block(name))
		wantbreak(t, 2);
	return 1;
}

static void
leave(struct tx *t, const xmlNode *n)
{
	const char *name = (const char *)n->name;

	if (isname(n, "pre"))
		t->pre--;
	if (isname(n, "li"))
		t->bullet = 0;
	if (isname(n, "td") || isname(n, "th"))
		return;
	if (isname(n, "tr"))
		wantbreak(t, 1);
	else if (isname(n, "table"))
		wantbreak(t, 2);
	else if (news_html_is_block(name))
		wantbreak(t, 2);
}

void
news_html_text_node(struct news_buf *out, const xmlNode *top)
{
	struct tx t;
	const xmlNode *n;

	memset(&t, 0, sizeof(t));
	t.out = out;
	news_buf_add(out, "", 0);
	if (top == NULL || (n = top->children) == NULL)
		return;
	for (;;) {
		if (enter(&t, n)) {
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			leave(&t, n);
		}
		for (;;) {
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == top || n == NULL)
				goto done;
			if (n->type == XML_ELEMENT_NODE)
				leave(&t, n);
		}
	}
done:
	while (out->len > 0 && (out->s[out->len - 1] == ' ' ||
	    out->s[out->len - 1] == '\n' || out->s[out->len - 1] == '\t'))
		out->s[--out->len] = '\0';
}

char *
news_html_text(const char *fragment, size_t len)
{
	struct news_buf out = NEWS_BUF_INIT;
	htmlDocPtr doc;

	if ((doc = news_html_parse_fragment(fragment, len)) == NULL)
		return news_xstrdup("");
	news_html_text_node(&out, (const xmlNode *)doc);
	xmlFreeDoc(doc);
	return news_buf_take(&out);
}
