/*
 * news-tag: what each article is about: countries, category, tags,
 * keyphrases, a simhash, near-duplicates and related stories.
 */
#include <ctype.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "news.h"
#include "record.h"
#include "tag.h"

#define MAXCC 16

/* a record with nothing to tag, summed up once at the end */
static struct news_note notext = NEWS_NOTE("no title or text", "passed through", 0);

struct opts {
	struct gazetteer *gaz;
	struct rules *rules;
	struct stopwords *stop;
	struct kw *kw;
	struct dedup *dedup;
	struct related *related;
	struct counts *counts;
	char **held;		/* --related: records as JSON text */
	size_t nheld, capheld;
	struct doc doc;
	struct strlist tags, kws;
	int nkeywords;
};

static const char *const synopsis[] = {
	"[-qv] [-g gazetteer] [-r rules] [-k n] [-o file] [--dedup] "
	"[--dedup-bits k] [--related n] [--count [-f json | text]] [file ...]",
	NULL
};
static const struct news_opt_help opthelp[] = {
	{ "-g gazetteer", "load this gazetteer too (repeatable)" },
	{ "-r rules", "these tag rules instead of the default (none: no rules)" },
	{ "-k, --keywords n", "at most n keyphrases (default 10, 0: none)" },
	{ "-o file", "write to file instead of stdout" },
	{ "--dedup", "mark near duplicates (duplicate_of), 3 bits apart" },
	{ "--dedup-bits k", "the same, at most k bits apart (0 to 7)" },
	{ "--related n", "add the n most similar records (1 to 100)" },
	{ "--count", "how often each tag, category, country, keyword occurs" },
	{ "-f json | text", "--count output format (default json)" },
	{ "-q, -v", "quiet (one summary line a run), verbose" },
	{ "-h, --help", "this help" },
	{ "--version", "the version" },
	{ NULL, NULL }
};

static char *
pjoin(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = news_xmalloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static int
isfile(const char *dir, const char *name)
{
	char *p = pjoin(dir, name);
	int r = access(p, R_OK) == 0;

	free(p);
	return r;
}

/* -g/-r aside, data comes from $NEWS_DATADIR, the build tree, or the
 * compiled-in directory, the first that has places.tsv */
static char *
datadir(void)
{
	char exe[PATH_MAX], *s, *buf;
	const char *env = getenv("NEWS_DATADIR");
	ssize_t n;
	int up;

	if (env && *env) {
		buf = pjoin(env, "tag");
		if (isfile(buf, "places.tsv"))
			return buf;
		free(buf);
		if (isfile(env, "places.tsv"))
			return news_xstrdup(env);
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		for (up = 0; up < 4 && (s = strrchr(exe, '/')) != NULL; up++) {
			*s = '\0';
			buf = pjoin(exe, "build/tag");
			if (isfile(buf, "places.tsv") && isfile(exe, "cmd/news-tag/main.c"))
				return buf;
			free(buf);
		}
	}
	return pjoin(NEWS_DATADIR, "tag");
}

static json_t *
strarray(const struct strlist *l)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

static void
doc_lang(const struct opts *o, json_t *rec, char *out, size_t outlen)
{
	const char *l = news_record_str(rec, "lang");
	size_t i;

	out[0] = '\0';
	if (l && *l) {
		for (i = 0; l[i] && l[i] != '-' && l[i] != '_' && i + 1 < outlen; i++)
			out[i] = (char)tolower((unsigned char)l[i]);
		out[i] = '\0';
		return;
	}
	snprintf(out, outlen, "%s", stop_guess(o->stop, &o->doc));
}

static void
count_field(struct counts *c, json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key), *e;
	size_t i;

	if (json_is_string(v))
		counts_add(c, key, json_string_value(v));
	else if (json_is_array(v))
		json_array_foreach(v, i, e)
			if (json_is_string(e))
				counts_add(c, key, json_string_value(e));
}

static int
emit(struct opts *o, json_t *rec)
{
	char *s;

	if (o->counts) {
		count_field(o->counts, rec, "tags");
		count_field(o->counts, rec, "category");
		count_field(o->counts, rec, "countries");
		count_field(o->counts, rec, "keywords");
		return 0;
	}
	if (o->related) {
		json_object_del(rec, "related");
		if ((s = json_dumps(rec, JSON_COMPACT | JSON_REAL_PRECISION(15))) == NULL)
			news_fatal("out of memory");
		if (o->nheld == o->capheld) {
			o->capheld = o->capheld ? o->capheld * 2 : 1024;
			o->held = news_xreallocarray(o->held, o->capheld, sizeof(*o->held));
		}
		o->held[o->nheld++] = s;
		return 0;
	}
	if (news_record_write(rec, stdout) < 0)
		return NEWS_EXIT_FATAL;
	return 0;
}

