/*
 * archive.c: the news archive in SQLite (see archive.h).
 *
 * The record is the one copy of the article: the full-text index is an
 * FTS5 table over a view that reads title, text and tags out of it
 * (external content), so the text is stored once.  The other tables are
 * indexes kept beside it in the same transaction: countries and tags
 * (article_country, article_tag), the simhash band keys (simband), and
 * the keys of removed articles with the sequence number of the removal
 * (removed), so that an incremental reader learns of takedowns.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "archive.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "news.h"
#include "record.h"
#include "simhash.h"
#include "url.h"

/* 'NWSA': the application_id of an archive, so a foreign database is told
 * apart from an empty one */
#define APP_ID 0x4e575341
#define WAIT_MAX_MS (600 * 1000)	/* how long we wait for another writer */
#define WAIT_SAY_MS (10 * 1000)		/* ... before saying so */

enum stmt {
	S_FIND, S_INSERT, S_UPDATE, S_FTS_DEL, S_FTS_ADD, S_TAG_DEL,
	S_TAG_ADD, S_CC_DEL, S_CC_ADD, S_BAND_DEL, S_BAND_ADD, S_BAND_FIND,
	S_SEQ_GET, S_SEQ_SET, S_HOLDS, S_RM_FIND, S_RM_DEL, S_RM_LOG, S_NSTMT
};

static const char *const stmt_sql[S_NSTMT] = {
	[S_FIND] = "SELECT id, fetched, record, simhash, added FROM article WHERE key = ?1",
	[S_INSERT] = "INSERT INTO article (key, seq, added, time, fetched, rid, "
	    "source, host, feed, author, category, simhash, record) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[S_UPDATE] = "UPDATE article SET seq = ?2, time = ?4, fetched = ?5, "
	    "rid = ?6, source = ?7, host = ?8, feed = ?9, author = ?10, "
	    "category = ?11, simhash = ?12, record = ?13 WHERE id = ?14",
	[S_FTS_DEL] = "INSERT INTO article_fts (article_fts, rowid, title, text, tags) "
	    "SELECT 'delete', id, title, text, tags FROM article_text WHERE id = ?1",
	[S_FTS_ADD] = "INSERT INTO article_fts (rowid, title, text, tags) "
	    "SELECT id, title, text, tags FROM article_text WHERE id = ?1",
	[S_TAG_DEL] = "DELETE FROM article_tag WHERE art = ?1 AND tag IN "
	    "(SELECT value FROM json_each((SELECT record FROM article WHERE id = ?1), '$.tags') "
	    "WHERE type = 'text')",
	[S_TAG_ADD] = "INSERT OR IGNORE INTO article_tag (tag, art) "
	    "SELECT value, ?1 FROM json_each((SELECT record FROM article WHERE id = ?1), '$.tags') "
	    "WHERE type = 'text'",
	[S_CC_DEL] = "DELETE FROM article_country WHERE art = ?1 AND code IN "
	    "(SELECT upper(value) FROM json_each((SELECT record FROM article WHERE id = ?1), "
	    "'$.countries') WHERE type = 'text')",
	[S_CC_ADD] = "INSERT OR IGNORE INTO article_country (code, art) "
	    "SELECT upper(value), ?1 FROM json_each((SELECT record FROM article WHERE id = ?1), "
	    "'$.countries') WHERE type = 'text'",
	[S_BAND_DEL] = "DELETE FROM simband WHERE band = ?1 AND art = ?2",
	[S_BAND_ADD] = "INSERT OR IGNORE INTO simband (band, art) VALUES (?1, ?2)",
	/* CROSS JOIN: the band first, whatever the planner guesses */
	[S_BAND_FIND] = "SELECT s.art, a.simhash FROM simband s CROSS JOIN article a "
	    "ON a.id = s.art WHERE s.band = ?1 AND s.art < ?2 ORDER BY s.art",
	[S_SEQ_GET] = "SELECT value FROM meta WHERE name = 'seq'",
	[S_SEQ_SET] = "UPDATE meta SET value = ?1 WHERE name = 'seq'",
	[S_HOLDS] = "SELECT 1 FROM article WHERE key = ?1 UNION ALL "
	    "SELECT 1 FROM article WHERE rid = ?2 LIMIT 1",
	[S_RM_FIND] = "SELECT id, key, simhash FROM article WHERE key = ?1 "
	    "UNION SELECT id, key, simhash FROM article WHERE rid = ?2",
	[S_RM_DEL] = "DELETE FROM article WHERE id = ?1",
	[S_RM_LOG] = "INSERT INTO removed (seq, key) VALUES (?1, ?2)",
};

