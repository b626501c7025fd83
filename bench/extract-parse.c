/*
 * extract-parse: the parse-only baseline of bench/extract.sh.  Reads the
 * HTML files named on the command line into memory, then parses each
 * (lib/html.c: encoding detection + libxml2's HTML parser) and frees the
 * tree, ROUNDS times; prints "pages seconds pages/s cpu-seconds" (wall
 * clock, then the process's CPU time, steadier on a loaded machine).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#include "news.h"
#include "buf.h"
#include "html.h"

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
main(int argc, char *argv[])
{
	struct news_buf *pages;
	struct timespec a, b, ca, cb;
	long rounds = 1, r, n = 0;
	int i;
	double secs;

	news_setprog(argv[0]);
	if (argc > 2 && strcmp(argv[1], "-r") == 0) {
		rounds = atol(argv[2]);
		argc -= 2;
		argv += 2;
	}
	xmlSetGenericErrorFunc(NULL, quiet);
	pages = news_xcalloc(argc, sizeof(*pages));
	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		char chunk[65536];
		size_t k;

		if (fp == NULL)
			continue;
		while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			news_buf_add(&pages[i], chunk, k);
		fclose(fp);
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
	for (r = 0; r < rounds; r++)
		for (i = 1; i < argc; i++) {
			htmlDocPtr d = news_html_parse(pages[i].s, pages[i].len,
			    NULL, NULL, NULL);

			xmlFreeDoc(d);
			n++;
		}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
	clock_gettime(CLOCK_MONOTONIC, &b);
	secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
	printf("%ld %.3f %.1f %.3f\n", n, secs, secs > 0 ? n / secs : 0,
	    (cb.tv_sec - ca.tv_sec) + (cb.tv_nsec - ca.tv_nsec) / 1e9);
	for (i = 1; i < argc; i++)
		news_buf_free(&pages[i]);
	free(pages);
	return 0;
}
