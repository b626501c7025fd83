/*
 * meta.c: the metadata of a page.
 *
 * One walk collects the evidence (meta tags, JSON-LD, <title>, h1,
 * bylines, time elements, microdata); the decisions come after, by
 * agreement where sources disagree (title) and by an order of trust
 * (dates, author), every candidate checked for sense: no future date, no
 * "Staff" author, no URL as a name.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "news.h"
#include "buf.h"
#include "date.h"
#include "html.h"
#include "text.h"
#include "url.h"
#include "extract.h"

#define MAXMETA 256
#define MAXCAND 16

#define MAXDATES 128
#define DATELEAD 40	/* the head of a long text where a date may open it */
#define MAXLEAD 5	/* words before a date in a text that is its date */
#define NEARTITLE 2000	/* text characters after the title that are near */
#define MAXH1 8
#define MAXSCRIPT 64	/* scripts kept for a last look at their dates */

/* a place in the page that may hold the publication date */
enum { DC_PROP, DC_TIME, DC_CLASS, DC_TEXT };
struct dcand {
	xmlNode *n;
	long pos;		/* text offset in the page */
	int kind;
};

struct kv {
	char key[48];
	const char *val;
};

struct ex_meta {
	htmlDocPtr doc;
	const char *url;		/* given URL or NULL */
	char *base;			/* URL to resolve against */
	struct kv meta[MAXMETA];
	int nmeta;
	const char *lang, *canonical, *basehref;
	char *title;			/* <title> */
	xmlNode *h1[MAXH1];
	long h1pos[MAXH1];			/* text offset of each h1 */
	int nh1;
	struct dcand bylines[MAXCAND];	/* rel=author, itemprop=author,
					   "By ..." texts */
	int nbylines;
	struct dcand dates[MAXDATES];	/* time, class ~ date, short texts */
	int ndates;
	const xmlNode *scripts[MAXSCRIPT];	/* <script>s, in order */
	int nscripts;
	long pos;			/* text characters so far in the walk */
	xmlNode *firstimg;
	json_t *ld;			/* the Article object of JSON-LD */
	json_t *ldall;			/* every object seen (array) */
	char *site;			/* site name, decided early for title */
	int64_t now;
	const xmlNode *titleh1;		/* the h1 holding the title */
	long dateoff;			/* offset of the last date read, */
	int datezone, datetime;		/* stated or not, with a time */
	int dateupd;			/* domdate: marked as a change */
	int fromline;			/* bylineauthor's name is a byline's,
					   not a fallback's */
};

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

int
ex_name_is(const xmlNode *n, const char *name)
{
	return is(n, name);
}

char *
ex_node_text(const xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *s;

	if (c == NULL)
		return news_xstrdup("");
	s = news_text_squeeze((const char *)c, strlen((const char *)c));
	xmlFree(c);
	return s;
}

static void
addmeta(struct ex_meta *m, const char *key, const char *val)
{
	size_t i;

	if (m->nmeta >= MAXMETA || key == NULL || val == NULL || *val == '\0')
		return;
	for (i = 0; key[i] != '\0' && i + 1 < sizeof(m->meta[0].key); i++)
		m->meta[m->nmeta].key[i] = (char)tolower((unsigned char)key[i]);
	m->meta[m->nmeta].key[i] = '\0';
	m->meta[m->nmeta].val = val;
	m->nmeta++;
}

/* the first meta value for key, or NULL; *from iterates */
static const char *
metanext(const struct ex_meta *m, const char *key, int *from)
{
	int i;

	for (i = from ? *from : 0; i < m->nmeta; i++)
		if (strcmp(m->meta[i].key, key) == 0) {
			if (from)
				*from = i + 1;
			return m->meta[i].val;
		}
	if (from)
		*from = m->nmeta;
	return NULL;
}

static const char *
metaget(const struct ex_meta *m, const char *key)
{
	return metanext(m, key, NULL);
}

static int
istype(json_t *o, const char *const *types)
{
	json_t *t = json_object_get(o, "@type"), *v;
	const char *const *p;
	size_t i;

	if (json_is_string(t)) {
		for (p = types; *p; p++)
			if (strcmp(json_string_value(t), *p) == 0)
				return 1;
	} else if (json_is_array(t)) {
		json_array_foreach(t, i, v)
			for (p = types; *p && json_is_string(v); p++)
				if (strcmp(json_string_value(v), *p) == 0)
					return 1;
	}
	return 0;
}

static const char *const articletypes[] = {
	"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
	"AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting",
	"BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
	"ScholarlyArticle", "Report", "SocialMediaPosting", "Review",
	"Recipe", "VideoObject", "PodcastEpisode", "Blog", NULL
};
static const char *const pagetypes[] = {
	"WebPage", "ItemPage", "AboutPage", "ProfilePage", "CollectionPage",
	NULL
};

/* flatten objects (arrays, @graph, nested mainEntity) into m->ldall */
static void
ldcollect(struct ex_meta *m, json_t *v, int depth)
{
	size_t i;
	json_t *x;

	if (depth > 6)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			ldcollect(m, x, depth + 1);
	} else if (json_is_object(v)) {
		json_array_append(m->ldall, v);
		if ((x = json_object_get(v, "@graph")) != NULL)
			ldcollect(m, x, depth + 1);
		if ((x = json_object_get(v, "mainEntity")) != NULL &&
		    json_is_object(x))
			ldcollect(m, x, depth + 1);
		if ((x = json_object_get(v, "mainEntityOfPage")) != NULL &&
		    json_is_object(x) && json_object_get(x, "@type"))
			ldcollect(m, x, depth + 1);
	}
}

static void
ldscript(struct ex_meta *m, const xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	json_t *v;

	if (c == NULL)
		return;
	v = json_loads((const char *)c, JSON_DECODE_ANY, NULL);
	if (v == NULL) {
		/* raw line breaks and tabs inside strings, as many CMS
		 * write them: read them as spaces */
		xmlChar *p;

		for (p = c; *p; p++)
			if (*p < 0x20)
				*p = ' ';
		v = json_loads((const char *)c, JSON_DECODE_ANY, NULL);
	}
	if (v == NULL) {
		/* "<![CDATA[ {...} ]]>", "<!-- {...} -->": the object */
		char *a = strchr((char *)c, '{'), *z = strrchr((char *)c, '}');

		if (a != NULL && z != NULL && a < z)
			v = json_loadb(a, (size_t)(z - a + 1), 0, NULL);
	}
	xmlFree(c);
	if (v == NULL)
		return;
	ldcollect(m, v, 0);
	json_decref(v);
}

static void
ldchoose(struct ex_meta *m)
{
	size_t i;
	json_t *o;

	json_array_foreach(m->ldall, i, o)
		if (istype(o, articletypes)) {
			m->ld = o;
			return;
		}
	json_array_foreach(m->ldall, i, o)
		if (istype(o, pagetypes) && (json_object_get(o,
		    "datePublished") || json_object_get(o, "author"))) {
			m->ld = o;
			return;
		}
}

/* resolve {"@id": X} to the object with that @id */
static json_t *
ldderef(struct ex_meta *m, json_t *v)
{
	json_t *id, *o;
	size_t i;

	if (!json_is_object(v) || (id = json_object_get(v, "@id")) == NULL ||
	    !json_is_string(id) || json_object_size(v) > 2)
		return v;
	json_array_foreach(m->ldall, i, o)
		if (o != v && json_equal(json_object_get(o, "@id"), id))
			return o;
	return v;
}

