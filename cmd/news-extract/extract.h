/*
 * extract.h: news-extract's modules.
 *
 *   extract.c    one page: parse, metadata, content, output fields
 *   score.c      choose the article block and prune boilerplate in it
 *   meta.c       title, author, dates, site name, lang... from the page
 *   assistant.c  leaked chatbot text
 *   lang.c       a language guess for pages that declare none
 */
#ifndef EXTRACT_H
#define EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>

#include "buf.h"
#include "htmltext.h"

/* The result of one page; every string malloc'd or NULL. */
struct ex_result {
	char *title, *site_name, *author, *published, *updated;
	char *description, *lang, *image, *canonical_url;
	char *text, *content;
	size_t word_count;
	json_t *categories, *keywords, *warnings;	/* arrays or NULL */
};

enum ex_status {
	EX_OK = 0,
	EX_NOARTICLE = 1,	/* metadata only: no article text found */
	EX_TOOBIG = 2,		/* larger than NEWS_HTML_MAX: nothing done */
	EX_EMPTY = 3,		/* no document (empty, unparsable) */
	EX_BINARY = 4,		/* not text */
	EX_TOODEEP = 5		/* no article text in what was read: the page
				 * nests deeper than the parser's limit */
};

/* extract.c */
extern int ex_opt_utc;	/* --utc: dates in UTC, not the page's offset */
int ex_extract(const char *html, size_t len, const char *url,
    const char *content_type, struct ex_result *r);
void ex_result_free(struct ex_result *r);
const char *ex_status_msg(int status);
void ex_warn(struct ex_result *r, const char *type, const char *msg);

/* per-node facts, reached through xmlNode._private during a page */
struct ex_node {
	double v;		/* the block's own value */
	double score;		/* subtree sum of v */
	double pos;		/* positive part of score (damped below neg) */
	int text;		/* characters of text in the subtree */
	int link;		/* of which inside links */
	int own;		/* text directly in this block (inline) */
	int ownlink;
	int punct;		/* sentence punctuation in own text */
	int ncomma;
	short klass;		/* class/id evidence: <0 boilerplate, >0 article */
	unsigned char block, inlink, neg, hidden;
	unsigned char small;	/* boilerplate if its text is short */
	unsigned char prose;	/* no boilerplate if long prose */
};

/* the metadata gathered from a page (meta.c), borrowed from the doc */
struct ex_meta;

/* score.c */
xmlNode *ex_find_content(htmlDocPtr doc, struct ex_meta *m);
void ex_prune(xmlNode *top, struct ex_meta *m);
void ex_cut_tail(xmlNode *top);
void ex_score_done(void);
int ex_class_evidence(const xmlNode *n);

/* meta.c */
struct ex_meta *ex_meta_new(htmlDocPtr doc, const char *url);
void ex_meta_free(struct ex_meta *m);
void ex_meta_result(struct ex_meta *m, xmlNode *content, struct ex_result *r);
const char *ex_meta_base(const struct ex_meta *m);
const char *ex_meta_article_body(const struct ex_meta *m);
const xmlNode *ex_meta_title_node(const struct ex_meta *m);
char *ex_meta_first_image(struct ex_meta *m, const xmlNode *content);

/* assistant.c: remove leaked assistant text below top (warnings in r) */
void ex_assistant_prune(xmlNode *top, struct ex_result *r);
/* 1 if the sentence s (len bytes) reads like a chatbot talking to its user */
int ex_assistant_sentence(const char *s, size_t len);

/* lang.c: "en", "de", "zh"... from the text (malloc'd), or NULL */
char *ex_lang_guess(const char *text);

/* small helpers (extract.c) */
int ex_name_is(const xmlNode *n, const char *name);
char *ex_node_text(const xmlNode *n);	/* squeezed text content */
/* the next node after n in document order within top, or NULL */
const xmlNode *ex_next(const xmlNode *n, const xmlNode *top);

#endif
