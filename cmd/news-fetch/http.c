/*
 * http.c: many transfers at once through libcurl's multi interface, run
 * as a refill pool (curl's docs/examples/10-at-a-time.c): at most `jobs`
 * transfers, at most `per_host` per host (0: no limit) and `delay`
 * seconds between two starts on one host (more for a host given its own
 * delay by http_host_delay()).  Timeouts, connection errors
 * and 5xx replies are retried with exponential backoff and jitter, 429
 * and 503 after the Retry-After the server asked for (when it is at most
 * max_retry_after).  A transfer whose body already reached the caller is
 * never retried (the caller may have used it).
 *
 * Only http and https, also after redirects (at most 10); bodies above
 * max_size are cut off with an error; gzip, deflate and brotli are
 * accepted.  Body bytes of 2xx replies go to on_data as they arrive.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

#include <curl/curl.h>

#include "news.h"
#include "date.h"
#include "url.h"
#include "fetch.h"

#define BACKOFF_BASE 0.5	/* seconds before the first retry */
/*
 * File descriptors a transfer may hold: its socket, the threaded
 * resolver's socket pair while it resolves, and the connection cache
 * (2 per job, see http_new); and those left for the rest of the
 * process (stdio, the state database and its journal, curl's own).
 */
#define FDS_PER_JOB 3
#define FDS_SPARE 8		/* beyond those open when the pool starts */
#define FDS_OPEN_GUESS 56	/* those open, before they are counted */

struct host {
	char *name;
	int active;
	double next;		/* earliest next start */
	double last;		/* the last start */
	double delay;		/* its own least delay (robots.txt Crawl-delay) */
	struct host *link;
};

struct http {
	struct http_opts o;
	CURLM *multi;
	struct http_req *head, *tail;	/* waiting */
	int active;
	struct host *hosts;
	size_t total, done;
	char errbuf[CURL_ERROR_SIZE];
};

struct easy {
	struct http_req *r;
	struct curl_slist *hdrs;
	char errbuf[CURL_ERROR_SIZE];
};

double
http_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* the descriptors open now (counted only when the limit is small) */
static long
fds_open(long limit)
{
	long fd, n = 0;

	for (fd = 0; fd < limit; fd++)
		if (fcntl((int)fd, F_GETFD) != -1)
			n++;
	return n;
}

static long
fds_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return -1;
	return (long)rl.rlim_cur;
}

/*
 * EMFILE or ENFILE when no descriptor can be opened now, else 0: curl
 * says only "Couldn't connect" when socket() failed.
 */
static int
fds_exhausted(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC), e = errno;

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	return e == EMFILE || e == ENFILE ? e : 0;
}

/*
 * -j as RLIMIT_NOFILE allows: the soft limit is raised towards the hard
 * one as far as the jobs need, and where that is not enough, jobs is
 * lowered with a note (else transfers fail with EMFILE at random).
 */
static int
fd_jobs(int jobs)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)jobs * FDS_PER_JOB + FDS_SPARE + FDS_OPEN_GUESS;
	long avail, fit;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= need)
		return jobs;
	if (rl.rlim_max == RLIM_INFINITY || rl.rlim_max > rl.rlim_cur) {
		struct rlimit up = rl;

		up.rlim_cur = rl.rlim_max != RLIM_INFINITY && rl.rlim_max < need ?
		    rl.rlim_max : need;
		if (setrlimit(RLIMIT_NOFILE, &up) == 0)
			rl = up;
		if (rl.rlim_cur >= need)
			return jobs;
	}
	avail = (long)rl.rlim_cur - fds_open((long)rl.rlim_cur) - FDS_SPARE;
	fit = avail / FDS_PER_JOB;
	if (fit < 1)
		fit = 1;
	if (fit < jobs) {
		news_info("-j %d lowered to %ld: %ld file descriptors allowed "
		    "(RLIMIT_NOFILE; about %d a transfer)", jobs, fit,
		    (long)rl.rlim_cur, FDS_PER_JOB);
		return (int)fit;
	}
	return jobs;
}

