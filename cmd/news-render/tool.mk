# news-render: static site, feeds and digests (issue 7).
# The template engine is our own (cmd/news-render/template.c, documented in
# news-render(1)); the theme is installed under $(DATAPREFIX)/themes/.
DATA += themes
# headless Chromium for tests/browser, xmllint and jing for the schema tests
DEPS_PKGS += chromium libxml2-utils jing

FUZZ_LINK_template = cmd/news-render/template.c cmd/news-render/slug.c
