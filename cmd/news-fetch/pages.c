/*
 * pages.c: news-fetch --pages.  Reads records, fetches each record's url
 * through the same pool and politeness as feeds, and writes the record
 * with html, status, final_url, content_type and fetched_at added, in
 * input order (a window of records is held while their pages arrive).
 *
 * html is the page decoded to UTF-8 (lib/html.h: BOM, the Content-Type
 * charset, <meta>, else a guess); content_type is the header as the
 * server sent it.  robots.txt is fetched once per origin and honoured
 * (RFC 9309: the group for "newsutils", else "*"; longest match wins,
 * Allow on a tie; 4xx means no rules; 5xx or no answer means not this
 * run: not a ban, said once for the origin) unless ignore_robots; its
 * Crawl-delay (of the same group) is the least delay between requests to
 * the host, at most CRAWL_DELAY_MAX.  Only http and https URLs are
 * fetched: a record may come from the network, so it can never make us
 * read a file.  A page that fails keeps its record, with error (and
 * status when there was an answer), and a diagnostic; the exit status is
 * then 1.  With a state, what became of each page written is told to it
 * once the record is flushed (state_delivered()): a page that failed but
 * may come later is fetched again in a later run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "news.h"
#include "buf.h"
#include "date.h"
#include "html.h"
#include "record.h"
#include "text.h"
#include "url.h"
#include "fetch.h"

#define WINDOW_MIN 64
#define ROBOTS_MAX (512 * 1024)
#define CRAWL_DELAY_MAX 30.0	/* seconds: a longer Crawl-delay is cut */

enum { P_ROBOTS, P_FETCH, P_DONE };

struct rule {
	char *pat;
	int allow;
};

struct robots {
	char *origin;
	int ready;
	int unreachable;	/* no answer, or 5xx: nothing fetched this run */
	double crawl_delay;	/* 0 when none */
	struct rule *rules;
	size_t nrules;
	struct news_buf body;
	struct http_req req;
	struct robots *next;
};

struct page {
	json_t *rec;
	int state;
	char *where;
	struct robots *rb;
	struct http_req req;
	struct news_buf body;
	char *key;		/* with a state: the item's key */
	int retry;		/* failed, may come later */
};

struct run {
	const struct pages_opts *o;
	struct http *h;
	struct page **q;	/* the window, in input order */
	size_t head, n, cap;
	struct robots *robots;
	int status;
};

static char *
origin_of(const char *url)
{
	const char *p = strstr(url, "://"), *e;

	if (p == NULL)
		return NULL;
	e = strpbrk(p + 3, "/?#");
	return news_xstrndup(url, e ? (size_t)(e - url) : strlen(url));
}

/* the path and query of url, for robots.txt matching */
static const char *
path_of(const char *url)
{
	const char *p = strstr(url, "://"), *e;

	if (p == NULL || (e = strpbrk(p + 3, "/?")) == NULL)
		return "/";
	return e;
}

/* does pattern (with '*' and a final '$') match the start of path? */
static int
rmatch(const char *pat, const char *path)
{
	for (; *pat; pat++) {
		if (*pat == '*') {
			for (;; path++) {
				if (rmatch(pat + 1, path))
					return 1;
				if (*path == '\0' || *path == '#')
					return 0;
			}
		}
		if (*pat == '$' && pat[1] == '\0')
			return *path == '\0' || *path == '#';
		if (*path != *pat)
			return 0;
		path++;
	}
	return 1;
}

