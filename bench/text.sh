#!/bin/sh
# bench/text.sh: throughput of UTF-8 repair, squeeze, entity decoding and
# URL resolution (lib/text.c, lib/url.c).  Figures only; no assertions.
exec "${NEWS_BUILD:-build/std}/bench/text"
