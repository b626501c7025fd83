/*
 * render.h: news-render's modules: the loaded archive (site.c), slugs and
 * paths (slug.c), the template engine (template.c), incremental output
 * (output.c), the site's pages (pages.c), feeds and sitemaps (feeds.c),
 * the stdout formats (formats.c) and a string map (map.c).
 */
#ifndef RENDER_H
#define RENDER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>

#include "buf.h"

/* ---- map.c: string keys to size_t values (open addressing) ---- */

struct map;
struct map *map_new(void);
void map_free(struct map *m);
/* 1 and *val when found */
int map_get(const struct map *m, const char *key, size_t *val);
/* insert or replace; the key is copied */
void map_put(struct map *m, const char *key, size_t val);
size_t map_count(const struct map *m);

/* ---- slug.c ---- */

/*
 * A file-name-safe slug of s: Latin letters transliterated to ASCII
 * (e -> e, ss, ae, Cyrillic and Greek romanised), lower case, every run of
 * other characters one '-', at most max bytes, cut at a '-'.  Letters of
 * other scripts are kept as UTF-8 (their links are percent-encoded).
 * Never empty (fallback is given), never "." or "..", no '/', no
 * control or space characters.  Returns a new string.
 */
char *slug_make(const char *s, size_t max, const char *fallback);
/* Append path to b percent-encoded as a URL path (keeps A-Za-z0-9-._~/). */
void slug_url_path(struct news_buf *b, const char *path);
/* 1 when path is a safe relative output path (no "..", no leading '/',
 * no empty or "." segment, no control bytes). */
int slug_path_safe(const char *path);
/* FNV-1a, 64 bits */
uint64_t slug_hash(const char *s, size_t len);
/* FNV-1a of s (NULL hashes apart from "") and a separator, onto h */
uint64_t slug_hash_more(uint64_t h, const char *s);

/* ---- template.c: the mustache-like engine (see news-render(1)) ---- */

struct tmpl_set;
struct tmpl_set *tmpl_set_new(void);
void tmpl_set_free(struct tmpl_set *ts);
/* Parse src as template name; 0, or -1 with a reason in err. */
int tmpl_set_add(struct tmpl_set *ts, const char *name, const char *src,
    size_t len, char *err, size_t errlen);
int tmpl_has(const struct tmpl_set *ts, const char *name);
/* Render template name with ctx to out; 0, or -1 with a reason in err. */
int tmpl_render(const struct tmpl_set *ts, const char *name, json_t *ctx,
    struct news_buf *out, char *err, size_t errlen);
/* HTML-escape s into b (& < > " ') */
void html_escape(struct news_buf *b, const char *s, size_t len);

/* ---- output.c: incremental writes into the output directory ---- */

struct out;
/* Open dir (created if needed), read its manifest.  NULL on error
 * (reported). */
struct out *out_open(const char *dir);
/* Write relpath if its bytes differ from the file there; 0 or -1
 * (reported). */
int out_write(struct out *o, const char *relpath, const char *data,
    size_t len);
/* the same, remembering fp (a fingerprint of what the page was made
 * from) in the manifest */
int out_write_fp(struct out *o, const char *relpath, const char *data,
    size_t len, uint64_t fp);
/* 1 (and the file counts as kept) when the last run wrote relpath from
 * the same fingerprint and the file is still there */
int out_fresh(struct out *o, const char *relpath, uint64_t fp);
/* Remove files of the old manifest not written this time, save the
 * manifest; counts in *w, *k, *r.  0 or -1 (reported). */
int out_close(struct out *o, unsigned long *w, unsigned long *k,
    unsigned long *r);

/* ---- site.c: the archive in memory ---- */

struct warning {
	char *type;
	char *message;
};

