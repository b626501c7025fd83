/*
 * sources.c: the list of feeds to fetch.  Operands, -f FILE (one source
 * a line: a URL or path, then an optional label; '#' starts a comment),
 * --opml FILE (OPML 1.0/2.0 subscription lists, nested outlines), and
 * --export-opml, which writes the list back as OPML 2.0, in the order
 * given and nothing else (no dates): exporting what was exported gives
 * the same bytes.
 *
 * file:// URLs and paths come only from here, that is from the user;
 * nothing a server sends can name a local file.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "news.h"
#include "buf.h"
#include "fetch.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* the path of a file:// URL, percent-decoded; NULL when not local */
static char *
file_path(const char *url)
{
	const char *p = url + 7;
	struct news_buf b = NEWS_BUF_INIT;

	if (strncasecmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL;
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%' && hexval((unsigned char)p[1]) >= 0 &&
		    hexval((unsigned char)p[2]) >= 0) {
			news_buf_addc(&b, hexval((unsigned char)p[1]) * 16 +
			    hexval((unsigned char)p[2]));
			p += 2;
		} else {
			news_buf_addc(&b, *p);
		}
	}
	return news_buf_take(&b);
}

void
sources_add(struct sources *s, const char *url, const char *label)
{
	struct source *src;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = news_xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	src = &s->v[s->n++];
	memset(src, 0, sizeof(*src));
	src->url = news_xstrdup(url);
	/* a label that is the URL itself is none (OPML text="URL") */
	src->label = label && *label && strcmp(label, url) != 0 ?
	    news_xstrdup(label) : NULL;
	if (strncasecmp(url, "file://", 7) == 0) {
		src->local = 1;
		src->path = file_path(url);
	} else if (strstr(url, "://") == NULL) {
		src->local = 1;
		src->path = news_xstrdup(url);
	}
}

int
sources_read_list(struct sources *s, const char *file)
{
	FILE *fp;
	char *line = NULL, *p, *e, *label;
	size_t cap = 0;
	ssize_t n;

	if (strcmp(file, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(file, "r")) == NULL) {
		news_warn("%s:", file);
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		for (p = line; isspace((unsigned char)*p); p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		for (e = p; *e && !isspace((unsigned char)*e); e++)
			;
		label = e;
		if (*e)
			*label++ = '\0';
		while (isspace((unsigned char)*label))
			label++;
		/* a trailing comment or white space is not part of the label */
		if ((e = strstr(label, " #")) != NULL || (e = strstr(label, "\t#")) != NULL)
			*e = '\0';
		e = label + strlen(label);
		while (e > label && isspace((unsigned char)e[-1]))
			*--e = '\0';
		sources_add(s, p, label);
	}
	if (ferror(fp)) {
		news_warn("%s: read error:", file);
		free(line);
		if (fp != stdin)
			fclose(fp);
		return -1;
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	return 0;
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;
	xmlChar *v;
	char *r;

	for (a = n->properties; a; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0) {
			v = xmlNodeGetContent((xmlNodePtr)a);
			r = v ? news_xstrdup((const char *)v) : NULL;
			xmlFree(v);
			return r;
		}
	return NULL;
}

static void
walk_opml(struct sources *s, xmlNodePtr n, int depth)
{
	char *url, *label;

	if (depth > 64)
		return;
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)n->name, "outline") == 0 &&
		    (url = prop(n, "xmlUrl")) != NULL) {
			if ((label = prop(n, "title")) == NULL)
				label = prop(n, "text");
			if (*url)
				sources_add(s, url, label);
			free(url);
			free(label);
		}
		walk_opml(s, n->children, depth + 1);
	}
}

int
sources_read_opml(struct sources *s, const char *file)
{
	xmlDocPtr doc;
	xmlNodePtr root;

	doc = xmlReadFile(file, NULL, XML_PARSE_RECOVER | XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL ||
	    strcasecmp((const char *)root->name, "opml") != 0) {
		news_warn("%s: not an OPML file", file);
		xmlFreeDoc(doc);
		return -1;
	}
	walk_opml(s, root->children, 0);
	xmlFreeDoc(doc);
	return 0;
}

static void
put_attr(FILE *fp, const char *name, const char *v)
{
	fprintf(fp, " %s=\"", name);
	for (; *v; v++)
		switch (*v) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		/* white space as references: a parser makes spaces of it */
		case '\n': fputs("&#10;", fp); break;
		case '\t': fputs("&#9;", fp); break;
		case '\r': fputs("&#13;", fp); break;
		default:
			if ((unsigned char)*v >= 0x20)
				putc(*v, fp);	/* XML has no other controls */
		}
	putc('"', fp);
}

int
sources_write_opml(const struct sources *s, FILE *fp)
{
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n<head><title>newsutils feeds</title></head>\n"
	    "<body>\n", fp);
	for (i = 0; i < s->n; i++) {
		fputs("<outline type=\"rss\"", fp);
		put_attr(fp, "text", s->v[i].label ? s->v[i].label : s->v[i].url);
		if (s->v[i].label)
			put_attr(fp, "title", s->v[i].label);
		put_attr(fp, "xmlUrl", s->v[i].url);
		fputs("/>\n", fp);
	}
	fputs("</body>\n</opml>\n", fp);
	return ferror(fp) ? -1 : 0;
}

void
sources_free(struct sources *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].url);
		free(s->v[i].label);
		free(s->v[i].path);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}
