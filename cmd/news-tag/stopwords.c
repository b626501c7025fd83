/*
 * stopwords.c: stopword lists, one word a line, in DIR/stop/LL.txt (built
 * from Snowball's lists in Lingua::StopWords plus data/tag/stop/LL.txt),
 * and a language guess from them for records without "lang".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "tag.h"

#define NLANG 8
static const char *const langs[NLANG] = {
	"en", "de", "fr", "es", "pt", "it", "nl", "ru"
};

struct stopset {
	uint64_t *h;
	size_t cap, n;
};

struct stopwords {
	struct stopset set[NLANG];
};

static void
set_add(struct stopset *s, uint64_t h)
{
	size_t i;

	if (h == 0)
		h = 1;
	if ((s->n + 1) * 2 > s->cap) {
		struct stopset o = *s;
		s->cap = s->cap ? s->cap * 2 : 512;
		s->h = news_xcalloc(s->cap, sizeof(*s->h));
		s->n = 0;
		for (i = 0; i < o.cap; i++)
			if (o.h[i])
				set_add(s, o.h[i]);
		free(o.h);
	}
	for (i = h & (s->cap - 1); s->h[i] && s->h[i] != h; i = (i + 1) & (s->cap - 1))
		;
	if (!s->h[i]) {
		s->h[i] = h;
		s->n++;
	}
}

static int
set_has(const struct stopset *s, uint64_t h)
{
	size_t i;

	if (s->cap == 0)
		return 0;
	if (h == 0)
		h = 1;
	for (i = h & (s->cap - 1); s->h[i]; i = (i + 1) & (s->cap - 1))
		if (s->h[i] == h)
			return 1;
	return 0;
}

static int
lang_index(const char *lang)
{
	int i;

	if (lang == NULL)
		return -1;
	for (i = 0; i < NLANG; i++)
		if (strncmp(lang, langs[i], 2) == 0 &&
		    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
			return i;
	return -1;
}

struct stopwords *
stop_load(const char *dir)
{
	struct stopwords *s = news_xcalloc(1, sizeof(*s));
	char path[4096], *line = NULL, *f;
	size_t cap = 0;
	ssize_t len;
	FILE *fp;
	int i;

	for (i = 0; i < NLANG; i++) {
		snprintf(path, sizeof(path), "%s/stop/%s.txt", dir, langs[i]);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		while ((len = getline(&line, &cap, fp)) > 0) {
			while (len > 0 && (line[len - 1] == '\n' ||
			    line[len - 1] == '\r' || line[len - 1] == ' '))
				line[--len] = '\0';
			if (len == 0 || line[0] == '#')
				continue;
			f = tag_fold(line, (size_t)len);
			set_add(&s->set[i], tag_hash(f, strlen(f)));
			free(f);
		}
		fclose(fp);
	}
	free(line);
	return s;
}

void
stop_free(struct stopwords *s)
{
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < NLANG; i++)
		free(s->set[i].h);
	free(s);
}

int
stop_is(const struct stopwords *s, const char *lang, const char *w, size_t n)
{
	int i = lang_index(lang);

	if (i < 0)
		i = 0;
	return set_has(&s->set[i], tag_hash(w, n));
}

void
doc_mark_stop(struct doc *d, const struct stopwords *s, const char *lang)
{
	int l = lang_index(lang);
	size_t i;

	if (l < 0)
		l = 0;
	for (i = 0; i < d->n; i++)
		if ((d->t[i].flags & T_WORD) && set_has(&s->set[l], d->t[i].h))
			d->t[i].flags |= T_STOP;
		else
			d->t[i].flags &= (uint16_t)~T_STOP;
}

const char *
stop_guess(const struct stopwords *s, const struct doc *d)
{
	size_t hits[NLANG] = { 0 }, words = 0, i;
	int l, best = -1;

	for (i = 0; i < d->n && words < 400; i++) {
		if (!(d->t[i].flags & T_ALPHA))
			continue;
		words++;
		for (l = 0; l < NLANG; l++)
			if (set_has(&s->set[l], d->t[i].h))
				hits[l]++;
	}
	for (l = 0; l < NLANG; l++)
		if (best < 0 || hits[l] > hits[best])
			best = l;
	/* stopwords are 35 to 50 per cent of the words of a text in their
	 * language, and a few short words of an unlisted language (Slovak
	 * a, o, na) fill 10 to 20 per cent of another list; two short
	 * words (Polish w, i) are no evidence */
	if (best < 0 || hits[best] < 3 || hits[best] * 4 < words)
		return "";
	return langs[best];
}
