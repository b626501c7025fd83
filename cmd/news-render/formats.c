/*
 * formats.c: the archive on stdout: a terminal listing (-f text), a
 * Markdown digest by category, Atom, JSON Feed and mbox.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "news.h"
#include "cal.h"
#include "date.h"
#include "render.h"
#include "text.h"
#include "url.h"

#define SOURCE_COLS 16

/* s without the controls a terminal or a mail reader would act on
 * (news_text_for_terminal), a new string; NULL stays NULL */
static char *
safe(const char *s, int keepnl)
{
	return s == NULL ? NULL : news_text_for_terminal(s, strlen(s), keepnl);
}

/* display columns (wcwidth) of s[0..len), and the prefix of it that fits
 * in max */
static size_t
fitn(const char *s, size_t len, size_t max, size_t *cols)
{
	mbstate_t st;
	size_t i = 0, n, w = 0;
	wchar_t wc;
	int cw;

	memset(&st, 0, sizeof st);
	while (i < len) {
		n = mbrtowc(&wc, s + i, len - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			n = 1;
			cw = 1;
		} else {
			if (n == 0)
				n = 1;
			cw = wcwidth(wc);
			if (cw < 0)
				cw = 0;
		}
		if (w + (size_t)cw > max)
			break;
		w += (size_t)cw;
		i += n;
	}
	*cols = w;
	return i;
}

static size_t
fit(const char *s, size_t max, size_t *cols)
{
	return fitn(s, strlen(s), max, cols);
}

/* s cut to max columns (with an ellipsis when cut), padded when pad */
static void
column(FILE *fp, const char *s, size_t max, int pad)
{
	size_t cols, n = fit(s, max, &cols);

	if (n < strlen(s) && max > 0) {
		n = fit(s, max - 1, &cols);
		fwrite(s, 1, n, fp);
		fputs("\xe2\x80\xa6", fp);
		cols++;
	} else {
		fwrite(s, 1, n, fp);
	}
	while (pad && cols++ < max)
		putc(' ', fp);
}

/*
 * The next line of s wrapped to max columns: its length in bytes (spaces
 * at the break left out), its columns in *cols, and where the line after
 * starts in *next.  A break goes after the last space that fits; a word
 * wider than max is broken where it reaches max.
 */
static size_t
wrap(const char *s, size_t max, size_t *cols, const char **next)
{
	size_t n = fit(s, max, cols), k;

	if (n == 0 && *s != '\0') {
		/* not one character fits: take one anyway */
		n = fitn(s, strlen(s), 2, cols);
		if (n == 0)
			n = 1;
	} else if (s[n] != '\0' && s[n] != ' ') {
		for (k = n; k > 0 && s[k - 1] != ' '; k--)
			;
		if (k > 0)
			n = k;
	}
	*next = s + n;
	while (**next == ' ')
		(*next)++;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	fitn(s, n, (size_t)-1, cols);
	return n;
}

/*
 * A line per article: date, source, title and URL, two spaces apart.  At a
 * width (-w, a terminal) the title wraps under itself, and the URL, never
 * cut, goes after the title's last line when it fits there, else on a
 * line of its own (under the title, or from the first column when it is
 * wider than that).  Narrower than 60 columns the source is left out;
 * narrower than 40 the title goes under the date, indented by two.
 */
static void
text(struct site *s, const struct options *o, FILE *fp)
{
	const char *bold = o->color ? "\033[1m" : "";
	const char *dim = o->color ? "\033[2m" : "";
	const char *reset = o->color ? "\033[0m" : "";
	size_t width = o->width > 0 ? (size_t)o->width : 0;
	int withsource = width == 0 || width >= 60;
	int narrow = width > 0 && width < 40;
	size_t indent = narrow ? 2 : 12 + (withsource ? SOURCE_COLS + 2 : 0);
	size_t i, n, cols, urlcols;
	const char *t, *next;
	char date[16];
	int y, m, d;

	for (i = 0; i < s->n && !ferror(fp); i++) {
		const struct article *a = &s->a[i];
		char *title = safe(a->title, 0);
		char *source = safe(a->source ? a->source : "", 0);
		char *url = safe(a->url ? a->url : a->id, 0);

		if (a->dated && news_cal_day(a->published, 0, &y, &m, &d) == 0)
			snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
		else
			snprintf(date, sizeof date, "%-10s", "");
		if (narrow && !a->dated)
			fputs("  ", fp);
		else if (narrow)
			fprintf(fp, "%s%s%s\n  ", dim, date, reset);
		else
			fprintf(fp, "%s%s%s  ", dim, date, reset);
		if (withsource) {
			column(fp, source, SOURCE_COLS, 1);
			fputs("  ", fp);
		}
		if (width == 0) {
			fprintf(fp, "%s%s%s  %s\n", bold, title, reset, url);
			goto next;
		}
		t = title;
		cols = 0;
		do {
			n = wrap(t, width > indent ? width - indent : 1, &cols,
			    &next);
			if (t != title)
				fprintf(fp, "\n%*s", (int)indent, "");
			fprintf(fp, "%s%.*s%s", bold, (int)n, t, reset);
			t = next;
		} while (*t != '\0');
		fit(url, (size_t)-1, &urlcols);
		if (indent + cols + 2 + urlcols <= width)
			fprintf(fp, "  %s\n", url);
		else if (indent + urlcols <= width)
			fprintf(fp, "\n%*s%s\n", (int)indent, "", url);
		else
			fprintf(fp, "\n%s\n", url);
next:
		free(title);
		free(source);
		free(url);
	}
}