struct http *
http_new(const struct http_opts *o)
{
	struct http *h = news_xcalloc(1, sizeof(*h));

	h->o = *o;
	h->o.jobs = fd_jobs(o->jobs);
	if ((h->multi = curl_multi_init()) == NULL)
		news_fatal("libcurl: cannot create a multi handle");
	curl_multi_setopt(h->multi, CURLMOPT_MAXCONNECTS, (long)h->o.jobs * 2);
	return h;
}

void
http_free(struct http *h)
{
	struct host *x, *nx;

	if (h == NULL)
		return;
	for (x = h->hosts; x; x = nx) {
		nx = x->link;
		free(x->name);
		free(x);
	}
	curl_multi_cleanup(h->multi);
	free(h);
}

void
http_req_clear(struct http_req *r)
{
	free(r->final_url);
	free(r->content_type);
	free(r->etag_new);
	free(r->last_modified_new);
	free(r->moved);
	free(r->error);
	free(r->host);
	free(r->last_location);
	free(r->hop_url);
	free(r->read_url);
	free(r->perm_target);
	r->final_url = r->content_type = r->etag_new = r->last_modified_new = NULL;
	r->moved = r->error = r->host = r->last_location = NULL;
	r->hop_url = r->read_url = r->perm_target = NULL;
}

static struct host *
host_of(struct http *h, const char *name)
{
	struct host *x;

	for (x = h->hosts; x; x = x->link)
		if (strcmp(x->name, name) == 0)
			return x;
	x = news_xcalloc(1, sizeof(*x));
	x->name = news_xstrdup(name);
	x->link = h->hosts;
	h->hosts = x;
	return x;
}

void
http_host_delay(struct http *h, const char *host, double delay)
{
	struct host *x = host_of(h, host);

	if (delay <= x->delay)
		return;
	x->delay = delay;
	if (x->last > 0 && x->last + delay > x->next)
		x->next = x->last + delay;
}

static void
enqueue(struct http *h, struct http_req *r)
{
	r->next = NULL;
	if (h->tail)
		h->tail->next = r;
	else
		h->head = r;
	h->tail = r;
}

void
http_add(struct http *h, struct http_req *r)
{
	if (r->host == NULL && (r->host = news_url_host(r->url)) == NULL)
		r->host = news_xstrdup("");
	h->total++;
	enqueue(h, r);
}

static void
set_str(char **dst, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t'))
		n--;
	free(*dst);
	*dst = news_xstrndup(s, n);
}

static double
parse_retry_after(const char *s)
{
	char *e;
	double v = strtod(s, &e);
	int64_t t;

	if (e != s && (*e == '\0' || *e == ' ' || *e == '\r'))
		return v < 0 ? 0 : v;
	if (news_date_parse(s, (size_t)-1, 0, 0, &t, NULL) == 0)
		return t > http_now() ? t - http_now() : 0;
	return 0;
}

/*
 * A redirect of the response being read to loc.  The feed URL has moved
 * permanently to where the chain's leading run of 301/308 hops leads:
 * 301 A->B, 308 B->C, 302 C->D reports C; 302 A->B, 301 B->C reports
 * nothing (A itself is only temporarily elsewhere).
 */
static void
hop(struct http_req *r, const char *loc)
{
	long c = r->hop_status;
	char *next;

	if (c < 300 || c >= 400 || c == 304 ||
	    (next = news_url_resolve(r->hop_url ? r->hop_url : r->url, loc)) == NULL)
		return;
	if (r->perm_open && (c == 301 || c == 308)) {
		free(r->perm_target);
		r->perm_target = news_xstrdup(next);
	} else {
		r->perm_open = 0;
	}
	free(r->hop_url);
	r->hop_url = next;
}

