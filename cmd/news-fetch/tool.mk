# news-fetch: sfeed for the parse-speed comparison in bench/fetch.sh
DEPS_PKGS += sfeed
FUZZ_LINK_feed = cmd/news-fetch/feed.c cmd/news-fetch/xmlfix.c
DEPS_PKGS += sqlite3
