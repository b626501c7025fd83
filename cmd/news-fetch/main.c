/*
 * news-fetch: feeds to item records (JSON lines); with --pages, records
 * to records with the pages behind them.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libxml/parser.h>

#include "news.h"
#include "buf.h"
#include "record.h"
#include "url.h"
#include "date.h"
#include "fetch.h"

#define HOST_BACKOFF_MAX 86400.0	/* the longest backoff after failures */

struct job {
	struct source *src;
	struct feed *feed;
	struct http_req req;
	char **keys;
	size_t nkeys, capkeys;
	size_t emitted;
	int write_error;
};

static struct state *state;
static int status = NEWS_EXIT_OK;
static int stdout_dead;
static size_t max_size = 16UL * 1024 * 1024;
static size_t total_items, total_failed, total_done, total_sources;
static double host_backoff = 600;	/* --host-backoff: the first wait */

static const char *const synopsis[] = {
	"[-qv] [-f file] [-j jobs] [--opml file] [--state file] "
	"[--delay seconds] [--per-host n] [--timeout seconds] "
	"[--connect-timeout seconds] [--retries n] "
	"[--max-retry-after seconds] [--host-backoff seconds] "
	"[--max-size bytes] [--user-agent string] [--export-opml] [source ...]",
	"--pages [-qv] [-j jobs] [--ignore-robots] [--state file] "
	"[--retry-wait seconds] [options] [file ...]",
	NULL
};
static const struct news_opt_help opthelp[] = {
	{ "-f file", "read sources from file, one a line (- for stdin)" },
	{ "-j, --jobs jobs", "at most jobs transfers at once (default 8)" },
	{ "--opml file", "read sources from an OPML file" },
	{ "--export-opml", "write the sources as OPML and exit" },
	{ "--state file", "remember what was fetched (SQLite)" },
	{ "--delay seconds", "least time between requests to a host (default 1)" },
	{ "--per-host n", "transfers at once to a host (default 2)" },
	{ "--timeout seconds", "give up a transfer after seconds (default 60)" },
	{ "--connect-timeout seconds", "give up connecting (default 15)" },
	{ "--retries n", "tries again after a transient error (default 2)" },
	{ "--max-retry-after seconds", "longest Retry-After waited for (default 120)" },
	{ "--host-backoff seconds", "first wait after a host failed (default 600)" },
	{ "--max-size bytes", "largest body accepted (default 16M)" },
	{ "--user-agent string", "the User-Agent header" },
	{ "--pages", "fetch the pages behind records" },
	{ "--ignore-robots", "with --pages, fetch what robots.txt forbids" },
	{ "--retry-wait seconds", "wait before a failed page is tried again (900)" },
	{ "-q, --quiet", "no progress and no notes: one summary line a run" },
	{ "-v, --verbose", "a note per source" },
	{ "-h, --help", "this help" },
	{ "--version", "the version" },
	{ NULL, NULL }
};

static void
usage(void)
{
	news_usage(synopsis);
}

static int
on_item(const struct feed_item *item, void *arg)
{
	struct job *j = arg;
	char *key = NULL;

	if (stdout_dead)
		return -1;
	if (state) {
		key = state_key(item->id, item->url, item->title,
		    item->published);
		if (state_seen(state, j->src->url, key)) {
			free(key);
			return 0;
		}
	}
	if (fwrite(item->json, 1, item->len, stdout) != item->len ||
	    putchar('\n') == EOF) {
		stdout_dead = 1;
		j->write_error = 1;
		free(key);
		return -1;
	}
	j->emitted++;
	total_items++;
	if (key) {
		if (j->nkeys == j->capkeys) {
			j->capkeys = j->capkeys ? 2 * j->capkeys : 64;
			j->keys = news_xreallocarray(j->keys, j->capkeys, sizeof(char *));
		}
		j->keys[j->nkeys++] = key;
	}
	return 0;
}

static void
fail(struct job *j, const char *fmt, const char *msg)
{
	(void)fmt;
	news_warn("%s: %s", j->src->url, msg);
	status = NEWS_EXIT_FAIL;
	total_failed++;
}