static const char *
ldget(struct ex_meta *m, json_t *o, const char *key)
{
	json_t *v;

	if (o == NULL || (v = json_object_get(o, key)) == NULL)
		return NULL;
	if (json_is_array(v))
		v = json_array_get(v, 0);
	v = ldderef(m, v);
	if (json_is_object(v))
		v = json_object_get(v, "name") ? json_object_get(v, "name") :
		    json_object_get(v, "url");
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static const char *
ldstr(struct ex_meta *m, const char *key)
{
	return ldget(m, m->ld, key);
}

static int
classhas(const xmlNode *n, const char *word)
{
	const char *c = news_html_attr(n, "class"), *i;

	i = news_html_attr(n, "id");
	return (c != NULL && news_strcasestr(c, word) != NULL) ||
	    (i != NULL && news_strcasestr(i, word) != NULL);
}

/* inside a form or a comment section */
static int
incomments(const xmlNode *n)
{
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (is(n, "form") || classhas(n, "comment") ||
		    classhas(n, "respond") || classhas(n, "related") ||
		    is(n, "footer"))
			return 1;
	return 0;
}

/* inside a review or a comment of the thing the page is about
 * (itemprop "review", "comment"): its author is a reader */
static int
inreview(const xmlNode *n)
{
	const char *v;

	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if ((v = news_html_attr(n, "itemprop")) != NULL &&
		    (strcasecmp(v, "review") == 0 ||
		    strcasecmp(v, "comment") == 0))
			return 1;
	return 0;
}

/* the lower-cased class and id low name an author, not an authority
 * ("authority-control") or an authorisation */
static int
authorclass(const char *low)
{
	const char *p;

	for (p = low; (p = strstr(p, "author")) != NULL; p += 6)
		if (strncmp(p + 6, "it", 2) != 0 && strncmp(p + 6, "iz", 2) != 0 &&
		    strncmp(p + 6, "is", 2) != 0)
			return 1;
	return 0;
}

/* <script> with no type holding schema.org JSON-LD all the same */
static int
untypedld(const xmlNode *n)
{
	const char *s;

	if (n->children == NULL || n->children->content == NULL)
		return 0;
	s = (const char *)n->children->content;
	s += strspn(s, " \t\r\n");
	return *s == '{' && strncmp(s + 1 + strspn(s + 1, " \t\r\n"),
	    "\"@context\"", 10) == 0 && strstr(s, "schema.org") != NULL;
}

/*
 * Room for one more date candidate (keep = what to leave for texts); a
 * full list sheds the candidates far above the first h1 (menus), which
 * only a last resort would take.
 */
static int
dateroom(struct ex_meta *m, int keep)
{
	int i, k = 0;

	if (m->ndates < MAXDATES - keep)
		return 1;
	if (m->nh1 == 0)
		return 0;
	for (i = 0; i < m->ndates; i++)
		if (m->dates[i].pos >= m->h1pos[0] - NEARTITLE)
			m->dates[k++] = m->dates[i];
	m->ndates = k;
	return m->ndates < MAXDATES - keep;
}

static void
adddate(struct ex_meta *m, xmlNode *n, int kind)
{
	int i;

	if (!dateroom(m, 0))
		return;
	/* a class ~ date element holding a time: the time is enough */
	for (i = m->ndates - 1; i >= 0 && kind == DC_TIME; i--)
		if (m->dates[i].kind == DC_CLASS && m->dates[i].pos == m->pos) {
			m->dates[i].n = n;
			m->dates[i].kind = kind;
			return;
		}
	m->dates[m->ndates].n = n;
	m->dates[m->ndates].pos = m->pos;
	m->dates[m->ndates].kind = kind;
	m->ndates++;
}

static void
addbyline(struct ex_meta *m, xmlNode *n, int kind)
{
	if (m->nbylines >= MAXCAND)
		return;
	m->bylines[m->nbylines].n = n;
	m->bylines[m->nbylines].pos = m->pos;
	m->bylines[m->nbylines].kind = kind;
	m->nbylines++;
}

/* words that open a byline, in the languages of the date parser */
static const char *const bylinewords[] = {
	"by ", "by:", "von ", "von:", "par ", "por ", "di ", "door ",
	"written by", "posted by", "geschrieben von", "verfasst von",
	"eingestellt von", "gespeichert von", "beitrag von", "ein beitrag von", "autor:",
	"autorin:", "author:", "auteur:", "autore:", "text:", "text von",
	"publié par", "écrit par", "escrito por", "publicado por",
	"scritto da", "pubblicato da", "geplaatst door", "автор:",
	"ein artikel von", "eine kolumne von", "ein interview von",
	"erstellt von", "auteur :", "autor :", "autoren:", "autoren ",
	"text & fotos:", "text und fotos:", "作者：", "记者：", "责任编辑：",
	"thread starter", "themenstarter", "started by", NULL
};

/* the length of the byline word s opens with, or 0; a no-break space
 * stands for the space after it ("Par&nbsp;<a>") */
static size_t
bylineword(const char *s)
{
	static unsigned char first[256];
	static int ready;
	const char *const *w;
	size_t l;

	if (!ready) {		/* the first bytes the words open with */
		for (w = bylinewords; *w; w++) {
			first[(unsigned char)tolower((unsigned char)**w)] = 1;
			first[(unsigned char)toupper((unsigned char)**w)] = 1;
		}
		ready = 1;
	}
	if (!first[(unsigned char)*s])
		return 0;
	for (w = bylinewords; *w; w++) {
		if (tolower((unsigned char)**w) != tolower((unsigned char)*s))
			continue;	/* (every word is 3 bytes or more) */
		if (strncasecmp(s, *w, (l = strlen(*w))) == 0)
			return l;
		if ((*w)[l - 1] == ' ' && strncasecmp(s, *w, l - 1) == 0 &&
		    (unsigned char)s[l - 1] == 0xc2 &&
		    (unsigned char)s[l] == 0xa0)
			return l + 1;
	}
	return 0;
}

/* a byline word that says so on its own: a phrase ("Posted by") or a
 * label ("Autor:", "Von:"), not a bare "by" of running text */
static int
strongword(const char *s)
{
	size_t l = bylineword(s);

	return l > 4 || (l > 0 && s[l - 1] == ':');
}

/* the dashes and bars a byline may open with: "| By ", "---- by ",
 * "— Von " */
static const char *
bylinelead(const char *s)
{
	for (;;) {
		if (isspace((unsigned char)*s) || *s == '|' || *s == '-')
			s++;
		else if ((unsigned char)s[0] == 0xe2 &&
		    (unsigned char)s[1] == 0x80 &&
		    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
			s += 3;
		else
			return s;
	}
}

/* "By", "Von", "Autor": a byline word alone, the name in the next
 * element */
static int
lonebyline(const char *s, size_t len)
{
	static const char *const words[] = {
		"by", "von", "par", "por", "autor", "author", "auteur",
		"autorin", NULL
	};
	const char *const *w;

	for (w = words; *w; w++)
		if (strlen(*w) == len && strncasecmp(s, *w, len) == 0)
			return 1;
	return 0;
}

/* "By Jane Doe", "Von <a>Jane Doe</a>": a byline text */
static void
bylinetext(struct ex_meta *m, const unsigned char *s, size_t len)
{
	size_t l;

	/* "| By " (a screen reader's byline before the name), "-- by " */
	l = (size_t)((const unsigned char *)bylinelead((const char *)s) - s);
	s += l, len -= l;
	while (len > 0 && isspace(s[len - 1]))
		len--;
	/* "<p><strong>By</strong></p> <p>Jane Doe</p>": the word alone */
	if (len >= 2 && len <= 6 && lonebyline((const char *)s, len)) {
		addbyline(m, NULL, 1);
		return;
	}
	if (len < 2 || len > 80 || (l = bylineword((const char *)s)) == 0)
		return;
	s += l;
	while (isspace(*s) || *s == ':')
		s++;
	/* the name follows, here or in the next element, capitalised */
	if (*s != '\0' && !isupper(*s) && *s < 0x80)
		return;
	addbyline(m, NULL, 1);
}

/* s opens with a date or a dateline place: a digit, or "Place, " */
static int
datelead(const unsigned char *s)
{
	const unsigned char *p;

	while (isspace(*s))
		s++;
	if (*s == '(' || *s == '[')	/* "(21. November 2022) ..." */
		s++;
	if (isdigit(*s))
		return 1;
	if (!isupper(*s))
		return 0;
	for (p = s + 1; p < s + 24 && *p != '\0' && *p != ' ' &&
	    *p != ','; p++)
		;
	return *p == ',' && p[1] == ' ';
}

/* a short text with a year in it (19xx, 20xx) may be a visible date */
static void
textnode(struct ex_meta *m, xmlNode *t)
{
	const unsigned char *s = t->content, *p, *e;
	size_t len;

	if (s == NULL)
		return;
	len = strlen((const char *)s);
	if (m->nbylines < MAXCAND) {
		bylinetext(m, s, len);
		if (m->nbylines > 0 && m->bylines[m->nbylines - 1].n == NULL)
			m->bylines[m->nbylines - 1].n = t;
	}
	m->pos += (long)len;
	if (len < 6 || !dateroom(m, 8))
		return;
	/* a paragraph may open with its date: "27.1.2022 - In Berlin...",
	 * "Bern, 25. Januar 2022 - ..." */
	e = s + len;
	if (len > 160 && !datelead(s))
		return;
	if (len > 160)
		e = s + DATELEAD;
	/* a year, or the ".22" of "28.01.22" (s is NUL-terminated) */
	for (p = s; p + 3 <= e; p++)
		if ((p + 4 <= s + len && ((p[0] == '1' && p[1] == '9') ||
		    (p[0] == '2' && p[1] == '0')) && isdigit(p[2]) &&
		    isdigit(p[3]) && (p == s || !isdigit(p[-1])) &&
		    !isdigit(p[4])) || (p[0] == '.' && p >= s + 3 &&
		    isdigit(p[1]) && isdigit(p[2]) && !isdigit(p[3]) &&
		    isdigit(p[-1]) && (p[-2] == '.' || p[-3] == '.')))
			break;
	if (p + 3 > e)
		return;
	m->dates[m->ndates].n = t;
	m->dates[m->ndates].pos = m->pos - (long)len;
	m->dates[m->ndates].kind = DC_TEXT;
	m->ndates++;
}

/* class and id of n, lower-cased, in buf; 0 when n has neither */
static int
lowclassid(const xmlNode *n, char *buf, size_t size)
{
	const char *c = news_html_attr(n, "class"), *i;
	size_t k = 0;

	i = news_html_attr(n, "id");
	if (c == NULL && i == NULL)
		return 0;
	for (; c != NULL && *c && k + 2 < size; c++)
		buf[k++] = (char)tolower((unsigned char)*c);
	buf[k++] = ' ';
	for (; i != NULL && *i && k + 1 < size; i++)
		buf[k++] = (char)tolower((unsigned char)*i);
	buf[k] = '\0';
	return 1;
}

static void
element(struct ex_meta *m, xmlNode *n)
{
	const char *name = (const char *)n->name, *v, *k;
	char low[512];

	switch (name[0]) {
	case 'b':
		if (strcmp(name, "base") == 0 && m->basehref == NULL)
			m->basehref = news_html_attr(n, "href");
		break;
	case 'h':
		if (strcmp(name, "html") == 0 && m->lang == NULL)
			m->lang = news_html_attr(n, "lang");
		else if (strcmp(name, "h1") == 0 && m->nh1 < MAXH1) {
			m->h1pos[m->nh1] = m->pos;
			m->h1[m->nh1++] = n;
		}
		break;
	case 'i':
		if (strcmp(name, "img") == 0 && m->firstimg == NULL)
			m->firstimg = n;
		break;
	case 'l':
		if (strcmp(name, "link") == 0 &&
		    (v = news_html_attr(n, "rel")) != NULL &&
		    strcasecmp(v, "canonical") == 0 && m->canonical == NULL)
			m->canonical = news_html_attr(n, "href");
		break;
	case 'm':
		if (strcmp(name, "meta") != 0)
			break;
		v = news_html_attr(n, "content");
		if ((k = news_html_attr(n, "property")) != NULL)
			addmeta(m, k, v);
		if ((k = news_html_attr(n, "name")) != NULL)
			addmeta(m, k, v);
		if ((k = news_html_attr(n, "http-equiv")) != NULL)
			addmeta(m, k, v);
		if ((k = news_html_attr(n, "itemprop")) != NULL)
			addmeta(m, k, v);
		break;
	case 's':
		if (strcmp(name, "script") == 0 && m->nscripts < MAXSCRIPT &&
		    n->children != NULL)
			m->scripts[m->nscripts++] = n;
		if (strcmp(name, "script") == 0 &&
		    ((v = news_html_attr(n, "type")) != NULL ?
		    strcasecmp(v, "application/ld+json") == 0 : untypedld(n)))
			ldscript(m, n);
		break;
	case 't':
		if (strcmp(name, "title") == 0 && m->title == NULL)
			m->title = ex_node_text(n);
		break;
	}
	if ((v = news_html_attr(n, "itemprop")) != NULL) {
		if (strcasecmp(v, "author") == 0 || strcasecmp(v, "creator") == 0) {
			if (!inreview(n))
				addbyline(m, n, 0);
		} else if (strcasecmp(v, "datePublished") == 0 ||
		    strcasecmp(v, "dateCreated") == 0) {
			if (!is(n, "meta"))
				adddate(m, n, DC_PROP);
		}
	}
	if (is(n, "a") && (v = news_html_attr(n, "rel")) != NULL &&
	    news_strcasestr(v, "author") != NULL)
		addbyline(m, n, 0);
	if (is(n, "time")) {
		adddate(m, n, DC_TIME);
		return;
	}
	if (!lowclassid(n, low, sizeof(low)) || is(n, "meta") ||
	    is(n, "script") || is(n, "body") || is(n, "html"))
		return;
	if (strstr(low, "date") || strstr(low, "time") ||
	    strstr(low, "posted") || strstr(low, "publish") ||
	    strstr(low, "byline") || strstr(low, "meta"))
		adddate(m, n, DC_CLASS);
	/* not a heading ("<h1 id=ifAuthor>Brasília</h1>") */
	if ((strstr(low, "byline") || authorclass(low) ||
	    strstr(low, "autor")) && !is(n, "h1") &&
	    !is(n, "label") && !is(n, "input") && !incomments(n))
		addbyline(m, n, 0);
}

static void
collect(struct ex_meta *m)
{
	xmlNode *root = xmlDocGetRootElement(m->doc), *n = root;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->name != NULL) {
			element(m, n);
			if (n->children != NULL && !is(n, "script") &&
			    !is(n, "style") && !is(n, "noscript") &&
			    !is(n, "template") && !is(n, "textarea")) {
				n = n->children;
				continue;
			}
		} else if (n->type == XML_TEXT_NODE)
			textnode(m, n);
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
}

struct ex_meta *
ex_meta_new(htmlDocPtr doc, const char *url)
{
	struct ex_meta *m = news_xcalloc(1, sizeof(*m));
	const char *c;

	m->doc = doc;
	m->url = url;
	m->ldall = json_array();
	m->now = (int64_t)time(NULL);
	collect(m);
	ldchoose(m);
	if (url != NULL && news_url_is_http(url))
		m->base = news_xstrdup(url);
	else if ((c = m->canonical) != NULL && news_url_is_http(c))
		m->base = news_xstrdup(c);
	else if ((c = metaget(m, "og:url")) != NULL && news_url_is_http(c))
		m->base = news_xstrdup(c);
	if (m->basehref != NULL) {
		char *b = news_url_resolve(m->base, m->basehref);

		if (b != NULL && news_url_is_http(b)) {
			free(m->base);
			m->base = b;
		} else
			free(b);
	}
	return m;
}

void
ex_meta_free(struct ex_meta *m)
{
	if (m == NULL)
		return;
	free(m->base);
	free(m->title);
	free(m->site);
	json_decref(m->ldall);
	free(m);
}

const char *
ex_meta_base(const struct ex_meta *m)
{
	return m->base;
}

const char *
ex_meta_article_body(const struct ex_meta *m)
{
	json_t *v;

	if (m->ld == NULL || (v = json_object_get(m->ld, "articleBody")) == NULL)
		return NULL;
	return json_string_value(v);
}

const xmlNode *
ex_meta_title_node(const struct ex_meta *m)
{
	return m->nh1 > 0 ? m->h1[0] : NULL;
}

/* ---------- decisions ---------- */

static char *
clean(const char *s)
{
	char *u, *t;

	if (s == NULL)
		return NULL;
	u = news_html_unescape(s, strlen(s));
	t = news_text_squeeze(u, strlen(u));
	free(u);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

/* the length of the punctuation or space character at s, or 0: ASCII
 * non-alphanumerics, Latin-1 signs (nbsp, guillemets, soft hyphen) and
 * the General Punctuation block (typographic quotes, dashes, ellipsis) */
static size_t
punctlen(const char *p)
{
	const unsigned char *s = (const unsigned char *)p;

	if (*s < 0x80)
		return *s != '\0' && !isalnum(*s);
	if (s[0] == 0xc2 && s[1] >= 0xa0 && s[1] <= 0xbf)
		return 2;
	if (s[0] == 0xe2 && (s[1] == 0x80 || s[1] == 0x81) && s[2] >= 0x80 &&
	    s[2] <= 0xbf)
		return 3;
	return 0;
}

/* compare ignoring case, punctuation and spaces */
static int
same(const char *a, const char *b)
{
	size_t l;

	for (;;) {
		if ((l = punctlen(a)) > 0) {
			a += l;
			continue;
		}
		if ((l = punctlen(b)) > 0) {
			b += l;
			continue;
		}
		if (*a == '\0' || *b == '\0')
			break;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++, b++;
	}
	return *a == '\0' && *b == '\0';
}

/* a is a prefix of b (same rules) */
static int
prefix(const char *a, const char *b)
{
	size_t la = strlen(a);

	if (la < 4 || strlen(b) < la)
		return 0;
	return strncasecmp(a, b, la) == 0;
}

static const char *const seps[] = {
	" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // ", " • ",
	" – ", " ~ ", " : ", NULL
};

/* split title at the last site-name separator: the head (malloc'd) and
 * the tail (pointer into t), or NULL when no separator */
static char *
splittitle(const char *t, const char **tail, int first)
{
	const char *const *s;
	const char *p, *best = NULL;
	size_t bestlen = 0;

	for (s = seps; *s; s++) {
		p = first ? strstr(t, *s) : NULL;
		if (!first) {
			const char *q = t;

			while ((q = strstr(q, *s)) != NULL) {
				p = q;
				q += strlen(*s);
			}
		}
		if (p != NULL && p > t && (best == NULL ||
		    (first ? p < best : p > best))) {
			best = p;
			bestlen = strlen(*s);
		}
	}
	if (best == NULL)
		return NULL;
	*tail = best + bestlen;
	return news_xstrndup(t, best - t);
}

static void
sitename(struct ex_meta *m)
{
	const char *v, *tail;
	char *head;

	if ((v = metaget(m, "og:site_name")) != NULL ||
	    (v = metaget(m, "application-name")) != NULL) {
		m->site = clean(v);
		return;
	}
	if (m->ld != NULL) {
		json_t *p = ldderef(m, json_object_get(m->ld, "publisher"));

		if (json_is_object(p) && json_is_string(json_object_get(p,
		    "name"))) {
			m->site = clean(json_string_value(json_object_get(p,
			    "name")));
			return;
		}
	}
	if (m->title != NULL && (head = splittitle(m->title, &tail, 0))) {
		if (strlen(tail) < 40 && strlen(tail) < strlen(head))
			m->site = clean(tail);
		free(head);
	}
}

/* strip a site-name tail (or head) from a title */
static char *
striptitle(struct ex_meta *m, const char *t)
{
	const char *tail;
	char *head, *r;

	if (t == NULL)
		return NULL;
	if ((head = splittitle(t, &tail, 0)) == NULL)
		return clean(t);
	/* the site name first: "Site | Title" */
	if (m->site != NULL && same(head, m->site)) {
		free(head);
		return clean(tail);
	}
	if (m->site != NULL && !same(tail, m->site) &&
	    news_strcasestr(tail, m->site) == NULL && strlen(tail) > 30) {
		free(head);
		return clean(t);
	}
	/* "Title - Section - Site": drop every short tail */
	for (;;) {
		char *h2 = splittitle(head, &tail, 0);

		if (h2 == NULL || strlen(tail) > 30 || strlen(h2) < 15) {
			free(h2);
			break;
		}
		free(head);
		head = h2;
	}
	r = clean(head);
	free(head);
	return r;
}

/* any of words in the lowered class and id of n */
static int
classany(const xmlNode *n, const char *const *words)
{
	char low[512];
	const char *p;

	if (!lowclassid(n, low, sizeof(low)))
		return 0;
	for (; *words; words++)
		if (strstr(low, *words) != NULL)
			return 1;
	/* "hidden" as a whole word only ("hidden-xs" is layout) */
	for (p = low; (p = strstr(p, "hidden")) != NULL; p += 6)
		if ((p == low || p[-1] == ' ') && (p[6] == '\0' || p[6] == ' '))
			return 1;
	return 0;
}

/* class/id words of an h1 (or its container) that is not the article's
 * title: hidden for screen readers, the site logo, a widget */
static const char *const h1notitle[] = {
	"aural", "sr-only", "screen-reader", "noscreen", "assistive",
	"invisible", "navskip", "visually", "logo", "site-title",
	"sitetitle", "site-name", "sitename", "branding", "widget", "modal",
	"sidebar", NULL
};

/* parts of an h1 that are not the title: kicker, roofline, labels */
static const char *const h1parts[] = {
	"kicker", "dachzeile", "roofline", "overline", "topline", "toptitle",
	"supertitle", "sub-heading", "subheadline", "entry-section", "label",
	"invisible", "sr-only", "screen-reader", NULL
};

/* href to the site's home page: "/", "./", "http://host/", "index.html" */
static int
homehref(const char *h)
{
	const char *p;

	if (h == NULL)
		return 0;
	if ((p = strstr(h, "://")) != NULL || strncmp(h, "//", 2) == 0) {
		h = p != NULL ? p + 3 : h + 2;
		h += strcspn(h, "/?#");
	}
	while (*h == '.')
		h++;
	if (*h == '/')
		h++;
	return *h == '\0' || (strncasecmp(h, "index.", 6) == 0 &&
	    strpbrk(h, "/?#") == NULL);
}

static void
h1walk(struct news_buf *b, const xmlNode *n, int depth)
{
	const char *name;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			news_buf_adds(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || n->name == NULL)
			continue;
		name = (const char *)n->name;
		if (strcmp(name, "br") == 0) {
			news_buf_addc(b, ' ');
			continue;
		}
		if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
		    strcmp(name, "noscript") == 0 || strcmp(name, "time") == 0 ||
		    strcmp(name, "small") == 0 || strcmp(name, "rt") == 0 ||
		    strcmp(name, "rp") == 0 || strcmp(name, "template") == 0 ||
		    strcmp(name, "button") == 0 || classany(n, h1parts) ||
		    depth > 32)
			continue;
		if (news_html_is_block(name))
			news_buf_addc(b, ' ');
		h1walk(b, n->children, depth + 1);
		if (news_html_is_block(name))
			news_buf_addc(b, ' ');
	}
}

