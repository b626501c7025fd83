# newsutils: one plain Makefile (GNU make).
#
#   make                build lib/libnews.a and every tool into bin/
#   make deps           install the Debian packages everything needs
#   make check          run all tests with prove (TAP)
#   make SANITIZE=1 check   the same under ASan + UBSan (objects apart)
#   make bench          print benchmark figures
#   make fuzz           build and run the libFuzzer targets (FUZZTIME s each)
#   make fuzz-plain     the fuzz targets without libFuzzer, to run given files
#   make demo           run the whole pipeline on examples/
#   make install / uninstall   honour PREFIX, MANPREFIX, DESTDIR
#
# Tools are discovered: every directory cmd/news-*/ is one tool built from
# its *.c files.  A tool may add rules, data files and Debian packages in
# cmd/news-*/tool.mk (included below).

NAME = newsutils
VERSION = 0.1.0

PREFIX = /usr/local
BINPREFIX = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man
DATAPREFIX = $(PREFIX)/share/newsutils
DESTDIR =

CC ?= cc
PKG_CONFIG ?= pkg-config

# pkg-config with a fallback per library (as newsraft's makefile)
pc_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pc_libs = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null || echo $(2))

LIBXML2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
LIBXML2_LIBS := $(call pc_libs,libxml-2.0,-lxml2)
JANSSON_CFLAGS := $(call pc_cflags,jansson)
JANSSON_LIBS := $(call pc_libs,jansson,-ljansson)
CURL_CFLAGS := $(call pc_cflags,libcurl)
CURL_LIBS := $(call pc_libs,libcurl,-lcurl)
SQLITE_CFLAGS := $(call pc_cflags,sqlite3)
SQLITE_LIBS := $(call pc_libs,sqlite3,-lsqlite3)

DEP_CFLAGS = $(LIBXML2_CFLAGS) $(JANSSON_CFLAGS) $(CURL_CFLAGS) $(SQLITE_CFLAGS)
DEP_LIBS = $(LIBXML2_LIBS) $(JANSSON_LIBS) $(CURL_LIBS) $(SQLITE_LIBS) -lm

# The user's CFLAGS/LDFLAGS are appended, never replaced.
WARN = -Wall -Wextra -Werror -Wno-unused-parameter
BASE_CFLAGS = -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) -Ilib \
	-DNEWS_VERSION=\"$(VERSION)\" -DNEWS_DATADIR=\"$(DATAPREFIX)\"
ifeq ($(SANITIZE),1)
O = build/san
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
BIN = $(O)/bin
else
O = build/std
SAN_FLAGS =
BIN = bin
endif
ALL_CFLAGS = $(BASE_CFLAGS) $(SAN_FLAGS) $(DEP_CFLAGS) $(EXTRA_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)
# extra libraries a tool.mk may add (e.g. -lstemmer)
EXTRA_LIBS =

# Debian packages `make deps` installs; tool.mk files add theirs.
DEPS_PKGS = gcc make pkg-config libxml2-dev libjansson-dev \
	libcurl4-openssl-dev libsqlite3-dev mandoc clang \
	libclang-rt-14-dev python3 jq ca-certificates

# data files installed under DATAPREFIX (tool.mk files add theirs)
DATA =

TOOLS := $(sort $(notdir $(wildcard cmd/news-*)))
LIB_SRC := $(sort $(wildcard lib/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o)
LIBA = $(O)/libnews.a
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%.t)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(O)/bench/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/*.c))
MANS := $(sort $(wildcard man/*.[1-9]))

all: $(TOOLS:%=$(BIN)/%)

-include $(sort $(wildcard cmd/*/tool.mk))

# Recompile everything when the flags change (SANITIZE, CFLAGS).
$(O)/.flags: FORCE
	@mkdir -p $(O)
	@echo '$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)' | cmp -s - $@ || \
		echo '$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)' > $@
FORCE:

$(O)/%.o: %.c $(O)/.flags $(wildcard lib/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Icmd/$(word 2,$(subst /, ,$*)) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

# one link rule per tool: bin/news-x from cmd/news-x/*.c and the archive
define tool_rule
$(1)_OBJ := $$(patsubst %.c,$(O)/%.o,$$(sort $$(wildcard cmd/$(1)/*.c)))
$$($(1)_OBJ): $$(wildcard cmd/$(1)/*.h)
$(BIN)/$(1): $$($(1)_OBJ) $(LIBA)
	@mkdir -p $(BIN)
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$($(1)_OBJ) $(LIBA) $$(EXTRA_LIBS) $$(DEP_LIBS)
endef
$(foreach t,$(TOOLS),$(eval $(call tool_rule,$(t))))

$(O)/tests/%.t: tests/unit/%.c tests/unit/tap.h $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(EXTRA_LIBS) $(DEP_LIBS)

$(O)/bench/%: bench/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(EXTRA_LIBS) $(DEP_LIBS)

units: $(UNIT_BIN)

# make check: every TAP test, C unit tests and shell CLI tests, by prove.
# The tests find the tools through NEWS_BIN and the unit tests in NEWS_UNIT.
PROVE = prove
PROVEFLAGS =
check: all $(UNIT_BIN) $(DATA_BUILT)
	NEWS_BIN=$(CURDIR)/$(BIN) NEWS_BUILD=$(CURDIR)/$(O) NEWS_TOP=$(CURDIR) \
	    NEWS_SANITIZE=$(SANITIZE) $(PROVE) $(PROVEFLAGS) --exec '' $(UNIT_BIN) $(sort $(wildcard tests/*.t))

bench: all $(BENCH_BIN)
	@for b in $(sort $(wildcard bench/*.sh)); do \
	    echo "== $$b"; NEWS_BIN=$(CURDIR)/$(BIN) NEWS_BUILD=$(CURDIR)/$(O) \
	    NEWS_TOP=$(CURDIR) sh $$b || exit 1; done

# libFuzzer targets: tests/fuzz/NAME.c defines LLVMFuzzerTestOneInput; its
# seeds are tests/fuzz/seeds/NAME/ and its dictionary tests/fuzz/NAME.dict.
# lib/ and the tools' sources (FUZZ_LINK_NAME, set in tool.mk) are compiled
# once into build/fuzz/obj/ and linked into each target.  fuzz-plain builds
# the same targets without libFuzzer, with $(CC) and a main() that runs each
# file given (tests/fuzz/driver/main.c), for machines without clang's
# libFuzzer: tests/0110-fuzz-seeds.t runs one or the other over the seeds.
FUZZCC = clang
FUZZTIME = 60
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_PLAIN_FLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_BIN := $(FUZZ_NAMES:%=build/fuzz/%)
FUZZ_PLAIN_BIN := $(FUZZ_NAMES:%=build/fuzz-plain/%)
FUZZ_CPPFLAGS = -std=c11 -D_GNU_SOURCE -DNEWS_FUZZ -Ilib \
	$(addprefix -I,$(wildcard cmd/*)) $(DEP_CFLAGS) \
	-DNEWS_VERSION=\"$(VERSION)\" -DNEWS_DATADIR=\"$(DATAPREFIX)\"
FUZZ_HDR := $(wildcard lib/*.h cmd/*/*.h)

# fuzz_build(dir, compiler variable, flags variable, extra objects)
define fuzz_build
$(1)/.flags: FORCE
	@mkdir -p $(1)
	@echo '$$($(2)) $$($(3)) $$(FUZZ_CPPFLAGS)' | cmp -s - $$@ || \
		echo '$$($(2)) $$($(3)) $$(FUZZ_CPPFLAGS)' > $$@
$(1)/obj/%.o: %.c $(1)/.flags $(FUZZ_HDR)
	@mkdir -p $$(dir $$@)
	$$($(2)) $$(FUZZ_CPPFLAGS) $$($(3)) -c -o $$@ $$<
$$(foreach n,$(FUZZ_NAMES),$$(eval $$(call fuzz_link,$(1),$(2),$(3),$(4),$$(n))))
endef
# fuzz_link(dir, compiler variable, flags variable, extra objects, target)
define fuzz_link
$(1)/$(5): $(1)/obj/tests/fuzz/$(5).o $(4) $(LIB_SRC:%.c=$(1)/obj/%.o) \
    $(patsubst %.c,$(1)/obj/%.o,$(FUZZ_LINK_$(5)))
	$$($(2)) $$($(3)) -o $$@ $$(filter %.o,$$^) $$(EXTRA_LIBS) $$(DEP_LIBS)
endef
$(eval $(call fuzz_build,build/fuzz,FUZZCC,FUZZ_FLAGS,))
$(eval $(call fuzz_build,build/fuzz-plain,CC,FUZZ_PLAIN_FLAGS,build/fuzz-plain/obj/tests/fuzz/driver/main.o))
fuzz-plain: $(FUZZ_PLAIN_BIN)
fuzz-build: $(FUZZ_BIN)
fuzz: $(FUZZ_BIN) $(DATA_BUILT)
	@for f in $(FUZZ_BIN); do n=$${f##*/}; mkdir -p build/fuzz/corpus-$$n; \
	    echo "== fuzz $$n for $(FUZZTIME)s"; \
	    $$f -max_total_time=$(FUZZTIME) -max_len=65536 -print_final_stats=1 \
	        -artifact_prefix=build/fuzz/$$n- \
	        $$(test -f tests/fuzz/$$n.dict && echo -dict=tests/fuzz/$$n.dict) \
	        build/fuzz/corpus-$$n $$(test -d tests/fuzz/seeds/$$n && echo tests/fuzz/seeds/$$n) \
	        >build/fuzz/$$n.log 2>&1; st=$$?; tail -n 12 build/fuzz/$$n.log; \
	    if [ $$st -ne 0 ]; then echo "make fuzz: $$n failed (exit $$st): build/fuzz/$$n.log"; exit 1; fi; done

demo: all
	@if [ -x examples/demo.sh ]; then NEWS_BIN=$(CURDIR)/$(BIN) sh examples/demo.sh; \
	else echo "make demo: the demo pipeline (examples/demo.sh) does not exist yet;"; \
	    echo "this built the tools that exist: $(TOOLS)"; fi

# make deps: install what building, testing, fuzzing and the demo need.
# Idempotent and quick when everything is there.
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
deps:
	@missing=$$(for p in $(sort $(DEPS_PKGS)); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "make deps: all packages installed"; \
	else echo "make deps: installing" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

install: all $(DATA)
	mkdir -p $(DESTDIR)$(BINPREFIX) $(DESTDIR)$(MANPREFIX)/man1 \
	    $(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	cp -f $(TOOLS:%=$(BIN)/%) $(DESTDIR)$(BINPREFIX)/
	for m in $(MANS); do s=$${m##*.}; mkdir -p $(DESTDIR)$(MANPREFIX)/man$$s; \
	    cp -f $$m $(DESTDIR)$(MANPREFIX)/man$$s/; done
	@if [ -n "$(strip $(DATA))" ]; then mkdir -p $(DESTDIR)$(DATAPREFIX) && \
	    for d in $(DATA); do \
	        if [ -d $$d ]; then cp -Rf $$d $(DESTDIR)$(DATAPREFIX)/; \
	        else cp -f $$d $(DESTDIR)$(DATAPREFIX)/; fi; done; fi

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINPREFIX)/$$t; done
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANPREFIX)/man$$s/$${m##*/}; done
	rm -rf $(DESTDIR)$(DATAPREFIX)

clean:
	rm -rf build bin

.PHONY: all check bench fuzz fuzz-build fuzz-plain demo deps install uninstall clean units FORCE