static int
allowed(const struct robots *rb, const char *url)
{
	const char *path = path_of(url);
	size_t i, best = 0, len;
	int allow = 1;

	for (i = 0; i < rb->nrules; i++) {
		len = strlen(rb->rules[i].pat);
		if (!rmatch(rb->rules[i].pat, path))
			continue;
		if (len > best || (len == best && rb->rules[i].allow)) {
			best = len;
			allow = rb->rules[i].allow;
		}
	}
	return allow;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* a Crawl-delay value: seconds, fractions allowed; nonsense is ignored */
static void
crawl_delay(struct robots *rb, const char *v)
{
	char *e;
	double d = strtod(v, &e);

	if (e == v || *trim(e) != '\0' || !(d >= 0))
		return;
	if (d > CRAWL_DELAY_MAX)
		d = CRAWL_DELAY_MAX;
	if (d > rb->crawl_delay)
		rb->crawl_delay = d;
}

/*
 * Keep the rules of the groups for "newsutils", or else of those for
 * "*".  Pass 0 looks for our own token, pass 1 for "*".
 */
static void
robots_parse(struct robots *rb)
{
	char *text = news_xstrdup(news_buf_str(&rb->body)), *line, *save = NULL;
	char *k, *v, *c;
	int pass, mine, in_agents, found = 0;

	for (pass = 0; pass < 2 && !found; pass++) {
		free(text);
		text = news_xstrdup(news_buf_str(&rb->body));
		mine = in_agents = 0;
		for (line = strtok_r(text, "\n", &save); line;
		    line = strtok_r(NULL, "\n", &save)) {
			if ((c = strchr(line, '#')) != NULL)
				*c = '\0';
			if ((c = strchr(line, ':')) == NULL)
				continue;
			*c = '\0';
			k = trim(line);
			v = trim(c + 1);
			if (strcasecmp(k, "user-agent") == 0) {
				if (!in_agents)
					mine = 0;
				in_agents = 1;
				if ((pass == 0 && strncasecmp(v, "newsutils", 9) == 0) ||
				    (pass == 1 && strcmp(v, "*") == 0))
					mine = found = 1;
				continue;
			}
			in_agents = 0;
			if (!mine || *v == '\0')
				continue;
			if (strcasecmp(k, "crawl-delay") == 0) {
				crawl_delay(rb, v);
				continue;
			}
			if (strcasecmp(k, "disallow") == 0 || strcasecmp(k, "allow") == 0) {
				rb->rules = news_xreallocarray(rb->rules, rb->nrules + 1,
				    sizeof(*rb->rules));
				rb->rules[rb->nrules].pat = news_xstrdup(v);
				rb->rules[rb->nrules].allow = strcasecmp(k, "allow") == 0;
				rb->nrules++;
			}
		}
	}
	free(text);
}

static void start_page(struct run *run, struct page *p);

/* the page is missing; retry: it may come in a later run */
static void
page_error(struct run *run, struct page *p, const char *msg, int retry)
{
	json_object_set_new(p->rec, "error", json_string(msg));
	p->state = P_DONE;
	p->retry = retry;
	run->status = NEWS_EXIT_FAIL;
}

static void
page_fail(struct run *run, struct page *p, const char *msg, int retry)
{
	news_warn("%s: %s", p->where, msg);
	page_error(run, p, msg, retry);
}

/*
 * Worth another try in a later run: no answer (timeout, connection),
 * a server error, too many requests, or a 404 (a page often is in the
 * feed before it is published).  A 410, 403 or other 4xx, a redirect
 * refused, a page too large or not HTML will not change.
 */
static int
worth_retrying(const struct http_req *r)
{
	long c = r->status;

	return r->hostfail || c >= 500 || c == 404 || c == 408 ||
	    c == 425 || c == 429;
}

static int
robots_data(struct http_req *r, const char *s, size_t n)
{
	struct robots *rb = r->arg;

	if (rb->body.len + n <= ROBOTS_MAX)
		news_buf_add(&rb->body, s, n);
	return 0;
}

static struct run *current;

static void
robots_done(struct http_req *r)
{
	struct robots *rb = r->arg;
	struct run *run = current;
	size_t i;

	if (r->status >= 200 && r->status < 300) {
		robots_parse(rb);
		if (rb->crawl_delay > 0 && r->host)
			http_host_delay(run->h, r->host, rb->crawl_delay);
	}
	else if (r->status >= 400 && r->status < 500)
		;	/* no robots.txt: no rules */
	else {
		char why[32];

		/* RFC 9309 2.3.1.4: unreachable means keep off for now */
		rb->unreachable = 1;
		snprintf(why, sizeof(why), "HTTP %ld", r->status);
		news_warn("%s: robots.txt: %s: its pages are not fetched this run",
		    rb->origin, r->error ? r->error : why);
	}
	rb->ready = 1;
	news_buf_free(&rb->body);
	for (i = run->head; i < run->head + run->n; i++) {
		struct page *p = run->q[i % run->cap];

		if (p->state == P_ROBOTS && p->rb == rb)
			start_page(run, p);
	}
}

static struct robots *
robots_for(struct run *run, const char *url)
{
	char *origin = origin_of(url);
	struct robots *rb;

	for (rb = run->robots; rb; rb = rb->next)
		if (strcmp(rb->origin, origin) == 0) {
			free(origin);
			return rb;
		}
	rb = news_xcalloc(1, sizeof(*rb));
	rb->origin = origin;
	rb->next = run->robots;
	run->robots = rb;
	if (asprintf(&rb->req.url, "%s/robots.txt", origin) < 0)
		news_fatal("out of memory");
	rb->req.arg = rb;
	rb->req.on_data = robots_data;
	rb->req.on_done = robots_done;
	http_add(run->h, &rb->req);
	return rb;
}

static int
page_data(struct http_req *r, const char *s, size_t n)
{
	struct page *p = r->arg;

	news_buf_add(&p->body, s, n);
	return 0;
}

static int
is_html_type(const char *ct)
{
	return ct == NULL || strncasecmp(ct, "text/html", 9) == 0 ||
	    strncasecmp(ct, "application/xhtml+xml", 21) == 0 ||
	    strncasecmp(ct, "text/plain", 10) == 0 || *ct == '\0';
}

static void
page_done(struct http_req *r)
{
	struct page *p = r->arg;
	struct run *run = current;
	char date[NEWS_DATE_BUFSZ], *html;
	const char *cs;
	size_t len;

	if (r->status > 0)
		json_object_set_new(p->rec, "status", json_integer(r->status));
	if (r->final_url)
		json_object_set_new(p->rec, "final_url", json_string(r->final_url));
	if (r->content_type)
		news_record_set_str(p->rec, "content_type", r->content_type);
	if (news_date_format(r->fetched_at, date))
		json_object_set_new(p->rec, "fetched_at", json_string(date));
	if (r->error) {
		page_fail(run, p, r->error, worth_retrying(r));
	} else if (!is_html_type(r->content_type)) {
		char msg[160];

		snprintf(msg, sizeof(msg), "not an HTML page (Content-Type %s)",
		    r->content_type);
		page_fail(run, p, msg, 0);
	} else {
		cs = news_html_charset(news_buf_str(&p->body), p->body.len,
		    r->content_type, NULL);
		html = news_html_to_utf8(news_buf_str(&p->body), p->body.len, cs, &len);
		if (html == NULL)
			html = news_utf8_repair(news_buf_str(&p->body), p->body.len, &len);
		json_object_set_new(p->rec, "html", json_stringn(html, len));
		free(html);
		p->state = P_DONE;
	}
	news_buf_free(&p->body);
}

static void
start_page(struct run *run, struct page *p)
{
	const char *url = news_record_str(p->rec, "url");

	if (!run->o->ignore_robots) {
		if (p->rb == NULL)
			p->rb = robots_for(run, url);
		if (!p->rb->ready) {
			p->state = P_ROBOTS;
			return;
		}
		if (p->rb->unreachable) {
			page_error(run, p, "robots.txt could not be fetched: "
			    "not fetched this run", 1);
			return;
		}
		if (!allowed(p->rb, url)) {
			page_fail(run, p, "disallowed by robots.txt "
			    "(--ignore-robots to fetch it)", 0);
			return;
		}
	}
	p->state = P_FETCH;
	p->req.url = news_xstrdup(url);
	p->req.arg = p;
	p->req.on_data = page_data;
	p->req.on_done = page_done;
	http_add(run->h, &p->req);
}

/* a record with no page to fetch, summed up once at the end */
static struct news_note nourl = NEWS_NOTE("no url", "passed through", 0);

static void
add_record(struct run *run, json_t *rec, struct news_reader *r)
{
	struct page *p = news_xcalloc(1, sizeof(*p));
	const char *url = news_record_str(rec, "url"), *label;

	p->rec = rec;
	if (run->o->state)
		p->key = state_key(news_record_str(rec, "id"), url,
		    news_record_str(rec, "title"), news_record_str(rec, "published"));
	label = news_record_label(rec);
	if (label)
		p->where = news_xstrdup(label);
	else
		p->where = news_xstrdup(news_reader_where(r));
	if (run->n == run->cap) {
		size_t i, ncap = run->cap ? run->cap * 2 : WINDOW_MIN;
		struct page **nq = news_xcalloc(ncap, sizeof(*nq));

		for (i = 0; i < run->n; i++)
			nq[i] = run->q[(run->head + i) % run->cap];
		free(run->q);
		run->q = nq;
		run->cap = ncap;
		run->head = 0;
	}
	run->q[(run->head + run->n) % run->cap] = p;
	run->n++;
	if (url == NULL || *url == '\0') {
		news_note(&nourl, p->where);
		p->state = P_DONE;
	} else if (!news_url_is_http(url)) {
		page_fail(run, p, "not an http or https URL: not fetched", 0);
	} else {
		start_page(run, p);
	}
}

static void
page_free(struct page *p)
{
	json_decref(p->rec);
	free(p->req.url);
	http_req_clear(&p->req);
	news_buf_free(&p->body);
	free(p->where);
	free(p->key);
	free(p);
}

/* the fields this stage adds: a record to write again goes without them */
static const char *const page_fields[] = {
	"html", "status", "final_url", "content_type", "fetched_at", "error"
};

/*
 * Tell the state what became of the pages of records written and
 * flushed; say which were given up.
 */
static void
report(struct run *run, struct page **v, size_t n)
{
	struct state_page *sp = news_xcalloc(n, sizeof(*sp));
	struct news_buf *lines = news_xcalloc(n, sizeof(*lines));
	size_t i, k;
	json_t *c;

	for (i = 0; i < n; i++) {
		sp[i].key = v[i]->key;
		sp[i].retry = v[i]->retry;
		if (!v[i]->retry)
			continue;
		c = json_copy(v[i]->rec);
		for (k = 0; k < sizeof(page_fields) / sizeof(page_fields[0]); k++)
			json_object_del(c, page_fields[k]);
		news_json_put(&lines[i], c);
		json_decref(c);
		sp[i].record = news_buf_str(&lines[i]);
	}
	if (state_delivered(run->o->state, sp, n, run->o->retry_wait) == 0)
		for (i = 0; i < n; i++)
			if (sp[i].given_up)
				news_warn("%s: %s: given up after %d tries",
				    v[i]->where, json_string_value(json_object_get(
				    v[i]->rec, "error")), sp[i].tries);
	for (i = 0; i < n; i++)
		news_buf_free(&lines[i]);
	free(lines);
	free(sp);
}

/*
 * Write the finished records at the head of the window; with a state,
 * flush them and report on them.  -1 on a write error.
 */
static int
flush_done(struct run *run)
{
	struct page *p, **done = NULL;
	size_t n = 0, i;
	int r = 0;

	while (run->n > 0 && (p = run->q[run->head])->state == P_DONE) {
		if (news_record_write(p->rec, stdout) != 0) {
			r = -1;
			break;
		}
		run->head = (run->head + 1) % run->cap;
		run->n--;
		done = news_xreallocarray(done, n + 1, sizeof(*done));
		done[n++] = p;
	}
	if (r == 0 && n > 0 && run->o->state) {
		if (fflush(stdout) != 0)
			r = -1;
		else
			report(run, done, n);
	}
	for (i = 0; i < n; i++)
		page_free(done[i]);
	free(done);
	return r;
}

int
pages_run(int argc, char **argv, const struct pages_opts *o)
{
	struct run run = { 0 };
	struct http_opts ho = o->http;
	struct news_reader *r = NULL;
	struct robots *rb, *nrb;
	size_t window = ho.jobs * 4 > WINDOW_MIN ? ho.jobs * 4 : WINDOW_MIN;
	int i = 0, eof = 0, n, werr = 0;
	json_t *rec;
	char *stdin_only[] = { "-" };

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	ho.accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
	run.o = o;
	run.h = http_new(&ho);
	current = &run;
	while (!werr) {
		while (!eof && run.n < window) {
			if (r == NULL) {
				if (i >= argc) {
					eof = 1;
					break;
				}
				if ((r = news_reader_open(argv[i])) == NULL) {
					news_warn("%s:", argv[i]);
					run.status = NEWS_EXIT_FAIL;
					i++;
					continue;
				}
			}
			n = news_reader_next(r, &rec);
			if (n == NEWS_READ_OK) {
				add_record(&run, rec, r);
				continue;
			}
			if (n == NEWS_READ_BAD) {
				run.status = NEWS_EXIT_FAIL;
				continue;
			}
			if (n == NEWS_READ_ERR)
				run.status = NEWS_EXIT_FAIL;
			news_reader_close(r);
			r = NULL;
			i++;
		}
		if (flush_done(&run) != 0) {
			werr = 1;
			break;
		}
		if (eof && run.n == 0)
			break;
		if (!http_step(run.h, o->progress) && run.n > 0 &&
		    run.q[run.head]->state != P_DONE)
			news_fatal("internal error: a page waits for nothing");
	}
	news_reader_close(r);
	while (run.n > 0) {
		page_free(run.q[run.head]);
		run.head = (run.head + 1) % run.cap;
		run.n--;
	}
	for (rb = run.robots; rb; rb = nrb) {
		size_t k;

		nrb = rb->next;
		for (k = 0; k < rb->nrules; k++)
			free(rb->rules[k].pat);
		free(rb->rules);
		free(rb->origin);
		free(rb->req.url);
		http_req_clear(&rb->req);
		news_buf_free(&rb->body);
		free(rb);
	}
	free(run.q);
	http_free(run.h);
	if (o->progress)
		fputc('\n', stderr);
	return werr ? NEWS_EXIT_FATAL : run.status;
}