static int
tag(json_t *rec, struct news_reader *r, void *arg)
{
	struct opts *o = arg;
	const char *title = news_record_str(rec, "title");
	const char *text = tag_body(rec);
	const char *category = NULL, *label, *dup;
	struct country_score cs[MAXCC];
	int cc[MAXCC], ncc, i;
	char hex[17];
	uint64_t h;
	json_t *a;

	struct doc *d = &o->doc;
	label = news_record_label(rec);
	if ((title == NULL || *title == '\0') && (text == NULL || *text == '\0')) {
		char where[512];

		snprintf(where, sizeof(where), "%s: %s", news_reader_where(r),
		    label ? label : "record");
		news_note(&notext, where);
		if (o->related)
			related_add(o->related, (doc_reset(d), d), o->stop, "", label);
		return emit(o, rec);
	}
	doc_reset(d);
	if (title)
		doc_add(d, title, strlen(title), 1);
	if (text)
		doc_add(d, text, strlen(text), 0);
	doc_lang(o, rec, d->lang, sizeof(d->lang));
	doc_mark_stop(d, o->stop, d->lang);

	ncc = countries_find(o->gaz, d, cs, MAXCC);
	a = json_array();
	for (i = 0; i < ncc; i++) {
		char code[3] = { (char)('A' + cs[i].cc / 26), (char)('A' + cs[i].cc % 26), 0 };
		cc[i] = cs[i].cc;
		json_array_append_new(a, json_string(code));
	}
	json_object_set_new(rec, "countries", a);
	strlist_clear(&o->tags);
	rules_apply(o->rules, d, cc, ncc, &o->tags, &category);
	if (category == NULL && ncc > 0)
		category = gaz_label(o->gaz, cc[0]);
	if (category)
		json_object_set_new(rec, "category", json_string(category));
	else
		json_object_del(rec, "category");
	json_object_set_new(rec, "tags", strarray(&o->tags));
	strlist_clear(&o->kws);
	keywords_find(o->kw, o->stop, d, d->lang, &o->kws, o->nkeywords);
	json_object_set_new(rec, "keywords", strarray(&o->kws));
	h = simhash_doc(d, o->stop, d->lang);
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)h);
	json_object_set_new(rec, "simhash", json_string(hex));
	if (o->dedup) {
		json_object_del(rec, "duplicate_of");
		if ((dup = dedup_check(o->dedup, h, label)) != NULL && *dup)
			json_object_set_new(rec, "duplicate_of", json_string(dup));
	}
	if (o->related)
		related_add(o->related, d, o->stop, d->lang, label);
	return emit(o, rec);
}

static void
flush_related(struct opts *o)
{
	size_t i, k, n, len;
	const char **lab;
	json_t *a;
	char *s;

	related_run(o->related);
	for (i = 0; i < o->nheld && !ferror(stdout); i++) {
		n = related_get(o->related, i, &lab);
		len = strlen(o->held[i]);
		if (len > 0 && o->held[i][len - 1] == '}') {
			a = json_array();
			for (k = 0; k < n; k++)
				json_array_append_new(a, json_string(lab[k]));
			s = json_dumps(a, JSON_COMPACT);
			json_decref(a);
			fwrite(o->held[i], 1, len - 1, stdout);
			printf("%s\"related\":%s}\n", len > 2 ? "," : "", s ? s : "[]");
			free(s);
		} else
			printf("%s\n", o->held[i]);
		free(o->held[i]);
	}
	free(o->held);
}

