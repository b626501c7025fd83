/*
 * admin.c: news-archive remove (takedowns, for good) and stats.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "buf.h"
#include "cmd.h"
#include "record.h"

/* the URL or id a line of an exclude file names: the line itself, or
 * the url (else id) of a JSON record; NULL for a blank or # line, and
 * for a record naming none (*bad set) */
static char *
exclude_name(char *line, int *bad)
{
	char *e, *r = NULL;
	json_t *rec;
	const char *s;

	*bad = 0;
	while (isspace((unsigned char)*line))
		line++;
	e = line + strlen(line);
	while (e > line && isspace((unsigned char)e[-1]))
		*--e = '\0';
	if (*line == '\0' || *line == '#')
		return NULL;
	*bad = 0;
	if (*line != '{')
		return news_xstrdup(line);
	*bad = 1;
	if ((rec = news_record_parse(line, strlen(line), NULL, 0)) != NULL) {
		if (((s = news_record_str(rec, "url")) && *s) ||
		    ((s = news_record_str(rec, "id")) && *s))
			r = news_xstrdup(s);
		*bad = r == NULL;
		json_decref(rec);
	}
	return r;
}

int
cmd_remove(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "exclude", required_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	struct news_archive *a;
	const char *exclude = NULL;
	char *line = NULL, *name;
	size_t cap = 0;
	unsigned long lineno = 0, named = 0, removed = 0;
	int c, r, bad, status = NEWS_EXIT_OK;
	FILE *fp;

	while ((c = getopt_long(argc, argv, "q", longopts, NULL)) != -1) {
		switch (c) {
		case 'x': exclude = optarg; break;
		case 'q': news_quiet = 1; break;
		default: usage();
		}
	}
	if (exclude == NULL || argc - optind != 1)
		usage();
	if (strcmp(exclude, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(exclude, "r")) == NULL)
		news_fatal("%s:", exclude);
	a = open_db(argv[optind], 0);
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		if ((name = exclude_name(line, &bad)) == NULL) {
			if (bad) {
				news_warn("%s:%lu: not a record with a url or an "
				    "id, skipped", exclude, lineno);
				status = NEWS_EXIT_FAIL;
			}
			continue;
		}
		named++;
		r = news_archive_remove(a, name);
		free(name);
		if (r < 0)
			db_fatal(a);
		removed += (unsigned long)r;
	}
	free(line);
	if (ferror(fp))
		news_fatal("%s: read error:", exclude);
	if (fp != stdin)
		fclose(fp);
	if (news_archive_purge(a) < 0)
		db_fatal(a);
	if (!news_quiet)
		news_warn("%s: removed %lu of the %lu named (%lu not in the archive)",
		    news_archive_path(a), removed, named, named - removed);
	if (news_archive_close(a) < 0)
		status = NEWS_EXIT_FATAL;
	return status;
}

/* ---- stats ---- */

struct stats {
	struct news_archive *a;
	int json, top, first;	/* first: no section printed yet (json) */
};

static sqlite3_stmt *
prepare(struct stats *st, const char *sql)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(news_archive_db(st->a), sql, -1, &s, NULL) != SQLITE_OK) {
		news_warn("%s: stats: %s", news_archive_path(st->a),
		    sqlite3_errmsg(news_archive_db(st->a)));
		news_archive_close(st->a);
		exit(NEWS_EXIT_FATAL);
	}
	return s;
}

static int64_t
scalar(struct stats *st, const char *sql)
{
	sqlite3_stmt *s = prepare(st, sql);
	int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;

	sqlite3_finalize(s);
	return v;
}

static void
json_str(const char *s)
{
	struct news_buf b = NEWS_BUF_INIT;

	news_json_put_string(&b, s, strlen(s), 0);
	fwrite(b.s, 1, b.len, stdout);
	news_buf_free(&b);
}

/* one section: name, count rows of sql (a LIMIT ?1 bound to --top) */
static void
section(struct stats *st, const char *title, const char *key, const char *sql,
    int limited)
{
	sqlite3_stmt *s = prepare(st, sql);
	int n = 0;

	if (limited)
		sqlite3_bind_int(s, 1, st->top > 0 ? st->top : -1);
	if (st->json)
		printf(",\"%s\":[", title);
	else
		printf("\n%-40s %10s\n", key, "articles");
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		if (k == NULL)
			k = "(none)";
		if (st->json) {
			printf("%s{\"%s\":", n ? "," : "", key);
			json_str(k);
			printf(",\"articles\":%lld}", (long long)sqlite3_column_int64(s, 1));
		} else
			printf("%-40s %10lld\n", k, (long long)sqlite3_column_int64(s, 1));
		n++;
	}
	if (st->json)
		putchar(']');
	sqlite3_finalize(s);
}

int
cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "top", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct stats st;
	struct news_buf wal = NEWS_BUF_INIT;
	struct stat sb;
	const char *errstr;
	int64_t n, size;
	int c;

	memset(&st, 0, sizeof(st));
	st.top = 20;
	while ((c = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0)
				news_fatal("-f %s: expected text or json", optarg);
			st.json = strcmp(optarg, "json") == 0;
			break;
		case 't':
			st.top = (int)news_strtonum(optarg, 0, 1000000, &errstr);
			if (errstr)
				news_fatal("--top %s: %s", optarg, errstr);
			break;
		default: usage();
		}
	}
	if (argc - optind != 1)
		usage();
	st.a = open_db(argv[optind], NEWS_ARCHIVE_RDONLY);
	n = scalar(&st, "SELECT count(*) FROM article");
	size = scalar(&st, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
	news_buf_printf(&wal, "%s-wal", argv[optind]);
	if (stat(wal.s, &sb) == 0)
		size += (int64_t)sb.st_size;
	news_buf_free(&wal);
	if (st.json)
		printf("{\"articles\":%lld,\"removed\":%lld,\"sequence\":%lld,"
		    "\"bytes\":%lld,\"record_bytes\":%lld",
		    (long long)n, (long long)scalar(&st, "SELECT count(*) FROM removed"),
		    (long long)news_archive_seq(st.a), (long long)size,
		    (long long)scalar(&st, "SELECT coalesce(sum(length(record)), 0) FROM article"));
	else
		printf("%-40s %10lld\n%-40s %10lld\n%-40s %10lld\n%-40s %10lld\n"
		    "%-40s %10lld\n", "articles", (long long)n, "removed",
		    (long long)scalar(&st, "SELECT count(*) FROM removed"),
		    "sequence", (long long)news_archive_seq(st.a),
		    "bytes", (long long)size, "bytes per article",
		    (long long)(n ? size / n : 0));
	section(&st, "months", "month", "SELECT strftime('%Y-%m', time, 'unixepoch') m, "
	    "count(*) FROM article GROUP BY m ORDER BY m DESC", 0);
	section(&st, "sources", "source", "SELECT coalesce(source, host) s, count(*) n "
	    "FROM article GROUP BY s ORDER BY n DESC, s LIMIT ?1", 1);
	section(&st, "countries", "country", "SELECT code, count(*) n FROM "
	    "article_country GROUP BY code ORDER BY n DESC, code LIMIT ?1", 1);
	section(&st, "tags", "tag", "SELECT min(tag), count(*) n FROM article_tag "
	    "GROUP BY tag ORDER BY n DESC, 1 LIMIT ?1", 1);
	if (st.json)
		puts("}");
	news_archive_close(st.a);
	return news_fshut(stdout, "<stdout>");
}
