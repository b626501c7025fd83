/*
 * html.c: HTML bytes to a libxml2 document with encoding detection
 * (html.h).
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "news.h"
#include "buf.h"
#include "html.h"
#include "text.h"

#define PRESCAN (16 * 1024)
#define SAMPLE (64 * 1024)

/* WHATWG-like label map: label, iconv name */
static const struct label {
	const char *label, *name;
} labels[] = {
	{ "ascii", "WINDOWS-1252" },
	{ "big5", "BIG5-HKSCS" },
	{ "big5-hkscs", "BIG5-HKSCS" },
	{ "cp1250", "CP1250" },
	{ "cp1251", "CP1251" },
	{ "cp1252", "WINDOWS-1252" },
	{ "cp866", "CP866" },
	{ "cp932", "CP932" },
	{ "cp936", "GB18030" },
	{ "cp949", "CP949" },
	{ "csshiftjis", "CP932" },
	{ "euc-jp", "EUC-JP" },
	{ "euc-kr", "CP949" },
	{ "gb18030", "GB18030" },
	{ "gb2312", "GB18030" },
	{ "gb_2312-80", "GB18030" },
	{ "gbk", "GB18030" },
	{ "iso-8859-1", "WINDOWS-1252" },
	{ "iso-8859-15", "ISO-8859-15" },
	{ "iso-8859-2", "ISO-8859-2" },
	{ "iso-8859-5", "ISO-8859-5" },
	{ "iso-8859-9", "WINDOWS-1254" },
	{ "iso8859-1", "WINDOWS-1252" },
	{ "koi8-r", "KOI8-R" },
	{ "koi8-u", "KOI8-U" },
	{ "ks_c_5601-1987", "CP949" },
	{ "latin1", "WINDOWS-1252" },
	{ "ms_kanji", "CP932" },
	{ "shift-jis", "CP932" },
	{ "shift_jis", "CP932" },
	{ "sjis", "CP932" },
	{ "tis-620", "CP874" },
	{ "unicode", "UTF-16LE" },
	{ "us-ascii", "WINDOWS-1252" },
	{ "utf-16", "UTF-16LE" },
	{ "utf-16be", "UTF-16BE" },
	{ "utf-16le", "UTF-16LE" },
	{ "utf-8", "UTF-8" },
	{ "utf8", "UTF-8" },
	{ "windows-1250", "CP1250" },
	{ "windows-1251", "CP1251" },
	{ "windows-1252", "WINDOWS-1252" },
	{ "windows-1253", "CP1253" },
	{ "windows-1254", "WINDOWS-1254" },
	{ "windows-1256", "CP1256" },
	{ "windows-31j", "CP932" },
	{ "windows-874", "CP874" },
	{ "x-gbk", "GB18030" },
	{ "x-sjis", "CP932" }
};

static int
cmplabel(const void *k, const void *e)
{
	return strcasecmp(k, ((const struct label *)e)->label);
}

/* map a label (len bytes) to an iconv name, or NULL when unusable */
static const char *
labelname(const char *s, size_t len)
{
	static char other[64];
	char key[64];
	const struct label *l;
	iconv_t cd;
	size_t i;

	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len >= sizeof(key))
		return NULL;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)s[i]) && strchr("-_.:", s[i]) == NULL)
			return NULL;
		key[i] = s[i];
	}
	key[len] = '\0';
	l = bsearch(key, labels, sizeof(labels) / sizeof(labels[0]),
	    sizeof(labels[0]), cmplabel);
	if (l != NULL)
		return l->name;
	cd = iconv_open("UTF-8", key);
	if (cd == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	for (i = 0; i <= len; i++)
		other[i] = (char)toupper((unsigned char)key[i]);
	return other;
}

/* find charset=VALUE in s[0..len); return the name or NULL */
static const char *
charsetparam(const char *s, size_t len)
{
	const char *p = s, *e = s + len, *v;

	while (p + 7 < e) {
		if (strncasecmp(p, "charset", 7) != 0) {
			p++;
			continue;
		}
		p += 7;
		while (p < e && isspace((unsigned char)*p))
			p++;
		if (p >= e || *p != '=')
			continue;
		p++;
		while (p < e && (isspace((unsigned char)*p) || *p == '"' ||
		    *p == '\''))
			p++;
		for (v = p; p < e && !isspace((unsigned char)*p) &&
		    *p != '"' && *p != '\'' && *p != ';' && *p != '>' &&
		    *p != '/'; p++)
			;
		return labelname(v, p - v);
	}
	return NULL;
}