/* the schema of version 1 */
static const char schema_v1[] =
	"CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO meta VALUES ('seq', 0);"
	"CREATE TABLE article ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"	/* identity */
	"  seq INTEGER NOT NULL,"	/* sequence number of the last change */
	"  added INTEGER NOT NULL,"	/* first seen, Unix seconds */
	"  time INTEGER NOT NULL,"	/* published/updated/fetched/added */
	"  fetched INTEGER,"		/* fetched_at */
	"  rid TEXT,"			/* the record's id */
	"  source TEXT, host TEXT, feed TEXT,"
	"  author TEXT COLLATE NOCASE, category TEXT COLLATE NOCASE,"
	"  simhash INTEGER,"
	"  record TEXT NOT NULL);"
	"CREATE INDEX article_seq ON article (seq);"
	"CREATE INDEX article_time ON article (time, id);"
	"CREATE INDEX article_rid ON article (rid);"
	"CREATE TABLE article_country (code TEXT NOT NULL, art INTEGER NOT NULL,"
	"  PRIMARY KEY (code, art)) WITHOUT ROWID;"
	"CREATE TABLE article_tag (tag TEXT NOT NULL COLLATE NOCASE,"
	"  art INTEGER NOT NULL, PRIMARY KEY (tag, art)) WITHOUT ROWID;"
	"CREATE TABLE simband (band INTEGER NOT NULL, art INTEGER NOT NULL,"
	"  PRIMARY KEY (band, art)) WITHOUT ROWID;"
	"CREATE TABLE removed (seq INTEGER PRIMARY KEY, key TEXT NOT NULL);"
	"CREATE VIEW article_text AS SELECT id,"
	"  json_extract(record, '$.title') AS title,"
	"  json_extract(record, '$.text') AS text,"
	"  json_extract(record, '$.tags') AS tags FROM article;"
	"CREATE VIRTUAL TABLE article_fts USING fts5(title, text, tags,"
	"  content = 'article_text', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2');";

/*
 * Migrations: migration[v] takes a database of version v to v + 1, in
 * the write transaction that opened it.  Version 0 is an empty file.
 */
static const char *const migration[NEWS_ARCHIVE_VERSION] = {
	schema_v1,
};

struct news_archive {
	sqlite3 *db;
	char *path;
	int rdonly, intx, dup_bits, warned, status;
	int64_t seq;		/* in a transaction: the last number given */
	int seq_dirty;
	sqlite3_stmt *st[S_NSTMT];
	struct news_buf out;	/* the record being written */
	char err[1024];
};

struct news_archive_iter {
	struct news_archive *a;
	sqlite3_stmt *st;
	int search;
};

/* ---- errors ---- */

static void
seterr(struct news_archive *a, const char *what)
{
	int code = sqlite3_extended_errcode(a->db), prim = code & 0xff;
	int sys = sqlite3_system_errno(a->db);

	a->status = NEWS_EXIT_FATAL;
	/* a write that fails with EFBIG or ENOSPC at the start of a block is
	 * SQLITE_IOERR_WRITE, and SQLite's errno is not always that one's */
	if (prim == SQLITE_FULL || code == SQLITE_IOERR_WRITE ||
	    (prim == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG ||
	    sys == EDQUOT))) {
		snprintf(a->err, sizeof(a->err), "%s: %s: cannot write: the disk is full "
		    "(or the file size limit reached); this batch was not stored",
		    a->path, what);
		a->status = NEWS_EXIT_FAIL;
	} else if (prim == SQLITE_IOERR) {
		snprintf(a->err, sizeof(a->err), "%s: %s: I/O error (%s%s%s); "
		    "this batch was not stored", a->path, what,
		    sqlite3_errmsg(a->db), sys ? ": " : "", sys ? strerror(sys) : "");
		a->status = NEWS_EXIT_FAIL;
	} else if (prim == SQLITE_READONLY) {
		snprintf(a->err, sizeof(a->err), "%s: %s: the database is "
		    "read-only", a->path, what);
	} else if (prim == SQLITE_BUSY) {
		snprintf(a->err, sizeof(a->err), "%s: %s: still locked by another "
		    "process after %d s", a->path, what, WAIT_MAX_MS / 1000);
		a->status = NEWS_EXIT_FAIL;
	} else if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB) {
		snprintf(a->err, sizeof(a->err), "%s: %s: the database is corrupt "
		    "(%s); left as it is: restore a backup, or try sqlite3's "
		    ".recover", a->path, what, sqlite3_errmsg(a->db));
	} else {
		snprintf(a->err, sizeof(a->err), "%s: %s: %s", a->path, what,
		    sqlite3_errmsg(a->db));
	}
}

const char *
news_archive_error(const struct news_archive *a)
{
	return a->err;
}

int
news_archive_error_status(const struct news_archive *a)
{
	return a->status ? a->status : NEWS_EXIT_FATAL;
}

const char *
news_archive_path(const struct news_archive *a)
{
	return a->path;
}

struct sqlite3 *
news_archive_db(struct news_archive *a)
{
	return a->db;
}

/* ---- opening ---- */

static int
busy(void *arg, int n)
{
	struct news_archive *a = arg;

	/* a pipeline with two writers (add | tag | add) waits for the
	 * other's batch all the time: said only when it lasts */
	if ((long)n * 20 >= WAIT_SAY_MS && !a->warned) {
		news_warn("%s: waiting for another process to finish writing "
		    "(%d s so far)", a->path, WAIT_SAY_MS / 1000);
		a->warned = 1;
	}
	if ((long)n * 20 >= WAIT_MAX_MS)
		return 0;
	usleep(20000);
	return 1;
}

