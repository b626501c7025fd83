/*
 * xmlfix.c: feed bytes as servers send them, to clean UTF-8 XML that
 * libxml2 parses without losing text.  Streaming: every call handles what
 * it can and carries at most a few bytes to the next one.
 *
 * 1. Sniff (the first 64 KiB): a BOM or the UTF-16 pattern of "<?", else
 *    the encoding of the XML declaration.  A declared legacy encoding
 *    whose bytes are valid UTF-8 with non-ASCII characters is taken as
 *    UTF-8 (the declaration is wrong), as is "utf-16" over 8-bit bytes.
 *    A document whose first character is '{' is JSON (JSON Feed).
 * 2. Decode to UTF-8: UTF-8 (a byte that is not valid UTF-8 is read as
 *    windows-1252), windows-1252 for ISO-8859-1/ASCII (as browsers do),
 *    iconv(3) for the rest (GB2312 as its superset GB18030).  C0 control
 *    characters other than tab and newlines are dropped; U+FFFE/U+FFFF
 *    become U+FFFD.  Anything before the first '<' (BOMs, white space,
 *    junk) is skipped.
 * 3. Repair markup outside CDATA sections, comments, PIs and the DOCTYPE:
 *    an HTML named reference (&eacute; &nbsp;) becomes its character; an
 *    unknown name or a bare '&' becomes "&amp;"; a numeric reference to
 *    0x80..0x9F is read as windows-1252 (as HTML5), to a non-XML
 *    character as U+FFFD; a '<' that starts no markup becomes "&lt;".
 *    Entities declared in a DTD are never expanded (no XXE, no bombs).
 * The result is parsed with XML_PARSE_IGNORE_ENC.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "news.h"
#include "text.h"
#include "fetch.h"

#define SNIFF_MAX (64 * 1024)

enum mode { M_SNIFF, M_UTF8, M_CP1252, M_ICONV, M_JSON };
enum fixstate { S_START, S_TEXT, S_CDATA, S_COMMENT, S_PI, S_DOCTYPE };

struct xmlfix {
	enum mode mode;
	enum fixstate state;
	int subset;		/* inside the DOCTYPE's [ ] */
	iconv_t cd;
	char enc[40];
	struct news_buf raw;	/* sniffed bytes, or undecoded tail */
	struct news_buf dec;	/* decoded UTF-8 not yet repaired */
	struct news_buf tmp;	/* iconv output */
};

/* windows-1252 0x80..0x9F; 0 = undefined (U+FFFD) */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* bytes the UTF-8 stage must look at: C0 controls but tab/LF/CR, >= 0x80 */
static unsigned char u8special[256];
/* bytes the repair stage must look at in text */
static unsigned char txspecial[256];
/* bytes after '<' that start an ordinary tag */
static unsigned char tagstart[256];

static void
init_tables(void)
{
	int i;

	if (txspecial['&'])
		return;
	for (i = 0; i < 256; i++)
		u8special[i] = (i < 0x20 && i != '\t' && i != '\n' && i != '\r') ||
		    i >= 0x80;
	txspecial['&'] = txspecial['<'] = 1;
	for (i = 0; i < 256; i++)
		tagstart[i] = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') ||
		    i == '_' || i == ':' || i == '/' || i >= 0x80;
}

struct xmlfix *
xmlfix_new(void)
{
	struct xmlfix *x = news_xcalloc(1, sizeof(*x));

	init_tables();
	x->mode = M_SNIFF;
	x->state = S_START;
	x->cd = (iconv_t)-1;
	return x;
}

void
xmlfix_free(struct xmlfix *x)
{
	if (x == NULL)
		return;
	if (x->cd != (iconv_t)-1)
		iconv_close(x->cd);
	news_buf_free(&x->raw);
	news_buf_free(&x->dec);
	news_buf_free(&x->tmp);
	free(x);
}

const char *
xmlfix_encoding(const struct xmlfix *x)
{
	return x->enc;
}

static void
add_cp(struct news_buf *b, uint32_t cp)
{
	char u[4];
	int n = news_utf8_encode(cp, u);

	if (n == 0)
		n = news_utf8_encode(0xFFFD, u);
	news_buf_add(b, u, n);
}

static uint32_t
cp1252_char(unsigned char c)
{
	if (c >= 0x80 && c < 0xA0)
		return cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xFFFD;
	return c;
}

/* the length a UTF-8 lead byte announces (1 for an invalid one) */
static int
u8len(unsigned char c)
{
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	if (c >= 0xE0)
		return c <= 0xEF ? 3 : 1;
	if (c >= 0xC2)
		return 2;
	return 1;
}

