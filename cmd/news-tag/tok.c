/*
 * tok.c: split title and text into word and punctuation tokens, each with
 * a folded form (lower case, accents stripped: utf8proc) and its hash.
 * Abbreviations with dots (U.S., N.Y.) are one token; a possessive 's is
 * its own token; dashes become "-".
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hash.h"
#include "news.h"
#include "tag.h"

uint64_t
tag_hash(const char *s, size_t len)
{
	return news_hash(s, len, NEWS_HASH_INIT);
}

void
doc_init(struct doc *d)
{
	memset(d, 0, sizeof(*d));
}

void
doc_reset(struct doc *d)
{
	d->n = 0;
	d->foldlen = 0;
	d->nsent = d->npara = 0;
	d->title_end = 0;
	d->lang[0] = '\0';
}

void
doc_free(struct doc *d)
{
	free(d->t);
	free(d->fold);
	memset(d, 0, sizeof(*d));
}

static int
is_wordcp(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 128)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

static int
is_upper(int32_t cp)
{
	if (cp < 128)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static int
is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 128)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* decode at s[i]; returns the length (1 for invalid bytes, cp = -1) */
static int
dec(const char *s, size_t len, size_t i, int32_t *cp)
{
	utf8proc_ssize_t n;

	if ((unsigned char)s[i] < 128) {
		*cp = (unsigned char)s[i];
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(len - i), cp);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return (int)n;
}

static void
fold_append(struct doc *d, const char *s, size_t len)
{
	size_t i, ascii = 1;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 128)
			ascii = 0;
	if (d->foldlen + len * 2 + 8 > d->foldcap) {
		d->foldcap = (d->foldlen + len * 2 + 8) * 2;
		d->fold = news_xrealloc(d->fold, d->foldcap);
	}
	if (ascii) {
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			d->fold[d->foldlen++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
		}
	} else {
		n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
		    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
		    UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
		if (n < 0) {
			memcpy(d->fold + d->foldlen, s, len);
			d->foldlen += len;
		} else {
			if (d->foldlen + (size_t)n + 8 > d->foldcap) {
				d->foldcap = (d->foldlen + (size_t)n + 8) * 2;
				d->fold = news_xrealloc(d->fold, d->foldcap);
			}
			/* the right single quote folds to ' */
			for (i = 0; i < (size_t)n; i++) {
				if (i + 2 < (size_t)n && out[i] == 0xe2 &&
				    out[i + 1] == 0x80 && out[i + 2] == 0x99) {
					d->fold[d->foldlen++] = '\'';
					i += 2;
				} else
					d->fold[d->foldlen++] = (char)out[i];
			}
		}
		free(out);
	}
	d->fold[d->foldlen++] = '\0';
}

char *
tag_fold(const char *s, size_t len)
{
	struct doc d;
	char *r;

	doc_init(&d);
	fold_append(&d, s, len);
	r = news_xstrdup(d.fold);
	doc_free(&d);
	return r;
}

static struct tok *
push(struct doc *d, const char *src, size_t off, size_t len, unsigned flags)
{
	struct tok *t;
	const char *f;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->t = news_xreallocarray(d->t, d->cap, sizeof(*d->t));
	}
	t = &d->t[d->n++];
	t->src = src;
	t->off = (uint32_t)off;
	t->len = (uint32_t)len;
	t->flags = (uint16_t)flags;
	t->foff = (uint32_t)d->foldlen;
	fold_append(d, src + off, len);
	f = d->fold + t->foff;
	t->flen = (uint16_t)(strlen(f) > 65535 ? 65535 : strlen(f));
	t->h = tag_hash(f, t->flen);
	t->para = d->npara;
	t->sent = d->nsent;
	return t;
}