static int
exec(struct news_archive *a, const char *sql, const char *what)
{
	if (sqlite3_exec(a->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		seterr(a, what);
		return -1;
	}
	return 0;
}

static int64_t
pragma_int(struct news_archive *a, const char *sql, int *rc)
{
	sqlite3_stmt *s;
	int64_t v = 0;

	*rc = sqlite3_prepare_v2(a->db, sql, -1, &s, NULL);
	if (*rc != SQLITE_OK)
		return 0;
	*rc = sqlite3_step(s);
	if (*rc == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
		*rc = SQLITE_OK;
	} else if (*rc == SQLITE_DONE)
		*rc = SQLITE_OK;
	sqlite3_finalize(s);
	return v;
}

/* percent-encode path for a file: URI */
static char *
file_uri(const char *path, const char *query)
{
	struct news_buf b = NEWS_BUF_INIT;
	const unsigned char *p;

	news_buf_adds(&b, "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			news_buf_addc(&b, *p);
		else
			news_buf_printf(&b, "%%%02X", *p);
	}
	news_buf_adds(&b, query);
	return news_buf_take(&b);
}

/*
 * Check what the file is: 0 an archive of our version (or older, when
 * writing: migrated by the caller), 1 an empty database to create, -1 an
 * error (in a->err).  *version gets the file's version.
 */
static int
identify(struct news_archive *a, int *version)
{
	int rc, n;
	int64_t app, v, tables;

	tables = pragma_int(a, "SELECT count(*) FROM sqlite_master", &rc);
	if (rc != SQLITE_OK) {
		n = sqlite3_errcode(a->db);
		if (n == SQLITE_NOTADB || n == SQLITE_CORRUPT)
			snprintf(a->err, sizeof(a->err), "%s: not an SQLite "
			    "database, or a corrupt one (%s); left untouched",
			    a->path, sqlite3_errmsg(a->db));
		else
			seterr(a, "open");
		a->status = NEWS_EXIT_FATAL;
		return -1;
	}
	app = pragma_int(a, "PRAGMA application_id", &rc);
	v = pragma_int(a, "PRAGMA user_version", &rc);
	*version = (int)v;
	if (app != APP_ID) {
		if (tables == 0 && app == 0 && v == 0)
			return 1;
		snprintf(a->err, sizeof(a->err), "%s: an SQLite database, but "
		    "not a news archive; left untouched", a->path);
		a->status = NEWS_EXIT_FATAL;
		return -1;
	}
	if (v > NEWS_ARCHIVE_VERSION) {
		snprintf(a->err, sizeof(a->err), "%s: archive version %d is newer "
		    "than this news-archive's (%d); upgrade newsutils", a->path,
		    (int)v, NEWS_ARCHIVE_VERSION);
		a->status = NEWS_EXIT_FATAL;
		return -1;
	}
	return 0;
}

static int
prepare_all(struct news_archive *a)
{
	int i;

	for (i = 0; i < S_NSTMT; i++)
		if (sqlite3_prepare_v3(a->db, stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &a->st[i], NULL) != SQLITE_OK) {
			seterr(a, "prepare");
			return -1;
		}
	return 0;
}

/* create or migrate, under the write lock (two writers at once do it once) */
static int
upgrade(struct news_archive *a)
{
	int v, r;

	if (exec(a, "BEGIN IMMEDIATE", "lock") < 0)
		return -1;
	if ((r = identify(a, &v)) < 0)
		goto fail;
	if (r == 1)
		v = 0;
	if (v == NEWS_ARCHIVE_VERSION)
		return exec(a, "COMMIT", "commit");
	for (; v < NEWS_ARCHIVE_VERSION; v++)
		if (exec(a, migration[v], "schema") < 0)
			goto fail;
	{
		char sql[96];
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; "
		    "PRAGMA user_version = %d", APP_ID, NEWS_ARCHIVE_VERSION);
		if (exec(a, sql, "schema") < 0)
			goto fail;
	}
	return exec(a, "COMMIT", "commit");
fail:
	sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int
connect(struct news_archive *a, const char *name, int flags)
{
	if (a->db) {
		sqlite3_close(a->db);
		a->db = NULL;
	}
	if (sqlite3_open_v2(name, &a->db, flags, NULL) != SQLITE_OK) {
		if (a->db == NULL) {
			snprintf(a->err, sizeof(a->err), "%s: out of memory", a->path);
			return -1;
		}
		snprintf(a->err, sizeof(a->err), "%s: cannot open: %s", a->path,
		    sqlite3_errmsg(a->db));
		a->status = NEWS_EXIT_FATAL;
		return -1;
	}
	sqlite3_extended_result_codes(a->db, 1);
	sqlite3_busy_handler(a->db, busy, a);
	return 0;
}

static struct news_archive *
open_fail(struct news_archive *a, char *err, size_t errlen, int *status)
{
	snprintf(err, errlen, "%s", a->err);
	if (status)
		*status = news_archive_error_status(a);
	news_archive_close(a);
	return NULL;
}

struct news_archive *
news_archive_open(const char *path, int flags, char *err, size_t errlen,
    int *status)
{
	struct news_archive *a;
	struct stat sb;
	int r, v, rdonly = (flags & NEWS_ARCHIVE_RDONLY) != 0;

	a = news_xcalloc(1, sizeof(*a));
	a->path = news_xstrdup(path);
	a->rdonly = rdonly;
	a->dup_bits = NEWS_ARCHIVE_DUP_BITS;
	a->status = NEWS_EXIT_FATAL;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			snprintf(a->err, sizeof(a->err), "%s: is a directory, "
			    "not an archive", path);
			return open_fail(a, err, errlen, status);
		}
	} else if (errno != ENOENT || rdonly || !(flags & NEWS_ARCHIVE_CREATE)) {
		snprintf(a->err, sizeof(a->err), "%s: %s", path, strerror(errno));
		return open_fail(a, err, errlen, status);
	}
	if (rdonly) {
		if (connect(a, path, SQLITE_OPEN_READONLY) < 0)
			return open_fail(a, err, errlen, status);
		r = identify(a, &v);
		if (r < 0 && (sqlite3_errcode(a->db) & 0xff) == SQLITE_CANTOPEN) {
			/* a read-only directory: no -shm can be made; nobody
			 * can be writing it either */
			char *uri = file_uri(path, "?immutable=1");
			r = connect(a, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
			free(uri);
			if (r == 0)
				r = identify(a, &v);
		}
		if (r < 0)
			return open_fail(a, err, errlen, status);
		if (r == 1) {
			snprintf(a->err, sizeof(a->err), "%s: an empty file, not "
			    "an archive yet", path);
			return open_fail(a, err, errlen, status);
		}
		if (v < NEWS_ARCHIVE_VERSION) {
			snprintf(a->err, sizeof(a->err), "%s: archive version %d "
			    "is older than this news-archive's (%d): run "
			    "news-archive add once to migrate it", path, v,
			    NEWS_ARCHIVE_VERSION);
			return open_fail(a, err, errlen, status);
		}
		return a;
	}
	if (connect(a, path, SQLITE_OPEN_READWRITE |
	    ((flags & NEWS_ARCHIVE_CREATE) ? SQLITE_OPEN_CREATE : 0)) < 0)
		return open_fail(a, err, errlen, status);
	if ((r = identify(a, &v)) < 0)
		return open_fail(a, err, errlen, status);
	if (sqlite3_db_readonly(a->db, "main") == 1) {
		snprintf(a->err, sizeof(a->err), "%s: the database is read-only; "
		    "nothing can be stored", path);
		return open_fail(a, err, errlen, status);
	}
	if (exec(a, "PRAGMA journal_mode = WAL", "journal") < 0 ||
	    exec(a, "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; "
	    "PRAGMA cache_size = -16384; PRAGMA journal_size_limit = 67108864",
	    "pragma") < 0)
		return open_fail(a, err, errlen, status);
	if ((r == 1 || v < NEWS_ARCHIVE_VERSION) && upgrade(a) < 0)
		return open_fail(a, err, errlen, status);
	if (prepare_all(a) < 0)
		return open_fail(a, err, errlen, status);
	return a;
}

