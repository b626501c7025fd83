#!/bin/sh
# make install / uninstall honour PREFIX, MANPREFIX and DESTDIR.
. "$(dirname "$0")/lib.sh"

M="make -s -C $TOP ${NEWS_SANITIZE:+SANITIZE=$NEWS_SANITIZE}"
D=$SCRATCH/dest
check 'make install into DESTDIR with PREFIX and MANPREFIX' "
	$M install DESTDIR=$D PREFIX=/opt/nu MANPREFIX=/opt/man >/dev/null &&
	test -f $D/opt/man/man7/news.7 &&
	for t in \$(cd $TOP/cmd && ls -d news-*); do
		test -x $D/opt/nu/bin/\$t && test -f $D/opt/man/man1/\$t.1 || exit 1
	done"
check 'installed tools run and print their version' "
	for t in \$(cd $TOP/cmd && ls -d news-*); do
		$D/opt/nu/bin/\$t --version | grep -q \"^\$t (newsutils) \" || exit 1
	done"
check 'installed news-tag and news-render find their installed data' "
	echo '{\"title\":\"Talks in Ulaanbaatar\",\"text\":\"Mongolia said so.\",\"url\":\"https://e.org/a\",\"published\":\"2025-12-13T08:30:00Z\"}' >rec &&
	test -d $D/opt/nu/share/newsutils/tag && test -d $D/opt/nu/share/newsutils/themes &&
	NEWS_DATADIR=$D/opt/nu/share/newsutils $D/opt/nu/bin/news-tag rec >tagged &&
	jq -e '.countries == [\"MN\"]' tagged >/dev/null &&
	NEWS_DATADIR=$D/opt/nu/share/newsutils $D/opt/nu/bin/news-render -q -o site tagged &&
	test -f site/index.html && test -f site/style.css"
check 'nothing is installed outside DESTDIR' "
	test -z \"\$(ls /opt/nu 2>/dev/null)\" || test -d /opt/nu/.existed"
check 'make uninstall removes what install put there' "
	$M uninstall DESTDIR=$D PREFIX=/opt/nu MANPREFIX=/opt/man >/dev/null &&
	test -z \"\$(find $D -type f)\""
done_testing
