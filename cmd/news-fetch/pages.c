/* pages.c: --pages (work in progress) */
#include "news.h"
#include "fetch.h"

int
pages_run(int argc, char **argv, const struct pages_opts *o)
{
	(void)argc; (void)argv; (void)o;
	news_warn("--pages: not implemented yet");
	return NEWS_EXIT_USAGE;
}
