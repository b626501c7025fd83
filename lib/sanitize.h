/*
 * sanitize.h: HTML to a safe HTML fragment through an allowlist.
 *
 * Kept elements: p, h2-h6 (h1 becomes h2), ul, ol, li, blockquote, pre,
 * code, table, thead, tbody, tfoot, tr, th, td, caption, figure,
 * figcaption, img, a, em (also from i), strong (also from b), br, hr, sup,
 * sub, dl, dt, dd, q, cite, time.  Kept attributes: a href; img src alt
 * width height; th/td colspan rowspan; time datetime; ol start; q and
 * blockquote cite (an URL).  URLs are resolved against base_url; only
 * http and https survive (and data:image/{png,gif,jpeg,webp} in img src).
 * Lazy images (data-src, data-lazy-src, data-original) are honoured.
 *
 * Dropped with their content: script, style, iframe, object, embed, form,
 * svg, math, template, noscript, head, button, select, textarea, canvas,
 * audio, video and the like.  Unknown elements are unwrapped (children
 * kept); an unknown block container (div, section, ...) holding only
 * inline content becomes a p.  Comments, on* and style attributes go.
 * Elements left empty (no text, no image) are dropped.  Whitespace runs
 * outside pre collapse to one space.  The walks are iterative: depth is
 * no danger.
 */
#ifndef NEWS_SANITIZE_H
#define NEWS_SANITIZE_H

#include <stddef.h>
#include <libxml/tree.h>

#include "buf.h"

enum {
	NEWS_SANITIZE_NOFOLLOW = 1 << 0,	/* rel="nofollow noopener" on
						   links to other hosts */
	NEWS_SANITIZE_INNER = 1 << 1		/* news_sanitize_node: only the
						   node's children */
};

/*
 * Sanitize an HTML fragment (UTF-8, len bytes; invalid UTF-8 is
 * repaired).  base_url may be NULL (relative URLs are then dropped).
 * Returns a malloc'd NUL-terminated fragment, "" when nothing is left.
 */
char *news_sanitize_html(const char *fragment, size_t len,
    const char *base_url, int flags);

/*
 * Append node (and its subtree) to out through the same allowlist.  With
 * NEWS_SANITIZE_INNER only the children of node are written.
 */
void news_sanitize_node(struct news_buf *out, const xmlNode *node,
    const char *base_url, int flags);

/* 1 if the element name (lower-case) is one the sanitizer drops along
 * with its content (script, style, iframe, ...). */
int news_sanitize_is_dropped(const char *name);

#endif
