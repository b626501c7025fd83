/*
 * ics.c: -f ics, an RFC 5545 calendar with one VEVENT per article.
 *
 * Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character.  TEXT values are escaped (\\ \; \, \n) and stripped of
 * control characters.  UID is an FNV-1a hash of the record's id (else
 * url, path, or title and date) "@newsutils", so it is the same on every
 * run; DTSTAMP is the record's fetched_at, else updated, else published,
 * never the clock, so the same input gives the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "hash.h"
#include "news.h"
#include "record.h"
#include "text.h"

#define FOLD 75

/* value with control characters dropped, and TEXT-escaped if escape */
static void
esc_text(struct news_buf *l, const char *value, int escape)
{
	const unsigned char *p;

	for (p = (const unsigned char *)value; *p != '\0'; p++) {
		if (escape && (*p == '\\' || *p == ';' || *p == ',')) {
			news_buf_addc(l, '\\');
			news_buf_addc(l, *p);
		} else if (escape && *p == '\n') {
			news_buf_adds(l, "\\n");
		} else if ((*p < 0x20 && *p != '\t') || *p == 0x7f) {
			continue;
		} else {
			news_buf_addc(l, *p);
		}
	}
}

void
ics_line(struct news_buf *out, const char *name, const char *value,
    int escape)
{
	struct news_buf l = NEWS_BUF_INIT;
	size_t i, n, lim;

	news_buf_adds(&l, name);
	news_buf_addc(&l, ':');
	esc_text(&l, value, escape);
	for (i = 0, lim = FOLD; i < l.len; i += n, lim = FOLD - 1) {
		n = l.len - i;
		if (n > lim) {
			n = lim;
			/* back off to the start of a UTF-8 character */
			while (n > 0 && ((unsigned char)l.s[i + n] & 0xc0) == 0x80)
				n--;
			if (n == 0)
				n = lim;
		}
		if (i > 0)
			news_buf_addc(out, ' ');
		news_buf_add(out, l.s + i, n);
		news_buf_adds(out, "\r\n");
	}
	news_buf_free(&l);
}

static void
put_line(FILE *fp, const char *name, const char *value, int escape)
{
	struct news_buf b = NEWS_BUF_INIT;

	ics_line(&b, name, value, escape);
	fwrite(b.s, 1, b.len, fp);
	news_buf_free(&b);
}

void
ics_begin(FILE *fp)
{
	put_line(fp, "BEGIN", "VCALENDAR", 0);
	put_line(fp, "VERSION", "2.0", 0);
	put_line(fp, "PRODID", "-//newsutils//news-calendar " NEWS_VERSION
	    "//EN", 0);
	put_line(fp, "CALSCALE", "GREGORIAN", 0);
	put_line(fp, "METHOD", "PUBLISH", 0);
}

void
ics_end(FILE *fp)
{
	put_line(fp, "END", "VCALENDAR", 0);
}

static uint64_t
fnv1a(const char *s, uint64_t h)
{
	return news_hash(s, strlen(s), h);
}

/* 20251213T083000Z */
static void
utc_stamp(int64_t t, char *buf, size_t sz)
{
	int64_t s = ((t % 86400) + 86400) % 86400;
	int y, m, d;

	news_cal_from_days((t - s) / 86400, &y, &m, &d);
	snprintf(buf, sz, "%04d%02d%02dT%02d%02d%02dZ", y, m, d,
	    (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
}

static int
date_field(json_t *rec, const char *key, int64_t *t)
{
	const char *s = news_record_str(rec, key);

	return s != NULL && news_date_parse(s, (size_t)-1, 0, 0, t, NULL) == 0;
}

/* summary or description as plain text: tags dropped, entities decoded */
static char *
plain(const char *html)
{
	struct news_buf b = NEWS_BUF_INIT;
	char *dec, *sq;
	int intag = 0;

	for (; *html != '\0'; html++) {
		if (*html == '<')
			intag = 1;
		else if (*html == '>' && intag) {
			intag = 0;
			news_buf_addc(&b, ' ');
		} else if (!intag)
			news_buf_addc(&b, *html);
	}
	dec = news_html_unescape(news_buf_str(&b), b.len);
	sq = news_text_squeeze(dec, strlen(dec));
	free(dec);
	news_buf_free(&b);
	return sq;
}

/* a URI value: no controls, spaces or raw non-ASCII bytes */
static void
uri(struct news_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f)
			news_buf_printf(b, "%%%02X", (unsigned char)*s);
		else
			news_buf_addc(b, *s);
	}
}

static void
categories(FILE *fp, json_t *rec)
{
	struct news_buf b = NEWS_BUF_INIT;
	json_t *tags = json_object_get(rec, "tags"), *v;
	size_t i;

	if (!json_is_array(tags))
		return;
	json_array_foreach(tags, i, v) {
		if (!json_is_string(v) || json_string_length(v) == 0)
			continue;
		if (b.len > 0)
			news_buf_addc(&b, ',');	/* the separator stays bare */
		esc_text(&b, json_string_value(v), 1);
	}
	if (b.len > 0)
		put_line(fp, "CATEGORIES", b.s, 0);
	news_buf_free(&b);
}

void
ics_event(FILE *fp, json_t *rec, int64_t published)
{
	const char *label, *title, *url, *desc;
	struct news_buf b = NEWS_BUF_INIT;
	char buf[64];
	int64_t stamp;
	char *text;

	put_line(fp, "BEGIN", "VEVENT", 0);
	label = news_record_label(rec);
	title = news_record_str(rec, "title");
	if (label != NULL)
		snprintf(buf, sizeof(buf), "%016llx@newsutils",
		    (unsigned long long)fnv1a(label, NEWS_HASH_INIT));
	else
		snprintf(buf, sizeof(buf), "%016llx-%lld@newsutils",
		    (unsigned long long)fnv1a(title ? title : "",
		    NEWS_HASH_INIT), (long long)published);
	put_line(fp, "UID", buf, 0);
	if (!date_field(rec, "fetched_at", &stamp) &&
	    !date_field(rec, "updated", &stamp))
		stamp = published;
	utc_stamp(stamp, buf, sizeof(buf));
	put_line(fp, "DTSTAMP", buf, 0);
	utc_stamp(published, buf, sizeof(buf));
	put_line(fp, "DTSTART", buf, 0);
	text = news_text_squeeze(title ? title : (label ? label : "untitled"),
	    strlen(title ? title : (label ? label : "untitled")));
	put_line(fp, "SUMMARY", text, 1);
	free(text);
	if ((url = news_record_str(rec, "url")) != NULL && *url != '\0') {
		uri(&b, url);
		put_line(fp, "URL", b.s, 0);
	}
	if ((desc = news_record_str(rec, "summary")) == NULL || *desc == '\0')
		desc = news_record_str(rec, "description");
	if (desc != NULL && *desc != '\0') {
		text = plain(desc);
		if (*text != '\0')
			put_line(fp, "DESCRIPTION", text, 1);
		free(text);
	}
	categories(fp, rec);
	put_line(fp, "END", "VEVENT", 0);
	news_buf_free(&b);
}
