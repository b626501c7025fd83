#!/usr/bin/env python3
"""make-corpus.py: write examples/feeds/*.xml, examples/pages/**.html and
examples/sources.txt from articles.py (run from anywhere; rewrites them).
The pages look like real news sites: menus, cookie banners, sidebars with
related and most-read posts, share links, footers."""
import html
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from articles import ARTICLES, OUTLETS, RELATED  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
E = html.escape


def rfc822(d):
    import datetime
    t = datetime.datetime.strptime(d, "%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%a, %d %b %Y %H:%M:%S +0000")


def page(o, a, siblings):
    out = OUTLETS[o]
    _, slug, date, author, cat, title, paras = a
    canon = f"https://{out['host']}/{slug}"
    rel = RELATED.get(slug) or [s[1] for s in siblings if s[1] != slug][:3]
    bytitle = {s[1]: s[5] for s in siblings}
    menu = "\n".join(f'      <li><a href="/{m.lower().replace(" ", "-")}/">{E(m)}</a></li>'
                     for m in out["menu"])
    related = "\n".join(f'        <li><a href="{r}.html">{E(bytitle[r])}</a></li>'
                        for r in rel if r in bytitle)
    mostread = "\n".join(f'        <li><a href="{s[1]}.html">{E(s[5])}</a></li>'
                         for s in siblings[::-1][:4])
    body = "\n".join(f"      <p>{E(p)}</p>" for p in paras)
    agg = ""
    if out.get("aggregator"):
        agg = """
    <aside class="partner-feed" aria-label="From our partners">
      <h3>From around the web</h3>
      <ul>
        <li><a href="https://ads.example/click?id=1">You won't believe these river views</a></li>
        <li><a href="https://ads.example/click?id=2">Ten cheap flights to Asia this winter</a></li>
      </ul>
    </aside>"""
    return f"""<!DOCTYPE html>
<html lang="{out['lang']}">
<head>
  <meta charset="utf-8">
  <title>{E(title)} | {E(out['name'])}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{E(paras[0])}">
  <meta name="author" content="{E(author)}">
  <meta property="og:site_name" content="{E(out['name'])}">
  <meta property="og:title" content="{E(title)}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="{date}">
  <meta property="article:section" content="{E(cat)}">
  <link rel="canonical" href="{canon}">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; function track(){{}}</script>
</head>
<body class="article-page">
  <div class="cookie-banner" role="dialog">We use cookies to improve your experience.
    <button>Accept all</button> <a href="/privacy">Settings</a></div>
  <header class="masthead">
    <a class="logo" href="/">{E(out['name'])}</a>
    <p class="tagline">{E(out['tagline'])}</p>
    <nav class="main-menu"><ul>
{menu}
      <li><a href="/subscribe">Subscribe</a></li>
    </ul></nav>
  </header>
  <div class="layout">
  <main>
    <article>
      <p class="section"><a href="/{cat.lower()}/">{E(cat)}</a></p>
      <h1>{E(title)}</h1>
      <p class="byline">By <span class="author">{E(author)}</span> ·
        <time datetime="{date}">{date[:10]}</time></p>
      <div class="share"><a href="https://social.example/share?u={canon}">Share</a>
        <a href="mailto:?subject={E(title)}">Email</a></div>
      <div class="article-body">
{body}
      </div>
      <p class="tags">Filed under: <a href="/{cat.lower()}/">{E(cat)}</a></p>
    </article>
    <section class="related-posts">
      <h2>Related posts</h2>
      <ul>
{related}
      </ul>
    </section>
  </main>
  <aside class="sidebar">
    <section class="most-read">
      <h2>Most read</h2>
      <ol>
{mostread}
      </ol>
    </section>
    <section class="newsletter"><h2>Newsletter</h2>
      <p>Get the day's stories in your inbox.</p>
      <form action="/subscribe"><input type="email" name="e"><button>Sign up</button></form>
    </section>{agg}
  </aside>
  </div>
  <footer class="site-footer">
    <p>&copy; 2025 {E(out['name'])}. All rights reserved.</p>
    <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
      <li><a href="/privacy">Privacy</a></li></ul>
  </footer>
</body>
</html>
"""


def rss(o, items):
    out = OUTLETS[o]
    its = "\n".join(f"""    <item>
      <title>{E(a[5])}</title>
      <link>../pages/{o}/{a[1]}.html</link>
      <guid isPermaLink="false">{out['host']}:{a[1]}</guid>
      <pubDate>{rfc822(a[2])}</pubDate>
      <dc:creator>{E(a[3])}</dc:creator>
      <category>{E(a[4])}</category>
      <description>{E(a[6][0])}</description>
    </item>""" for a in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{E(out['name'])}</title>
    <description>{E(out['tagline'])}</description>
    <language>{out['lang']}</language>
{its}
  </channel>
</rss>
"""


def atom(o, items):
    out = OUTLETS[o]
    newest = max(a[2] for a in items)
    ents = "\n".join(f"""  <entry>
    <title>{E(a[5])}</title>
    <link rel="alternate" href="../pages/{o}/{a[1]}.html"/>
    <id>tag:{out['host']},2025:{a[1]}</id>
    <published>{a[2]}</published>
    <updated>{a[2]}</updated>
    <author><name>{E(a[3])}</name></author>
    <category term="{E(a[4])}"/>
    <summary>{E(a[6][0])}</summary>
  </entry>""" for a in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{out['lang']}">
  <title>{E(out['name'])}</title>
  <subtitle>{E(out['tagline'])}</subtitle>
  <id>https://{out['host']}/</id>
  <updated>{newest}</updated>
{ents}
</feed>
"""


def main():
    os.makedirs(os.path.join(TOP, "feeds"), exist_ok=True)
    sources = ["# The demo's feeds, as paths relative to examples/.  examples/demo.sh\n"
               "# serves examples/ on a loopback port and fetches them from there.\n"]
    for o in OUTLETS:
        items = sorted([a for a in ARTICLES if a[0] == o], key=lambda a: a[2])
        d = os.path.join(TOP, "pages", o)
        os.makedirs(d, exist_ok=True)
        for a in items:
            with open(os.path.join(d, a[1] + ".html"), "w") as f:
                f.write(page(o, a, items))
        feed = rss(o, items[::-1]) if OUTLETS[o]["kind"] == "rss" else atom(o, items[::-1])
        with open(os.path.join(TOP, "feeds", o + ".xml"), "w") as f:
            f.write(feed)
        sources.append(f"feeds/{o}.xml\n")
    with open(os.path.join(TOP, "sources.txt"), "w") as f:
        f.writelines(sources)


main()
