/* scan.h: a JSON-lines fast path for records of which only "published"
 * matters (scan.c). */
#ifndef SCAN_H
#define SCAN_H

#include <stddef.h>

enum {
	SCAN_FAIL = -1,		/* not sure: use the full parser */
	SCAN_NONE = 0,		/* a valid object without "published" */
	SCAN_STRING = 1,	/* "published" is a string: *pub, *publen */
	SCAN_OTHER = 2		/* "published" is not a string */
};

/* s[0..len) is one line; *pub points into s (not NUL-terminated) */
int scan_published(const char *s, size_t len, const char **pub,
    size_t *publen);

#endif
