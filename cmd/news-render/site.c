/*
 * site.c: the archive in memory: records to articles, takedowns
 * (--exclude), duplicates, order, output paths and the groups (category,
 * country, tag, author, month, day).
 *
 * Only what listings need stays in memory; the bodies (content, summary,
 * text) are spooled to a temporary file and read back one page at a
 * time, so 100,000 articles fit in a few hundred megabytes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "archive.h"
#include "news.h"
#include "cal.h"
#include "country.h"
#include "date.h"
#include "hash.h"
#include "record.h"
#include "htmltext.h"
#include "sanitize.h"
#include "text.h"
#include "url.h"
#include "render.h"

#define MAXTAGS 20
#define EXCERPT_MAX 300

struct load {
	struct site *s;
	struct map *exclude;
	unsigned long excluded, duplicates;
};

static char *
squeeze(const char *s)
{
	char *r;

	if (s == NULL)
		return NULL;
	r = news_text_squeeze(s, strlen(s));
	if (*r == '\0') {
		free(r);
		return NULL;
	}
	return r;
}

static char *
http_url(const char *s)
{
	if (s == NULL || !news_url_is_http(s) || strlen(s) > 2048 ||
	    strpbrk(s, " \t\r\n\"'<>`") != NULL)
		return NULL;
	return news_xstrdup(s);
}

/* cut s at a word boundary to at most max bytes, adding an ellipsis */
static char *
cut(char *s, size_t max)
{
	size_t n;

	if (s == NULL || strlen(s) <= max)
		return s;
	n = max;
	while (n > 0 && s[n] != ' ')
		n--;
	if (n == 0)
		for (n = max; n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80;)
			n--;
	s[n] = '\0';
	s = news_xrealloc(s, n + 4);
	memcpy(s + n, "\xe2\x80\xa6", 4);
	return s;
}

/* plain text of an HTML snippet on one line */
static char *
strip_tags(const char *html)
{
	char *t = news_html_text(html, strlen(html)), *r;

	r = squeeze(t);
	free(t);
	return r;
}

static char *
excerpt(json_t *rec)
{
	const char *d = news_record_str(rec, "description");
	const char *t = news_record_str(rec, "text");
	const char *sum = news_record_str(rec, "summary");
	const char *e;
	char *r = NULL;

	if (d != NULL && *d != '\0')
		r = squeeze(d);
	if (r == NULL && t != NULL && *t != '\0') {
		e = strstr(t, "\n\n");
		r = news_text_squeeze(t, e ? (size_t)(e - t) : strlen(t));
		if (*r == '\0') {
			free(r);
			r = NULL;
		}
	}
	if (r == NULL && sum != NULL && *sum != '\0')
		r = strip_tags(sum);
	return cut(r, EXCERPT_MAX);
}

/* "Name <email>" or "email (Name)" to the name */
static char *
author_name(const char *s)
{
	char *r, *lt, *p;

	if (s == NULL)
		return NULL;
	r = news_xstrdup(s);
	if ((lt = strchr(r, '<')) != NULL && lt > r)
		*lt = '\0';
	else if ((p = strchr(r, '(')) != NULL && strchr(p, ')') != NULL &&
	    strchr(r, '@') != NULL && strchr(r, '@') < p) {
		memmove(r, p + 1, strlen(p + 1) + 1);
		*strchr(r, ')') = '\0';
	}
	p = squeeze(r);
	free(r);
	if (p != NULL && strchr(p, '@') != NULL && strchr(p, ' ') == NULL) {
		free(p);	/* a bare address: keep it off the page */
		return NULL;
	}
	return p;
}

static char *
lang_tag(const char *s)
{
	size_t i, n;
	char *r;

	if (s == NULL || (n = strlen(s)) < 2 || n > 35)
		return NULL;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return NULL;
	if (!isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]))
		return NULL;
	r = news_xstrdup(s);
	for (i = 0; i < n; i++)
		r[i] = (char)tolower((unsigned char)r[i]);
	return r;
}

static int
date_of(json_t *rec, const char *key, int64_t *t)
{
	const char *s = news_record_str(rec, key);

	return s != NULL && news_date_parse(s, (size_t)-1, 0, 0, t, NULL) == 0;
}

