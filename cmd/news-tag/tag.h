/*
 * tag.h: news-tag's modules: tokens, gazetteer, countries, rules and
 * regions, keyphrases, simhash, related stories, the body text, counts.
 */
#ifndef TAG_H
#define TAG_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

/* ---- tokens (tok.c) ---- */
enum {
	T_WORD = 1 << 0,	/* letters or digits */
	T_CAP = 1 << 1,		/* starts with an upper-case letter */
	T_UPPER = 1 << 2,	/* every letter upper case (2 letters or more) */
	T_SENT = 1 << 3,	/* first word of a sentence */
	T_PARA = 1 << 4,	/* first token of a paragraph */
	T_TITLE = 1 << 5,	/* in the title */
	T_CAPSCTX = 1 << 6,	/* in an all-capitals sentence or title */
	T_DIGIT = 1 << 7,	/* starts with a digit */
	T_DOTS = 1 << 8,	/* an abbreviation with dots (U.S.) */
	T_ALPHA = 1 << 9,	/* has a letter */
	T_STOP = 1 << 10,	/* a stopword (after doc_mark_stop) */
	T_SPACED = 1 << 11	/* white space (or the start) before it */
};

struct tok {
	uint64_t h;		/* hash of the folded form */
	uint32_t off, len;	/* bytes of the source */
	uint32_t foff;		/* folded form in doc->fold */
	uint16_t flen;
	uint16_t flags;
	uint32_t para, sent;	/* paragraph and sentence numbers */
	const char *src;	/* title or text */
};

struct doc {
	struct tok *t;
	size_t n, cap;
	char *fold;		/* folded forms, NUL-separated */
	size_t foldlen, foldcap;
	uint32_t nsent, npara;
	uint32_t title_end;	/* tokens [0, title_end) are the title */
	char lang[8];		/* "en", "de", ... or "" */
};

void doc_init(struct doc *d);
void doc_reset(struct doc *d);
void doc_free(struct doc *d);
/* tokenize src[0..len) and append; title marks tokens T_TITLE */
void doc_add(struct doc *d, const char *src, size_t len, int title);
static inline const char *
tok_fold(const struct doc *d, const struct tok *t)
{
	return d->fold + t->foff;
}
/* fold (lower-case, strip accents) an arbitrary string into a new string */
char *tag_fold(const char *s, size_t len);
uint64_t tag_hash(const char *s, size_t len);
/* combine phrase hash with the next token hash */
static inline uint64_t
tag_hcomb(uint64_t ph, uint64_t th)
{
	return (ph ^ th) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
}
#define TAG_HINIT NEWS_HASH_INIT

/* ---- gazetteer (gazetteer.c) ---- */
enum gkind {
	K_NONE, K_LABEL, K_NAME, K_OFFICIAL, K_ALT, K_ABBR, K_DEMONYM,
	K_CAPITAL, K_CITY, K_REGION, K_PERSON, K_WEAK
};
enum {
	G_CASE = 1 << 0,	/* match only as written */
	G_COMMON = 1 << 1,	/* also a common word (turkey, china) */
	G_PERSON = 1 << 2,	/* also a person's name (Jordan, Georgia) */
	G_WEAK = 1 << 3,	/* weak evidence */
	G_CHOOSE = 1 << 4,	/* several codes: one of them, from context */
	G_AFTER = 1 << 5	/* only after a comma (Calif., Ont.) */
};

struct reading {
	uint16_t cc[4];		/* country indexes (CC_INDEX) */
	uint8_t ncc;
	uint8_t kind;
	uint16_t flags;
	uint32_t capmask;	/* tokens that must be capitalised */
	uint64_t casehash;	/* G_CASE: hash of the exact tokens */
	char lang[4];		/* "" any language */
	uint16_t file;
};

struct gent {
	uint64_t h;
	char *key;		/* folded tokens joined by ' ' (NULL: prefix only) */
	struct reading *r;
	uint16_t nr;
	uint8_t prefix;		/* a longer entry starts with this */
	uint8_t ntok;
};

