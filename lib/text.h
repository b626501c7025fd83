/*
 * text.h: UTF-8 text helpers: validation and repair, whitespace
 * normalisation, HTML entity decoding (all HTML5 named references).
 */
#ifndef NEWS_TEXT_H
#define NEWS_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 prefix of s[0..len) (== len when valid). */
size_t news_utf8_valid_prefix(const char *s, size_t len);
int news_utf8_valid(const char *s, size_t len);

/*
 * Copy s[0..len) to a new NUL-terminated string with every invalid UTF-8
 * sequence replaced by U+FFFD (maximal subparts, as WHATWG/Unicode).
 * *outlen gets the new length if outlen is not NULL.
 */
char *news_utf8_repair(const char *s, size_t len, size_t *outlen);

/* Decode one code point at s (len bytes); returns its length and sets
 * *cp, or returns 0 (invalid or truncated). */
int news_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes at least); returns the length (1..4), or 0
 * for a surrogate or a value above U+10FFFF. */
int news_utf8_encode(uint32_t cp, char *out);

/*
 * Collapse every run of white space (ASCII space, tab, CR, LF, FF, and
 * Unicode spaces such as U+00A0, U+2000..U+200A, U+3000) to one ASCII
 * space and trim both ends.  Returns a new string.
 */
char *news_text_squeeze(const char *s, size_t len);

/*
 * Decode HTML character references in s: all HTML5 named references
 * (with and without ';' where HTML5 allows), decimal and hex numeric ones
 * (with the HTML5 windows-1252 remapping of 0x80..0x9F, invalid code
 * points to U+FFFD).  Malformed references are left as text.  Returns a
 * new string.
 */
char *news_html_unescape(const char *s, size_t len);

/*
 * s[0..len) made safe for a terminal or a mail header: C0 controls but
 * tab (and newline when keepnl), DEL and C1 controls (U+0080..U+009F)
 * removed, so that no escape sequence (ESC, CSI, OSC, BEL) gets through;
 * invalid UTF-8 as U+FFFD.  Returns a new string.
 */
char *news_text_for_terminal(const char *s, size_t len, int keepnl);

/* Look up one named reference without '&' and ';' ("eacute"); returns the
 * UTF-8 expansion or NULL. */
const char *news_html_entity(const char *name, size_t len);

/* Count the words in UTF-8 text (runs of letters/digits; CJK characters
 * count one each). */
size_t news_text_word_count(const char *s, size_t len);

/*
 * strcasestr(3) with ASCII case folding (bytes >= 0x80 compare as they
 * are, as in the C and UTF-8 locales), without glibc's per-call setup,
 * which dominates on the short strings (class values, labels) searched
 * here.  NULL when needle does not occur; haystack when needle is "".
 */
char *news_strcasestr(const char *haystack, const char *needle);

#endif