/* drop separators left at the ends of s by a removed kicker or date */
static void
trimsep(char *s)
{
	static const char *const sep[] = { ": ", "- ", "– ", "— ", "| ",
	    "/ ", "· ", "• ", NULL };
	const char *const *p;
	size_t l;

	if (s == NULL)
		return;
	for (p = sep; *p; ) {
		if (strncmp(s, *p, strlen(*p)) == 0) {
			l = strlen(*p);
			memmove(s, s + l, strlen(s + l) + 1);
			p = sep;	/* another may follow: start over */
		} else
			p++;
	}
	for (l = strlen(s); l > 2 && (strcmp(s + l - 2, " |") == 0 ||
	    strcmp(s + l - 2, " -") == 0 || strcmp(s + l - 2, " /") == 0);
	    l = strlen(s))
		s[l - 2] = '\0';
}

/* the text of an h1 that may be the article's title, else NULL */
static char *
h1title(struct ex_meta *m, const xmlNode *h)
{
	struct news_buf b = { 0 };
	const xmlNode *n;
	char *t;

	for (n = h; n != NULL && n->type == XML_ELEMENT_NODE &&
	    !is(n, "body"); n = n->parent)
		if (is(n, "nav") || is(n, "footer") || is(n, "aside") ||
		    classany(n, h1notitle))
			return NULL;
	for (n = h->children; n != NULL; ) {
		if (is(n, "a") && (homehref(news_html_attr(n, "href")) ||
		    ((t = (char *)news_html_attr(n, "rel")) != NULL &&
		    strcasecmp(t, "home") == 0)))
			return NULL;
		n = ex_next(n, h);
	}
	h1walk(&b, h->children, 0);
	if (b.len == 0) {
		news_buf_free(&b);
		return NULL;
	}
	t = clean(news_buf_str(&b));
	news_buf_free(&b);
	trimsep(t);
	if (t != NULL && (*t == '\0' || strlen(t) > 300 ||
	    (m->site != NULL && same(t, m->site)))) {
		free(t);
		t = NULL;
	}
	return t;
}

/* c agrees with the h1 text h: the title to use (malloc'd) or NULL */
static char *
agree(const char *h, const char *c)
{
	const char *p;

	if (c == NULL)
		return NULL;
	if (same(h, c) || prefix(h, c))
		return news_xstrdup(h);
	/* "Kicker: Title" in the h1, "Title" elsewhere: the kicker ends
	 * with a separator or is short beside the title */
	if (strlen(c) >= 12)
		for (p = h + 1; *p; p++)
			if (p[-1] == ' ' && same(p, c) && (punctlen(p - 2) ||
			    (size_t)(p - h) * 2 < strlen(p)))
				return news_xstrdup(p);
	return NULL;
}

/* how many words of a (4 letters or more) are in b */
static int
sharedwords(const char *a, const char *b)
{
	char w[64];
	const char *p, *q;
	size_t l;
	int n = 0;

	if (b == NULL)
		return 0;
	for (p = a; *p; p = q) {
		while (*p && (punctlen(p) > 0))
			p += punctlen(p);
		for (q = p; *q && punctlen(q) == 0; q++)
			;
		l = (size_t)(q - p);
		if (l >= 4 && l < sizeof(w)) {
			memcpy(w, p, l);
			w[l] = '\0';
			if (news_strcasestr(b, w) != NULL)
				n++;
		}
	}
	return n;
}

static char *
title(struct ex_meta *m)
{
	const char *og = metaget(m, "og:title"), *tw = metaget(m,
	    "twitter:title"), *hl = ldstr(m, "headline");
	char *h1[MAXH1], *r = NULL, *cands[8];
	int i, j, n = 0, nh = 0;

	for (i = 0; i < m->nh1; i++)
		if ((h1[nh] = h1title(m, m->h1[i])) != NULL)
			nh++;
	cands[n++] = clean(og);
	cands[n++] = clean(hl);
	cands[n++] = clean(m->title);
	cands[n++] = clean(tw);
	cands[n++] = striptitle(m, og);
	cands[n++] = striptitle(m, m->title);
	/* an h1 agreed by another source */
	for (i = 0; i < nh && r == NULL; i++)
		for (j = 0; j < n && r == NULL; j++)
			r = agree(h1[i], cands[j]);
	/* else the plausible h1 sharing most words with the others (what
	 * the reader sees as the title); one sharing none is a section or
	 * a teaser: the metadata titles first, the h1 last */
	if (r == NULL && nh > 0) {
		int best = 0, bw = 0, w;

		for (i = 0; i < nh; i++) {
			for (w = 0, j = 0; j < n; j++)
				w += sharedwords(h1[i], cands[j]);
			if (w > bw) {
				bw = w;
				best = i;
			}
		}
		if (bw > 0)
			r = news_xstrdup(h1[best]);
	}
	for (j = 0; j < n; j++)
		free(cands[j]);
	if (r == NULL && hl != NULL)
		r = striptitle(m, hl);
	if (r == NULL && og != NULL)
		r = striptitle(m, og);
	if (r == NULL && m->title != NULL)
		r = striptitle(m, m->title);
	if (r == NULL && tw != NULL)
		r = striptitle(m, tw);
	if (r == NULL && nh > 0)
		r = news_xstrdup(h1[0]);
	for (i = 0; i < nh; i++)
		free(h1[i]);
	return r;
}

/* ---------- authors ---------- */

static int
hasdigitrun(const char *s)
{
	int run = 0;

	for (; *s; s++) {
		run = isdigit((unsigned char)*s) ? run + 1 : 0;
		if (run >= 2)
			return 1;
	}
	return 0;
}

/* "happyface313", "rasos", "c.habermueller": a user name, one token of
 * letters first, then letters, digits, ".", "_" or "-" */
static int
username(const char *s)
{
	const char *p;
	int letters = 0;

	if (!isalpha((unsigned char)*s) || strlen(s) < 3 || strlen(s) > 30)
		return 0;
	for (p = s; *p; p++) {
		if (isalpha((unsigned char)*p))
			letters++;
		else if (!isdigit((unsigned char)*p) && *p != '.' &&
		    *p != '_' && *p != '-')
			return 0;
	}
	/* not "oe24.at", a domain */
	p = strrchr(s, '.');
	if (p != NULL && strlen(p + 1) >= 2 && strlen(p + 1) <= 4 &&
	    strspn(p + 1, "abcdefghijklmnopqrstuvwxyz") == strlen(p + 1))
		return 0;
	return letters >= 3;
}

static const char *const notnames[] = {
	"staff", "admin", "administrator", "editor", "editors", "redaktion",
	"redacción", "rédaction", "anonymous", "guest", "unknown", "webmaster",
	"newsroom", "team", "by", "posted by", "author", "correspondent",
	"reporter", "editorial", "editorial staff", "staff writer",
	"news desk", "desk", "wire", "agencies", "null", "none",
	"super user", "no author", "anónimo", "anonym", "anonyme", "von", "par", "por", "door", "auteurs", "autoren", "authors",
	"quelle", "source", "alle beiträge", "all posts", NULL
};

static const char *const prefixes[] = {
	"by ", "by:", "von ", "par ", "por ", "di ", "door ", "av ", "af ",
	"posted by ", "written by ", "geschrieben von ", "verfasst von ",
	"veröffentlicht von ", "veröffentlicht von", "publié par ",
	"escrito por ", "scritto da ", "autor:", "autor ", "author:",
	"autorin:", "auteur:", "text:", "text von ", "a cura di ",
	"eingestellt von ", "gespeichert von ", "ein beitrag von ", "beitrag von ", "vom ",
	"written by:", "publicado por ", "pubblicato da ", "geplaatst door ",
	"écrit par ", "verfasst von:", "erstellt von ", "recipe by ", "un documentaire de ",
	"von:", "interview:", "interview von ", "artikel von:",
	"ein artikel von ", "eine kolumne von ", "ein interview von ",
	"auteur :", "autor :", "autoren:", "autoren ", "text & fotos:",
	"text und fotos:", "text & bilder:", "text und bilder:",
	"words & photos:", "text and photos:", "作者：", "记者：", "责任编辑：",
	"thread starter ", "themenstarter ", "started by ", NULL
};

/* words a name does not hold */
static const char *const badwords[] = {
	"name", "erforderlich", "required", "posted", "veröffentlicht",
	"publiziert", "published", "sagt", "says", "gesponserte",
	"sponsored", "comments", "comment", "kommentar", "kommentare",
	"admin", "wordpressadmin", "on", "am", "um", "at", "share", "teilen",
	"login", "anmelden", "registrieren", "menu", "menü", "home",
	"startseite", "impressum", "copyright", "rights", "redaktion",
	"artikel", "article", "news", "cookies", "staff", "datum", "date",
	"follow", "folgen", "edited", "herausgegeben", "sign", "logout",
	"subscribe", "abonnieren",
	/* organisations, not people */
	"gmbh", "ag", "e.v.", "e. v.", "ev", "eg", "kg", "inc", "inc.", "ltd",
	"ltd.", "llc", "corp", "s.a.", "sa", "srl", "spa", "verlag", "media",
	"online", "magazin", "magazine", "zeitung", "verband", "partei",
	"institut", "institute", "stiftung", "foundation", "department",
	"departement", "anstalt", "agentur", "agency", "press", "presse",
	"pressestelle", "publisher", "sekretariat", "kitchens", "rechtsanwalt",
	"reporter", "editor", "journalist", "korrespondent", NULL
};

/* parts of words that make a name an organisation's: "TVT-Redaktion",
 * "Bundesministerium", "Caritasverband" */
static const char *const orgparts[] = {
	"redaktion", "redacción", "redaccion", "rédaction", "ministerium", "verband", "gmbh", "_team", "-team",
	"stiftung", "verlag", NULL
};

/* "kath.net", "FLVW.de": a domain name, not a person */
static int
domainlike(const char *s)
{
	const char *d = strrchr(s, '.');
	size_t n;

	if (d == NULL || d == s || strchr(s, ' ') != NULL)
		return 0;
	n = strlen(d + 1);
	if (n < 2 || n > 4)
		return 0;
	for (d++; *d; d++)
		if (!isalpha((unsigned char)*d))
			return 0;
	/* "D.E.", "J.R.R.": initials */
	return isalpha((unsigned char)s[1]) && isalpha((unsigned char)s[2]);
}

