/*
 * archive.c: unit tests for lib/archive.c against a real SQLite file:
 * creation and the version check, identity keys, newest fetch wins,
 * first-seen kept, sequence numbers, near-duplicates through the band
 * index, the reader (newest first, since a number, filters), holds,
 * removal and its log.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "tap.h"
#include "archive.h"
#include "news.h"

static char dir[] = "/tmp/news-archive-unit.XXXXXX";
static char path[512];

static json_t *
rec(const char *s)
{
	json_error_t e;
	json_t *j = json_loads(s, JSON_DECODE_ANY, &e);

	if (j == NULL) {
		fprintf(stderr, "bad fixture: %s\n", s);
		exit(2);
	}
	return j;
}

static int
add(struct news_archive *a, const char *s)
{
	json_t *j = rec(s);
	int r = news_archive_add(a, j, NEWS_ADD_DEDUP, NULL);

	json_decref(j);
	return r;
}

/* the records of a query, as "seq:json|..." */
static char *
list(struct news_archive *a, const struct news_archive_filter *f)
{
	static char buf[8192];
	struct news_archive_iter *it = news_archive_query(a, f);
	struct news_archive_row row;
	size_t n = 0;

	buf[0] = '\0';
	if (it == NULL)
		return "ERROR";
	while (news_archive_next(it, &row) == 1 && n < sizeof(buf) - 200)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%.*s",
		    n ? "|" : "", (int)row.len, row.json);
	news_archive_iter_free(it);
	return buf;
}

static int
exec(const char *sql)
{
	sqlite3 *db;
	int r;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	r = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return r;
}

static int
count_removed(const char *key, int64_t seq, void *arg)
{
	(void)key;
	(void)seq;
	(*(int *)arg)++;
	return 0;
}

