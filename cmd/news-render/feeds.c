/*
 * feeds.c: Atom 1.0 (RFC 4287), JSON Feed 1.1, sitemaps (sitemaps.org
 * 0.9, with an index past 50,000 URLs) and a Google News sitemap.
 *
 * For the site, entries link to our pages (absolute with --base-url, else
 * relative to the feed) and to the original as rel="via"; on stdout they
 * link to the originals.
 */
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "render.h"

#define SITEMAP_MAX 50000	/* URLs per sitemap file (sitemaps.org) */
#define NEWS_SITEMAP_MAX 1000	/* Google News sitemap limit */
#define NEWS_WINDOW (2 * 86400)	/* the last two days */

/* XML text: escaped, without the characters XML 1.0 forbids */
static void
xml_escape(struct news_buf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&': news_buf_adds(b, "&amp;"); break;
		case '<': news_buf_adds(b, "&lt;"); break;
		case '>': news_buf_adds(b, "&gt;"); break;
		case '"': news_buf_adds(b, "&quot;"); break;
		case '\t': case '\n': case '\r': news_buf_addc(b, *p); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				break;
			/* U+FFFE and U+FFFF are not XML characters */
			if (p[0] == 0xef && p[1] == 0xbf &&
			    (p[2] == 0xbe || p[2] == 0xbf)) {
				p += 2;
				break;
			}
			news_buf_addc(b, *p);
		}
	}
}

static void
xml_elem(struct news_buf *b, const char *name, const char *text)
{
	news_buf_printf(b, "<%s>", name);
	xml_escape(b, text);
	news_buf_printf(b, "</%s>\n", name);
}

/* the link of an article in a feed */
static void
link_of(struct news_buf *b, const struct article *a,
    const struct options *o, int site)
{
	if (site || a->url == NULL)
		article_href(b, a, site ? o->base_url : NULL);
	else
		news_buf_adds(b, a->url);
}

static int
looks_like_iri(const char *s)
{
	const char *c = strchr(s, ':');
	const char *p;

	if (c == NULL || c == s)
		return 0;
	for (p = s; p < c; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (p > s && ((*p >= '0' && *p <= '9') || *p == '+' ||
		    *p == '-' || *p == '.'))))
			return 0;
	return strpbrk(s, " \t\r\n<>\"") == NULL;
}

static void
entry_id(struct news_buf *b, const struct article *a)
{
	if (looks_like_iri(a->id))
		news_buf_adds(b, a->id);
	else
		news_buf_printf(b, "urn:x-newsutils:%016llx",
		    (unsigned long long)slug_hash(a->id, strlen(a->id)));
}

static size_t
feed_count(const struct site *s, const struct options *o)
{
	return s->n < (size_t)o->feed_size ? s->n : (size_t)o->feed_size;
}

static int64_t
feed_updated(const struct site *s, size_t n)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (s->a[i].dated && s->a[i].updated > t)
			t = s->a[i].updated;
	return t;
}