/* the letters and digits of s, lower-cased, in buf */
static void
alnumfold(const char *s, char *buf, size_t size)
{
	size_t k = 0;

	for (; s != NULL && *s && k + 1 < size; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			buf[k++] = (char)tolower((unsigned char)*s);
	buf[k] = '\0';
}

/* one part of a site's name (raw, l bytes) folded in b, without its
 * top-level domain ("hejfish.com") */
static void
sitepart(const char *raw, size_t l, char *b, size_t size)
{
	char part[256];
	const char *d;

	if (l >= sizeof(part))
		l = sizeof(part) - 1;
	memcpy(part, raw, l);
	part[l] = '\0';
	if ((d = strrchr(part, '.')) != NULL && strchr(d, ' ') == NULL &&
	    strlen(d + 1) >= 2 && strlen(d + 1) <= 4)
		part[d - part] = '\0';
	alnumfold(part, b, size);
}

/* the folded author a names the site raw: one of its parts ("Infoportal
 * - Diakonie Deutschland") is the author, or a long one is in it
 * ("NOTICIAS EL COMERCIO PERÚ" of "El Comercio Perú"); not a person's
 * name in a blog's ("Matthew Davis's Blog") */
static int
samesite(const char *a, const char *raw)
{
	static const char *const seps[] = {
		" | ", " - ", " – ", " — ", " · ", ": ", NULL
	};
	const char *const *sp;
	const char *p = raw, *e, *q;
	char b[256];
	size_t la = strlen(a), el;

	if (la < 3)
		return 0;
	for (;;) {
		e = NULL;
		el = 0;
		for (sp = seps; *sp; sp++)
			if ((q = strstr(p, *sp)) != NULL && (e == NULL || q < e))
				e = q, el = strlen(*sp);
		sitepart(p, e != NULL ? (size_t)(e - p) : strlen(p), b,
		    sizeof(b));
		if (strcmp(a, b) == 0 || (strlen(b) >= 8 &&
		    strstr(a, b) != NULL))
			return 1;
		if (e == NULL)
			return 0;
		p = e + el;
	}
}

/* the JSON-LD object o is a person ("@type": "Person", or a list
 * holding it) */
static int
ldperson(json_t *o)
{
	json_t *t = json_object_get(o, "@type"), *x;
	size_t i;

	if (json_is_string(t))
		return strcmp(json_string_value(t), "Person") == 0;
	json_array_foreach(t, i, x)
		if (json_is_string(x) &&
		    strcmp(json_string_value(x), "Person") == 0)
			return 1;
	return 0;
}

/* the author s is the site or its publisher, not a person's byline:
 * the site name, the title's tail, the publisher, the copyright holder */
static int
siteauthor(struct ex_meta *m, const char *s)
{
	static const char *const keys[] = {
		"og:site_name", "application-name", "publisher", NULL
	};
	const char *const *k;
	const char *tail;
	char a[256], *head;
	json_t *p;
	int r = 0;

	alnumfold(s, a, sizeof(a));
	if (m->site != NULL && samesite(a, m->site))
		return 1;
	for (k = keys; *k; k++)
		if (metaget(m, *k) != NULL && samesite(a, metaget(m, *k)))
			return 1;
	if (m->ld != NULL) {
		/* a blog's publisher may be its author, a person */
		p = ldderef(m, json_object_get(m->ld, "publisher"));
		if (json_is_object(p) && !ldperson(p) &&
		    json_is_string(json_object_get(p,
		    "name")) && samesite(a, json_string_value(
		    json_object_get(p, "name"))))
			return 1;
	}
	if (m->title != NULL && (head = splittitle(m->title, &tail, 0))) {
		r = samesite(a, tail);
		free(head);
	}
	return r;
}

/* "Rob Doe, CNN", "Grant Doe, PhD": the agency or the degree after the
 * name cut; not a list of names ("Jane Doe, John Roe") */
static void
cuttitle(char *s)
{
	static const char *const degrees[] = {
		"phd", "ph.d.", "md", "m.d.", "mph", "mba", "rd", "msc", "dr.",
		NULL
	};
	const char *const *d;
	char *p = strrchr(s, ','), *q;
	int upper = 1;

	if (p == NULL || p[1] != ' ' || strchr(p + 2, ' ') != NULL ||
	    strlen(p + 2) < 2)
		return;
	for (d = degrees; *d; d++)
		if (strcasecmp(p + 2, *d) == 0)
			break;
	for (q = p + 2; *q; q++)
		if (!isupper((unsigned char)*q))
			upper = 0;
	if (*d != NULL || (upper && q - p - 2 <= 6))
		*p = '\0';
}

static int namelike(const char *);

static void cutday(char *);

/* the word from p to e is one of words (any case) */
static int
wordin(const char *p, const char *e, const char *const *words)
{
	size_t l = (size_t)(e - p);

	for (; *words; words++)
		if (l > 0 && strlen(*words) == l && strncasecmp(p, *words, l) == 0)
			return 1;
	return 0;
}

/* "Sarah Doe March 9", "Joe Doe Monday": the date after the name cut,
 * a weekday, or a month before a number; never the first word ("April
 * Roach") */
static void
cutdate(char *s)
{
	static const char *const days[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "montag", "dienstag", "mittwoch",
		"donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi",
		"mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
		"martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
		NULL
	};
	static const char *const months[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec", "januar", "februar", "märz", "mai", "juni",
		"juli", "oktober", "dezember", "janvier", "février", "mars",
		"avril", "juin", "juillet", "août", "septembre", "octobre",
		"novembre", "décembre", "enero", "febrero", "marzo", "abril",
		"mayo", "junio", "julio", "agosto", "septiembre", "octubre",
		"noviembre", "diciembre", NULL
	};
	char *p, *e, *q;

	for (p = strchr(s, ' '); p != NULL; p = strchr(p + 1, ' ')) {
		e = p + 1 + strcspn(p + 1, " ,.");
		if (wordin(p + 1, e, days))
			break;
		if (*e == '.')
			e++;
		if (*e != ' ')
			continue;
		/* "March 9", "9 March", "9. März" */
		q = e + 1 + strcspn(e + 1, " ,.");
		if ((isdigit((unsigned char)e[1]) && wordin(p + 1, e, months)) ||
		    (strspn(p + 1, "0123456789") == (size_t)(e - p - 1 -
		    (e[-1] == '.')) && wordin(e + 1, q, months)))
			break;
	}
	if (p != NULL) {
		*p = '\0';
		cutday(s);
	}
}

/* a clean author name (malloc'd) or NULL */
static char *
authorok(struct ex_meta *m, const char *raw)
{
	char *s, *p;
	const char *const *w;
	size_t len, words = 0;

	if ((s = clean(raw)) == NULL)
		return NULL;
	/* "By Jane Doe", "von Jane Doe", "Posted by ...", "Autor: ..." */
	p = s;
	for (;;) {
		const char *const *pre;
		size_t pl = 0;

		while (*p == ' ' || *p == '|' || *p == '~' || *p == '-' ||
		    *p == '@' || *p == ':' || *p == ',')
			p++;
		for (pre = prefixes; *pre; pre++)
			if (strncasecmp(p, *pre, (pl = strlen(*pre))) == 0)
				break;
		if (*pre == NULL)
			break;
		p += pl;
	}
	memmove(s, p, strlen(p) + 1);
	for (w = badwords; *w; w++) {
		size_t wl = strlen(*w);
		char *q;

		for (q = s; (q = news_strcasestr(q, *w)) != NULL; q += wl)
			if ((q == s || q[-1] == ' ' || q[-1] == '(') &&
			    (q[wl] == '\0' || q[wl] == ' ' || q[wl] == ')' ||
			    q[wl] == ':'))
				goto bad;
	}
	/* "Jane Doe @janedoe": the handle after the name cut */
	if ((p = strstr(s, " @")) != NULL && p > s && strchr(p + 2, ' ') == NULL)
		*p = '\0';
	len = strlen(s);
	/* cut trailing noise: "Jane Doe | Reuters", "Jane Doe, 13 Dec" */
	if ((p = strstr(s, " | ")) != NULL || (p = strstr(s, " - ")) != NULL ||
	    (p = strstr(s, " – ")) != NULL)
		*p = '\0';
	/* "Peter Maahn/SP-X", "Jane Doe / dpa": the name before the
	 * agency, if it is one of two words or more; "det/dpa", "AFP/The
	 * Local" stay a credit */
	if ((p = strchr(s, '/')) != NULL && strstr(s, "://") == NULL &&
	    memchr(s, ' ', (size_t)(p - s - (p > s && p[-1] == ' '))) != NULL)
		*p = '\0';
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ',' || s[len - 1] == ' ' ||
	    s[len - 1] == ':' || s[len - 1] == '-'))
		s[--len] = '\0';
	cuttitle(s);
	cutdate(s);
	len = strlen(s);
	/* "Jane Doe.": the full stop after a name, not an initial's */
	if (len > 4 && s[len - 1] == '.' && isalpha((unsigned char)s[len - 2]) &&
	    isalpha((unsigned char)s[len - 3]) && isalpha((unsigned char)s[len - 4]))
		s[--len] = '\0';
	/* "Jane Doe1": a footnote's mark after the name */
	if (len > 3 && strchr(s, ' ') != NULL &&
	    isdigit((unsigned char)s[len - 1]) &&
	    !isdigit((unsigned char)s[len - 2]) && s[len - 2] != ' ')
		s[--len] = '\0';
	/* "selbst ist der Mann", "linksc Creating Search": no name */
	if (islower((unsigned char)*s) && strchr(s, ' ') != NULL &&
	    !namelike(s))
		goto bad;
	if (len < 3 || len > 80 || (hasdigitrun(s) && !username(s)) ||
	    strchr(s, '@') ||
	    strpbrk(s, "!?") != NULL || strstr(s, "©") != NULL ||
	    strchr(s, ':') || strchr(s, '(') || strstr(s, "[at]") ||
	    strstr(s, "://") || strncmp(s, "www.", 4) == 0 ||
	    strchr(s, '{'))
		goto bad;
	for (w = notnames; *w; w++)
		if (strcasecmp(s, *w) == 0)
			goto bad;
	for (w = orgparts; *w; w++)
		if (news_strcasestr(s, *w) != NULL)
			goto bad;
	if (domainlike(s) || siteauthor(m, s))
		goto bad;
	for (p = s; *p; p++)
		if (*p == ' ')
			words++;
	if (words > 7)
		goto bad;
	return s;
bad:
	free(s);
	return NULL;
}

/* the word joining two names in the page's language */
static const char *
andword(const struct ex_meta *m)
{
	static const struct { const char *lang, *and; } w[] = {
		{ "de", " und " }, { "en", " and " }, { "fr", " et " },
		{ "es", " y " }, { "it", " e " }, { "pt", " e " },
		{ "nl", " en " }, { NULL, NULL }
	};
	int i;

	for (i = 0; m->lang != NULL && w[i].lang != NULL; i++)
		if (strncasecmp(m->lang, w[i].lang, 2) == 0 &&
		    !isalpha((unsigned char)m->lang[2]))
			return w[i].and;
	return ", ";
}

/* the one-word name s is the first of the full name a person's
 * description d opens with, "Stefanus Stahl - Maschinenbauer": that
 * (malloc'd) or NULL */
static char *
descname(const char *s, const char *d)
{
	size_t l = strlen(s);
	const char *e;

	if (strchr(s, ' ') != NULL || strncmp(s, d, l) != 0 || d[l] != ' ' ||
	    !isupper((unsigned char)d[l + 1]))
		return NULL;
	for (e = d + l + 2; isalpha((unsigned char)*e) ||
	    (unsigned char)*e >= 0x80 || *e == '-'; e++)
		;
	if (e - (d + l + 1) < 3 || (*e != ' ' && *e != ',' && *e != '\0'))
		return NULL;
	return news_xstrndup(d, e - d);
}

static char *
ldauthor(struct ex_meta *m)
{
	json_t *a, *x;
	struct news_buf b = NEWS_BUF_INIT;
	size_t i;
	char *s, *t, *names[5];
	const char *d, *v, *j;
	size_t n = 0;

	if (m->ld == NULL || (a = json_object_get(m->ld, "author")) == NULL)
		a = m->ld ? json_object_get(m->ld, "creator") : NULL;
	if (a == NULL)
		return NULL;
	if (!json_is_array(a)) {
		json_t *one = a;

		a = json_array();
		json_array_append(a, one);
	} else
		json_incref(a);
	json_array_foreach(a, i, x) {
		x = ldderef(m, x);
		d = json_is_object(x) ? json_string_value(json_object_get(x,
		    "description")) : NULL;
		if (json_is_object(x))
			x = json_object_get(x, "name");
		if (json_is_array(x))
			x = json_array_get(x, 0);
		if (!json_is_string(x))
			continue;
		if ((s = authorok(m, json_string_value(x))) == NULL)
			continue;
		/* "Stefanus" described as "Stefanus Stahl - Maschinenbauer" */
		if (d != NULL && (t = descname(s, d)) != NULL) {
			free(s);
			s = t;
		}
		if (n < 5)
			names[n++] = s;
		else
			free(s);
	}
	json_decref(a);
	/* the names joined as the page's meta author joins them, "A, B";
	 * else two as the byline reads: "A und B", "A and B" */
	for (i = 0; i < n; i++) {
		if (i > 0)
			news_buf_adds(&b, ", ");
		news_buf_adds(&b, names[i]);
	}
	if (n != 2 || ((v = metaget(m, "author")) != NULL &&
	    strcasecmp(v, b.s) == 0))
		j = ", ";
	else
		j = andword(m);
	news_buf_reset(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			news_buf_adds(&b, j);
		news_buf_adds(&b, names[i]);
		free(names[i]);
	}
	return b.len ? news_buf_take(&b) : (news_buf_free(&b), NULL);
}

static int baddateplace(const xmlNode *);
static int holds(const xmlNode *, const xmlNode *);
static long titlepos(struct ex_meta *, const char *);

/* "Jane van Doe": at most five words, all capitalised but particles */
static int
namelike(const char *s)
{
	static const char *const particles[] = {
		"von", "van", "de", "der", "den", "da", "di", "del", "la", "le",
		"du", "des", "bin", "al", "el", "y", "e", "und", "and", "et",
		"zu", "ten", "ter", NULL
	};
	const char *const *p;
	const char *w = s, *e;
	int n = 0;

	for (; *w; w = *e ? e + 1 : e) {
		e = w + strcspn(w, " ");
		if (++n > 5)
			return 0;
		if (!islower((unsigned char)*w))
			continue;
		for (p = particles; *p; p++)
			if (strlen(*p) == (size_t)(e - w) &&
			    strncmp(w, *p, e - w) == 0)
				break;
		if (*p == NULL)
			return 0;
	}
	return 1;
}

/* "Jane Doe Fr" (of "Jane Doe Fr, 18. Oktober"): the weekday cut */
static void
cutday(char *s)
{
	static const char *const days[] = {
		"mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue", "wed",
		"thu", "fri", "sat", "sun", "lun", "mar", "mer", "jeu", "ven",
		"sam", "dim", NULL
	};
	const char *const *d;
	char *w = strrchr(s, ' ');
	size_t l;

	if (w == NULL)
		return;
	l = strlen(w + 1);
	if (l > 0 && w[l] == '.')
		l--;
	for (d = days; *d; d++)
		if (strlen(*d) == l && strncasecmp(w + 1, *d, l) == 0) {
			*w = '\0';
			return;
		}
}

/* "Jane Doe am 13.12.2025", "Jane Doe, 13 Dec": the name only; soft
 * (for a whole author element) keeps the particles of names ("Le Clerc",
 * "den Boer") and a list of full names ("Jane Doe, John Roe"); 1 when
 * something was cut */
static int
cutname(char *s, int soft)
{
	static const char *const stops[] = {
		" | ", " - ", " – ", " —", " ·", " (", " •", " am ", " on ",
		" at ", " um ", " foto:", " fotos:", " photo:", " photos:",
		" bild:", " illustration", " alle artikel", " alle beiträge",
		" all posts", " all articles", " view all", " more by",
		" alles von", " mehr von", " le ", " el ", " il ", " op ", " den ", NULL
	};
	const char *const *w;
	char *p, *q;
	int cut = 0;

	for (w = stops; *w; w++) {
		if (soft && (*w)[1] == '\0')	/* the particles at the end */
			break;
		if ((p = news_strcasestr(s, *w)) != NULL)
			*p = '\0', cut = 1;
		if (soft && strcmp(*w, " mehr von") == 0)
			break;
	}
	for (p = s; (p = strchr(p, ',')) != NULL; p++) {
		/* "Jane Doe, John Roe": two capitalised words after */
		q = p + 1 + strspn(p + 1, " ");
		if (soft && isupper((unsigned char)*q) &&
		    (q = strchr(q, ' ')) != NULL && isupper((unsigned char)q[1]))
			continue;
		*p = '\0';
		cut = 1;
		if (isdigit((unsigned char)p[1 + strspn(p + 1, " ")]))
			cutday(s);
		break;
	}
	return cut;
}

/* "Posted on 21 May 2020 by Jane Doe": past the byline word inside s,
 * or s itself */
static const char *
innerbyline(const char *s)
{
	const char *p;
	char *pre;
	int ok;

	if (*s == '\0')
		return s;
	for (p = s + 1; *p; p++)
		if (p[-1] == ' ' && bylineword(p) > 0)
			break;
	if (*p == '\0')
		return s;
	/* not "Walter von Aachen", "Edited by": a date or a mark before */
	pre = news_xstrdup(s);
	pre[p - s] = '\0';
	ok = strpbrk(pre, "0123456789|") != NULL || strstr(pre, "·") ||
	    !namelike(pre);
	free(pre);
	return ok ? p : s;
}

/* the next thing after n, in n's parent or up to two levels above:
 * "<span>Autor:</span> <a>Jane Doe</a>", "<h5>Autor: </h5>Jane Doe" */
static xmlNode *
nextpart(xmlNode *n)
{
	xmlNode *c;
	int up;

	for (up = 0; up < 3 && n != NULL; up++, n = n->parent) {
		for (c = n->next; c != NULL; c = c->next) {
			/* not an empty link or icon before the name */
			if (c->type == XML_ELEMENT_NODE && c->_private != NULL &&
			    ((struct ex_node *)c->_private)->text == 0)
				continue;
			if (c->type == XML_ELEMENT_NODE)
				return c;
			if (c->type == XML_TEXT_NODE && c->content != NULL &&
			    c->content[strspn((const char *)c->content,
			    " \t\r\n")] != '\0')
				return c;
		}
		if (n->parent == NULL || n->parent->type != XML_ELEMENT_NODE ||
		    is(n->parent, "body"))
			break;
	}
	return NULL;
}

/* n is there for screen readers only ("sr-only", "screen-reader-text",
 * "visually-hidden") */
static int
sronly(const xmlNode *n)
{
	static const char *const words[] = {
		"sr-only", "screen-reader", "visually-hidden", "visuallyhidden",
		"srOnly", NULL
	};
	const char *c = news_html_attr(n, "class");
	const char *const *w;

	for (w = words; c != NULL && *w; w++)
		if (news_strcasestr(c, *w) != NULL)
			return 1;
	return 0;
}

/* the text of n without what is there for screen readers only: "Jane
 * Doe<span class=sr-only>Jane Doe</span>" */
static void
nametext(struct news_buf *b, const xmlNode *n)
{
	const xmlNode *c;

	if (n->type == XML_TEXT_NODE && n->content != NULL)
		news_buf_adds(b, (const char *)n->content);
	if (is(n, "br"))	/* "Jane Doe<br>Do 9 Apr" */
		news_buf_addc(b, ' ');
	if (n->type != XML_ELEMENT_NODE || sronly(n))
		return;
	for (c = n->children; c != NULL; c = c->next)
		nametext(b, c);
}

