#!/usr/bin/env python3
"""sitecheck.py SITE: news-render's output checks for the tests.

- no active content: no script, iframe, object, embed, svg, math, form,
  base, style element, meta refresh, on* or style attribute, and no
  javascript:, vbscript: or data: URL (but data:image/{png,gif,jpeg,webp}
  in img src) in any page;
- every internal link (href, src) of every page resolves to a file;
- no element named xss-marker (what the XSS corpus would create).
Prints one line per problem and exits 1 when there is any.
"""
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

BAD_TAGS = {"script", "iframe", "frame", "object", "embed", "svg", "math",
            "form", "base", "style", "xss-marker", "applet", "noscript",
            "template", "button", "input", "textarea", "select"}
SAFE_DATA = re.compile(r"data:image/(png|gif|jpeg|webp)[;,]", re.I)


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag in BAD_TAGS:
            self.problems.append(f"<{tag}> element")
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh"
                                 for k, v in attrs):
            self.problems.append("meta refresh")
        for k, v in attrs:
            v = v or ""
            if k.startswith("on"):
                self.problems.append(f"<{tag} {k}=...>")
            if k == "style":
                self.problems.append(f"<{tag} style=...>")
            if k in ("href", "src", "action", "formaction", "cite", "poster", "srcset"):
                u = re.sub(r"[\x00-\x20]", "", v).lower()
                if u.startswith(("javascript:", "vbscript:")):
                    self.problems.append(f"<{tag} {k}={v[:40]}>")
                elif u.startswith("data:") and not (tag == "img" and k == "src"
                                                    and SAFE_DATA.match(u)):
                    self.problems.append(f"<{tag} {k}={v[:40]}>")
                elif k in ("href", "src"):
                    self.links.append(v)


def main(site):
    bad = 0
    nfiles = nlinks = 0
    for dirpath, _, files in os.walk(site):
        for f in files:
            if not f.endswith(".html"):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, site)
            p = Page()
            with open(path, encoding="utf-8") as fp:
                p.feed(fp.read())
            p.close()
            nfiles += 1
            for prob in p.problems:
                print(f"{rel}: {prob}")
                bad += 1
            if rel == "404.html":
                continue
            for link in p.links:
                u = urlsplit(link)
                if u.scheme or u.netloc or link.startswith("#"):
                    continue
                target = os.path.normpath(os.path.join(dirpath, unquote(u.path)))
                nlinks += 1
                if not os.path.realpath(target).startswith(os.path.realpath(site)):
                    print(f"{rel}: link {link} leaves the site")
                    bad += 1
                elif not os.path.isfile(target):
                    print(f"{rel}: link {link} does not resolve")
                    bad += 1
    print(f"# {nfiles} pages, {nlinks} internal links checked", file=sys.stderr)
    return 1 if bad or nfiles == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
