/*
 * Fuzz target for news-tag's tagger: tokens, countries, rules and
 * regions, keyphrases, simhash, near-duplicates and related stories over
 * arbitrary title and text bytes.  The data comes from $NEWS_DATADIR or
 * build/tag (make builds it).  Input: first byte picks the language,
 * then title '\n' text; the text split at '\f' gives several records.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "tag.h"

static struct gazetteer *gaz;
static struct rules *rules;
static struct stopwords *stop;
static struct kw *kw;

static void
load(void)
{
	const char *dir = getenv("NEWS_DATADIR");
	char path[4096];

	if (dir == NULL)
		dir = "build/tag";
	gaz = gaz_new();
	snprintf(path, sizeof(path), "%s/iso.tsv", dir);
	if (gaz_load(gaz, path) < 0)
		abort();
	snprintf(path, sizeof(path), "%s/places.tsv", dir);
	if (gaz_load(gaz, path) < 0)
		abort();
	rules = rules_new();
	snprintf(path, sizeof(path), "%s/m49.tsv", dir);
	if (regions_load(rules, path) < 0)
		abort();
	snprintf(path, sizeof(path), "%s/rules.txt", dir);
	if (rules_load(rules, path) < 0)
		abort();
	stop = stop_load(dir);
	kw = kw_new();
}

static void
tag_one(struct doc *d, const char *title, const char *text, const char *lang,
    struct dedup *dd, struct related *rl)
{
	struct country_score cs[16];
	struct strlist tags = { 0 }, kws = { 0 };
	const char *category;
	int cc[16], n, i;
	size_t k;
	uint64_t h;

	doc_reset(d);
	doc_add(d, title, strlen(title), 1);
	doc_add(d, text, strlen(text), 0);
	snprintf(d->lang, sizeof(d->lang), "%s", *lang ? lang : stop_guess(stop, d));
	doc_mark_stop(d, stop, d->lang);
	n = countries_find(gaz, d, cs, 16);
	for (i = 0; i < n; i++) {
		if (cs[i].cc < 0 || cs[i].cc >= NCC || gaz_label(gaz, cs[i].cc) == NULL)
			abort();
		cc[i] = cs[i].cc;
	}
	rules_apply(rules, d, cc, n, &tags, &category);
	keywords_find(kw, stop, d, d->lang, &kws, 10);
	if (kws.n > 10)
		abort();
	for (k = 0; k < kws.n; k++)
		if (kws.v[k][0] == '\0')
			abort();
	h = simhash_doc(d, stop, d->lang);
	dedup_check(dd, h, title);
	related_add(rl, d, stop, d->lang, title);
	strlist_free(&tags);
	strlist_free(&kws);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "", "en", "de", "fr", "ru", "xx" };
	char *buf, *title, *text, *part, *next, *nl;
	const char **lab;
	struct doc d;
	struct dedup *dd;
	struct related *rl;
	size_t i, n = 0;

	if (gaz == NULL)
		load();
	if (size == 0)
		return 0;
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	title = buf;
	text = "";
	if ((nl = strchr(buf, '\n')) != NULL) {
		*nl = '\0';
		text = nl + 1;
	}
	doc_init(&d);
	dd = dedup_new(data[0] % 8);
	rl = related_new(1 + data[0] % 4);
	for (part = text; part; part = next) {
		if ((next = strchr(part, '\f')) != NULL)
			*next++ = '\0';
		tag_one(&d, title, part, langs[data[0] % 6], dd, rl);
		n++;
	}
	related_run(rl);
	for (i = 0; i < n; i++)
		if (related_get(rl, i, &lab) > (size_t)(1 + data[0] % 4))
			abort();
	related_free(rl);
	dedup_free(dd);
	doc_free(&d);
	free(buf);
	return 0;
}
