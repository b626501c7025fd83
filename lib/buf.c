/* buf.c: growable byte buffers with overflow checks. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "news.h"

void
news_buf_grow(struct news_buf *b, size_t extra)
{
	size_t need, cap;

	if (extra > SIZE_MAX - b->len - 1) {
		errno = EOVERFLOW;
		news_fatal("buffer size:");
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->s = news_xrealloc(b->s, cap);
	b->cap = cap;
}

void
news_buf_add(struct news_buf *b, const void *p, size_t n)
{
	if (n >= b->cap - b->len)	/* room for n bytes and the NUL? */
		news_buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
news_buf_adds(struct news_buf *b, const char *s)
{
	news_buf_add(b, s, strlen(s));
}

void
news_buf_addc(struct news_buf *b, int c)
{
	if (b->len + 2 > b->cap)
		news_buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
news_buf_printf(struct news_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		news_fatal("vsnprintf:");
	news_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
news_buf_reset(struct news_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
news_buf_free(struct news_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *
news_buf_take(struct news_buf *b)
{
	char *s;

	if (b->s == NULL)
		return news_xstrdup("");
	s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

const char *
news_buf_str(const struct news_buf *b)
{
	return b->s ? b->s : "";
}
