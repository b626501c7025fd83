/*
 * news-archive: the news archive as one SQLite database: store records
 * (add, import), read them back (get, export), search their text
 * (search), take them down (remove), count them (stats).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"

static const char usage_text[] =
	"usage: %1$s add [-qv] [--dedup-bits n] db [file ...]\n"
	"       %1$s import [-qv] db [file ...]\n"
	"       %1$s get [--since date] [--until date] [--added-since seq]\n"
	"           [--country cc] [--tag tag] [--category name] [--author name]\n"
	"           [--source source] [--id id] [--limit n] [--oldest-first] db\n"
	"       %1$s search [-f json | text] [--since date] [--until date]\n"
	"           [--country cc] [--tag tag] [--limit n] db query\n"
	"       %1$s remove [-q] --exclude file db\n"
	"       %1$s stats [-f text | json] [--top n] db\n"
	"       %1$s export db\n";

void
usage(void)
{
	fprintf(stderr, usage_text, news_getprog());
	exit(NEWS_EXIT_USAGE);
}

static NEWS_NORETURN void
help(void)
{
	printf(usage_text, news_getprog());
	printf("\nThe news archive: one SQLite database of records (see "
	    "news-archive(1)).\n\n"
	    "  add       store records; write the new and changed ones\n"
	    "  import    store records (a JSON lines archive), quietly\n"
	    "  get       records newest first, filtered\n"
	    "  search    full-text search (FTS5 queries), best first\n"
	    "  remove    take down the records a file names, for good\n"
	    "  stats     counts by month, source, country, tag; size\n"
	    "  export    every record as JSON lines, in the order stored\n");
	exit(news_fshut(stdout, "<stdout>"));
}

struct news_archive *
open_db(const char *path, int flags)
{
	struct news_archive *a;
	char err[1200];
	int status;

	if ((a = news_archive_open(path, flags, err, sizeof(err), &status)) == NULL) {
		news_warn("%s", err);
		exit(status);
	}
	return a;
}

void
db_fatal(struct news_archive *a)
{
	int status = news_archive_error_status(a);

	news_warn("%s", news_archive_error(a));
	news_archive_rollback(a);
	news_archive_close(a);
	exit(status);
}

int64_t
date_opt(const char *opt, const char *s, int until)
{
	struct news_date_info info;
	int64_t t;

	if (news_date_parse(s, (size_t)-1, 0, 0, &t, &info) < 0)
		news_fatal("%s %s: not a date (expected e.g. 2025-12-13 or "
		    "2025-12-13T08:30:00Z)", opt, s);
	if (until && !info.has_time)
		t += info.has_day ? 86400 : 0;
	return t;
}

static const struct {
	const char *name;
	int (*fn)(int, char **);
} cmds[] = {
	{ "add", cmd_add }, { "import", cmd_import }, { "get", cmd_get },
	{ "search", cmd_search }, { "remove", cmd_remove },
	{ "stats", cmd_stats }, { "export", cmd_export },
};

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	size_t i;
	int c;

	news_setprog(argv[0]);
	argv[0] = (char *)news_getprog();
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': help();
		case 'V': news_version();
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[optind], cmds[i].name) == 0) {
			argv[optind] = argv[0];
			argc -= optind;
			argv += optind;
			optind = 0;	/* getopt starts afresh */
			return cmds[i].fn(argc, argv);
		}
	news_warn("%s: unknown command", argv[optind]);
	usage();
}