static size_t
header_cb(char *p, size_t size, size_t nmemb, void *arg)
{
	struct http_req *r = arg;
	size_t n = size * nmemb;
	char *tmp = NULL;
	const char *v;
	long code;

#define HDR(name) (n > sizeof(name) - 1 && strncasecmp(p, name, sizeof(name) - 1) == 0 && \
	(v = p + sizeof(name) - 1))
	if (n > 5 && strncmp(p, "HTTP/", 5) == 0) {
		/* a new response (after a redirect or a 100) */
		v = memchr(p, ' ', n);
		code = v ? strtol(v + 1, NULL, 10) : 0;
		if (r->first_status == 0 && code >= 200)
			r->first_status = code;
		if (code >= 200)
			r->hop_status = code;
		free(r->read_url);
		r->read_url = news_xstrdup(r->hop_url ? r->hop_url : r->url);
		free(r->etag_new);
		free(r->last_modified_new);
		free(r->content_type);
		r->etag_new = r->last_modified_new = r->content_type = NULL;
		r->retry_after = 0;
	} else if (HDR("etag:")) {
		set_str(&r->etag_new, v, n - (v - p));
	} else if (HDR("last-modified:")) {
		set_str(&r->last_modified_new, v, n - (v - p));
	} else if (HDR("content-type:")) {
		set_str(&r->content_type, v, n - (v - p));
	} else if (HDR("location:")) {
		set_str(&r->last_location, v, n - (v - p));
		hop(r, r->last_location);
	} else if (HDR("retry-after:")) {
		set_str(&tmp, v, n - (v - p));
		r->retry_after = parse_retry_after(tmp);
		free(tmp);
	}
#undef HDR
	return n;
}

static size_t
write_cb(char *p, size_t size, size_t nmemb, void *arg)
{
	struct http_req *r = arg;
	size_t n = size * nmemb;
	long code = 0;

	curl_easy_getinfo((CURL *)r->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code < 200 || code >= 300)
		return n;	/* an error page: not a feed */
	if (n > r->max_size - r->bytes) {
		r->toolarge = 1;
		return 0;
	}
	r->bytes += n;
	r->delivered = 1;
	if (r->on_data && r->on_data(r, p, n) != 0) {
		r->aborted = 1;
		return 0;
	}
	return n;
}

static void
start(struct http *h, struct http_req *r, struct host *x, double now)
{
	struct easy *ez = news_xcalloc(1, sizeof(*ez));
	CURL *e;
	char *hv;

	if ((e = curl_easy_init()) == NULL)
		news_fatal("libcurl: cannot create a handle");
	ez->r = r;
	r->easy = e;
	r->attempts++;
	r->bytes = 0;
	r->max_size = h->o.max_size ? h->o.max_size : (size_t)-1;
	r->first_status = r->hop_status = 0;
	r->retry_after = 0;
	free(r->last_location);
	free(r->hop_url);
	free(r->read_url);
	free(r->perm_target);
	r->last_location = r->hop_url = r->read_url = r->perm_target = NULL;
	r->perm_open = 1;
	curl_easy_setopt(e, CURLOPT_URL, r->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, ez);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, ez->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, 10L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_USERAGENT, h->o.user_agent);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, h->o.connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, h->o.timeout);
	if (h->o.max_size)
		curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
		    (curl_off_t)h->o.max_size);
	if (h->o.accept) {
		hv = NULL;
		if (asprintf(&hv, "Accept: %s", h->o.accept) < 0)
			news_fatal("out of memory");
		ez->hdrs = curl_slist_append(ez->hdrs, hv);
		free(hv);
	}
	if (r->etag && *r->etag) {
		if (asprintf(&hv, "If-None-Match: %s", r->etag) < 0)
			news_fatal("out of memory");
		ez->hdrs = curl_slist_append(ez->hdrs, hv);
		free(hv);
	}
	if (r->last_modified && *r->last_modified) {
		if (asprintf(&hv, "If-Modified-Since: %s", r->last_modified) < 0)
			news_fatal("out of memory");
		ez->hdrs = curl_slist_append(ez->hdrs, hv);
		free(hv);
	}
	if (ez->hdrs)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, ez->hdrs);
	x->active++;
	x->last = now;
	x->next = now + (x->delay > h->o.delay ? x->delay : h->o.delay);
	h->active++;
	curl_multi_add_handle(h->multi, e);
}