/*
 * Decode UTF-8 (invalid bytes as windows-1252) into out, dropping control
 * characters.  Returns the bytes consumed (an incomplete sequence at the
 * end is left unless final).
 */
static size_t
dec_utf8(const char *p, size_t n, int final, struct news_buf *out)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, j, need;
	uint32_t cp;
	int l;

	news_buf_grow(out, n + 16);
	while (i < n) {
		j = i;
		/* 8 bytes at a time while all are printable ASCII */
		while (j + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + j, 8);
			if ((w & 0x8080808080808080ULL) ||
			    ((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL))
				break;
			j += 8;
		}
		while (j < n && !u8special[s[j]])
			j++;
		if (j > i)
			news_buf_add(out, s + i, j - i);
		if ((i = j) >= n)
			break;
		if (s[i] < 0x80) {	/* a control character: dropped */
			i++;
			continue;
		}
		need = u8len(s[i]);
		if (need > n - i && !final) {
			/* maybe a sequence cut by the chunk boundary */
			for (j = i + 1; j < n && (s[j] & 0xC0) == 0x80; j++)
				;
			if (j == n)
				break;
		}
		if (need > 1 && (l = news_utf8_decode(p + i, n - i, &cp)) > 0) {
			if (cp == 0xFFFE || cp == 0xFFFF)
				add_cp(out, 0xFFFD);
			else
				news_buf_add(out, s + i, l);
			i += l;
		} else {
			add_cp(out, cp1252_char(s[i]));
			i++;
		}
	}
	return i;
}

static size_t
dec_cp1252(const char *p, size_t n, struct news_buf *out)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, j;

	news_buf_grow(out, n + 16);
	while (i < n) {
		j = i;
		while (j < n && !u8special[s[j]])
			j++;
		if (j > i)
			news_buf_add(out, s + i, j - i);
		if ((i = j) >= n)
			break;
		if (s[i] >= 0x80)
			add_cp(out, cp1252_char(s[i]));
		i++;
	}
	return n;
}

static size_t
dec_iconv(struct xmlfix *x, const char *p, size_t n, int final,
    struct news_buf *out)
{
	char *in = (char *)p, *o;
	size_t inleft = n, oleft, r;

	news_buf_reset(&x->tmp);
	while (inleft > 0) {
		news_buf_grow(&x->tmp, inleft * 4 + 64);
		o = x->tmp.s + x->tmp.len;
		oleft = x->tmp.cap - x->tmp.len - 1;
		r = iconv(x->cd, &in, &inleft, &o, &oleft);
		x->tmp.len = o - x->tmp.s;
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !final)
			break;
		/* EILSEQ, or a truncated sequence at the end */
		news_buf_adds(&x->tmp, "\xef\xbf\xbd");
		in++;
		inleft--;
	}
	dec_utf8(x->tmp.s ? x->tmp.s : "", x->tmp.len, 1, out);
	return n - inleft;
}

/* ---- sniffing ---- */

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Whether s (past white space) starts a JSON document: '{', or '[' and
 * what may follow it in JSON ("[![badge](...)" opens a Markdown file).
 */
static int
json_start(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && s[0] == '{')
		return 1;
	if (n == 0 || s[0] != '[')
		return 0;
	for (i = 1; i < n && is_space((unsigned char)s[i]); i++)
		;
	return i == n || strchr("{[]\"-0123456789tfn", s[i]) != NULL;
}

