# news-extract: extra sources for its fuzz target (every module but main.c)
FUZZ_LINK_extract = $(filter-out %/main.c,$(wildcard cmd/news-extract/*.c))
