/* Unit tests for lib/html.c: encoding detection and parsing. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "html.h"

#define RU "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xcd\xee\xe2\xee\xf1" \
	"\xf2\xe8 \xe4\xed\xff: \xef\xee\xe3\xee\xe4\xe0 \xf5\xee\xf0\xee" \
	"\xf8\xe0\xff."
#define KO "\xc7\xd1\xb1\xb9\xbe\xee \xb4\xba\xbd\xba \xb1\xe2\xbb\xe7" \
	"\xc0\xd4\xb4\xcf\xb4\xd9. \xbf\xc0\xb4\xc3 \xb3\xaf\xbe\xbe\xb0" \
	"\xa1 \xc1\xc1\xbd\xc0\xb4\xcf\xb4\xd9."
#define JA "\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd\x81\x41\x90\xa2\x8a" \
	"\x45\x81\x42\x8d\xa1\x93\xfa\x82\xcc\x83j\x83\x85\x81[\x83X\x82" \
	"\xc5\x82\xb7\x81\x42\x93V\x8b\x43\x82\xcd\x82\xa2\x82\xa2\x82\xc5" \
	"\x82\xb7\x81\x42"
#define EUCJP "\xa4\xb3\xa4\xf3\xa4\xcb\xa4\xc1\xa4\xcf\xa1\xa2\xc0\xa4" \
	"\xb3\xa6\xa1\xa3\xba\xa3\xc6\xfc\xa4\xce\xa5\xcb\xa5\xe5\xa1\xbc" \
	"\xa5\xb9\xa4\xc7\xa4\xb9\xa1\xa3"
#define ZH "\xd6\xd0\xce\xc4\xd0\xc2\xce\xc5\xb1\xa8\xb5\xc0\xa1\xa3\xbd" \
	"\xf1\xcc\xec\xcc\xec\xc6\xf8\xba\xdc\xba\xc3\xa3\xac\xce\xd2\xc3" \
	"\xc7\xc8\xa5\xb9\xab\xd4\xb0\xa1\xa3"
#define FR "Caf\xe9 \xe0 la cr\xe8me, d\xe9j\xe0 vu. \xdc\x62\x65r " \
	"stra\xdf\x65."

static const char *
cs(const char *page, const char *ct, const char **how)
{
	return news_html_charset(page, strlen(page), ct, how);
}

/* parse page and return the text of <p> (malloc'd) */
static char *
ptext(const char *page, const char *ct)
{
	htmlDocPtr doc = news_html_parse(page, strlen(page), ct, NULL, NULL);
	xmlNode *n;
	char *r = NULL;

	if (doc == NULL)
		return NULL;
	for (n = xmlDocGetRootElement(doc); n != NULL; ) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((char *)n->name, "p") == 0) {
			xmlChar *c = xmlNodeGetContent(n);

			r = strdup((char *)c);
			xmlFree(c);
			break;
		}
		if (n->children)
			n = n->children;
		else {
			while (n && !n->next)
				n = n->parent;
			if (n)
				n = n->next;
		}
	}
	xmlFreeDoc(doc);
	return r;
}