int
main(void)
{
	struct news_archive *a;
	struct news_archive_filter f;
	char err[1200];
	const char *cc[] = { "mn", NULL }, *tg[] = { "Politics", NULL };
	char *k;
	int st, n, by_hash;
	json_t *j;

	news_setprog("archive.t");
	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof(path), "%s/a.db", dir);

	/* keys */
	j = rec("{\"url\":\"HTTPS://Example.org:443/a?utm_source=x#f\",\"id\":\"i\"}");
	is_str(k = news_archive_key(j, &by_hash), "https://example.org/a", "key: the URL key");
	ok(!by_hash, "key: not by hash");
	free(k);
	json_decref(j);
	j = rec("{\"id\":\"tag:x,2025:1\"}");
	is_str(k = news_archive_key(j, NULL), "id:tag:x,2025:1", "key: the id without a URL");
	free(k);
	json_decref(j);
	j = rec("{\"title\":\"t\"}");
	k = news_archive_key(j, &by_hash);
	ok(by_hash && strncmp(k, "hash:", 5) == 0, "key: a hash without url or id");
	free(k);
	json_decref(j);

	/* reading what does not exist is refused, writing creates */
	ok(news_archive_open(path, NEWS_ARCHIVE_RDONLY, err, sizeof(err), &st) == NULL,
	    "a missing archive is not created for reading");
	a = news_archive_open(path, NEWS_ARCHIVE_CREATE, err, sizeof(err), &st);
	ok(a != NULL, "created: %s", a ? "" : err);
	if (a == NULL)
		return done_testing();
	is_int(news_archive_seq(a), 0, "an empty archive is at sequence 0");

	is_int(add(a, "{\"url\":\"https://e.org/1\",\"id\":\"one\",\"title\":\"Talks in Ulaanbaatar\","
	    "\"published\":\"2025-12-13T08:30:00Z\",\"fetched_at\":\"2025-12-13T09:00:00Z\","
	    "\"countries\":[\"MN\"],\"tags\":[\"politics\"],\"simhash\":\"0123456789abcdef\"}"),
	    NEWS_ARCHIVE_NEW, "add: new");
	is_int(add(a, "{\"url\":\"https://e.org/1\",\"id\":\"one\",\"title\":\"Talks in Ulaanbaatar\","
	    "\"published\":\"2025-12-13T08:30:00Z\",\"fetched_at\":\"2025-12-13T09:00:00Z\","
	    "\"countries\":[\"MN\"],\"tags\":[\"politics\"],\"simhash\":\"0123456789abcdef\"}"),
	    NEWS_ARCHIVE_SAME, "add: the same record again is no change");
	is_int(add(a, "{\"url\":\"https://e.org/1\",\"id\":\"one\",\"title\":\"Old version\","
	    "\"fetched_at\":\"2025-12-12T09:00:00Z\"}"),
	    NEWS_ARCHIVE_OLDER, "add: an older fetch does not replace a newer one");
	is_int(news_archive_commit(a), 0, "commit");
	is_int(news_archive_seq(a), 1, "one change, sequence 1");
	is_int(add(a, "{\"url\":\"https://e.org/1?utm_medium=rss\",\"id\":\"one\",\"title\":\"Talks end in Ulaanbaatar\","
	    "\"published\":\"2025-12-13T08:30:00Z\",\"fetched_at\":\"2025-12-14T09:00:00Z\","
	    "\"countries\":[\"MN\"],\"tags\":[\"politics\"],\"simhash\":\"0123456789abcdef\"}"),
	    NEWS_ARCHIVE_CHANGED, "add: a newer fetch of the same URL key replaces it");
	is_int(add(a, "{\"url\":\"https://f.org/2\",\"title\":\"Same story elsewhere\","
	    "\"published\":\"2025-12-14T08:30:00Z\",\"simhash\":\"0123456789abcde8\","
	    "\"countries\":[\"CN\"]}"),
	    NEWS_ARCHIVE_NEW, "add: a near duplicate is a new article");
	is_int(add(a, "{\"url\":\"https://g.org/3\",\"title\":\"Unrelated\","
	    "\"published\":\"2025-12-12T08:30:00Z\",\"simhash\":\"fedcba9876543210\"}"),
	    NEWS_ARCHIVE_NEW, "add: a third");
	is_int(news_archive_commit(a), 0, "commit");
	is_int(news_archive_seq(a), 4, "four changes");
	news_archive_close(a);

	a = news_archive_open(path, NEWS_ARCHIVE_RDONLY, err, sizeof(err), &st);
	ok(a != NULL, "reopened read-only: %s", a ? "" : err);
	if (a == NULL)
		return done_testing();
	is_str(list(a, NULL),
	    "{\"url\":\"https://f.org/2\",\"title\":\"Same story elsewhere\",\"published\":\"2025-12-14T08:30:00Z\","
	    "\"simhash\":\"0123456789abcde8\",\"countries\":[\"CN\"],\"duplicate_of\":\"one\"}|"
	    "{\"url\":\"https://e.org/1?utm_medium=rss\",\"id\":\"one\",\"title\":\"Talks end in Ulaanbaatar\","
	    "\"published\":\"2025-12-13T08:30:00Z\",\"fetched_at\":\"2025-12-14T09:00:00Z\","
	    "\"countries\":[\"MN\"],\"tags\":[\"politics\"],\"simhash\":\"0123456789abcdef\"}|"
	    "{\"url\":\"https://g.org/3\",\"title\":\"Unrelated\",\"published\":\"2025-12-12T08:30:00Z\","
	    "\"simhash\":\"fedcba9876543210\"}",
	    "newest first, stored losslessly, the near duplicate marked with the first's id");
	memset(&f, 0, sizeof(f));
	f.added_since = 3;
	is_str(list(a, &f), "{\"url\":\"https://g.org/3\",\"title\":\"Unrelated\","
	    "\"published\":\"2025-12-12T08:30:00Z\",\"simhash\":\"fedcba9876543210\"}",
	    "added since 3: only the fourth change");
	f.added_since = 2;
	f.by_seq = 1;
	f.oldest_first = 1;
	n = 0;
	{
		struct news_archive_iter *it = news_archive_query(a, &f);
		struct news_archive_row row;
		int64_t last = 0;
		while (news_archive_next(it, &row) == 1) {
			n += row.seq > last;
			last = row.seq;
		}
		news_archive_iter_free(it);
	}
	is_int(n, 2, "added since 2, by sequence: the two later changes, in order");
	memset(&f, 0, sizeof(f));
	f.country = cc;
	f.tag = tg;
	ok(strstr(list(a, &f), "\"id\":\"one\"") && !strstr(list(a, &f), "f.org"),
	    "country and tag filters (case-insensitive)");
	memset(&f, 0, sizeof(f));
	f.id = "https://g.org/3#x";
	ok(strstr(list(a, &f), "Unrelated") != NULL, "--id by URL key");
	f.id = "one";
	ok(strstr(list(a, &f), "Talks end") != NULL, "--id by id");
	f.id = NULL;
	f.since = 1765584000;	/* 2025-12-13 */
	f.until = 1765670400;
	ok(strstr(list(a, &f), "Talks end") && !strstr(list(a, &f), "f.org") &&
	    !strstr(list(a, &f), "g.org"), "since and until");
	is_int(news_archive_holds(a, "https://E.org/1"), 1, "holds: by URL");
	is_int(news_archive_holds(a, "one"), 1, "holds: by id");
	is_int(news_archive_holds(a, "https://e.org/404"), 0, "holds: not");
	ok(news_archive_begin(a) < 0, "a read-only archive refuses to write");
	news_archive_close(a);

	/* first seen kept across a replacement */
	ok(exec("UPDATE article SET added = 42 WHERE key = 'https://g.org/3'") == SQLITE_OK, "set added");
	a = news_archive_open(path, 0, err, sizeof(err), &st);
	is_int(add(a, "{\"url\":\"https://g.org/3\",\"title\":\"Unrelated, updated\","
	    "\"published\":\"2025-12-12T08:30:00Z\",\"simhash\":\"fedcba9876543210\"}"),
	    NEWS_ARCHIVE_CHANGED, "replace");
	news_archive_commit(a);
	{
		struct news_archive_iter *it;
		struct news_archive_row row;
		memset(&f, 0, sizeof(f));
		f.id = "https://g.org/3";
		it = news_archive_query(a, &f);
		ok(news_archive_next(it, &row) == 1 && row.added == 42 && row.seq == 5,
		    "first-seen time kept, sequence advanced");
		news_archive_iter_free(it);
	}
	/* removal */
	is_int(news_archive_remove(a, "https://f.org/2"), 1, "remove by URL");
	is_int(news_archive_remove(a, "https://f.org/nothing"), 0, "remove an unknown URL: 0");
	is_int(news_archive_purge(a), 0, "purge");
	is_int(news_archive_holds(a, "https://f.org/2"), 0, "gone");
	n = 0;
	news_archive_removed_since(a, 5, count_removed, &n);
	is_int(n, 1, "the removal is logged with its sequence number");
	is_int(news_archive_seq(a), 6, "removal took a number");
	/* a near duplicate of a removed article is not marked */
	is_int(add(a, "{\"url\":\"https://h.org/4\",\"simhash\":\"0123456789abcde9\"}"),
	    NEWS_ARCHIVE_NEW, "add after remove");
	news_archive_close(a);

	/* versions and foreign files */
	ok(exec("PRAGMA user_version = 99") == SQLITE_OK, "set version 99");
	a = news_archive_open(path, 0, err, sizeof(err), &st);
	ok(a == NULL && strstr(err, "version 99 is newer") && st == 2,
	    "a newer version is refused: %s", err);
	snprintf(path, sizeof(path), "%s/foreign.db", dir);
	ok(exec("CREATE TABLE t (x)") == SQLITE_OK, "a foreign database");
	a = news_archive_open(path, NEWS_ARCHIVE_CREATE, err, sizeof(err), &st);
	ok(a == NULL && strstr(err, "not a news archive") && st == 2,
	    "a foreign database is refused: %s", err);
	snprintf(path, sizeof(path), "%s/text", dir);
	{
		FILE *fp = fopen(path, "w");
		fputs("this is not a database, it is text, long enough to be read "
		    "as a header by SQLite: 0123456789012345678901234567890123456789\n", fp);
		fclose(fp);
	}
	a = news_archive_open(path, NEWS_ARCHIVE_CREATE, err, sizeof(err), &st);
	ok(a == NULL && strstr(err, "not an SQLite database") && st == 2,
	    "a text file is refused: %s", err);
	a = news_archive_open(dir, NEWS_ARCHIVE_CREATE, err, sizeof(err), &st);
	ok(a == NULL && strstr(err, "is a directory"), "a directory is refused: %s", err);

	snprintf(path, sizeof(path), "rm -rf %s", dir);
	if (system(path) != 0)
		return 2;
	return done_testing();
}