/* the encoding="..." of an XML declaration at s (ASCII-compatible) */
static void
declared_encoding(const char *s, size_t n, char *enc, size_t encsz)
{
	const char *e, *end, *v;
	size_t i, lim = n < 512 ? n : 512;
	char q;

	*enc = '\0';
	for (i = 0; i < lim && (is_space((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80); i++)
		;
	if (lim - i < 5 || memcmp(s + i, "<?xml", 5) != 0)
		return;
	if ((end = memmem(s + i, lim - i, "?>", 2)) == NULL)
		return;
	if ((e = memmem(s + i, end - (s + i), "encoding", 8)) == NULL)
		return;
	for (e += 8; e < end && (is_space(*e) || *e == '='); e++)
		;
	if (e >= end || (*e != '"' && *e != '\''))
		return;
	q = *e++;
	for (v = e; v < end && *v != q; v++)
		;
	if (v >= end || (size_t)(v - e) >= encsz)
		return;
	for (i = 0; e + i < v; i++)
		enc[i] = tolower((unsigned char)e[i]);
	enc[i] = '\0';
}

/* 1 if s is valid UTF-8 holding at least one multibyte sequence */
static int
utf8_nonascii(const char *s, size_t n, int final)
{
	size_t v = news_utf8_valid_prefix(s, n), i;
	int multi = 0;

	/* a sequence cut at the end of the sniffed bytes is fine */
	if (v < n && (final || n - v > 3))
		return 0;
	for (i = 0; i < v; i++)
		if ((unsigned char)s[i] >= 0x80) {
			multi = 1;
			break;
		}
	return multi;
}

static const char *const latin1_names[] = {
	"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
	"us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252",
	"iso-8859-15", "iso8859-15", "latin-9", NULL
};

static void
choose(struct xmlfix *x, int final)
{
	const char *s = x->raw.s ? x->raw.s : "";
	size_t n = x->raw.len, i;
	const char *from = NULL;
	char enc[40];

	if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
	    (n >= 4 && s[0] == '<' && s[1] == 0 && s[2] != 0 && s[3] == 0)))
		from = "UTF-16LE";
	else if (n >= 2 && (((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) ||
	    (n >= 4 && s[0] == 0 && s[1] == '<' && s[2] == 0 && s[3] != 0)))
		from = "UTF-16BE";
	if (from) {
		snprintf(x->enc, sizeof(x->enc), "%s", from);
		if ((x->cd = iconv_open("UTF-8", from)) != (iconv_t)-1) {
			x->mode = M_ICONV;
			return;
		}
	}
	for (i = 0; i < n && (is_space((unsigned char)s[i]) ||
	    (unsigned char)s[i] == 0xEF || (unsigned char)s[i] == 0xBB ||
	    (unsigned char)s[i] == 0xBF); i++)
		;
	if (json_start(s + i, n - i)) {
		x->mode = M_JSON;
		snprintf(x->enc, sizeof(x->enc), "json");
		return;
	}
	declared_encoding(s, n, enc, sizeof(enc));
	x->mode = M_UTF8;
	snprintf(x->enc, sizeof(x->enc), "utf-8");
	if (*enc == '\0' || strcmp(enc, "utf-8") == 0 || strcmp(enc, "utf8") == 0 ||
	    strncmp(enc, "utf-16", 6) == 0 || strncmp(enc, "ucs", 3) == 0 ||
	    utf8_nonascii(s, n, final))
		return;
	for (i = 0; latin1_names[i]; i++)
		if (strcmp(enc, latin1_names[i]) == 0 && strstr(enc, "15") == NULL) {
			x->mode = M_CP1252;
			snprintf(x->enc, sizeof(x->enc), "windows-1252");
			return;
		}
	from = enc;
	if (strcmp(enc, "gb2312") == 0 || strcmp(enc, "gbk") == 0 ||
	    strcmp(enc, "x-gbk") == 0 || strcmp(enc, "gb_2312-80") == 0)
		from = "GB18030";
	else if (strcmp(enc, "big5") == 0)
		from = "BIG5-HKSCS";
	else if (strcmp(enc, "shift_jis") == 0 || strcmp(enc, "sjis") == 0 ||
	    strcmp(enc, "x-sjis") == 0)
		from = "CP932";
	else if (strcmp(enc, "euc-kr") == 0 || strcmp(enc, "ks_c_5601-1987") == 0)
		from = "CP949";
	if ((x->cd = iconv_open("UTF-8", from)) != (iconv_t)-1) {
		x->mode = M_ICONV;
		snprintf(x->enc, sizeof(x->enc), "%s", enc);
	}
	/* an unknown encoding: UTF-8 with the windows-1252 fallback */
}

/* ---- repair ---- */

static int
is_namestart(int c)
{
	return isalpha(c);
}

static int
is_namechar(int c)
{
	return isalnum(c);
}

/*
 * A reference at s[0] == '&'.  Appends its repair to out and returns the
 * bytes consumed, or 0 when more input is needed.
 */
static size_t
fix_ref(const char *s, size_t n, int final, struct news_buf *out)
{
	size_t i, lim = n < 48 ? n : 48;
	unsigned long v = 0;
	const char *e;
	int hex = 0, dig = 0;

	if (n < 2)
		goto more;
	if (s[1] == '#') {
		i = 2;
		if (i < lim && (s[i] == 'x' || s[i] == 'X')) {
			hex = 1;
			i++;
		}
		for (; i < lim; i++) {
			int c = (unsigned char)s[i], d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && isxdigit(c))
				d = tolower(c) - 'a' + 10;
			else
				break;
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) + d;
			dig++;
		}
		if (i == lim && lim < 48 && !final)
			goto more;
		if (dig == 0) {
			news_buf_adds(out, "&amp;");
			return 1;
		}
		if (v >= 0x80 && v < 0xA0)
			v = cp1252_char((unsigned char)v);
		if ((v < 0x20 && v != 9 && v != 10 && v != 13) ||
		    (v >= 0xD800 && v < 0xE000) || v == 0xFFFE || v == 0xFFFF ||
		    v > 0x10FFFF)
			v = 0xFFFD;
		news_buf_printf(out, "&#%lu;", v);
		return i < n && s[i] == ';' ? i + 1 : i;
	}
	if (!is_namestart((unsigned char)s[1])) {
		news_buf_adds(out, "&amp;");
		return 1;
	}
	for (i = 2; i < lim && is_namechar((unsigned char)s[i]); i++)
		;
	if (i == lim && lim < 48 && !final)
		goto more;
	if (i >= n || s[i] != ';') {
		news_buf_adds(out, "&amp;");
		return 1;
	}
	if ((i == 3 && (memcmp(s + 1, "lt", 2) == 0 || memcmp(s + 1, "gt", 2) == 0)) ||
	    (i == 4 && memcmp(s + 1, "amp", 3) == 0) ||
	    (i == 5 && (memcmp(s + 1, "quot", 4) == 0 || memcmp(s + 1, "apos", 4) == 0))) {
		news_buf_add(out, s, i + 1);
		return i + 1;
	}
	if ((e = news_html_entity(s + 1, i - 1)) == NULL) {
		news_buf_adds(out, "&amp;");
		return 1;
	}
	for (; *e; e++)
		switch (*e) {
		case '<': news_buf_adds(out, "&lt;"); break;
		case '>': news_buf_adds(out, "&gt;"); break;
		case '&': news_buf_adds(out, "&amp;"); break;
		case '"': news_buf_adds(out, "&quot;"); break;
		case '\'': news_buf_adds(out, "&apos;"); break;
		default: news_buf_addc(out, *e);
		}
	return i + 1;
