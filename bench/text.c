/*
 * text.c: throughput of lib/text.c and lib/url.c on synthetic input
 * (mixed ASCII, Latin, CJK text with entities; article links).
 * Prints figures; asserts nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "news.h"
#include "text.h"
#include "url.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *
make_text(size_t want, int entities, size_t *len)
{
	static const char *plain[] = {
		"The quick brown fox jumps over the lazy dog. ",
		("Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBB" "l\xC3\xA9" "e, na\xC3\xAFve. "),
		("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAE\xE3\x83\x8B"
		    "\xE3\x83\xA5\xE3\x83\xBC\xE3\x82\xB9\xE3\x80\x82 "),
		"  spaced\t\tout \xC2\xA0 text\n\n",
	};
	static const char *ent[] = {
		"Tom &amp; Jerry &mdash; &quot;fun&quot; &#8217;s ",
		"caf&eacute; &lt;b&gt; &#x1F600; &nbsp; ",
	};
	char *s = news_xmalloc(want + 128);
	size_t n = 0, i = 0, k;
	const char *p;

	while (n < want) {
		p = entities && i % 3 == 2 ? ent[i % 2] : plain[i % 4];
		k = strlen(p);
		memcpy(s + n, p, k);
		n += k;
		i++;
	}
	s[n] = '\0';
	*len = n;
	return s;
}

static void
run(const char *name, char *(*f)(const char *, size_t), const char *s,
    size_t len, int reps)
{
	double t0, dt;
	int i;

	t0 = now();
	for (i = 0; i < reps; i++)
		free(f(s, len));
	dt = now() - t0;
	printf("%-28s %8.0f MB/s\n", name, len * (double)reps / dt / 1e6);
}

static char *
repair(const char *s, size_t len)
{
	return news_utf8_repair(s, len, NULL);
}

static char *
valid(const char *s, size_t len)
{
	if (!news_utf8_valid(s, len))
		news_fatal("bench input is not valid UTF-8");
	return NULL;
}

static void
bench_urls(void)
{
	static const char *refs[] = {
		"/2025/12/13/story.html", "../world/europe?id=42",
		"https://cdn.example.net/img/a.jpg", "#comments",
		"story-2.html?utm_source=rss&utm_medium=feed",
	};
	const char *base = "https://news.example.com/section/index.html";
	double t0, dt;
	char *r;
	int i, n = 200000;

	t0 = now();
	for (i = 0; i < n; i++)
		free(news_url_resolve(base, refs[i % 5]));
	dt = now() - t0;
	printf("%-28s %8.0f /s\n", "news_url_resolve", n / dt);
	t0 = now();
	for (i = 0; i < n; i++) {
		r = news_url_resolve(base, refs[i % 5]);
		free(news_url_key(r));
		free(r);
	}
	dt = now() - t0;
	printf("%-28s %8.0f /s\n", "news_url_resolve+key", n / dt);
}

int
main(void)
{
	size_t len;
	char *plain, *ents;

	news_setprog("bench-text");
	plain = make_text(8 << 20, 0, &len);
	run("news_utf8_valid", valid, plain, len, 20);
	run("news_utf8_repair (valid)", repair, plain, len, 10);
	run("news_text_squeeze", news_text_squeeze, plain, len, 10);
	run("news_html_unescape (no &)", news_html_unescape, plain, len, 10);
	free(plain);
	ents = make_text(8 << 20, 1, &len);
	run("news_html_unescape (&...;)", news_html_unescape, ents, len, 10);
	printf("%-28s %8zu words in %zu bytes\n", "news_text_word_count",
	    news_text_word_count(ents, len), len);
	free(ents);
	bench_urls();
	return 0;
}
