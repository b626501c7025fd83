/*
 * news-render: records to a static site (-o DIR), or to text, Markdown,
 * Atom, JSON Feed or mbox on stdout.
 */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "news.h"
#include "date.h"
#include "url.h"
#include "render.h"

static const char *const synopsis[] = {
	"[-q] -o dir [--force] [--theme dir] [--about file] [--title text] "
	"[--base-url url] [--lang tag] [--per-page n] [--feed-size n] "
	"[--country-menu n | codes] [--exclude file] "
	"[--now date] [--archive db | file ...]",
	"[-f text | markdown | atom | jsonfeed | mbox] [-w cols] "
	"[--color auto | always | never] [--exclude file] [--archive db | file ...]",
	NULL
};
static const struct news_opt_help opthelp[] = {
	{ "-o, --output dir", "make the site in dir" },
	{ "-f, --format format", "print text (default), markdown, atom, jsonfeed, mbox" },
	{ "--force", "render every page, whatever the fingerprints say" },
	{ "--theme dir", "the theme (default: the installed one)" },
	{ "--about file", "the site's words for the footer (disclaimer, contact)" },
	{ "--title text", "the site's name (default News)" },
	{ "--base-url url", "the site's address, for feeds and sitemaps" },
	{ "--lang tag", "the site's language (default en)" },
	{ "--per-page n", "articles per listing page (default 20)" },
	{ "--country-menu n|codes", "the header's countries: the n most used, or a list" },
	{ "--feed-size n", "entries in the feeds (default 50)" },
	{ "--archive db", "read the records of a news-archive database" },
	{ "--exclude file", "takedowns: URLs or ids, one a line, dropped" },
	{ "--now date", "the time the news sitemap counts back from" },
	{ "-w, --width cols", "the width for -f text" },
	{ "--color when", "colour for -f text: auto, always, never" },
	{ "-q, --quiet", "no summary on the standard error" },
	{ "-v, --verbose", "more notes" },
	{ "-h, --help", "this help" },
	{ "--version", "the version" },
	{ NULL, NULL }
};

static NEWS_NORETURN void
usage(void)
{
	news_usage(synopsis);
}

static int
has_theme(const char *dir)
{
	struct stat st;
	char p[PATH_MAX];

	return snprintf(p, sizeof p, "%s/article.html", dir) < (int)sizeof p &&
	    stat(p, &st) == 0;
}

/* --theme, $NEWS_DATADIR, beside the binary (source tree or PREFIX),
 * the compiled-in data directory */
static const char *
find_theme(void)
{
	static char buf[PATH_MAX];
	static const char *const rel[] = { "../themes/default",
	    "../share/newsutils/themes/default", "../../../themes/default" };
	char exe[PATH_MAX - 64], *slash;
	const char *env = getenv("NEWS_DATADIR");
	ssize_t n;
	size_t i;

	if (env != NULL && *env != '\0') {
		if (snprintf(buf, sizeof buf, "%s/themes/default", env) <
		    (int)sizeof buf && has_theme(buf))
			return buf;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			if (snprintf(buf, sizeof buf, "%s/%s", exe, rel[i]) <
			    (int)sizeof buf && has_theme(buf))
				return buf;
		}
	}
	snprintf(buf, sizeof buf, "%s/themes/default", NEWS_DATADIR);
	return buf;
}

static long
number(const char *s, long min, long max, const char *what)
{
	const char *err;
	long v = (long)news_strtonum(s, min, max, &err);

	if (err != NULL) {
		news_warn("%s %s: %s", what, s, err);
		usage();
	}
	return v;
}

static char *
base_url(const char *s)
{
	size_t n = strlen(s);
	char *r;

	if (!news_url_is_http(s) || strpbrk(s, " \t\r\n\"'<>&`") != NULL) {
		news_warn("--base-url %s: not an http(s) URL", s);
		usage();
	}
	r = news_xmalloc(n + 2);
	memcpy(r, s, n + 1);
	if (n == 0 || s[n - 1] != '/')
		memcpy(r + n, "/", 2);
	return r;
}