int
news_archive_close(struct news_archive *a)
{
	int i, r = 0;

	if (a == NULL)
		return 0;
	if (a->intx)
		r = news_archive_commit(a);
	for (i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(a->st[i]);
	if (a->db)
		sqlite3_close(a->db);
	news_buf_free(&a->out);
	free(a->path);
	free(a);
	return r;
}

const char *
news_archive_record(const struct news_archive *a, size_t *len)
{
	*len = a->out.len;
	return news_buf_str(&a->out);
}

void
news_archive_set_dup_bits(struct news_archive *a, int bits)
{
	a->dup_bits = bits < 0 ? 0 : bits > NEWS_ARCHIVE_DUP_BITS ?
	    NEWS_ARCHIVE_DUP_BITS : bits;
}

/* ---- transactions and sequence numbers ---- */

static int
step_done(struct news_archive *a, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		seterr(a, what);
		return -1;
	}
	return 0;
}

int
news_archive_begin(struct news_archive *a)
{
	sqlite3_stmt *s = a->st[S_SEQ_GET];

	if (a->rdonly) {
		snprintf(a->err, sizeof(a->err), "%s: opened read-only", a->path);
		return -1;
	}
	if (a->intx)
		return 0;
	if (exec(a, "BEGIN IMMEDIATE", "lock") < 0)
		return -1;
	a->intx = 1;
	if (sqlite3_step(s) != SQLITE_ROW) {
		seterr(a, "read sequence");
		sqlite3_reset(s);
		news_archive_rollback(a);
		return -1;
	}
	a->seq = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	a->seq_dirty = 0;
	return 0;
}