static char **
strings(json_t *arr, size_t max, size_t *n, int upper2)
{
	char **v = NULL, *x;
	size_t i, k, j;
	json_t *e;

	*n = 0;
	if (!json_is_array(arr))
		return NULL;
	v = news_xcalloc(json_array_size(arr) + 1, sizeof *v);
	json_array_foreach(arr, i, e) {
		if (*n == max || !json_is_string(e))
			continue;
		if ((x = squeeze(json_string_value(e))) == NULL)
			continue;
		if (upper2) {
			if (strlen(x) != 2 || !isalpha((unsigned char)x[0]) ||
			    !isalpha((unsigned char)x[1])) {
				free(x);
				continue;
			}
			x[0] = (char)toupper((unsigned char)x[0]);
			x[1] = (char)toupper((unsigned char)x[1]);
		}
		for (k = 0; k < *n; k++)
			if (strcasecmp(v[k], x) == 0)
				break;
		if (k < *n) {
			free(x);
			continue;
		}
		for (j = 0; x[j]; j++)
			if ((unsigned char)x[j] < 0x20)
				x[j] = ' ';
		v[(*n)++] = x;
	}
	return v;
}

static void
spool(struct site *s, const char *str, long *off, size_t *len)
{
	*off = 0;
	*len = 0;
	if (str == NULL || *str == '\0')
		return;
	*off = ftell(s->spool);
	*len = strlen(str);
	if (fwrite(str, 1, *len, s->spool) != *len)
		news_fatal("spool: write:");
}

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
article_free(struct article *a)
{
	size_t i;

	free(a->id);
	free(a->url);
	free(a->title);
	free(a->author);
	free(a->source);
	free(a->source_url);
	free(a->category);
	free(a->lang);
	free(a->image);
	free(a->excerpt);
	free(a->path);
	free(a->href);
	free_strings(a->tags, a->ntags);
	free_strings(a->countries, a->ncountries);
	free_strings(a->related, a->nrelated);
	for (i = 0; i < a->nwarnings; i++) {
		free(a->warnings[i].type);
		free(a->warnings[i].message);
	}
	free(a->warnings);
}

static int
excluded(struct map *ex, json_t *rec)
{
	static const char *const keys[] = { "id", "url", "canonical_url",
	    "final_url", "path" };
	const char *v;
	char *k;
	size_t i;
	int hit = 0;

	if (ex == NULL)
		return 0;
	for (i = 0; i < sizeof keys / sizeof keys[0] && !hit; i++) {
		if ((v = news_record_str(rec, keys[i])) == NULL || *v == '\0')
			continue;
		hit = map_get(ex, v, NULL);
		if (!hit && (k = news_url_key(v)) != NULL) {
			hit = map_get(ex, k, NULL);
			free(k);
		}
	}
	return hit;
}

static void
load_warnings(struct article *a, json_t *arr)
{
	size_t i;
	json_t *e;

	if (!json_is_array(arr) || json_array_size(arr) == 0)
		return;
	a->warnings = news_xcalloc(json_array_size(arr), sizeof *a->warnings);
	json_array_foreach(arr, i, e) {
		const char *t = json_string_value(json_object_get(e, "type"));

		if (t == NULL)
			continue;
		a->warnings[a->nwarnings].type = squeeze(t);
		a->warnings[a->nwarnings].message = squeeze(
		    json_string_value(json_object_get(e, "message")));
		if (a->warnings[a->nwarnings].type != NULL)
			a->nwarnings++;
	}
}

/* a record with nothing to name its page by, summed up at the end */
static struct news_note nolabel = NEWS_NOTE("no id, url or path", "skipped", 0);

