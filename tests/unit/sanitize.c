/* Unit tests for lib/sanitize.c: the allowlist and XSS vectors. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "sanitize.h"

#define BASE "https://example.org/news/a.html"

static char *
san(const char *in, int flags)
{
	return news_sanitize_html(in, strlen(in), BASE, flags);
}

static void
t(const char *in, const char *want, const char *name)
{
	char *got = san(in, 0);

	is_str(got, want, "%s", name);
	free(got);
}

/* the output must not contain needle (case-insensitive) */
static void
safe(const char *in, const char *name)
{
	static const char *const bad[] = {
		"<script", "javascript:", "onerror", "onload", "onclick",
		"<iframe", "<svg", "<style", "style=", "vbscript:", "<object",
		"<embed", "<form", "<math", "expression(", "<base",
		"<meta", "<link", "srcdoc", "formaction", "data:text"
	};
	char *got = san(in, NEWS_SANITIZE_NOFOLLOW);
	size_t i;
	int clean = 1;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strcasestr(got, bad[i]) != NULL) {
			diag("found %s in %s", bad[i], got);
			clean = 0;
		}
	ok(clean, "xss: %s", name);
	free(got);
}

int
main(void)
{
	char *s;

	t("<p>Hello <b>world</b></p>", "<p>Hello <strong>world</strong></p>",
	    "b becomes strong");
	t("<h1>Title</h1><p>x <i>y</i></p>",
	    "<h2>Title</h2>\n<p>x <em>y</em></p>", "h1 becomes h2, i em");
	t("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>",
	    "script dropped with content");
	t("<p>a<style>p{}</style>b</p>", "<p>ab</p>", "style dropped");
	t("<span>one</span> <font>two</font>", "one two",
	    "unknown inline elements unwrapped");
	t("<div><span>only inline</span></div>", "<p>only inline</p>",
	    "inline-only div becomes p");
	t("<div><p>a</p><p>b</p></div>", "<p>a</p>\n<p>b</p>",
	    "div with blocks unwrapped");
	t("<p>x<!-- secret --></p>", "<p>x</p>", "comments dropped");
	t("<a href=\"/b.html\">rel</a>",
	    "<a href=\"https://example.org/b.html\">rel</a>",
	    "relative href resolved");
	t("<p><a href=\"javascript:alert(1)\">x</a></p>", "<p>x</p>",
	    "javascript link unwrapped");
	t("<p><a href=\"ftp://h/x\">x</a></p>", "<p>x</p>",
	    "ftp link unwrapped");
	t("<p><img src=\"i.png\" alt=\"A\" width=\"10\" height=\"2x\" "
	    "onerror=\"alert(1)\"></p>",
	    "<p><img src=\"https://example.org/news/i.png\" alt=\"A\" "
	    "width=\"10\"></p>", "img attributes filtered");
	t("<p><img src=\"data:image/png;base64,AAAA\"></p>",
	    "<p><img src=\"data:image/png;base64,AAAA\"></p>",
	    "data:image/png kept");
	t("<p><img src=\" \tdata:image/jpeg;base64,/9j/\"></p>",
	    "<p><img src=\"data:image/jpeg;base64,/9j/\"></p>",
	    "data:image/jpeg kept without the spaces before it");
	t("<p><img src=\"DATA:imAge/PNG;Base64,AbC\"></p>",
	    "<p><img src=\"data:image/png;Base64,AbC\"></p>",
	    "data:image/png in lower case, its data as it was");
	t("<p><img src=\"data:image/svg+xml;base64,AAAA\">x</p>", "<p>x</p>",
	    "data svg image dropped");
	t("<p><img src=\"data:image/gif;base64,R0\" data-src=\"/real.jpg\">"
	    "</p>", "<p><img src=\"https://example.org/real.jpg\"></p>",
	    "lazy image source");
	t("<table><tr><td colspan=\"2\" style=\"x\">a</td></tr></table>",
	    "<table>\n<tr>\n<td colspan=\"2\">a</td>\n</tr>\n</table>", "table kept, colspan kept, style dropped");
	t("<p></p><p> </p><p><span></span></p><p>x</p>", "<p>x</p>",
	    "empty elements dropped");
	t("<pre>a\n  b</pre>", "<pre>a\n  b</pre>", "pre keeps white space");
	t("<p>a   b\n\tc</p>", "<p>a b c</p>", "white space collapsed");
	t("<p>1 &lt; 2 &amp; 3</p>", "<p>1 &lt; 2 &amp; 3</p>",
	    "text escaped");
	t("<p><time datetime=\"2025-12-13\" class=\"x\">Dec</time></p>",
	    "<p><time datetime=\"2025-12-13\">Dec</time></p>",
	    "time datetime kept");
	t("<form><p>in form</p></form><p>after</p>", "<p>after</p>",
	    "form dropped with content");
	t("", "", "empty input");
	t("<p>caf\xc3\xa9 \xff</p>", "<p>caf\xc3\xa9 \xef\xbf\xbd</p>",
	    "invalid UTF-8 repaired");

	s = san("<p><a href=\"https://other.net/x\">o</a> "
	    "<a href=\"/in\">i</a></p>", NEWS_SANITIZE_NOFOLLOW);
	is_str(s, "<p><a href=\"https://other.net/x\" "
	    "rel=\"nofollow noopener\">o</a> "
	    "<a href=\"https://example.org/in\">i</a></p>",
	    "nofollow on external links only");
	free(s);
	s = news_sanitize_html("<p><a href=\"/x\">r</a></p>", 24, NULL, 0);
	is_str(s, "<p>r</p>", "relative link without base unwrapped");
	free(s);

	/* XSS vectors (after the OWASP filter evasion cheat sheet) */
	safe("<script>alert('XSS')</script>", "script");
	safe("<IMG SRC=\"javascript:alert('XSS');\">", "img javascript");
	safe("<IMG SRC=JaVaScRiPt:alert('XSS')>", "mixed case");
	safe("<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;"
	    "&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;"
	    "&#83;&#39;&#41;>", "entity-encoded javascript");
	safe("<IMG SRC=\"jav\tascript:alert('XSS');\">", "embedded tab");
	safe("<a href=\" &#14;  javascript:alert('XSS');\">x</a>",
	    "leading control");
	safe("<img src=x onerror=alert(1)>", "onerror");
	safe("<body onload=alert('XSS')><p>x</p>", "body onload");
	safe("<svg/onload=alert('XSS')>", "svg onload");
	safe("<iframe src=\"javascript:alert(1)\"></iframe>", "iframe");
	safe("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
	    "srcdoc");
	safe("<div style=\"background:url(javascript:alert(1))\">x</div>",
	    "style url");
	safe("<p style=\"width: expression(alert('XSS'));\">x</p>",
	    "style expression");
	safe("<object data=\"javascript:alert(1)\"></object>", "object");
	safe("<embed src=\"data:text/html;base64,PHNjcmlwdD4=\">", "embed");
	safe("<math><mtext><table><mglyph><style><img src=x "
	    "onerror=alert(1)>", "mXSS math/style");
	safe("<form><button formaction=javascript:alert(1)>x</button></form>",
	    "formaction");
	safe("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
	    "data: link");
	safe("<a href=\"vbscript:msgbox(1)\">x</a>", "vbscript");
	safe("<base href=\"javascript:alert(1)//\"><a href=\"/x\">x</a>",
	    "base");
	safe("<meta http-equiv=\"refresh\" content=\"0;url=javascript:"
	    "alert(1)\">", "meta refresh");
	safe("<link rel=stylesheet href=\"javascript:alert(1)\">", "link");
	safe("<scr<script>ipt>alert(1)</script>", "split script");
	safe("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>"
	    "\">", "noscript mXSS");
	safe("<p><a href=\"https://ok.example/\" onclick=\"alert(1)\">x</a>",
	    "onclick on a good link");
	safe("<<SCRIPT>alert(\"XSS\");//<</SCRIPT>", "double open");
	safe("<table background=\"javascript:alert(1)\"><tr><td>x</td></tr>"
	    "</table>", "table background");
	safe("<img src=\"x\" alt=\"\\\" onerror=alert(1)\">", "alt quote");
	s = san("<img src=x alt='\"><script>alert(1)</script>'>", 0);
	ok(strstr(s, "&quot;&gt;&lt;script") != NULL,
	    "quotes in attributes escaped");
	free(s);
	return done_testing();
}