more:
	return 0;
}

static int
prefix_match(const char *s, size_t n, const char *pat, int icase)
{
	size_t m = strlen(pat), k = n < m ? n : m;

	return icase ? strncasecmp(s, pat, k) == 0 : strncmp(s, pat, k) == 0;
}

/* '<' at s[0]: returns bytes consumed, 0 when more input is needed */
static size_t
fix_lt(struct xmlfix *x, const char *s, size_t n, int final, struct news_buf *out)
{
	static const struct { const char *pat; enum fixstate st; int icase; } m[] = {
		{ "<![CDATA[", S_CDATA, 0 }, { "<!--", S_COMMENT, 0 },
		{ "<!DOCTYPE", S_DOCTYPE, 1 }, { "<?", S_PI, 0 }
	};
	size_t i, len;
	int c;

	if (n < 2 && !final)
		return 0;
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		len = strlen(m[i].pat);
		if (!prefix_match(s, n, m[i].pat, m[i].icase))
			continue;
		if (n < len) {
			if (!final)
				return 0;
			continue;
		}
		news_buf_add(out, s, len);
		x->state = m[i].st;
		x->subset = 0;
		return len;
	}
	c = n > 1 ? (unsigned char)s[1] : ' ';
	if (isalpha(c) || c == '_' || c == ':' || c == '/' || c == '!' || c >= 0x80)
		news_buf_addc(out, '<');
	else
		news_buf_adds(out, "&lt;");
	return 1;
}

/* copy up to the end marker of a CDATA section, comment or PI */
static size_t
fix_until(struct xmlfix *x, const char *s, size_t n, int final,
    const char *mark, struct news_buf *out)
{
	size_t m = strlen(mark);
	const char *e = memmem(s, n, mark, m);
	size_t k;

	if (e) {
		k = e - s + m;
		x->state = S_TEXT;
	} else if (final) {
		k = n;
	} else {
		k = n > m - 1 ? n - (m - 1) : 0;
	}
	news_buf_add(out, s, k);
	return k;
}

static size_t
fix_doctype(struct xmlfix *x, const char *s, size_t n, struct news_buf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '[')
			x->subset = 1;
		else if (s[i] == ']')
			x->subset = 0;
		else if (s[i] == '>' && !x->subset) {
			x->state = S_TEXT;
			i++;
			break;
		}
	}
	news_buf_add(out, s, i);
	return i;
}

/* ---- the fast path: how much needs no change at all ---- */

/*
 * The index of the first byte of s[0..n) that is c1, c2, a C0 control
 * other than tab and newlines, or not ASCII; n when there is none.
 */