static void
free_keys(struct job *j)
{
	size_t i;

	for (i = 0; i < j->nkeys; i++)
		free(j->keys[i]);
	free(j->keys);
	j->keys = NULL;
	j->nkeys = j->capkeys = 0;
}

/*
 * The end of a source: report, then remember what was written.  Items
 * are marked seen only after stdout was flushed without error.
 */
static void
finish(struct job *j, int ok_fetch)
{
	struct http_req *r = &j->req;
	int parsed = 1, commit;

	if (j->feed && ok_fetch) {
		if (feed_end(j->feed) != 0 && !j->write_error) {
			fail(j, NULL, feed_error(j->feed));
			parsed = 0;
		}
	}
	if (j->feed && feed_ndropped(j->feed) > 0)
		news_info("%s: %zu empty item%s (no link, id, title, text or enclosure): later tools pass them by",
		    j->src->url, feed_ndropped(j->feed),
		    feed_ndropped(j->feed) == 1 ? "" : "s");
	if (r->moved)
		news_warn("%s: moved permanently to %s; update your list",
		    j->src->url, r->moved);
	if (state && !stdout_dead) {
		commit = fflush(stdout) == 0;
		if (!commit)
			stdout_dead = 1;
		/* validators only when the document was read whole */
		if (commit && !j->src->local && r->status == 304)
			state_commit(state, j->src->url,
			    r->etag_new ? r->etag_new : r->etag,
			    r->last_modified_new ? r->last_modified_new :
			    r->last_modified, 1, j->keys, j->nkeys);
		else if (commit && !j->src->local && ok_fetch && parsed &&
		    r->error == NULL)
			state_commit(state, j->src->url, r->etag_new,
			    r->last_modified_new, 1, j->keys, j->nkeys);
		else if (commit && j->nkeys > 0)
			state_commit(state, j->src->url, NULL, NULL, 0,
			    j->keys, j->nkeys);
	}
	/*
	 * Without a state, a feed's items go out when it is done: a feed
	 * that hangs must not hold back the feeds that finished.
	 */
	if (!state && !stdout_dead && j->emitted > 0 && fflush(stdout) != 0)
		stdout_dead = 1;
	if (news_verbose)
		news_info("%s: %zu new items%s", j->src->url, j->emitted,
		    r->status == 304 ? " (not modified)" : "");
	free_keys(j);
	feed_free(j->feed);
	j->feed = NULL;
	total_done++;
}

/* the file:// URL of a local path (absolute, percent-encoded) */
static char *
file_url(const char *path)
{
	char *abs = realpath(path, NULL), *r;
	struct news_buf b = NEWS_BUF_INIT;
	const unsigned char *p;

	if (abs == NULL)
		return NULL;
	news_buf_adds(&b, "file://");
	for (p = (const unsigned char *)abs; *p; p++) {
		if (*p > 0x20 && *p < 0x7f && !strchr("%#?\"<>`{}|\\^[]", *p))
			news_buf_addc(&b, *p);
		else
			news_buf_printf(&b, "%%%02X", *p);
	}
	free(abs);
	r = news_buf_take(&b);
	return r;
}

static void
run_local(struct job *j)
{
	char buf[65536], *furl;
	ssize_t n;
	int fd;

	if (j->src->path == NULL) {
		fail(j, NULL, "not a local file URL");
		total_done++;
		return;
	}
	if ((fd = open(j->src->path, O_RDONLY)) < 0) {
		news_warn("%s:", j->src->url);
		status = NEWS_EXIT_FAIL;
		total_failed++;
		total_done++;
		return;
	}
	if ((furl = file_url(j->src->path)) == NULL)
		furl = news_xstrdup(j->src->url);
	j->feed = feed_new(furl, on_item, j);
	free(furl);
	feed_set_json_max(j->feed, max_size);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (feed_push(j->feed, buf, n) != 0)
			break;
	if (n < 0) {
		news_warn("%s: read error:", j->src->url);
		status = NEWS_EXIT_FAIL;
		total_failed++;
		close(fd);
		finish(j, 0);
		return;
	}
	close(fd);
	finish(j, 1);
}