static const char *
memcasemem(const char *h, size_t hl, const char *n)
{
	size_t nl = strlen(n), i;

	if (hl < nl)
		return NULL;
	for (i = 0; i + nl <= hl; i++)
		if (strncasecmp(h + i, n, nl) == 0)
			return h + i;
	return NULL;
}

/* <meta charset> / http-equiv / <?xml encoding?> in the prescan window */
static const char *
metacharset(const char *data, size_t len)
{
	const char *p = data, *e, *t, *name;

	if (len > PRESCAN)
		len = PRESCAN;
	e = data + len;
	if (len > 5 && strncmp(data, "<?xml", 5) == 0 &&
	    (t = memchr(data, '>', len)) != NULL) {
		const char *enc = memcasemem(data, t - data, "encoding");

		if (enc != NULL) {
			enc += 8;
			while (enc < t && (*enc == '=' || *enc == '"' ||
			    *enc == '\'' || *enc == ' '))
				enc++;
			for (p = enc; p < t && *p != '"' && *p != '\''; p++)
				;
			if ((name = labelname(enc, p - enc)) != NULL &&
			    strncmp(name, "UTF-16", 6) != 0)
				return name;
		}
		p = data;
	}
	while ((p = memchr(p, '<', e - p)) != NULL) {
		if (e - p > 5 && strncasecmp(p, "<meta", 5) == 0 &&
		    (isspace((unsigned char)p[5]) || p[5] == '/')) {
			t = memchr(p, '>', e - p);
			if (t == NULL)
				break;
			if ((name = charsetparam(p, t - p)) != NULL) {
				/* a page in UTF-16 cannot say so in ASCII */
				if (strncmp(name, "UTF-16", 6) == 0)
					name = "UTF-8";
				return name;
			}
			p = t;
		} else
			p++;
	}
	return NULL;
}

/* the lang attribute of <html> in the prescan window ("" if none) */
static void
htmllang(const char *data, size_t len, char *out, size_t outsz)
{
	const char *p, *t, *v;
	size_t i;

	*out = '\0';
	if (len > PRESCAN)
		len = PRESCAN;
	if ((p = memcasemem(data, len, "<html")) == NULL)
		return;
	if ((t = memchr(p, '>', data + len - p)) == NULL)
		return;
	if ((v = memcasemem(p, t - p, "lang=")) == NULL)
		return;
	v += 5;
	if (*v == '"' || *v == '\'')
		v++;
	for (i = 0; i + 1 < outsz && v < t && isalpha((unsigned char)*v);
	    v++, i++)
		out[i] = (char)tolower((unsigned char)*v);
	out[i] = '\0';
}

struct stats {
	size_t chars, errs, nonascii, kana, hangul, han, halfkana;
};

/* decode a sample strictly and count character classes */
static int
tryenc(const char *data, size_t len, const char *enc, struct stats *st)
{
	char *out;
	size_t outlen, i;
	uint32_t cp;
	int n;

	memset(st, 0, sizeof(*st));
	if (len > SAMPLE)
		len = SAMPLE;
	if ((out = news_html_to_utf8(data, len, enc, &outlen)) == NULL)
		return -1;
	for (i = 0; i < outlen; i += n) {
		if ((n = news_utf8_decode(out + i, outlen - i, &cp)) <= 0) {
			n = 1;
			continue;
		}
		st->chars++;
		if (cp < 0x80)
			continue;
		st->nonascii++;
		if (cp == 0xFFFD)
			st->errs++;
		else if (cp >= 0x3040 && cp <= 0x30FF)
			st->kana++;
		else if (cp >= 0xFF61 && cp <= 0xFF9F)
			st->halfkana++;
		else if (cp >= 0xAC00 && cp <= 0xD7A3)
			st->hangul++;
		else if (cp >= 0x4E00 && cp <= 0x9FFF)
			st->han++;
	}
	free(out);
	return 0;
}

/* windows-1251 text has runs of high bytes; windows-1252 isolated ones */
static const char *
singlebyte(const char *data, size_t len)
{
	size_t i, high = 0, runs = 0;
	const unsigned char *p = (const unsigned char *)data;

	if (len > SAMPLE)
		len = SAMPLE;
	for (i = 0; i < len; i++) {
		if (p[i] < 0x80)
			continue;
		high++;
		if ((i > 0 && p[i - 1] >= 0xC0) ||
		    (i + 1 < len && p[i + 1] >= 0xC0))
			runs++;
	}
	if (high > 0 && runs * 10 > high * 6)
		return "CP1251";
	return "WINDOWS-1252";
}

