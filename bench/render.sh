#!/bin/sh
# bench/render.sh: news-render over a generated archive (make bench).
#   1. N articles (default 100,000; BENCH_RENDER_N) rendered into an empty
#      directory: time, CPU, peak memory, files;
#   2. the same archive plus 100 newer articles rendered again into that
#      directory: time, and how many files were written, kept, removed.
# Prints figures, asserts nothing.  Targets (issue 7): 1. in 60 s on one
# core and 1 GB; 2. in 10 s, writing only the files that changed.
set -eu
TOP=${NEWS_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BIN=${NEWS_BIN:-$TOP/bin}
N=${BENCH_RENDER_N:-100000}
W=$(mktemp -d "${TMPDIR:-/tmp}/newsutils-bench-render.XXXXXX")
XDG_STATE_HOME=$W/state	# the manifest, away from the real HOME
export XDG_STATE_HOME
trap 'rm -rf "$W"' EXIT

# gen FIRST COUNT: COUNT records numbered from FIRST, one every 10 minutes
# from 2024-01-01, with the fields news-tag and news-extract write
gen() {
	awk -v first="$1" -v n="$2" 'BEGIN {
	    split("river port harbour election budget storm drought harvest rail bridge " \
	        "court minister council strike market energy solar wind coal copper " \
	        "school hospital vaccine flood glacier forest fishing tourism airport tunnel", w, " ");
	    nw = 30;
	    for (i = first; i < first + n; i++) {
	        t = 1704067200 + i * 600;
	        cmd = ""; d = strftime("%Y-%m-%dT%H:%M:%SZ", t, 1);
	        title = w[i % nw + 1] " " w[(i * 7) % nw + 1] " " w[(i * 13) % nw + 1] " report " i;
	        para = "The " w[i % nw + 1] " and the " w[(i * 3) % nw + 1] " were discussed again on " d \
	            " by officials, who said the " w[(i * 11) % nw + 1] " would be reviewed next month.";
	        printf "{\"url\":\"https://outlet%d.example/news/%d\",\"id\":\"https://outlet%d.example/news/%d\"," \
	            "\"title\":\"%s\",\"published\":\"%s\",\"author\":\"Author %d\",\"site_name\":\"Outlet %d\"," \
	            "\"lang\":\"en\",\"description\":\"%s\",\"text\":\"%s\\n\\n%s\\n\\n%s\"," \
	            "\"content\":\"<p>%s</p><p>%s <a href=\\\"https://other.example/x%d\\\">more</a></p><h2>Background</h2><p>%s</p><p>%s</p>\"," \
	            "\"word_count\":120,\"countries\":[\"C%c\",\"C%c\"],\"category\":\"Category %d\"," \
	            "\"tags\":[\"tag%d\",\"tag%d\",\"tag%d\"],\"keywords\":[\"k1\",\"k2\"],\"simhash\":\"0123456789abcdef\"," \
	            "\"related\":[\"https://outlet%d.example/news/%d\",\"https://outlet%d.example/news/%d\"]}\n",
	            i % 50, i, i % 50, i, title, d, i % 300, i % 50, para, para, para, para,
	            para, para, i, para, para, 65 + i % 26, 65 + (i * 7) % 26, i % 20,
	            i % 300, (i * 7) % 300, (i * 13) % 300,
	            (i + 1) % 50, (i > 0 ? i - 1 : 1), (i + 2) % 50, (i > 1 ? i - 2 : 2);
	    } }'
}

gen 0 "$N" > "$W/archive.jsonl"
gen "$N" 100 > "$W/more.jsonl"
echo "archive: $N articles, $(du -m "$W/archive.jsonl" | cut -f1) MB of records"

run() {
	/usr/bin/time -f '%e s wall, %U s user, %S s system, %M KB max RSS' \
	    "$BIN/news-render" -o "$W/site" --base-url https://news.example.org/ "$@" \
	    2>"$W/err" || { cat "$W/err"; exit 1; }
	cat "$W/err"
}

echo "== full render of $N articles (target: 60 s on one core, 1 GB)"
run "$W/archive.jsonl"
echo "files: $(find "$W/site" -type f | wc -l), $(du -sm "$W/site" | cut -f1) MB"
echo "== re-render with 100 more articles (target: 10 s, only changed files written)"
run "$W/archive.jsonl" "$W/more.jsonl"
echo "== re-render, nothing new"
run "$W/archive.jsonl" "$W/more.jsonl"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (wall times suffer when it is high)"
