#!/usr/bin/env python3
"""bench/fetch-gen.py: write a large RSS 2.0 feed for bench/fetch.sh.

usage: fetch-gen.py ITEMS > feed.xml   (100,000 items give about 80 MB)
Deterministic: the same ITEMS give the same bytes.
"""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
rnd = random.Random(4)
words = ('news report market city council weather sport science health '
         'policy election budget school river bridge festival museum '
         'research energy climate transport housing water music film').split()
days = 'Mon Tue Wed Thu Fri Sat Sun'.split()
months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split()
out = sys.stdout
out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
          '<channel>\n<title>Bench feed</title>\n'
          '<link>https://bench.example.org/</link>\n'
          '<description>Generated for bench/fetch.sh</description>\n')
for i in range(n):
    title = ' '.join(rnd.choice(words) for _ in range(8)).capitalize()
    para = ' '.join(rnd.choice(words) for _ in range(38))
    out.write(
        '<item>\n<title>%s &amp; more</title>\n'
        '<link>https://bench.example.org/%d/%s</link>\n'
        '<guid isPermaLink="false">bench-%d</guid>\n'
        '<pubDate>%s, %02d %s 2025 %02d:%02d:00 +0000</pubDate>\n'
        '<dc:creator>Writer %d</dc:creator>\n'
        '<category>%s</category>\n'
        '<description>&lt;p&gt;%s&lt;/p&gt;</description>\n'
        '<content:encoded><![CDATA[<p>%s</p>]]></content:encoded>\n'
        '</item>\n' % (title, i, title.split()[0].lower(), i,
                       days[i % 7], i % 28 + 1, months[i % 12], i % 24, i % 60,
                       i % 100, rnd.choice(words), para[:200], para))
out.write('</channel>\n</rss>\n')
