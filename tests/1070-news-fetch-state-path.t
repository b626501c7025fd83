#!/bin/sh
# news-fetch --state: the file's directory is made; a bare name lives
# under $XDG_STATE_HOME/newsutils (else ~/.local/state/newsutils)
. "$(dirname "$0")/lib.sh"
NF="news-fetch --delay 0"
F=$FIXTURES/fetch

check 'lib.sh keeps the tests out of the real HOME (XDG dirs under the scratch dir)' '
	case $XDG_STATE_HOME in "$SCRATCH"/*) ;; *) exit 1;; esac &&
	case $XDG_CACHE_HOME in "$SCRATCH"/*) ;; *) exit 1;; esac'
check 'a missing directory of the state file is made (mkdir -p)' '
	$NF --state new/deep/dir/state.db "$F/rss2.xml" > out 2> err &&
	test "$(wc -l < out)" -eq 2 && test ! -s err &&
	test "$(sqlite3 new/deep/dir/state.db "select count(*) from seen")" -eq 2'
check 'the same path again: the items were remembered' '
	$NF --state new/deep/dir/state.db "$F/rss2.xml" > out && test ! -s out'
check 'a bare name is $XDG_STATE_HOME/newsutils/NAME, made when missing' '
	XDG_STATE_HOME=$SCRATCH/xs $NF --state st.db "$F/rss2.xml" > out 2> err &&
	test "$(wc -l < out)" -eq 2 && test ! -e st.db &&
	test "$(sqlite3 xs/newsutils/st.db "select count(*) from seen")" -eq 2'
check 'without XDG_STATE_HOME, a bare name is ~/.local/state/newsutils/NAME' '
	mkdir h && (unset XDG_STATE_HOME; HOME=$SCRATCH/h $NF --state st.db "$F/rss2.xml" > out) &&
	test "$(sqlite3 h/.local/state/newsutils/st.db "select count(*) from seen")" -eq 2'
check 'a relative XDG_STATE_HOME is ignored, as the XDG spec says' '
	mkdir h2 && XDG_STATE_HOME=rel HOME=$SCRATCH/h2 $NF --state st.db "$F/rss2.xml" > out &&
	test -f h2/.local/state/newsutils/st.db && test ! -e rel'
check 'a file of that name here is not used, and a warning says so' '
	: > here.db && $NF --state here.db "$F/rss2.xml" > out 2> err &&
	test "$(wc -l < out)" -eq 2 && test ! -s here.db &&
	grep -q "here.db is not used" err'
check './NAME is the current directory' '
	$NF --state ./here.db "$F/rss2.xml" > out && test -f here.db'
check 'a directory that cannot be made: exit 2, the path and the reason' '
	: > afile && $NF --state afile/sub/st.db "$F/rss2.xml" > out 2> err; test $? -eq 2 &&
	grep -q "^news-fetch: afile/sub: " err && test ! -s out'
check 'neither XDG_STATE_HOME nor HOME: a bare name is refused with a reason' '
	(unset XDG_STATE_HOME HOME; $NF --state st.db "$F/rss2.xml" > out 2> err); test $? -eq 2 &&
	grep -q "HOME" err'
check 'news-fetch(1) documents it' '
	grep -q "XDG_STATE_HOME" "$TOP/man/news-fetch.1"'
done_testing
