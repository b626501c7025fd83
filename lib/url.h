/*
 * url.h: URLs through libcurl's CURLU API (RFC 3986).
 */
#ifndef NEWS_URL_H
#define NEWS_URL_H

/*
 * Resolve ref against base.  Returns a new absolute URL (malloc'd), or
 * NULL when ref cannot be resolved (no base and ref relative, or invalid).
 * A ref that is already absolute is returned normalised by CURLU.
 * base may be NULL.  Surrounding whitespace in ref is ignored.
 */
char *news_url_resolve(const char *base, const char *ref);

/*
 * An identity key for de-duplication: scheme and host lower-case,
 * default port dropped, fragment dropped, path dot-segments removed,
 * tracking parameters (utm_*, fbclid, gclid, ...) removed, an empty path
 * as "/".  Returns a malloc'd string or NULL when url is not absolute.
 */
char *news_url_key(const char *url);

/* 1 if url is absolute http or https (parsed by libcurl) */
int news_url_is_http(const char *url);

/*
 * 1 if url begins with the scheme http: or https: (any case): the cheap
 * test for a URL news_url_resolve() returned.  The one scheme check:
 * nothing else in lib/ or the tools compares "http://" prefixes.
 */
int news_url_scheme_is_http(const char *url);

/* the lower-case host of url (malloc'd) or NULL */
char *news_url_host(const char *url);

#endif