/* Korean puts spaces between words, Chinese does not */
static int
spaced(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i, high = 0, sp = 0;

	if (len > SAMPLE)
		len = SAMPLE;
	for (i = 1; i + 1 < len; i++) {
		if (p[i] >= 0x80)
			high++;
		else if (p[i] == ' ' && p[i - 1] >= 0x80 && p[i + 1] >= 0x80)
			sp++;
	}
	return sp * 40 > high;
}

static int
clean(const struct stats *st)
{
	return st->nonascii > 0 && st->errs * 100 <= st->nonascii;
}

static const char *
guess(const char *data, size_t len)
{
	struct stats st;
	char lang[8];

	htmllang(data, len, lang, sizeof(lang));
	if (strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0 ||
	    strcmp(lang, "bg") == 0 || strcmp(lang, "sr") == 0 ||
	    strcmp(lang, "be") == 0 || strcmp(lang, "mk") == 0)
		return "CP1251";
	if (strcmp(lang, "ko") == 0)
		return "CP949";
	if (strcmp(lang, "ja") == 0) {
		if (tryenc(data, len, "EUC-JP", &st) == 0 && clean(&st) &&
		    st.kana * 10 > st.nonascii)
			return "EUC-JP";
		return "CP932";
	}
	if (strcmp(lang, "zh") == 0)
		return "GB18030";
	if (tryenc(data, len, "EUC-KR", &st) == 0 && clean(&st) &&
	    st.hangul * 10 > st.nonascii * 4 && spaced(data, len))
		return "CP949";
	if (tryenc(data, len, "CP932", &st) == 0 && clean(&st) &&
	    st.kana * 100 > st.nonascii * 15)
		return "CP932";
	if (tryenc(data, len, "EUC-JP", &st) == 0 && clean(&st) &&
	    st.kana * 100 > st.nonascii * 15)
		return "EUC-JP";
	if (tryenc(data, len, "GB18030", &st) == 0 && clean(&st) &&
	    st.han * 10 > st.nonascii * 6)
		return "GB18030";
	return singlebyte(data, len);
}

/*
 * A declared legacy charset that valid UTF-8 with non-ASCII text is
 * better read as UTF-8: pages saved again as UTF-8 keep their old
 * declaration, and legacy text is almost never valid UTF-8 by chance.
 */
static int
legacy(const char *name)
{
	return strncmp(name, "UTF-", 4) != 0 && strncmp(name, "UCS-", 4) != 0;
}

static int
hashigh(const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)data[i] >= 0x80)
			return 1;
	return 0;
}

const char *
news_html_charset(const char *data, size_t len, const char *content_type,
    const char **how)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *name, *dummy;

	if (how == NULL)
		how = &dummy;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*how = "bom";
		return "UTF-8";
	}
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*how = "bom";
		return "UTF-16LE";
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*how = "bom";
		return "UTF-16BE";
	}
	name = NULL;
	if (content_type != NULL &&
	    (name = charsetparam(content_type, strlen(content_type))) != NULL)
		*how = "content-type";
	else if ((name = metacharset(data, len)) != NULL)
		*how = "meta";
	if (name != NULL) {
		if (legacy(name) && hashigh(data, len) &&
		    news_utf8_valid(data, len))
			return "UTF-8";
		return name;
	}
	*how = "guess";
	if (news_utf8_valid(data, len))
		return "UTF-8";
	return guess(data, len);
}

char *
news_html_to_utf8(const char *data, size_t len, const char *charset,
    size_t *outlen)
{
	struct news_buf b = NEWS_BUF_INIT;
	char *in = (char *)data, *out;
	size_t inleft = len, outleft, r;
	iconv_t cd;

	if (strcmp(charset, "UTF-8") == 0)
		return news_utf8_repair(data, len, outlen);
	if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1)
		return NULL;
	news_buf_grow(&b, len + len / 2 + 16);
	while (inleft > 0) {
		news_buf_grow(&b, inleft * 2 + 16);
		out = b.s + b.len;
		outleft = b.cap - b.len - 1;
		r = iconv(cd, &in, &inleft, &out, &outleft);
		b.len = out - b.s;
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL (truncated at the end): U+FFFD, skip */
		news_buf_adds(&b, "\xEF\xBF\xBD");
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* flush a shift state */
	news_buf_grow(&b, 16);
	out = b.s + b.len;
	outleft = 16;
	iconv(cd, NULL, NULL, &out, &outleft);
	b.len = out - b.s;
	b.s[b.len] = '\0';
	iconv_close(cd);
	if (outlen != NULL)
		*outlen = b.len;
	/* iconv may pass through bytes we do not trust: check */
	if (!news_utf8_valid(b.s, b.len)) {
		char *fixed = news_utf8_repair(b.s, b.len, outlen);

		free(b.s);
		return fixed;
	}
	return b.s;
}

