/*
 * assistant.c: chatbot replies pasted into articles ("If you want, I can
 * help you...", "As an AI language model...").
 *
 * A sentence is assistant text when it holds one of the phrases below,
 * the phrase is not inside quotation marks, and the sentence does not
 * attribute it to someone (said, wrote, replied, the chatbot, ...): a
 * story about chatbots that quotes them is left alone.  A block whose
 * sentences are all assistant text is removed; otherwise the flagged
 * sentences are cut from it (its inline markup is then flattened).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "news.h"
#include "buf.h"
#include "text.h"
#include "extract.h"

/* phrases (lower case) that, unquoted, mark a chatbot talking */
static const char *const phrases[] = {
	"as an ai language model", "as an ai model", "as a language model",
	"as an ai assistant", "i am an ai", "i'm an ai", "i’m an ai",
	"my knowledge cutoff", "my training data", "as of my last update",
	"as of my knowledge cutoff", "i hope this helps", "hope this helps!",
	"let me know if you", "let me know whether you", "feel free to ask",
	"feel free to let me know", "would you like me to", "do you want me to",
	"if you want, i can", "if you'd like, i can", "if you’d like, i can",
	"if you would like, i can", "if you want i can", "i can help you",
	"i can also help", "i can help with", "i can also provide",
	"i can also create", "i can also make", "i can also rewrite",
	"i can also expand", "i can also add", "here is a suggestion",
	"here's a suggestion", "here’s a suggestion", "here is a rewritten",
	"here's a rewritten", "here’s a rewritten", "here is a revised",
	"here's a revised", "here’s a revised", "here is the rewritten",
	"here's the rewritten", "here’s the rewritten", "here is the revised",
	"here's the revised", "here’s the revised", "here is an improved",
	"here's an improved", "here’s an improved", "here is a polished",
	"here's a polished", "here’s a polished", "it looks like the last",
	"it looks like your", "it seems like your", "it seems the last",
	"it looks like the table", "i apologize for the confusion",
	"sorry for the confusion", "i cannot browse", "i can't browse",
	"i don't have access to real-time", "i do not have access to real-time",
	"i can't assist with", "i cannot assist with", "i'm happy to help",
	"happy to help!", "let me know which", "shall i continue",
	"should i continue", "want me to continue", "would you like a",
	"would you prefer", "i’ve rewritten", "i've rewritten",
	"i have rewritten", "here is the continuation", "here's the continuation",
	"here’s the continuation", "here is the completed", "here's the completed",
	"here’s the completed", "i can finalize", "i can help finalize",
	"help you finalize", NULL
};

/* sentence openers that are assistant text by themselves */
static const char *const openers[] = {
	"certainly! ", "certainly, here", "sure! ", "sure, here",
	"absolutely! ", "of course! ", "great question", "got it! ",
	"okay, here", "ok, here", NULL
};

static const char *const attrib[] = {
	" said", " says", " wrote", " writes", " replied", " replies",
	" responded", " responds", " answered", " answers", " told",
	"according to", " typed", " asked", "chatbot", "chatgpt", " gpt",
	" claude", " gemini", " copilot", " bard", " the bot", " the ai ",
	" quoted", " reads", " read:", " output", " response", "prompt",
	NULL
};

/* is position pos of s inside quotation marks? */
static int
quoted(const char *s, size_t pos)
{
	size_t i;
	int dq = 0, cq = 0;

	for (i = 0; i < pos; i++) {
		const unsigned char *p = (const unsigned char *)s + i;

		if (*p == '"')
			dq = !dq;
		else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C ||
		    p[2] == 0x9E))		/* “ „ */
			cq++;
		else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x9D)
			cq--;
		else if (p[0] == 0xC2 && p[1] == 0xAB)	/* « */
			cq++;
		else if (p[0] == 0xC2 && p[1] == 0xBB)
			cq--;
	}
	return dq || cq > 0;
}

/*
 * Most sentences hold none of the phrases: a bitmap of the sentence's
 * four-byte windows (hashed) lets strstr run only for the phrases whose
 * first four bytes occur somewhere in it.
 */
#define GRAMBITS 12

static unsigned
gram(const char *s)
{
	uint32_t v;

	memcpy(&v, s, 4);
	return (unsigned)((v * 2654435761u) >> (32 - GRAMBITS));
}

