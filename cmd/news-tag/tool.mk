# news-tag: Unicode folding (utf8proc), Snowball stemmers (libstemmer),
# country names and translations (iso-codes), stopword lists (Snowball's,
# through Lingua::StopWords).  The gazetteer adds the inflected forms of
# names (data/tag/inflect/LL.txt: endings per language) at build time.  Its data directory build/tag/ is made here
# and installed as $(DATAPREFIX)/tag/.
DEPS_PKGS += libutf8proc-dev libstemmer-dev iso-codes liblingua-stopwords-perl python3
EXTRA_LIBS += -lutf8proc -lstemmer

TAG_DIR = build/tag
TAG_LANGS = en de fr es pt it nl ru
TAG_FILES = $(TAG_DIR)/iso.tsv $(TAG_DIR)/places.tsv $(TAG_DIR)/m49.tsv \
	$(TAG_DIR)/territories.tsv \
	$(TAG_DIR)/rules.txt $(TAG_LANGS:%=$(TAG_DIR)/stop/%.txt)
ISO_CODES_JSON = /usr/share/iso-codes/json/iso_3166-1.json
ISO_CODES_LOCALE = /usr/share/locale

TAG_INFLECT = $(wildcard data/tag/inflect/*.txt)
$(TAG_DIR)/iso.tsv: cmd/news-tag/gen-gazetteer.py $(TAG_INFLECT)
	@mkdir -p $(TAG_DIR)
	python3 cmd/news-tag/gen-gazetteer.py iso $(ISO_CODES_JSON) $(ISO_CODES_LOCALE) data/tag/inflect > $@.tmp
	mv $@.tmp $@
$(TAG_DIR)/places.tsv: data/tag/places.tsv cmd/news-tag/gen-gazetteer.py $(TAG_INFLECT)
	@mkdir -p $(TAG_DIR)
	python3 cmd/news-tag/gen-gazetteer.py places data/tag/places.tsv data/tag/inflect > $@.tmp
	mv $@.tmp $@
$(TAG_DIR)/territories.tsv: data/tag/territories.tsv
	@mkdir -p $(TAG_DIR)
	cp data/tag/territories.tsv $@
$(TAG_DIR)/m49.tsv: data/tag/m49.tsv
	@mkdir -p $(TAG_DIR)
	cp data/tag/m49.tsv $@
$(TAG_DIR)/rules.txt: data/tag/rules.txt
	@mkdir -p $(TAG_DIR)
	cp data/tag/rules.txt $@
$(TAG_DIR)/stop/%.txt: data/tag/stop/%.txt
	@mkdir -p $(TAG_DIR)/stop
	perl -CS -MLingua::StopWords=getStopWords -e \
	    'my $$w = getStopWords($$ARGV[0], "UTF-8") or die "no list for $$ARGV[0]\n"; print "$$_\n" for sort keys %$$w' \
	    $* > $@.tmp
	sed '/^#/d' data/tag/stop/$*.txt >> $@.tmp
	mv $@.tmp $@
$(TAG_DIR): $(TAG_FILES)
	@touch $@

DATA += $(TAG_DIR)
DATA_BUILT += $(TAG_FILES)
$(BIN)/news-tag: $(TAG_FILES)

FUZZ_LINK_tag = $(filter-out cmd/news-tag/main.c,$(wildcard cmd/news-tag/*.c))
