/*
 * news.h: what every newsutils tool shares: exit status, diagnostics,
 * the version, and small checked allocation helpers.
 *
 * Exit status (documented in news(7) and every tool's EXIT STATUS):
 *   NEWS_EXIT_OK    0  all input processed, all sources fine
 *   NEWS_EXIT_FAIL  1  some input line, record or source failed; the rest
 *                      was processed and written
 *   NEWS_EXIT_USAGE 2  usage error or fatal error (cannot open output,
 *                      out of memory, cannot write stdout)
 */
#ifndef NEWS_H
#define NEWS_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

/* the one version, VERSION in the Makefile */
#ifndef NEWS_VERSION
#error "NEWS_VERSION is set by the Makefile (-DNEWS_VERSION)"
#endif

enum news_exit {
	NEWS_EXIT_OK = 0,
	NEWS_EXIT_FAIL = 1,
	NEWS_EXIT_USAGE = 2,
	NEWS_EXIT_FATAL = 2
};

#if defined(__GNUC__)
#define NEWS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define NEWS_NORETURN __attribute__((noreturn))
#else
#define NEWS_PRINTF(a, b)
#define NEWS_NORETURN
#endif

/* OpenBSD privilege reduction; a no-op elsewhere (as sfeed's util.h). */
#ifdef __OpenBSD__
#include <unistd.h>
#else
#define pledge(p1, p2) 0
#define unveil(p1, p2) 0
#endif

/*
 * Diagnostics go to stderr as "prog: message".  A message whose format
 * ends in ':' gets ": strerror(errno)" appended (as sbase's eprintf).
 * news_setprog() takes argv[0] (its basename is used).
 */
void news_setprog(const char *argv0);
const char *news_getprog(void);
void news_warn(const char *fmt, ...) NEWS_PRINTF(1, 2);
void news_vwarn(const char *fmt, va_list ap);
NEWS_NORETURN void news_fatal(const char *fmt, ...) NEWS_PRINTF(1, 2);
/* where diagnostics go: NULL (the default) means stderr; fuzz targets
 * point it at /dev/null */
extern FILE *news_diag_fp;
/* quiet mode: news_info() prints only when not quiet; news_warn always */
extern int news_quiet, news_verbose;
void news_info(const char *fmt, ...) NEWS_PRINTF(1, 2);

/*
 * Counted notes, for records a tool passes by or could not process.
 * A kind is a static struct news_note (NEWS_NOTE(reason, action, fail)).
 * news_note prints "prog: where: reason: action" unless -q, and counts;
 * news_note_count only counts.  news_notes_end, once at the end of a run,
 * prints a line per kind that was noted, "prog: N records action: reason
 * (first: where)" (only when -q hid the notes or there was more than
 * one; always for news_note_count kinds), nothing when none was.  It
 * returns NEWS_EXIT_FAIL when a kind with fail set was noted (an input
 * that is broken), else 0 (a record that is not for this tool: a record
 * without an html field at news-extract, one without id or url at
 * news-render).
 */
struct news_note {
	const char *reason;	/* "no html field" */
	const char *action;	/* "passed through", "skipped"; NULL: failed */
	int fail;
	int counted_only;	/* set by news_note_count */
	unsigned long n;
	char first[200];
	struct news_note *next;
};
#define NEWS_NOTE(reason, action, fail) { (reason), (action), (fail), 0, 0, "", NULL }
void news_note(struct news_note *k, const char *where);
void news_note_count(struct news_note *k, const char *where);
int news_notes_end(void);

/* Allocation that exits 2 with a diagnostic when memory runs out. */
void *news_xmalloc(size_t n);
void *news_xcalloc(size_t n, size_t m);
void *news_xrealloc(void *p, size_t n);
void *news_xreallocarray(void *p, size_t n, size_t m);
char *news_xstrdup(const char *s);
char *news_xstrndup(const char *s, size_t n);

/*
 * Parse a decimal integer in [min, max] (as OpenBSD strtonum).  On error
 * returns 0 and sets *errstr to "invalid", "too small" or "too large".
 */
long long news_strtonum(const char *s, long long min, long long max,
    const char **errstr);

/*
 * Flush and check a stream at exit (sbase fshut / sfeed checkfileerror).
 * Returns 0 when fine; else prints "prog: name: write error: ..." and
 * returns NEWS_EXIT_FATAL.  EPIPE is reported too: a reader that went
 * away before we finished means our output was lost.
 */
int news_fshut(FILE *fp, const char *name);

/* Print the standard --version line for the tool and exit 0. */
NEWS_NORETURN void news_version(void);

/*
 * Usage and --help, the same on every tool.  A synopsis is a NULL-ended
 * list of forms, each the words after the program name as in the man
 * page's SYNOPSIS; a long form is wrapped at 80 columns between
 * bracketed groups.  news_usage prints "usage: prog form" lines on
 * stderr and exits 2; news_help prints them on stdout, then about (a
 * line or two), one line per option of opts (ended by { NULL, NULL }),
 * and exits 0.
 */
struct news_opt_help {
	const char *opt;	/* as typed: "-o, --output dir" */
	const char *help;	/* what it does, in a few words */
};
void news_print_usage(FILE *fp, const char *const *synopsis);
NEWS_NORETURN void news_usage(const char *const *synopsis);
NEWS_NORETURN void news_help(const char *const *synopsis, const char *about,
    const struct news_opt_help *opts);
/*
 * Called by a filter about to read records from standard input because
 * it has no operands: when that is a terminal, say so (unless -q), as
 * the tool would otherwise seem to hang.
 */
void news_stdin_note(void);

#endif