static int
load_one(json_t *rec, struct news_reader *r, void *arg)
{
	struct load *l = arg;
	struct site *s = l->s;
	struct article *a;
	json_t *feed = json_object_get(rec, "feed");
	const char *label = news_record_label(rec), *v;
	size_t idx;
	char *host;

	if (label == NULL || *label == '\0') {
		news_note(&nolabel, news_reader_where(r));
		return 0;
	}
	if (excluded(l->exclude, rec)) {
		l->excluded++;
		return 0;
	}
	if (news_record_str(rec, "duplicate_of") != NULL) {
		l->duplicates++;
		return 0;
	}
	if (map_get(s->byid, label, &idx)) {	/* a later copy wins */
		a = &s->a[idx];
		article_free(a);
	} else {
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 1024;
			s->a = news_xreallocarray(s->a, s->cap, sizeof *s->a);
		}
		idx = s->n++;
		a = &s->a[idx];
		map_put(s->byid, label, idx);
	}
	memset(a, 0, sizeof *a);
	a->seq = idx;
	a->id = news_xstrdup(label);
	/* the publisher's canonical URL first (no tracking parameters) */
	a->url = http_url(news_record_str(rec, "canonical_url"));
	if (a->url == NULL)
		a->url = http_url(news_record_str(rec, "url"));
	if (a->url == NULL)
		a->url = http_url(news_record_str(rec, "final_url"));
	a->title = squeeze(news_record_str(rec, "title"));
	if (a->title == NULL)
		a->title = news_xstrdup("Untitled");
	a->author = author_name(news_record_str(rec, "author"));
	a->source = squeeze(news_record_str(rec, "site_name"));
	if (a->source == NULL)
		a->source = squeeze(json_string_value(
		    json_object_get(feed, "title")));
	host = a->url ? news_url_host(a->url) : NULL;
	if (a->source == NULL && host != NULL)
		a->source = news_xstrdup(strncmp(host, "www.", 4) == 0 ?
		    host + 4 : host);
	a->source_url = http_url(json_string_value(json_object_get(feed,
	    "link")));
	if (a->source_url == NULL && host != NULL) {
		struct news_buf b = NEWS_BUF_INIT;

		news_buf_printf(&b, "%s://%s/", strncmp(a->url, "https:", 6) ?
		    "http" : "https", host);
		a->source_url = http_url(news_buf_str(&b));
		news_buf_free(&b);
	}
	free(host);
	a->category = squeeze(news_record_str(rec, "category"));
	a->lang = lang_tag(news_record_str(rec, "lang"));
	a->image = http_url(news_record_str(rec, "image"));
	a->excerpt = excerpt(rec);
	a->tags = strings(json_object_get(rec, "tags"), MAXTAGS, &a->ntags, 0);
	a->countries = strings(json_object_get(rec, "countries"), MAXTAGS,
	    &a->ncountries, 1);
	a->related = strings(json_object_get(rec, "related"), 50,
	    &a->nrelated, 0);
	load_warnings(a, json_object_get(rec, "warnings"));
	a->dated = date_of(rec, "published", &a->published) ||
	    date_of(rec, "updated", &a->published);
	if (!date_of(rec, "updated", &a->updated) || !a->dated ||
	    a->updated < a->published)
		a->updated = a->published;
	v = news_record_str(rec, "content");
	if (v == NULL || *v == '\0')
		v = news_record_str(rec, "summary");
	spool(s, v, &a->html_off, &a->html_len);
	a->body_hash = slug_hash_more(NEWS_HASH_INIT, v);
	v = news_record_str(rec, "text");
	spool(s, v, &a->text_off, &a->text_len);
	a->body_hash = slug_hash_more(a->body_hash, v);
	return 0;
}