/* the text of n, if it is short enough to be a name (malloc'd) */
static char *
shorttext(const xmlNode *n)
{
	struct news_buf b = NEWS_BUF_INIT;
	char *s;

	if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
	    ((struct ex_node *)n->_private)->text > 200)
		return NULL;
	nametext(&b, n);
	s = news_text_squeeze(b.s != NULL ? b.s : "", b.len);
	news_buf_free(&b);
	return s;
}

/* the text before n ends with a byline word: "by <span>LD</span>" */
static int
afterby(const xmlNode *n)
{
	const xmlNode *p = n->prev;
	const char *s, *e;

	if (p == NULL || p->type != XML_TEXT_NODE || p->content == NULL)
		return 0;
	s = (const char *)p->content;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return (e - s == 2 || (e - s > 2 && isspace((unsigned char)e[-3]))) &&
	    strncasecmp(e - 2, "by", 2) == 0;
}

/* the element with itemprop=name in n, two levels down at most */
static xmlNode *
propname(const xmlNode *n, int depth)
{
	xmlNode *c, *r;
	const char *v;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    (v = news_html_attr(c, "itemprop")) != NULL &&
		    strcmp(v, "name") == 0)
			return c;
	for (c = n->children; c != NULL && depth < 1; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    news_html_attr(c, "itemscope") == NULL &&
		    (r = propname(c, depth + 1)) != NULL)
			return r;
	return NULL;
}

/* the name in a byline candidate (malloc'd) or NULL */
static char *
bylinename(struct ex_meta *m, const struct dcand *b)
{
	xmlNode *n = b->n, *c;
	const char *v;
	char *s, *t;
	struct news_buf buf = NEWS_BUF_INIT;
	int elem, strong, inner, by, cut;
	size_t l;

	if (b->kind == 1) {
		/* "By Jane Doe", "By <a>Jane Doe</a> on <time>" */
		news_buf_adds(&buf, (const char *)n->content);
		v = bylinelead((const char *)n->content);
		strong = strongword(v);	/* "Posted by", "Autor:" */
		l = strcspn(v, " \t\r\n");
		if (bylineword(v) == 0 && lonebyline(v, l))
			v += l;	/* "<strong>By</strong>" */
		v += bylineword(v);
		elem = v[strspn(v, " \t\r\n:")] == '\0' &&
		    (c = nextpart(n)) != NULL;
		if (elem && (t = shorttext(c)) != NULL) {
			news_buf_addc(&buf, ' ');
			news_buf_adds(&buf, t);
			free(t);
		}
		t = news_text_squeeze(buf.s, buf.len);
		news_buf_free(&buf);
		v = bylinelead(t);
		l = strcspn(v, " ");
		if (bylineword(v) == 0 && lonebyline(v, l))
			v += l;
		memmove(t, v + bylineword(v), strlen(v + bylineword(v)) + 1);
		cutname(t, 0);
		s = authorok(m, t);
		free(t);
		/* "von Säure": a name in running text has two words, unless
		 * a byline phrase ("Posted by") says it is one */
		/* "Gespeichert von <span>rasos</span>": a user name */
		if (s != NULL && (!namelike(s) || (!elem && !strong &&
		    strchr(s, ' ') == NULL)) && !(elem && strong &&
		    username(s))) {
			free(s);
			s = NULL;
		}
		return s;
	}
	/* itemprop=author holding itemprop=name, "<a itemprop=url><h4
	 * itemprop=name>" */
	c = propname(n, 0);
	if (c == NULL && (v = news_html_attr(n, "content")) != NULL &&
	    (s = authorok(m, v)) != NULL)
		return s;
	if ((t = shorttext(c != NULL ? c : n)) == NULL)
		return NULL;
	/* "by <span class=author>LD</span>": initials after "by" */
	if (strlen(t) == 2 && isalpha((unsigned char)t[0]) &&
	    isalpha((unsigned char)t[1]) && afterby(n))
		return t;
	/* "Posted on 21 May 2020 by Jane Doe", "von Jane Doe am 13.12." */
	v = innerbyline(t);
	inner = v != t;
	memmove(t, v, strlen(v) + 1);
	by = bylineword(t) > 0;
	/* "Text & Fotos: Jane Doe": the byline word is no stop */
	if (by)
		memmove(t, t + bylineword(t), strlen(t + bylineword(t)) + 1);
	cut = cutname(t, 1);
	s = authorok(m, t);
	/* "Donnerstag, 4. November": one word left by a cut is no name */
	if (s != NULL && ((inner && !namelike(s)) ||
	    (cut && !by && strchr(s, ' ') == NULL))) {
		free(s);
		s = NULL;
	}
	free(t);
	return s;
}

/* an element that holds one article: <article>, class "hentry",
 * itemtype Article or BlogPosting */
static int
articlebox(const xmlNode *n)
{
	const char *v;

	if (is(n, "article"))
		return 1;
	if ((v = news_html_attr(n, "itemtype")) != NULL &&
	    (strstr(v, "Article") != NULL || strstr(v, "BlogPosting") != NULL))
		return 1;
	return classhas(n, "hentry") || classhas(n, "h-entry");
}

/* word in one class or id token of v, not in a page builder's own
 * classes ("elementor-widget" is no sidebar widget) */
static int
tokenhas(const char *v, const char *word)
{
	static const char *const builders[] = {
		"elementor", "et_pb_", "vc_", "wp-block-", "fl-", "brxe-",
		NULL
	};
	const char *const *b;
	char tok[128];
	size_t l;

	while (v != NULL && *v != '\0') {
		v += strspn(v, " \t\r\n");
		l = strcspn(v, " \t\r\n");
		if (l > 0 && l < sizeof(tok)) {
			memcpy(tok, v, l);
			tok[l] = '\0';
			for (b = builders; *b; b++)
				if (strncasecmp(tok, *b, strlen(*b)) == 0)
					break;
			if (*b == NULL && news_strcasestr(tok, word) != NULL)
				return 1;
		}
		v += l;
	}
	return 0;
}

/* classhas for bylines: page builders' classes left out */
static int
bylineclass(const xmlNode *n, const char *word)
{
	return tokenhas(news_html_attr(n, "class"), word) ||
	    tokenhas(news_html_attr(n, "id"), word);
}

/* q itself is a place of other articles or comments (the words of
 * baddateplace) */
static int
badbox(const xmlNode *q)
{
	static const char *const words[] = {
		"comment", "related", "sidebar", "widget", "footer", "teaser",
		"recommend", "popular", "respond", "reply", "more-", "similar",
		"weitere", "trending", "newsletter", NULL
	};
	const char *const *w;

	if (is(q, "footer") || is(q, "aside") || is(q, "nav") ||
	    is(q, "option"))
		return 1;
	for (w = words; *w; w++)
		if (bylineclass(q, *w))
			return 1;
	return 0;
}

/* a byline in comments, related posts, sidebars, footers (as
 * baddateplace, with badbox's words) */
static int
badbylinebox(const struct ex_meta *m, const xmlNode *n)
{
	const xmlNode *root = xmlDocGetRootElement(n->doc);
	int all = root != NULL && root->_private != NULL ?
	    ((struct ex_node *)root->_private)->text : 0;

	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent) {
		if (is(n, "body"))
			break;
		/* what holds the title h1 is the article's own header
		 * ("module-imageTeaser topArticle") */
		if (m->titleh1 != NULL && holds(n, m->titleh1))
			break;
		/* a page wrapper is no place ("has-sidebar") */
		if (n->_private != NULL &&
		    ((struct ex_node *)n->_private)->text * 3 > all)
			continue;
		if (badbox(n))
			return 1;
	}
	return 0;
}

/* a byline in related posts, comments, a sidebar: not the page's; the
 * footer, aside or sidebar of the article itself is its place */
static int
badbylineplace(const struct ex_meta *m, const xmlNode *n)
{
	static const char *const own[] = {
		"sidebar", "widget", "footer", "teaser", NULL
	};
	const char *const *w;
	const xmlNode *q;
	int below = 0;

	if (!baddateplace(n) || !badbylinebox(m, n))
		return 0;
	for (q = n->parent; q != NULL && q->type == XML_ELEMENT_NODE;
	    q = q->parent) {
		if (is(q, "body"))
			break;
		if (articlebox(q)) {
			below = 1;
			break;
		}
		if (is(q, "nav") || is(q, "option"))
			return 1;
	}
	if (!below)
		return 1;
	/* inside the article, only its own footer, aside or sidebar */
	for (q = n->parent; !articlebox(q); q = q->parent) {
		if (is(q, "footer") || is(q, "aside"))
			continue;
		for (w = own; *w; w++)
			if (bylineclass(q, *w))
				break;
		if (*w != NULL)
			continue;
		if (badbox(q))
			return 1;
	}
	/* the article box and what holds it: as for a date */
	return badbox(q) || badbylinebox(m, q);
}

static int inside(const xmlNode *, const xmlNode *);

/* "<p><em>Von Jane Doe</em></p>" closing the article: a byline text
 * that is a paragraph of its own in the article */
static int
signoff(const xmlNode *t, const xmlNode *content)
{
	const xmlNode *p;
	char *s;
	size_t len;

	for (p = t->parent; p != NULL && !is(p, "p") && !is(p, "div"); p = p->parent)
		if (p == content)
			return 0;
	if (p == NULL || !inside(p, content))
		return 0;
	s = shorttext(p);
	len = s != NULL ? strlen(s) : 100;
	free(s);
	return len < 60;
}

/* n is inside the subtree of top */
static int
inside(const xmlNode *n, const xmlNode *top)
{
	for (; n != NULL && top != NULL; n = n->parent)
		if (n == top)
			return 1;
	return 0;
}

/* twitter:label1 names the author ("Written by", "Verfasst von",
 * "Escrito por"), not the reading time */
static int
authorlabel(const char *l)
{
	static const char *const words[] = {
		"author", "autor", "auteur", "written", "verfasst",
		"geschrieben", "escrito", "écrit", "scritto", "geschreven",
		NULL
	};
	const char *const *w;

	if (l == NULL)
		return 1;
	for (w = words; *w; w++)
		if (news_strcasestr(l, *w) != NULL)
			return 1;
	return 0;
}

/* "arianschlichenmayer", "christian.stadtfeld", "gabor_munier": a
 * login, not a name as the byline shows it */
static int
loginlike(const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (*p == ' ' || isupper((unsigned char)*p))
			return 0;
	return p - s >= 6;
}

/* the ASCII letters of w (l bytes) come in order in the login s */
static int
letterseq(const char *s, const char *w, size_t l)
{
	const char *e = w + l;
	int n = 0;

	for (; w < e; w++) {
		if (!isalpha((unsigned char)*w) || (unsigned char)*w >= 0x80)
			continue;
		while (*s && tolower((unsigned char)*s) !=
		    tolower((unsigned char)*w))
			s++;
		if (*s++ == '\0')
			return 0;
		n++;
	}
	return n >= 3;
}

/* the login s names the person of the byline name b: the letters of b's
 * first and last word are in it ("Gàbor Muniér", "gabor_munier") */
static int
loginof(const char *s, const char *b)
{
	const char *last = strrchr(b, ' ');

	if (last == NULL)
		return 0;
	last++;
	return letterseq(s, b, strcspn(b, " ")) &&
	    letterseq(s, last, strlen(last));
}

/* n is hidden: "style=display: none" */
static int
nodisplay(const xmlNode *n)
{
	const char *v;

	return (v = news_html_attr(n, "style")) != NULL &&
	    (v = strstr(v, "display")) != NULL &&
	    strncmp(v + 7 + strspn(v + 7, " :"), "none", 4) == 0;
}

/* the visible text of the page, without head, scripts, styles and
 * what is hidden (a theme's "display: none" author box for machines) */
static void
pagetext(struct news_buf *b, const xmlNode *n)
{
	const xmlNode *c;

	for (c = n; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			news_buf_adds(b, (const char *)c->content);
		if (c->type == XML_ELEMENT_NODE && !is(c, "head") &&
		    !is(c, "script") && !is(c, "style") &&
		    !is(c, "template") && !nodisplay(c))
			pagetext(b, c->children);
	}
}

/* one of the names in s ("Jane Doe, John Roe", "A und B") is shown on
 * the page, its letters in its text (folded in *page, made once) */
static int
onpage(struct ex_meta *m, const char *s, char **page)
{
	static const char *const joins[] = {
		" and ", " und ", " y ", " e ", " et ", NULL
	};
	const char *const *j;
	struct news_buf b = NEWS_BUF_INIT;
	char *t, *p, *q, part[256];
	size_t l;
	int r = 0;

	if (*page == NULL) {
		pagetext(&b, xmlDocGetRootElement(m->doc));
		t = news_text_squeeze(b.s != NULL ? b.s : "", b.len);
		news_buf_free(&b);
		l = strlen(t) + 1;
		*page = news_xmalloc(l);
		alnumfold(t, *page, l);
		free(t);
	}
	t = news_xstrdup(s);
	for (j = joins; *j; j++)
		while ((q = strstr(t, *j)) != NULL)
			*q = ',', memmove(q + 1, q + strlen(*j) - 1,
			    strlen(q + strlen(*j) - 1) + 1);
	for (p = t; !r && p != NULL; p = q) {
		if ((q = strpbrk(p, ",;&/")) != NULL)
			*q++ = '\0';
		alnumfold(p, part, sizeof(part));
		r = strlen(part) >= 3 && strstr(*page, part) != NULL;
	}
	free(t);
	return r;
}

/* "Todd" is the first name of the byline's "Todd Bates" */
static int
firstname(const char *s, const char *b)
{
	size_t l = strlen(s);

	return strchr(s, ' ') == NULL && strncasecmp(s, b, l) == 0 &&
	    b[l] == ' ';
}

/* the JSON-LD author is an organisation ("@type": "Organization") */
static int
ldorg(struct ex_meta *m)
{
	static const char *const org[] = { "Organization", NULL };
	json_t *a = json_object_get(m->ld, "author");

	if (json_is_array(a))
		a = json_array_get(a, 0);
	a = ldderef(m, a);
	return json_is_object(a) && istype(a, org);
}

static char *bylineauthor(struct ex_meta *, const char *, const xmlNode *);

/* a text of the page is the full name "Todd Bates" of the one-word
 * name a ("Todd"), alone or after "von", "by": that (malloc'd) or NULL */
static char *
fullname1(const xmlNode *n, const char *a)
{
	static const char *const pre[] = { "", "by ", "von ", "mehr von ",
	    "more by ", "par ", "por ", NULL };
	const char *const *w;
	char *t, *p, *e, *r = NULL;
	size_t l = strlen(a);

	for (; n != NULL && r == NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && (is(n, "script") ||
		    is(n, "style")))
			continue;
		if (n->type == XML_ELEMENT_NODE)
			r = fullname1(n->children, a);
		if (n->type != XML_TEXT_NODE || n->content == NULL ||
		    news_strcasestr((const char *)n->content, a) == NULL)
			continue;	/* (a holds no space to squeeze) */
		t = news_text_squeeze((const char *)n->content,
		    strlen((const char *)n->content));
		for (w = pre; *w && r == NULL; w++) {
			p = t + strlen(*w);
			if (strncasecmp(t, *w, strlen(*w)) != 0 ||
			    strncasecmp(p, a, l) != 0 || p[l] != ' ' ||
			    !isupper((unsigned char)p[l + 1]))
				continue;
			for (e = p + l + 2; isalpha((unsigned char)*e) ||
			    (unsigned char)*e >= 0x80 || *e == '-'; e++)
				;
			if (*e == '\0' && e - (p + l + 1) >= 3)
				r = news_xstrdup(p);
		}
		free(t);
	}
	return r;
}