int
ex_assistant_sentence(const char *s, size_t len)
{
	static unsigned pgram[sizeof(phrases) / sizeof(phrases[0])];
	static int init;
	uint64_t seen[(1 << GRAMBITS) / 64];
	char low[1024];
	const char *const *p;
	const char *hit = NULL;
	unsigned g;
	size_t i, n;

	if (!init) {
		for (p = phrases; *p; p++)
			pgram[p - phrases] = gram(*p);
		init = 1;
	}

	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	if (len < 8 || len >= sizeof(low))
		return 0;
	for (i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[len] = '\0';
	/* a quotation at the start: the sentence quotes someone */
	if (low[0] == '"' || strncmp(low, "“", 3) == 0 ||
	    strncmp(low, "«", 2) == 0 || strncmp(low, "„", 3) == 0)
		return 0;
	for (p = openers; *p && hit == NULL; p++)
		if (strncmp(low, *p, strlen(*p)) == 0)
			hit = low;
	memset(seen, 0, sizeof(seen));
	for (i = 0; i + 4 <= len; i++) {
		g = gram(low + i);
		seen[g / 64] |= (uint64_t)1 << (g % 64);
	}
	for (p = phrases; *p && hit == NULL; p++) {
		g = pgram[p - phrases];
		if (seen[g / 64] & (uint64_t)1 << (g % 64))
			hit = strstr(low, *p);
	}
	if (hit == NULL)
		return 0;
	n = (size_t)(hit - low);
	if (quoted(low, n))
		return 0;
	for (p = attrib; *p; p++)
		if (strstr(low, *p) != NULL)
			return 0;
	return 1;
}

/* split text into sentences: ends after . ! ? (and CJK 。！？) + space */
static size_t
sentend(const char *s, size_t i, size_t len)
{
	for (; i < len; i++) {
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    (i + 1 == len || s[i + 1] == ' '))
			return i + 1;
		if (s[i] == '\n')
			return i + 1;
	}
	return len;
}

static int
leafblock(const xmlNode *n)
{
	const xmlNode *c;
	const char *name = (const char *)n->name;

	if (!news_html_is_block(name) || strcmp(name, "tr") == 0 ||
	    strcmp(name, "table") == 0 || strcmp(name, "tbody") == 0 ||
	    strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && news_html_is_block((const char *)
		    c->name))
			return 0;
	return 1;
}

/* "Certainly!", "Sure!", "Of course!": the opening of a chatbot reply,
 * left alone once the reply after it is gone */
static int
interjection(const char *s, size_t len)
{
	static const char *const words[] = {
		"certainly", "sure", "of course", "absolutely", "sure thing",
		"great question", "good question", "got it", "okay", "ok",
		"here you go", "alright", "all right", "understood", "gladly",
		"happy to help", "no problem", "great", "yes", NULL
	};
	const char *const *w;

	while (len > 0 && (*s == ' ' || *s == '\n'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' ||
	    s[len - 1] == '!' || s[len - 1] == '.' || s[len - 1] == ',' ||
	    s[len - 1] == ':'))
		len--;
	for (w = words; *w; w++)
		if (strlen(*w) == len && strncasecmp(s, *w, len) == 0)
			return 1;
	return 0;
}

/* check one block; returns 1 when it was removed entirely */
static int
block(xmlNode *n, struct ex_result *r)
{
	char *t = ex_node_text(n);
	size_t len = strlen(t), i, e;
	struct news_buf keep = NEWS_BUF_INIT, gone = NEWS_BUF_INIT;
	int nflag = 0, nsent = 0, nint = 0, removed = 0;

	for (i = 0; i < len; i = e) {
		e = sentend(t, i, len);
		nsent++;
		if (interjection(t + i, e - i))
			nint++;
		if (ex_assistant_sentence(t + i, e - i)) {
			nflag++;
			if (gone.len)
				news_buf_addc(&gone, ' ');
			while (i < e && t[i] == ' ')
				i++;
			news_buf_add(&gone, t + i, e - i);
		} else
			news_buf_add(&keep, t + i, e - i);
	}
	if (nflag > 0) {
		struct news_buf msg = NEWS_BUF_INIT;

		news_buf_adds(&msg, "removed: ");
		news_buf_add(&msg, gone.s, gone.len > 200 ? 200 : gone.len);
		if (gone.len > 200)
			news_buf_adds(&msg, "...");
		{
			char *fixed = news_utf8_repair(msg.s, msg.len, NULL);

			ex_warn(r, "assistant_text", fixed);
			free(fixed);
		}
		news_buf_free(&msg);
		/* what is left is only "Certainly!": it goes too */
		if (nflag + nint >= nsent || keep.len == 0) {
			removed = 1;
		} else {
			char *k = news_text_squeeze(keep.s, keep.len);
			xmlNode *c;

			while ((c = n->children) != NULL) {
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
			xmlNodeAddContent(n, (const xmlChar *)k);
			free(k);
		}
	}
	news_buf_free(&keep);
	news_buf_free(&gone);
	free(t);
	return removed;
}

void
ex_assistant_prune(xmlNode *top, struct ex_result *r)
{
	xmlNode *n, *next;

	if (top == NULL)
		return;
	n = top->children;
	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && leafblock(n)) {
			next = n;
			while (next != top && next->next == NULL)
				next = next->parent;
			next = next == top ? NULL : next->next;
			if (block(n, r)) {
				xmlUnlinkNode(n);
				xmlFreeNode(n);
			}
			n = next;
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			break;
		n = n->next;
	}
}
