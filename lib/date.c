/*
 * date.c: dates as feeds and pages write them, to UTC instants.
 *
 * What news_date_parse() reads (each form may carry a weekday, which is
 * ignored even when wrong, and a zone, else it is read at default_off):
 *
 *   RFC 822/1123/2822 and variants: "Sat, 13 Dec 2025 08:30:00 +0000",
 *     missing seconds or weekday, 2-digit years (00-49 -> 20xx, 50-99 ->
 *     19xx) and 3-digit years (+1900) as RFC 2822 says, month before day
 *     ("Sat, Dec 13 2025 08:30:00 GMT"), any case, full names, "Sept".
 *   Zones: numeric "+0100" "+01:00" "+01", "GMT+2" "UTC-05:30"; names UT
 *     GMT UTC Z, the US zones EST..PDT AKST HST, CET CEST MEZ MESZ WET WEST
 *     EET EEST BST MSK, IST (= India, +05:30), JST KST HKT SGT AWST ACST
 *     AEST AEDT NZST NZDT and a few more (see words[] below).  CST is US
 *     Central.  A one-letter military zone at the end is read as UTC
 *     (RFC 2822: their sign was botched, treat as -0000).  When a numeric
 *     offset and a name are both given, the number wins.
 *   RFC 3339 / ISO 8601 / W3C-DTF: "2025", "2025-12", "2025-12-13",
 *     "2025-12-13T08:30Z", seconds, any number of fraction digits
 *     (truncated), lower-case t/z, a space for T, basic "20251213T083000Z",
 *     week dates "2025-W50-6" "2025W506", ordinal dates "2025-347",
 *     offsets +hh:mm +hhmm +hh, "24:00" as the end of the day.
 *   asctime "Sat Dec 13 08:30:00 2025", date(1) "... 08:30:00 UTC 2025",
 *     JavaScript "Sat Dec 13 2025 08:30:00 GMT+0100 (Central European
 *     Standard Time)", Apache "13/Dec/2025:08:30:00 +0000".
 *   Unix time (only with NEWS_DATE_EPOCH): a bare, optionally signed
 *     integer, optionally with a fraction; 13 digits are milliseconds.
 *     With the flag every bare integer is Unix time, even "2025".
 *   Human forms: "December 13, 2025", "Dec. 13, 2025", "13th December
 *     2025", "December 13, 2025 at 8:30 pm", "8:30 AM, Dec 13 2025", "8 pm",
 *     "08h30", "13.12.2025", "2025/12/13", "2025.12.13", "2025. 12. 13.",
 *     "12/13/2025", "13-12-2025", "2025年12月13日 8時30分", "2025년 12월 13일
 *     오후 8시", month names in English, German, French, Spanish, Italian,
 *     Portuguese, Dutch and Russian (genitive and nominative), Polish,
 *     Czech, Turkish, Finnish, Romanian, Swedish, Danish, Norwegian and
 *     Ukrainian, with or without (Latin-1) accents, abbreviated with or
 *     without a dot; the day beside its month.  "mar" is
 *     March unless another month is named (then it is fr/es/it Tuesday);
 *     "am" after a time is a.m., elsewhere German "am 13. Dezember".
 *   Comments in parentheses are ignored, as RFC 2822 says, whatever they
 *     hold ("(UTC)", "(土)"); one holding just a zone name or "GMT+01:00"
 *     gives the zone when the date has none.  RFC 9557 suffixes after an
 *     offset ("+01:00[Europe/Paris]") are ignored: the offset is exact.
 *
 * Rejected by design (returns -1, never a guess):
 *   - nn/nn/yyyy and nn-nn-yyyy with both numbers <= 12 and different,
 *     unless the caller says NEWS_DATE_DMY or NEWS_DATE_MDY ("13.12.2025"
 *     with dots is always day first);
 *   - numeric dates with a 2-digit year ("13.12.25", "12/13/25");
 *   - zones that do not say whether summer time applies ("ET", "PT",
 *     "PST8PDT"), and an RFC 9557 zone name with no offset before it;
 *   - "08.30" as a time (dots are dates);
 *   - a day and month without a year ("Dec 13"), a time without a date,
 *     relative dates ("yesterday", "2 hours ago"), era years (令和7年);
 *   - month 13, Feb 30, Feb 29 of a common year, year 0 or above 9999,
 *     hour 25, minute 60, "24:30", "20:30 pm", "0:30 am";
 *   - any word that is not a month, weekday, zone, am/pm or one of a few
 *     fillers ("at", "de", "le", "um", "Uhr", "г."...): "2025-12-13 banana";
 *   - an instant outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z, and
 *     inputs longer than 256 bytes.
 * A leap second ":60" is accepted and read as ":59".
 *
 * The scanner is hand-written: no malloc, no locale, no regex, no
 * strptime.  Words are looked up, lower-cased and with Latin accents
 * folded, in a hash table built once (pthread_once).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"

#define T_MIN	(-62135596800LL)	/* 0001-01-01T00:00:00Z */
#define T_MAX	253402300799LL		/* 9999-12-31T23:59:59Z */
#define MAXLEN	256

/* ---- calendar ---------------------------------------------------- */

