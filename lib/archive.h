/*
 * archive.h: the news archive, one SQLite database file (WAL mode) that
 * holds one article per identity, its record stored losslessly as the
 * JSON line news_record_write writes, with indexes for time, sequence,
 * countries, tags, full text (FTS5) and near-duplicates (simhash bands).
 *
 * Identity: the key of news_url_key() of the record's "url", else
 * "id:" and its "id", else "sha:" and a hash of the record's JSON.
 * A record seen again replaces the stored one unless the stored one was
 * fetched later ("fetched_at"); the time it was first added is kept.
 * Every change (an article added or replaced, or removed) takes the next
 * sequence number, so a reader can ask what changed since the number it
 * saw last.
 *
 * Errors: functions return -1 (or NULL) and leave a message in
 * news_archive_error(); the caller decides to exit.  news_archive_open
 * also says which exit status fits (NEWS_EXIT_FAIL for a full disk or a
 * read-only file on write, NEWS_EXIT_FATAL otherwise).
 */
#ifndef NEWS_ARCHIVE_H
#define NEWS_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

/* the schema version this code writes (PRAGMA user_version) */
#define NEWS_ARCHIVE_VERSION 1
/* near-duplicate threshold: simhashes within this many bits (at most
 * NEWS_ARCHIVE_BANDS - 1, the pigeonhole bound of the band index) */
#define NEWS_ARCHIVE_BANDS 4
#define NEWS_ARCHIVE_DUP_BITS 3

struct news_archive;

enum {
	NEWS_ARCHIVE_RDONLY = 1 << 0,	/* open for reading only */
	NEWS_ARCHIVE_CREATE = 1 << 1	/* create the file when absent */
};

/*
 * Open (and create, or migrate to NEWS_ARCHIVE_VERSION, when writing)
 * the archive at path.  On failure returns NULL, with the message in
 * err ("PATH: reason") and the exit status that fits in *status.  A file
 * that is not an SQLite database, a database that is not an archive, or
 * an archive of a newer version is refused and left untouched.
 */
struct news_archive *news_archive_open(const char *path, int flags,
    char *err, size_t errlen, int *status);
/* Close; 0, or -1 when a pending transaction could not be committed.
 * NULL is a no-op. */
int news_archive_close(struct news_archive *a);
const char *news_archive_error(const struct news_archive *a);
/* exit status that fits the last error: 1 disk full or read-only, 2 else */
int news_archive_error_status(const struct news_archive *a);
const char *news_archive_path(const struct news_archive *a);

/* Writes are grouped in transactions: begin, add..., commit.  add and
 * remove begin one themselves when none is open. */
int news_archive_begin(struct news_archive *a);
int news_archive_commit(struct news_archive *a);
void news_archive_rollback(struct news_archive *a);
int news_archive_in_transaction(const struct news_archive *a);

enum news_archive_added {
	NEWS_ARCHIVE_ERR = -1,		/* database error: see news_archive_error */
	NEWS_ARCHIVE_SAME = 0,		/* stored already, byte for byte */
	NEWS_ARCHIVE_OLDER = 1,		/* the stored one was fetched later: kept */
	NEWS_ARCHIVE_NEW = 2,		/* a new article */
	NEWS_ARCHIVE_CHANGED = 3	/* the stored article replaced */
};

enum {
	NEWS_ADD_DEDUP = 1 << 0	/* set (or keep) duplicate_of from the archive */
};

/*
 * Store rec.  With NEWS_ADD_DEDUP, a record carrying a "simhash" within
 * the threshold of an older stored article's gets "duplicate_of" (that
 * article's duplicate_of, else its id, else its URL); rec is changed in
 * place.  *keyed_by_hash (when not NULL) is set when the record had no
 * url nor id.
 */
int news_archive_add(struct news_archive *a, json_t *rec, int flags,
    int *keyed_by_hash);
/* the JSON line (no '\n') the last news_archive_add stored, when it
 * returned NEWS_ARCHIVE_NEW or NEWS_ARCHIVE_CHANGED (with duplicate_of
 * as set); valid until the next add */
const char *news_archive_record(const struct news_archive *a, size_t *len);
/* the near-duplicate threshold in bits (0..NEWS_ARCHIVE_DUP_BITS) */
void news_archive_set_dup_bits(struct news_archive *a, int bits);