int
main(int argc, char **argv)
{
	enum { O_THEME = 256, O_TITLE, O_BASE, O_LANG, O_PERPAGE, O_FEEDSIZE,
	    O_EXCLUDE, O_NOW, O_COLOR, O_VERSION, O_FORCE, O_ABOUT, O_CMENU,
	    O_ARCHIVE };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "width", required_argument, NULL, 'w' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "theme", required_argument, NULL, O_THEME },
		{ "title", required_argument, NULL, O_TITLE },
		{ "base-url", required_argument, NULL, O_BASE },
		{ "lang", required_argument, NULL, O_LANG },
		{ "per-page", required_argument, NULL, O_PERPAGE },
		{ "feed-size", required_argument, NULL, O_FEEDSIZE },
		{ "exclude", required_argument, NULL, O_EXCLUDE },
		{ "now", required_argument, NULL, O_NOW },
		{ "color", required_argument, NULL, O_COLOR },
		{ "version", no_argument, NULL, O_VERSION },
		{ "force", no_argument, NULL, O_FORCE },
		{ "about", required_argument, NULL, O_ABOUT },
		{ "country-menu", required_argument, NULL, O_CMENU },
		{ "archive", required_argument, NULL, O_ARCHIVE },
		{ NULL, 0, NULL, 0 }
	};
	struct options o = { 0 };
	struct site s;
	struct winsize ws;
	const char *color = "auto", *cols;
	char *base = NULL;
	int c, ret, r2;

	news_setprog(argv[0]);
	argv[0] = (char *)news_getprog();	/* getopt names us by argv[0] */
	setlocale(LC_CTYPE, "");
	o.title = "News";
	o.lang = "en";
	o.per_page = 20;
	o.feed_size = 50;
	o.width = -1;
	while ((c = getopt_long(argc, argv, "o:f:w:qvh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o.outdir = optarg; break;
		case 'f': o.format = optarg; break;
		case 'w': o.width = number(optarg, 20, 10000, "width"); break;
		case 'q': o.quiet = news_quiet = 1; break;
		case 'v': news_verbose = 1; break;
		case O_THEME: o.theme = optarg; break;
		case O_TITLE: o.title = optarg; break;
		case O_BASE: free(base); o.base_url = base = base_url(optarg);
			break;
		case O_LANG: o.lang = optarg; break;
		case O_PERPAGE:
			o.per_page = number(optarg, 1, 10000, "per-page");
			break;
		case O_FEEDSIZE:
			o.feed_size = number(optarg, 1, 100000, "feed-size");
			break;
		case O_EXCLUDE: o.exclude = optarg; break;
		case O_NOW:
			if (news_date_parse(optarg, (size_t)-1, 0, 0, &o.now,
			    NULL) == -1) {
				news_warn("--now %s: not a date", optarg);
				usage();
			}
			break;
		case O_COLOR: color = optarg; break;
		case O_FORCE: o.force = 1; break;
		case O_ABOUT: o.about = optarg; break;
		case O_CMENU:
			if (optarg[strspn(optarg, "0123456789")] == '\0')
				number(optarg, 0, 300, "country-menu");
			o.country_menu = optarg;
			break;
		case O_ARCHIVE: o.archive = optarg; break;
		case O_VERSION: news_version();
		case 'h':
			news_help(synopsis, "Records to a static site (-o), or to "
			    "text, Markdown, Atom, JSON Feed or mbox.", opthelp);
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (o.outdir != NULL && o.format != NULL) {
		news_warn("-o and -f exclude each other");
		usage();
	}
	if (o.archive != NULL && argc > 0) {
		news_warn("--archive and record files exclude each other");
		usage();
	}
	if (o.outdir == NULL && o.format == NULL)
		o.format = "text";
	if (o.format != NULL && strcmp(o.format, "text") &&
	    strcmp(o.format, "markdown") && strcmp(o.format, "atom") &&
	    strcmp(o.format, "jsonfeed") && strcmp(o.format, "mbox")) {
		news_warn("unknown format %s", o.format);
		usage();
	}
	if (strcmp(color, "always") == 0)
		o.color = 1;
	else if (strcmp(color, "auto") == 0)
		o.color = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL &&
		    (getenv("TERM") == NULL || strcmp(getenv("TERM"), "dumb"));
	else if (strcmp(color, "never") != 0)
		usage();
	if (o.width < 0) {
		if (isatty(STDOUT_FILENO) &&
		    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
			o.width = ws.ws_col;
		else if ((cols = getenv("COLUMNS")) != NULL && atol(cols) >= 20)
			o.width = atol(cols);
		else
			o.width = 0;	/* not a terminal: whole lines */
	}
	if (o.outdir != NULL) {
		o.default_theme = find_theme();
		if (unveil(o.outdir, "rwc") == -1 ||
		    unveil(o.default_theme, "r") == -1 ||
		    (o.theme && unveil(o.theme, "r") == -1) ||
		    (o.about && unveil(o.about, "r") == -1))
			news_fatal("unveil:");
	}
	ret = site_load(&s, argc, argv, &o);
	if (o.outdir != NULL) {
		r2 = pages_render(&s, &o);
	} else {
		formats_print(&s, &o, stdout);
		r2 = news_fshut(stdout, "<stdout>");
	}
	site_free(&s);
	free(base);
	return r2 > ret ? r2 : ret;
}