static size_t
skip_plain(const unsigned char *s, size_t n, unsigned char c1, unsigned char c2)
{
	size_t i = 0;

#ifdef __SSE2__
	const __m128i a = _mm_set1_epi8((char)c1), b = _mm_set1_epi8((char)c2);
	const __m128i sp = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t');
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		/* signed: below 0x20, or 0x80 and above */
		__m128i m = _mm_cmplt_epi8(v, sp);
		__m128i ok = _mm_or_si128(_mm_cmpeq_epi8(v, tab),
		    _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
		int mask;

		m = _mm_andnot_si128(ok, m);
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, a),
		    _mm_cmpeq_epi8(v, b)));
		if ((mask = _mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
	}
#endif
	for (; i < n; i++)
		if (u8special[s[i]] || s[i] == c1 || s[i] == c2)
			break;
	return i;
}

/*
 * skip_plain(s, n, '<', '&'), but going on over a '<' that starts an
 * ordinary tag (the byte after it is still looked at).
 */
static size_t
skip_text(const unsigned char *s, size_t n)
{
	size_t i = 0, j;

#ifdef __SSE2__
	const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&');
	const __m128i sp = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t');
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i m = _mm_cmplt_epi8(v, sp);
		__m128i ok = _mm_or_si128(_mm_cmpeq_epi8(v, tab),
		    _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
		unsigned mask;

		m = _mm_andnot_si128(ok, m);
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, lt),
		    _mm_cmpeq_epi8(v, amp)));
		for (mask = (unsigned)_mm_movemask_epi8(m); mask != 0;
		    mask &= mask - 1) {
			j = i + (size_t)__builtin_ctz(mask);
			if (s[j] != '<' || j + 1 >= n || !tagstart[s[j + 1]])
				return j;
		}
	}
#endif
	for (; i < n; i++)
		if (u8special[s[i]] || s[i] == '&' || (s[i] == '<' &&
		    (i + 1 >= n || !tagstart[s[i + 1]])))
			break;
	return i;
}

/* the length of a valid UTF-8 sequence other than U+FFFE/U+FFFF at s, 0 if none */
static size_t
good_seq(const char *s, size_t n)
{
	uint32_t cp;
	int l;

	if ((size_t)u8len((unsigned char)*s) > n ||
	    (l = news_utf8_decode(s, n, &cp)) <= 1 || cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	return (size_t)l;
}

/* the length of a reference at s[0] == '&' that fix_ref() keeps as it is */
static size_t
good_ref(const char *s, size_t n)
{
	size_t i, lim = n < 48 ? n : 48;
	unsigned long v = 0;
	int hex = 0;

	if (n < 2)
		return 0;
	if (s[1] != '#') {
		for (i = 1; i < lim && is_namechar((unsigned char)s[i]); i++)
			;
		if (i >= lim || s[i] != ';')
			return 0;
		if ((i == 3 && (memcmp(s + 1, "lt", 2) == 0 || memcmp(s + 1, "gt", 2) == 0)) ||
		    (i == 4 && memcmp(s + 1, "amp", 3) == 0) ||
		    (i == 5 && (memcmp(s + 1, "quot", 4) == 0 ||
		    memcmp(s + 1, "apos", 4) == 0)))
			return i + 1;
		return 0;
	}
	i = 2;
	if (i < lim && (s[i] == 'x' || s[i] == 'X')) {
		hex = 1;
		i++;
	}
	for (; i < lim; i++) {
		int c = (unsigned char)s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (hex && isxdigit(c))
			d = tolower(c) - 'a' + 10;
		else
			break;
		if (v < 0x110000)
			v = v * (hex ? 16 : 10) + d;
	}
	/* fix_ref() would write the same character (maybe spelt otherwise) */
	if (i >= lim || s[i] != ';' || i == 2 + (size_t)hex ||
	    (v < 0x20 && v != 9 && v != 10 && v != 13) || (v >= 0x80 && v < 0xA0) ||
	    (v >= 0xD800 && v < 0xE000) || v == 0xFFFE || v == 0xFFFF || v > 0x10FFFF)
		return 0;
	return i + 1;
}

/*
 * The length of the prefix of s[0..n) that fix() would copy unchanged
 * (and that is clean UTF-8), following the state through CDATA sections,
 * comments and PIs.  Stops before anything to repair or decode, and
 * before a construct cut by the end of s.
 */
static size_t
scan_clean(struct xmlfix *x, const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, k;
	const char *mark;
	unsigned char c;

	while (i < n) {
		switch (x->state) {
		case S_TEXT:
			i += skip_text(s + i, n - i);
			if (i >= n)
				return i;
			c = s[i];
			if (c == '<') {
				if (i + 1 >= n)
					return i;
				if (tagstart[s[i + 1]]) {
					i++;
					continue;
				}
				if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
					x->state = S_CDATA;
					i += 9;
				} else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
					x->state = S_COMMENT;
					i += 4;
				} else if (s[i + 1] == '?') {
					x->state = S_PI;
					i += 2;
				} else {
					return i;
				}
				x->subset = 0;
				continue;
			}
			if (c == '&') {
				if ((k = good_ref(p + i, n - i)) == 0)
					return i;
				i += k;
				continue;
			}
			if (c >= 0x80 && (k = good_seq(p + i, n - i)) > 0) {
				i += k;
				continue;
			}
			return i;
		case S_CDATA:
		case S_COMMENT:
		case S_PI:
			mark = x->state == S_CDATA ? "]]>" : x->state == S_COMMENT ?
			    "-->" : "?>";
			i += skip_plain(s + i, n - i, (unsigned char)mark[0],
			    (unsigned char)mark[0]);
			if (i >= n)
				return i;
			c = s[i];
			if (c == (unsigned char)mark[0]) {
				k = strlen(mark);
				if (n - i < k)
					return i;
				if (memcmp(s + i, mark, k) == 0) {
					x->state = S_TEXT;
					i += k;
				} else {
					i++;
				}
				continue;
			}
			if (c >= 0x80 && (k = good_seq(p + i, n - i)) > 0) {
				i += k;
				continue;
			}
			return i;
		default:
			return i;
		}
	}
	return i;
}