static char *
fullname(struct ex_meta *m, const char *a)
{
	if (strlen(a) < 3 || strchr(a, ' ') != NULL ||
	    !isupper((unsigned char)*a))
		return NULL;
	return fullname1(xmlDocGetRootElement(m->doc), a);
}

/* the list b ("Jane Doe, John Roe", "Jane Doe and John Roe") names s
 * first */
static int
firstof(const char *s, const char *b)
{
	static const char *const joins[] = {
		", ", " und ", " and ", " & ", " et ", " y ", " e ", NULL
	};
	const char *const *j;
	size_t l = strlen(s);

	if (strncasecmp(s, b, l) != 0)
		return 0;
	for (j = joins; *j; j++)
		if (strncmp(b + l, *j, strlen(*j)) == 0 &&
		    isupper((unsigned char)b[l + strlen(*j)]))
			return 1;
	return 0;
}

/* the word at p is w (l bytes, any case), a whole word */
static int
wordis(const char *p, const char *w, size_t l)
{
	return strncasecmp(p, w, l) == 0 && !isalnum((unsigned char)p[l]) &&
	    (unsigned char)p[l] < 0x80;
}

/* the login a ("christian.stadtfeld") is the name the page shows as
 * "Christian P. Stadtfeld": that (malloc'd) or NULL */
static char *
loginname(struct ex_meta *m, const char *a)
{
	struct news_buf b = NEWS_BUF_INIT;
	const char *last;
	char *t, *p, *q, *r = NULL;
	size_t l1, l2;
	int i;

	if (!loginlike(a) || (l1 = strcspn(a, "._-")) < 2 ||
	    a[l1] == '\0' || (l2 = strlen(last = a + l1 + 1)) < 2 ||
	    strpbrk(last, "._-0123456789") != NULL)
		return NULL;
	pagetext(&b, xmlDocGetRootElement(m->doc));
	t = news_text_squeeze(b.s != NULL ? b.s : "", b.len);
	news_buf_free(&b);
	for (p = t; r == NULL && *p; p++) {
		if (!isupper((unsigned char)*p) || (p > t &&
		    (isalnum((unsigned char)p[-1]) ||
		    (unsigned char)p[-1] >= 0x80)) || !wordis(p, a, l1) ||
		    p[l1] != ' ')
			continue;
		/* "Christian Stadtfeld", "Christian P. Stadtfeld" */
		for (q = p + l1, i = 0; r == NULL && i < 2 && *q == ' ' &&
		    isupper((unsigned char)q[1]); i++) {
			q++;
			if (wordis(q, last, l2))
				r = news_xstrndup(p, q + l2 - p);
			q += strcspn(q, " ");
		}
	}
	free(t);
	return r;
}

/* a list of three or more names joined as most lists are: "A, B und
 * C", "A, B y C" become "A, B, C" (in place); "A, B & C" stays */
static void
listjoin(char *s)
{
	static const char *const joins[] = {
		" und ", " and ", " et ", " y ", " e ", NULL
	};
	const char *const *j;
	char *c = strrchr(s, ','), *p;
	size_t l;

	if (c == NULL)
		return;
	for (j = joins; *j; j++)
		if ((p = strstr(c, *j)) != NULL &&
		    isupper((unsigned char)p[strlen(*j)])) {
			l = strlen(*j);
			p[0] = ',';
			p[1] = ' ';
			memmove(p + 2, p + l, strlen(p + l) + 1);
			return;
		}
}

static char *
author(struct ex_meta *m, const char *title, const xmlNode *content)
{
	static const char *const keys[] = {
		"author", "article:author", "parsely-author", "sailthru.author",
		"dc.creator", "dcterms.creator", "byl", "citation_author",
		"twitter:data1", NULL
	};
	const char *const *k;
	const char *v;
	static const char *const news[] = {
		"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
		"OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
		NULL
	};
	char *s, *b, *page = NULL;
	int named = 0, hidden = 0, ld, plain = 0;

	if ((ld = (s = ldauthor(m)) != NULL))
		/* a NewsArticle's author or an organisation is named on
		 * purpose, not a person's account the CMS filled in */
		named = istype(m->ld, news) || ldorg(m);
	else
		for (k = keys; *k; k++)
			if ((v = metaget(m, *k)) != NULL) {
				if (strcmp(*k, "twitter:data1") == 0 &&
				    !authorlabel(metaget(m, "twitter:label1")))
					continue;
				if ((s = authorok(m, v)) != NULL) {
					plain = strcmp(*k, "author") == 0 ||
					    strcmp(*k, "dc.creator") == 0;
					break;
				}
			}
	/* a JSON-LD author the page never shows is the account that filed
	 * it, a plain meta author on a site (one with a name) the site's
	 * owner or maker, not the page's byline */
	if (s != NULL && !named && !onpage(m, s, &page)) {
		hidden = 1;
		/* but "karl.wendt" is shown as "Karl P. Wendt" */
		if (plain && (b = loginname(m, s)) != NULL) {
			free(s);
			s = b;
			hidden = 0;
		} else if (ld || (plain && m->site != NULL)) {
			free(s);
			s = NULL;
		}
	}
	free(page);
	b = NULL;
	if (s != NULL && !hidden && !loginlike(s) && strchr(s, ' ') != NULL) {
		/* "Jane Doe" is the first of the byline's "Jane Doe, John
		 * Roe"; a page's meta author (its owner, its institution)
		 * gives way to another name its byline shows */
		if ((b = bylineauthor(m, title, content)) != NULL &&
		    (firstof(s, b) || (plain && m->fromline &&
		    namelike(b) && news_strcasestr(b, s) == NULL))) {
			free(s);
			return b;
		}
		free(b);
		return s;
	}
	b = bylineauthor(m, title, content);
	if (s == NULL)
		return b;
	/* a meta author the page never shows gives way to a full name in
	 * its byline */
	if (b != NULL && hidden && strchr(b, ' ') != NULL) {
		free(s);
		return b;
	}
	/* "arianschlichenmayer" is the login of the byline's "Arian
	 * Schlichenmayer" */
	if (b != NULL && (loginof(s, b) || firstname(s, b))) {
		free(s);
		return b;
	}
	free(b);
	return s;
}

/* p is "<p><b><i>Jane Doe</i></b></p>", closing what holds it: a name
 * alone, in bold or italics, signing the article off (malloc'd) */
static char *
signpara(struct ex_meta *m, const xmlNode *p)
{
	const xmlNode *c, *e;
	char *s, *t = NULL, *r = NULL;

	for (c = p->next; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE || (c->type == XML_TEXT_NODE &&
		    c->content != NULL && c->content[strspn((const char *)
		    c->content, " \t\r\n")] != '\0'))
			return NULL;
	/* down the only element child to the bold or italics */
	for (e = p; e != NULL && !is(e, "b") && !is(e, "strong") &&
	    !is(e, "em") && !is(e, "i"); e = c) {
		for (c = e->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				break;
		if (c != NULL && xmlNextElementSibling((xmlNode *)c) != NULL)
			return NULL;
	}
	if (e == NULL || (s = shorttext(p)) == NULL)
		return NULL;
	t = shorttext(e);
	/* "Davor und Danach": no two things joined */
	if (strlen(s) < 40 && t != NULL && strcmp(s, t) == 0 &&
	    (r = authorok(m, s)) != NULL && (!namelike(r) ||
	    strchr(r, ' ') == NULL || strcmp(r, s) != 0 ||
	    strstr(r, " und ") || strstr(r, " and ") || strstr(r, " et ") ||
	    strstr(r, " y ") || strstr(r, " e "))) {
		free(r);
		r = NULL;
	}
	free(s);
	free(t);
	return r;
}

/* the last paragraph of the article signing it off, "<p><b><i>Jane
 * Doe</i></b></p>" (malloc'd) or NULL */
static char *
signname(struct ex_meta *m, const xmlNode *n)
{
	const xmlNode *c;
	char *s = NULL, *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		t = is(c, "p") ? signpara(m, c) : signname(m, c);
		if (t != NULL) {
			free(s);
			s = t;
		}
	}
	return s;
}

/* every letter of s is a capital one (ASCII) */
static int
shouted(const char *s)
{
	for (; *s; s++)
		if (islower((unsigned char)*s))
			return 0;
	return 1;
}

/* "11.12.2019 - Jane Doe", "04.02.2022 | 13:10 Uhr | Jane Doe": a
 * short line by the title, a date and a name after it (malloc'd) */
static char *
datedname(struct ex_meta *m, long anchor)
{
	static const char *const seps[] = {
		" - ", " | ", " · ", " – ", " • ", NULL
	};
	const char *const *w;
	char *t, *p, *q, *r = NULL;
	int i;

	for (i = 0; i < m->ndates && r == NULL; i++) {
		const struct dcand *c = &m->dates[i];

		if (c->kind != DC_TEXT || anchor < 0 || c->pos < anchor - 300 ||
		    c->pos > anchor + 300 || c->n->content == NULL)
			continue;
		t = news_text_squeeze((const char *)c->n->content,
		    strlen((const char *)c->n->content));
		p = NULL;
		for (w = seps; *w; w++)
			if ((q = strstr(t, *w)) != NULL)
				while (q != NULL) {
					if (p == NULL || q > p)
						p = q + strlen(*w);
					q = strstr(q + 1, *w);
				}
		/* not a section ("Recht & Gesetz") or a label ("PAID
		 * CONTENT") */
		if (strlen(t) < 80 && isdigit((unsigned char)*t) && p != NULL &&
		    strchr(p, ' ') != NULL && namelike(p) &&
		    strchr(p, '&') == NULL && !shouted(p) &&
		    (r = authorok(m, p)) != NULL && strcmp(r, p) != 0) {
			free(r);
			r = NULL;
		}
		free(t);
	}
	return r;
}

/* n or what holds it is hidden: markup for machines, not the byline a
 * reader sees */
static int
hiddenbox(const xmlNode *n)
{
	int up;

	for (up = 0; n != NULL && n->type == XML_ELEMENT_NODE && up < 4;
	    n = n->parent, up++)
		if (nodisplay(n))
			return 1;
	return 0;
}

/* the name in the byline nearest the title */
static char *
bylineauthor(struct ex_meta *m, const char *title, const xmlNode *content)
{
	char *s, *best = NULL;
	long anchor, d, bestd = 0;
	int i;

	anchor = titlepos(m, title);
	for (i = 0; i < m->nbylines; i++) {
		const struct dcand *b = &m->bylines[i];

		d = anchor < 0 ? b->pos : b->pos >= anchor ? b->pos - anchor :
		    2 * (anchor - b->pos);
		if (b->kind == 0)
			d /= 2;		/* markup says it: trust it more */
		/* far from the title: only markup in the article itself,
		 * or "Autor: Jane Doe" as the last resort */
		if (anchor >= 0 && d > 5000 && (b->kind == 0 ?
		    !inside(b->n, content) : !signoff(b->n, content))) {
			if (b->kind == 0 || !strongword(bylinelead(
			    (const char *)b->n->content)))
				continue;
			d = 5001;
		} else if (anchor >= 0 && d > 5000)
			d = 5000;
		if ((best != NULL && d >= bestd) || badbylineplace(m, b->n) ||
		    hiddenbox(b->kind == 0 ? b->n : b->n->parent) ||
		    (s = bylinename(m, b)) == NULL)
			continue;
		free(best);
		best = s;
		bestd = d;
	}
	/* a byline by the title, not one far from it */
	m->fromline = best != NULL && anchor >= 0 && bestd < 5000;
	if (best == NULL)
		best = datedname(m, anchor);
	if (best == NULL && content != NULL)
		best = signname(m, content);
	return best;
}

/* ---------- dates ---------- */

static int
localmidnight(const char *s)
{
	const char *p;

	s += strspn(s, " \t\r\n");
	if (strlen(s) < 17 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != ' ') || strncmp(s + 11, "00:00", 5) != 0)
		return 0;
	p = s + 16;
	if (strncmp(p, ":00", 3) == 0)
		p += 3;
	if (*p == '.')
		for (p++; *p == '0'; p++)
			;
	return (*p == '+' || *p == '-') && strncmp(p + 1, "00:00", 5) != 0 &&
	    strncmp(p + 1, "0000", 4) != 0;
}

/* "2022-01-10T22:06:08:684Z": a broken time after a good ISO date; the
 * date */
static int
isodate(const char *s, int flags, int64_t *t, struct news_date_info *info)
{
	s += strspn(s, " \t\r\n");
	if (strlen(s) < 11 || (s[10] != 'T' && s[10] != ' ') ||
	    strspn(s, "0123456789") != 4 || s[4] != '-' || s[7] != '-')
		return 0;
	return news_date_parse(s, 10, 0, flags, t, info) == 0;
}

static int
dateok(struct ex_meta *m, const char *s, int64_t *t)
{
	struct news_date_info info;
	int flags = NEWS_DATE_DMY;

	if (s == NULL)
		return 0;
	if (m->lang != NULL && strncasecmp(m->lang, "en-us", 5) == 0)
		flags = NEWS_DATE_MDY;
	if (news_date_parse(s, (size_t)-1, 0, flags, t, &info) != 0 &&
	    !isodate(s, flags, t, &info))
		return 0;
	/* "2025-12-13T00:00:00+01:00": a CMS storing a date at local
	 * midnight; in UTC the date is the page's, not the day before */
	if (ex_opt_utc && localmidnight(s)) {
		news_date_parse(s, 10, 0, flags, t, NULL);
		info.off = 0;
	}
	if (!info.has_day)
		return 0;
	if (*t > m->now + 86400 || *t < 788918400)	/* 1995 */
		return 0;
	m->dateoff = info.off;
	m->datezone = info.has_zone;
	m->datetime = info.has_time;
	return 1;
}

/*
 * "28.01.22", as German and Swiss pages print dates: the same with a
 * four-digit year (the century that is not in the future) in out.
 */
static int
yy2(const char *s, int64_t now, char *out)
{
	int64_t y;
	int d, mo, yy, m, dd, k = 0;

	if (sscanf(s, "%2d.%2d.%2d%n", &d, &mo, &yy, &k) != 3 ||
	    !isdigit((unsigned char)s[k - 1]) || !isdigit((unsigned char)s[k - 2]) ||
	    (s[k] != '\0' && s[k] != ':' && s[k] != ';') || d < 1 || mo < 1)
		return 0;
	news_civil_from_days(now / 86400, &y, &m, &dd);
	y = 2000 + yy <= y ? 2000 + yy : 1900 + yy;
	if (!news_date_valid(y, mo, d))
		return 0;
	snprintf(out, 12, "%02d.%02d.%04d", d, mo, (int)y);
	return 1;
}

/* find a date inside free text: try token windows around a year; the
 * number of words before it in *at */