static void
load_data(struct opts *o, char **gaz, int ngaz, char **rules, int nrules)
{
	char *dir = datadir(), *path;
	int i;

	o->gaz = gaz_new();
	path = pjoin(dir, "territories.tsv");
	if (gaz_territories(o->gaz, path) < 0)
		news_fatal("%s: cannot load the territory table", path);
	free(path);
	path = pjoin(dir, "iso.tsv");
	if (gaz_load(o->gaz, path) < 0)
		news_fatal("%s: cannot load the gazetteer (set NEWS_DATADIR)", path);
	free(path);
	path = pjoin(dir, "places.tsv");
	if (gaz_load(o->gaz, path) < 0)
		news_fatal("%s: cannot load the gazetteer", path);
	for (i = 0; i < ngaz; i++)
		if (gaz_load(o->gaz, gaz[i]) < 0)
			exit(NEWS_EXIT_USAGE);
	o->rules = rules_new();
	free(path);
	path = pjoin(dir, "m49.tsv");
	if (regions_load(o->rules, path) < 0)
		news_fatal("%s: cannot load the region table", path);
	if (nrules == 0) {
		free(path);
		path = pjoin(dir, "rules.txt");
		if (access(path, R_OK) == 0 && rules_load(o->rules, path) < 0)
			exit(NEWS_EXIT_USAGE);
	}
	for (i = 0; i < nrules; i++)
		if (strcmp(rules[i], "none") != 0 && rules_load(o->rules, rules[i]) < 0)
			exit(NEWS_EXIT_USAGE);
	o->stop = stop_load(dir);
	o->kw = kw_new();
	free(path);
	free(dir);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dedup", no_argument, NULL, 'D' },
		{ "dedup-bits", required_argument, NULL, 'B' },
		{ "related", required_argument, NULL, 'R' },
		{ "count", no_argument, NULL, 'C' },
		{ "keywords", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o;
	char **gaz, **rules;
	const char *errstr, *format = "json";
	int c, ngaz = 0, nrules = 0, dedup = 0, bits = 3, related = 0, count = 0;
	int status;

	news_setprog(argv[0]);
	argv[0] = (char *)news_getprog();	/* getopt names us by argv[0] */
	memset(&o, 0, sizeof(o));
	o.nkeywords = 10;
	gaz = news_xcalloc((size_t)argc + 1, sizeof(*gaz));
	rules = news_xcalloc((size_t)argc + 1, sizeof(*rules));
	while ((c = getopt_long(argc, argv, "g:r:o:f:k:qvh", longopts, NULL)) != -1) {
		switch (c) {
		case 'g': gaz[ngaz++] = optarg; break;
		case 'r': rules[nrules++] = optarg; break;
		case 'o':
			if (freopen(optarg, "w", stdout) == NULL)
				news_fatal("%s:", optarg);
			break;
		case 'f':
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0)
				news_fatal("-f %s: expected json or text", optarg);
			format = optarg;
			break;
		case 'k':
			o.nkeywords = (int)news_strtonum(optarg, 0, 100, &errstr);
			if (errstr)
				news_fatal("--keywords %s: %s", optarg, errstr);
			break;
		case 'D': dedup = 1; break;
		case 'B':
			bits = (int)news_strtonum(optarg, 0, 7, &errstr);
			if (errstr)
				news_fatal("--dedup-bits %s: %s (0 to 7)", optarg, errstr);
			dedup = 1;
			break;
		case 'R':
			related = (int)news_strtonum(optarg, 1, 100, &errstr);
			if (errstr)
				news_fatal("--related %s: %s (1 to 100)", optarg, errstr);
			break;
		case 'C': count = 1; break;
		case 'q': news_quiet = 1; break;
		case 'v': news_verbose = 1; break;
		case 'V': news_version();
		case 'h':
			news_help(synopsis, "What each article is about: countries, "
			    "category, tags, keyphrases,\nsimhash, duplicates and "
			    "related stories.", opthelp);
		default: news_usage(synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	if (pledge("stdio rpath", NULL) == -1)
		news_fatal("pledge:");
	load_data(&o, gaz, ngaz, rules, nrules);
	doc_init(&o.doc);
	if (dedup)
		o.dedup = dedup_new(bits);
	if (related && !count)
		o.related = related_new(related);
	if (count)
		o.counts = counts_new();
	status = news_records_foreach(argc, argv, tag, &o);
	if (o.related)
		flush_related(&o);
	if (o.counts)
		counts_print(o.counts, strcmp(format, "text") == 0);
	dedup_free(o.dedup);
	related_free(o.related);
	counts_free(o.counts);
	gaz_free(o.gaz);
	rules_free(o.rules);
	stop_free(o.stop);
	kw_free(o.kw);
	tag_body(NULL);
	doc_free(&o.doc);
	strlist_free(&o.tags);
	strlist_free(&o.kws);
	free(gaz);
	free(rules);
	news_notes_end();
	c = news_fshut(stdout, "<stdout>");
	return c ? c : status;
}
