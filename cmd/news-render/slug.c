/*
 * slug.c: ASCII slugs for titles, tags and names, and safe output paths.
 *
 * Latin letters with diacritics, Cyrillic and Greek are transliterated;
 * letters of other scripts are kept as UTF-8 (their links are
 * percent-encoded by slug_url_path); everything else separates words.
 * A slug never holds '/', '.', '%', a control or a space, so no title can
 * reach outside the output directory, and it is never a name Windows
 * reserves for a device (con, com1, ...: those get a '_', which no other
 * slug holds), so the site can be copied to and served from Windows.
 */
#include <string.h>

#include "hash.h"
#include "news.h"
#include "text.h"
#include "render.h"

/* U+0100..U+017F to lower-case ASCII: 'J' is "ij", 'O' is "oe" */
static const char latin_ext_a[] =
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiJJjjkkklllllll"
    "lllnnnnnnnnnoooo" "ooOOrrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

/* U+00C0..U+00FF; '-' separates, 'A' "ae", 'T' "th", 'S' "ss" */
static const char latin1[] =
    "aaaaaaAceeeeiiii" "dnooooo-ouuuuyTS" "aaaaaaAceeeeiiii" "dnooooo-ouuuuyTy";

/* U+0410..U+042F (and U+0430..U+044F) */
static const char *const cyrillic[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m",
	"n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
	"shch", "", "y", "", "e", "yu", "ya"
};

/* U+0391..U+03A9 (and U+03B1..U+03C9); U+03A2 is final sigma below */
static const char *const greek[25] = {
	"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
	"x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"
};

/*
 * The ASCII for code point cp: a string (possibly "" to drop it), or NULL
 * when cp separates words, or keep when cp is a letter of another script
 * to keep as it is.
 */
static const char keep[] = "";

static const char *
translit_cp(uint32_t cp, char tmp[3])
{
	char c;

	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			tmp[0] = (char)cp;
			tmp[1] = '\0';
			return tmp;
		}
		if (cp >= 'A' && cp <= 'Z') {
			tmp[0] = (char)(cp - 'A' + 'a');
			tmp[1] = '\0';
			return tmp;
		}
		if (cp == '\'')
			return "";	/* don't -> dont */
		return NULL;
	}
	if (cp < 0xC0)
		return NULL;
	if (cp < 0x100 || (cp >= 0x100 && cp < 0x180)) {
		c = cp < 0x100 ? latin1[cp - 0xC0] : latin_ext_a[cp - 0x100];
		switch (c) {
		case '-': return NULL;
		case 'A': return "ae";
		case 'T': return "th";
		case 'S': return "ss";
		case 'J': return "ij";
		case 'O': return "oe";
		}
		tmp[0] = c;
		tmp[1] = '\0';
		return tmp;
	}
	if (cp >= 0x218 && cp <= 0x21B)
		return cp < 0x21A ? "s" : "t";
	if (cp >= 0x300 && cp <= 0x36F)
		return "";	/* combining marks */
	if (cp >= 0x391 && cp <= 0x3A9)
		return greek[cp - 0x391];
	if (cp >= 0x3B1 && cp <= 0x3C9)
		return greek[cp - 0x3B1];
	switch (cp) {
	case 0x386: case 0x3AC: return "a";
	case 0x388: case 0x3AD: return "e";
	case 0x389: case 0x3AE: case 0x38A: case 0x3AF: case 0x3CA:
		return "i";
	case 0x38C: case 0x3CC: case 0x38F: case 0x3CE: return "o";
	case 0x38E: case 0x3CD: case 0x3CB: return "y";
	case 0x401: case 0x451: return "yo";
	case 0x404: case 0x454: return "ye";
	case 0x406: case 0x456: return "i";
	case 0x407: case 0x457: return "yi";
	case 0x40E: case 0x45E: return "u";
	case 0x490: case 0x491: return "g";
	}
	if (cp >= 0x410 && cp <= 0x42F)
		return cyrillic[cp - 0x410];
	if (cp >= 0x430 && cp <= 0x44F)
		return cyrillic[cp - 0x430];
	if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp >= 0xE0000)
		return "";	/* invisible: zero width, bidi, selectors */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFE10 && cp <= 0xFE6F) ||
	    (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	    cp >= 0xFFF0 || (cp >= 0x1F000 && cp <= 0x1FBFF) ||
	    cp == 0x37E || cp == 0x387 || cp == 0x5BE ||
	    (cp >= 0x600 && cp <= 0x60F) || cp == 0x61F || cp == 0x6D4 ||
	    cp == 0x964 || cp == 0x965 || cp == 0xE3F)
		return NULL;	/* punctuation, symbols, emoji, spaces */
	return keep;
}