htmlDocPtr
news_html_parse(const char *data, size_t len, const char *content_type,
    const char *url, const char **charset)
{
	return news_html_parse_deep(data, len, content_type, url, charset, NULL);
}

htmlDocPtr
news_html_parse_deep(const char *data, size_t len, const char *content_type,
    const char *url, const char **charset, int *too_deep)
{
	const char *cs;
	char *conv = NULL;
	size_t clen;
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;
	int opts;

	if (charset != NULL)
		*charset = NULL;
	if (too_deep != NULL)
		*too_deep = 0;
	if (data == NULL || len == 0 || len > NEWS_HTML_MAX)
		return NULL;
	cs = news_html_charset(data, len, content_type, NULL);
	if (charset != NULL)
		*charset = cs;
	if (strcmp(cs, "UTF-8") == 0 && news_utf8_valid(data, len)) {
		clen = len;
		if (clen >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
			data += 3;
			clen -= 3;
		}
	} else {
		conv = news_html_to_utf8(data, len, cs, &clen);
		if (conv == NULL) {
			conv = news_utf8_repair(data, len, &clen);
			if (charset != NULL)
				*charset = "UTF-8";
		}
		data = conv;
	}
	if (clen > (size_t)0x7fffffff) {
		free(conv);
		return NULL;
	}
	/* libxml2 stops at a NUL: in UTF-8 it is a stray byte, a space */
	if (memchr(data, '\0', clen) != NULL) {
		char *p;

		if (conv == NULL) {
			conv = news_xmalloc(clen + 1);
			memcpy(conv, data, clen);
			conv[clen] = '\0';
			data = conv;
		}
		for (p = conv; (p = memchr(p, '\0', clen - (p - conv))) != NULL;)
			*p = ' ';
	}
	opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
	if ((ctxt = htmlNewParserCtxt()) == NULL) {
		free(conv);
		return NULL;
	}
	doc = htmlCtxtReadMemory(ctxt, clen ? data : " ", clen ? (int)clen : 1,
	    url, "UTF-8", opts);
	/*
	 * libxml2 stops reading at its nesting limit (xmlParserMaxDepth,
	 * 256, kept: no XML_PARSE_HUGE) and keeps what came before: say so,
	 * so that a tool can tell why text is missing.
	 */
	if (too_deep != NULL && doc != NULL &&
	    ctxt->lastError.code == XML_ERR_INTERNAL_ERROR &&
	    ctxt->lastError.message != NULL &&
	    strstr(ctxt->lastError.message, "depth") != NULL)
		*too_deep = 1;
	htmlFreeParserCtxt(ctxt);
	free(conv);
	return doc;
}

const char *
news_html_too_deep_msg(void)
{
	static char msg[128];

	if (msg[0] == '\0')
		snprintf(msg, sizeof(msg), "elements nested deeper than the "
		    "parser's limit of %u: what lies deeper was not read",
		    xmlParserMaxDepth);
	return msg;
}

const char *
news_html_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (a->name != NULL && a->name[0] == (unsigned char)name[0] &&
		    strcmp((const char *)a->name, name) == 0) {
			if (a->children != NULL && a->children->content != NULL)
				return (const char *)a->children->content;
			return "";
		}
	return NULL;
}

htmlDocPtr
news_html_parse_fragment(const char *fragment, size_t len)
{
	htmlDocPtr doc;
	char *fixed = NULL;
	int opts;

	if (fragment == NULL || len == 0 || len > (size_t)0x7fffffff)
		return NULL;
	if (!news_utf8_valid(fragment, len)) {
		fixed = news_utf8_repair(fragment, len, &len);
		fragment = fixed;
	}
	opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
	doc = htmlReadMemory(fragment, (int)len, NULL, "UTF-8", opts);
	free(fixed);
	return doc;
}