int
main(void)
{
	const char *how;
	char *s;

	is_str(cs("\xEF\xBB\xBF<p>x</p>", "text/html; charset=latin1", &how),
	    "UTF-8", "BOM wins");
	is_str(how, "bom", "how: bom");
	is_str(cs("<p>" FR "</p>", "text/html; charset=ISO-8859-1", &how),
	    "WINDOWS-1252", "content-type charset, latin1 as windows-1252");
	is_str(how, "content-type", "how: content-type");
	is_str(cs("<meta charset=\"windows-1251\"><p>" RU, NULL, &how),
	    "CP1251", "meta charset");
	is_str(how, "meta", "how: meta");
	is_str(cs("<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=Shift_JIS\">", NULL, NULL), "CP932", "http-equiv");
	is_str(cs("<?xml version=\"1.0\" encoding=\"euc-kr\"?><html>", NULL,
	    NULL), "CP949", "xml declaration");
	is_str(cs("<meta charset=iso-8859-1><p>caf\xc3\xa9</p>", NULL, NULL),
	    "UTF-8", "declared latin1 but valid UTF-8");
	is_str(cs("<meta charset=gb2312><p>\xe4\xb8\xad\xe6\x96\x87</p>",
	    NULL, NULL), "UTF-8", "declared gb2312 but valid UTF-8");
	ok(strcmp(cs("<meta charset=gb2312><p>\xd6\xd0\xce\xc4</p>", NULL,
	    NULL), "UTF-8") != 0, "declared gb2312 and GB2312 bytes: not UTF-8");
	is_str(cs("<p>plain ascii</p>", NULL, &how), "UTF-8", "ASCII");
	is_str(how, "guess", "how: guess");
	is_str(cs("<p>" RU RU "</p>", NULL, NULL), "CP1251",
	    "guess windows-1251");
	is_str(cs("<p>" FR "</p>", NULL, NULL), "WINDOWS-1252",
	    "guess windows-1252");
	is_str(cs("<p>" KO KO "</p>", NULL, NULL), "CP949", "guess EUC-KR");
	is_str(cs("<p>" JA JA "</p>", NULL, NULL), "CP932",
	    "guess Shift_JIS");
	is_str(cs("<p>" EUCJP EUCJP "</p>", NULL, NULL), "EUC-JP",
	    "guess EUC-JP");
	is_str(cs("<p>" ZH ZH "</p>", NULL, NULL), "GB18030", "guess GBK");
	is_str(cs("<html lang=\"ru\"><p>\xcf\xf0\xe8</p>", NULL, NULL),
	    "CP1251", "lang attribute helps");

	s = ptext("<meta charset=\"windows-1251\"><p>" RU "</p>", NULL);
	is_str(s, "Привет, мир! Новости дня: погода хорошая.",
	    "windows-1251 page parsed to UTF-8");
	free(s);
	s = ptext("<p>" KO "</p>", NULL);
	is_str(s, "한국어 뉴스 기사입니다. 오늘 날씨가 좋습니다.",
	    "EUC-KR page guessed and parsed");
	free(s);
	s = ptext("<p>" JA "</p>", NULL);
	is_str(s, "こんにちは、世界。今日のニュースです。天気はいいです。",
	    "Shift_JIS page guessed and parsed");
	free(s);
	s = ptext("<p>" ZH "</p>", "text/html; charset=gb2312");
	is_str(s, "中文新闻报道。今天天气很好，我们去公园。",
	    "gb2312 content-type");
	free(s);
	s = ptext("<meta charset=utf-8><p>bad \xff byte</p>", NULL);
	is_str(s, "bad \xef\xbf\xbd byte", "invalid UTF-8 repaired");
	free(s);
	s = ptext("<meta charset=x-no-such-thing><p>caf\xe9</p>", NULL);
	ok(s != NULL, "unknown charset label: still parsed");
	free(s);
	s = ptext("\xFF\xFE<\0p\0>\0h\0i\0<\0/\0p\0>\0", NULL);
	free(s);
	{
		static const char u16[] = "\xFF\xFE<\0p\0>\0h\0i\0<\0/\0p\0>\0";
		htmlDocPtr d = news_html_parse(u16, sizeof(u16) - 1, NULL,
		    NULL, NULL);
		xmlChar *c = d ? xmlNodeGetContent((xmlNode *)d) : NULL;

		is_str((char *)c, "hi", "UTF-16LE with BOM");
		xmlFree(c);
		xmlFreeDoc(d);
	}
	{
		static const char nul[] = "<p>before\0after</p><div>more</div>";
		static const char nul1252[] =
		    "<meta charset=windows-1252><p>caf\xe9\0ok</p><div>x</div>";
		htmlDocPtr d = news_html_parse(nul, sizeof(nul) - 1, NULL,
		    NULL, NULL);
		xmlChar *c = d ? xmlNodeGetContent((xmlNode *)d) : NULL;

		is_str((char *)c, "before aftermore",
		    "a NUL byte is a space, the page goes on");
		xmlFree(c);
		xmlFreeDoc(d);
		d = news_html_parse(nul1252, sizeof(nul1252) - 1, NULL, NULL,
		    NULL);
		c = d ? xmlNodeGetContent((xmlNode *)d) : NULL;
		is_str((char *)c, "caf\xc3\xa9 okx",
		    "a NUL byte in windows-1252 is a space too");
		xmlFree(c);
		xmlFreeDoc(d);
	}
	ok(news_html_parse("", 0, NULL, NULL, NULL) == NULL, "empty: NULL");
	return done_testing();
}