/*
 * Markdown text: escaped only where CommonMark (and GFM's ~) would read
 * markup, so that "Gun-smuggling" and "U.S." stay as they are:
 * - always \\ ` * [ ] < ~ (emphasis, code, links, raw HTML and autolinks:
 *   "<script>" is "\\<script>", text and never a tag);
 * - _ unless between two letters or digits (intraword _ is no emphasis);
 * - & when it starts a character reference ("&amp;", "&#38;");
 * - at the start of a line (start), what would open a block: # > + - = |
 *   and "1." or "1)";
 * - in a heading (heading), a closing run of #.
 */
#define MD_START 1
#define MD_HEADING 2
static void
md_text(FILE *fp, const char *str, int ctx)
{
	char *t = safe(str, 0);
	const unsigned char *s = (const unsigned char *)t, *p, *q;

	for (p = s; *p; p++) {
		int esc = 0;

		switch (*p) {
		case '\\': case '`': case '*': case '[': case ']': case '<':
		case '~':
			esc = 1;
			break;
		case '_':
			esc = p == s || !(isalnum(p[-1]) || p[-1] >= 0x80) ||
			    !(isalnum(p[1]) || p[1] >= 0x80);
			break;
		case '&':
			for (q = p + 1; isalnum(*q) || (*q == '#' && q == p + 1);
			    q++)
				;
			esc = q > p + 1 && *q == ';';
			break;
		case '#':
			if (ctx & MD_HEADING) {
				for (q = p; *q == '#'; q++)
					;
				esc = *q == '\0' && (p == s || p[-1] == ' ');
			}
			break;
		}
		if (p == s && (ctx & MD_START)) {
			if (strchr("#>+-=|", *p) != NULL)
				esc = 1;
			for (q = p; isdigit(*q); q++)
				;
			if (q > p && (*q == '.' || *q == ')')) {
				fwrite(p, 1, (size_t)(q - p), fp);
				p = q;
				esc = 1;
			}
		}
		if (esc)
			putc('\\', fp);
		putc(*p, fp);
	}
	free(t);
}

static void
md_url(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '(' || *s == ')' || *s == ' ' || *s == '<' ||
		    *s == '>' || *s == '\\' || (unsigned char)*s < 0x20 ||
		    *s == 0x7F)
			fprintf(fp, "%%%02X", (unsigned char)*s);
		else
			putc(*s, fp);
	}
}

static void
md_item(FILE *fp, const struct article *a)
{
	char date[64];

	/* only http and https are linked: an id may be anything
	 * ("javascript:...", a path) */
	const char *href = a->url != NULL ? a->url :
	    news_url_is_http(a->id) ? a->id : NULL;

	fputs(href ? "- [" : "- ", fp);
	md_text(fp, a->title, 0);
	if (href != NULL) {
		fputs("](", fp);
		md_url(fp, href);
		fputs(")", fp);
	}
	if (a->source != NULL) {
		fputs(" \xe2\x80\x94 ", fp);
		md_text(fp, a->source, 0);
	}
	if (a->dated) {
		date_words(a->published, date, sizeof date);
		fprintf(fp, ", %s", date);
	}
	fputs("\n", fp);
	if (a->excerpt != NULL) {
		fputs("  ", fp);
		md_text(fp, a->excerpt, MD_START);
		fputs("\n", fp);
	}
}

static void
markdown(struct site *s, const struct options *o, FILE *fp)
{
	size_t i, j, nocat = 0;

	fputs("# ", fp);
	md_text(fp, o->title, MD_HEADING);
	fputs("\n", fp);
	for (i = 0; i < s->categories.n; i++) {
		const struct group *g = &s->categories.v[i];

		fputs("\n## ", fp);
		md_text(fp, g->name, MD_HEADING);
		fputs("\n\n", fp);
		for (j = 0; j < g->n; j++)
			md_item(fp, &s->a[g->idx[j]]);
	}
	for (i = 0; i < s->n; i++)
		nocat += s->a[i].category == NULL;
	if (nocat > 0) {
		fputs(s->categories.n ? "\n## Other\n\n" : "\n", fp);
		for (i = 0; i < s->n; i++)
			if (s->a[i].category == NULL)
				md_item(fp, &s->a[i]);
	}
}