void
feed_atom(struct news_buf *b, struct site *s, const struct options *o,
    int site)
{
	struct news_buf t = NEWS_BUF_INIT;
	const struct article *a;
	size_t i, j, n = feed_count(s, o);
	char date[64], *html, *slug;

	news_buf_adds(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
	xml_escape(b, o->lang);
	news_buf_adds(b, "\">\n");
	xml_elem(b, "title", o->title);
	if (o->base_url != NULL && site) {
		xml_elem(b, "id", o->base_url);
	} else {
		slug = slug_make(o->title, 60, "feed");
		news_buf_printf(&t, "urn:x-newsutils:%s", slug);
		xml_elem(b, "id", t.s);
		free(slug);
	}
	date_rfc3339(feed_updated(s, n), date, sizeof date);
	xml_elem(b, "updated", date);
	if (o->base_url != NULL && site) {
		news_buf_adds(b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"");
		xml_escape(b, o->base_url);
		news_buf_adds(b, "feed.xml\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
		xml_escape(b, o->base_url);
		news_buf_adds(b, "\"/>\n");
	}
	news_buf_adds(b, "<author><name>");
	xml_escape(b, o->title);
	news_buf_adds(b, "</name></author>\n<generator version=\""
	    NEWS_VERSION "\">newsutils news-render</generator>\n");
	for (i = 0; i < n; i++) {
		a = &s->a[i];
		news_buf_adds(b, "<entry>\n<title type=\"text\">");
		xml_escape(b, a->title);
		news_buf_adds(b, "</title>\n");
		news_buf_reset(&t);
		entry_id(&t, a);
		xml_elem(b, "id", t.s);
		news_buf_reset(&t);
		link_of(&t, a, o, site);
		news_buf_adds(b, "<link rel=\"alternate\" type=\"text/html\" href=\"");
		xml_escape(b, t.s);
		news_buf_adds(b, "\"/>\n");
		if (site && a->url != NULL) {
			news_buf_adds(b, "<link rel=\"via\" href=\"");
			xml_escape(b, a->url);
			news_buf_adds(b, "\"/>\n");
		}
		if (a->dated) {
			date_rfc3339(a->published, date, sizeof date);
			xml_elem(b, "published", date);
			date_rfc3339(a->updated, date, sizeof date);
		} else {
			date_rfc3339(feed_updated(s, n), date, sizeof date);
		}
		xml_elem(b, "updated", date);
		if (a->author != NULL) {
			news_buf_adds(b, "<author><name>");
			xml_escape(b, a->author);
			news_buf_adds(b, "</name></author>\n");
		}
		if (a->category != NULL) {
			news_buf_adds(b, "<category term=\"");
			xml_escape(b, a->category);
			news_buf_adds(b, "\"/>\n");
		}
		for (j = 0; j < a->ntags; j++) {
			news_buf_adds(b, "<category term=\"");
			xml_escape(b, a->tags[j]);
			news_buf_adds(b, "\"/>\n");
		}
		if (a->excerpt != NULL) {
			news_buf_adds(b, "<summary type=\"text\">");
			xml_escape(b, a->excerpt);
			news_buf_adds(b, "</summary>\n");
		}
		html = article_html(s, a);
		if (*html != '\0') {
			news_buf_adds(b, "<content type=\"html\">");
			xml_escape(b, html);
			news_buf_adds(b, "</content>\n");
		}
		free(html);
		if (a->source != NULL) {
			news_buf_adds(b, "<source><title>");
			xml_escape(b, a->source);
			news_buf_adds(b, "</title>");
			if (a->source_url != NULL) {
				news_buf_adds(b, "<link rel=\"alternate\" href=\"");
				xml_escape(b, a->source_url);
				news_buf_adds(b, "\"/>");
			}
			news_buf_adds(b, "</source>\n");
		}
		news_buf_adds(b, "</entry>\n");
	}
	news_buf_adds(b, "</feed>\n");
	news_buf_free(&t);
}

static void
jset(json_t *o, const char *k, const char *v)
{
	json_t *s;

	if (v != NULL && (s = json_string(v)) != NULL)
		json_object_set_new(o, k, s);
}

void
feed_json(struct news_buf *b, struct site *s, const struct options *o,
    int site)
{
	struct news_buf t = NEWS_BUF_INIT;
	json_t *f = json_object(), *items = json_array(), *it, *arr;
	const struct article *a;
	size_t i, j, n = feed_count(s, o);
	char date[64], *html, *dump;

	jset(f, "version", "https://jsonfeed.org/version/1.1");
	jset(f, "title", o->title);
	if (o->base_url != NULL && site) {
		jset(f, "home_page_url", o->base_url);
		news_buf_printf(&t, "%sfeed.json", o->base_url);
		jset(f, "feed_url", t.s);
	}
	jset(f, "language", o->lang);
	for (i = 0; i < n; i++) {
		a = &s->a[i];
		it = json_object();
		jset(it, "id", a->id);
		news_buf_reset(&t);
		link_of(&t, a, o, site);
		jset(it, "url", t.s);
		if (site && a->url != NULL)
			jset(it, "external_url", a->url);
		jset(it, "title", a->title);
		html = article_html(s, a);
		jset(it, "content_html", html);
		free(html);
		jset(it, "summary", a->excerpt);
		jset(it, "image", a->image);
		if (a->dated) {
			date_rfc3339(a->published, date, sizeof date);
			jset(it, "date_published", date);
			if (a->updated != a->published) {
				date_rfc3339(a->updated, date, sizeof date);
				jset(it, "date_modified", date);
			}
		}
		if (a->author != NULL) {
			json_t *au = json_object();

			jset(au, "name", a->author);
			json_object_set_new(it, "authors", json_pack("[o]", au));
		}
		if (a->ntags > 0) {
			arr = json_array();
			for (j = 0; j < a->ntags; j++)
				json_array_append_new(arr,
				    json_string(a->tags[j]));
			json_object_set_new(it, "tags", arr);
		}
		jset(it, "language", a->lang);
		json_array_append_new(items, it);
	}
	json_object_set_new(f, "items", items);
	dump = json_dumps(f, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	if (dump == NULL)
		news_fatal("json feed: out of memory");
	news_buf_adds(b, dump);
	news_buf_addc(b, '\n');
	free(dump);
	json_decref(f);
	news_buf_free(&t);
}

static void
url_entry(struct news_buf *b, const char *base, const char *path,
    int64_t lastmod)
{
	char date[64];

	news_buf_adds(b, "<url><loc>");
	news_buf_adds(b, base);	/* checked: no markup characters */
	slug_url_path(b, path);
	news_buf_adds(b, "</loc>");
	if (lastmod > 0) {
		date_rfc3339(lastmod, date, sizeof date);
		news_buf_printf(b, "<lastmod>%s</lastmod>", date);
	}
	news_buf_adds(b, "</url>\n");
}

#define URLSET_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"

static int
put(struct out *out, const char *path, struct news_buf *b)
{
	return out_write(out, path, news_buf_str(b), b->len);
}

int
feeds_sitemaps(struct out *out, struct site *s, const struct options *o,
    const char **extra, size_t nextra)
{
	struct news_buf b = NEWS_BUF_INIT, p = NEWS_BUF_INIT;
	const char *base = o->base_url;
	int64_t newest = feed_updated(s, s->n), ref, since;
	size_t i, k, chunks, from, to, n;
	int ret = 0;
	char date[64];

	if (base == NULL) {
		if (!o->quiet)
			news_info("no --base-url: sitemaps not written");
		return 0;
	}
	if (s->n + nextra <= SITEMAP_MAX) {
		news_buf_adds(&b, URLSET_HEAD);
		for (i = 0; i < nextra; i++)
			url_entry(&b, base, extra[i], newest);
		for (i = s->n; i-- > 0;)
			url_entry(&b, base, s->a[i].path, s->a[i].dated ?
			    s->a[i].updated : 0);
		news_buf_adds(&b, "</urlset>\n");
		ret |= put(out, "sitemap.xml", &b);
	} else {
		/* an index; articles oldest first so old files stay put */
		chunks = (s->n + SITEMAP_MAX - 1) / SITEMAP_MAX;
		news_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		news_buf_printf(&b, "<sitemap><loc>%ssitemap-pages.xml</loc></sitemap>\n",
		    base);
		news_buf_reset(&p);
		news_buf_adds(&p, URLSET_HEAD);
		for (i = 0; i < nextra; i++)
			url_entry(&p, base, extra[i], newest);
		news_buf_adds(&p, "</urlset>\n");
		ret |= put(out, "sitemap-pages.xml", &p);
		for (k = 0; k < chunks; k++) {
			news_buf_printf(&b, "<sitemap><loc>%ssitemap-%zu.xml</loc></sitemap>\n",
			    base, k + 1);
			news_buf_reset(&p);
			news_buf_adds(&p, URLSET_HEAD);
			from = k * SITEMAP_MAX;
			to = from + SITEMAP_MAX < s->n ? from + SITEMAP_MAX :
			    s->n;
			for (i = from; i < to; i++) {
				const struct article *a = &s->a[s->n - 1 - i];

				url_entry(&p, base, a->path, a->dated ?
				    a->updated : 0);
			}
			news_buf_adds(&p, "</urlset>\n");
			snprintf(date, sizeof date, "sitemap-%zu.xml", k + 1);
			ret |= put(out, date, &p);
		}
		news_buf_adds(&b, "</sitemapindex>\n");
		ret |= put(out, "sitemap.xml", &b);
	}
	/* Google News: the articles of the last two days */
	ref = o->now > 0 ? o->now : s->newest;
	since = ref - NEWS_WINDOW;
	news_buf_reset(&b);
	news_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\n"
	    "  xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
	for (i = 0, n = 0; i < s->n && n < NEWS_SITEMAP_MAX; i++) {
		const struct article *a = &s->a[i];

		if (!a->dated || a->published < since)
			break;
		if (a->published > ref)
			continue;
		n++;
		news_buf_adds(&b, "<url><loc>");
		news_buf_adds(&b, base);
		slug_url_path(&b, a->path);
		news_buf_adds(&b, "</loc>\n<news:news><news:publication><news:name>");
		xml_escape(&b, o->title);
		news_buf_adds(&b, "</news:name><news:language>");
		xml_escape(&b, a->lang ? a->lang : o->lang);
		date_rfc3339(a->published, date, sizeof date);
		news_buf_printf(&b, "</news:language></news:publication>\n"
		    "<news:publication_date>%s</news:publication_date>\n"
		    "<news:title>", date);
		xml_escape(&b, a->title);
		news_buf_adds(&b, "</news:title></news:news></url>\n");
	}
	news_buf_adds(&b, "</urlset>\n");
	ret |= put(out, "news-sitemap.xml", &b);
	news_buf_free(&b);
	news_buf_free(&p);
	return ret ? -1 : 0;
}