static struct map *
read_exclude(const char *path)
{
	struct map *m;
	FILE *fp;
	char *line = NULL, *p, *k;
	size_t cap = 0;
	ssize_t n;

	if ((fp = fopen(path, "r")) == NULL)
		news_fatal("%s:", path);
	m = map_new();
	while ((n = getline(&line, &cap, fp)) != -1) {
		while (n > 0 && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		for (p = line; isspace((unsigned char)*p); p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		map_put(m, p, 1);
		if ((k = news_url_key(p)) != NULL) {
			map_put(m, k, 1);
			free(k);
		}
	}
	if (ferror(fp))
		news_fatal("%s: read error:", path);
	free(line);
	fclose(fp);
	return m;
}

static int
newest_first(const void *x, const void *y)
{
	const struct article *a = x, *b = y;
	int c;

	if (a->dated != b->dated)
		return b->dated - a->dated;
	if (a->published != b->published)
		return a->published < b->published ? 1 : -1;
	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* output paths, oldest first so a new article never takes an old one's */
static void
assign_paths(struct site *s)
{
	struct map *used = map_new();
	struct news_buf b = NEWS_BUF_INIT;
	struct article *a;
	size_t i, k;
	char *slug;
	int y, m, d;

	for (i = s->n; i-- > 0;) {
		a = &s->a[i];
		slug = slug_make(a->title, 80, "article");
		news_buf_reset(&b);
		if (a->dated && news_cal_day(a->published, 0, &y, &m, &d) == 0)
			news_buf_printf(&b, "%04d/%02d/%02d/", y, m, d);
		else
			news_buf_adds(&b, "undated/");
		k = b.len;
		news_buf_printf(&b, "%s.html", slug);
		if (map_get(used, b.s, NULL)) {
			b.len = k;
			news_buf_printf(&b, "%s-%08lx.html", slug, (unsigned long)
			    (slug_hash(a->id, strlen(a->id)) & 0xffffffffUL));
		}
		for (int n = 2; map_get(used, b.s, NULL); n++) {
			b.len = k;
			news_buf_printf(&b, "%s-%d.html", slug, n);
		}
		map_put(used, b.s, i);
		a->path = news_xstrdup(b.s);
		free(slug);
	}
	news_buf_free(&b);
	map_free(used);
}

static struct group *
group_get(struct groups *g, const char *key, const char *name)
{
	struct group *gr;
	size_t i;

	if (map_get(g->bykey, key, &i))
		return &g->v[i];
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = news_xreallocarray(g->v, g->cap, sizeof *g->v);
	}
	gr = &g->v[g->n];
	memset(gr, 0, sizeof *gr);
	gr->key = news_xstrdup(key);
	gr->name = news_xstrdup(name);
	map_put(g->bykey, key, g->n++);
	return gr;
}

static void
group_add(struct groups *g, const char *key, const char *name, size_t idx)
{
	struct group *gr = group_get(g, key, name);

	if (gr->n > 0 && gr->idx[gr->n - 1] == idx)
		return;
	if (gr->n == gr->cap) {
		gr->cap = gr->cap ? gr->cap * 2 : 8;
		gr->idx = news_xreallocarray(gr->idx, gr->cap, sizeof(size_t));
	}
	gr->idx[gr->n++] = idx;
}

static int
groupcmp(const void *x, const void *y)
{
	return strcmp(((const struct group *)x)->key,
	    ((const struct group *)y)->key);
}

/* sort by key and give each group a directory prefix/slug */
static void
group_dirs(struct groups *g, const char *prefix, int slugs)
{
	struct map *used = map_new();
	struct news_buf b = NEWS_BUF_INIT;
	size_t i;
	char *slug;

	if (g->n > 0)
		qsort(g->v, g->n, sizeof *g->v, groupcmp);
	map_free(g->bykey);
	g->bykey = map_new();
	for (i = 0; i < g->n; i++) {
		map_put(g->bykey, g->v[i].key, i);
		news_buf_reset(&b);
		news_buf_adds(&b, prefix);
		if (slugs) {
			slug = slug_make(g->v[i].name, 60, "item");
			news_buf_adds(&b, slug);
			free(slug);
		} else {
			news_buf_adds(&b, g->v[i].key);
		}
		if (map_get(used, b.s, NULL))
			news_buf_printf(&b, "-%06lx", (unsigned long)(slug_hash(
			    g->v[i].key, strlen(g->v[i].key)) & 0xffffff));
		map_put(used, b.s, i);
		g->v[i].dir = news_xstrdup(b.s);
		news_buf_reset(&b);
		slug_url_path(&b, g->v[i].dir);
		news_buf_adds(&b, "/index.html");
		g->v[i].href = news_xstrdup(b.s);
	}
	news_buf_free(&b);
	map_free(used);
}

static char *
fold(const char *s)
{
	char *r = news_xstrdup(s), *p;

	for (p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

static void
build_groups(struct site *s)
{
	struct article *a;
	char key[32], *k;
	const char *cn;
	size_t i, j;
	int y, m, d;

	for (i = 0; i < s->n; i++) {
		a = &s->a[i];
		if (a->category != NULL) {
			k = fold(a->category);
			group_add(&s->categories, k, a->category, i);
			free(k);
		}
		for (j = 0; j < a->ncountries; j++) {
			cn = news_country_name(a->countries[j]);
			k = fold(a->countries[j]);
			group_add(&s->countries, k, cn ? cn : a->countries[j], i);
			free(k);
		}
		for (j = 0; j < a->ntags; j++) {
			k = fold(a->tags[j]);
			group_add(&s->tags, k, a->tags[j], i);
			free(k);
		}
		if (a->author != NULL)
			group_add(&s->authors, a->author, a->author, i);
		if (a->dated && news_cal_day(a->published, 0, &y, &m, &d) == 0) {
			snprintf(key, sizeof key, "%04d/%02d", y, m);
			group_add(&s->months, key, key, i);
			snprintf(key, sizeof key, "%04d/%02d/%02d", y, m, d);
			group_add(&s->days, key, key, i);
		}
	}
	group_dirs(&s->categories, "category/", 1);
	group_dirs(&s->countries, "country/", 0);
	group_dirs(&s->tags, "tag/", 1);
	group_dirs(&s->authors, "author/", 1);
	group_dirs(&s->months, "archive/", 0);
	group_dirs(&s->days, "archive/", 0);
}

static void
index_keys(struct site *s)
{
	size_t i;
	char *k;

	map_free(s->byid);
	s->byid = map_new();
	for (i = s->n; i-- > 0;) {
		map_put(s->byid, s->a[i].id, i);
		if (s->a[i].url != NULL) {
			map_put(s->byid, s->a[i].url, i);
			if ((k = news_url_key(s->a[i].url)) != NULL) {
				map_put(s->byid, k, i);
				free(k);
			}
		}
	}
}

/* what every page of an article shows, computed once */
static void
derive(struct site *s)
{
	struct news_buf b = NEWS_BUF_INIT;
	struct article *a;
	size_t i, g;
	char *k;

	for (i = 0; i < s->n; i++) {
		a = &s->a[i];
		news_buf_reset(&b);
		slug_url_path(&b, a->path);
		a->href = news_xstrdup(news_buf_str(&b));
		if (a->dated) {
			date_words(a->published, a->dwords, sizeof a->dwords);
			date_rfc3339(a->published, a->dtime, sizeof a->dtime);
		}
		a->cat = -1;
		if (a->category != NULL) {
			k = fold(a->category);
			if (map_get(s->categories.bykey, k, &g))
				a->cat = (long)g;
			free(k);
		}
	}
	news_buf_free(&b);
}

/*
 * The records of --archive DB.  A site is made from all of the archive
 * or not at all: a database that cannot be read, or stops being readable
 * part way, ends the run before a file is written (exit 2).
 */
static int
load_archive(const char *path, struct load *l)
{
	struct news_reader *r;
	char err[512];
	int status, ret;

	if ((r = news_archive_reader(path, NULL, err, sizeof err, &status)) == NULL)
		news_fatal("%s", err);
	ret = news_records_foreach_reader(r, load_one, l);
	news_reader_close(r);
	if (ret != 0)
		news_fatal("%s: the archive could not be read whole; nothing written",
		    path);
	return 0;
}

static void
groups_init(struct groups *g)
{
	memset(g, 0, sizeof *g);
	g->bykey = map_new();
}

int
site_load(struct site *s, int argc, char **argv, const struct options *o)
{
	struct load l = { 0 };
	int ret;

	memset(s, 0, sizeof *s);
	if ((s->spool = tmpfile()) == NULL)
		news_fatal("tmpfile:");
	s->byid = map_new();
	groups_init(&s->categories);
	groups_init(&s->countries);
	groups_init(&s->tags);
	groups_init(&s->authors);
	groups_init(&s->months);
	groups_init(&s->days);
	l.s = s;
	if (o->exclude != NULL)
		l.exclude = read_exclude(o->exclude);
	if (o->archive != NULL)
		ret = load_archive(o->archive, &l);
	else
		ret = news_records_foreach(argc, argv, load_one, &l);
	news_notes_end();
	if (fflush(s->spool) == EOF)
		news_fatal("spool: write:");
	map_free(l.exclude);
	if (l.excluded > 0 && !o->quiet)
		news_info("%lu excluded by %s", l.excluded, o->exclude);
	if (s->n > 0)
		qsort(s->a, s->n, sizeof *s->a, newest_first);
	index_keys(s);
	assign_paths(s);
	build_groups(s);
	derive(s);
	s->newest = s->n > 0 && s->a[0].dated ? s->a[0].published : 0;
	return ret;
}

static void
groups_free(struct groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->v[i].name);
		free(g->v[i].key);
		free(g->v[i].dir);
		free(g->v[i].href);
		free(g->v[i].idx);
	}
	free(g->v);
	map_free(g->bykey);
}

void
site_free(struct site *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		article_free(&s->a[i]);
	free(s->a);
	map_free(s->byid);
	groups_free(&s->categories);
	groups_free(&s->countries);
	groups_free(&s->tags);
	groups_free(&s->authors);
	groups_free(&s->months);
	groups_free(&s->days);
	if (s->spool != NULL)
		fclose(s->spool);
}

char *
site_body(const struct site *s, const struct article *a, int html)
{
	long off = html ? a->html_off : a->text_off;
	size_t len = html ? a->html_len : a->text_len, got = 0;
	char *r = news_xmalloc(len + 1);
	ssize_t n;

	while (got < len) {
		n = pread(fileno(s->spool), r + got, len - got,
		    (off_t)off + (off_t)got);
		if (n <= 0)
			news_fatal("spool: read:");
		got += (size_t)n;
	}
	r[len] = '\0';
	return r;
}

long
site_find(const struct site *s, const char *key)
{
	size_t i;
	char *k;

	if (map_get(s->byid, key, &i))
		return (long)i;
	if ((k = news_url_key(key)) != NULL) {
		int found = map_get(s->byid, k, &i);

		free(k);
		if (found)
			return (long)i;
	}
	return -1;
}

void
date_words(int64_t t, char *buf, size_t len)
{
	int y, m, d;

	if (news_cal_day(t, 0, &y, &m, &d) == -1) {
		snprintf(buf, len, "%s", "");
		return;
	}
	snprintf(buf, len, "%s, %d %s %d",
	    news_cal_wday_name(news_cal_wday(y, m, d)), d,
	    news_cal_month_name(m), y);
}

void
date_rfc3339(int64_t t, char *buf, size_t len)
{
	char tmp[NEWS_DATE_BUFSZ];

	snprintf(buf, len, "%s", news_date_format(t, tmp) ? tmp : "");
}

/* text paragraphs to HTML: "- " lines become a list */
static void
text_html(struct news_buf *b, const char *t)
{
	const char *p = t, *e, *next;
	int inlist = 0;

	while (*p) {
		e = strstr(p, "\n\n");
		next = e ? e + 2 : p + strlen(p);
		if (e == NULL)
			e = p + strlen(p);
		if (e - p >= 2 && p[0] == '-' && p[1] == ' ') {
			if (!inlist)
				news_buf_adds(b, "<ul>\n");
			inlist = 1;
			for (const char *l = p; l < e;) {
				const char *le = memchr(l, '\n', (size_t)(e - l));

				if (le == NULL)
					le = e;
				if (le - l >= 2 && l[0] == '-' && l[1] == ' ')
					l += 2;
				news_buf_adds(b, "<li>");
				html_escape(b, l, (size_t)(le - l));
				news_buf_adds(b, "</li>\n");
				l = le < e ? le + 1 : e;
			}
		} else {
			if (inlist)
				news_buf_adds(b, "</ul>\n");
			inlist = 0;
			if (e > p) {
				news_buf_adds(b, "<p>");
				html_escape(b, p, (size_t)(e - p));
				news_buf_adds(b, "</p>\n");
			}
		}
		p = next;
		while (*p == '\n')
			p++;
	}
	if (inlist)
		news_buf_adds(b, "</ul>\n");
}

/* 1 if some href= or src= in html may be relative (not http:, https:
 * or data:); a cheap scan, erring towards yes */
static int
relative_urls(const char *html)
{
	const char *p = html, *v;

	while ((p = strpbrk(p, "sShH")) != NULL) {
		if (strncasecmp(p, "src", 3) == 0)
			v = p + 3;
		else if (strncasecmp(p, "href", 4) == 0)
			v = p + 4;
		else {
			p++;
			continue;
		}
		p = v;
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
			v++;
		if (*v != '=')
			continue;
		v++;
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' ||
		    *v == '"' || *v == '\'')
			v++;
		if (strncasecmp(v, "https://", 8) != 0 &&
		    strncasecmp(v, "http://", 7) != 0 &&
		    strncasecmp(v, "data:", 5) != 0)
			return 1;
	}
	return 0;
}

char *
article_html(struct site *s, const struct article *a)
{
	struct news_buf b = NEWS_BUF_INIT;
	char *body, *safe = NULL;

	if (a->html_len > 0) {
		body = site_body(s, a, 1);
		if (relative_urls(body)) {
			/* resolve them first; then again without a base,
			 * so that every link gets rel="nofollow noopener" */
			safe = news_sanitize_html(body, a->html_len, a->url, 0);
			free(body);
			body = safe;
		}
		/* every link leads off our site */
		safe = news_sanitize_html(body, strlen(body), NULL,
		    NEWS_SANITIZE_NOFOLLOW);
		free(body);
		if (*safe != '\0')
			return safe;
		free(safe);
	}
	if (a->text_len > 0) {
		body = site_body(s, a, 0);
		text_html(&b, body);
		free(body);
	} else if (a->excerpt != NULL) {
		news_buf_adds(&b, "<p>");
		html_escape(&b, a->excerpt, strlen(a->excerpt));
		news_buf_adds(&b, "</p>\n");
	}
	return news_buf_take(&b);
}

void
article_href(struct news_buf *b, const struct article *a, const char *base)
{
	if (base != NULL)
		news_buf_adds(b, base);
	slug_url_path(b, a->path);
}
