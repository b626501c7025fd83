/*
 * date.h: dates as feeds and pages write them, to UTC instants.
 *
 * news_date_parse() accepts RFC 822/1123/2822 and their wild variants,
 * RFC 3339 / ISO 8601 / W3C-DTF (reduced precision, week and ordinal
 * dates, fractions), asctime, Unix timestamps (flag NEWS_DATE_EPOCH), and
 * the human forms pages print ("December 13, 2025", "13.12.2025",
 * "2025年12月13日", month names in en de fr es it pt nl ru ko ja).
 * A form without a zone is taken at the offset the caller gives.
 * Nonsense (month 13, Feb 30, year 0) is rejected, never guessed.
 */
#ifndef NEWS_DATE_H
#define NEWS_DATE_H

#include <stddef.h>
#include <stdint.h>

enum {
	NEWS_DATE_EPOCH = 1 << 0,	/* accept a bare integer as Unix seconds
					   (JSON Feed-like contexts) */
	NEWS_DATE_DMY = 1 << 1,		/* ambiguous nn/nn/yyyy is day first */
	NEWS_DATE_MDY = 1 << 2		/* ambiguous nn/nn/yyyy is month first */
					/* neither: ambiguous forms rejected */
};

/* what a successful parse found (optional out-parameter) */
struct news_date_info {
	int has_time;	/* a time of day was given */
	int has_zone;	/* a zone or offset was given */
	int has_day;	/* day given (not "2025-12" or "2025") */
	long off;	/* the offset the local time was read at, seconds
			   east: the stated one, else default_off (0 for an
			   epoch) */
};

/*
 * Parse s (len bytes, or up to NUL when len == (size_t)-1).  Leading and
 * trailing space is ignored.  A form with no zone is read at UTC offset
 * default_off (seconds east of UTC).  On success stores seconds since the
 * epoch (UTC) in *out, fills *info if not NULL and returns 0; returns -1
 * when s is not a date it can read with certainty.
 */
int news_date_parse(const char *s, size_t len, long default_off, int flags,
    int64_t *out, struct news_date_info *info);

/* Format t as RFC 3339 UTC "2025-12-13T08:30:00Z" (buf >= 21 bytes,
 * NEWS_DATE_BUFSZ is enough).  Years 0001..9999 only; returns buf, or
 * NULL when out of range. */
#define NEWS_DATE_BUFSZ 32
char *news_date_format(int64_t t, char *buf);

/* Format t as RFC 3339 at UTC offset off (seconds east, whole minutes,
 * |off| < 24 h): "2025-12-13T03:30:00-05:00"; off 0 gives "...Z".
 * The date and time are the local ones at that offset.  Returns buf, or
 * NULL when out of range. */
char *news_date_format_off(int64_t t, long off, char *buf);

/* Days since 1970-01-01 for a proleptic Gregorian date, and back. */
int64_t news_days_from_civil(int64_t y, int m, int d);
void news_civil_from_days(int64_t z, int64_t *y, int *m, int *d);
/* 1 if y-m-d is a real calendar date (y >= 1) */
int news_date_valid(int64_t y, int m, int d);

/*
 * The UTC offset, in seconds east, of zone (an IANA name such as
 * "Asia/Ulaanbaatar", "UTC", or "+08:00") at instant t.  Returns 0 and
 * sets *off, or -1 when the zone is unknown.  Uses the system tz database.
 */
int news_tz_offset(const char *zone, int64_t t, long *off);

#endif