static int
http_data(struct http_req *r, const char *p, size_t n)
{
	struct job *j = r->arg;

	if (j->feed == NULL) {
		j->feed = feed_new(r->url, on_item, j);
		feed_set_json_max(j->feed, max_size);
	}
	return feed_push(j->feed, p, n) != 0 && stdout_dead ? -1 : 0;
}

static void
http_done(struct http_req *r)
{
	struct job *j = r->arg;

	if (r->error) {
		fail(j, NULL, r->error);
		finish(j, 0);
		return;
	}
	if (r->status == 304) {
		finish(j, 0);
		return;
	}
	if (j->feed == NULL) {	/* an empty body */
		j->feed = feed_new(r->url, on_item, j);
		feed_set_json_max(j->feed, max_size);
	}
	finish(j, 1);
}

static double
parse_secs(const char *s, const char *what)
{
	char *e;
	double v;

	errno = 0;
	v = strtod(s, &e);
	if (e == s || *e != '\0' || errno || v < 0 || v > 86400)
		news_fatal("%s %s: invalid (seconds, 0 to 86400)", what, s);
	return v;
}

static size_t
parse_size(const char *s)
{
	char *e;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &e, 10);
	if (e == s || errno)
		news_fatal("max-size %s: invalid", s);
	switch (*e) {
	case 'k': case 'K': v <<= 10; e++; break;
	case 'm': case 'M': v <<= 20; e++; break;
	case 'g': case 'G': v <<= 30; e++; break;
	}
	if (*e != '\0' || v == 0)
		news_fatal("max-size %s: invalid", s);
	return v;
}

static long long
parse_num(const char *s, long long min, long long max, const char *what)
{
	const char *errstr;
	long long v = news_strtonum(s, min, max, &errstr);

	if (errstr)
		news_fatal("%s %s: %s", what, s, errstr);
	return v;
}

enum {
	O_OPML = 256, O_EXPORT, O_STATE, O_DELAY, O_PERHOST, O_TIMEOUT,
	O_CTIMEOUT, O_RETRIES, O_MAXSIZE, O_UA, O_PAGES, O_NOROBOTS,
	O_MAXRA, O_HOSTBACKOFF, O_RETRYWAIT, O_HELP, O_VERSION
};

static const struct option longopts[] = {
	{ "opml", required_argument, NULL, O_OPML },
	{ "export-opml", no_argument, NULL, O_EXPORT },
	{ "state", required_argument, NULL, O_STATE },
	{ "delay", required_argument, NULL, O_DELAY },
	{ "per-host", required_argument, NULL, O_PERHOST },
	{ "timeout", required_argument, NULL, O_TIMEOUT },
	{ "connect-timeout", required_argument, NULL, O_CTIMEOUT },
	{ "retries", required_argument, NULL, O_RETRIES },
	{ "max-size", required_argument, NULL, O_MAXSIZE },
	{ "max-retry-after", required_argument, NULL, O_MAXRA },
	{ "user-agent", required_argument, NULL, O_UA },
	{ "host-backoff", required_argument, NULL, O_HOSTBACKOFF },
	{ "pages", no_argument, NULL, O_PAGES },
	{ "ignore-robots", no_argument, NULL, O_NOROBOTS },
	{ "retry-wait", required_argument, NULL, O_RETRYWAIT },
	{ "jobs", required_argument, NULL, 'j' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, O_HELP },
	{ "version", no_argument, NULL, O_VERSION },
	{ NULL, 0, NULL, 0 }
};

/*
 * A host left alone: after it sent a Retry-After beyond --max-retry-after
 * (a note: it asked politely), or in backoff after failing in runs in a
 * row (a failure: the source was not read).  1 when skipped.
 */
static int
host_skipped(struct job *j, const char *host)
{
	double until, now = http_now();
	int nfail;
	char t[NEWS_DATE_BUFSZ];

	state_host(state, host, &until, &nfail);
	if (until <= now)
		return 0;
	if (nfail == 0) {
		news_info("%s: skipped: host asked us to wait %.0f s more",
		    j->src->url, until - now);
		return 1;
	}
	if (news_date_format((int64_t)ceil(until), t) == NULL)
		snprintf(t, sizeof(t), "%.0f", until);
	news_warn("%s: host in backoff until %s after %d failure%s",
	    j->src->url, t, nfail, nfail == 1 ? "" : "s");
	status = NEWS_EXIT_FAIL;
	total_failed++;
	return 1;
}

