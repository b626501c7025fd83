#!/bin/sh
# news-tag: throughput of countries + tags + keyphrases + simhash on
# synthetic news articles (about 1.3 KB of JSON each: a Zipf-like
# vocabulary with place names, four paragraphs and a dateline), and
# --related 6 over BENCH_TAG_RELATED articles (default 100000).
# BENCH_TAG_N sets the throughput sample (default 20000).  Prints wall
# time, CPU time (the one-core figure when the machine is shared) and
# peak memory; never asserts a timing.
set -eu
N=${BENCH_TAG_N:-20000}
R=${BENCH_TAG_RELATED:-100000}
BIN=${NEWS_BIN:-bin}
TMP=${TMPDIR:-/tmp}/news-bench-tag.$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT

gen() {
	python3 - "$1" "$2" <<'PY'
import json, random, sys
random.seed(11)
n = int(sys.argv[2])
places = ["Mongolia", "North Korea", "South Korea", "Seoul", "Ulaanbaatar",
          "Georgia", "Tbilisi", "Washington", "Jordan", "Turkey", "Brazil",
          "London", "Paris", "Kenya", "Nairobi", "Chad", "Congo", "Niger",
          "Nigeria", "Lagos", "Tokyo", "Germany", "Bavaria", "Ottawa"]
datelines = ["SEOUL", "ULAANBAATAR", "LONDON", "NAIROBI", "WASHINGTON",
             "TOKYO", "PARIS", "LAGOS", "OTTAWA", "TBILISI"]
base = ("government minister election talks trade copper mine coal rail "
        "energy prices market bank rates inflation drought harvest wheat "
        "protest court law parliament border troops ceasefire vaccine "
        "hospital school football match storm flood company shares profit "
        "exports imports budget deficit tax reform oil gas pipeline").split()
vocab = base + ["w%d" % i for i in range(20000)]
import bisect, itertools
cum = list(itertools.accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(vocab))))
def zipf(k):
    return [vocab[bisect.bisect(cum, random.random() * cum[-1])] for _ in range(k)]
fill = "the of and to in a on for with said that by at as from its was is".split()
with open(sys.argv[1], "w") as out:
    for i in range(n):
        topic = zipf(40)
        def sentence():
            ws = []
            for _ in range(random.randint(12, 24)):
                r = random.random()
                if r < 0.45:
                    ws.append(random.choice(fill))
                elif r < 0.5:
                    ws.append(random.choice(places))
                elif r < 0.8:
                    ws.append(random.choice(topic))
                else:
                    ws.append(zipf(1)[0])
            return " ".join(ws).capitalize() + "."
        paras = [" ".join(sentence() for _ in range(3)) for _ in range(4)]
        paras[0] = random.choice(datelines) + " \u2014 " + paras[0]
        rec = {"id": "bench-%d" % i, "url": "https://example.org/%d" % i,
               "title": " ".join(random.choice(topic) for _ in range(6)).capitalize()
                        + " in " + random.choice(places),
               "lang": "en", "text": "\n\n".join(paras)}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
}

now() {
	date +%s.%N
}

# run CMD...: prints "wall user maxrss_kb" (user and RSS 0 without /usr/bin/time)
run() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %U %M" -o "$TMP/time" "$@" > "$TMP/out.jsonl"
		cat "$TMP/time"
	else
		t0=$(now)
		"$@" > "$TMP/out.jsonl"
		t1=$(now)
		echo "$t0 $t1" | awk '{ print $2 - $1, 0, 0 }'
	fi
}

gen "$TMP/a.jsonl" "$N"
echo "$N $(wc -c < "$TMP/a.jsonl") $(run "$BIN/news-tag" "$TMP/a.jsonl")" | awk '{
	printf "news-tag: %d articles (%.1f MB): %.2f s wall, %.0f articles/s", $1, $2 / 1048576, $3, $1 / $3;
	if ($4 > 0) printf "; %.2f s CPU, %.0f articles/s of CPU", $4, $1 / $4; printf "\n" }'

gen "$TMP/r.jsonl" "$R"
echo "$R $(run "$BIN/news-tag" --related 6 "$TMP/r.jsonl")" | awk '{
	printf "news-tag --related 6: %d articles: %.1f s wall", $1, $2;
	if ($3 > 0) printf ", %.1f s CPU, peak RSS %.0f MB", $3, $4 / 1024; printf "\n" }'
