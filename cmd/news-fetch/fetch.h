/*
 * fetch.h: the modules of news-fetch.
 *
 *   xmlfix.c   feed bytes to clean UTF-8 XML: encoding sniffing and
 *              transcoding, HTML entities, bare '&', control characters
 *   feed.c     streaming feed parser (RSS, RDF, Atom by libxml2's SAX2
 *              push parser; JSON Feed by jansson) to item records
 *   sources.c  the source list: operands, -f FILE, --opml, --export-opml
 *   http.c     the libcurl multi pool with per-host politeness
 *   state.c    the SQLite state: validators, seen items, host backoff
 *   pages.c    --pages: fetch the page of every record on stdin
 */
#ifndef NEWS_FETCH_H
#define NEWS_FETCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <jansson.h>

#include "buf.h"

/*
 * news_buf_add() and news_buf_addc() with the common case (room enough)
 * inline: the parser appends a few hundred thousand times per 10 MB.
 */
static inline void
buf_add(struct news_buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n)
		news_buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_addc(struct news_buf *b, int c)
{
	if (b->cap - b->len <= 1)
		news_buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

/* ---- xmlfix.c ---- */
struct xmlfix;
/* out receives clean UTF-8 XML; returns its length via the buffer */
struct xmlfix *xmlfix_new(void);
void xmlfix_free(struct xmlfix *x);
/*
 * Feed n bytes (final != 0 at the end of the document).  The clean output
 * of this call is p[0..*direct) (bytes that needed no change, not copied:
 * most feeds are all this) followed by what was appended to out.  Returns
 * 1 when the document turned out to be JSON (then the raw bytes are
 * appended to out unchanged, from the start, and *direct is 0).
 */
int xmlfix_push(struct xmlfix *x, const char *p, size_t n, int final,
    struct news_buf *out, size_t *direct);
/* the encoding used (for diagnostics), "" before the decision */
const char *xmlfix_encoding(const struct xmlfix *x);
/*
 * What the document starting with s[0..n) looks like, as a media type
 * ("text/markdown", "image/png", "application/xml (root element <svg>)"
 * with the root element's name when an XML parser saw one; buf holds
 * such a text), or NULL when it is nothing but white space.
 */
const char *xmlfix_sniff(const char *s, size_t n, const char *root,
    char *buf, size_t bufsz);

/* ---- feed.c ---- */
struct feed;
/*
 * An item: its record as compact JSON text (no newline; news_record_write
 * would write the same bytes), and the fields the state keys it by.
 * Everything is owned by the parser and valid during the callback only.
 */
struct feed_item {
	const char *json;
	size_t len;
	const char *id, *url, *title, *published;	/* NULL when absent */
};
/* Called for every item, in feed order: 0 to go on, -1 to stop parsing. */
typedef int (*feed_item_fn)(const struct feed_item *item, void *arg);
/* url: the feed's own URL (the base for relative links; may be NULL) */
struct feed *feed_new(const char *url, feed_item_fn fn, void *arg);
/* 0, or -1 when parsing stopped (callback stopped it, or a fatal error) */
int feed_push(struct feed *f, const char *p, size_t n);
/* end of input: 0 when the whole document was a feed, -1 with feed_error() */
int feed_end(struct feed *f);
const char *feed_error(const struct feed *f);
size_t feed_nitems(const struct feed *f);	/* the items emitted */
/* the items dropped for having no link, id or title */
size_t feed_ndropped(const struct feed *f);
void feed_free(struct feed *f);
/* the maximum bytes of a JSON Feed (not streamed; held in memory) */
void feed_set_json_max(struct feed *f, size_t max);
/* Parse a whole document in memory (tests, fuzzing, bench). */
int feed_parse_mem(const char *url, const char *p, size_t n, feed_item_fn fn,
    void *arg, char *err, size_t errlen);

/* ---- sources.c ---- */
struct source {
	char *url;	/* as given: http(s) URL, file:// URL or path */
	char *label;	/* optional, from -f or OPML */
	int local;	/* 1 for file:// URLs and paths */
	char *path;	/* the local path when local */
};
struct sources {
	struct source *v;
	size_t n, cap;
};
void sources_add(struct sources *s, const char *url, const char *label);
/* 0, or -1 after a diagnostic */
int sources_read_list(struct sources *s, const char *file);
int sources_read_opml(struct sources *s, const char *file);
int sources_write_opml(const struct sources *s, FILE *fp);
void sources_free(struct sources *s);

/* ---- http.c ---- */
struct http_opts {
	int jobs;		/* concurrent transfers (-j) */
	int per_host;		/* concurrent transfers per host */
	double delay;		/* seconds between starts on one host */
	long connect_timeout;	/* seconds */
	long timeout;		/* seconds, whole transfer */
	int retries;		/* extra attempts on timeouts, 5xx, 429 */
	double max_retry_after;	/* longest Retry-After waited for, seconds */
	size_t max_size;	/* body bytes */
	const char *user_agent;
	const char *accept;	/* the Accept header */
};

struct http_req {
	/* set by the caller */
	char *url;
	const char *etag, *last_modified;	/* conditional GET */
	void *arg;
	/* called with body bytes of a 2xx response; return 0, or -1 to abort */
	int (*on_data)(struct http_req *r, const char *p, size_t n);
	/* called once when the request is finished (after retries) */
	void (*on_done)(struct http_req *r);
	/* results */
	long status;		/* the final HTTP status, 0 when none */
	char *final_url;	/* after redirects */
	char *content_type, *etag_new, *last_modified_new;
	char *moved;		/* target of the leading 301/308 hops (see http.c) */
	char *error;		/* NULL on success (2xx or 304) */
	double retry_after;	/* seconds the server asked for (429/503) */
	time_t fetched_at;
	int hostfail;		/* failed for the host's sake: timeout,
				   connection error, 5xx after retries */
	/* private to http.c */
	int attempts, delivered, toolarge, aborted;
	size_t bytes, max_size;
	double not_before;
	char *host;
	long first_status, hop_status;
	char *last_location;	/* the last Location header, as sent */
	char *hop_url;		/* where the last redirect leads */
	char *read_url;		/* the URL of the response being read */
	char *perm_target;	/* where the leading 301/308 hops lead */
	int perm_open;		/* every hop so far was 301/308 */
	void *easy;
	struct http_req *next;
};

struct http;
struct http *http_new(const struct http_opts *o);
void http_add(struct http *h, struct http_req *r);
/* at least delay seconds between starts on host (the larger delay wins) */
void http_host_delay(struct http *h, const char *host, double delay);
/* run until every added request is done; progress on stderr if wanted */
void http_run(struct http *h, int progress);
/* one round of http_run(); 0 when nothing is left to do */
int http_step(struct http *h, int progress);
void http_free(struct http *h);
void http_req_clear(struct http_req *r);	/* frees the results */
double http_now(void);

/* ---- state.c ---- */
struct state;
/*
 * path as given, or a bare name in $XDG_STATE_HOME/newsutils; its
 * directory is made.  Exits 2 on failure.
 */
struct state *state_open(const char *path);
/* -1 after one line saying how many writes failed, if any did */
int state_close(struct state *st);
/* validators of a source (malloc'd or NULL) */
void state_validators(struct state *st, const char *src, char **etag,
    char **last_modified);
int state_seen(struct state *st, const char *src, const char *key);
/*
 * One transaction: the source's validators (when not NULL) and the keys of
 * the items that were written.  Returns 0, or -1 when it failed (counted
 * for state_close(); no diagnostic).
 */
int state_commit(struct state *st, const char *src, const char *etag,
    const char *last_modified, int set_validators, char **keys, size_t nkeys);
/*
 * Until when a host is left alone (Unix seconds; 0 none) and how many
 * runs in a row it failed (0 when the wait is a Retry-After it sent),
 * and setting both.
 */
void state_host(struct state *st, const char *host, double *until,
    int *failures);
void state_set_host(struct state *st, const char *host, double until,
    int failures);

/*
 * The key an item is remembered by: its id (when it is not just the
 * url), else its URL's key, else a hash of title and date (malloc'd).
 */
char *state_key(const char *id, const char *url, const char *title,
    const char *published);
/*
 * Feed stage: write on fp the records whose pages are to be fetched
 * again now.  Returns how many, or -1 on a write error.
 */
int state_replay(struct state *st, FILE *fp);
/* page stage: what became of the page of a record it wrote */
struct state_page {
	const char *key;
	const char *record;	/* to write again (retry only) */
	int retry;		/* failed, may come later (or given up) */
	int tries;		/* set: its failed fetches so far */
	int given_up;		/* set: that was its last try */
};
/* Returns 0, or -1 when the transaction failed (counted, no diagnostic). */
int state_delivered(struct state *st, struct state_page *v, size_t n,
    double retry_wait);

/* ---- pages.c ---- */
struct pages_opts {
	struct http_opts http;
	int ignore_robots;
	int progress;
	struct state *state;	/* --state, or NULL */
	double retry_wait;	/* --retry-wait: the first wait, seconds */
};
int pages_run(int argc, char **argv, const struct pages_opts *o);

#endif