/*
 * After the run, the host of jobs[k] (once, at its first job): any reply
 * that was not a host failure resets its failure count; else a host
 * failure (timeout, connection error, 5xx after the retries) doubles its
 * backoff: host_backoff * 2^(n-1) seconds after n failed runs, at most
 * HOST_BACKOFF_MAX.  A Retry-After beyond --max-retry-after is waited
 * for too.
 */
static void
host_update(struct job *jobs, size_t n, size_t k)
{
	const char *host = jobs[k].req.host;
	double until, ra = 0, now = http_now(), b;
	int nfail, alive = 0, failed = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		struct http_req *r = &jobs[i].req;

		if (r->host == NULL || strcmp(r->host, host) != 0)
			continue;
		if (i < k)
			return;	/* done at its first job */
		if (r->hostfail)
			failed = 1;
		else if (r->status > 0)
			alive = 1;
		if (r->error && r->retry_after > ra)
			ra = r->retry_after;
	}
	state_host(state, host, &until, &nfail);
	if (alive) {
		if (nfail == 0 && ra == 0 && until == 0)
			return;
		state_set_host(state, host, ra > 0 ? now + ra : 0, 0);
	} else if (failed) {
		nfail++;
		b = host_backoff * pow(2, nfail > 30 ? 30 : nfail - 1);
		if (b > HOST_BACKOFF_MAX)
			b = HOST_BACKOFF_MAX;
		state_set_host(state, host, now + (ra > b ? ra : b), nfail);
	} else if (ra > 0) {
		state_set_host(state, host, now + ra, nfail);
	}
}

static void
run_sources(struct sources *srcs, struct http_opts *ho)
{
	struct job *jobs;
	struct http *h = NULL;
	char *host;
	size_t i;

	jobs = news_xcalloc(srcs->n ? srcs->n : 1, sizeof(*jobs));
	total_sources = srcs->n;
	for (i = 0; i < srcs->n && !stdout_dead; i++) {
		struct job *j = &jobs[i];

		j->src = &srcs->v[i];
		if (j->src->local) {
			run_local(j);
			continue;
		}
		if (!news_url_is_http(j->src->url)) {
			fail(j, NULL, "unsupported source (http, https, file:// or a path)");
			continue;
		}
		if (state && (host = news_url_host(j->src->url)) != NULL) {
			int skip = host_skipped(j, host);

			free(host);
			if (skip)
				continue;
		}
		if (h == NULL)
			h = http_new(ho);
		j->req.url = j->src->url;
		j->req.arg = j;
		j->req.on_data = http_data;
		j->req.on_done = http_done;
		if (state) {
			char *e = NULL, *lm = NULL;

			state_validators(state, j->src->url, &e, &lm);
			j->req.etag = e;
			j->req.last_modified = lm;
		}
		http_add(h, &j->req);
	}
	if (h) {
		http_run(h, isatty(2) && !news_quiet);
		http_free(h);
	}
	for (i = 0; state && i < srcs->n; i++)
		if (jobs[i].req.host)
			host_update(jobs, srcs->n, i);
	for (i = 0; i < srcs->n; i++) {
		struct http_req *r = &jobs[i].req;

		free((char *)r->etag);
		free((char *)r->last_modified);
		http_req_clear(r);
	}
	free(jobs);
}

