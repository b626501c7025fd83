#!/bin/sh
# news-fetch --state: a state that cannot be written (read-only file,
# full disk) fails the run (exit 1) with one summary line, not a message
# per commit; the items are still written.
. "$(dirname "$0")/lib.sh"
NF="news-fetch --delay 0"

# n local feeds of 10 items each: feeds/f1.xml ...
mkfeeds() {
	mkdir -p feeds
	i=1
	while [ $i -le "$1" ]; do
		{
			printf '<rss version="2.0"><channel><title>F%d</title>' $i
			k=1
			while [ $k -le 10 ]; do
				printf '<item><title>T %d %d</title><guid>urn:item:%d:%d:%s</guid></item>' \
				    $i $k $i $k aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
				k=$((k + 1))
			done
			echo '</channel></rss>'
		} > feeds/f$i.xml
		i=$((i + 1))
	done
}
mkfeeds 200

# chattr +i stops root too, where the file system has the flag
: > probe
if chattr +i probe 2>/dev/null && ! (echo x >> probe) 2>/dev/null; then
	chattr -i probe
	$NF --state ./ro.db feeds/f1.xml > /dev/null
	chattr +i ro.db
	check 'an immutable state file: the items are written, exit 1' '
		$NF --state ./ro.db feeds/f2.xml feeds/f3.xml feeds/f4.xml > out 2> err
		test $? -eq 1 && test "$(wc -l < out)" -eq 30'
	check 'one summary line, naming the file, the count and the reason' '
		test "$(wc -l < err)" -eq 1 &&
		grep -q "^news-fetch: ./ro.db: 3 of 3 state writes failed (.*readonly.*)" err'
	check 'the items come again once the state can be written' '
		chattr -i ro.db &&
		$NF --state ./ro.db feeds/f2.xml feeds/f3.xml feeds/f4.xml > out 2> err &&
		test "$(wc -l < out)" -eq 30 && test ! -s err'
	chattr -i ro.db 2>/dev/null
else
	chattr -i probe 2>/dev/null
	skip 'chattr +i does not stop writes here (not root, or no such flag on this file system)'
fi

# a full disk: a small tmpfs in a mount namespace of our own
if unshare -m sh -c 'mkdir -p small && mount -t tmpfs -o size=256k tmpfs small' 2>/dev/null; then
	check 'a disk that fills during the run: every item written, exit 1' '
		unshare -m sh -c "mount -t tmpfs -o size=256k tmpfs small &&
		    $NF --state small/s.db feeds/f*.xml > out 2> err; echo \$? > rc"
		test "$(cat rc)" -eq 1 && test "$(wc -l < out)" -eq 2000'
	check 'one summary line for all the failed commits' '
		test "$(wc -l < err)" -eq 1 &&
		grep -q "^news-fetch: small/s.db: [0-9]* of 200 state writes failed (database or disk is full)" err'
else
	skip 'no tmpfs in a mount namespace of our own (unshare -m needs root or user namespaces)'
fi
done_testing
