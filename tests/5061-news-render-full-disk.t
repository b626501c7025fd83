#!/bin/sh
# news-render: a render is all or nothing as a reader of the site sees
# it.  On a full disk (a small tmpfs, in a private mount namespace) a
# render fails with exit 2 and one message, and the old site is left
# byte for byte as it was; a render killed with -9 leaves its staging
# area, which the next run removes; SIGTERM removes it at once.
. "$(dirname "$0")/lib.sh"
B=https://news.example.org/

# gen FIRST COUNT: COUNT small records, one every 10 minutes
gen() {
	awk -v first="$1" -v n="$2" 'BEGIN {
	    for (i = first; i < first + n; i++) {
	        d = strftime("%Y-%m-%dT%H:%M:%SZ", 1733011200 - i * 600, 1);
	        printf "{\"url\":\"https://outlet%d.example/news/%d\",\"title\":\"Harbour report %d\"," \
	            "\"published\":\"%s\",\"author\":\"Author %d\",\"site_name\":\"Outlet %d\"," \
	            "\"text\":\"Officials met again on %s.\",\"content\":\"<p>Officials met again on %s.</p>\"," \
	            "\"category\":\"Category %d\",\"tags\":[\"tag%d\",\"tag%d\"],\"countries\":[\"FR\"]}\n",
	            i % 20, i, i, d, i % 30, i % 20, d, d, i % 5, i % 40, (i * 7) % 40;
	    } }'
}
gen 0 40 > r40.jsonl
gen 0 20000 > r20k.jsonl
# the files of a tree with size, mtime and bytes, and its directories
# (their mtimes aside: making and removing the staging area changes them)
snap() {
	(cd "$1" && find . -type d | sort &&
	 find . ! -type d -exec stat -c '%n %F %s %.9Y' {} + | sort &&
	 find . -type f -exec sha1sum {} + | sort)
}
leftovers() {
	find "$1" -name ".news-render*" -o -name "*.tmp[0-9]*"
}

mkdir small
if [ "$(id -u)" != 0 ]; then
	skip 'the full-disk case needs root (unshare -m, mount -t tmpfs)'
elif ! unshare -m sh -c 'mount -t tmpfs -o size=1m tmpfs small' 2>/dev/null; then
	skip 'the full-disk case: unshare -m or mount -t tmpfs is not possible here'
else
	cat > full.sh <<'EOS'
snap() {
	(cd "$1" && find . -type d | sort &&
	 find . ! -type d -exec stat -c '%n %F %s %.9Y' {} + | sort &&
	 find . -type f -exec sha1sum {} + | sort)
}
mount -t tmpfs -o size=5m tmpfs small || exit 3
news-render -q -o small/site --base-url "$1" r40.jsonl; echo $? > rc1
snap small/site > before
news-render -q -o small/site --base-url "$1" r20k.jsonl 2>err2; echo $? > rc2
snap small/site > after
find small -name ".news-render*" -o -name "*.tmp[0-9]*" > left
EOS
	check 'a 40-record site on a 5 MB tmpfs, then 20,000 records: exit 2' \
	    'unshare -m sh full.sh $B && test "$(cat rc1)" = 0 && test "$(cat rc2)" = 2'
	check 'one message, which says the disk is full' \
	    'cat err2 && test "$(wc -l < err2)" = 1 && grep -q "No space left on device" err2'
	check 'the old site is exactly as it was' 'test -s before && test_cmp before after'
	check 'no staging file is left' 'test ! -s left'
fi

# kill -9 in the middle, then a rerun
wait_staging() {
	i=0
	while [ -z "$(find "$1" -maxdepth 1 -name ".news-render-tmp*")" ]; do
		i=$((i + 1)); [ $i -lt 600 ] || return 1
		sleep 0.05
	done
}
check 'kill -9 in the middle of a render, then a rerun: no temporary file' \
	'news-render -q -o k9 --base-url $B r40.jsonl && snap k9 > k9.before &&
	 { news-render -q -o k9 --base-url $B r20k.jsonl & pid=$!; } &&
	 wait_staging k9 && kill -9 $pid; wait $pid;
	 test -n "$(leftovers k9)" &&
	 news-render -q -o k9 --base-url $B r40.jsonl &&
	 test -z "$(leftovers k9)" && snap k9 > k9.after && test_cmp k9.before k9.after'
check 'SIGTERM in the middle: the staging area is removed, the site unchanged' \
	'news-render -q -o term --base-url $B r40.jsonl && snap term > t.before &&
	 { news-render -q -o term --base-url $B r20k.jsonl 2>t.err & pid=$!; } &&
	 wait_staging term && kill -TERM $pid; wait $pid; test $? -gt 128 &&
	 test -z "$(leftovers term)" && snap term > t.after && test_cmp t.before t.after'
check 'and the interrupted render, run again, completes' \
	'news-render -q -o term --base-url $B r20k.jsonl && test -z "$(leftovers term)" &&
	 test "$(find term -path "term/20*" -name "*.html" | wc -l)" -ge 20000'
check 'a manifest that cannot be saved stops the run before the site changes' \
	'news-render -q -o ro --base-url $B r40.jsonl && snap ro > r.before &&
	 XDG_STATE_HOME=/dev/null/state news-render -q -o ro --title New --base-url $B r40.jsonl 2>r.err;
	 test $? = 2 && grep -q "the site was left as it was" r.err &&
	 snap ro > r.after && test_cmp r.before r.after && test -z "$(leftovers ro)"'
done_testing
