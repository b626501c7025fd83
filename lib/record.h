/*
 * record.h: JSON-lines record I/O (news(5)/news(7)).
 *
 * A reader yields one JSON object per input line, from a file or from
 * stdin ("-" or NULL).  Lines that are not JSON objects are reported on
 * stderr as "prog: FILE:LINE: reason" and skipped; the caller learns of
 * it through the return value and exits 1 at the end.  Invalid UTF-8 is
 * repaired to U+FFFD before parsing, so it never costs a record.  Lines
 * longer than the maximum record size are reported and skipped without
 * being held in memory.  Blank lines are skipped silently.
 */
#ifndef NEWS_RECORD_H
#define NEWS_RECORD_H

#include <stdio.h>
#include <jansson.h>

#define NEWS_RECORD_MAX_DEFAULT (64UL * 1024 * 1024)	/* 64 MiB */

struct news_reader;

enum news_read {
	NEWS_READ_EOF = 0,	/* no more records */
	NEWS_READ_OK = 1,	/* *rec holds a new reference to an object */
	NEWS_READ_BAD = -1,	/* a bad line was reported and skipped */
	NEWS_READ_ERR = -2	/* read error on the stream (reported) */
};

/*
 * Open path ("-" or NULL = stdin, named "<stdin>" in messages).  Returns
 * NULL (with errno set, nothing printed) when the file cannot be opened.
 */
struct news_reader *news_reader_open(const char *path);
/* Wrap an open stream; name is used in diagnostics. Does not close fp. */
struct news_reader *news_reader_fdopen(FILE *fp, const char *name);
void news_reader_close(struct news_reader *r);	/* NULL is a no-op */
/*
 * A reader of lines that come from elsewhere (lib/archive.c's reader of
 * an archive): pull returns 1 with the next line (no newline; valid until
 * the next call), 0 at the end, -1 on an error it has reported.  done(arg)
 * is called by news_reader_close.  Messages name the line as NAME:N.
 */
typedef int (*news_pull_fn)(void *arg, const char **line, size_t *len);
struct news_reader *news_reader_pull(const char *name, news_pull_fn pull,
    void (*done)(void *), void *arg);
/* Maximum record size in bytes (default NEWS_RECORD_MAX_DEFAULT, or the
 * NEWS_MAX_RECORD environment variable, in bytes). */
void news_reader_set_max(struct news_reader *r, size_t max);
int news_reader_next(struct news_reader *r, json_t **rec);
/*
 * The next raw line, for tools with a fast path that parse only some
 * lines: blank lines skipped, a final CR dropped, over-long lines
 * reported and skipped (NEWS_READ_BAD) as news_reader_next does.  *line
 * (not NUL-terminated, may hold invalid UTF-8) stays valid until the next
 * call.  Parse it with news_record_parse when needed.
 */
int news_reader_next_line(struct news_reader *r, const char **line, size_t *len);
/*
 * 1 when the next record is at hand: a whole line is buffered, or the
 * input has ended; 0 when the next call would have to read (and may
 * wait for a writer upstream).  A tool holding a transaction open
 * commits before it waits.
 */
int news_reader_has_line(const struct news_reader *r);
/* "FILE:LINE" of the record last returned, for diagnostics */
const char *news_reader_where(const struct news_reader *r);
const char *news_reader_name(const struct news_reader *r);
unsigned long news_reader_line(const struct news_reader *r);

/*
 * Parse one line (not NUL-terminated) into an object, repairing UTF-8.
 * On failure returns NULL and puts a reason in err (if not NULL).
 */
json_t *news_record_parse(const char *line, size_t len, char *err, size_t errlen);

/*
 * Write rec compactly as one line, field order kept.  Returns 0, or -1 on
 * a write error (errno set).
 */
int news_record_write(json_t *rec, FILE *fp);

/*
 * Append v to b as compact JSON, byte for byte what news_record_write
 * writes (jansson's compact form, keys in their order).  Returns 0, or -1
 * with b as it was when jansson would refuse v too (a string that is not
 * valid UTF-8, nesting deeper than jansson's limit).
 */
struct news_buf;
int news_json_put(struct news_buf *b, json_t *v);
/*
 * Append s[0..len) to b as a JSON string.  With check set, -1 (b as it
 * was) when s is not valid UTF-8; without it, s must be valid.
 */
int news_json_put_string(struct news_buf *b, const char *s, size_t len, int check);

/*
 * A short identifier for a record in diagnostics: its "id", else "url",
 * else "path", else NULL.
 */
const char *news_record_label(json_t *rec);

/*
 * Convenience: the string value of key, or NULL when absent or not a
 * string (an empty string is returned as "").
 */
const char *news_record_str(json_t *rec, const char *key);
/* Set key to a string value (copied); NULL or "" removes nothing and sets "" */
void news_record_set_str(json_t *rec, const char *key, const char *val);

/*
 * The common input loop of a filter: call fn for every record of every
 * operand (or stdin when argc == 0), in order; bad lines are reported and
 * skipped.  An unreadable operand is reported and skipped.  fn returns 0
 * or NEWS_EXIT_FAIL for a record it could not process.  Stops reading
 * once ferror(stdout).  Returns the worst status seen (0, 1), or 2 if
 * fn returned 2.
 */
typedef int (*news_record_fn)(json_t *rec, struct news_reader *r, void *arg);
int news_records_foreach(int argc, char **argv, news_record_fn fn, void *arg);
/* the same loop over one reader (not closed) */
int news_records_foreach_reader(struct news_reader *r, news_record_fn fn, void *arg);

#endif
