/* text.c: unit tests for lib/text.c (UTF-8, squeeze, entities, words) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"
#include "entities.h"

#define R "\xEF\xBF\xBD"	/* U+FFFD */

struct bytes {
	const char *in;
	size_t len;
	const char *want;
	size_t wantlen;
};
#define B(s) s, sizeof(s) - 1

/* Unicode ch. 3 / WHATWG: one U+FFFD per maximal subpart */
static const struct bytes repairs[] = {
	{ B(""), B("") },
	{ B("plain ascii"), B("plain ascii") },
	{ B("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
	  B("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") },
	/* Unicode 15, table 3-8 */
	{ B("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
	  B("a" R R R "b" R "c" R R "d") },
	{ B("\xF0\x80\x80"), B(R R R) },	/* 80 cannot follow F0 */
	{ B("\xF1\x80\x80"), B(R) },		/* truncated */
	{ B("\xC0\xAF"), B(R R) },		/* overlong '/' */
	{ B("\xC1\xBF"), B(R R) },
	{ B("\xE0\x80\xAF"), B(R R R) },	/* overlong */
	{ B("\xE0\x9F\xBF"), B(R R R) },
	{ B("\xF0\x8F\xBF\xBF"), B(R R R R) },	/* overlong */
	{ B("\xED\xA0\x80"), B(R R R) },	/* surrogate D800 */
	{ B("\xED\xBF\xBF"), B(R R R) },	/* surrogate DFFF */
	{ B("\xED\x9F\xBF"), B("\xED\x9F\xBF") },	/* U+D7FF */
	{ B("\xF4\x8F\xBF\xBF"), B("\xF4\x8F\xBF\xBF") },	/* U+10FFFF */
	{ B("\xF4\x90\x80\x80"), B(R R R R) },	/* U+110000 */
	{ B("\xF5\x80\x80\x80"), B(R R R R) },
	{ B("\xF8\x88\x80\x80\x80"), B(R R R R R) },
	{ B("\xFE\xFF"), B(R R) },
	{ B("\x80"), B(R) },
	{ B("\x80\xBF\x80"), B(R R R) },
	{ B("\xC2"), B(R) },
	{ B("\xC2\x41"), B(R "A") },
	{ B("\xE2\x82"), B(R) },
	{ B("\xE2\x82\x41"), B(R "A") },
	{ B("\xE1\x80\xC2"), B(R R) },
	{ B("\xF0\x9F\x98"), B(R) },
	{ B("\xF0\x9F\x98\x41"), B(R "A") },
	{ B("\xF0\x9F\x41"), B(R "A") },
	{ B("x\xEF\xBF\xBDy"), B("x" R "y") },	/* U+FFFD itself */
	{ B("a\0b"), B("a\0b") },		/* U+0000 is valid */
	{ B("0123456789abcdef\xFF" "0123456789"),
	  B("0123456789abcdef" R "0123456789") },
};

static const struct bytes squeezes[] = {
	{ B(""), B("") },
	{ B("   "), B("") },
	{ B("a"), B("a") },
	{ B("  a  b  "), B("a b") },
	{ B("\ta\n\nb\r\n\f\vc"), B("a b c") },
	{ B("a\xC2\xA0" "b"), B("a b") },		/* U+00A0 */
	{ B("a\xC2\x85" "b"), B("a b") },		/* U+0085 */
	{ B("a\xE1\x9A\x80" "b"), B("a b") },		/* U+1680 */
	{ B("a\xE2\x80\x80" "b"), B("a b") },		/* U+2000 */
	{ B("a\xE2\x80\x89" "b"), B("a b") },		/* U+2009 */
	{ B("a\xE2\x80\x8A" "b"), B("a b") },		/* U+200A */
	{ B("a\xE2\x80\xA8" "b"), B("a b") },		/* U+2028 */
	{ B("a\xE2\x80\xA9" "b"), B("a b") },		/* U+2029 */
	{ B("a\xE2\x80\xAF" "b"), B("a b") },		/* U+202F */
	{ B("a\xE2\x81\x9F" "b"), B("a b") },		/* U+205F */
	{ B("a\xE3\x80\x80" "b"), B("a b") },		/* U+3000 */
	{ B("\xC2\xA0 \xE3\x80\x80x\xE2\x80\x83 "), B("x") },
	{ B("a\xE2\x80\x8B" "b"), B("ab") },		/* ZWSP removed */
	{ B("a \xE2\x80\x8B b"), B("a b") },
	{ B("\xE2\x80\x8B"), B("") },
	{ B("Zei\xC2\xADtung"), B("Zeitung") },		/* soft hyphen */
	{ B("\xEF\xBB\xBFtitle"), B("title") },		/* BOM */
	{ B("a\xE2\x81\xA0" "b"), B("ab") },		/* U+2060 */
	{ B("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB"),
	  B("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB") },	/* ZWJ kept */
	{ B("caf\xC3\xA9  \xE6\x97\xA5\xE6\x9C\xAC"),
	  B("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC") },
	{ B("a\xFF  b"), B("a" R " b") },
	{ B("a\0b"), B("a" R "b") },
	{ B(" \xE2\x80 x"), B(R " x") },
};

struct str {
	const char *in;
	const char *want;
};

static const struct str unescapes[] = {
	{ "", "" },
	{ "no references", "no references" },
	{ "&amp;", "&" },
	{ "&lt;b&gt;", "<b>" },
	{ "&quot;&apos;", "\"'" },
	{ "caf&eacute;", "caf\xC3\xA9" },
	{ "caf&eacute", "caf\xC3\xA9" },		/* legacy, no ';' */
	{ "&eacutex", "\xC3\xA9x" },
	{ "&amp", "&" },
	{ "&ampx", "&x" },
	{ "&AMP;", "&" },
	{ "&Amp;", "&Amp;" },
	{ "&lt", "<" },
	{ "&ltx", "<x" },
	{ "&copy2024", "\xC2\xA9" "2024" },
	{ "&notit;", "\xC2\xAC" "it;" },		/* text-content rule */
	{ "&notin;", "\xE2\x88\x89" },
	{ "&not", "\xC2\xAC" },
	{ "&hellip;", "\xE2\x80\xA6" },
	{ "&hellip", "&hellip" },		/* not a legacy name */
	{ "&nbsp;x", "\xC2\xA0x" },
	{ "&NotEqualTilde;", "\xE2\x89\x82\xCC\xB8" },	/* two code points */
	{ "&nGt;", "\xE2\x89\xAB\xE2\x83\x92" },
	{ "&fjlig;", "fj" },
	{ "&CounterClockwiseContourIntegral;", "\xE2\x88\xB3" },
	{ "&ThickSpace;", "\xE2\x81\x9F\xE2\x80\x8A" },
	{ "&#x1F600;", "\xF0\x9F\x98\x80" },
	{ "&#128512;", "\xF0\x9F\x98\x80" },
	{ "&#X1f600;", "\xF0\x9F\x98\x80" },
	{ "&#65;&#x41;&#65", "AAA" },
	{ "&#65x", "Ax" },
	{ "&#x41g", "Ag" },
	{ "&#x00000041;", "A" },
	{ "&#0;", R },
	{ "&#x0;", R },
	{ "&#x80;", "\xE2\x82\xAC" },		/* windows-1252 */
	{ "&#150;", "\xE2\x80\x93" },
	{ "&#x9F;", "\xC5\xB8" },
	{ "&#x81;", "\xC2\x81" },		/* unmapped: kept */
	{ "&#xD800;", R },
	{ "&#xDFFF;", R },
	{ "&#x10FFFF;", "\xF4\x8F\xBF\xBF" },
	{ "&#x110000;", R },
	{ "&#99999999999999999999999;", R },
	{ "&#xFFFFFFFFFFFFFFFFFFFF;", R },
	{ "&#9;", "\t" },
	{ "&#x;", "&#x;" },
	{ "&#;", "&#;" },
	{ "&#", "&#" },
	{ "&#x", "&#x" },
	{ "&#xg;", "&#xg;" },
	{ "&bogus;", "&bogus;" },
	{ "&;", "&;" },
	{ "&", "&" },
	{ "a & b", "a & b" },
	{ "&&amp;&", "&&&" },
	{ "&amp;lt;", "&lt;" },			/* one pass only */
	{ "&am", "&am" },
	{ "AT&T", "AT&T" },
	{ "&ThisIsAVeryLongNameThatIsNoEntityAtAll;", "&ThisIsAVeryLongNameThatIsNoEntityAtAll;" },
	{ "\xFF&amp;", R "&" },			/* input repaired */
	{ "&eacute;\xC3", "\xC3\xA9" R },
};

static const struct str words_in[] = {
	{ "", "0" },
	{ "   ", "0" },
	{ "Hello, world!", "2" },
	{ "don't stop", "2" },
	{ "it\xE2\x80\x99s", "1" },
	{ "'quoted' words", "2" },
	{ "e-mail 3.14 1,000", "3" },
	{ "a -- b", "2" },
	{ "a\xE2\x80\x94" "b", "2" },		/* em dash */
	{ "C++ and C#", "3" },
	{ "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80", "2" },
	{ "\xC3\x9Cn\xC3\xAF" "c\xC3\xB6" "d\xC3\xA9 w\xC3\xB6rds", "2" },
	{ "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", "3" },	/* Han */
	{ "Hello \xE4\xB8\x96\xE7\x95\x8C", "3" },
	/* 日本語のテキスト: 3 Han, 1 Hiragana, 4 Katakana */
	{ "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86"
	  "\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88", "8" },
	{ "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82\xE5\xA5\xBD", "3" },	/* 中文。好 */
	{ "\xEC\x95\x88\xEB\x85\x95\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94 "
	  "\xEC\x84\xB8\xEA\xB3\x84", "2" },	/* Hangul */
	{ "\xF0\x9F\x98\x80 smile", "1" },
	{ "\xD9\xA1\xD9\xA2\xD9\xA3", "1" },	/* Arabic-Indic digits */
	{ "a\xFF" "b", "2" },
	{ "x\xC2\xA0y", "2" },
};

static void
test_repair(void)
{
	size_t i, n, olen;
	char *r;

	for (i = 0; i < sizeof(repairs) / sizeof(repairs[0]); i++) {
		const struct bytes *t = &repairs[i];
		r = news_utf8_repair(t->in, t->len, &olen);
		ok(olen == t->wantlen && memcmp(r, t->want, olen) == 0 &&
		    r[olen] == '\0', "repair %zu", i);
		ok(news_utf8_valid(r, olen), "repair %zu valid", i);
		is_int(news_utf8_valid(t->in, t->len),
		    t->len == t->wantlen && memcmp(t->in, t->want, t->len) == 0,
		    "valid %zu", i);
		free(r);
	}
	r = news_utf8_repair("ab", 2, NULL);
	is_str(r, "ab", "repair, outlen NULL");
	free(r);
	r = news_utf8_repair(NULL, 0, &olen);
	ok(r != NULL && *r == '\0' && olen == 0, "repair NULL, 0");
	free(r);
	r = news_html_unescape(NULL, 0);
	is_str(r, "", "unescape NULL");
	free(r);
	is_int(news_text_word_count(NULL, 0), 0, "word count NULL");
	n = news_utf8_valid_prefix("abc\xFF" "def", 7);
	is_int(n, 3, "valid prefix stops at the bad byte");
	is_int(news_utf8_valid_prefix("0123456789abcdef01\xC3", 19), 18,
	    "valid prefix, truncated after the fast path");
	is_int(news_utf8_valid_prefix("", 0), 0, "valid prefix, empty");
}

static void
test_codec(void)
{
	static const uint32_t cps[] = {
		0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xD7FF,
		0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF
	};
	char buf[4];
	uint32_t cp;
	size_t i;
	int n;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = news_utf8_encode(cps[i], buf);
		cp = 0xDEAD;
		ok(n > 0 && news_utf8_decode(buf, n, &cp) == n && cp == cps[i],
		    "encode/decode U+%04X", (unsigned)cps[i]);
		ok(n > 0 && news_utf8_decode(buf, n - 1, &cp) == (n == 1 ? 0 : 0),
		    "decode U+%04X truncated", (unsigned)cps[i]);
	}
	is_int(news_utf8_encode(0xD800, buf), 0, "encode surrogate");
	is_int(news_utf8_encode(0xDFFF, buf), 0, "encode surrogate DFFF");
	is_int(news_utf8_encode(0x110000, buf), 0, "encode > U+10FFFF");
	is_int(news_utf8_decode("\xC3\xA9z", 3, &cp), 2, "decode length");
	is_int(cp, 0xE9, "decode value");
	is_int(news_utf8_decode("\xC0\x80", 2, &cp), 0, "decode overlong");
	is_int(news_utf8_decode("\xED\xA0\x80", 3, &cp), 0, "decode surrogate");
	is_int(news_utf8_decode("", 0, &cp), 0, "decode empty");
}

static void
test_squeeze(void)
{
	size_t i;
	char *r;

	for (i = 0; i < sizeof(squeezes) / sizeof(squeezes[0]); i++) {
		r = news_text_squeeze(squeezes[i].in, squeezes[i].len);
		is_str(r, squeezes[i].want, "squeeze %zu", i);
		free(r);
	}
	r = news_text_squeeze(NULL, 0);
	is_str(r, "", "squeeze NULL");
	free(r);
}

static void
test_unescape(void)
{
	size_t i;
	char *r;

	for (i = 0; i < sizeof(unescapes) / sizeof(unescapes[0]); i++) {
		r = news_html_unescape(unescapes[i].in, strlen(unescapes[i].in));
		is_str(r, unescapes[i].want, "unescape %s", unescapes[i].in);
		free(r);
	}
	r = news_html_unescape("&amp;&lt;", 5);	/* len respected */
	is_str(r, "&", "unescape stops at len");
	free(r);
}

/* every entry of the generated table, through both entry points */
static void
test_entity_table(void)
{
	const struct news_entity *e;
	size_t i, bad = 0, unsorted = 0, n, len;
	char in[64];
	const char *v;
	char *r;

	is_int(NEWS_ENTITY_COUNT, 2231, "2231 HTML5 names");
	is_int(sizeof(news_entities) / sizeof(news_entities[0]),
	    NEWS_ENTITY_COUNT, "table size");
	for (i = 0; i < NEWS_ENTITY_COUNT; i++) {
		e = &news_entities[i];
		if (i > 0 && strcmp(news_entities[i - 1].name, e->name) >= 0)
			unsorted++;
		v = news_html_entity(e->name, e->namelen);
		if (v == NULL || strcmp(v, e->value) != 0)
			bad++;
		n = snprintf(in, sizeof(in), "&%s", e->name);
		r = news_html_unescape(in, n);
		len = strlen(r);
		if (len != e->valuelen || memcmp(r, e->value, len) != 0) {
			if (bad++ < 5)
				diag("unescape %s", in);
		}
		free(r);
	}
	is_int(unsorted, 0, "table sorted");
	is_int(bad, 0, "every name decodes");
	is_str(news_html_entity("eacute", 6), "\xC3\xA9", "entity eacute");
	is_str(news_html_entity("amp;", 4), "&", "entity amp;");
	is_str(news_html_entity("hellip", 6), "\xE2\x80\xA6", "entity hellip");
	is_str(news_html_entity("bogus", 5), NULL, "entity bogus");
	is_str(news_html_entity("notit", 5), NULL, "entity notit");
	is_str(news_html_entity("", 0), NULL, "entity empty");
	is_str(news_html_entity("CounterClockwiseContourIntegral", 31),
	    "\xE2\x88\xB3", "entity longest");
	is_str(news_html_entity("CounterClockwiseContourIntegralX", 32),
	    NULL, "entity too long");
}

/* news_strcasestr against glibc's strcasestr */
static void
test_strcasestr(void)
{
	static const char *const hay[] = {
		"", "a", "Display: None", "xx display:NONE yy", "ab", "aab",
		"class-Related-posts", "\xc3\x89t\xc3\xa9 PRINT", "printprint",
		"Printable", "sIdEbAr", "abc", "aaab", "zzz@[`{",
		"color:red;font-size:12px;margin:0 auto;DISPLAY:NONE",
		"width:100%;height:20px;display: none;padding:0;display:block",
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxprint",
		"abababababababababababababababababababab aab",
		"entry-content post-content single-content clearfix SIDEBAR-x"
	};
	static const char *const needle[] = {
		"", "a", "display: none", "display:none", "ab", "b", "related",
		"print", "\xc3\xa9", "\xc3\x89", "sidebar", "abcd", "aab", "@[`{",
		"A", "Z"
	};
	size_t i, j;
	int bad = 0;

	for (i = 0; i < sizeof(hay) / sizeof(hay[0]); i++)
		for (j = 0; j < sizeof(needle) / sizeof(needle[0]); j++)
			if (news_strcasestr(hay[i], needle[j]) !=
			    strcasestr(hay[i], needle[j])) {
				diag("news_strcasestr(\"%s\", \"%s\")", hay[i],
				    needle[j]);
				bad++;
			}
	ok(bad == 0, "news_strcasestr agrees with strcasestr on %zu pairs",
	    i * j);
	ok(news_strcasestr("a Display:none", "display:none") != NULL &&
	    news_strcasestr("a Display:non", "display:none") == NULL,
	    "news_strcasestr finds and misses");
}

/* news_text_for_terminal: no escape sequence reaches a terminal */
static void
test_terminal(void)
{
	static const struct bytes in[] = {
		{ B("plain, caf\xC3\xA9 \xE2\x82\xAC"),
		  B("plain, caf\xC3\xA9 \xE2\x82\xAC") },
		/* window title (OSC 0 ... BEL), colour (CSI), OSC 8 link */
		{ B("a\x1B]0;owned\x07" "b"), B("a]0;ownedb") },
		{ B("\x1B[31mred\x1B[0m"), B("[31mred[0m") },
		{ B("\x1B]8;;http://x/\x1B\\y\x1B]8;;\x1B\\"),
		  B("]8;;http://x/\\y]8;;\\") },
		/* C1 as characters: U+009B CSI, U+009D OSC, U+0085 NEL */
		{ B("a\xC2\x9B" "31mb\xC2\x9D" "c\xC2\x85" "d"),
		  B("a31mbcd") },
		/* C1 as raw bytes (invalid UTF-8): U+FFFD, never the byte */
		{ B("a\x9B" "31m\x85" "b"), B("a" R "31m" R "b") },
		/* tab kept, DEL, CR, BS, NUL, LF dropped (keepnl 0) */
		{ B("a\tb\x7F" "c\rd\be\0f\ng"), B("a\tbcdefg") },
		/* U+00A0 and U+00A9 are not C1 */
		{ B("\xC2\xA0\xC2\xA9"), B("\xC2\xA0\xC2\xA9") },
	};
	size_t i;
	char *r;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		r = news_text_for_terminal(in[i].in, in[i].len, 0);
		ok(strlen(r) == in[i].wantlen &&
		    memcmp(r, in[i].want, in[i].wantlen) == 0,
		    "for_terminal %zu", i);
		free(r);
	}
	r = news_text_for_terminal("a\nb\r\nc\x1B", 8, 1);
	is_str(r, "a\nb\nc", "for_terminal keeps newlines when asked");
	free(r);
	r = news_text_for_terminal(NULL, 0, 0);
	is_str(r, "", "for_terminal NULL is empty");
	free(r);
}

static void
test_words(void)
{
	size_t i;

	for (i = 0; i < sizeof(words_in) / sizeof(words_in[0]); i++)
		is_int(news_text_word_count(words_in[i].in,
		    strlen(words_in[i].in)), atoi(words_in[i].want),
		    "words %zu: %s", i, words_in[i].in);
}

int
main(void)
{
	test_repair();
	test_codec();
	test_squeeze();
	test_unescape();
	test_entity_table();
	test_words();
	test_strcasestr();
	test_terminal();
	return done_testing();
}