static size_t
fix(struct xmlfix *x, const char *s, size_t n, int final, struct news_buf *out)
{
	size_t i = 0, j, k;

	while (i < n) {
		/* runs that need no repair are copied as they are */
		if ((k = scan_clean(x, s + i, n - i)) > 0) {
			news_buf_add(out, s + i, k);
			if ((i += k) >= n)
				break;
		}
		switch (x->state) {
		case S_START:
			while (i < n && s[i] != '<')
				i++;
			if (i < n)
				x->state = S_TEXT;
			break;
		case S_TEXT:
			j = i;
			for (;;) {
				/* 8 bytes at a time while there is no '<' and no '&' */
				while (j + 8 <= n) {
					uint64_t w, a, b;

					memcpy(&w, s + j, 8);
					a = w ^ 0x3c3c3c3c3c3c3c3cULL;
					b = w ^ 0x2626262626262626ULL;
					if ((((a - 0x0101010101010101ULL) & ~a) |
					    ((b - 0x0101010101010101ULL) & ~b)) &
					    0x8080808080808080ULL)
						break;
					j += 8;
				}
				while (j < n && !txspecial[(unsigned char)s[j]])
					j++;
				/* an ordinary start or end tag needs no repair */
				if (j + 1 < n && s[j] == '<' &&
				    tagstart[(unsigned char)s[j + 1]]) {
					j++;
					continue;
				}
				break;
			}
			news_buf_add(out, s + i, j - i);
			if ((i = j) >= n)
				break;
			k = s[i] == '&' ? fix_ref(s + i, n - i, final, out) :
			    fix_lt(x, s + i, n - i, final, out);
			if (k == 0)
				return i;
			i += k;
			break;
		case S_CDATA:
		case S_COMMENT:
		case S_PI:
			k = fix_until(x, s + i, n - i, final, x->state == S_CDATA ?
			    "]]>" : x->state == S_COMMENT ? "-->" : "?>", out);
			if (k == 0)
				return i;
			i += k;
			break;
		case S_DOCTYPE:
			i += fix_doctype(x, s + i, n - i, out);
			break;
		}
	}
	return i;
}

static void
decode(struct xmlfix *x, const char *p, size_t n, int final, struct news_buf *dec,
    struct news_buf *rest)
{
	size_t k;

	switch (x->mode) {
	case M_UTF8:
		k = dec_utf8(p, n, final, dec);
		break;
	case M_CP1252:
		k = dec_cp1252(p, n, dec);
		break;
	case M_ICONV:
		k = dec_iconv(x, p, n, final, dec);
		break;
	default:
		k = n;
	}
	news_buf_reset(rest);
	if (k < n)
		news_buf_add(rest, p + k, n - k);
}

int
xmlfix_push(struct xmlfix *x, const char *p, size_t n, int final,
    struct news_buf *out, size_t *direct)
{
	struct news_buf in = NEWS_BUF_INIT;
	size_t k;