static int
is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* scan a word at s[i]; returns its end; sets flags */
static size_t
scan_word(const char *s, size_t len, size_t i, unsigned *flags)
{
	size_t j = i, seglen = 0, k;
	int32_t cp, cp2;
	int n, up = 0, low = 0, dots = 0, first = 1;

	*flags = T_WORD;
	while (j < len) {
		n = dec(s, len, j, &cp);
		if (is_wordcp(cp)) {
			if (first) {
				if (is_upper(cp))
					*flags |= T_CAP;
				if (cp < 128 && cp >= '0' && cp <= '9')
					*flags |= T_DIGIT;
				first = 0;
			}
			if (is_letter(cp)) {
				*flags |= T_ALPHA;
				if (is_upper(cp))
					up++;
				else if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
					low++;
			}
			seglen++;
			j += n;
			continue;
		}
		if (j + n >= len)
			break;
		k = j + n;
		dec(s, len, k, &cp2);
		/* internal apostrophe, but not a possessive 's at the end */
		if (is_apos(cp) && is_letter(cp2) && !first) {
			size_t e = k + 1;
			if ((cp2 == 's' || cp2 == 'S') &&
			    (e >= len || !is_wordcp((unsigned char)s[e] < 128 ?
			    s[e] : 'x')))
				break;
			j = k;
			continue;
		}
		/* digits: 1.5, 300,000 */
		if ((cp == '.' || cp == ',') && (*flags & T_DIGIT) &&
		    cp2 >= '0' && cp2 <= '9') {
			j = k;
			continue;
		}
		/* abbreviation: U.S, N.Y, D.C */
		if (cp == '.' && seglen <= 2 && is_letter(cp2) && !(*flags & T_DIGIT)) {
			size_t e = k + (size_t)dec(s, len, k, &cp2);
			int32_t cp3 = -1;
			if (e < len)
				dec(s, len, e, &cp3);
			if (!is_wordcp(cp3) || cp3 == -1 || dots) {
				dots = 1;
				seglen = 0;
				j = k;
				continue;
			}
		}
		break;
	}
	if (dots && j < len && s[j] == '.')
		j++;
	if (dots)
		*flags |= T_DOTS;
	if (up >= 2 && low == 0)
		*flags |= T_UPPER;
	else if (up == 1 && low == 0 && (dots || j - i == 1))
		*flags |= T_UPPER;
	return j;
}

void
doc_add(struct doc *d, const char *src, size_t len, int title)
{
	size_t i = 0, j, start_tok = d->n, sstart;
	unsigned flags, base = title ? T_TITLE : 0, spaced = T_SPACED;
	int32_t cp;
	int n, newpara = 1, newsent = 1, nl = 0;
	struct tok *t;

	d->npara++;
	d->nsent++;
	sstart = d->n;
	while (i < len) {
		n = dec(src, len, i, &cp);
		if (cp == '\n') {
			spaced = T_SPACED;
			if (++nl >= 2 && !newpara) {
				d->npara++;
				d->nsent++;
				newpara = newsent = 1;
			}
			i += n;
			continue;
		}
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xa0 ||
		    cp == -1 || (cp > 127 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)) {
			i += n;
			spaced = T_SPACED;
			continue;
		}
		nl = 0;
		if (is_wordcp(cp)) {
			j = scan_word(src, len, i, &flags);
			t = push(d, src, i, j - i, flags | base | spaced |
			    (newsent ? T_SENT : 0) | (newpara ? T_PARA : 0));
			(void)t;
			newsent = newpara = 0;
			spaced = 0;
			i = j;
			continue;
		}
		/* punctuation: one code point; dashes fold to '-' */
		if (cp == 0x2014 || cp == 0x2013 || cp == 0x2012 || cp == 0x2212) {
			t = push(d, "-", 0, 1, base | spaced | (newpara ? T_PARA : 0));
			t->src = src;
			t->off = (uint32_t)i;
			t->len = (uint32_t)n;
		} else if (is_apos(cp) && i + n < len &&
		    (src[i + n] == 's' || src[i + n] == 'S') &&
		    (i + n + 1 >= len || !is_wordcp((unsigned char)src[i + n + 1] < 128 ?
		    src[i + n + 1] : 'x'))) {
			push(d, "'s", 0, 2, base | T_WORD)->src = src;
			d->t[d->n - 1].off = (uint32_t)i;
			d->t[d->n - 1].len = (uint32_t)(n + 1);
			n++;
		} else {
			push(d, src, i, (size_t)n, base | spaced | (newpara ? T_PARA : 0));
		}
		newpara = 0;
		spaced = 0;
		if (cp == '.' || cp == '!' || cp == '?' || cp == ';') {
			d->nsent++;
			newsent = 1;
		}
		i += n;
	}
	/* all-capitals sentences (titles, datelines) */
	for (i = start_tok; i < d->n; ) {
		size_t e = i, words = 0, upper = 0;
		uint32_t s = d->t[i].sent;
		while (e < d->n && d->t[e].sent == s)
			e++;
		for (j = i; j < e; j++)
			if ((d->t[j].flags & T_ALPHA)) {
				words++;
				if (d->t[j].flags & T_UPPER)
					upper++;
			}
		if (words > 0 && upper * 10 >= words * 7)
			for (j = i; j < e; j++)
				d->t[j].flags |= T_CAPSCTX;
		i = e;
	}
	(void)sstart;
	if (title)
		d->title_end = (uint32_t)d->n;
}