static int
textdate(struct ex_meta *m, const char *s, int64_t *t, int *at)
{
	char *tok[48], *copy, *p, y4[48][12];
	int n = 0, i, j, k, w;
	struct news_buf b = NEWS_BUF_INIT;

	*at = 0;
	if (strlen(s) > 300)
		return 0;
	if (dateok(m, s, t))
		return 1;
	copy = news_xstrdup(s);
	/* "Jane Doe/June 12, 2020": a slash between words parts them; not
	 * the slashes of "12/06/2020" */
	for (p = copy; (p = strchr(p, '/')) != NULL; p++)
		if (p > copy && ((isalpha((unsigned char)p[-1]) &&
		    isalpha((unsigned char)p[1])) || p[-1] == ' ' ||
		    p[1] == ' '))
			*p = ' ';
	for (p = strtok(copy, " \t\n|·•,"); p && n < 48; p = strtok(NULL,
	    " \t\n|·•,"))
		tok[n++] = p;
	for (i = 0; i < n; i++)
		if (yy2(tok[i], m->now, y4[i]))
			tok[i] = y4[i];
	for (i = 0; i < n; i++) {
		size_t l = strlen(tok[i]);
		int year = 0;

		for (k = 0; k + 4 <= (int)l; k++)
			if ((tok[i][k] == '1' && tok[i][k + 1] == '9') ||
			    (tok[i][k] == '2' && tok[i][k + 1] == '0'))
				if (isdigit((unsigned char)tok[i][k + 2]) &&
				    isdigit((unsigned char)tok[i][k + 3]))
					year = 1;
		if (!year)
			continue;
		for (w = 4; w >= 0; w--)
			for (j = i - w; j <= i; j++) {
				if (j < 0 || j + w >= n)
					continue;
				news_buf_reset(&b);
				for (k = j; k <= j + w; k++) {
					if (k > j)
						news_buf_addc(&b, ' ');
					news_buf_adds(&b, tok[k]);
				}
				if (dateok(m, news_buf_str(&b), t)) {
					*at = j;
					news_buf_free(&b);
					free(copy);
					return 1;
				}
			}
	}
	news_buf_free(&b);
	free(copy);
	return 0;
}

static int
urldate(struct ex_meta *m, const char *u, int64_t *t)
{
	const char *p;
	int y, mo, d, k = 0;

	if (u == NULL)
		return 0;
	for (p = u; (p = strchr(p, '/')) != NULL; p++) {
		if (sscanf(p, "/%4d/%2d/%2d%n", &y, &mo, &d, &k) == 3 &&
		    y > 1994 && !isdigit((unsigned char)p[k]) &&
		    news_date_valid(y, mo, d)) {
			*t = news_days_from_civil(y, mo, d) * 86400;
			m->dateoff = m->datezone = m->datetime = 0;
			return *t <= m->now + 86400;
		}
		if (sscanf(p, "/%4d-%2d-%2d", &y, &mo, &d) == 3 && y > 1994 &&
		    news_date_valid(y, mo, d) && !isdigit((unsigned char)p[11])) {
			*t = news_days_from_civil(y, mo, d) * 86400;
			m->dateoff = m->datezone = m->datetime = 0;
			return *t <= m->now + 86400;
		}
		/* ".../meldungen/29-10-2021": a segment that is a date */
		if (strspn(p + 1, "0123456789-.") == 10 &&
		    (p[11] == '\0' || p[11] == '/' || p[11] == '?') &&
		    isdigit((unsigned char)p[1]) && p[3] == p[6] &&
		    (p[3] == '-' || p[3] == '.')) {
			char seg[12];

			memcpy(seg, p + 1, 10);
			seg[10] = '\0';
			if (dateok(m, seg, t))
				return 1;
		}
	}
	return 0;
}

/* 1 if a is an ancestor of n */
static int
holds(const xmlNode *a, const xmlNode *n)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* n is inside the <article> that holds the title */
static int
intitled(const struct ex_meta *m, const xmlNode *n)
{
	if (m == NULL || m->titleh1 == NULL)
		return 0;
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (is(n, "article"))
			return holds(n, m->titleh1);
	return 0;
}

/* a date inside comments, related posts, sidebars and teasers (unless
 * box is 0: a box but no link), footers: not ours */
static int
badplacein(const struct ex_meta *m, const xmlNode *n, int box)
{
	static const char *const words[] = {
		"comment", "related", "sidebar", "widget", "footer", "teaser",
		"recommend", "popular", "respond", "reply", "more-", "similar",
		"weitere", "trending", "newsletter", NULL
	};
	const char *const *w;
	const xmlNode *root = xmlDocGetRootElement(n->doc);
	int all = root != NULL && root->_private != NULL ?
	    ((struct ex_node *)root->_private)->text : 0;

	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent) {
		if (is(n, "body"))
			break;
		/* what holds the article's title is the article
		 * ("sticky-sidebar-parent") */
		if (m != NULL && m->titleh1 != NULL && holds(n, m->titleh1))
			break;
		/* a page wrapper is no place ("has-sidebar") */
		if (n->_private != NULL &&
		    ((struct ex_node *)n->_private)->text * 3 > all)
			continue;
		/* the footer of the article itself holds its date */
		if (is(n, "footer") && intitled(m, n))
			continue;
		if (is(n, "footer") || is(n, "aside") || is(n, "nav") ||
		    is(n, "option"))
			return 1;
		for (w = words; *w; w++)
			if ((box || (strcmp(*w, "sidebar") != 0 &&
			    strcmp(*w, "teaser") != 0)) && classhas(n, *w))
				return 1;
		if (!box && is(n, "a"))		/* a card for another page */
			return 1;
	}
	return 0;
}

static int
badplace(const struct ex_meta *m, const xmlNode *n)
{
	return badplacein(m, n, 1);
}

static int
baddateplace(const xmlNode *n)
{
	return badplace(NULL, n);
}

/* inside a comment, a form or a box of other pages ("related") */
static int
otherbox(const xmlNode *n)
{
	static const char *const words[] = {
		"comment", "respond", "reply", "related", "teaser",
		"recommend", "popular", "similar", "trending", NULL
	};
	const char *const *w;

	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent) {
		if (is(n, "form") || is(n, "a"))
			return 1;
		for (w = words; *w; w++)
			if (classhas(n, *w))
				return 1;
	}
	return 0;
}

/* "Published on ...", "Erschienen am ...": a publication date */
static int
pubtext(const char *s)
{
	static const char *const words[] = {
		"posted on", "published on", "published:",
		"veröffentlicht am", "veröffentlicht:", "erschienen am",
		"erstellt am", "publié le", "pubblicato il", "publicado el",
		"publicado em", "gepubliceerd op", NULL
	};
	const char *const *w;

	for (w = words; *w; w++)
		if (strcasestr(s, *w) != NULL)
			return 1;
	return 0;
}

/* a text that says it is the publication date, not in a comment or a
 * box of other pages */
static int
labelled(const struct dcand *c)
{
	return c->kind == DC_TEXT && pubtext((const char *)c->n->content) &&
	    !otherbox(c->n);
}

/* "Updated: ...", "Aktualisiert am ...": not the publication */
static int
updatetext(const char *s)
{
	static const char *const words[] = {
		"update", "aktualisiert", "stand:", "zuletzt", "last edited",
		"last modified", "geändert", "modifié", "mis à jour",
		"actualizado", "aggiornato", "atualizado", "bijgewerkt", NULL
	};
	const char *const *w;

	for (w = words; *w; w++)
		if (news_strcasestr(s, *w) != NULL)
			return 1;
	return 0;
}

/* an element marked as the date of a change */
static int
updnode(const xmlNode *n)
{
	const char *v;

	return (classhas(n, "update") || classhas(n, "modif") ||
	    ((v = news_html_attr(n, "itemprop")) != NULL &&
	    strcasecmp(v, "dateModified") == 0)) && !classhas(n, "publish");
}

/* "08.01.2020 - 02.02.2020": two dates, a span of time (a stay, an
 * event, an archive's captures), not a day of publication */
static int
span(struct ex_meta *m, char *s)
{
	static const char *const dashes[] = {
		" - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", NULL	/* - – — */
	};
	const char *const *d;
	char *p, c;
	long off = m->dateoff;
	int zone = m->datezone, tm = m->datetime, r = 0;
	int64_t x;

	for (d = dashes; *d && !r; d++) {
		if ((p = strstr(s, *d)) == NULL)
			continue;
		c = *p;
		*p = '\0';
		r = dateok(m, s, &x) && dateok(m, p + strlen(*d), &x);
		*p = c;
	}
	m->dateoff = off, m->datezone = zone, m->datetime = tm;
	return r;
}

/* a date in a data- attribute of n, for its scripts */
static int
attrdate(struct ex_meta *m, const xmlNode *n, int64_t *t)
{
	static const char *const names[] = {
		"data-date", "data-datetime", "data-published",
		"data-publish-date", "data-timestamp", "data-time", NULL
	};
	const char *const *a;
	const char *v;

	for (a = names; *a; a++) {
		if ((v = news_html_attr(n, *a)) == NULL)
			continue;
		/* Unix seconds (or milliseconds) */
		if (strspn(v, "0123456789") == strlen(v) &&
		    (strlen(v) == 10 || strlen(v) == 13)) {
			if (news_date_parse(v, 10, 0, NEWS_DATE_EPOCH, t,
			    NULL) != 0 || *t > m->now + 86400 ||
			    *t < 788918400)
				continue;
			m->dateoff = 0;
			m->datezone = m->datetime = 1;
			return 1;
		}
		if (dateok(m, v, t))
			return 1;
	}
	return 0;
}

/* the date of one DOM candidate */
static int
candate(struct ex_meta *m, const struct dcand *c, int64_t *t)
{
	const char *v;
	char *s, *p;
	int ok, at;

	if (c->kind != DC_TEXT && ((v = news_html_attr(c->n,
	    "datetime")) != NULL || (v = news_html_attr(c->n,
	    "content")) != NULL) && dateok(m, v, t))
		return 1;
	/* <div class="timeline__arrow" data-date="18. März 2020">, <span
	 * class="date" data-timestamp="1584533528">: an attribute for
	 * scripts */
	if (c->kind != DC_TEXT && attrdate(m, c->n, t))
		return 1;
	/* hAtom: <abbr class="published" title="2013-04-04T18:52:11Z"> */
	if (c->kind == DC_CLASS && (v = news_html_attr(c->n, "title")) !=
	    NULL && dateok(m, v, t))
		return 1;
	if (c->kind == DC_TEXT) {
		s = news_text_squeeze((const char *)c->n->content,
		    strlen((const char *)c->n->content));
		if (strlen(s) > 160) {		/* only its head */
			size_t k = DATELEAD;

			while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			s[k] = '\0';
		}
		/* "(21. November 2022) Energy customers ...": the date
		 * in brackets that opens a text */
		if ((*s == '(' || *s == '[') && isdigit((unsigned char)s[1]) &&
		    (p = strchr(s, *s == '(' ? ')' : ']')) != NULL)
			*s = *p = ' ';
	} else
		s = ex_node_text(c->n);
	ok = strstr(s, "©") == NULL && news_strcasestr(s, "copyright") == NULL &&
	    textdate(m, s, t, &at);
	/* a date deep in a sentence ("a satellite image of St. Moritz on
	 * 31.05.2021 (left)"): what the text tells of, not when */
	if (ok && c->kind == DC_TEXT && at > MAXLEAD)
		ok = 0;
	if (ok && c->kind == DC_TEXT && span(m, s))
		ok = 0;
	free(s);
	return ok;
}

/* "Ernährung sichern Schulze: ...": a kicker in the h1 before the
 * title */
static int
kicker(const char *h, const char *title)
{
	const char *p;

	if (strlen(title) < 16)
		return 0;
	for (p = strchr(h, ' '); p != NULL && p - h <= 60;
	    p = strchr(p + 1, ' '))
		if (same(p + 1, title))
			return 1;
	return 0;
}

/* the text offset of the h1 that holds the title, or -1 */
static long
titlepos(struct ex_meta *m, const char *title)
{
	long anchor = -1;
	char *h;
	int i;

	for (i = 0; i < m->nh1 && anchor < 0; i++) {
		h = ex_node_text(m->h1[i]);
		if (*h && (title == NULL || same(h, title) ||
		    prefix(h, title) || prefix(title, h) ||
		    kicker(h, title))) {
			anchor = m->h1pos[i];
			m->titleh1 = m->h1[i];
		}
		free(h);
	}
	return anchor;
}

/*
 * The visible date of the article: itemprop=datePublished first, else
 * the date nearest the title (after it rather than before), never one
 * in comments or related posts; of the date elements (text 0), of the
 * texts (1), or of either just below the title, in a sidebar or teaser
 * box too (2).
 */
static int
domdate(struct ex_meta *m, const char *title, int text, int64_t *t)
{
	long anchor = -1, d, bestd = -1, bestoff = 0;
	int bestzone = 0, besttime = 0;
	int64_t x, bestt = 0;
	int i;

	anchor = titlepos(m, title);
	for (i = 0; i < m->ndates; i++)
		if (m->dates[i].kind == DC_PROP &&
		    candate(m, &m->dates[i], t))
			return 1;
	for (i = 0; i < m->ndates; i++) {
		const struct dcand *c = &m->dates[i];

		if (c->kind == DC_PROP || (text < 2 && (c->kind == DC_TEXT) !=
		    text) || (text == 2 && (anchor < 0 || c->pos < anchor ||
		    c->pos - anchor > NEARTITLE)))
			continue;
		if (anchor < 0)
			d = c->pos;
		else if (c->pos >= anchor)
			d = c->pos - anchor;
		else
			d = 3 * (anchor - c->pos);
		/* far from the title: another story's, an event's, a
		 * notice's; an element marked as a date the last resort */
		if (anchor >= 0 && d > 6000) {
			if (c->kind == DC_TEXT && (c->n->parent == NULL ||
			    !is(c->n->parent, "title")) && !labelled(c))
				continue;
			d += 10000;
		}
		if (c->kind == DC_TEXT && updatetext((const char *)
		    c->n->content))
			d += 10000;
		else if (updnode(c->n) || (c->n->parent != NULL &&
		    c->n->parent->type == XML_ELEMENT_NODE &&
		    updnode(c->n->parent)))
			d += 10000;	/* the last resort */
		if (bestd >= 0 && d >= bestd)
			continue;
		/* a header holding the title: the dates of its own
		 * elements, not one in the title ("Results, 19.5.2007") */
		if (c->kind == DC_CLASS && m->titleh1 != NULL &&
		    holds(c->n, m->titleh1))
			continue;
		/* "Erschienen am: 01.11.2023" says what it is, in a box
		 * named a footer too (not in comments) */
		if ((badplacein(m, c->n, text < 2) && !labelled(c)) ||
		    !candate(m, c, &x))
			continue;
		bestd = d;
		bestt = x;
		bestoff = m->dateoff;
		bestzone = m->datezone;
		besttime = m->datetime;
	}
	if (bestd < 0)
		return 0;
	*t = bestt;
	m->dateupd = bestd >= 10000;
	m->dateoff = bestoff;
	m->datezone = bestzone;
	m->datetime = besttime;
	return 1;
}

