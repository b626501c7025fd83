/*
 * state.c: what news-fetch remembers between runs, in an SQLite database
 * (WAL mode): per source the ETag and Last-Modified of the last response,
 * the keys of the items already written, and per host how long to stay
 * away (a Retry-After it sent, or a backoff after repeated failures) and
 * how many runs in a row it failed; and the outbox, the items whose pages
 * are to be fetched again (see state_replay()).  Every change is one
 * transaction, so a run killed at any moment leaves the last committed
 * state; two runs on one file (or the two stages of one pipeline) wait
 * for each other's transactions, never corrupt it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "news.h"
#include "url.h"
#include "fetch.h"

#define LOCK_WAIT_MAX 600	/* seconds we wait for another run's lock */
#define LOCK_WAIT_SAY 20	/* busy rounds of 50 ms before we say so */
#define PAGE_TRIES 5		/* fetches of a page before it is given up */

struct state {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *seen, *validators, *ins_seen, *upsert_src, *host_get,
	    *host_set, *ob_tries, *ob_del, *ob_retry;
	int warned;
	size_t nwrites, nfailed;	/* write transactions, and failed ones */
	char *why;		/* the first failure's message */
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS source ("
	"  url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked INTEGER);"
	"CREATE TABLE IF NOT EXISTS seen ("
	"  source TEXT NOT NULL, key TEXT NOT NULL, first_seen INTEGER,"
	"  PRIMARY KEY (source, key)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS host ("
	"  name TEXT PRIMARY KEY, backoff_until REAL,"
	"  failures INTEGER NOT NULL DEFAULT 0);"
	/*
	 * key: the item's (state_key()); record: the line to write again;
	 * due: 1 while it waits for retry_at; tries: the page's failed
	 * fetches so far.
	 */
	"CREATE TABLE IF NOT EXISTS outbox ("
	"  key TEXT PRIMARY KEY, record TEXT, due INTEGER NOT NULL DEFAULT 0,"
	"  tries INTEGER NOT NULL DEFAULT 0, retry_at INTEGER, created INTEGER);";

/*
 * State files written before the failure count have host without the
 * failures column: add it (once, under the write lock, so two runs
 * migrating one file at once do not collide).
 */
static int
migrate(sqlite3 *db)
{
	sqlite3_stmt *s;

	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT failures FROM host", -1, &s,
	    NULL) == SQLITE_OK) {
		sqlite3_finalize(s);
		return sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ?
		    0 : -1;
	}
	if (sqlite3_exec(db, "ALTER TABLE host ADD COLUMN failures INTEGER "
	    "NOT NULL DEFAULT 0; COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

static int
busy(void *arg, int n)
{
	struct state *st = arg;

	if (n == LOCK_WAIT_SAY && !st->warned) {
		news_warn("%s: waiting for lock (another news-fetch is using it)",
		    st->path);
		st->warned = 1;
	}
	if (n >= LOCK_WAIT_MAX * 20)
		return 0;
	usleep(50000);
	return 1;
}

static void
dberr(struct state *st, const char *what)
{
	news_warn("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

/*
 * A write transaction that failed (a read-only file, a full disk, a lock
 * held too long): counted, and the first reason kept, for the one line
 * state_close() says; the run goes on.
 */
static void
wfail(struct state *st)
{
	if (st->nfailed++ == 0)
		st->why = news_xstrdup(sqlite3_errmsg(st->db));
}

static sqlite3_stmt *
prep(struct state *st, const char *sql)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		dberr(st, "prepare");
		exit(NEWS_EXIT_FATAL);
	}
	return s;
}

/*
 * Where the state file is: a path as given, or for a bare name (no '/')
 * $XDG_STATE_HOME/newsutils/NAME, else ~/.local/state/newsutils/NAME (an
 * XDG_STATE_HOME that is not absolute is ignored, as the XDG Base
 * Directory specification says).  Exits 2 when there is no such place.
 */
static char *
state_path(const char *arg)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *p;
	int r;

	if (*arg == '\0')
		news_fatal("--state: empty file name");
	if (strchr(arg, '/') != NULL)
		return news_xstrdup(arg);
	if (strcmp(arg, ".") == 0 || strcmp(arg, "..") == 0)
		news_fatal("--state %s: a directory, not a file name", arg);
	if (xdg && *xdg == '/')
		r = asprintf(&p, "%s/newsutils/%s", xdg, arg);
	else if (home && *home == '/')
		r = asprintf(&p, "%s/.local/state/newsutils/%s", home, arg);
	else
		news_fatal("--state %s: a bare name is kept in $XDG_STATE_HOME "
		    "or $HOME/.local/state, and neither is set: give a path", arg);
	if (r < 0)
		news_fatal("out of memory");
	if (access(arg, F_OK) == 0)
		news_warn("--state %s: ./%s is not used: a bare name is %s "
		    "(write ./%s for the one here)", arg, arg, p, arg);
	return p;
}

/* mkdir -p of the directory of path; exits 2 when it cannot be made */
static void
make_dirs(const char *path)
{
	char *d = news_xstrdup(path), *s, *e;
	struct stat sb;

	if ((e = strrchr(d, '/')) == NULL || e == d) {
		free(d);
		return;
	}
	*e = '\0';
	if (stat(d, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		free(d);
		return;
	}
	for (s = d + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		*s = '\0';
		if (mkdir(d, 0777) == -1 && errno != EEXIST) {
			news_warn("%s: cannot make the state directory:", d);
			exit(NEWS_EXIT_FATAL);
		}
		if (e == s)
			break;
		*s = '/';
	}
	if (stat(d, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		errno = ENOTDIR;
		news_warn("%s: cannot make the state directory:", d);
		exit(NEWS_EXIT_FATAL);
	}
	free(d);
}

struct state *
state_open(const char *arg)
{
	struct state *st = news_xcalloc(1, sizeof(*st));
	char *err = NULL, *path;
	int tries;

	st->path = path = state_path(arg);
	make_dirs(path);
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		news_warn("%s: %s", path, st->db ? sqlite3_errmsg(st->db) :
		    "cannot open");
		exit(NEWS_EXIT_FATAL);
	}
	sqlite3_busy_handler(st->db, busy, st);
	/*
	 * Two runs creating one file at once: switching it to WAL can be
	 * refused as busy without the busy handler being asked; try again.
	 */
	for (tries = 0; ; tries++) {
		if (sqlite3_exec(st->db, "PRAGMA journal_mode=WAL;"
		    "PRAGMA synchronous=NORMAL;", NULL, NULL, &err) == SQLITE_OK &&
		    sqlite3_exec(st->db, schema, NULL, NULL, &err) == SQLITE_OK)
			break;
		if (sqlite3_errcode(st->db) != SQLITE_BUSY || tries >= 200)
			break;
		sqlite3_free(err);
		err = NULL;
		usleep(50000);
	}
	if (err != NULL) {
		news_warn("%s: %s", path, err ? err : "cannot set up the state");
		sqlite3_free(err);
		exit(NEWS_EXIT_FATAL);
	}
	if (migrate(st->db) != 0) {
		dberr(st, "cannot add the host failure count");
		exit(NEWS_EXIT_FATAL);
	}
	st->seen = prep(st, "SELECT 1 FROM seen WHERE source = ?1 AND key = ?2");
	st->validators = prep(st, "SELECT etag, last_modified FROM source WHERE url = ?1");
	st->ins_seen = prep(st, "INSERT OR IGNORE INTO seen (source, key, first_seen) "
	    "VALUES (?1, ?2, ?3)");
	st->upsert_src = prep(st, "INSERT INTO source (url, etag, last_modified, checked) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url) DO UPDATE SET "
	    "etag = excluded.etag, last_modified = excluded.last_modified, "
	    "checked = excluded.checked");
	st->host_get = prep(st, "SELECT backoff_until, failures FROM host "
	    "WHERE name = ?1");
	st->host_set = prep(st, "INSERT INTO host (name, backoff_until, failures) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (name) DO UPDATE SET "
	    "backoff_until = excluded.backoff_until, failures = excluded.failures");
	st->ob_tries = prep(st, "SELECT tries FROM outbox WHERE key = ?1");
	st->ob_del = prep(st, "DELETE FROM outbox WHERE key = ?1");
	st->ob_retry = prep(st, "INSERT INTO outbox (key, record, due, tries, "
	    "retry_at, created) VALUES (?1, ?2, 1, ?3, ?4, ?5) "
	    "ON CONFLICT (key) DO UPDATE SET due = 1, tries = excluded.tries, "
	    "retry_at = excluded.retry_at, "
	    "record = coalesce(outbox.record, excluded.record)");
	return st;
}

int
state_close(struct state *st)
{
	int r = 0;

	if (st == NULL)
		return 0;
	if (st->nfailed > 0) {
		news_warn("%s: %zu of %zu state writes failed (%s): what they "
		    "would have remembered comes again next run", st->path,
		    st->nfailed, st->nwrites, st->why);
		r = -1;
	}
	sqlite3_finalize(st->seen);
	sqlite3_finalize(st->validators);
	sqlite3_finalize(st->ins_seen);
	sqlite3_finalize(st->upsert_src);
	sqlite3_finalize(st->host_get);
	sqlite3_finalize(st->host_set);
	sqlite3_finalize(st->ob_tries);
	sqlite3_finalize(st->ob_del);
	sqlite3_finalize(st->ob_retry);
	if (sqlite3_close(st->db) != SQLITE_OK)
		dberr(st, "close");
	free(st->why);
	free(st->path);
	free(st);
	return r;
}

static char *
col(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? news_xstrdup((const char *)v) : NULL;
}

void
state_validators(struct state *st, const char *src, char **etag,
    char **last_modified)
{
	*etag = *last_modified = NULL;
	sqlite3_bind_text(st->validators, 1, src, -1, SQLITE_STATIC);
	if (sqlite3_step(st->validators) == SQLITE_ROW) {
		*etag = col(st->validators, 0);
		*last_modified = col(st->validators, 1);
	}
	sqlite3_reset(st->validators);
}

int
state_seen(struct state *st, const char *src, const char *key)
{
	int r;

	sqlite3_bind_text(st->seen, 1, src, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->seen, 2, key, -1, SQLITE_STATIC);
	r = sqlite3_step(st->seen) == SQLITE_ROW;
	sqlite3_reset(st->seen);
	return r;
}

static int
step(struct state *st, sqlite3_stmt *s)
{
	int r = sqlite3_step(s);

	if (r != SQLITE_DONE) {
		wfail(st);
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

/* a write transaction: begin, then end(st, ok) commits or rolls back */
static int
begin(struct state *st)
{
	st->nwrites++;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		wfail(st);
		return -1;
	}
	return 0;
}

static int
end(struct state *st, int ok)
{
	if (ok && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	if (ok)
		wfail(st);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
state_commit(struct state *st, const char *src, const char *etag,
    const char *last_modified, int set_validators, char **keys, size_t nkeys)
{
	size_t i;
	time_t now = time(NULL);

	if (begin(st) != 0)
		return -1;
	for (i = 0; i < nkeys; i++) {
		sqlite3_bind_text(st->ins_seen, 1, src, -1, SQLITE_STATIC);
		sqlite3_bind_text(st->ins_seen, 2, keys[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st->ins_seen, 3, now);
		if (step(st, st->ins_seen) != 0)
			goto fail;
	}
	if (set_validators) {
		sqlite3_bind_text(st->upsert_src, 1, src, -1, SQLITE_STATIC);
		sqlite3_bind_text(st->upsert_src, 2, etag, -1, SQLITE_STATIC);
		sqlite3_bind_text(st->upsert_src, 3, last_modified, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st->upsert_src, 4, now);
		if (step(st, st->upsert_src) != 0)
			goto fail;
	}
	return end(st, 1);
fail:
	return end(st, 0);
}

void
state_host(struct state *st, const char *host, double *until, int *failures)
{
	*until = 0;
	*failures = 0;
	sqlite3_bind_text(st->host_get, 1, host, -1, SQLITE_STATIC);
	if (sqlite3_step(st->host_get) == SQLITE_ROW) {
		*until = sqlite3_column_double(st->host_get, 0);
		*failures = sqlite3_column_int(st->host_get, 1);
	}
	sqlite3_reset(st->host_get);
}

void
state_set_host(struct state *st, const char *host, double until, int failures)
{
	sqlite3_bind_text(st->host_set, 1, host, -1, SQLITE_STATIC);
	sqlite3_bind_double(st->host_set, 2, until);
	sqlite3_bind_int(st->host_set, 3, failures);
	st->nwrites++;
	step(st, st->host_set);
}

char *
state_key(const char *id, const char *url, const char *title,
    const char *published)
{
	const char *t, *d;
	char *k, buf[40];
	unsigned long long h = 1469598103934665603ULL;

	if (id && *id && !(url && strcmp(id, url) == 0))
		return news_xstrdup(id);
	if (url && (k = news_url_key(url)) != NULL)
		return k;
	for (t = title; t && *t; t++)
		h = (h ^ (unsigned char)*t) * 1099511628211ULL;
	h = (h ^ 0xff) * 1099511628211ULL;
	for (d = published; d && *d; d++)
		h = (h ^ (unsigned char)*d) * 1099511628211ULL;
	snprintf(buf, sizeof(buf), "hash:%016llx", h);
	return news_xstrdup(buf);
}

/*
 * The records of the outbox that are due, written again on fp by the
 * feed stage before its sources.  They are marked written (due 0) in
 * the transaction that picks them, before they are written: the page
 * stage may answer about them at once, and its answer must not be
 * overwritten.  A run killed between the two loses nothing that a page
 * stage would not report again.
 */
int
state_replay(struct state *st, FILE *fp)
{
	sqlite3_stmt *pick = NULL, *mark = NULL;
	char **recs = NULL;
	size_t n = 0, i;
	sqlite3_int64 now = time(NULL);
	int r, ok;

	/* most runs have nothing due: no write transaction then */
	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM outbox WHERE due = 1 AND "
	    "retry_at <= ?1 LIMIT 1", -1, &pick, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(pick, 1, now);
	r = sqlite3_step(pick);
	sqlite3_finalize(pick);
	pick = NULL;
	if (r != SQLITE_ROW || begin(st) != 0)
		return 0;
	ok = sqlite3_prepare_v2(st->db, "SELECT record FROM outbox WHERE "
	    "due = 1 AND retry_at <= ?1 AND record IS NOT NULL ORDER BY rowid",
	    -1, &pick, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(st->db, "UPDATE outbox SET due = 0 WHERE "
	    "due = 1 AND retry_at <= ?1", -1, &mark, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_bind_int64(pick, 1, now);
		while ((r = sqlite3_step(pick)) == SQLITE_ROW) {
			recs = news_xreallocarray(recs, n + 1, sizeof(*recs));
			recs[n++] = col(pick, 0);
		}
		sqlite3_bind_int64(mark, 1, now);
		ok = r == SQLITE_DONE && sqlite3_step(mark) == SQLITE_DONE;
	}
	if (!ok)
		wfail(st);
	sqlite3_finalize(pick);
	sqlite3_finalize(mark);
	if (end(st, ok) != 0) {
		for (i = 0; i < n; i++)
			free(recs[i]);
		free(recs);
		return 0;
	}
	for (r = 0, i = 0; i < n; i++) {
		if (r == 0 && (fputs(recs[i], fp) == EOF || putc('\n', fp) == EOF))
			r = -1;
		free(recs[i]);
	}
	free(recs);
	if (r == 0 && n > 0 && fflush(fp) != 0)
		r = -1;
	return r == 0 ? (int)n : -1;
}

/*
 * The page stage, after it wrote records and flushed them: what became
 * of their pages, in one transaction.  A page that was fetched, or that
 * failed for good, leaves the outbox; one that failed but may come later
 * waits there, with the record to write again, retry_wait * 4^(n-1)
 * seconds after its nth failure, until the PAGE_TRIES-th.
 */
int
state_delivered(struct state *st, struct state_page *v, size_t n,
    double retry_wait)
{
	sqlite3_int64 now = time(NULL);
	double wait;
	size_t i;
	int t;

	if (n == 0)
		return 0;
	if (begin(st) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		v[i].tries = 0;
		v[i].given_up = 0;
		if (!v[i].retry) {
			sqlite3_bind_text(st->ob_del, 1, v[i].key, -1, SQLITE_STATIC);
			if (step(st, st->ob_del) != 0)
				goto fail;
			continue;
		}
		t = 0;
		sqlite3_bind_text(st->ob_tries, 1, v[i].key, -1, SQLITE_STATIC);
		if (sqlite3_step(st->ob_tries) == SQLITE_ROW)
			t = sqlite3_column_int(st->ob_tries, 0);
		sqlite3_reset(st->ob_tries);
		v[i].tries = ++t;
		if (t >= PAGE_TRIES) {
			v[i].given_up = 1;
			sqlite3_bind_text(st->ob_del, 1, v[i].key, -1, SQLITE_STATIC);
			if (step(st, st->ob_del) != 0)
				goto fail;
			continue;
		}
		for (wait = retry_wait; --t > 0; )
			wait *= 4;
		sqlite3_bind_text(st->ob_retry, 1, v[i].key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st->ob_retry, 2, v[i].record, -1, SQLITE_STATIC);
		sqlite3_bind_int(st->ob_retry, 3, v[i].tries);
		sqlite3_bind_int64(st->ob_retry, 4, now + (sqlite3_int64)wait);
		sqlite3_bind_int64(st->ob_retry, 5, now);
		if (step(st, st->ob_retry) != 0)
			goto fail;
	}
	return end(st, 1);
fail:
	return end(st, 0);
}