int
main(int argc, char *argv[])
{
	struct sources srcs = { 0 };
	struct http_opts ho = {
		.jobs = 8, .per_host = 2, .delay = 1.0, .connect_timeout = 15,
		.timeout = 60, .retries = 2, .max_retry_after = 120,
	};
	struct pages_opts po;
	const char *statefile = NULL;
	int c, export = 0, pages = 0, ignore_robots = 0, r;
	double retry_wait = 1800;
	char ua[128];
	static char obuf[64 * 1024];

	news_setprog(argv[0]);
	argv[0] = (char *)news_getprog();	/* getopt names us by argv[0] */
	/* large feeds give much output: fewer, larger writes */
	if (!isatty(1))
		setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	snprintf(ua, sizeof(ua), "newsutils/%s (news-fetch)",
	    NEWS_VERSION);
	ho.user_agent = ua;
	ho.accept = "application/rss+xml, application/atom+xml, "
	    "application/feed+json, application/xml;q=0.9, text/xml;q=0.9, "
	    "*/*;q=0.8";
	while ((c = getopt_long(argc, argv, "f:hj:qv", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (sources_read_list(&srcs, optarg) != 0)
				exit(NEWS_EXIT_USAGE);
			break;
		case O_OPML:
			if (sources_read_opml(&srcs, optarg) != 0)
				exit(NEWS_EXIT_USAGE);
			break;
		case 'j': ho.jobs = parse_num(optarg, 1, 1000, "jobs"); break;
		case 'q': news_quiet = 1; break;
		case 'v': news_verbose = 1; break;
		case O_EXPORT: export = 1; break;
		case O_STATE: statefile = optarg; break;
		case O_DELAY: ho.delay = parse_secs(optarg, "delay"); break;
		case O_PERHOST: ho.per_host = parse_num(optarg, 0, 1000, "per-host"); break;
		case O_TIMEOUT: ho.timeout = parse_num(optarg, 1, 86400, "timeout"); break;
		case O_CTIMEOUT:
			ho.connect_timeout = parse_num(optarg, 1, 3600, "connect-timeout");
			break;
		case O_RETRIES: ho.retries = parse_num(optarg, 0, 10, "retries"); break;
		case O_MAXSIZE: max_size = parse_size(optarg); break;
		case O_MAXRA: ho.max_retry_after = parse_secs(optarg, "max-retry-after"); break;
		case O_UA: ho.user_agent = optarg; break;
		case O_HOSTBACKOFF:
			host_backoff = parse_secs(optarg, "host-backoff");
			break;
		case O_PAGES: pages = 1; break;
		case O_NOROBOTS: ignore_robots = 1; break;
		case O_RETRYWAIT:
			retry_wait = parse_secs(optarg, "retry-wait");
			break;
		case 'h':
		case O_HELP:
			news_help(synopsis, "Feeds to news records (JSON lines); "
			    "with --pages, records to records\nwith their pages.",
			    opthelp);
		case O_VERSION: news_version();
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	ho.max_size = max_size;
	if (pages) {
		if (export || srcs.n)
			usage();
		curl_global_init(CURL_GLOBAL_DEFAULT);
		po.http = ho;
		po.ignore_robots = ignore_robots;
		po.progress = isatty(2) && !news_quiet;
		po.state = statefile ? state_open(statefile) : NULL;
		po.retry_wait = retry_wait;
		r = pages_run(argc, argv, &po);
		news_notes_end();
		if (state_close(po.state) != 0 && r == NEWS_EXIT_OK)
			r = NEWS_EXIT_FAIL;
		curl_global_cleanup();
		if (news_fshut(stdout, "<stdout>") != 0)
			return NEWS_EXIT_FATAL;
		return r;
	}
	for (c = 0; c < argc; c++)
		sources_add(&srcs, argv[c], NULL);
	if (export) {
		sources_write_opml(&srcs, stdout);
		sources_free(&srcs);
		return news_fshut(stdout, "<stdout>") ? NEWS_EXIT_FATAL : NEWS_EXIT_OK;
	}
	if (srcs.n == 0) {
		news_warn("no sources: give feed URLs or files as operands, "
		    "or -f file or --opml file");
		usage();
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	xmlInitParser();
	if (statefile) {
		state = state_open(statefile);
		if ((r = state_replay(state, stdout)) < 0)
			stdout_dead = 1;
		else
			total_items += r;
	}
	run_sources(&srcs, &ho);
	if (state_close(state) != 0)
		status = NEWS_EXIT_FAIL;
	sources_free(&srcs);
	xmlCleanupParser();
	curl_global_cleanup();
	if (news_fshut(stdout, "<stdout>") != 0)
		return NEWS_EXIT_FATAL;
	return status;
}
