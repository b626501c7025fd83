#!/bin/sh
# news-render: the man page lints clean and its EXAMPLES run.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render
MAN=$TOP/man/news-render.1

if command -v mandoc >/dev/null 2>&1; then
	check 'mandoc -Tlint is clean' 'mandoc -Tlint -W warning $MAN'
else
	skip 'mandoc is not installed'
fi

# the examples, one literal block each, with mail and rsync stubbed
mkdir stub && printf '#!/bin/sh\ncat > "$(dirname "$0")/../mail.out"\n' > stub/mail &&
    printf '#!/bin/sh\necho rsync "$@" > "$(dirname "$0")/../rsync.out"\n' > stub/rsync &&
    chmod +x stub/*
cp $R/basic.jsonl archive.jsonl
printf 'https://harbour.example/news/ferry-strike\n' > removed.txt
printf '%s\n' "$FIXTURES/render/feed.xml" > feeds.txt
awk '/^\.Sh EXAMPLES/ { ex = 1 } /^\.Sh SEE ALSO/ { ex = 0 }
    ex && /^\.Bd -literal/ { n++; f = sprintf("example%d.sh", n); next }
    ex && /^\.Ed/ { f = ""; next }
    f { gsub(/\\e/, "\\"); print > f }' $MAN
check 'the man page has examples' 'test -s example1.sh'
for e in example*.sh; do
	check "EXAMPLES: $(head -n 1 $e | cut -c1-60)" \
		"PATH=\$SCRATCH/stub:\$PATH sh -e $e"
done
check 'the examples made the site, the digest and the copy' \
	'test -f site/index.html && test -s mail.out && grep -q "^# News" mail.out && test -s rsync.out'
done_testing