	*direct = 0;
	if (x->mode == M_JSON) {
		news_buf_add(out, p, n);
		return 1;
	}
	if (x->mode == M_SNIFF) {
		news_buf_add(&x->raw, p, n);
		if (x->raw.len < SNIFF_MAX && !final)
			return 0;
		choose(x, final);
		if (x->mode == M_JSON) {
			news_buf_add(out, x->raw.s, x->raw.len);
			news_buf_free(&x->raw);
			return 1;
		}
		in = x->raw;
		x->raw = (struct news_buf)NEWS_BUF_INIT;
		p = in.s ? in.s : "";
		n = in.len;
	} else if (x->mode == M_UTF8 && x->raw.len == 0 && x->dec.len == 0 &&
	    x->state != S_START) {
		/*
		 * The common case: what needs no change at all is not copied
		 * but is the start of the output as it is.
		 */
		*direct = scan_clean(x, p, n);
		p += *direct;
		n -= *direct;
		if (n == 0 && !final)
			return 0;
	} else if (x->raw.len > 0) {
		/* an undecoded tail from the last call comes first */
		news_buf_add(&x->raw, p, n);
		in = x->raw;
		x->raw = (struct news_buf)NEWS_BUF_INIT;
		p = in.s;
		n = in.len;
	}
	decode(x, p, n, final, &x->dec, &x->raw);
	news_buf_free(&in);
	k = fix(x, x->dec.s ? x->dec.s : "", x->dec.len, final, out);
	if (k < x->dec.len)
		memmove(x->dec.s, x->dec.s + k, x->dec.len - k);
	x->dec.len -= k;
	if (x->dec.s)
		x->dec.s[x->dec.len] = '\0';
	return 0;
}

/* ---- what a document that is not a feed looks like ---- */

/*
 * Signatures at the start of the bytes, from the WHATWG MIME Sniffing
 * Standard (the image, audio and video, font and archive patterns of
 * section 6; PDF and PostScript of section 7.1), and a few of file(1)'s
 * for what a feed URL or a local path also turns out to be.  In a mask,
 * 0x00 is a byte that may be anything.
 */
static const struct {
	const char *pat, *mask;
	size_t len;
	const char *type;
} sigs[] = {
#define SIG(p, t) { p, NULL, sizeof(p) - 1, t }
#define SIGM(p, m, t) { p, m, sizeof(p) - 1, t }
	SIG("%PDF-", "application/pdf"),
	SIG("%!PS-Adobe-", "application/postscript"),
	SIG("\x89PNG\r\n\x1a\n", "image/png"),
	SIG("GIF87a", "image/gif"),
	SIG("GIF89a", "image/gif"),
	SIG("\xff\xd8\xff", "image/jpeg"),
	SIGM("RIFF\0\0\0\0WEBPVP", "\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff\xff\xff",
	    "image/webp"),
	SIG("\0\0\1\0", "image/x-icon"),
	SIG("ID3", "audio/mpeg"),
	SIG("OggS\0", "application/ogg"),
	SIGM("RIFF\0\0\0\0WAVE", "\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff",
	    "audio/wave"),
	SIGM("RIFF\0\0\0\0AVI ", "\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff",
	    "video/avi"),
	SIGM("\0\0\0\0ftyp", "\0\0\0\0\xff\xff\xff\xff", "video/mp4"),
	SIG("\x1a\x45\xdf\xa3", "video/webm"),
	SIG("MThd\0\0\0\6", "audio/midi"),
	SIG("wOFF", "font/woff"),
	SIG("wOF2", "font/woff2"),
	SIG("\x1f\x8b\x08", "application/gzip"),
	SIG("PK\3\4", "application/zip"),
	SIG("Rar!\x1a\x07", "application/vnd.rar"),
	SIG("BZh", "application/x-bzip2"),
	SIG("\xfd" "7zXZ\0", "application/x-xz"),
	SIG("\x28\xb5\x2f\xfd", "application/zstd"),
	SIG("\x7f" "ELF", "application/x-executable"),
	SIG("SQLite format 3\0", "application/vnd.sqlite3"),
#undef SIG
#undef SIGM
};

/* the tags that start an HTML document (WHATWG 7.1, then space or '>') */
static const char *const html_starts[] = {
	"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
	"<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p",
	"<!--", NULL
};

/* WHATWG's binary data bytes: C0 controls other than white space and ESC */
static int
is_binary_byte(unsigned char c)
{
	return c <= 0x08 || c == 0x0b || (c >= 0x0e && c <= 0x1a) ||
	    (c >= 0x1c && c <= 0x1f);
}