/* a header value on one line, RFC 2047-encoded when not ASCII */
static void
header(FILE *fp, const char *name, const char *value)
{
	const unsigned char *p;
	char *v = safe(value, 0);
	int ascii = 1;
	size_t n = 0;

	for (p = (const unsigned char *)v; *p; p++)
		if (*p >= 0x80 || *p < 0x20)
			ascii = 0;
	fprintf(fp, "%s: ", name);
	if (ascii) {
		fprintf(fp, "%s\n", v);
		free(v);
		return;
	}
	/* base64 words of at most 45 bytes, never cutting a character */
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	p = (const unsigned char *)v;
	while (*p) {
		unsigned char chunk[48];
		size_t k = 0, i;

		while (p[k] && k < 45)
			k++;
		while (p[k] && k > 0 && (p[k] & 0xC0) == 0x80)
			k--;
		for (i = 0; i < k; i++)
			chunk[i] = p[i] < 0x20 ? ' ' : p[i];
		if (n++ > 0)
			fputs("\n ", fp);
		fputs("=?UTF-8?B?", fp);
		for (i = 0; i < k; i += 3) {
			unsigned v3 = (unsigned)chunk[i] << 16 |
			    (i + 1 < k ? (unsigned)chunk[i + 1] << 8 : 0) |
			    (i + 2 < k ? chunk[i + 2] : 0);

			putc(b64[v3 >> 18 & 63], fp);
			putc(b64[v3 >> 12 & 63], fp);
			putc(i + 1 < k ? b64[v3 >> 6 & 63] : '=', fp);
			putc(i + 2 < k ? b64[v3 & 63] : '=', fp);
		}
		fputs("?=", fp);
		p += k;
	}
	fputc('\n', fp);
	free(v);
}

static void
mbox(struct site *s, const struct options *o, FILE *fp)
{
	static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	size_t i;
	int64_t t;
	int y, m, d, hh, mm, ss;
	char *body, *line, *next;

	for (i = 0; i < s->n && !ferror(fp); i++) {
		const struct article *a = &s->a[i];
		struct news_buf from = NEWS_BUF_INIT;

		t = a->dated ? a->published : 0;
		news_cal_day(t, 0, &y, &m, &d);
		hh = (int)(t % 86400 / 3600);
		mm = (int)(t % 3600 / 60);
		ss = (int)(t % 60);
		fprintf(fp, "From news-render@localhost %s %s %2d "
		    "%02d:%02d:%02d %d\n", wd[news_cal_wday(y, m, d)],
		    news_cal_month_abbr(m), d, hh, mm, ss, y);
		news_buf_printf(&from, "%s <news-render@localhost>",
		    a->source ? a->source : o->title);
		for (char *c = from.s; *c; c++)
			if (*c == '"' || *c == '\\')
				*c = '\'';
		header(fp, "From", from.s);
		news_buf_free(&from);
		header(fp, "Subject", a->title);
		fprintf(fp, "Date: %s, %02d %s %d %02d:%02d:%02d +0000\n",
		    wd[news_cal_wday(y, m, d)], d, news_cal_month_abbr(m), y,
		    hh, mm, ss);
		fprintf(fp, "Message-ID: <%016llx@news-render.invalid>\n",
		    (unsigned long long)slug_hash(a->id, strlen(a->id)));
		if (a->url != NULL)
			header(fp, "X-Url", a->url);
		fputs("MIME-Version: 1.0\n"
		    "Content-Type: text/plain; charset=utf-8\n"
		    "Content-Transfer-Encoding: 8bit\n\n", fp);
		line = a->text_len > 0 ? site_body(s, a, 0) :
		    news_xstrdup(a->excerpt ? a->excerpt : "");
		body = safe(line, 1);
		free(line);
		for (line = body; line != NULL && *line; line = next) {
			next = strchr(line, '\n');
			if (next != NULL)
				*next++ = '\0';
			/* mboxrd: quote From lines, even quoted ones */
			const char *q = line;
			while (*q == '>')
				q++;
			if (strncmp(q, "From ", 5) == 0)
				putc('>', fp);
			fprintf(fp, "%s\n", line);
		}
		free(body);
		if (a->url != NULL) {
			char *src = safe(a->source ? a->source : "", 0);
			char *url = safe(a->url, 0);

			fprintf(fp, "\n%s%s\n%s\n", src, *src ? ": " : "",
			    url);
			free(src);
			free(url);
		}
		fputs("\n", fp);
	}
}

int
formats_print(struct site *s, const struct options *o, FILE *fp)
{
	struct news_buf b = NEWS_BUF_INIT;

	if (strcmp(o->format, "text") == 0) {
		text(s, o, fp);
	} else if (strcmp(o->format, "markdown") == 0) {
		markdown(s, o, fp);
	} else if (strcmp(o->format, "atom") == 0) {
		feed_atom(&b, s, o, 0);
		fwrite(b.s, 1, b.len, fp);
	} else if (strcmp(o->format, "jsonfeed") == 0) {
		feed_json(&b, s, o, 0);
		fwrite(b.s, 1, b.len, fp);
	} else if (strcmp(o->format, "mbox") == 0) {
		mbox(s, o, fp);
	} else {
		return -1;
	}
	news_buf_free(&b);
	return 0;
}
