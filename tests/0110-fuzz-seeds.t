#!/bin/sh
# Every fuzz target (tests/fuzz/NAME.c) has seeds (tests/fuzz/seeds/NAME/)
# and a dictionary (tests/fuzz/NAME.dict), and runs over each of its seeds
# without a crash, a broken invariant, a leak or a sanitizer report.  The
# libFuzzer build (make fuzz-build) when clang links -fsanitize=fuzzer, else
# the same targets with a plain main() (make fuzz-plain); the seeds only,
# no fuzzing: that is make fuzz, and bench/fuzz.sh for longer runs.
. "$(dirname "$0")/lib.sh"

FZ=$TOP/tests/fuzz
names=$(cd "$FZ" && ls *.c | sed 's/\.c$//')

check 'every target has a seed folder and a dictionary' '
	for n in $names; do
		test -n "$(ls "$FZ/seeds/$n" 2>/dev/null)" || { echo "$n: no seeds"; exit 1; }
		test -f "$FZ/$n.dict" || { echo "$n: no dictionary"; exit 1; }
	done'
# libFuzzer refuses a dictionary with a bad line; check the syntax here
# too, for machines that run the plain driver
check 'every dictionary line is a comment or a quoted token' '
	! grep -Hnv -e "^#" -e "^[[:space:]]*\$" \
	    -e "^[A-Za-z0-9_]*=\{0,1\}\"\([^\"\\\\]\|\\\\[\\\\\"]\|\\\\x[0-9A-Fa-f][0-9A-Fa-f]\)*\"[[:space:]]*\$" \
	    "$FZ"/*.dict'

# which build: libFuzzer if clang can link a target, else the plain driver
# with cc, under ASan and UBSan when cc has them
CC=${CC:-cc}
FUZZCC=${FUZZCC:-clang}
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ return d[0] == n; }\n' >probe.c
printf '#include <stdlib.h>\nint main(void) { return abs(0); }\n' >plain.c
if ! $CC -o plain plain.c >plain.log 2>&1; then
	skip "no fuzz build: $CC cannot build a program ($(head -n 1 plain.log))"
	done_testing
	exit
fi
flags=
if $FUZZCC -fsanitize=fuzzer,address,undefined -o probe probe.c >probe.log 2>&1; then
	goal=fuzz-build dir=build/fuzz
elif $CC -fsanitize=address,undefined -o plain plain.c >plain.log 2>&1 && ./plain; then
	goal=fuzz-plain dir=build/fuzz-plain
else
	goal=fuzz-plain dir=build/fuzz-plain flags='FUZZ_PLAIN_FLAGS=-g -O1'
fi
# the build runs from here, not from make check's recipe: no jobserver
unset MAKEFLAGS MFLAGS MAKELEVEL
check "make $goal builds every target" '
	make -C "$TOP" $goal ${flags:+"$flags"} CC="$CC" FUZZCC="$FUZZCC" >build.log 2>&1 ||
	    { tail -n 30 build.log; exit 1; }'
for n in $names; do
	bin=$TOP/$dir/$n
	if [ ! -x "$bin" ]; then
		skip "$n: $dir/$n was not built"
		continue
	fi
	k=$(ls "$FZ/seeds/$n" | wc -l)
	# the tag target reads its data from build/tag (make builds it)
	if [ "$n" = tag ] && [ ! -f "$TOP/build/tag/iso.tsv" ]; then
		skip "$n: no data in build/tag (run make first)"
		continue
	fi
	check "$n: its $k seeds run clean ($goal)" '
		NEWS_DATADIR=$TOP/build/tag "$bin" "$FZ/seeds/$n"/* >run.log 2>&1
		st=$?
		if [ $st -ne 0 ] || grep -q -e Sanitizer -e "runtime error" run.log; then
			echo "exit $st"; grep -v "^Running: " run.log | head -n 30; exit 1
		fi
		test "$(grep -c "^Running: " run.log)" -eq "$k"'
done
done_testing
