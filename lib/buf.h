/* buf.h: a growable byte buffer with overflow checks (sfeed's string_append). */
#ifndef NEWS_BUF_H
#define NEWS_BUF_H

#include <stddef.h>
#include <stdarg.h>

struct news_buf {
	char *s;	/* always NUL-terminated when len > 0 or after any append */
	size_t len;
	size_t cap;
};

#define NEWS_BUF_INIT { NULL, 0, 0 }

void news_buf_grow(struct news_buf *b, size_t extra);	/* exits 2 on OOM */
void news_buf_add(struct news_buf *b, const void *p, size_t n);
void news_buf_adds(struct news_buf *b, const char *s);
void news_buf_addc(struct news_buf *b, int c);
void news_buf_printf(struct news_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void news_buf_reset(struct news_buf *b);	/* len = 0, keeps memory */
void news_buf_free(struct news_buf *b);
/* Give the string away (never NULL: "" when empty); b is reset. */
char *news_buf_take(struct news_buf *b);
/* the contents as a C string ("" when empty) */
const char *news_buf_str(const struct news_buf *b);

#endif
