/* diag.c: diagnostics, checked allocation, number parsing, stream checks. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "news.h"

static const char *prog = "news";
int news_quiet, news_verbose;
FILE *news_diag_fp;

void
news_setprog(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	prog = (p = strrchr(argv0, '/')) ? p + 1 : argv0;
}

const char *
news_getprog(void)
{
	return prog;
}

void
news_vwarn(const char *fmt, va_list ap)
{
	FILE *fp = news_diag_fp ? news_diag_fp : stderr;
	size_t n;
	int saved = errno;

	fprintf(fp, "%s: ", prog);
	vfprintf(fp, fmt, ap);
	n = strlen(fmt);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(fp, " %s", strerror(saved));
	fputc('\n', fp);
}

void
news_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	news_vwarn(fmt, ap);
	va_end(ap);
}

void
news_info(const char *fmt, ...)
{
	va_list ap;

	if (news_quiet)
		return;
	va_start(ap, fmt);
	news_vwarn(fmt, ap);
	va_end(ap);
}

void
news_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	news_vwarn(fmt, ap);
	va_end(ap);
	exit(NEWS_EXIT_FATAL);
}

void *
news_xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n ? n : 1)) == NULL)
		news_fatal("malloc:");
	return p;
}

void *
news_xcalloc(size_t n, size_t m)
{
	void *p;

	if ((p = calloc(n ? n : 1, m ? m : 1)) == NULL)
		news_fatal("calloc:");
	return p;
}

void *
news_xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		news_fatal("realloc:");
	return p;
}

void *
news_xreallocarray(void *p, size_t n, size_t m)
{
	if (m && n > SIZE_MAX / m) {
		errno = ENOMEM;
		news_fatal("reallocarray:");
	}
	return news_xrealloc(p, n * m);
}

char *
news_xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		news_fatal("strdup:");
	return p;
}

char *
news_xstrndup(const char *s, size_t n)
{
	char *p;

	if ((p = strndup(s, n)) == NULL)
		news_fatal("strndup:");
	return p;
}

long long
news_strtonum(const char *s, long long min, long long max, const char **errstr)
{
	long long v;
	char *end;

	*errstr = NULL;
	if (s == NULL || *s == '\0' || min > max) {
		*errstr = "invalid";
		return 0;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || end == s) {
		*errstr = "invalid";
		return 0;
	}
	if ((v == LLONG_MIN && errno == ERANGE) || v < min) {
		*errstr = "too small";
		return 0;
	}
	if ((v == LLONG_MAX && errno == ERANGE) || v > max) {
		*errstr = "too large";
		return 0;
	}
	return v;
}

int
news_fshut(FILE *fp, const char *name)
{
	int r = 0;

	if (fflush(fp) == EOF || ferror(fp)) {
		if (errno == 0)
			errno = EIO;
		news_warn("%s: write error:", name);
		r = NEWS_EXIT_FATAL;
	}
	if (fp != stdout && fp != stderr && fclose(fp) == EOF && r == 0) {
		news_warn("%s: close:", name);
		r = NEWS_EXIT_FATAL;
	}
	return r;
}

void
news_version(void)
{
	printf("%s (newsutils) %s\n", prog, NEWS_VERSION);
	exit(news_fshut(stdout, "<stdout>"));
}

/* one synopsis form after "usage: prog ", wrapped between groups */
static void
print_form(FILE *fp, const char *lead, const char *form)
{
	size_t col, indent, n, depth;
	const char *p, *w;

	col = indent = fprintf(fp, "%s%s", lead, prog) + 1;
	for (p = form; *p != '\0'; ) {
		while (*p == ' ')
			p++;
		/* a word: up to a space outside brackets */
		for (w = p, depth = 0; *p != '\0' && (*p != ' ' || depth > 0); p++) {
			if (*p == '[')
				depth++;
			else if (*p == ']' && depth > 0)
				depth--;
		}
		if ((n = (size_t)(p - w)) == 0)
			break;
		if (col + n >= 80 && col > indent) {
			fprintf(fp, "\n%*s", (int)indent, "");
			col = indent;
		} else {
			fputc(' ', fp);
			col++;
		}
		fwrite(w, 1, n, fp);
		col += n;
	}
	fputc('\n', fp);
}

void
news_print_usage(FILE *fp, const char *const *synopsis)
{
	size_t i;

	for (i = 0; synopsis[i] != NULL; i++)
		print_form(fp, i == 0 ? "usage: " : "       ", synopsis[i]);
}

void
news_usage(const char *const *synopsis)
{
	news_print_usage(stderr, synopsis);
	fprintf(stderr, "Try '%s --help' for more.\n", prog);
	exit(NEWS_EXIT_USAGE);
}

void
news_help(const char *const *synopsis, const char *about,
    const struct news_opt_help *opts)
{
	size_t i, w = 0, n;

	news_print_usage(stdout, synopsis);
	if (about != NULL)
		printf("\n%s\n", about);
	for (i = 0; opts != NULL && opts[i].opt != NULL; i++)
		if ((n = strlen(opts[i].opt)) > w && n <= 26)
			w = n;
	if (opts != NULL && opts[0].opt != NULL)
		putchar('\n');
	for (i = 0; opts != NULL && opts[i].opt != NULL; i++)
		printf("  %-*s  %s\n", (int)w, opts[i].opt, opts[i].help);
	exit(news_fshut(stdout, "<stdout>"));
}

void
news_stdin_note(void)
{
	if (!news_quiet && isatty(STDIN_FILENO))
		news_warn("reading records from standard input, a terminal "
		    "(end with ^D; '%s --help' for more)", prog);
}

static struct news_note *notes;		/* the kinds noted, first noted first */
static struct news_note **notes_tail = &notes;

static void
note_add(struct news_note *k, const char *where)
{
	if (k->n++ == 0) {
		snprintf(k->first, sizeof(k->first), "%s", where ? where : "");
		k->next = NULL;
		*notes_tail = k;
		notes_tail = &k->next;
	}
}

void
news_note(struct news_note *k, const char *where)
{
	note_add(k, where);
	if (!news_quiet)
		news_warn("%s%s%s%s%s", where ? where : "", where ? ": " : "",
		    k->reason, k->action ? ": " : "", k->action ? k->action : "");
}

void
news_note_count(struct news_note *k, const char *where)
{
	k->counted_only = 1;
	note_add(k, where);
}

int
news_notes_end(void)
{
	struct news_note *k;
	int st = 0;

	for (k = notes; k != NULL; k = k->next) {
		if (k->fail)
			st = NEWS_EXIT_FAIL;
		if (!k->counted_only && !news_quiet && k->n == 1)
			continue;
		news_warn("%lu record%s %s: %s%s%s%s", k->n, k->n == 1 ? "" : "s",
		    k->action ? k->action : "failed", k->reason,
		    *k->first ? " (first: " : "", k->first, *k->first ? ")" : "");
	}
	return st;
}
