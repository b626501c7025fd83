/*
 * htmltext.h: HTML to the plain text of the record's text field
 * (paragraphs split by a blank line, list items "- ", headings their own
 * paragraph), for news-extract's article tree and for the HTML a feed
 * gives (content, summary) in news-tag and news-render.
 */
#ifndef NEWS_HTMLTEXT_H
#define NEWS_HTMLTEXT_H

#include <stddef.h>
#include <libxml/tree.h>

#include "buf.h"

/* 1 if the element name (lower-case) is a block: it starts a paragraph. */
int news_html_is_block(const char *name);

/* Append the text of the subtree below top (its children) to out,
 * trailing white space trimmed. */
void news_html_text_node(struct news_buf *out, const xmlNode *top);

/* The text of an HTML fragment (UTF-8, len bytes; invalid UTF-8 is
 * repaired): a malloc'd string, "" when there is none. */
char *news_html_text(const char *fragment, size_t len);

#endif
