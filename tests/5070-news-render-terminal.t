#!/bin/sh
# news-render: output for a terminal or a mail reader (-f text, markdown,
# mbox) carries no control sequence from the records: C0 controls but tab,
# DEL and C1 controls are dropped (issue 17.4), so a title cannot set the
# window title, colour the terminal or plant an OSC 8 hyperlink.
. "$(dirname "$0")/lib.sh"

# ESC ] 0 ; ... BEL (window title), CSI colour, OSC 8 link, U+009B (C1
# CSI), DEL, BS and a CR in titles, sources, URLs, ids and text
cat > in.jsonl <<'J'
{"url":"https://a.example/x\u001b]8;;https://evil.example/\u001b\\y","title":"Titl\u00e9\u001b]0;owned\u0007 one","site_name":"Src\u001b[31m red","published":"2025-12-01T10:00:00Z","text":"Body\u001b[2J cleared\u009b31m\n\nline\u007f two\r\u0008"}
{"id":"j\u001b[5mblink","title":"C1 \u009d0;t\u0007 \u0085 and tab\there","published":"2025-12-02T10:00:00Z"}
J

# no byte 0x00-0x08, 0x0A-0x1F but newline, 0x7F, nor UTF-8 C1 (C2 80..9F)
clean() {
	LC_ALL=C awk '/[\001-\010\013-\037\177]/ { bad = 1; print "control: " NR }
	    /\302[\200-\237]/ { bad = 1; print "C1: " NR } END { exit bad }' "$1"
}

check '-f text drops ESC, BEL, C1, DEL from titles, sources and URLs' \
	'news-render -f text in.jsonl > out && clean out && test "$(wc -l < out)" = 2 &&
	 grep -q "Titlé\]0;owned one" out && grep -q "C1 0;t and tab here" out'
check '-f text -w 80 too' 'news-render -f text -w 80 in.jsonl > out && clean out'
check '-f text --color always: only our own sequences' \
	'news-render -f text --color always in.jsonl | sed "s/$(printf "\033")\[[0-9]*m//g" > out && clean out'
check '-f markdown drops them' 'news-render -f markdown in.jsonl > out && clean out'
check '-f mbox: headers (Subject, From, X-Url) and bodies drop them' \
	'news-render -f mbox in.jsonl > out && clean out && grep -q "^X-Url: " out &&
	 ! grep -a "^X-Url: " out | grep -q "$(printf "\033")"'
check '-f mbox: RFC 2047 words carry no control either' \
	'news-render -f mbox in.jsonl > out &&
	 sed -n "s/.*=?UTF-8?B?\([^?]*\)?=.*/\1/p" out | while read -r w; do printf %s "$w" | base64 -d; echo; done > dec &&
	 test -s dec && clean dec'
done_testing
