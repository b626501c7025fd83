/*
 * date.c: news_date_parse() speed over a mix of real-world forms, and
 * strptime()+timegm() on the RFC 822 subset as a baseline in the same
 * run.  Prints parses per second of CPU time (median of ROUNDS rounds)
 * and the ratio.
 * Figures only: nothing here asserts timing.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

#define ROUNDS	5
#define ROUNDT	0.2	/* seconds per round */

static const char *const mixed[] = {
	"Sat, 13 Dec 2025 08:30:00 +0000",
	"Sat, 13 Dec 2025 08:30:00 GMT",
	"Sat, 13 Dec 2025 03:30:00 -0500",
	"Sat, 13 Dec 2025 00:30:00 PST",
	"13 Dec 2025 09:30:00 +0100",
	"Sat, 13 Dec 25 08:30 GMT",
	"Sat, 13 Dec 2025 08:30:00 +0000 (UTC)",
	"2025-12-13T08:30:00Z",
	"2025-12-13T09:30:00+01:00",
	"2025-12-13T08:30:00.123456Z",
	"2025-12-13 08:30:00",
	"2025-12-13",
	"20251213T083000Z",
	"2025-W50-6",
	"Sat Dec 13 08:30:00 2025",
	"Sat Dec 13 2025 09:30:00 GMT+0100 (Central European Standard Time)",
	"December 13, 2025",
	"Dec. 13, 2025",
	"Saturday, December 13, 2025",
	"December 13, 2025 at 8:30 pm",
	"8:30 AM, Dec 13 2025",
	"13.12.2025 08:30",
	"2025/12/13",
	"12/13/2025",
	"13th December 2025",
	"le 13 décembre 2025",
	"13. Dezember 2025",
	"13 de diciembre de 2025",
	"13 декабря 2025 г.",
	"2025年12月13日 17時30分",
	"2025년 12월 13일 오후 5:30",
};

static const char *const rfc822[] = {
	"Sat, 13 Dec 2025 08:30:00 +0000",
	"Sat, 13 Dec 2025 03:30:00 -0500",
	"Fri, 01 Aug 2025 23:59:59 +0200",
	"Mon, 03 Mar 2025 12:00:00 -0800",
	"Tue, 29 Feb 2000 00:00:00 +0000",
	"Wed, 31 Dec 1999 18:45:10 +0530",
};

#define N(a)	(sizeof(a) / sizeof((a)[0]))

static volatile int64_t sink;

static double
now(void)
{
	struct timespec ts;

	/* CPU time of this thread: "per second on one core", whatever
	   else the machine is doing */
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int64_t
by_strptime(const char *s)
{
	struct tm tm;
	long off;

	memset(&tm, 0, sizeof(tm));
	if (strptime(s, "%a, %d %b %Y %H:%M:%S %z", &tm) == NULL)
		return INT64_MIN;
	off = tm.tm_gmtoff;	/* timegm() clears it */
	return (int64_t)timegm(&tm) - off;
}

static int64_t
by_news(const char *s)
{
	int64_t t;

	if (news_date_parse(s, (size_t)-1, 0, 0, &t, NULL) != 0)
		return INT64_MIN;
	return t;
}

/* parses per second over set, median of ROUNDS rounds */
static double
rate(int64_t (*fn)(const char *), const char *const *set, size_t n)
{
	double r[ROUNDS], t0, dt, x;
	long count;
	size_t i;
	int k, j;

	for (k = 0; k < ROUNDS; k++) {
		count = 0;
		t0 = now();
		do {
			for (j = 0; j < 1000; j++)
				for (i = 0; i < n; i++)
					sink += fn(set[i]);
			count += 1000 * (long)n;
		} while ((dt = now() - t0) < ROUNDT);
		r[k] = count / dt;
	}
	for (k = 1; k < ROUNDS; k++)	/* insertion sort */
		for (j = k; j > 0 && r[j - 1] > r[j]; j--) {
			x = r[j];
			r[j] = r[j - 1];
			r[j - 1] = x;
		}
	return r[ROUNDS / 2];
}

int
main(void)
{
	double mix, ours, base;
	size_t i, bad = 0;

	for (i = 0; i < N(mixed); i++)
		if (by_news(mixed[i]) == INT64_MIN) {
			fprintf(stderr, "bench/date: not parsed: %s\n", mixed[i]);
			bad++;
		}
	for (i = 0; i < N(rfc822); i++)
		if (by_news(rfc822[i]) != by_strptime(rfc822[i])) {
			fprintf(stderr, "bench/date: differs from strptime: "
			    "%s\n", rfc822[i]);
			bad++;
		}
	mix = rate(by_news, mixed, N(mixed));
	ours = rate(by_news, rfc822, N(rfc822));
	base = rate(by_strptime, rfc822, N(rfc822));
	printf("news_date_parse, %zu mixed forms: %.0f parses/s\n",
	    N(mixed), mix);
	printf("news_date_parse, RFC 822 subset:  %.0f parses/s\n", ours);
	printf("strptime+timegm, RFC 822 subset:  %.0f parses/s\n", base);
	printf("ratio news_date_parse/strptime (RFC 822): %.2f\n", ours / base);
	return bad ? 1 : 0;
}