int
news_archive_commit(struct news_archive *a)
{
	sqlite3_stmt *s = a->st[S_SEQ_SET];

	if (!a->intx)
		return 0;
	if (a->seq_dirty) {
		sqlite3_bind_int64(s, 1, a->seq);
		if (step_done(a, s, "write sequence") < 0) {
			news_archive_rollback(a);
			return -1;
		}
	}
	if (sqlite3_exec(a->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		seterr(a, "commit");
		news_archive_rollback(a);
		return -1;
	}
	a->intx = 0;
	a->seq_dirty = 0;
	return 0;
}

void
news_archive_rollback(struct news_archive *a)
{
	if (sqlite3_get_autocommit(a->db) == 0)
		sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
	a->intx = 0;
	a->seq_dirty = 0;
}

int
news_archive_in_transaction(const struct news_archive *a)
{
	return a->intx;
}

int64_t
news_archive_seq(struct news_archive *a)
{
	sqlite3_stmt *s;
	int64_t v = 0;

	if (a->intx)
		return a->seq;
	if (sqlite3_prepare_v2(a->db, stmt_sql[S_SEQ_GET], -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* ---- adding ---- */

char *
news_archive_key(json_t *rec, int *by_hash)
{
	const char *url = news_record_str(rec, "url"), *id;
	struct news_buf b = NEWS_BUF_INIT;
	char *k, *s;

	if (by_hash)
		*by_hash = 0;
	if (url && *url && (k = news_url_key(url)) != NULL)
		return k;
	if ((id = news_record_str(rec, "id")) != NULL && *id) {
		news_buf_adds(&b, "id:");
		news_buf_adds(&b, id);
		return news_buf_take(&b);
	}
	if (by_hash)
		*by_hash = 1;
	s = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
	news_buf_printf(&b, "hash:%016" PRIx64,
	    news_hash(s ? s : "", s ? strlen(s) : 0, NEWS_HASH_INIT));
	free(s);
	return news_buf_take(&b);
}

/* the key for a URL or an id given on the command line */
static char *
arg_key(const char *s)
{
	struct news_buf b = NEWS_BUF_INIT;
	char *k;

	if ((k = news_url_key(s)) != NULL)
		return k;
	news_buf_adds(&b, "id:");
	news_buf_adds(&b, s);
	return news_buf_take(&b);
}

static int
date_of(json_t *rec, const char *key, int64_t *t)
{
	const char *s = news_record_str(rec, key);

	return s && *s && news_date_parse(s, (size_t)-1, 0, 0, t, NULL) == 0;
}

static int
parse_simhash(json_t *rec, uint64_t *h)
{
	const char *s = news_record_str(rec, "simhash");
	char *end;

	if (s == NULL || strlen(s) != 16)
		return 0;
	errno = 0;
	*h = strtoull(s, &end, 16);
	return errno == 0 && *end == '\0';
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* the label of stored article id for duplicate_of: its own duplicate_of,
 * else its id, else its URL (malloc'd), NULL on error */
static char *
dup_label(struct news_archive *a, int64_t id)
{
	sqlite3_stmt *s;
	char *r = NULL;

	if (sqlite3_prepare_v2(a->db, "SELECT coalesce("
	    "nullif(json_extract(record, '$.duplicate_of'), ''), "
	    "nullif(json_extract(record, '$.id'), ''), "
	    "json_extract(record, '$.url'), key) FROM article WHERE id = ?1",
	    -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		r = news_xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return r;
}

/* the oldest stored article (id < below) within the threshold of h, or 0 */
static int64_t
dup_find(struct news_archive *a, uint64_t h, int64_t below)
{
	sqlite3_stmt *s = a->st[S_BAND_FIND];
	int64_t best = 0, art;
	int b, rc;

	for (b = 0; b < NEWS_ARCHIVE_BANDS; b++) {
		sqlite3_bind_int64(s, 1, (int64_t)news_simhash_band(h, b,
		    NEWS_ARCHIVE_BANDS));
		sqlite3_bind_int64(s, 2, best ? best : below);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			art = sqlite3_column_int64(s, 0);
			if (news_simhash_distance((uint64_t)sqlite3_column_int64(s, 1),
			    h) <= a->dup_bits) {
				best = art;
				break;
			}
		}
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
	}
	return best;
}

static int
bands(struct news_archive *a, int add, uint64_t h, int64_t id)
{
	sqlite3_stmt *s = a->st[add ? S_BAND_ADD : S_BAND_DEL];
	int b;

	for (b = 0; b < NEWS_ARCHIVE_BANDS; b++) {
		sqlite3_bind_int64(s, 1, (int64_t)news_simhash_band(h, b,
		    NEWS_ARCHIVE_BANDS));
		sqlite3_bind_int64(s, 2, id);
		if (step_done(a, s, "simhash index") < 0)
			return -1;
	}
	return 0;
}

/* the index rows of article id, as its stored record says: drop them */
static int
unindex(struct news_archive *a, int64_t id, int has_hash, uint64_t h)
{
	static const enum stmt del[] = { S_FTS_DEL, S_TAG_DEL, S_CC_DEL };
	size_t i;

	for (i = 0; i < sizeof(del) / sizeof(del[0]); i++) {
		sqlite3_bind_int64(a->st[del[i]], 1, id);
		if (step_done(a, a->st[del[i]], "unindex") < 0)
			return -1;
	}
	return has_hash ? bands(a, 0, h, id) : 0;
}

static int
reindex(struct news_archive *a, int64_t id, int has_hash, uint64_t h)
{
	static const enum stmt add[] = { S_FTS_ADD, S_TAG_ADD, S_CC_ADD };
	size_t i;

	for (i = 0; i < sizeof(add) / sizeof(add[0]); i++) {
		sqlite3_bind_int64(a->st[add[i]], 1, id);
		if (step_done(a, a->st[add[i]], "index") < 0)
			return -1;
	}
	return has_hash ? bands(a, 1, h, id) : 0;
}

int
news_archive_add(struct news_archive *a, json_t *rec, int flags, int *by_hash)
{
	sqlite3_stmt *f = a->st[S_FIND], *w;
	char *key, *host = NULL, *label;
	const char *url, *author;
	json_t *feed, *au;
	int64_t id = 0, old_fetched = 0, fetched = 0, t, added, dup;
	uint64_t h = 0, old_h = 0;
	int has_fetched, has_old_fetched = 0, has_h, has_old_h = 0, rc, existed;
	int result = NEWS_ARCHIVE_ERR;

	if (!a->intx && news_archive_begin(a) < 0)
		return NEWS_ARCHIVE_ERR;
	key = news_archive_key(rec, by_hash);
	has_fetched = date_of(rec, "fetched_at", &fetched);
	has_h = parse_simhash(rec, &h);
	added = (int64_t)time(NULL);

	sqlite3_bind_text(f, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(f);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(f, 0);
		if ((has_old_fetched = sqlite3_column_type(f, 1) != SQLITE_NULL))
			old_fetched = sqlite3_column_int64(f, 1);
		if ((has_old_h = sqlite3_column_type(f, 3) != SQLITE_NULL))
			old_h = (uint64_t)sqlite3_column_int64(f, 3);
		added = sqlite3_column_int64(f, 4);
		if (has_old_fetched && has_fetched && fetched < old_fetched) {
			result = NEWS_ARCHIVE_OLDER;
			goto done;
		}
	} else if (rc != SQLITE_DONE) {
		seterr(a, "find");
		goto done;
	}

	if ((flags & NEWS_ADD_DEDUP) && has_h) {
		if ((dup = dup_find(a, h, id ? id : INT64_MAX)) < 0) {
			seterr(a, "near-duplicates");
			goto done;
		}
		if (dup > 0 && (label = dup_label(a, dup)) != NULL) {
			json_object_set_new(rec, "duplicate_of", json_string(label));
			free(label);
		}
	}
	news_buf_reset(&a->out);
	if (news_json_put(&a->out, rec) < 0) {
		snprintf(a->err, sizeof(a->err), "%s: a record that cannot be "
		    "written as JSON", a->path);
		a->status = NEWS_EXIT_FAIL;
		goto done;
	}
	if (id && (size_t)sqlite3_column_bytes(f, 2) == a->out.len &&
	    memcmp(sqlite3_column_text(f, 2), a->out.s, a->out.len) == 0) {
		result = NEWS_ARCHIVE_SAME;
		goto done;
	}
	sqlite3_reset(f);
	if (id && unindex(a, id, has_old_h, old_h) < 0)
		goto done;

	existed = id != 0;
	if (!date_of(rec, "published", &t) && !date_of(rec, "updated", &t))
		t = has_fetched ? fetched : added;
	url = news_record_str(rec, "url");
	if (url)
		host = news_url_host(url);
	feed = json_object_get(rec, "feed");
	au = json_object_get(rec, "author");
	author = json_is_string(au) ? json_string_value(au) :
	    json_is_array(au) && json_is_string(json_array_get(au, 0)) ?
	    json_string_value(json_array_get(au, 0)) : NULL;

	w = a->st[id ? S_UPDATE : S_INSERT];
	sqlite3_bind_text(w, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(w, 2, a->seq + 1);
	sqlite3_bind_int64(w, 3, added);
	sqlite3_bind_int64(w, 4, t);
	if (has_fetched)
		sqlite3_bind_int64(w, 5, fetched);
	else
		sqlite3_bind_null(w, 5);
	bind_text(w, 6, news_record_str(rec, "id"));
	bind_text(w, 7, json_is_object(feed) ? news_record_str(feed, "url") : NULL);
	bind_text(w, 8, host);
	bind_text(w, 9, json_is_object(feed) ? news_record_str(feed, "title") : NULL);
	bind_text(w, 10, author);
	bind_text(w, 11, news_record_str(rec, "category"));
	if (has_h)
		sqlite3_bind_int64(w, 12, (int64_t)h);
	else
		sqlite3_bind_null(w, 12);
	sqlite3_bind_text(w, 13, a->out.s, (int)a->out.len, SQLITE_STATIC);
	if (id)
		sqlite3_bind_int64(w, 14, id);
	rc = step_done(a, w, id ? "update" : "insert");
	sqlite3_clear_bindings(w);
	if (rc < 0)
		goto done;
	if (!id)
		id = sqlite3_last_insert_rowid(a->db);
	if (reindex(a, id, has_h, h) < 0)
		goto done;
	a->seq++;
	a->seq_dirty = 1;
	result = existed ? NEWS_ARCHIVE_CHANGED : NEWS_ARCHIVE_NEW;
done:
	sqlite3_reset(f);
	sqlite3_clear_bindings(f);
	free(host);
	free(key);
	return result;
}

/* ---- removing ---- */

int
news_archive_remove(struct news_archive *a, const char *what)
{
	sqlite3_stmt *f = a->st[S_RM_FIND], *s;
	char *key = arg_key(what);
	int64_t ids[16], hs[16];
	int has[16], n = 0, i, rc, result = -1;
	char *keys[16];

	if (!a->intx && news_archive_begin(a) < 0) {
		free(key);
		return -1;
	}
	sqlite3_bind_text(f, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(f, 2, what, -1, SQLITE_STATIC);
	while (n < 16 && (rc = sqlite3_step(f)) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(f, 0);
		keys[n] = news_xstrdup((const char *)sqlite3_column_text(f, 1));
		has[n] = sqlite3_column_type(f, 2) != SQLITE_NULL;
		hs[n] = sqlite3_column_int64(f, 2);
		n++;
	}
	sqlite3_reset(f);
	sqlite3_clear_bindings(f);
	for (i = 0; i < n; i++) {
		if (unindex(a, ids[i], has[i], (uint64_t)hs[i]) < 0)
			goto done;
		s = a->st[S_RM_DEL];
		sqlite3_bind_int64(s, 1, ids[i]);
		if (step_done(a, s, "remove") < 0)
			goto done;
		s = a->st[S_RM_LOG];
		sqlite3_bind_int64(s, 1, ++a->seq);
		sqlite3_bind_text(s, 2, keys[i], -1, SQLITE_STATIC);
		a->seq_dirty = 1;
		if (step_done(a, s, "remove") < 0)
			goto done;
	}
	result = n > 0;
done:
	for (i = 0; i < n; i++)
		free(keys[i]);
	free(key);
	return result;
}

int
news_archive_purge(struct news_archive *a)
{
	if (news_archive_commit(a) < 0)
		return -1;
	/* merge the full-text index into one segment: the deleted
	 * documents' postings are dropped, not only marked deleted; the
	 * freed pages are zeroed (secure_delete) */
	if (exec(a, "INSERT INTO article_fts (article_fts) VALUES ('optimize')",
	    "purge") < 0)
		return -1;
	return exec(a, "PRAGMA wal_checkpoint(TRUNCATE)", "checkpoint");
}

int
news_archive_holds(struct news_archive *a, const char *what)
{
	sqlite3_stmt *s;
	char *key = arg_key(what);
	int rc;

	if (sqlite3_prepare_v2(a->db, stmt_sql[S_HOLDS], -1, &s, NULL) != SQLITE_OK) {
		seterr(a, "holds");
		free(key);
		return -1;
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, what, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		seterr(a, "holds");
	sqlite3_finalize(s);
	free(key);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
news_archive_removed_since(struct news_archive *a, int64_t seq,
    int (*fn)(const char *, int64_t, void *), void *arg)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(a->db, "SELECT key, seq FROM removed WHERE "
	    "seq > ?1 ORDER BY seq", -1, &s, NULL) != SQLITE_OK) {
		seterr(a, "removed");
		return -1;
	}
	sqlite3_bind_int64(s, 1, seq);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(s, 0),
		    sqlite3_column_int64(s, 1), arg))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		seterr(a, "removed");
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* ---- reading ---- */

/* the WHERE terms of f on article a, and their values in order */
struct where {
	struct news_buf sql;
	const char *text[64];
	int64_t num[64];
	int is_num[64], n;
	char *own[4];
	int nown;
};

/* one AND term: each '?' in sql binds text (or num), each '@' text2 */
static void
term2(struct where *w, const char *sql, const char *text, const char *text2,
    int64_t num, int is_num)
{
	const char *p;

	news_buf_adds(&w->sql, " AND ");
	for (p = sql; *p; p++) {
		if ((*p == '?' || *p == '@') && w->n < 64) {
			news_buf_printf(&w->sql, "?%d", w->n + 2);
			w->text[w->n] = *p == '@' ? text2 : text;
			w->num[w->n] = num;
			w->is_num[w->n] = is_num;
			w->n++;
		} else
			news_buf_addc(&w->sql, *p);
	}
}

static void
term(struct where *w, const char *sql, const char *text, int64_t num, int is_num)
{
	term2(w, sql, text, NULL, num, is_num);
}

static void
where_build(struct where *w, const struct news_archive_filter *f)
{
	const char **p;

	memset(w, 0, sizeof(*w));
	news_buf_adds(&w->sql, "1");
	if (f == NULL)
		return;
	if (f->since)
		term(w, "a.time >= ?", NULL, f->since, 1);
	if (f->until)
		term(w, "a.time < ?", NULL, f->until, 1);
	if (f->added_since)
		term(w, "a.seq > ?", NULL, f->added_since, 1);
	for (p = f->country; p && *p; p++)
		term(w, "EXISTS (SELECT 1 FROM article_country c WHERE "
		    "c.code = upper(?) AND c.art = a.id)", *p, 0, 0);
	for (p = f->tag; p && *p; p++)
		term(w, "EXISTS (SELECT 1 FROM article_tag t WHERE "
		    "t.tag = ? AND t.art = a.id)", *p, 0, 0);
	if (f->category)
		term(w, "a.category = ?", f->category, 0, 0);
	if (f->author)
		term(w, "a.author = ?", f->author, 0, 0);
	if (f->source)
		term(w, "(a.source = ? OR a.host = lower(?) OR "
		    "a.feed = ? COLLATE NOCASE)", f->source, 0, 0);
	if (f->id && w->nown < 4) {
		w->own[w->nown] = arg_key(f->id);
		term2(w, "a.id IN (SELECT id FROM article WHERE key = ? "
		    "UNION SELECT id FROM article WHERE rid = @)",
		    w->own[w->nown++], f->id, 0, 0);
	}
}

static void
where_free(struct where *w)
{
	int i;

	for (i = 0; i < w->nown; i++)
		free(w->own[i]);
	news_buf_free(&w->sql);
}

static struct news_archive_iter *
iter_new(struct news_archive *a, struct where *w, const char *sql, long limit,
    const char *query)
{
	struct news_archive_iter *it;
	sqlite3_stmt *s;
	int i;

	if (sqlite3_prepare_v2(a->db, sql, -1, &s, NULL) != SQLITE_OK) {
		seterr(a, "query");
		return NULL;
	}
	if (query)
		sqlite3_bind_text(s, 1, query, -1, SQLITE_TRANSIENT);
	for (i = 0; i < w->n; i++) {
		if (w->is_num[i])
			sqlite3_bind_int64(s, i + 2, w->num[i]);
		else
			sqlite3_bind_text(s, i + 2, w->text[i], -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(s, w->n + 2, limit > 0 ? limit : -1);
	it = news_xcalloc(1, sizeof(*it));
	it->a = a;
	it->st = s;
	it->search = query != NULL;
	return it;
}

struct news_archive_iter *
news_archive_query(struct news_archive *a, const struct news_archive_filter *f)
{
	struct news_archive_iter *it;
	struct news_buf sql = NEWS_BUF_INIT;
	struct where w;

	where_build(&w, f);
	news_buf_printf(&sql, "SELECT a.seq, a.time, a.added, a.key, a.record "
	    "FROM article a WHERE %s ORDER BY %s LIMIT ?%d", news_buf_str(&w.sql),
	    f && f->by_seq ? (f->oldest_first ? "a.seq" : "a.seq DESC") :
	    /* what changed since a number is few records: found by the
	     * sequence index and sorted, not by a walk of the time index */
	    f && f->added_since ? (f->oldest_first ? "+a.time, a.id" :
	    "+a.time DESC, a.id DESC") :
	    f && f->oldest_first ? "a.time, a.id" : "a.time DESC, a.id DESC",
	    w.n + 2);
	it = iter_new(a, &w, news_buf_str(&sql), f ? f->limit : 0, NULL);
	news_buf_free(&sql);
	where_free(&w);
	return it;
}

struct news_archive_iter *
news_archive_search(struct news_archive *a, const struct news_archive_filter *f)
{
	struct news_archive_iter *it;
	struct news_buf sql = NEWS_BUF_INIT;
	struct where w;

	where_build(&w, f);
	/*
	 * The best matches are ranked first, by rowid and score alone (a
	 * common word matches most of the archive: sorting its records, and
	 * making a snippet of each, would cost seconds); only those get
	 * their record and snippet.  bm25 weights: a word of the title
	 * counts ten times one of the text, a tag five times.
	 */
	news_buf_printf(&sql, "WITH top AS (SELECT article_fts.rowid AS id, "
	    "bm25(article_fts, 10.0, 1.0, 5.0) AS r FROM article_fts%s "
	    "WHERE article_fts MATCH ?1 AND %s ORDER BY r LIMIT ?%d) "
	    "SELECT a.seq, a.time, a.added, a.key, a.record, "
	    "snippet(article_fts, -1, '[', ']', '...', 16), top.r "
	    "FROM top CROSS JOIN article_fts ON article_fts.rowid = top.id "
	    "CROSS JOIN article a ON a.id = top.id "
	    "WHERE article_fts MATCH ?1 ORDER BY top.r",
	    w.n ? " CROSS JOIN article a ON a.id = article_fts.rowid" : "",
	    news_buf_str(&w.sql), w.n + 2);
	it = iter_new(a, &w, news_buf_str(&sql), f->limit, f->query ? f->query : "");
	news_buf_free(&sql);
	where_free(&w);
	return it;
}

int
news_archive_next(struct news_archive_iter *it, struct news_archive_row *row)
{
	sqlite3_stmt *s = it->st;
	int rc = sqlite3_step(s);

	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		seterr(it->a, it->search ? "search" : "query");
		if (it->search && (rc & 0xff) == SQLITE_ERROR)
			snprintf(it->a->err, sizeof(it->a->err), "%s: search: %s",
			    it->a->path, sqlite3_errmsg(it->a->db));
		return -1;
	}
	memset(row, 0, sizeof(*row));
	row->seq = sqlite3_column_int64(s, 0);
	row->time = sqlite3_column_int64(s, 1);
	row->added = sqlite3_column_int64(s, 2);
	row->key = (const char *)sqlite3_column_text(s, 3);
	row->json = (const char *)sqlite3_column_text(s, 4);
	row->len = (size_t)sqlite3_column_bytes(s, 4);
	if (it->search) {
		row->snippet = (const char *)sqlite3_column_text(s, 5);
		row->score = -sqlite3_column_double(s, 6);
	}
	return 1;
}

void
news_archive_iter_free(struct news_archive_iter *it)
{
	if (it == NULL)
		return;
	sqlite3_finalize(it->st);
	free(it);
}

/* ---- the archive as a reader of records, for the filters' --archive ---- */

struct pull {
	struct news_archive *a;
	struct news_archive_iter *it;
};

static int
pull_line(void *arg, const char **line, size_t *len)
{
	struct pull *p = arg;
	struct news_archive_row row;
	int n = news_archive_next(p->it, &row);

	if (n < 0) {
		news_warn("%s", news_archive_error(p->a));
		return -1;
	}
	if (n == 0)
		return 0;
	*line = row.json;
	*len = row.len;
	return 1;
}

static void
pull_done(void *arg)
{
	struct pull *p = arg;

	news_archive_iter_free(p->it);
	news_archive_close(p->a);
	free(p);
}

struct news_reader *
news_archive_reader(const char *path, const struct news_archive_filter *f,
    char *err, size_t errlen, int *status)
{
	struct pull *p = news_xcalloc(1, sizeof(*p));

	if ((p->a = news_archive_open(path, NEWS_ARCHIVE_RDONLY, err, errlen,
	    status)) == NULL) {
		free(p);
		return NULL;
	}
	if ((p->it = news_archive_query(p->a, f)) == NULL) {
		snprintf(err, errlen, "%s", news_archive_error(p->a));
		*status = news_archive_error_status(p->a);
		news_archive_close(p->a);
		free(p);
		return NULL;
	}
	return news_reader_pull(path, pull_line, pull_done, p);
}