/*
 * Remove the article that url_or_id names (a URL: its key; else an id).
 * Returns 1 when one was removed, 0 when none was there, -1 on error.
 * news_archive_purge() then makes the removed text unrecoverable: the
 * full-text index merged, free pages zeroed (secure_delete), the WAL
 * checkpointed and truncated.
 */
int news_archive_remove(struct news_archive *a, const char *url_or_id);
int news_archive_purge(struct news_archive *a);

/* 1 when the archive holds the article url_or_id names, 0 not, -1 error */
int news_archive_holds(struct news_archive *a, const char *url_or_id);
/* the identity key of rec (malloc'd); *by_hash set when from its hash */
char *news_archive_key(json_t *rec, int *by_hash);
/* the last sequence number given (0 for an empty archive) */
int64_t news_archive_seq(struct news_archive *a);

/* ---- the reader: records newest first, or changed since a number ----
 *
 * An incremental reader (news-render --archive, news-tag --archive)
 * keeps the last sequence number it handled, N, and asks for what
 * changed after it:
 *
 *	struct news_archive *a = news_archive_open(db, NEWS_ARCHIVE_RDONLY,
 *	    err, sizeof(err), &status);
 *	struct news_archive_filter f = { .added_since = N, .by_seq = 1,
 *	    .oldest_first = 1 };
 *	int64_t upto = news_archive_seq(a);	// before reading
 *	struct news_archive_iter *it = news_archive_query(a, &f);
 *	while (news_archive_next(it, &row) == 1)
 *		... row.json, row.len: the record; row.seq ...
 *	news_archive_iter_free(it);
 *	news_archive_removed_since(a, N, gone, arg);	// takedowns
 *	... then keep upto as the new N
 *
 * A query sees the archive as of the last commit when it starts (WAL).
 * A change committed after news_archive_seq carries a number above upto:
 * it may be read now and again the next time, never missed.  news-fetch asks news_archive_holds(a, url)
 * whether an item has arrived.
 */

struct news_archive_filter {
	int64_t since, until;		/* time in [since, until); 0: open */
	int64_t added_since;		/* seq > added_since; 0: any */
	const char **country;		/* NULL-terminated; all must hold */
	const char **tag;		/* NULL-terminated; all must hold */
	const char *category, *author, *source, *id;
	long limit;			/* 0: no limit */
	int oldest_first;
	int by_seq;			/* order by sequence, not by time */
	const char *query;		/* FTS5 query (news_archive_search) */
};

/* one article as the reader gives it; the pointers live until the next
 * call of news_archive_next */
struct news_archive_row {
	int64_t seq;		/* sequence number of its last change */
	int64_t time;		/* published, else updated, else fetched, else added */
	int64_t added;		/* when first added (Unix seconds) */
	const char *key;	/* identity key */
	const char *json;	/* the record, one JSON line without '\n' */
	size_t len;
	const char *snippet;	/* search only: matches in [brackets] */
	double score;		/* search only: higher is better */
};

struct news_archive_iter;

/* Iterate articles matching f (NULL: all, newest first). */
struct news_archive_iter *news_archive_query(struct news_archive *a,
    const struct news_archive_filter *f);
/* Full-text search: f->query is required; best first (bm25). */
struct news_archive_iter *news_archive_search(struct news_archive *a,
    const struct news_archive_filter *f);
/* 1 row filled, 0 at the end, -1 error (a query FTS5 rejects, ...) */
int news_archive_next(struct news_archive_iter *it, struct news_archive_row *row);
void news_archive_iter_free(struct news_archive_iter *it);

/*
 * The keys of articles removed after sequence number seq, oldest first:
 * fn(key, seq, arg) for each; a non-zero return stops.  Returns 0 or -1.
 */
int news_archive_removed_since(struct news_archive *a, int64_t seq,
    int (*fn)(const char *key, int64_t seq, void *arg), void *arg);

/*
 * The archive's records as a reader (lib/record.h) of JSON lines, in the
 * order f asks (NULL: all, newest first), for a filter's --archive DB:
 * news_records_foreach_reader() then reads them as it reads a file.
 * Opens path read-only; NULL on failure, with err and *status set as
 * news_archive_open sets them.  news_reader_close closes the archive.
 */
struct news_reader;
struct news_reader *news_archive_reader(const char *path,
    const struct news_archive_filter *f, char *err, size_t errlen, int *status);

/* The underlying connection, for read-only statistics queries. */
struct sqlite3 *news_archive_db(struct news_archive *a);

#endif