struct article {
	char *id;		/* record label: id, url or path */
	char *url;		/* original http(s) URL, or NULL */
	char *title;
	char *author;		/* display name, or NULL */
	char *source;		/* site_name, feed title or host */
	char *source_url;	/* http(s) home of the source, or NULL */
	char *category;
	char *lang;		/* validated BCP 47-ish, or NULL */
	char *image;		/* http(s), or NULL */
	char *excerpt;		/* plain text, short, or NULL */
	char **tags;
	size_t ntags;
	char **countries;	/* upper-case alpha-2 */
	size_t ncountries;
	char **related;
	size_t nrelated;
	struct warning *warnings;
	size_t nwarnings;
	int64_t published;	/* the article's date, if dated */
	int64_t updated;	/* updated, else published */
	int dated;
	char *path;		/* output path, e.g. 2025/12/13/slug.html */
	char *href;		/* path, percent-encoded for links */
	char dwords[48];	/* "Saturday, 13 December 2025", or "" */
	char dtime[32];		/* "2025-12-13T08:30:00Z", or "" */
	long cat;		/* index in site.categories, or -1 */
	uint64_t body_hash;	/* of the spooled bodies */
	uint64_t card_hash;	/* of what a card of it shows (pages.c) */
	/* spooled bodies: HTML (content, else summary) and text */
	long html_off, text_off;
	size_t html_len, text_len;
	size_t seq;		/* input order, the last tie-breaker */
};

struct group {
	char *name;		/* shown */
	char *key;		/* lookup key (tag name folded, code, ...) */
	char *dir;		/* output directory, e.g. tag/climate */
	char *href;		/* dir/index.html, percent-encoded */
	size_t *idx;		/* articles, newest first */
	size_t n, cap;
};

struct groups {
	struct group *v;
	size_t n, cap;
	struct map *bykey;
};

struct site {
	struct article *a;	/* sorted newest first */
	size_t n, cap;
	FILE *spool;
	struct map *byid;	/* id, url and canonical keys -> index */
	struct groups categories, countries, tags, authors, months, days;
	int64_t newest;		/* date of the newest article, or 0 */
	int bad;		/* some input failed */
};

struct options {
	const char *outdir;
	const char *format;	/* text markdown atom jsonfeed mbox, NULL */
	const char *theme;	/* --theme, or NULL */
	const char *default_theme;	/* the installed default theme */
	const char *about;	/* --about file, or NULL */
	const char *title;
	const char *base_url;	/* with a trailing '/', or NULL */
	const char *lang;
	const char *exclude;
	const char *archive;	/* --archive: records from this database */
	long per_page;
	long feed_size;
	long width;
	const char *country_menu;	/* --country-menu: N, or codes */
	int64_t now;		/* --now, or 0: the newest article */
	int color;
	int quiet;
	int force;		/* render every page, fingerprints or not */
};

int site_load(struct site *s, int argc, char **argv, const struct options *o);
void site_free(struct site *s);
/* the spooled HTML or text of a, malloc'd ("" when none) */
char *site_body(const struct site *s, const struct article *a, int html);
/* the index of the article whose id, url or canonical URL is key, or -1 */
long site_find(const struct site *s, const char *key);
/* "Saturday, 13 December 2025" and "2025-12-13T08:30:00Z" */
void date_words(int64_t t, char *buf, size_t len);
void date_rfc3339(int64_t t, char *buf, size_t len);

/* ---- pages.c, feeds.c, formats.c ---- */

int pages_render(struct site *s, const struct options *o);
/* feeds into b: Atom and JSON Feed of the newest o->feed_size articles;
 * site: links point to our pages (needs o->base_url for absolute ones),
 * else to the originals */
void feed_atom(struct news_buf *b, struct site *s, const struct options *o,
    int site);
void feed_json(struct news_buf *b, struct site *s, const struct options *o,
    int site);
/* sitemaps: write sitemap.xml (+ sitemap-N.xml) and news-sitemap.xml */
int feeds_sitemaps(struct out *out, struct site *s, const struct options *o,
    const char **extra, size_t nextra);
int formats_print(struct site *s, const struct options *o, FILE *fp);

/* the content of a as safe HTML (sanitized), malloc'd */
char *article_html(struct site *s, const struct article *a);
/* our page of a, absolute with base_url, else relative to the root */
void article_href(struct news_buf *b, const struct article *a,
    const char *base);

#endif
