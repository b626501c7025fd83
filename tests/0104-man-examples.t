#!/bin/sh
# Every EXAMPLES block of every man page, run as written (openbsd regress
# "examples from the manual", jq's tests/man.test): the .Bd -literal
# displays and .Dl lines under .Sh EXAMPLES, "$ " prompts dropped, a
# crontab line run as its command, a "#!" script saved where the page
# says (~/news/update).  The files they name are set up in a scratch
# directory; the one host they name (example.org) is served on loopback:
# curl and news-fetch are wrapped to turn its URLs into loopback ones, and
# mail and rsync are stubs.
. "$(dirname "$0")/lib.sh"

. "$FIXTURES/site.sh"
need_tools news-fetch news-extract news-tag news-render news-calendar

# a small site on loopback: article pages and a feed naming them
mkdir -p www/news home/news work stub
start_site
cp www/a.html www/news/1.html

# example.org on loopback: curl and news-fetch see loopback URLs
real_curl=$(command -v curl)
real_fetch=$(command -v news-fetch)
cat >stub/rewrite <<EOF2
for a; do
	shift
	case \$a in
	https://*example.org/*) a=$base/\${a#https://*example.org/} ;;
	esac
	set -- "\$@" "\$a"
done
EOF2
{ echo '#!/bin/sh'; cat stub/rewrite; echo "exec '$real_fetch' \"\$@\""; } >stub/news-fetch
if [ -n "$real_curl" ]; then
	{ echo '#!/bin/sh'; cat stub/rewrite; echo "exec '$real_curl' \"\$@\""; } >stub/curl
else
	{ echo '#!/bin/sh'; cat stub/rewrite; echo 'exec python3 -c "import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[-1]).read())" "$@"'; } >stub/curl
fi
printf '#!/bin/sh\ncat >"%s/mail.out"\n' "$SCRATCH" >stub/mail
printf '#!/bin/sh\necho rsync "$@" >"%s/rsync.out"\n' "$SCRATCH" >stub/rsync
chmod +x stub/news-fetch stub/curl stub/mail stub/rsync
PATH=$SCRATCH/stub:$PATH
HOME=$SCRATCH/home
export PATH HOME

# the files the examples name
cd work || exit 2
echo "$base/feed.xml" >feeds.txt
cp ../www/feed.xml feed.xml
cp ../www/a.html page.html
cp "$FIXTURES/fetch/subs.opml" subscriptions.opml
news-fetch --delay 0 -f feeds.txt | news-fetch --pages --delay 0 | news-extract >articles.jsonl
news-tag articles.jsonl >archive.jsonl
jq -r 'select(.title | test("Chile")) | .url' archive.jsonl >removed.txt
cp feeds.txt removed.txt "$HOME/news/"
cp removed.txt "$HOME/news/takedowns.txt"
cd .. || exit 2
check 'the fixtures: two articles, tagged' 'test "$(wc -l <work/archive.jsonl)" -eq 2 &&
	jq -s -e "map(select(.title | test(\"Mongolia\")))[0].countries[0] == \"MN\"" work/archive.jsonl'

# the examples of one page, one file each: ex/PAGE.N
mkdir ex
for m in "$TOP"/man/*.[1-9]; do
	awk -v out="ex/${m##*/}" '
	function flush(   i, prompt) {
		if (n == 0) return
		prompt = 0
		for (i = 1; i <= n; i++) if (l[i] ~ /^\$ /) prompt = 1
		f = out "." ++k
		for (i = 1; i <= n; i++) {
			s = l[i]
			if (prompt) { if (s !~ /^\$ /) continue; sub(/^\$ /, "", s) }
			# a crontab line: its command
			if (s ~ /^[-*0-9\/,]+ [-*0-9\/,]+ [-*0-9\/,]+ [-*0-9\/,]+ [-*0-9\/,]+ /)
				sub(/^[^ ]+ [^ ]+ [^ ]+ [^ ]+ [^ ]+ /, "", s)
			print s > f
		}
		close(f); n = 0
	}
	function unescape(s) { gsub(/\\e/, "\\", s); gsub(/\\-/, "-", s); gsub(/\\&/, "", s); return s }
	/^\.Sh EXAMPLES/ { on = 1; next }
	/^\.Sh / { on = 0 }
	!on { next }
	/^\.Bd -literal/ { lit = 1; next }
	/^\.Ed/ { lit = 0; flush(); next }
	lit { l[++n] = unescape($0); next }
	/^\.Dl / { l[++n] = unescape(substr($0, 5)); flush() }' "$m"
done
for m in "$TOP"/man/*.[1-9]; do
	check "${m##*/} has examples" "test -f 'ex/${m##*/}.1'"
done

for e in ex/*; do
	[ -f "$e" ] || continue
	name=${e#ex/}
	if head -n 1 "$e" | grep -q '^#!'; then
		# a script the page names ~/news/update: saved there, run
		check "$name: the script, saved as ~/news/update, runs" "
			cp '$e' \"\$HOME/news/update\" && chmod +x \"\$HOME/news/update\" &&
			\"\$HOME/news/update\" >'$SCRATCH/$name.out' 2>'$SCRATCH/$name.err'"
		continue
	fi
	# exit 0, and no diagnostic but news-render's summary of a site
	check "$name: $(head -n 1 "$e" | tr -d '\\' | cut -c1-60)" "
		cd work && sh -e '../$e' >'$SCRATCH/$name.out' 2>'$SCRATCH/$name.err' &&
		! grep -v -e '^news-render: site: [0-9]* written, [0-9]* kept, [0-9]* removed\$' \
		    -e '^news-render: [0-9]* excluded by removed.txt\$' \
		    -e '^news-render: no --base-url: sitemaps not written\$' \
		    -e '^news-archive: news.db: [0-9]* new, [0-9]* changed, [0-9]* unchanged' \
		    -e '^news-archive: news.db: removed [0-9]* of the [0-9]* named' \
		    '$SCRATCH/$name.err'"
done

check 'what the examples made: a site, a digest, a copy, an update' '
	test -f work/site/index.html && test -s mail.out && test -s rsync.out &&
	test -f home/news/site/index.html && test -s home/news/items.jsonl &&
	test -s work/feeds.opml && test -s work/cal.html && test -s work/archive.ics'
done_testing
