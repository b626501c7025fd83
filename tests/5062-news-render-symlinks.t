#!/bin/sh
# news-render never follows a symbolic link inside the output directory:
# a linked directory is refused (exit 2, the site and the link's target
# left as they were), a stale file behind a link is not removed, a linked
# file is replaced by a file, never written through.  (The output
# directory itself may be a link: that is the user's choice.)
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render

snap() {
	(cd "$1" && find . | sort && find . -type f -exec sha1sum {} + | sort)
}

check 'a site' 'news-render -q -o site $R/basic.jsonl && test -d site/archive/2025'
check 'a directory of the site that is a link: refused, nothing written through it' \
	'mkdir outside && echo sentinel > outside/keep.txt &&
	 mv site/archive site.archive && ln -s ../outside site/archive &&
	 snap site > before && snap outside > obefore &&
	 news-render -q -o site --title Other $R/basic.jsonl 2>err; test $? = 2 &&
	 cat err && test "$(wc -l < err)" = 1 && grep -q "archive.*symbolic link" err &&
	 snap outside > oafter && test_cmp obefore oafter &&
	 snap site > after && test_cmp before after &&
	 test -z "$(find site -name ".news-render*")"'
check 'a link deeper down, to a directory with the same files: not read, not written' \
	'rm site/archive && mv site.archive site/archive &&
	 news-render -q -o site $R/basic.jsonl &&
	 cp -a site/tag/rail outside/rail && rm -rf site/tag/rail &&
	 ln -s ../../outside/rail site/tag/rail && snap outside > obefore &&
	 news-render -q -o site --title Other $R/basic.jsonl; test $? = 2 &&
	 snap outside > oafter && test_cmp obefore oafter'
check 'stale files behind a link are not removed' \
	'rm site/tag/rail && cp -a outside/rail site/tag/rail &&
	 news-render -q -o site $R/basic.jsonl &&
	 mkdir -p outside/2025 && cp -a site/2025/11 outside/2025/11 && rm -rf site/2025/11 &&
	 ln -s ../../outside/2025/11 site/2025/11 && snap outside > obefore &&
	 jq -c "select((.published // \"\") | startswith(\"2025-11\") | not)" $R/basic.jsonl > no-nov.jsonl &&
	 news-render -q -o site no-nov.jsonl &&
	 snap outside > oafter && test_cmp obefore oafter && test -L site/2025/11'
check 'a page that is a link is replaced by a file, its target untouched' \
	'rm site/2025/11 && echo target > outside/target.html &&
	 ln -sf ../outside/target.html site/index.html &&
	 ln -sf ../outside/target.html site/style.css &&
	 news-render -q -o site --title Third $R/basic.jsonl &&
	 test "$(cat outside/target.html)" = target &&
	 test -f site/index.html && ! test -L site/index.html && ! test -L site/style.css &&
	 grep -q Third site/index.html'
done_testing