/* con, prn, aux, nul, com0-9, lpt0-9: Windows devices, whatever the
 * case and the extension ("nul.html" is the device too) */
static int
reserved(const char *s)
{
	static const char *const dev[] = { "con", "prn", "aux", "nul" };
	size_t i;

	for (i = 0; i < sizeof dev / sizeof dev[0]; i++)
		if (strcmp(s, dev[i]) == 0)
			return 1;
	return (strncmp(s, "com", 3) == 0 || strncmp(s, "lpt", 3) == 0) &&
	    s[3] >= '0' && s[3] <= '9' && s[4] == '\0';
}

char *
slug_make(const char *s, size_t max, const char *fallback)
{
	struct news_buf b = NEWS_BUF_INIT;
	size_t len, i = 0, lastsep = 0;
	uint32_t cp;
	const char *t;
	char tmp[3];
	int n, sep = 0;

	len = s ? strlen(s) : 0;
	while (i < len && b.len < max) {
		n = news_utf8_decode(s + i, len - i, &cp);
		if (n <= 0) {
			i++;
			sep = 1;
			continue;
		}
		t = translit_cp(cp, tmp);
		if (t == NULL) {
			sep = 1;
		} else if (t == keep || *t != '\0') {
			size_t add = t == keep ? (size_t)n : strlen(t);

			if (sep && b.len > 0) {
				if (b.len + 1 + add > max)
					break;
				lastsep = b.len;
				news_buf_addc(&b, '-');
			}
			sep = 0;
			if (b.len + add > max) {
				if (lastsep > 0)
					b.len = lastsep;
				break;
			}
			if (t == keep)
				news_buf_add(&b, s + i, (size_t)n);
			else
				news_buf_adds(&b, t);
		}
		i += (size_t)n;
	}
	if (b.len == 0) {
		news_buf_free(&b);
		return slug_make(fallback && *fallback ? fallback : "item",
		    max, "item");
	}
	b.s[b.len] = '\0';
	if (reserved(b.s))
		news_buf_addc(&b, '_');
	return news_buf_take(&b);
}

static int
url_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~' || c == '/';
}

void
slug_url_path(struct news_buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path, *run;
	char esc[3];

	while (*p) {
		for (run = p; *p && url_safe(*p); p++)
			;
		news_buf_add(b, run, (size_t)(p - run));
		if (*p) {
			esc[0] = '%';
			esc[1] = hex[*p >> 4];
			esc[2] = hex[*p & 15];
			news_buf_add(b, esc, 3);
			p++;
		}
	}
}

int
slug_path_safe(const char *path)
{
	const char *p = path, *seg;

	if (*p == '\0' || *p == '/')
		return 0;
	for (;;) {
		seg = p;
		while (*p != '\0' && *p != '/') {
			if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
				return 0;
			p++;
		}
		if (p == seg || (p - seg == 1 && seg[0] == '.') ||
		    (p - seg == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		if (*p == '\0')
			return 1;
		p++;
	}
}

uint64_t
slug_hash(const char *s, size_t len)
{
	return news_hash(s, len, NEWS_HASH_INIT);
}

uint64_t
slug_hash_more(uint64_t h, const char *s)
{
	if (s == NULL) {
		h ^= 0xfe;
		return h * NEWS_HASH_PRIME;
	}
	h = news_hash(s, strlen(s), h);
	h ^= 0xff;
	return h * NEWS_HASH_PRIME;
}
