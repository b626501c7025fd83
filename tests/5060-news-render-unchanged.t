#!/bin/sh
# news-render: an unchanged second render writes no file at all, the
# manifest included; the manifest lives under $XDG_STATE_HOME, not in the
# published site; a site made by an older version (its manifest inside the
# site) is adopted; only files the tool made are ever removed.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render
B=https://news.example.org/

# every file under a tree with its size, mtime (ns), inode and checksum
snap() {
	find "$1" -type f -exec stat -c '%n %s %.9Y %i' {} + | sort &&
	find "$1" -type f -exec sha1sum {} + | sort
}

check 'a first render' \
	'news-render -q -o site --base-url $B $R/basic.jsonl && test -f site/index.html'
check 'no bookkeeping file of the tool under the output directory' \
	'test -z "$(find site -name ".news-render*" -o -name "*.tmp[0-9]*")"'
check 'the manifest is under $XDG_STATE_HOME/newsutils/, naming the site' \
	'm=$(find "$XDG_STATE_HOME/newsutils" -type f) && test "$(echo "$m" | wc -l)" = 1 &&
	 head -n 1 "$m" | grep -qF "$(pwd -P)/site" && grep -q "^index.html" "$m"'
check 'an unchanged second render changes no file, manifest included' \
	'snap site > before && snap "$XDG_STATE_HOME" > sbefore && sleep 0.05 &&
	 news-render -o site --base-url $B $R/basic.jsonl 2>err &&
	 grep -q ": 0 written, [0-9]* kept, 0 removed" err &&
	 snap site > after && snap "$XDG_STATE_HOME" > safter &&
	 test_cmp before after && test_cmp sbefore safter'
check 'the output directory itself is not touched either' \
	'stat -c %.9Y site > d1 && news-render -q -o site --base-url $B $R/basic.jsonl &&
	 stat -c %.9Y site > d2 && test_cmp d1 d2'
check 'the same directory by another name shares the manifest' \
	'ln -s site alias && news-render -o alias/ --base-url $B $R/basic.jsonl 2>err &&
	 grep -q ": 0 written" err &&
	 test "$(find "$XDG_STATE_HOME/newsutils" -type f | wc -l)" = 1'
check 'a page no longer made is removed; a file the tool did not make stays' \
	'echo mine > site/mine.html && mkdir -p site/2025/12/13 && echo x > site/2025/12/13/own.txt &&
	 head -n 3 $R/basic.jsonl > three.jsonl &&
	 news-render -q -o site --base-url $B three.jsonl &&
	 test -f site/mine.html && test -f site/2025/12/13/own.txt &&
	 test "$(find site -name "*.html" -path "site/20*" | wc -l)" = 3'

# a site made by the old version: its manifest inside the site
check 'an old site is adopted: its manifest read once, then removed' \
	'mkdir old && news-render -q -o old --base-url $B $R/basic.jsonl &&
	 rm -rf "$XDG_STATE_HOME" &&
	 echo "old" > old/gone.html && echo keep > old/keep.html &&
	 echo "<p>x" > old/index.html.tmp4242 &&
	 { find old -type f | sed "s,^old/,," | grep -v "^keep.html$" | grep -v tmp4242; } > old/.news-render-manifest &&
	 news-render -q -o old --base-url $B three.jsonl &&
	 test ! -e old/.news-render-manifest && test ! -e old/gone.html &&
	 test ! -e old/index.html.tmp4242 &&
	 test -f old/keep.html && test -f old/index.html &&
	 test "$(find "$XDG_STATE_HOME/newsutils" -type f | wc -l)" = 1 &&
	 grep -q "^index.html" "$(find "$XDG_STATE_HOME/newsutils" -type f)"'
check 'and then it is unchanged too' \
	'snap old > b2 && news-render -q -o old --base-url $B three.jsonl && snap old > a2 &&
	 test_cmp b2 a2'
check 'without XDG_STATE_HOME, the manifest goes under $HOME/.local/state' \
	'mkdir home && env -u XDG_STATE_HOME HOME="$PWD/home" news-render -q -o h $R/basic.jsonl &&
	 test -n "$(find home/.local/state/newsutils -type f)"'
done_testing
