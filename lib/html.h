/*
 * html.h: HTML bytes to a libxml2 document, whatever the encoding.
 *
 * The encoding is taken, in order, from a byte order mark, the charset
 * parameter of the HTTP Content-Type, a <meta charset> or <meta
 * http-equiv="Content-Type"> (or <?xml encoding?>) in the first 16 KiB,
 * else it is guessed: valid UTF-8 is UTF-8; otherwise the bytes are
 * tried as EUC-KR, Shift_JIS, EUC-JP, GBK, windows-1251 and
 * windows-1252 (the page's lang attribute helps).  Labels are mapped as
 * browsers do (iso-8859-1 and us-ascii are windows-1252, gb2312 is GBK,
 * shift_jis is windows-31j...).  A page declared in a Latin single-byte
 * encoding whose bytes are valid UTF-8 is read as UTF-8.  Bytes that
 * are invalid in the encoding become U+FFFD: the document is always
 * UTF-8 inside.
 *
 * Parsing is libxml2's HTML parser with RECOVER, NOERROR, NOWARNING,
 * NONET and COMPACT, and libxml2's default limits (no XML_PARSE_HUGE).
 */
#ifndef NEWS_HTML_H
#define NEWS_HTML_H

#include <stddef.h>
#include <libxml/HTMLparser.h>

/* The largest document news_html_parse accepts. */
#define NEWS_HTML_MAX (32UL * 1024 * 1024)

/*
 * The encoding of data as an iconv name ("UTF-8", "WINDOWS-1252",
 * "CP932", ...), never NULL.  content_type may be NULL.  *how, if not
 * NULL, gets "bom", "content-type", "meta" or "guess".
 */
const char *news_html_charset(const char *data, size_t len,
    const char *content_type, const char **how);

/*
 * Convert data from charset to UTF-8 (malloc'd, NUL-terminated, length
 * in *outlen); invalid bytes become U+FFFD.  Returns NULL when the
 * charset is unknown to iconv.
 */
char *news_html_to_utf8(const char *data, size_t len, const char *charset,
    size_t *outlen);

/*
 * Parse an HTML document.  url is the document URL (may be NULL).
 * Returns NULL when len is 0 or larger than NEWS_HTML_MAX, or libxml2
 * gives up.  *charset, if not NULL, gets the encoding used.  Free the
 * result with xmlFreeDoc().
 */
htmlDocPtr news_html_parse(const char *data, size_t len,
    const char *content_type, const char *url, const char **charset);

/*
 * Parse an HTML fragment already in UTF-8 (a record's content or
 * summary; invalid UTF-8 is repaired), same options.  NULL when len is 0
 * or above 2 GiB, or libxml2 gives up.  Free with xmlFreeDoc().
 */
htmlDocPtr news_html_parse_fragment(const char *fragment, size_t len);

/*
 * As news_html_parse; *too_deep (if not NULL) is set to 1 when the parser stopped
 * reading at libxml2's nesting limit (256 elements deep; XML_PARSE_HUGE
 * is never set): everything from there on is missing from the document.
 * news_html_too_deep_msg says so in words, for a diagnostic.
 */
htmlDocPtr news_html_parse_deep(const char *data, size_t len,
    const char *content_type, const char *url, const char **charset,
    int *too_deep);
const char *news_html_too_deep_msg(void);

/* The value of attribute name of element n (borrowed) or NULL. */
const char *news_html_attr(const xmlNode *n, const char *name);

#endif