/* the length of the line at s (without its newline and trailing blanks) */
static size_t
line_len(const char *s, const char *end, const char **next)
{
	const char *nl = memchr(s, '\n', end - s);
	size_t n = (nl ? nl : end) - s;

	*next = nl ? nl + 1 : end;
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n;
}

/*
 * Plain text that is CommonMark: a code fence or a GFM table's delimiter
 * row; or a heading (an ATX "# " line set off by a blank line above and
 * no '#' line below, or a setext underline) with lists, **strong** text
 * or inline links.  A shell, make or Python file's "# comments" are not
 * headings: they come in runs.
 */
static int
looks_markdown(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *q, *lb, *next, *nn;
	size_t len, prevlen = 0, i;
	int head = 0, list = 0, emph = 0, link = 0, prevblank = 1, prevhash = 0;

	for (; p < end; p = next) {
		len = line_len(p, end, &next);
		if (len >= 3 && (strncmp(p, "```", 3) == 0 || strncmp(p, "~~~", 3) == 0))
			return 1;
		if (len >= 5 && p[0] == '|' && memmem(p, len, "---", 3) != NULL &&
		    strspn(p, "|-: ") >= len)
			return 1;
		for (i = 0; i < len && i < 6 && p[i] == '#'; i++)
			;
		if (i > 0 && i < len && p[i] == ' ' && prevblank && !prevhash &&
		    (next >= end || line_len(next, end, &nn) == 0 || *next != '#'))
			head++;
		if (len >= 3 && prevlen > 0 && !prevblank && (p[0] == '=' || p[0] == '-') &&
		    strspn(p, p[0] == '=' ? "=" : "-") == len)
			head++;
		if (len >= 2 && strchr("-*+", p[0]) && p[1] == ' ')
			list++;
		if ((lb = memchr(p, '[', len)) != NULL &&
		    (q = memmem(lb, len - (lb - p), "](", 2)) != NULL &&
		    memchr(q, ')', len - (q - p)) != NULL)
			link++;
		if ((q = memmem(p, len, "**", 2)) != NULL && q + 2 < p + len &&
		    q[2] != ' ' && memmem(q + 2, len - (q + 2 - p), "**", 2) != NULL)
			emph++;
		prevhash = len > 0 && p[0] == '#';
		prevblank = len == 0;
		prevlen = len;
	}
	return head > 0 && (list > 0 || emph > 0 || link > 0);
}

const char *
xmlfix_sniff(const char *s, size_t n, const char *root, char *buf,
    size_t bufsz)
{
	const unsigned char *u;
	size_t i, k, m;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	} else if (n >= 2 && (memcmp(s, "\xfe\xff", 2) == 0 ||
	    memcmp(s, "\xff\xfe", 2) == 0)) {
		return root && *root ? "application/xml" : "text/plain";
	}
	u = (const unsigned char *)s;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		if (n < sigs[i].len)
			continue;
		for (k = 0; k < sigs[i].len; k++) {
			unsigned char mk = sigs[i].mask ?
			    (unsigned char)sigs[i].mask[k] : 0xff;

			if ((u[k] & mk) != ((unsigned char)sigs[i].pat[k] & mk))
				break;
		}
		if (k == sigs[i].len)
			return sigs[i].type;
	}
	for (k = 0; k < n && is_space(u[k]); k++)
		;
	if (k == n)
		return NULL;	/* nothing but white space */
	if (u[k] == '<') {
		if (root && strcasecmp(root, "html") == 0)
			return "text/html";
		if (n - k >= 14 && strncasecmp(s + k, "<!doctype html", 14) == 0)
			return "text/html";
		/* Markdown may open with an HTML tag (an anchor, a logo) */
		if (looks_markdown(s + k, n - k))
			return "text/markdown";
		for (i = 0; html_starts[i]; i++) {
			m = strlen(html_starts[i]);
			if (n - k > m && strncasecmp(s + k, html_starts[i], m) == 0 &&
			    (u[k + m] == ' ' || u[k + m] == '>'))
				return "text/html";
		}
		if (root && *root) {
			snprintf(buf, bufsz, "application/xml (root element <%s>)",
			    root);
			return buf;
		}
		if (n - k >= 5 && strncmp(s + k, "<?xml", 5) == 0)
			return "application/xml";
	}
	if (json_start(s + k, n - k))
		return "application/json";
	for (i = 0; i < n; i++)
		if (is_binary_byte(u[i]))
			return "application/octet-stream";
	return looks_markdown(s + k, n - k) ? "text/markdown" : "text/plain";
}