/* start what may start; returns the seconds until the next may, or -1 */
static double
refill(struct http *h)
{
	struct http_req *r, *prev = NULL, *next;
	struct host *x;
	double now = http_now(), wait = -1, w;

	for (r = h->head; r && h->active < h->o.jobs; r = next) {
		next = r->next;
		x = host_of(h, r->host);
		w = r->not_before > x->next ? r->not_before : x->next;
		if ((h->o.per_host > 0 && x->active >= h->o.per_host) || w > now) {
			if (w > now && (wait < 0 || w - now < wait))
				wait = w - now;
			prev = r;
			continue;
		}
		if (prev)
			prev->next = next;
		else
			h->head = next;
		if (h->tail == r)
			h->tail = prev;
		start(h, r, x, now);
	}
	return wait;
}

static double
backoff(int attempt)
{
	double b = BACKOFF_BASE * pow(2, attempt - 1);

	return b * (0.5 + (double)rand() / RAND_MAX);	/* jitter */
}

static char *
msg(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		news_fatal("out of memory");
	va_end(ap);
	return s;
}

static int
retryable_curl(CURLcode c)
{
	return c == CURLE_OPERATION_TIMEDOUT || c == CURLE_COULDNT_CONNECT ||
	    c == CURLE_RECV_ERROR || c == CURLE_SEND_ERROR ||
	    c == CURLE_GOT_NOTHING || c == CURLE_PARTIAL_FILE ||
	    c == CURLE_COULDNT_RESOLVE_HOST;
}