#define CC_INDEX(a, b) (((a) - 'A') * 26 + ((b) - 'A'))
#define NCC (26 * 26)

struct gazetteer;
struct gazetteer *gaz_new(void);
/* load a file; returns 0, or -1 (reported) */
int gaz_load(struct gazetteer *g, const char *path);
/* the territory table (TERRITORY<TAB>SOVEREIGN lines), before gaz_load */
int gaz_territories(struct gazetteer *g, const char *path);
void gaz_free(struct gazetteer *g);
const struct gent *gaz_find(const struct gazetteer *g, uint64_t h);
/* the longest entry at token i: returns its token count, 0 if none */
int gaz_match(const struct gazetteer *g, const struct doc *d, size_t i,
    const struct gent **out);
/* the same, with the hash h0 standing for token i's (a part of it) */
int gaz_match_from(const struct gazetteer *g, const struct doc *d, size_t i,
    uint64_t h0, const struct gent **out);
const char *gaz_label(const struct gazetteer *g, int cc);
int gaz_maxtok(const struct gazetteer *g);
int gaz_check_case(const struct reading *r, const struct doc *d, size_t i, int n);

/* ---- countries (countries.c) ---- */
struct country_score {
	int cc;
	double score;
};
/* the countries of doc, most salient first; returns how many (<= max) */
int countries_find(const struct gazetteer *g, const struct doc *d,
    struct country_score *out, int max);

/* ---- rules and regions (rules.c) ---- */
struct rules;
struct rules *rules_new(void);
int rules_load(struct rules *r, const char *path);
int regions_load(struct rules *r, const char *path);
void rules_free(struct rules *r);
struct strlist {
	char **v;
	size_t n, cap;
};
void strlist_add(struct strlist *l, const char *s);	/* no duplicates */
void strlist_clear(struct strlist *l);
void strlist_free(struct strlist *l);
/* tags from phrases and from the countries' regions; *category set when
 * a category rule matched (points into r) */
void rules_apply(const struct rules *r, const struct doc *d, const int *cc,
    int ncc, struct strlist *tags, const char **category);

/* ---- keyphrases (keywords.c, stopwords.c) ---- */
struct stopwords;
struct stopwords *stop_load(const char *dir);
void stop_free(struct stopwords *s);
/* guess the language of doc among the loaded lists; "" when unsure */
const char *stop_guess(const struct stopwords *s, const struct doc *d);
int stop_is(const struct stopwords *s, const char *lang, const char *w, size_t n);
/* set T_STOP on the stopwords of doc in lang */
void doc_mark_stop(struct doc *d, const struct stopwords *s, const char *lang);
struct kw;
struct kw *kw_new(void);
void kw_free(struct kw *k);
void keywords_find(struct kw *k, const struct stopwords *s, const struct doc *d,
    const char *lang, struct strlist *out, int max);

/* ---- simhash and near-duplicates (simhash.c) ---- */
uint64_t simhash_doc(const struct doc *d, const struct stopwords *s, const char *lang);
struct dedup;
struct dedup *dedup_new(int threshold);
/* label of the first record of the cluster h belongs to, or NULL (then
 * h is added with label) */
const char *dedup_check(struct dedup *dd, uint64_t h, const char *label);
void dedup_free(struct dedup *dd);

/* ---- related stories (related.c) ---- */
struct related;
struct related *related_new(int n);
void related_add(struct related *rl, const struct doc *d, const struct stopwords *s,
    const char *lang, const char *label);
/* compute; then related_get(i) lists the labels of record i's neighbours */
void related_run(struct related *rl);
size_t related_get(const struct related *rl, size_t i, const char ***labels);
void related_free(struct related *rl);

/* ---- the text besides the title (body.c) ---- */
struct json_t;
/* text, else the text of the HTML content, else of summary, or NULL;
 * valid until the next call (tag_body(NULL) frees) */
const char *tag_body(struct json_t *rec);

/* ---- counts (count.c) ---- */
struct counts;
struct counts *counts_new(void);
void counts_add(struct counts *c, const char *field, const char *value);
void counts_print(struct counts *c, int text);
void counts_free(struct counts *c);

#endif