static int64_t
daynum(int64_t t)
{
	return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

/* the smallest whole-hour offset that puts instant t on day, or -1 */
static long
hourfit(int64_t t, int64_t day)
{
	long h;

	for (h = 1; h <= 14; h++) {
		if (daynum(t - h * 3600) == day)
			return -h * 3600;
		if (daynum(t + h * 3600) == day)
			return h * 3600;
	}
	return -1;
}

/*
 * A page that gives its date in UTC ("...Z") but shows the reader its
 * local time or day, or has the day in its URL: keep the instant, show
 * it at the page's offset (from a visible time), or at the nearest
 * whole hour that gives the page's own day.
 */
static void
localize(struct ex_meta *m, const char *title, int64_t t)
{
	int64_t x, u = 0;
	long d, off = -1;
	int url, found = 0;

	if (ex_opt_utc || !m->datezone || m->dateoff != 0)
		return;
	url = urldate(m, m->url, &u) || urldate(m, m->canonical, &u);
	if (domdate(m, title, 0, &x) || domdate(m, title, 1, &x))
		found = !m->datezone;
	if (found && m->datetime) {
		d = (long)(x - t);
		if (d > -15 * 3600 && d < 15 * 3600) {
			d = (d >= 0 ? d + 450 : d - 450) / 900 * 900;
			if (d != 0 && x - t - d > -120 && x - t - d < 120 &&
			    (!url || daynum(t + d) == daynum(u)))
				off = d;
		}
	}
	if (off == -1 && url && daynum(u) != daynum(t))
		off = hourfit(t, daynum(u));
	/* "2025-11-06T23:00:00Z": a day stored at local midnight east of
	 * UTC, converted to UTC by the CMS; no one publishes on the hour */
	else if (off == -1 && !url && !found && m->datetime &&
	    t % 3600 == 0 && (t % 86400) / 3600 >= 20)
		off = 86400 - t % 86400;
	else if (off == -1 && !url && found && !m->datetime &&
	    daynum(x) != daynum(t))
		off = hourfit(t, daynum(x));
	m->dateoff = off == -1 ? 0 : off;
	m->datezone = 1;
}

static int updated(struct ex_meta *, int64_t *);

/*
 * A page whose metadata has an old publication date but that shows its
 * reader only the date of its last change, beside the title: the
 * article as it stands is from that day.
 */
static void
shown(struct ex_meta *m, const char *title, int64_t *t)
{
	int64_t x, u;
	long off = m->dateoff;
	int zone = m->datezone, tm = m->datetime;

	if ((urldate(m, m->url, &x) || urldate(m, m->canonical, &x)) &&
	    daynum(x) == daynum(*t + off)) {
		m->dateoff = off, m->datezone = zone, m->datetime = tm;
		return;		/* the address agrees */
	}
	if ((!domdate(m, title, 0, &x) && !domdate(m, title, 1, &x)) ||
	    m->dateupd) {
		m->dateoff = off, m->datezone = zone, m->datetime = tm;
		return;
	}
	x += m->datezone ? m->dateoff : 0;
	if (daynum(x) == daynum(*t + off) || !updated(m, &u) ||
	    daynum(u + m->dateoff) != daynum(x)) {
		m->dateoff = off, m->datezone = zone, m->datetime = tm;
		return;
	}
	*t = u;
}

/* RFC 3339 at the offset the page gave (UTC with --utc) */
static char *
datefmt(struct ex_meta *m, int64_t t, char *buf)
{
	char *s;

	if (!ex_opt_utc && (s = news_date_format_off(t, m->dateoff,
	    buf)) != NULL)
		return s;
	return news_date_format(t, buf);
}

/*
 * The meta tags and JSON-LD give two days: the one the page shows its
 * reader beside the title decides.
 */
static void
ldshown(struct ex_meta *m, const char *title, int64_t *t)
{
	int64_t l, x;
	long off = m->dateoff, loff;
	int zone = m->datezone, tm = m->datetime, lzone, ltm;

	if (!dateok(m, ldstr(m, "datePublished"), &l))
		goto keep;
	loff = m->dateoff, lzone = m->datezone, ltm = m->datetime;
	if (daynum(l + loff) == daynum(*t + off) ||
	    (!domdate(m, title, 0, &x) && !domdate(m, title, 1, &x)))
		goto keep;
	x += m->datezone ? m->dateoff : 0;
	if (daynum(x) != daynum(l + loff))
		goto keep;
	*t = l;
	m->dateoff = loff, m->datezone = lzone, m->datetime = ltm;
	return;
keep:
	m->dateoff = off, m->datezone = zone, m->datetime = tm;
}

/*
 * "publishDate":"2019-03-02T06:22:28+01:00" in a script's data (a shop's
 * product, a review's state, an app's props, JSON-LD that does not
 * parse), also inside a JSON string (\"pubDate\":\"...\"): the first
 * such key with a date.
 */
static int
scriptdate1(struct ex_meta *m, const char *s, int64_t *t)
{
	static const char *const keys[] = {
		"datePublished", "publishDate", "publishedDate", "publishedAt",
		"published_at", "publish_date", "published_date",
		"date_published", "pubDate", "publicationDate",
		"firstPublished", "first_published_at", NULL
	};
	const char *const *k;
	const char *p, *q, *e;
	char v[48];
	size_t l;

	for (p = s; (p = strchr(p, '"')) != NULL; p++) {
		/* what the keys open with */
		if (p[1] == '\0' || strchr("dDpPfF", p[1]) == NULL)
			continue;
		for (k = keys; *k; k++)
			if (strncasecmp(p + 1, *k, (l = strlen(*k))) == 0)
				break;
		if (*k == NULL)
			continue;
		q = p + 1 + l;
		if (*q == '\\')
			q++;
		if (*q++ != '"')
			continue;
		q += strspn(q, " \t");
		if (*q++ != ':')
			continue;
		q += strspn(q, " \t");
		if (*q == '\\')
			q++;
		if (*q++ != '"')
			continue;
		for (e = q; *e && *e != '"' && *e != '\\' && e - q < 40; e++)
			;
		if (*e != '"' && *e != '\\')
			continue;
		memcpy(v, q, (size_t)(e - q));
		v[e - q] = '\0';
		if (dateok(m, v, t))
			return 1;
	}
	return 0;
}

static int
scriptdate(struct ex_meta *m, int64_t *t)
{
	xmlChar *c;
	int i, ok = 0;

	for (i = 0; i < m->nscripts && !ok; i++) {
		if ((c = xmlNodeGetContent(m->scripts[i])) == NULL)
			continue;
		ok = scriptdate1(m, (const char *)c, t);
		xmlFree(c);
	}
	return ok;
}

static int
published(struct ex_meta *m, const char *title, int64_t *t)
{
	static const char *const keys[] = {
		"article:published_time", "og:published_time",
		"article:published", "published_time", "pubdate",
		"publish-date", "publish_date", "publishdate",
		"og:article:published_time", "dc.date.issued", "dcterms.issued",
		"sailthru.date", "parsely-pub-date", "citation_publication_date",
		"cxenseparse:recs:publishtime", "cxenseparse:publishtime",
		"shareaholic:article_published_time", "pub_date", "pdate",
		"date_published", "published-date", "publication_date",
		"publicationdate", "prism.publicationdate", "rnews:datepublished",
		"article_date_original", "dcsext.articlefirstpublished",
		"mediator_published_time", "twt-published-at",
		"vr:published_time", "citation_online_date", NULL
	};
	/* often the date of the last change or of the page's making:
	 * after the visible dates and the address */
	static const char *const weak[] = {
		"date", "dc.date", "dcterms.date", "dcterms.created",
		"dc.date.created", "citation_date", "article.published",
		"release_date", "datecreated", "created",
		"originalpublicationdate", NULL
	};
	const char *const *k;
	size_t i;
	json_t *o;

	/* the Open Graph and other meta conventions, then JSON-LD, then
	 * microdata (<meta itemprop>, maybe another item's) */
	for (k = keys; *k; k++)
		if (dateok(m, metaget(m, *k), t)) {
			ldshown(m, title, t);
			return 1;
		}
	if (dateok(m, ldstr(m, "datePublished"), t) ||
	    dateok(m, ldstr(m, "dateCreated"), t) ||
	    dateok(m, metaget(m, "datepublished"), t))
		return 1;
	/* another JSON-LD object of the page (a video, a web page) */
	json_array_foreach(m->ldall, i, o)
		if (o != m->ld && (dateok(m, ldget(m, o, "datePublished"), t) ||
		    dateok(m, ldget(m, o, "uploadDate"), t)))
			return 1;
	if (domdate(m, title, 0, t))
		return 1;
	if (urldate(m, m->url, t) || urldate(m, m->canonical, t) ||
	    urldate(m, metaget(m, "og:url"), t))
		return 1;
	if (domdate(m, title, 1, t))
		return 1;
	for (k = weak; *k; k++)
		if (dateok(m, metaget(m, *k), t))
			return 1;
	/* just below the title, in a box named a sidebar or teaser but
	 * not a link ("podcast-description__sidebar", "page__teaser-text"):
	 * the page's own all the same */
	if (domdate(m, title, 2, t))
		return 1;
	if (dateok(m, ldstr(m, "dateModified"), t))
		return 1;
	return scriptdate(m, t);
}

static int
updated(struct ex_meta *m, int64_t *t)
{
	static const char *const keys[] = {
		"article:modified_time", "og:updated_time", "datemodified",
		"dc.date.modified", "dcterms.modified", "article:modified",
		"modified_time", "lastmod", NULL
	};
	const char *const *k;

	if (dateok(m, ldstr(m, "dateModified"), t))
		return 1;
	for (k = keys; *k; k++)
		if (dateok(m, metaget(m, *k), t))
			return 1;
	return 0;
}

/* ---------- the rest ---------- */

static char *
langtag(const char *v)
{
	char buf[16];
	size_t i, n = 0;
	int sub = 0;

	if (v == NULL)
		return NULL;
	while (isspace((unsigned char)*v))
		v++;
	for (i = 0; v[i] != '\0' && n + 1 < sizeof(buf); i++) {
		char c = v[i];

		if (c == '_' || c == '-') {
			if (++sub > 1)
				break;
			buf[n++] = '-';
		} else if (isalpha((unsigned char)c))
			buf[n++] = (char)tolower((unsigned char)c);
		else
			break;
	}
	while (n > 0 && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	if (n < 2 || (strchr(buf, '-') ? strchr(buf, '-') - buf : (long)n) > 3)
		return NULL;
	return news_xstrdup(buf);
}

static void
addlist(json_t **arr, const char *v, int split)
{
	char *c, *p, *q, *t;
	size_t i;
	json_t *x;

	if (v == NULL)
		return;
	c = news_xstrdup(v);
	for (p = c; p != NULL; p = q) {
		q = split ? strchr(p, ',') : NULL;
		if (q != NULL)
			*q++ = '\0';
		if ((t = clean(p)) == NULL)
			continue;
		if (*arr == NULL)
			*arr = json_array();
		json_array_foreach(*arr, i, x)
			if (strcasecmp(json_string_value(x), t) == 0)
				break;
		if (i == json_array_size(*arr) && json_array_size(*arr) < 50)
			json_array_append_new(*arr, json_string(t));
		free(t);
	}
	free(c);
}

static char *
absurl(struct ex_meta *m, const char *v)
{
	char *u;

	if (v == NULL || *v == '\0')
		return NULL;
	u = news_url_resolve(m->base, v);
	if (u != NULL && !news_url_is_http(u)) {
		free(u);
		u = NULL;
	}
	return u;
}

static char *
ldimage(struct ex_meta *m)
{
	json_t *v;

	if (m->ld == NULL || (v = json_object_get(m->ld, "image")) == NULL)
		return NULL;
	if (json_is_array(v))
		v = json_array_get(v, 0);
	v = ldderef(m, v);
	if (json_is_object(v))
		v = json_object_get(v, "url");
	return json_is_string(v) ? absurl(m, json_string_value(v)) : NULL;
}

void
ex_meta_result(struct ex_meta *m, xmlNode *content, struct ex_result *r)
{
	const char *v;
	char *fn;
	int64_t t;
	char buf[NEWS_DATE_BUFSZ];
	int i;
	json_t *x;
	size_t j;

	sitename(m);
	r->title = title(m);
	if (m->site != NULL)
		r->site_name = news_xstrdup(m->site);
	r->author = author(m, r->title, content);
	if (r->author != NULL)
		listjoin(r->author);
	if (r->author != NULL && ((fn = fullname(m, r->author)) != NULL ||
	    (fn = loginname(m, r->author)) != NULL)) {
		free(r->author);
		r->author = fn;
	}
	if (published(m, r->title, &t)) {
		localize(m, r->title, t);
		shown(m, r->title, &t);
		if (datefmt(m, t, buf))
			r->published = news_xstrdup(buf);
	}
	if (updated(m, &t) && datefmt(m, t, buf))
		r->updated = news_xstrdup(buf);
	if ((v = metaget(m, "og:description")) == NULL &&
	    (v = metaget(m, "description")) == NULL &&
	    (v = metaget(m, "twitter:description")) == NULL)
		v = ldstr(m, "description");
	r->description = clean(v);
	r->lang = langtag(m->lang);
	if (r->lang == NULL)
		r->lang = langtag(metaget(m, "content-language"));
	if (r->lang == NULL)
		r->lang = langtag(metaget(m, "og:locale"));
	if (r->lang == NULL)
		r->lang = langtag(ldstr(m, "inLanguage"));
	if ((r->image = absurl(m, metaget(m, "og:image"))) == NULL &&
	    (r->image = absurl(m, metaget(m, "twitter:image"))) == NULL &&
	    (r->image = absurl(m, metaget(m, "twitter:image:src"))) == NULL)
		r->image = ldimage(m);
	if ((r->canonical_url = absurl(m, m->canonical)) == NULL)
		r->canonical_url = absurl(m, metaget(m, "og:url"));
	i = 0;
	while ((v = metanext(m, "article:section", &i)) != NULL)
		addlist(&r->categories, v, 0);
	if (m->ld != NULL && (x = json_object_get(m->ld, "articleSection"))) {
		if (json_is_string(x))
			addlist(&r->categories, json_string_value(x), 0);
		else if (json_is_array(x))
			json_array_foreach(x, j, x)
				if (json_is_string(x))
					addlist(&r->categories,
					    json_string_value(x), 0);
	}
	i = 0;
	while ((v = metanext(m, "article:tag", &i)) != NULL)
		addlist(&r->keywords, v, 0);
	addlist(&r->keywords, metaget(m, "news_keywords"), 1);
	if (r->keywords == NULL)
		addlist(&r->keywords, metaget(m, "keywords"), 1);
	if (r->keywords == NULL && m->ld != NULL &&
	    (x = json_object_get(m->ld, "keywords"))) {
		if (json_is_string(x))
			addlist(&r->keywords, json_string_value(x), 1);
		else if (json_is_array(x))
			json_array_foreach(x, j, x)
				if (json_is_string(x))
					addlist(&r->keywords,
					    json_string_value(x), 0);
	}
}

/* the first image of the content, for records without og:image */
char *
ex_meta_first_image(struct ex_meta *m, const xmlNode *content)
{
	const xmlNode *n = content;

	while (n != NULL) {
		if (is(n, "img")) {
			const char *v = news_html_attr(n, "src");

			if (v == NULL || strncmp(v, "data:", 5) == 0)
				v = news_html_attr(n, "data-src");
			return absurl(m, v);
		}
		n = ex_next(n, content);
	}
	return NULL;
}
