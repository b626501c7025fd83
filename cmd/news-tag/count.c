/*
 * count.c: --count: how often each tag, category, country and keyword
 * occurs over the input (the numbers behind a tag cloud).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "news.h"
#include "tag.h"

struct citem {
	uint64_t h;
	char *field, *value;
	unsigned long n;
};

struct counts {
	struct citem *v;
	size_t cap, n;
};

struct counts *
counts_new(void)
{
	struct counts *c = news_xcalloc(1, sizeof(*c));

	c->cap = 256;
	c->v = news_xcalloc(c->cap, sizeof(*c->v));
	return c;
}

static struct citem *
cslot(struct citem *v, size_t cap, uint64_t h, const char *f, const char *val)
{
	size_t i = (size_t)h & (cap - 1);

	while (v[i].field && (v[i].h != h || strcmp(v[i].field, f) != 0 ||
	    strcmp(v[i].value, val) != 0))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

void
counts_add(struct counts *c, const char *field, const char *value)
{
	uint64_t h = tag_hcomb(tag_hash(field, strlen(field)),
	    tag_hash(value, strlen(value)));
	struct citem *it;
	size_t i;

	if ((c->n + 1) * 2 > c->cap) {
		struct citem *old = c->v;
		size_t ocap = c->cap;
		c->cap *= 2;
		c->v = news_xcalloc(c->cap, sizeof(*c->v));
		for (i = 0; i < ocap; i++)
			if (old[i].field)
				*cslot(c->v, c->cap, old[i].h, old[i].field,
				    old[i].value) = old[i];
		free(old);
	}
	it = cslot(c->v, c->cap, h, field, value);
	if (!it->field) {
		it->h = h;
		it->field = news_xstrdup(field);
		it->value = news_xstrdup(value);
		c->n++;
	}
	it->n++;
}

static int
cmp_item(const void *a, const void *b)
{
	const struct citem *x = a, *y = b;
	int r;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	if ((r = strcmp(x->field, y->field)) != 0)
		return r;
	return strcmp(x->value, y->value);
}

void
counts_print(struct counts *c, int text)
{
	size_t i, n = 0;
	json_t *o;

	for (i = 0; i < c->cap; i++)
		if (c->v[i].field)
			c->v[n++] = c->v[i];
	c->cap = n ? n : 1;
	qsort(c->v, n, sizeof(*c->v), cmp_item);
	for (i = 0; i < n; i++) {
		if (text) {
			printf("%lu\t%s\t%s\n", c->v[i].n, c->v[i].field, c->v[i].value);
			continue;
		}
		o = json_pack("{s:s,s:s,s:I}", "field", c->v[i].field,
		    "value", c->v[i].value, "count", (json_int_t)c->v[i].n);
		if (o) {
			json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
			putchar('\n');
			json_decref(o);
		}
	}
	c->n = n;
}

void
counts_free(struct counts *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->cap; i++) {
		free(c->v[i].field);
		free(c->v[i].value);
	}
	free(c->v);
	free(c);
}
