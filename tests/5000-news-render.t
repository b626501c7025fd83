#!/bin/sh
# news-render: the static site from hand-written records (tests/render/).
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render

check 'renders a site' \
	'news-render -q -o site --base-url https://news.example.org/ $R/basic.jsonl'
check 'home, feeds, sitemaps, robots, 404 and the stylesheet' \
	'for f in index.html feed.xml feed.json sitemap.xml news-sitemap.xml \
	    robots.txt 404.html style.css tag/index.html country/index.html \
	    category/index.html author/index.html archive/index.html; do
	    test -s site/$f || { echo "missing $f"; exit 1; }; done'
check 'article pages at YYYY/MM/DD/slug.html, transliterated' \
	'test -f site/2025/12/12/rail-link-to-zamyn-uud-opens-a-month-early.html &&
	 test -f site/2025/12/01/statya-bez-ssylki.html &&
	 test -f site/undated/an-undated-note.html'
check 'a slug collision gets a stable hash suffix' \
	'ls site/2025/11/28/ | grep -c "^campana-de-vacunacion-llega-a-los-pueblos-del-altiplano" | grep -qx 2 &&
	 ls site/2025/11/28/ | grep -q "altiplano-[0-9a-f]\{8\}\.html$"'
A=site/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html
check 'article: title, byline, time, source, category, tags, related' \
	'grep -q "<h1>Ferry workers strike across the Baltic ports</h1>" $A &&
	 grep -q "By <a rel=\"author\" href=\"../../../author/kaja-nowak/index.html\">Kaja Nowak</a>" $A &&
	 grep -q "<time datetime=\"2025-12-13T08:30:00Z\">Saturday, 13 December 2025</time>" $A &&
	 grep -q "Originally published by <a class=\"external\" href=\"https://harbour.example/news/ferry-strike\" rel=\"nofollow noopener\">Harbour Post</a>" $A &&
	 grep -q "category/economy/index.html\">Economy</a>" $A &&
	 grep -q "country/pl/index.html\">Poland</a>" $A &&
	 grep -q "tag/strikes/index.html\">#strikes</a>" $A &&
	 grep -A6 "Related articles" $A | grep -q rail-link'
check 'links in content are absolute and rel="nofollow noopener"' \
	'grep -q "<a href=\"https://harbour.example/ports\" rel=\"nofollow noopener\">three ports</a>" $A'
check 'no email address on the page' '! grep -q "kaja@" $A'
check 'duplicates (duplicate_of) are not rendered' \
	'! grep -rq "Duplicate of the ferry" site'
check 'text-only records become paragraphs and lists' \
	'grep -q "<li>700 km of track</li>" site/2025/12/12/rail-link-to-zamyn-uud-opens-a-month-early.html'
check 'the home page lists newest first' \
	'grep -o "card-title\"><a href=\"[^\"]*" site/index.html | head -1 | grep -q ferry-workers'
check 'tag cloud with counts' \
	'grep -q "vaccines <span class=\"count\">(2)</span>" site/tag/index.html'
check 'monthly and daily archives carry the calendar widget' \
	'grep -q "news-calendar-table" site/archive/2025/12/index.html &&
	 grep -q "href=\"../../../../archive/2025/12/13/index.html\"" site/archive/2025/12/12/index.html'
check 'no script anywhere' '! grep -rqi "<script" site'
check 'every page has lang, a main landmark and a title' \
	'for f in $(find site -name "*.html"); do grep -q "<html lang=\"en\">" $f &&
	 grep -q "<main id=\"main\"" $f && grep -q "<title>" $f || { echo $f; exit 1; }; done'
check 'a second run writes nothing' \
	'news-render -o site --base-url https://news.example.org/ $R/basic.jsonl 2>err &&
	 grep -q ": 0 written, [0-9]* kept, 0 removed" err'
check 'a page that no longer exists is removed, other files are kept' \
	'echo mine > site/mine.txt &&
	 grep -v straum $R/basic.jsonl > less.jsonl &&
	 news-render -o site --base-url https://news.example.org/ less.jsonl 2>err &&
	 grep -q " removed" err && ! grep -q " 0 removed" err &&
	 test ! -e site/2025/10/30/straumprisane-fell-etter-stormen.html &&
	 test ! -e site/2025/10 && test -f site/mine.txt'
