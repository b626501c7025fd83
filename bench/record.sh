#!/bin/sh
# Record I/O: read and rewrite a JSON-lines file of article-sized records
# (about 6 KB each, with text, HTML and nested fields) with lib/record.c
# (build/std/bench/recordcat, which also adds one field to each record)
# and with `jq -c .` on the same file, in the same run.  Prints MB/s of
# each and the ratio.  BENCH_RECORD_MB sets the size (default 256; the
# issue's figure uses 1024).  Never asserts a timing.
set -eu
MB=${BENCH_RECORD_MB:-256}
B=${NEWS_BUILD:-build/std}
TMP=${TMPDIR:-/tmp}/news-bench-record.$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
f=$TMP/records.jsonl
python3 - "$f" "$MB" <<'PY'
import json, random, sys
random.seed(7)
words = ("the minister said on monday that talks with mongolia and korea "
         "would resume after the election in ulaanbaatar where officials "
         "met trade delegates écrit über 東京 данные").split()
target = int(sys.argv[2]) * 1024 * 1024
with open(sys.argv[1], "w", encoding="utf-8") as out:
    n = size = 0
    while size < target:
        text = " ".join(random.choice(words) for _ in range(700))
        rec = {"url": "https://example.org/2025/12/%d/story" % n,
               "id": "tag:example.org,2025:%d" % n,
               "title": " ".join(random.choice(words) for _ in range(9)),
               "published": "2025-12-13T08:30:00Z",
               "author": "Sophia Davis", "summary": text[:300],
               "content": "<p>" + text[:1500] + "</p>", "text": text,
               "categories": ["world", "asia"], "word_count": 700,
               "score": 0.25 + n % 7,
               "feed": {"url": "https://example.org/feed.xml",
                        "title": "Example", "link": "https://example.org/"}}
        line = json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n"
        out.write(line)
        size += len(line.encode())
        n += 1
PY
bytes=$(wc -c <"$f")
cat "$f" >/dev/null
t() { # median of 3 wall times of "$@" < $f > /dev/null
	for i in 1 2 3; do
		s=$(date +%s.%N)
		"$@" <"$f" >/dev/null
		e=$(date +%s.%N)
		echo "$e - $s" | bc
	done | sort -n | sed -n 2p
}
ours=$(t "$B/bench/recordcat")
jqt=$(t jq -c .)
echo "record I/O over $((bytes / 1048576)) MB of $(wc -l <"$f") records (median of 3):"
printf '  newsutils record read+write: %6.2f s  %7.1f MB/s\n' "$ours" "$(echo "$bytes / 1048576 / $ours" | bc -l)"
printf '  jq -c .:                     %6.2f s  %7.1f MB/s\n' "$jqt" "$(echo "$bytes / 1048576 / $jqt" | bc -l)"
printf '  speed relative to jq: %.2fx (goal: at least 0.5x)\n' "$(echo "$jqt / $ours" | bc -l)"
if command -v /usr/bin/time >/dev/null 2>&1; then
	/usr/bin/time -f '  peak RSS of the record loop: %M KB' "$B/bench/recordcat" <"$f" >/dev/null
fi