int64_t
news_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
news_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int64_t y, int m)
{
	static const unsigned char n[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

int
news_date_valid(int64_t y, int m, int d)
{
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m);
}

static void
put_num(char *s, int64_t v, int width)
{
	while (width-- > 0) {
		s[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

char *
news_date_format(int64_t t, char *buf)
{
	int64_t days, secs, y;
	int m, d;

	if (buf == NULL || t < T_MIN || t > T_MAX)
		return NULL;
	days = t / 86400;
	secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	news_civil_from_days(days, &y, &m, &d);
	put_num(buf, y, 4);
	buf[4] = '-';
	put_num(buf + 5, m, 2);
	buf[7] = '-';
	put_num(buf + 8, d, 2);
	buf[10] = 'T';
	put_num(buf + 11, secs / 3600, 2);
	buf[13] = ':';
	put_num(buf + 14, secs / 60 % 60, 2);
	buf[16] = ':';
	put_num(buf + 17, secs % 60, 2);
	buf[19] = 'Z';
	buf[20] = '\0';
	return buf;
}

char *
news_date_format_off(int64_t t, long off, char *buf)
{
	long a;

	if (off <= -86400 || off >= 86400 || off % 60 != 0 ||
	    t + off < T_MIN || t + off > T_MAX ||
	    news_date_format(t + off, buf) == NULL)
		return NULL;
	if (off == 0)
		return buf;
	a = off < 0 ? -off : off;
	buf[19] = off < 0 ? '-' : '+';
	put_num(buf + 20, a / 3600, 2);
	buf[22] = ':';
	put_num(buf + 23, a / 60 % 60, 2);
	buf[25] = '\0';
	return buf;
}

/* ---- words ------------------------------------------------------- */

enum {
	K_MONTH = 1,	/* val: month */
	K_WEAKMON,	/* "mar": March, or Tuesday in fr/es/it */
	K_WDAY,
	K_ZONE,		/* val: minutes east */
	K_GMT,		/* a zone name that may take "+2": GMT UTC UT */
	K_AMPM,		/* am/pm after a time; val 0 am, 1 pm */
	K_AMPM_PRE,	/* 午前 오후...: may come before the time */
	K_AM_DE,	/* "am": a.m. after a time, else German "on the" */
	K_FILL
};

struct word {
	const char *s;
	unsigned char kind;
	short val;
};

/* Words are stored lower-case with Latin accents folded (é -> e). */
static const struct word words[] = {
	/* English */
	{ "january", K_MONTH, 1 }, { "february", K_MONTH, 2 },
	{ "march", K_MONTH, 3 }, { "april", K_MONTH, 4 },
	{ "may", K_MONTH, 5 }, { "june", K_MONTH, 6 },
	{ "july", K_MONTH, 7 }, { "august", K_MONTH, 8 },
	{ "september", K_MONTH, 9 }, { "october", K_MONTH, 10 },
	{ "november", K_MONTH, 11 }, { "december", K_MONTH, 12 },
	{ "jan", K_MONTH, 1 }, { "feb", K_MONTH, 2 }, { "mar", K_WEAKMON, 3 },
	{ "apr", K_MONTH, 4 }, { "jun", K_MONTH, 6 }, { "jul", K_MONTH, 7 },
	{ "aug", K_MONTH, 8 }, { "sep", K_MONTH, 9 }, { "sept", K_MONTH, 9 },
	{ "oct", K_MONTH, 10 }, { "nov", K_MONTH, 11 }, { "dec", K_MONTH, 12 },
	{ "sunday", K_WDAY, 0 }, { "monday", K_WDAY, 0 },
	{ "tuesday", K_WDAY, 0 }, { "wednesday", K_WDAY, 0 },
	{ "thursday", K_WDAY, 0 }, { "friday", K_WDAY, 0 },
	{ "saturday", K_WDAY, 0 }, { "sun", K_WDAY, 0 }, { "mon", K_WDAY, 0 },
	{ "tue", K_WDAY, 0 }, { "tues", K_WDAY, 0 }, { "wed", K_WDAY, 0 },
	{ "thu", K_WDAY, 0 }, { "thur", K_WDAY, 0 }, { "thurs", K_WDAY, 0 },
	{ "fri", K_WDAY, 0 }, { "sat", K_WDAY, 0 },
	{ "am", K_AM_DE, 0 }, { "pm", K_AMPM, 1 },
	{ "at", K_FILL, 0 }, { "on", K_FILL, 0 }, { "of", K_FILL, 0 },
	{ "the", K_FILL, 0 },
	/* German */
	{ "januar", K_MONTH, 1 }, { "janner", K_MONTH, 1 },
	{ "februar", K_MONTH, 2 }, { "marz", K_MONTH, 3 },
	{ "maerz", K_MONTH, 3 }, { "mrz", K_MONTH, 3 }, { "mai", K_MONTH, 5 },
	{ "juni", K_MONTH, 6 }, { "juli", K_MONTH, 7 },
	{ "oktober", K_MONTH, 10 }, { "dezember", K_MONTH, 12 },
	{ "okt", K_MONTH, 10 }, { "dez", K_MONTH, 12 },
	{ "sonntag", K_WDAY, 0 }, { "montag", K_WDAY, 0 },
	{ "dienstag", K_WDAY, 0 }, { "mittwoch", K_WDAY, 0 },
	{ "donnerstag", K_WDAY, 0 }, { "freitag", K_WDAY, 0 },
	{ "samstag", K_WDAY, 0 }, { "sonnabend", K_WDAY, 0 },
	{ "so", K_WDAY, 0 }, { "mo", K_WDAY, 0 }, { "di", K_WDAY, 0 },
	{ "mi", K_WDAY, 0 }, { "do", K_WDAY, 0 }, { "fr", K_WDAY, 0 },
	{ "sa", K_WDAY, 0 }, { "um", K_FILL, 0 }, { "uhr", K_FILL, 0 },
	{ "den", K_FILL, 0 },
	/* French */
	{ "janvier", K_MONTH, 1 }, { "fevrier", K_MONTH, 2 },
	{ "mars", K_MONTH, 3 }, { "avril", K_MONTH, 4 },
	{ "juin", K_MONTH, 6 }, { "juillet", K_MONTH, 7 },
	{ "aout", K_MONTH, 8 }, { "septembre", K_MONTH, 9 },
	{ "octobre", K_MONTH, 10 }, { "novembre", K_MONTH, 11 },
	{ "decembre", K_MONTH, 12 }, { "janv", K_MONTH, 1 },
	{ "fev", K_MONTH, 2 }, { "fevr", K_MONTH, 2 }, { "avr", K_MONTH, 4 },
	{ "juil", K_MONTH, 7 },
	{ "dimanche", K_WDAY, 0 }, { "lundi", K_WDAY, 0 },
	{ "mardi", K_WDAY, 0 }, { "mercredi", K_WDAY, 0 },
	{ "jeudi", K_WDAY, 0 }, { "vendredi", K_WDAY, 0 },
	{ "samedi", K_WDAY, 0 }, { "dim", K_WDAY, 0 }, { "lun", K_WDAY, 0 },
	{ "mer", K_WDAY, 0 }, { "jeu", K_WDAY, 0 }, { "ven", K_WDAY, 0 },
	{ "sam", K_WDAY, 0 }, { "le", K_FILL, 0 }, { "a", K_FILL, 0 },
	/* Spanish */
	{ "enero", K_MONTH, 1 }, { "febrero", K_MONTH, 2 },
	{ "marzo", K_MONTH, 3 }, { "abril", K_MONTH, 4 },
	{ "mayo", K_MONTH, 5 }, { "junio", K_MONTH, 6 },
	{ "julio", K_MONTH, 7 }, { "agosto", K_MONTH, 8 },
	{ "septiembre", K_MONTH, 9 }, { "setiembre", K_MONTH, 9 },
	{ "octubre", K_MONTH, 10 }, { "noviembre", K_MONTH, 11 },
	{ "diciembre", K_MONTH, 12 }, { "ene", K_MONTH, 1 },
	{ "abr", K_MONTH, 4 }, { "ago", K_MONTH, 8 }, { "dic", K_MONTH, 12 },
	{ "domingo", K_WDAY, 0 }, { "lunes", K_WDAY, 0 },
	{ "martes", K_WDAY, 0 }, { "miercoles", K_WDAY, 0 },
	{ "jueves", K_WDAY, 0 }, { "viernes", K_WDAY, 0 },
	{ "sabado", K_WDAY, 0 }, { "mie", K_WDAY, 0 }, { "jue", K_WDAY, 0 },
	{ "vie", K_WDAY, 0 }, { "sab", K_WDAY, 0 }, { "dom", K_WDAY, 0 },
	{ "de", K_FILL, 0 }, { "del", K_FILL, 0 }, { "el", K_FILL, 0 },
	{ "las", K_FILL, 0 }, { "la", K_FILL, 0 },
	/* Italian */
	{ "gennaio", K_MONTH, 1 }, { "febbraio", K_MONTH, 2 },
	{ "aprile", K_MONTH, 4 }, { "maggio", K_MONTH, 5 },
	{ "giugno", K_MONTH, 6 }, { "luglio", K_MONTH, 7 },
	{ "settembre", K_MONTH, 9 }, { "ottobre", K_MONTH, 10 },
	{ "dicembre", K_MONTH, 12 }, { "gen", K_MONTH, 1 },
	{ "mag", K_MONTH, 5 }, { "giu", K_MONTH, 6 }, { "lug", K_MONTH, 7 },
	{ "set", K_MONTH, 9 }, { "ott", K_MONTH, 10 },
	{ "domenica", K_WDAY, 0 }, { "lunedi", K_WDAY, 0 },
	{ "martedi", K_WDAY, 0 }, { "mercoledi", K_WDAY, 0 },
	{ "giovedi", K_WDAY, 0 }, { "venerdi", K_WDAY, 0 },
	{ "sabato", K_WDAY, 0 }, { "gio", K_WDAY, 0 },
	{ "alle", K_FILL, 0 }, { "ore", K_FILL, 0 },
	/* Portuguese */
	{ "janeiro", K_MONTH, 1 }, { "fevereiro", K_MONTH, 2 },
	{ "marco", K_MONTH, 3 }, { "maio", K_MONTH, 5 },
	{ "junho", K_MONTH, 6 }, { "julho", K_MONTH, 7 },
	{ "setembro", K_MONTH, 9 }, { "outubro", K_MONTH, 10 },
	{ "novembro", K_MONTH, 11 }, { "dezembro", K_MONTH, 12 },
	{ "out", K_MONTH, 10 },
	{ "segunda", K_WDAY, 0 }, { "terca", K_WDAY, 0 },
	{ "quarta", K_WDAY, 0 }, { "quinta", K_WDAY, 0 },
	{ "sexta", K_WDAY, 0 }, { "seg", K_WDAY, 0 }, { "ter", K_WDAY, 0 },
	{ "qua", K_WDAY, 0 }, { "qui", K_WDAY, 0 }, { "sex", K_WDAY, 0 },
	{ "feira", K_FILL, 0 }, { "as", K_FILL, 0 },
	/* Dutch */
	{ "januari", K_MONTH, 1 }, { "februari", K_MONTH, 2 },
	{ "maart", K_MONTH, 3 }, { "mei", K_MONTH, 5 },
	{ "augustus", K_MONTH, 8 }, { "mrt", K_MONTH, 3 },
	{ "zondag", K_WDAY, 0 }, { "maandag", K_WDAY, 0 },
	{ "dinsdag", K_WDAY, 0 }, { "woensdag", K_WDAY, 0 },
	{ "donderdag", K_WDAY, 0 }, { "vrijdag", K_WDAY, 0 },
	{ "zaterdag", K_WDAY, 0 }, { "zo", K_WDAY, 0 }, { "ma", K_WDAY, 0 },
	{ "wo", K_WDAY, 0 }, { "vr", K_WDAY, 0 }, { "za", K_WDAY, 0 },
	{ "om", K_FILL, 0 },
	/* Russian */
	{ "январь", K_MONTH, 1 }, { "февраль", K_MONTH, 2 },
	{ "март", K_MONTH, 3 }, { "апрель", K_MONTH, 4 },
	{ "май", K_MONTH, 5 }, { "июнь", K_MONTH, 6 },
	{ "июль", K_MONTH, 7 }, { "август", K_MONTH, 8 },
	{ "сентябрь", K_MONTH, 9 }, { "октябрь", K_MONTH, 10 },
	{ "ноябрь", K_MONTH, 11 }, { "декабрь", K_MONTH, 12 },
	{ "января", K_MONTH, 1 }, { "февраля", K_MONTH, 2 },
	{ "марта", K_MONTH, 3 }, { "апреля", K_MONTH, 4 },
	{ "мая", K_MONTH, 5 }, { "июня", K_MONTH, 6 },
	{ "июля", K_MONTH, 7 }, { "августа", K_MONTH, 8 },
	{ "сентября", K_MONTH, 9 }, { "октября", K_MONTH, 10 },
	{ "ноября", K_MONTH, 11 }, { "декабря", K_MONTH, 12 },
	{ "янв", K_MONTH, 1 }, { "фев", K_MONTH, 2 }, { "мар", K_MONTH, 3 },
	{ "апр", K_MONTH, 4 }, { "июн", K_MONTH, 6 }, { "июл", K_MONTH, 7 },
	{ "авг", K_MONTH, 8 }, { "сен", K_MONTH, 9 }, { "сент", K_MONTH, 9 },
	{ "окт", K_MONTH, 10 }, { "ноя", K_MONTH, 11 },
	{ "нояб", K_MONTH, 11 }, { "дек", K_MONTH, 12 },
	{ "понедельник", K_WDAY, 0 }, { "вторник", K_WDAY, 0 },
	{ "среда", K_WDAY, 0 }, { "четверг", K_WDAY, 0 },
	{ "пятница", K_WDAY, 0 }, { "суббота", K_WDAY, 0 },
	{ "воскресенье", K_WDAY, 0 }, { "пн", K_WDAY, 0 },
	{ "вт", K_WDAY, 0 }, { "ср", K_WDAY, 0 }, { "чт", K_WDAY, 0 },
	{ "пт", K_WDAY, 0 }, { "сб", K_WDAY, 0 }, { "вс", K_WDAY, 0 },
	{ "г", K_FILL, 0 }, { "года", K_FILL, 0 }, { "год", K_FILL, 0 },
	{ "в", K_FILL, 0 }, { "мск", K_ZONE, 180 },
	/* Polish, Czech (genitive; nominative Polish): letters beyond
	 * Latin-1 are kept as written, lower-case */
	{ "stycznia", K_MONTH, 1 }, { "lutego", K_MONTH, 2 },
	{ "marca", K_MONTH, 3 }, { "kwietnia", K_MONTH, 4 },
	{ "maja", K_MONTH, 5 }, { "czerwca", K_MONTH, 6 },
	{ "lipca", K_MONTH, 7 }, { "sierpnia", K_MONTH, 8 },
	{ "września", K_MONTH, 9 },
	{ "października", K_MONTH, 10 },
	{ "listopada", K_MONTH, 11 }, { "grudnia", K_MONTH, 12 },
	{ "styczeń", K_MONTH, 1 }, { "luty", K_MONTH, 2 },
	{ "marzec", K_MONTH, 3 }, { "kwiecień", K_MONTH, 4 },
	{ "maj", K_MONTH, 5 }, { "czerwiec", K_MONTH, 6 },
	{ "lipiec", K_MONTH, 7 }, { "sierpień", K_MONTH, 8 },
	{ "wrzesień", K_MONTH, 9 },
	{ "październik", K_MONTH, 10 },
	{ "listopad", K_MONTH, 11 }, { "grudzień", K_MONTH, 12 },
	{ "r", K_FILL, 0 },	/* "13 grudnia 2025 r." */
	{ "ledna", K_MONTH, 1 }, { "unora", K_MONTH, 2 },
	{ "března", K_MONTH, 3 }, { "dubna", K_MONTH, 4 },
	{ "května", K_MONTH, 5 }, { "června", K_MONTH, 6 },
	{ "července", K_MONTH, 7 }, { "srpna", K_MONTH, 8 },
	{ "zaři", K_MONTH, 9 }, { "řijna", K_MONTH, 10 },
	{ "listopadu", K_MONTH, 11 }, { "prosince", K_MONTH, 12 },
	/* Turkish, Finnish (partitive), Romanian */
	{ "ocak", K_MONTH, 1 }, { "şubat", K_MONTH, 2 },
	{ "mart", K_MONTH, 3 }, { "nisan", K_MONTH, 4 },
	{ "mayıs", K_MONTH, 5 }, { "haziran", K_MONTH, 6 },
	{ "temmuz", K_MONTH, 7 }, { "ağustos", K_MONTH, 8 },
	{ "eylul", K_MONTH, 9 }, { "ekim", K_MONTH, 10 },
	{ "kasım", K_MONTH, 11 }, { "aralık", K_MONTH, 12 },
	{ "tammikuuta", K_MONTH, 1 }, { "helmikuuta", K_MONTH, 2 },
	{ "maaliskuuta", K_MONTH, 3 }, { "huhtikuuta", K_MONTH, 4 },
	{ "toukokuuta", K_MONTH, 5 }, { "kesakuuta", K_MONTH, 6 },
	{ "heinakuuta", K_MONTH, 7 }, { "elokuuta", K_MONTH, 8 },
	{ "syyskuuta", K_MONTH, 9 }, { "lokakuuta", K_MONTH, 10 },
	{ "marraskuuta", K_MONTH, 11 }, { "joulukuuta", K_MONTH, 12 },
	{ "ianuarie", K_MONTH, 1 }, { "februarie", K_MONTH, 2 },
	{ "martie", K_MONTH, 3 }, { "aprilie", K_MONTH, 4 },
	{ "iunie", K_MONTH, 6 }, { "iulie", K_MONTH, 7 },
	{ "septembrie", K_MONTH, 9 }, { "octombrie", K_MONTH, 10 },
	{ "noiembrie", K_MONTH, 11 }, { "decembrie", K_MONTH, 12 },
	/* Swedish, Danish, Norwegian (the rest are German or Dutch) */
	{ "augusti", K_MONTH, 8 }, { "marts", K_MONTH, 3 },
	{ "desember", K_MONTH, 12 },
	/* Ukrainian (genitive) */
	{ "січня", K_MONTH, 1 }, { "лютого", K_MONTH, 2 },
	{ "березня", K_MONTH, 3 }, { "квітня", K_MONTH, 4 },
	{ "травня", K_MONTH, 5 }, { "червня", K_MONTH, 6 },
	{ "липня", K_MONTH, 7 }, { "серпня", K_MONTH, 8 },
	{ "вересня", K_MONTH, 9 }, { "жовтня", K_MONTH, 10 },
	{ "листопада", K_MONTH, 11 }, { "грудня", K_MONTH, 12 },
	/* Japanese, Chinese, Korean (months are numbers with 月/월) */
	{ "日曜日", K_WDAY, 0 }, { "月曜日", K_WDAY, 0 },
	{ "火曜日", K_WDAY, 0 }, { "水曜日", K_WDAY, 0 },
	{ "木曜日", K_WDAY, 0 }, { "金曜日", K_WDAY, 0 },
	{ "土曜日", K_WDAY, 0 }, { "星期日", K_WDAY, 0 },
	{ "星期天", K_WDAY, 0 }, { "星期一", K_WDAY, 0 },
	{ "星期二", K_WDAY, 0 }, { "星期三", K_WDAY, 0 },
	{ "星期四", K_WDAY, 0 }, { "星期五", K_WDAY, 0 },
	{ "星期六", K_WDAY, 0 }, { "周日", K_WDAY, 0 }, { "周一", K_WDAY, 0 },
	{ "周二", K_WDAY, 0 }, { "周三", K_WDAY, 0 }, { "周四", K_WDAY, 0 },
	{ "周五", K_WDAY, 0 }, { "周六", K_WDAY, 0 },
	{ "일요일", K_WDAY, 0 }, { "월요일", K_WDAY, 0 },
	{ "화요일", K_WDAY, 0 }, { "수요일", K_WDAY, 0 },
	{ "목요일", K_WDAY, 0 }, { "금요일", K_WDAY, 0 },
	{ "토요일", K_WDAY, 0 },
	{ "午前", K_AMPM_PRE, 0 }, { "午後", K_AMPM_PRE, 1 },
	{ "上午", K_AMPM_PRE, 0 }, { "下午", K_AMPM_PRE, 1 },
	{ "오전", K_AMPM_PRE, 0 }, { "오후", K_AMPM_PRE, 1 },
	/* zones, minutes east */
	{ "ut", K_GMT, 0 }, { "gmt", K_GMT, 0 }, { "utc", K_GMT, 0 },
	{ "z", K_ZONE, 0 }, { "wet", K_ZONE, 0 }, { "west", K_ZONE, 60 },
	{ "bst", K_ZONE, 60 }, { "ist", K_ZONE, 330 }, { "cet", K_ZONE, 60 },
	{ "cest", K_ZONE, 120 }, { "mez", K_ZONE, 60 },
	{ "mesz", K_ZONE, 120 }, { "met", K_ZONE, 60 },
	{ "mest", K_ZONE, 120 }, { "eet", K_ZONE, 120 },
	{ "eest", K_ZONE, 180 }, { "msk", K_ZONE, 180 },
	{ "msd", K_ZONE, 240 }, { "est", K_ZONE, -300 },
	{ "edt", K_ZONE, -240 }, { "cst", K_ZONE, -360 },
	{ "cdt", K_ZONE, -300 }, { "mst", K_ZONE, -420 },
	{ "mdt", K_ZONE, -360 }, { "pst", K_ZONE, -480 },
	{ "pdt", K_ZONE, -420 }, { "akst", K_ZONE, -540 },
	{ "akdt", K_ZONE, -480 }, { "hst", K_ZONE, -600 },
	{ "ast", K_ZONE, -240 }, { "adt", K_ZONE, -180 },
	{ "nst", K_ZONE, -210 }, { "ndt", K_ZONE, -150 },
	{ "jst", K_ZONE, 540 }, { "kst", K_ZONE, 540 },
	{ "hkt", K_ZONE, 480 }, { "sgt", K_ZONE, 480 },
	{ "pht", K_ZONE, 480 }, { "myt", K_ZONE, 480 },
	{ "awst", K_ZONE, 480 }, { "acst", K_ZONE, 570 },
	{ "acdt", K_ZONE, 630 }, { "aest", K_ZONE, 600 },
	{ "aedt", K_ZONE, 660 }, { "nzst", K_ZONE, 720 },
	{ "nzdt", K_ZONE, 780 }, { "wib", K_ZONE, 420 },
	{ "ict", K_ZONE, 420 }, { "pkt", K_ZONE, 300 },
	{ "npt", K_ZONE, 345 }, { "gst", K_ZONE, 240 },
	{ "cat", K_ZONE, 120 }, { "eat", K_ZONE, 180 },
	{ "wat", K_ZONE, 60 }, { "sast", K_ZONE, 120 },
	{ "art", K_ZONE, -180 }, { "brt", K_ZONE, -180 },
	{ "clt", K_ZONE, -240 }, { "cot", K_ZONE, -300 },
	{ "pet", K_ZONE, -300 },
};

#define NWORDS	(sizeof(words) / sizeof(words[0]))
#define NBUCKET	1024
#define WORDMAX	40

static short bucket[NBUCKET];
static short chain[NWORDS];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static unsigned
hash(const unsigned char *s, size_t n)
{
	unsigned h = 2166136261u;

	while (n-- > 0)
		h = (h ^ *s++) * 16777619u;
	return h & (NBUCKET - 1);
}

static void
words_init(void)
{
	size_t i;
	unsigned h;

	for (i = 0; i < NBUCKET; i++)
		bucket[i] = -1;
	for (i = NWORDS; i-- > 0;) {
		h = hash((const unsigned char *)words[i].s,
		    strlen(words[i].s));
		chain[i] = bucket[h];
		bucket[h] = (short)i;
	}
}

static const struct word *
lookup(const unsigned char *s, size_t n)
{
	int i;

	for (i = bucket[hash(s, n)]; i >= 0; i = chain[i])
		if (strncmp(words[i].s, (const char *)s, n) == 0 &&
		    words[i].s[n] == '\0')
			return &words[i];
	return NULL;
}

/* ---- characters -------------------------------------------------- */

#define ISDIGIT(c)	((unsigned)(c) - '0' < 10)
#define ISALPHA(c)	((unsigned)(((c) | 0x20) - 'a') < 26)

static int
cont(const unsigned char *p, const unsigned char *e, int n)
{
	int i;

	if (e - p < n + 1)
		return 0;
	for (i = 1; i <= n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

/* byte length of a letter that belongs in a Latin/Cyrillic word, or 0 */
static int
letter2(const unsigned char *p, const unsigned char *e)
{
	if (ISALPHA(*p))
		return 1;
	if (*p >= 0xc3 && *p <= 0xd4 && cont(p, e, 1))
		return 2;
	return 0;
}

/* 1 if p starts a 3-byte CJK or Hangul letter */
static int
letter3(const unsigned char *p, const unsigned char *e)
{
	if (*p < 0xe0 || *p > 0xed || *p == 0xe2 || !cont(p, e, 2))
		return 0;
	return !(*p == 0xe3 && p[1] == 0x80);
}

/* length of white space or a separator that means nothing here, or 0 */
static int
blank(const unsigned char *p, const unsigned char *e)
{
	switch (*p) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
	case ',':
		return 1;
	case 0xc2:	/* NBSP, middle dot */
		return cont(p, e, 1) && (p[1] == 0xa0 || p[1] == 0xb7) ? 2 : 0;
	case 0xe2:	/* U+2000..200B spaces, dashes, NNBSP, U+205F */
		if (!cont(p, e, 2))
			return 0;
		if (p[1] == 0x80 && (p[2] <= 0x8b || p[2] == 0x93 ||
		    p[2] == 0x94 || p[2] == 0xaf))
			return 3;
		return p[1] == 0x81 && p[2] == 0x9f ? 3 : 0;
	case 0xe3:	/* ideographic space, comma, full stop */
		return cont(p, e, 2) && p[1] == 0x80 && p[2] <= 0x82 ? 3 : 0;
	case 0xef:	/* fullwidth comma, BOM */
		if (!cont(p, e, 2))
			return 0;
		if ((p[1] == 0xbc && p[2] == 0x8c) ||
		    (p[1] == 0xbb && p[2] == 0xbf))
			return 3;
		return 0;
	}
	return 0;
}

static int
paren(const unsigned char *p, const unsigned char *e, int close)
{
	if (*p == (close ? ')' : '('))
		return 1;
	if (*p == 0xef && cont(p, e, 2) && p[1] == 0xbc &&
	    p[2] == (close ? 0x89 : 0x88))
		return 3;
	return 0;
}

/*
 * Read a Latin/Cyrillic word at p into buf, lower-cased with accents
 * folded; returns the bytes read and sets *n to the normalised length
 * (0 when too long to be one of ours).
 */
static size_t
read_word(const unsigned char *p, const unsigned char *e, unsigned char *buf,
    size_t *n)
{
	static const char fold[64] =	/* U+00C0..U+00FF, 0: keep */
	    "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0"
	    "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
	const unsigned char *q = p;
	size_t k = 0;
	int l;
	unsigned c;

	while (q < e && (l = letter2(q, e)) > 0) {
		if (k + 2 > WORDMAX) {
			k = WORDMAX + 1;
		} else if (l == 1) {
			buf[k++] = *q | 0x20;
		} else if (q[0] == 0xc3 && fold[q[1] - 0x80]) {
			buf[k++] = (unsigned char)fold[q[1] - 0x80];
		} else if (q[0] == 0xc4 || q[0] == 0xc5) {
			c = (unsigned)(q[0] & 0x1f) << 6 | (q[1] & 0x3f);
			/* Latin Extended-A: Ş -> ş, Č -> č (pairs) */
			if (((c < 0x138 || (c >= 0x14a && c < 0x178)) &&
			    !(c & 1)) || (((c > 0x138 && c < 0x149) ||
			    (c > 0x178 && c < 0x17f)) && (c & 1)))
				c++;
			buf[k++] = (unsigned char)(0xc0 | c >> 6);
			buf[k++] = (unsigned char)(0x80 | (c & 0x3f));
		} else if (q[0] == 0xd0 && q[1] >= 0x90 && q[1] <= 0xaf) {
			c = q[1] + 0x20;	/* Cyrillic А..Я -> а..я */
			buf[k++] = c > 0xbf ? 0xd1 : 0xd0;
			buf[k++] = (unsigned char)(c > 0xbf ? c - 0x40 : c);
		} else if (q[0] == 0xd0 && q[1] == 0x81) {
			buf[k++] = 0xd0;	/* Ё -> е */
			buf[k++] = 0xb5;
		} else if (q[0] == 0xd1 && q[1] == 0x91) {
			buf[k++] = 0xd0;	/* ё -> е */
			buf[k++] = 0xb5;
		} else {
			buf[k++] = q[0];
			buf[k++] = q[1];
		}
		q += l;
	}
	*n = k > WORDMAX ? 0 : k;
	return (size_t)(q - p);
}

/* ---- the parse --------------------------------------------------- */

enum { C_Y, C_MO, C_D, C_H, C_MI, C_S, C_N };	/* CJK unit markers */
enum { L_NONE, L_TIME, L_AMPM, L_ZONE, L_OTHER };

struct res {
	int y, m, d, hh, mm, ss;
	long off;
	int has_time, has_zone, has_day;
};

struct pstate {
	const unsigned char *b, *p, *e;	/* begin, scan point, end */
	int flags;
	int y, m, d;		/* numeric date, y 0: none */
	int mon, weakmon;	/* month words */
	int monat;		/* free numbers before the first month word */
	int nnum;		/* free numbers */
	struct { int v, nd, ord; } num[3];
	int has_time, hh, mm, ss;
	int ampm;		/* -1 none */
	int zkind;		/* 0 none, 1 named, 2 numeric */
	long zoff;
	int czone;		/* zone named in a comment */
	long czoff;
	int cjk[C_N], cjknd[C_N];	/* -1 unset */
	int last;
};

static int
cjk_marker(const unsigned char *p, const unsigned char *e)
{
	static const char *const m[2][C_N] = {
		{ "年", "月", "日", "時", "分", "秒" },
		{ "년", "월", "일", "시", "분", "초" },
	};
	int i, j;

	if (e - p < 3)
		return -1;
	for (i = 0; i < 2; i++)
		for (j = 0; j < C_N; j++)
			if (memcmp(p, m[i][j], 3) == 0)
				return j;
	if (memcmp(p, "时", 3) == 0)
		return C_H;
	return -1;
}

static int
digits(const unsigned char *p, const unsigned char *e, int max, int *v)
{
	int n = 0, x = 0;

	while (p + n < e && ISDIGIT(p[n])) {
		if (n < max)
			x = x * 10 + (p[n] - '0');
		n++;
	}
	*v = x;
	return n;
}

static int
two(const unsigned char *p, const unsigned char *e, int *v)
{
	if (e - p < 2 || !ISDIGIT(p[0]) || !ISDIGIT(p[1]))
		return 0;
	*v = (p[0] - '0') * 10 + (p[1] - '0');
	return 1;
}

/*
 * A numeric offset at p (at the sign): +hhmm, +hh:mm, +hh, and with
 * loose (after GMT) +h and +h:mm.  Returns bytes read or 0.
 */
static int
offset(const unsigned char *p, const unsigned char *e, int loose, long *off)
{
	const unsigned char *q = p + 1;
	int n, h, m = 0, v;

	if (q >= e || (*p != '+' && *p != '-'))
		return 0;
	n = digits(q, e, 4, &v);
	if (n == 4) {
		h = v / 100;
		m = v % 100;
	} else if (n == 2 || (n == 1 && loose)) {
		h = v;
		if (q + n < e && q[n] == ':') {
			if (!two(q + n + 1, e, &m) ||
			    (q + n + 3 < e && ISDIGIT(q[n + 3])))
				return 0;
			n += 3;
		}
	} else {
		return 0;
	}
	if (h > 23 || m > 59)
		return 0;
	*off = (h * 3600L + m * 60L) * (*p == '-' ? -1 : 1);
	return n + 1;
}

static int
set_zone(struct pstate *st, int numeric, long off)
{
	if (numeric) {
		if (st->zkind == 2)
			return -1;
		st->zkind = 2;
		st->zoff = off;
	} else if (st->zkind == 1 && st->zoff != off) {
		return -1;
	} else if (st->zkind == 0) {
		st->zkind = 1;
		st->zoff = off;
	}
	st->last = L_ZONE;
	return 0;
}

static int
set_time(struct pstate *st, int hh, int mm, int ss)
{
	if (st->has_time)
		return -1;
	st->has_time = 1;
	st->hh = hh;
	st->mm = mm;
	st->ss = ss;
	st->last = L_TIME;
	return 0;
}

/* "am", "pm", "a.m.", "p.m" at p: 0 am, 1 pm, -1 none; *len read */
static int
ampm_at(const unsigned char *p, const unsigned char *e, size_t *len)
{
	int pm;
	size_t n;

	if (p >= e || ((*p | 0x20) != 'a' && (*p | 0x20) != 'p'))
		return -1;
	pm = (*p | 0x20) == 'p';
	if (e - p >= 2 && (p[1] | 0x20) == 'm')
		n = 2;
	else if (e - p >= 3 && p[1] == '.' && (p[2] | 0x20) == 'm')
		n = 3 + (e - p >= 4 && p[3] == '.');
	else
		return -1;
	if (p + n < e && letter2(p + n, e))
		return -1;
	*len = n;
	return pm;
}

/* H:MM[:SS[.frac]] with p at the hour (nd digits, value h) */
static int
g_time(struct pstate *st, int h, int nd)
{
	const unsigned char *q = st->p + nd + 1, *e = st->e;
	int mm, ss = 0;

	if (!two(q, e, &mm))
		return -1;
	q += 2;
	if (q < e && *q == ':') {
		if (!two(q + 1, e, &ss))
			return -1;
		q += 3;
		if (q + 1 < e && *q == '.' && ISDIGIT(q[1]))
			for (q++; q < e && ISDIGIT(*q); q++)
				;
	}
	if (q < e && ISDIGIT(*q))
		return -1;
	st->p = q;
	return set_time(st, h, mm, ss);
}

/*
 * a<sep>b<sep>c all digits: y-m-d, d.m.y, d/m/y or m/d/y.  Returns 1 when
 * read, 0 when this is not such a date (the caller goes on), -1 when it
 * is one that cannot be read with certainty.
 */
static int
g_numdate(struct pstate *st, int a, int na)
{
	const unsigned char *q = st->p + na, *e = st->e;
	int sep = *q, b, c, nb, nc, dmy;

	q++;
	if (sep == '.')
		while (q < e && *q == ' ')
			q++;
	if ((nb = digits(q, e, 4, &b)) == 0 || nb > 2 ||
	    q + nb >= e || q[nb] != sep)
		return 0;
	q += nb + 1;
	if (sep == '.')
		while (q < e && *q == ' ')
			q++;
	if ((nc = digits(q, e, 4, &c)) == 0)
		return 0;
	if (st->y)
		return -1;	/* a second date */
	if (na == 4 && nc <= 2) {
		st->y = a;
		st->m = b;
		st->d = c;
	} else if (nc == 4 && na <= 2) {
		if (sep == '.' || a == b)
			dmy = 1;
		else if (a > 12 && b <= 12)
			dmy = 1;
		else if (b > 12 && a <= 12)
			dmy = 0;
		else if (a > 12 || b > 12)
			return -1;
		else if ((st->flags & (NEWS_DATE_DMY | NEWS_DATE_MDY)) ==
		    NEWS_DATE_DMY)
			dmy = 1;
		else if ((st->flags & (NEWS_DATE_DMY | NEWS_DATE_MDY)) ==
		    NEWS_DATE_MDY)
			dmy = 0;
		else
			return -1;
		st->y = c;
		st->m = dmy ? b : a;
		st->d = dmy ? a : b;
	} else {
		return -1;
	}
	if (st->y == 0)
		return -1;
	st->p = q + nc;
	st->last = L_OTHER;
	return 1;
}

static int
ordinal_suffix(const unsigned char *q, const unsigned char *e)
{
	static const char *const suf[] = { "st", "nd", "rd", "th", "er" };
	size_t i;

	if (e - q >= 2 && q[0] == 0xc2 && (q[1] == 0xba || q[1] == 0xaa))
		return 2;
	if (e - q < 2)
		return 0;
	for (i = 0; i < sizeof(suf) / sizeof(suf[0]); i++)
		if ((q[0] | 0x20) == suf[i][0] && (q[1] | 0x20) == suf[i][1] &&
		    (e - q == 2 || !letter2(q + 2, e)))
			return 2;
	return 0;
}

static int
g_number(struct pstate *st)
{
	const unsigned char *p = st->p, *e = st->e, *q;
	int v, nd, k, mm, pm;
	size_t n;

	nd = digits(p, e, 9, &v);
	if (nd > 9)
		return -1;
	q = p + nd;
	if (q < e && *q == ':' && nd <= 2 && q + 1 < e && ISDIGIT(q[1]))
		return g_time(st, v, nd);
	if (q < e && (*q | 0x20) == 'h' && nd <= 2 && two(q + 1, e, &mm) &&
	    (q + 3 == e || (!ISDIGIT(q[3]) && !letter2(q + 3, e)))) {
		st->p = q + 3;	/* French 08h30 */
		return set_time(st, v, mm, 0);
	}
	if (q < e && (*q == '-' || *q == '/' || *q == '.')) {
		if ((k = g_numdate(st, v, nd)) != 0)
			return k > 0 ? 0 : -1;
	}
	if ((k = cjk_marker(q, e)) >= 0) {
		if (st->cjk[k] >= 0)
			return -1;
		st->cjk[k] = v;
		st->cjknd[k] = nd;
		st->p = q + 3;
		st->last = k >= C_H ? L_TIME : L_OTHER;
		return 0;
	}
	if ((k = ordinal_suffix(q, e)) > 0) {
		q += k;
		k = 1;
	} else {
		k = 0;
		/* "8 pm" */
		while (q < e && *q == ' ')
			q++;
		if (nd <= 2 && (pm = ampm_at(q, e, &n)) >= 0) {
			if (st->ampm >= 0 || set_time(st, v, 0, 0) < 0)
				return -1;
			st->ampm = pm;
			st->p = q + n;
			st->last = L_AMPM;
			return 0;
		}
		q = p + nd;
	}
	if (st->nnum == 3)
		return -1;
	st->num[st->nnum].v = v;
	st->num[st->nnum].nd = nd;
	st->num[st->nnum].ord = k;
	st->nnum++;
	st->p = q;
	st->last = L_OTHER;
	return 0;
}

/* whether only blanks and comments follow q */
static int
at_end(const unsigned char *q, const unsigned char *e)
{
	int n;

	while (q < e && (n = blank(q, e)) > 0)
		q += n;
	return q == e || paren(q, e, 0);
}

static int
g_word_kind(struct pstate *st, const struct word *w,
    const unsigned char *q)
{
	const unsigned char *e = st->e;
	long off;
	int n;

	switch (w->kind) {
	case K_MONTH:
		if (st->mon)
			return -1;
		st->monat = st->nnum;	/* a "mar" before was a weekday */
		st->mon = w->val;
		break;
	case K_WEAKMON:
		if (!st->mon && !st->weakmon)
			st->monat = st->nnum;
		st->weakmon++;
		break;
	case K_WDAY:
	case K_FILL:
		break;
	case K_GMT:
		if (q < e && (*q == '+' || *q == '-') &&
		    (n = offset(q, e, 1, &off)) > 0) {
			st->p = q + n;
			return set_zone(st, 1, off);
		}
		/* FALLTHROUGH */
	case K_ZONE:
		st->p = q;
		return set_zone(st, 0, w->val * 60L);
	case K_AM_DE:
		if (st->last != L_TIME)
			break;	/* German "am 13. Dezember" */
		/* FALLTHROUGH */
	case K_AMPM:
		if (st->last != L_TIME)
			return -1;
		/* FALLTHROUGH */
	case K_AMPM_PRE:
		if (st->ampm >= 0)
			return -1;
		st->ampm = w->val;
		st->p = q;
		st->last = L_AMPM;
		return 0;
	}
	st->p = q;
	st->last = L_OTHER;
	return 0;
}

static int
g_word(struct pstate *st)
{
	const unsigned char *p = st->p, *e = st->e, *q;
	const struct word *w;
	unsigned char buf[WORDMAX + 2];
	size_t len, n;
	int pm;

	/* a.m., p.m. */
	if (st->last == L_TIME && (pm = ampm_at(p, e, &n)) >= 0) {
		if (st->ampm >= 0)
			return -1;
		st->ampm = pm;
		st->p = p + n;
		st->last = L_AMPM;
		return 0;
	}
	q = p + read_word(p, e, buf, &len);
	if (len == 1 && ISALPHA(*p) && (*p | 0x20) != 'j' &&
	    st->has_time && st->last == L_TIME && at_end(q, e)) {
		st->p = q;	/* military zone: -0000 */
		return set_zone(st, 0, 0);
	}
	if (len == 1 && (*p | 0x20) == 't' && q < e && ISDIGIT(*q) &&
	    p > st->b && ISDIGIT(p[-1])) {
		st->p = q;	/* ISO 8601 T */
		return 0;
	}
	if (len == 0 || (w = lookup(buf, len)) == NULL)
		return -1;
	return g_word_kind(st, w, q);
}

/* a run of CJK/Hangul letters: the longest known prefix */
static int
g_cjk(struct pstate *st)
{
	const unsigned char *p = st->p, *e = st->e;
	const struct word *w;
	size_t n = 0;

	while (n < 8 * 3 && p + n < e && letter3(p + n, e))
		n += 3;
	for (; n > 0; n -= 3)
		if ((w = lookup(p, n)) != NULL)
			return g_word_kind(st, w, p + n);
	return -1;
}

/* a comment: skipped; "(UTC)" alone names the zone if none is given */
static int
g_comment(struct pstate *st)
{
	const unsigned char *p = st->p, *e = st->e, *a, *b = NULL;
	const struct word *w;
	unsigned char buf[WORDMAX + 2];
	int depth = 0, k;
	size_t len;
	long off;

	a = p + paren(p, e, 0);
	while (p < e) {
		if ((k = paren(p, e, 0)) > 0) {
			depth++;
			p += k;
		} else if ((k = paren(p, e, 1)) > 0) {
			b = p;
			p += k;
			if (--depth == 0)
				break;
		} else {
			p++;
		}
	}
	if (depth != 0)
		return -1;
	st->p = p;
	while (a < b && *a == ' ')
		a++;
	while (b > a && b[-1] == ' ')
		b--;
	if (a >= b || !letter2(a, b))
		return 0;
	a += read_word(a, b, buf, &len);
	if (len == 0 || (w = lookup(buf, len)) == NULL ||
	    (w->kind != K_ZONE && w->kind != K_GMT))
		return 0;
	if (a == b) {
		st->czone = 1;
		st->czoff = w->val * 60L;
	} else if (w->kind == K_GMT && (k = offset(a, b, 1, &off)) > 0 &&
	    a + k == b) {
		st->czone = 1;	/* (GMT+01:00) */
		st->czoff = off;
	}
	return 0;
}

/* RFC 9557 suffix after an offset: "[Europe/Paris]", "[!u-ca=iso8601]" */
static int
g_suffix(struct pstate *st)
{
	const unsigned char *q = st->p + 1, *e = st->e;

	while (q < e && *q != ']' && *q != '[' && *q > ' ' && *q < 0x7f)
		q++;
	if (q >= e || *q != ']' || q == st->p + 1)
		return -1;
	st->p = q + 1;
	return 0;
}

static int
g_scan(struct pstate *st)
{
	const unsigned char *e = st->e;
	unsigned char c;
	long off;
	int n;

	while (st->p < e) {
		c = *st->p;
		if (ISDIGIT(c)) {
			n = g_number(st);
		} else if ((n = blank(st->p, e)) > 0) {
			st->p += n;
			n = 0;
		} else if (letter2(st->p, e)) {
			n = g_word(st);
		} else if (letter3(st->p, e)) {
			n = g_cjk(st);
		} else if (paren(st->p, e, 0)) {
			n = g_comment(st);
		} else if (c == '[' && st->last == L_ZONE) {
			n = g_suffix(st);
		} else if (c == '+' || (c == '-' && (st->last == L_TIME ||
		    st->last == L_AMPM || st->last == L_ZONE) &&
		    st->p + 1 < e && ISDIGIT(st->p[1]))) {
			if ((n = offset(st->p, e, 0, &off)) == 0)
				return -1;
			st->p += n;
			n = set_zone(st, 1, off);
		} else if (c == '-' || c == '.' || c == '/' || c == ':' ||
		    c == '[' || c == ']' || c == '@' || c == ';' || c == '|') {
			st->p++;
			st->last = L_OTHER;
			n = 0;
		} else {
			return -1;
		}
		if (n < 0)
			return -1;
	}
	return 0;
}

static int
year2(int v, int nd)
{
	if (nd == 4)
		return v;
	if (nd == 3)
		return v + 1900;
	if (nd == 2)
		return v < 50 ? 2000 + v : 1900 + v;
	return -1;
}

/* the date from a month word and the free numbers */
static int
g_monthdate(struct pstate *st, struct res *r)
{
	int di, yi;

	r->m = st->mon ? st->mon : 3;
	if (st->nnum == 1) {
		if (st->num[0].nd != 4 || st->num[0].ord)
			return -1;
		r->y = st->num[0].v;
		r->d = 1;
		r->has_day = 0;
		return 0;
	}
	if (st->nnum != 2)
		return -1;
	if (st->num[0].ord && st->num[1].ord)
		return -1;
	if (st->num[0].ord || st->num[1].ord)
		di = st->num[1].ord;
	else if (st->num[0].nd > 2 && st->num[1].nd <= 2)
		di = 1;
	else
		di = 0;
	yi = !di;
	if (st->num[di].nd > 2 || st->num[yi].ord)
		return -1;
	/* the day beside its month: "13 Dec 2025", "Dec 13 2025", "2025
	 * Dec 13", never "Dec 2025 13" nor "13 2025 Dec" */
	if (st->monat == 2 || (st->monat == 0 && di == 1))
		return -1;
	r->d = st->num[di].v;
	r->y = year2(st->num[yi].v, st->num[yi].nd);
	return r->y < 0 ? -1 : 0;
}

static int
g_finish(struct pstate *st, struct res *r)
{
	int *c = st->cjk, cjkdate, cjktime;

	cjkdate = c[C_Y] >= 0 || c[C_MO] >= 0 || c[C_D] >= 0;
	cjktime = c[C_H] >= 0 || c[C_MI] >= 0 || c[C_S] >= 0;
	r->has_day = 1;
	if (st->y) {
		if (st->mon || st->nnum || cjkdate)
			return -1;
		r->y = st->y;
		r->m = st->m;
		r->d = st->d;
	} else if (cjkdate) {
		if (st->mon || st->weakmon || st->nnum || c[C_Y] < 0 ||
		    st->cjknd[C_Y] != 4 || c[C_MO] < 0 || st->cjknd[C_MO] > 2)
			return -1;
		r->y = c[C_Y];
		r->m = c[C_MO];
		r->d = c[C_D] >= 0 ? c[C_D] : 1;
		r->has_day = c[C_D] >= 0;
		if (st->cjknd[C_D] > 2)
			return -1;
	} else if (st->mon || st->weakmon) {
		if (g_monthdate(st, r) < 0)
			return -1;
	} else {
		return -1;
	}
	if (cjktime) {
		if (st->has_time || c[C_H] < 0 || (c[C_S] >= 0 && c[C_MI] < 0) ||
		    st->cjknd[C_H] > 2 || st->cjknd[C_MI] > 2 ||
		    st->cjknd[C_S] > 2)
			return -1;
		st->has_time = 1;
		st->hh = c[C_H];
		st->mm = c[C_MI] >= 0 ? c[C_MI] : 0;
		st->ss = c[C_S] >= 0 ? c[C_S] : 0;
	}
	r->has_time = st->has_time;
	r->hh = st->hh;
	r->mm = st->mm;
	r->ss = st->ss;
	if (st->ampm >= 0) {
		if (!st->has_time || r->hh < 1 || r->hh > 12)
			return -1;
		r->hh = r->hh % 12 + 12 * st->ampm;
	}
	if (st->zkind) {
		r->has_zone = 1;
		r->off = st->zoff;
	} else if (st->czone) {
		r->has_zone = 1;
		r->off = st->czoff;
	}
	return 0;
}

static int
parse_general(const unsigned char *p, const unsigned char *e, int flags,
    struct res *r)
{
	struct pstate st;
	int i;

	pthread_once(&words_once, words_init);
	memset(&st, 0, sizeof(st));
	st.b = st.p = p;
	st.e = e;
	st.flags = flags;
	st.ampm = -1;
	for (i = 0; i < C_N; i++)
		st.cjk[i] = -1;
	if (g_scan(&st) < 0)
		return -1;
	return g_finish(&st, r);
}

/* ---- ISO 8601 ---------------------------------------------------- */

static int
weekday(int64_t days)	/* 0 Monday .. 6 Sunday */
{
	int64_t w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* days of ISO week-year y's week 1 Monday; sets *nweeks */
static int64_t
week1(int y, int *nweeks)
{
	int64_t jan4 = news_days_from_civil(y, 1, 4);
	int jan1 = weekday(jan4 - 3);

	*nweeks = jan1 == 3 || (jan1 == 2 && is_leap(y)) ? 53 : 52;
	return jan4 - weekday(jan4);
}

static int
iso_days(int y, int w, int wd, int *m, int *d, int *yy)
{
	int nw;
	int64_t days, ry;

	if (w < 1 || wd < 1 || wd > 7 || y < 1)
		return -1;
	days = week1(y, &nw) + (w - 1) * 7 + (wd - 1);
	if (w > nw)
		return -1;
	news_civil_from_days(days, &ry, m, d);
	*yy = (int)ry;
	return 0;
}

static int
iso_time(const unsigned char **pp, const unsigned char *e, struct res *r)
{
	const unsigned char *p = *pp;
	int ext;

	if (!two(p, e, &r->hh))
		return -1;
	p += 2;
	r->has_time = 1;
	if (p == e || (*p != ':' && !ISDIGIT(*p)))
		goto done;
	ext = *p == ':';
	p += ext;
	if (!two(p, e, &r->mm))
		return -1;
	p += 2;
	if (p == e || (ext ? *p != ':' : !ISDIGIT(*p)))
		goto done;
	p += ext;
	if (!two(p, e, &r->ss))
		return -1;
	p += 2;
	if (p + 1 < e && (*p == '.' || *p == ',') && ISDIGIT(p[1]))
		for (p++; p < e && ISDIGIT(*p); p++)
			;
done:
	*pp = p;
	return 0;
}

static int
parse_iso(const unsigned char *p, const unsigned char *e, struct res *r)
{
	int y, w, wd = 1, n, v, ext = 0;

	memset(r, 0, sizeof(*r));
	r->m = r->d = 1;
	if (digits(p, e, 4, &y) < 4)
		return -1;
	p += 4;
	if (p < e && *p == '-') {
		ext = 1;
		p++;
	}
	if (p < e && (*p == 'W' || *p == 'w')) {
		if (!two(++p, e, &w))
			return -1;
		p += 2;
		if (p < e && (ext ? *p == '-' : ISDIGIT(*p))) {
			p += ext;
			if (p >= e || !ISDIGIT(*p))
				return -1;
			wd = *p++ - '0';
			r->has_day = 1;
		}
		if (iso_days(y, w, wd, &r->m, &r->d, &r->y) < 0)
			return -1;
		if (p < e && ISDIGIT(*p))
			return -1;
	} else if (p < e && ISDIGIT(*p)) {
		n = digits(p, e, 4, &v);
		if (ext && n == 2) {
			r->m = v;
			p += 2;
			if (p < e && *p == '-') {
				if (!two(++p, e, &r->d) ||
				    (p + 2 < e && ISDIGIT(p[2])))
					return -1;
				p += 2;
				r->has_day = 1;
			}
		} else if (n == 3) {
			if (v < 1 || v > (is_leap(y) ? 366 : 365))
				return -1;
			news_civil_from_days(news_days_from_civil(y, 1, 1) +
			    v - 1, &(int64_t){ 0 }, &r->m, &r->d);
			r->has_day = 1;
			p += 3;
		} else if (!ext && n == 4) {
			r->m = v / 100;
			r->d = v % 100;
			r->has_day = 1;
			p += 4;
		} else {
			return -1;
		}
		if (r->y == 0)
			r->y = y;
	} else if (ext || p != e) {
		return -1;
	}
	if (r->y == 0)
		r->y = y;
	if (p < e && r->has_day && (*p == 'T' || *p == 't' || *p == ' ') &&
	    p + 1 < e && ISDIGIT(p[1])) {
		p++;
		if (iso_time(&p, e, r) < 0)
			return -1;
		if (p < e && (*p == 'Z' || *p == 'z')) {
			r->has_zone = 1;
			p++;
		} else if (p < e && (n = offset(p, e, 0, &r->off)) > 0) {
			r->has_zone = 1;
			p += n;
		}
	}
	return p == e ? 0 : -1;
}

/* ---- RFC 822 fast path ------------------------------------------- */

#define PACK3(a, b, c)	((unsigned)(a) << 16 | (unsigned)(b) << 8 | (c))

static int
mon3(const unsigned char *p)
{
	static const unsigned m[12] = {
		PACK3('j', 'a', 'n'), PACK3('f', 'e', 'b'), PACK3('m', 'a', 'r'),
		PACK3('a', 'p', 'r'), PACK3('m', 'a', 'y'), PACK3('j', 'u', 'n'),
		PACK3('j', 'u', 'l'), PACK3('a', 'u', 'g'), PACK3('s', 'e', 'p'),
		PACK3('o', 'c', 't'), PACK3('n', 'o', 'v'), PACK3('d', 'e', 'c'),
	};
	unsigned k = PACK3(p[0] | 0x20, p[1] | 0x20, p[2] | 0x20);
	int i;

	for (i = 0; i < 12; i++)
		if (m[i] == k)
			return i + 1;
	return 0;
}

static int
wday3(const unsigned char *p)
{
	static const unsigned w[7] = {
		PACK3('s', 'u', 'n'), PACK3('m', 'o', 'n'), PACK3('t', 'u', 'e'),
		PACK3('w', 'e', 'd'), PACK3('t', 'h', 'u'), PACK3('f', 'r', 'i'),
		PACK3('s', 'a', 't'),
	};
	unsigned k = PACK3(p[0] | 0x20, p[1] | 0x20, p[2] | 0x20);
	int i;

	for (i = 0; i < 7; i++)
		if (w[i] == k)
			return 1;
	return 0;
}

/*
 * The common case exactly: "[Ddd, ]D[D] Mon YYYY HH:MM[:SS] ZONE" with
 * ZONE +hhmm, -hhmm, GMT, UT, UTC or Z.  Anything else returns -1 and
 * goes to the general scanner, which reads all of this too.
 */
static int
parse_rfc822(const unsigned char *p, const unsigned char *e, struct res *r)
{
	const struct word *w;
	unsigned char buf[WORDMAX + 2];
	size_t len;
	int n, v;

	memset(r, 0, sizeof(*r));
	if (e - p < 17)
		return -1;
	pthread_once(&words_once, words_init);
	if (ISALPHA(p[0]) && ISALPHA(p[1]) && ISALPHA(p[2]) && p[3] == ',') {
		if (!wday3(p))
			return -1;
		p += 4;
		if (*p == ' ')
			p++;
	}
	if ((n = digits(p, e, 2, &r->d)) < 1 || n > 2 || p + n + 13 > e ||
	    p[n] != ' ')
		return -1;
	p += n + 1;
	if ((r->m = mon3(p)) == 0 || p[3] != ' ')
		return -1;
	p += 4;
	if ((n = digits(p, e, 4, &v)) < 2 || n > 4 || p[n] != ' ')
		return -1;
	r->y = year2(v, n);
	p += n + 1;
	if (!two(p, e, &r->hh) || e - p < 5 || p[2] != ':' ||
	    !two(p + 3, e, &r->mm))
		return -1;
	p += 5;
	if (p < e && *p == ':') {
		if (!two(p + 1, e, &r->ss))
			return -1;
		p += 3;
	}
	if (p >= e || *p++ != ' ' || p >= e)
		return -1;
	r->has_time = r->has_zone = r->has_day = 1;
	if (*p == '+' || *p == '-') {
		if (digits(p + 1, e, 4, &v) != 4 || p + 5 != e ||
		    v / 100 > 23 || v % 100 > 59)
			return -1;
		r->off = (v / 100 * 3600L + v % 100 * 60L) *
		    (*p == '-' ? -1 : 1);
		return 0;
	}
	if (!ISALPHA(*p) || p + read_word(p, e, buf, &len) != e ||
	    len < 1 || (w = lookup(buf, len)) == NULL ||
	    (w->kind != K_ZONE && w->kind != K_GMT))
		return -1;
	r->off = w->val * 60L;
	return 0;
}

/* ---- Unix time --------------------------------------------------- */

static int
parse_epoch(const unsigned char *p, const unsigned char *e, int64_t *out)
{
	int neg = 0, nd = 0, frac = 0;
	int64_t v = 0;

	if (p < e && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	for (; p < e && ISDIGIT(*p); p++, nd++) {
		if (nd >= 18)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (nd == 0)
		return -1;
	if (p < e && *p == '.') {
		if (++p == e)
			return -1;
		for (; p < e && ISDIGIT(*p); p++)
			frac |= *p != '0';
	}
	if (p != e)
		return -1;
	if (nd == 13) {
		frac |= v % 1000 != 0;
		v /= 1000;
	}
	if (neg)
		v = -v - (frac != 0);	/* floor */
	*out = v;
	return 0;
}

/* ---- entry points ------------------------------------------------ */

#ifdef NEWS_FUZZ
/* fuzz builds only: 1 skips the fast paths, for differential checks */
int news_date_slow_only;
#define SLOW_ONLY	news_date_slow_only
#else
#define SLOW_ONLY	0
#endif

static int
finish(const struct res *r, long default_off, int64_t *out)
{
	int64_t t;

	if (r->y < 1 || r->y > 9999 || !news_date_valid(r->y, r->m, r->d))
		return -1;
	if (r->hh > 24 || r->mm > 59 || r->ss > 60 ||
	    (r->hh == 24 && (r->mm || r->ss)))
		return -1;
	t = news_days_from_civil(r->y, r->m, r->d) * 86400 + r->hh * 3600 +
	    r->mm * 60 + (r->ss == 60 ? 59 : r->ss);
	t -= r->has_zone ? r->off : default_off;
	if (t < T_MIN || t > T_MAX)
		return -1;
	*out = t;
	return 0;
}

int
news_date_parse(const char *s, size_t len, long default_off, int flags,
    int64_t *out, struct news_date_info *info)
{
	const unsigned char *p = (const unsigned char *)s, *e;
	struct res r;
	int64_t t;

	if (s == NULL || out == NULL || default_off < -86400 ||
	    default_off > 86400)
		return -1;
	if (len == (size_t)-1)
		len = strlen(s);
	e = p + len;
	while (p < e && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
		p++;
	while (e > p && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r')))
		e--;
	if (p == e || e - p > MAXLEN)
		return -1;
	if ((flags & NEWS_DATE_EPOCH) && parse_epoch(p, e, &t) == 0) {
		if (t < T_MIN || t > T_MAX)
			return -1;
		*out = t;
		if (info) {
			info->has_time = info->has_zone = info->has_day = 1;
			info->off = 0;
		}
		return 0;
	}
	if (SLOW_ONLY || (e - p >= 4 && ISDIGIT(p[0]) && ISDIGIT(p[3]) ?
	    parse_iso(p, e, &r) < 0 : parse_rfc822(p, e, &r) < 0)) {
		memset(&r, 0, sizeof(r));
		if (parse_general(p, e, flags, &r) < 0)
			return -1;
	}
	if (finish(&r, default_off, &t) < 0)
		return -1;
	*out = t;
	if (info) {
		info->has_time = r.has_time;
		info->has_zone = r.has_zone;
		info->has_day = r.has_day;
		info->off = r.has_zone ? r.off : default_off;
	}
	return 0;
}

/* ---- zones ------------------------------------------------------- */

static int
tz_file_ok(const char *zone)
{
	const char *dir, *s;
	char path[512], magic[4];
	int fd, ok;

	if (*zone == '\0' || *zone == '/' || strlen(zone) > 200)
		return 0;
	for (s = zone; *s; s++)
		if (!ISALPHA(*s) && !ISDIGIT(*s) && *s != '/' && *s != '_' &&
		    *s != '-' && *s != '+')
			return 0;
	if (strstr(zone, "//") != NULL)
		return 0;
	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0' ||
	    strlen(dir) > 250)
		dir = "/usr/share/zoneinfo";
	memcpy(path, dir, strlen(dir));
	path[strlen(dir)] = '/';
	memcpy(path + strlen(dir) + 1, zone, strlen(zone) + 1);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	ok = read(fd, magic, 4) == 4 && memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

/*
 * IANA names go through the system tz database: TZ is set, tzset(3) and
 * localtime_r(3) asked, and TZ put back as it was.  So this is not for
 * threads; the tools call it once per option.  The name must be a TZif
 * file under $TZDIR or /usr/share/zoneinfo (glibc would take an unknown
 * name silently as UTC).
 */
int
news_tz_offset(const char *zone, int64_t t, long *off)
{
	const unsigned char *z = (const unsigned char *)zone, *e;
	const struct word *w;
	unsigned char buf[WORDMAX + 2];
	size_t len;
	char *old = NULL, *tmp;
	struct tm tm;
	time_t tt = (time_t)t;
	long o;
	int ok;

	if (zone == NULL || off == NULL)
		return -1;
	pthread_once(&words_once, words_init);
	e = z + strlen(zone);
	if (e - z == 1 && (*z | 0x20) == 'z') {
		*off = 0;
		return 0;
	}
	if (e - z <= 3 && ISALPHA(*z) && z + read_word(z, e, buf, &len) == e &&
	    (w = lookup(buf, len)) != NULL && w->kind == K_GMT) {
		*off = 0;	/* UTC, GMT, UT in any case */
		return 0;
	}
	if (*z == '+' || *z == '-') {
		if (offset(z, e, 0, &o) != e - z)
			return -1;
		*off = o;
		return 0;
	}
	if (!tz_file_ok(zone))
		return -1;
	if ((tmp = getenv("TZ")) != NULL && (old = strdup(tmp)) == NULL)
		return -1;
	ok = setenv("TZ", zone, 1) == 0;
	if (ok) {
		tzset();
		ok = localtime_r(&tt, &tm) != NULL;
	}
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
	if (!ok)
		return -1;
	*off = tm.tm_gmtoff;
	return 0;
}