check 'fingerprints: a changed neighbour or related title reaches the pages that show it' \
	'news-render -q -o fp $R/basic.jsonl &&
	 sed "s/Rail link to Zamyn-Üüd opens a month early/Rail link opens early/" $R/basic.jsonl > changed.jsonl &&
	 news-render -o fp changed.jsonl 2>err &&
	 grep -q "Rail link opens early" fp/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html &&
	 grep -q "Rail link opens early" fp/index.html &&
	 grep -q "Rail link opens early" fp/tag/rail/index.html'
check 'fingerprints: a theme change re-renders every page' \
	'mkdir -p th && cp "$TOP"/themes/default/* th/ &&
	 news-render -q -o fp --theme th changed.jsonl &&
	 sed -i "s/Originally published by/First published by/" th/article.html &&
	 news-render -q -o fp --theme th changed.jsonl &&
	 grep -q "First published by" fp/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html &&
	 grep -q "First published by" fp/2025/10/30/straumprisane-fell-etter-stormen.html'
check 'a deleted page is written again (--force not needed for missing files)' \
	'rm fp/2025/10/30/straumprisane-fell-etter-stormen.html &&
	 news-render -o fp --theme th changed.jsonl 2>err && grep -q ": 1 written" err &&
	 test -f fp/2025/10/30/straumprisane-fell-etter-stormen.html'
check '--force renders every page' \
	'echo changed >> fp/2025/10/30/straumprisane-fell-etter-stormen.html &&
	 news-render -o fp --theme th changed.jsonl 2>err && grep -q ": 0 written" err &&
	 news-render --force -o fp --theme th changed.jsonl 2>err && grep -q ": 1 written" err'
check '-f text lists date, source, title and URL' \
	'news-render -f text $R/basic.jsonl > out &&
	 grep -q "^2025-12-13  Harbour Post      Ferry workers strike across the Baltic ports  https://harbour.example/news/ferry-strike$" out'
# -w: no line wider than the width, but a URL alone on its line (never
# cut); the title wrapped, every word of it there (issue 16.12)
long_url=https://long.example/$(printf "%090d" 0)
printf "%s\n" "{\"url\":\"$long_url\",\"title\":\"A very long title about the regional council voting on the new harbour budget and the ferry timetable for next winter\",\"published\":\"2025-12-14T08:00:00Z\",\"site_name\":\"Harbour Post\"}" > long.jsonl
cat > widths.py <<'PY'
import sys, unicodedata as u
w = int(sys.argv[1]); bad = 0
for l in open(sys.argv[2], encoding="utf-8"):
    l = l.rstrip("\n")
    c = sum(2 if u.east_asian_width(ch) in "WF" else 1 for ch in l)
    if c > w and (" " in l.strip() or not l.startswith("http")):
        print(c, l); bad = 1
sys.exit(bad)
PY
for w in 80 60 40 24; do
check "-f text -w $w fits the width, URLs whole, titles wrapped" \
	"news-render -f text -w $w \$R/basic.jsonl long.jsonl > out && python3 widths.py $w out &&
	 grep -qx \"$long_url\" out && grep -q \"https://harbour.example/news/ferry-strike\\\$\" out &&
	 tr \"\\n\" \" \" < out | tr -s \" \" > joined &&
	 grep -q \"Campaña de vacunación llega a los pueblos del altiplano\" joined &&
	 grep -q \"on the new harbour budget and the ferry timetable for next winter\" joined"
done
check '-f text -w 80: a title that fits keeps its URL on its line' \
	'news-render -f text -w 80 $R/basic.jsonl > out &&
	 grep -q "^            undated.example   An undated note  https://undated.example/x\$" out'
check '-f text -w 80: the title wraps under itself, the URL on its own line' \
	'news-render -f text -w 80 long.jsonl > out && test "$(wc -l < out)" = 4 &&
	 sed -n 2p out | grep -q "^                              [a-z]" && test "$(sed -n 4p out)" = "$long_url"'
check 'an empty archive still makes a site' \
	'news-render -q -o empty --base-url https://news.example.org/ /dev/null &&
	 test -f empty/index.html && grep -q "Nothing here yet" empty/index.html &&
	 xmllint --noout empty/feed.xml empty/sitemap.xml'
check 'bad usage exits 2' 'test "$(status news-render -f nope)" = 2 && test "$(status news-render -o x -f text)" = 2'
done_testing
