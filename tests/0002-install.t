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
check 'nothing is installed outside DESTDIR' "
	test -z \"\$(ls /opt/nu 2>/dev/null)\" || test -d /opt/nu/.existed"
check 'make uninstall removes what install put there' "
	$M uninstall DESTDIR=$D PREFIX=/opt/nu MANPREFIX=/opt/man >/dev/null &&
	test -z \"\$(find $D -type f)\""
done_testing
