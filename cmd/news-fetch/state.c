/*
 * state.c: what news-fetch remembers between runs, in an SQLite database
 * (WAL mode): per source the ETag and Last-Modified of the last response,
 * the keys of the items already written, and per host how long to stay
 * away (a Retry-After it sent, or a backoff after repeated failures) and
 * how many runs in a row it failed.  Every change is one transaction, so a run killed at
 * any moment leaves the last committed state; two runs on one file wait
 * for each other's transactions (with a message), never corrupt it.
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
#include "fetch.h"

#define LOCK_WAIT_MAX 600	/* seconds we wait for another run's lock */

struct state {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *seen, *validators, *ins_seen, *upsert_src, *host_get,
	    *host_set;
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
	"  failures INTEGER NOT NULL DEFAULT 0);";

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

	if (n == 0 && !st->warned) {
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

int
state_commit(struct state *st, const char *src, const char *etag,
    const char *last_modified, int set_validators, char **keys, size_t nkeys)
{
	size_t i;
	time_t now = time(NULL);

	st->nwrites++;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		wfail(st);
		return -1;
	}
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
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		wfail(st);
		goto fail;
	}
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
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
