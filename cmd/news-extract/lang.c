/*
 * lang.c: a cheap language guess for pages that declare none.
 *
 * Scripts first (kana: ja, hangul: ko, Han alone: zh, Cyrillic: ru,
 * Greek: el, Arabic: ar, Hebrew: he), else the Latin-script language
 * whose most frequent short words are most frequent in the text.  At most
 * the first 20 KB of text are read; no guess below 20 words or without a
 * clear winner.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "text.h"
#include "extract.h"

#define LANG_SCAN 20000

static const struct {
	const char *lang;
	const char *const words[16];
} stop[] = {
	{ "en", { "the", "and", "of", "to", "is", "in", "that", "for",
	    "with", "was", "on", "are", "this", "it", "by", NULL } },
	{ "de", { "der", "die", "und", "das", "ist", "nicht", "mit", "den",
	    "sich", "auf", "ein", "eine", "auch", "dem", "für", NULL } },
	{ "fr", { "le", "la", "les", "et", "des", "est", "une", "du", "dans",
	    "que", "pour", "pas", "sur", "qui", "au", NULL } },
	{ "es", { "el", "los", "las", "y", "que", "del", "por", "una", "con",
	    "para", "es", "se", "como", "su", "al", NULL } },
	{ "it", { "il", "di", "che", "e", "della", "per", "una", "sono",
	    "non", "con", "del", "gli", "nel", "anche", "alla", NULL } },
	{ "pt", { "o", "os", "que", "do", "da", "em", "um", "uma", "para",
	    "com", "não", "dos", "as", "se", "mais", NULL } },
	{ "nl", { "de", "het", "een", "en", "van", "is", "dat", "niet",
	    "op", "voor", "zijn", "met", "ook", "maar", "wordt", NULL } },
	{ "ru", { "и", "в", "не", "на", "что", "с", "по", "это", "как",
	    "из", "для", "от", "к", "но", "его", NULL } },
};
#define NLANG (sizeof(stop) / sizeof(stop[0]))

/* bytes in the longest word above: longer words are not looked up */
static size_t
stopmax(void)
{
	static size_t max;
	size_t j, n;

	if (max > 0)
		return max;
	for (j = 0; j < NLANG; j++)
		for (n = 0; stop[j].words[n] != NULL; n++)
			if (strlen(stop[j].words[n]) > max)
				max = strlen(stop[j].words[n]);
	return max;
}

static const char *
script(uint32_t cp)
{
	if ((cp >= 0x3040 && cp <= 0x30ff))
		return "ja";
	if ((cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff))
		return "ko";
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return "zh";
	if (cp >= 0x0400 && cp <= 0x04ff)
		return "cyr";
	if (cp >= 0x0370 && cp <= 0x03ff)
		return "el";
	if (cp >= 0x0600 && cp <= 0x06ff)
		return "ar";
	if (cp >= 0x0590 && cp <= 0x05ff)
		return "he";
	return NULL;
}

static int
isword(uint32_t cp)
{
	return cp >= 0x80 ? script(cp) != NULL || (cp >= 0xc0 &&
	    cp <= 0x24f) : isalpha((int)cp);
}

/* count each language's stop words among the words of s */
static void
count(const char *s, size_t len, int *hits)
{
	char w[32];
	size_t i = 0, k, j;
	uint32_t cp;
	int n;

	while (i < len) {
		k = 0;
		while (i < len && (n = news_utf8_decode(s + i, len - i, &cp)) > 0 &&
		    isword(cp)) {
			if (k + (size_t)n < sizeof(w)) {
				if (cp < 0x80)
					w[k++] = (char)tolower((int)cp);
				else if (cp >= 0x410 && cp <= 0x42f) {
					/* Cyrillic capitals to lower case */
					k += (size_t)news_utf8_encode(cp + 0x20,
					    w + k);
				} else {
					memcpy(w + k, s + i, (size_t)n);
					k += (size_t)n;
				}
			}
			i += (size_t)n;
		}
		if (k == 0) {
			n = news_utf8_decode(s + i, len - i, &cp);
			i += n > 0 ? (size_t)n : 1;
			continue;
		}
		w[k < sizeof(w) ? k : sizeof(w) - 1] = '\0';
		for (j = 0; j < NLANG && k <= stopmax(); j++)
			for (n = 0; stop[j].words[n] != NULL; n++)
				if (stop[j].words[n][0] == w[0] &&
				    strcmp(stop[j].words[n], w) == 0) {
					hits[j]++;
					break;
				}
		hits[NLANG]++;
	}
}

char *
ex_lang_guess(const char *text)
{
	size_t len, i, nscript = 0, nkana = 0, nhan = 0, nko = 0, ncyr = 0;
	int hits[NLANG + 1] = { 0 }, best = -1, second = 0, n;
	const char *sc, *other = NULL;
	size_t nother = 0;
	uint32_t cp;

	if (text == NULL)
		return NULL;
	len = strlen(text);
	if (len > LANG_SCAN)
		len = news_utf8_valid_prefix(text, LANG_SCAN);
	for (i = 0; i < len; i += n > 0 ? (size_t)n : 1) {
		if ((n = news_utf8_decode(text + i, len - i, &cp)) <= 0 ||
		    (sc = script(cp)) == NULL)
			continue;
		nscript++;
		if (strcmp(sc, "ja") == 0)
			nkana++;
		else if (strcmp(sc, "zh") == 0)
			nhan++;
		else if (strcmp(sc, "ko") == 0)
			nko++;
		else if (strcmp(sc, "cyr") == 0)
			ncyr++;
		else
			other = sc, nother++;
	}
	if (nscript * 4 > len / 3 || nscript > 200) {
		if (nko * 2 > nscript)
			return news_xstrdup("ko");
		if (nkana * 10 > nscript && nkana + nhan > nscript / 2)
			return news_xstrdup("ja");
		if (nhan * 2 > nscript)
			return news_xstrdup("zh");
		if (other != NULL && nother * 2 > nscript)
			return news_xstrdup(other);
	}
	count(text, len, hits);
	if (hits[NLANG] < 20)
		return NULL;
	for (i = 0; i < NLANG; i++) {
		if (best < 0 || hits[i] > hits[best]) {
			if (best >= 0)
				second = hits[best];
			best = (int)i;
		} else if (hits[i] > second)
			second = hits[i];
	}
	if (strcmp(stop[best].lang, "ru") == 0 && ncyr * 2 < nscript)
		return NULL;
	/* a clear winner among enough words */
	if (hits[best] * 10 < hits[NLANG] || hits[best] * 4 < second * 5)
		return NULL;
	return news_xstrdup(stop[best].lang);
}
