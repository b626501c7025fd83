/*
 * map.c: a small string-keyed hash map (open addressing, linear probing,
 * FNV-1a) for ids, URLs, tags and output paths.
 */
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "render.h"

struct slot {
	char *key;
	size_t val;
	uint64_t h;
};

struct map {
	struct slot *v;
	size_t cap;	/* a power of two */
	size_t n;
};

struct map *
map_new(void)
{
	struct map *m = news_xcalloc(1, sizeof *m);

	m->cap = 64;
	m->v = news_xcalloc(m->cap, sizeof *m->v);
	return m;
}

void
map_free(struct map *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	free(m);
}

static struct slot *
find(const struct map *m, const char *key, uint64_t h)
{
	size_t i = h & (m->cap - 1);

	while (m->v[i].key != NULL) {
		if (m->v[i].h == h && strcmp(m->v[i].key, key) == 0)
			return &m->v[i];
		i = (i + 1) & (m->cap - 1);
	}
	return &m->v[i];
}

static void
grow(struct map *m)
{
	struct slot *old = m->v;
	size_t i, oldcap = m->cap;

	m->cap *= 2;
	m->v = news_xcalloc(m->cap, sizeof *m->v);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*find(m, old[i].key, old[i].h) = old[i];
	free(old);
}

int
map_get(const struct map *m, const char *key, size_t *val)
{
	struct slot *s = find(m, key, slug_hash(key, strlen(key)));

	if (s->key == NULL)
		return 0;
	if (val != NULL)
		*val = s->val;
	return 1;
}

void
map_put(struct map *m, const char *key, size_t val)
{
	uint64_t h = slug_hash(key, strlen(key));
	struct slot *s;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	s = find(m, key, h);
	if (s->key == NULL) {
		s->key = news_xstrdup(key);
		s->h = h;
		m->n++;
	}
	s->val = val;
}

size_t
map_count(const struct map *m)
{
	return m->n;
}