/* a finished transfer: 1 when it is to be tried again */
static int
done(struct http *h, struct http_req *r, CURLcode res, const char *errbuf)
{
	CURL *e = r->easy;
	char *eff = NULL;
	long code = 0, nredir = 0, oserr = 0;

	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(e, CURLINFO_OS_ERRNO, &oserr);
	curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &nredir);
	r->status = code;
	free(r->final_url);
	/* a refused redirect's target was never fetched */
	if (res == CURLE_UNSUPPORTED_PROTOCOL && r->read_url)
		r->final_url = news_xstrdup(r->read_url);
	else
		r->final_url = news_xstrdup(eff ? eff : r->url);
	r->fetched_at = time(NULL);
	free(r->error);
	r->error = NULL;
	r->hostfail = 0;
	free(r->moved);
	r->moved = NULL;
	if (nredir > 0 && r->perm_target && res == CURLE_OK && code < 400)
		r->moved = news_xstrdup(r->perm_target);
	if (r->toolarge || res == CURLE_FILESIZE_EXCEEDED) {
		r->error = msg("body larger than the maximum of %zu bytes "
		    "(--max-size)", h->o.max_size);
		return 0;
	}
	if (r->aborted) {
		r->error = msg("transfer stopped");
		return 0;
	}
	if (res == CURLE_UNSUPPORTED_PROTOCOL) {
		char *to = NULL;

		if (r->last_location && r->read_url)
			to = news_url_resolve(r->read_url, r->last_location);
		if (to == NULL && r->last_location)
			to = news_xstrdup(r->last_location);
		r->error = msg("redirect to %s refused (only http and https)",
		    to ? to : "another scheme");
		free(to);
		return 0;
	}
	if (res == CURLE_TOO_MANY_REDIRECTS) {
		r->error = msg("too many redirects (more than 10)");
		return 0;
	}
	if (res != CURLE_OK && oserr != EMFILE && oserr != ENFILE && code == 0)
		oserr = fds_exhausted();
	if (res != CURLE_OK && (oserr == EMFILE || oserr == ENFILE)) {
		/* the process's own limit, not the host's failure */
		if (!r->delivered && r->attempts <= h->o.retries) {
			r->not_before = http_now() + backoff(r->attempts);
			return 1;
		}
		r->error = oserr == EMFILE ? msg("out of file descriptors (the "
		    "limit is %ld, RLIMIT_NOFILE): lower -j or raise ulimit -n",
		    fds_limit()) : msg("out of file descriptors (the system's "
		    "file table is full)");
		return 0;
	}
	if (res != CURLE_OK) {
		if (retryable_curl(res) && !r->delivered &&
		    r->attempts <= h->o.retries) {
			r->not_before = http_now() + backoff(r->attempts);
			return 1;
		}
		r->error = msg("%s", *errbuf ? errbuf : curl_easy_strerror(res));
		r->hostfail = retryable_curl(res);
		if (r->delivered && res == CURLE_OPERATION_TIMEDOUT)
			r->status = 0;
		return 0;
	}
	if (code == 304 || (code >= 200 && code < 300))
		return 0;
	if ((code == 429 || code == 503) && r->attempts <= h->o.retries &&
	    r->retry_after <= h->o.max_retry_after) {
		double b = backoff(r->attempts);

		r->not_before = http_now() + (r->retry_after > b ? r->retry_after : b);
		return 1;
	}
	if (code >= 500 && code != 503 && r->attempts <= h->o.retries) {
		r->not_before = http_now() + backoff(r->attempts);
		return 1;
	}
	/* a Retry-After is the host's own say on when to come back */
	r->hostfail = code >= 500 && !(code == 503 && r->retry_after > 0);
	if (code == 429 || code == 503)
		r->error = r->retry_after > 0 ?
		    msg("HTTP %ld (Retry-After %.0f s)", code, r->retry_after) :
		    msg("HTTP %ld", code);
	else if (code == 410)
		r->error = msg("HTTP 410 Gone: the feed is gone for good; "
		    "remove it from your list");
	else
		r->error = msg("HTTP %ld", code);
	return 0;
}

/*
 * One round: start what may start, move the transfers, finish what is
 * done (calling on_done), and wait at most until something can happen.
 * Returns 0 when nothing is left to do.
 */
int
http_step(struct http *h, int progress)
{
	CURLMsg *m;
	int running, left;
	double wait;
	long ms;

	wait = refill(h);
	if (h->active == 0 && h->head == NULL)
		return 0;
	curl_multi_perform(h->multi, &running);
	while ((m = curl_multi_info_read(h->multi, &left)) != NULL) {
		struct easy *ez;
		struct http_req *r;
		CURL *e = m->easy_handle;
		int again;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&ez);
		r = ez->r;
		host_of(h, r->host)->active--;
		h->active--;
		again = done(h, r, m->data.result, ez->errbuf);
		r->easy = NULL;
		curl_multi_remove_handle(h->multi, e);
		curl_easy_cleanup(e);
		curl_slist_free_all(ez->hdrs);
		free(ez);
		if (again) {
			enqueue(h, r);
			continue;
		}
		h->done++;
		if (r->on_done)
			r->on_done(r);
		if (progress)
			fprintf(stderr, "\r%s: %zu/%zu done, %d active ",
			    news_getprog(), h->done, h->total, h->active);
	}
	wait = refill(h);
	if (h->active == 0 && h->head == NULL)
		return 0;
	ms = h->active > 0 ? 1000 : 100;
	if (wait >= 0 && wait * 1000 < ms)
		ms = (long)(wait * 1000) + 1;
	curl_multi_poll(h->multi, NULL, 0, (int)ms, NULL);
	return 1;
}

void
http_run(struct http *h, int progress)
{
	while (http_step(h, progress))
		;
	if (progress)
		fputc('\n', stderr);
}
