#!/bin/sh
# chrome.sh MODE URL OUT [WxH]: headless Chromium on one page, no network.
#   MODE dom: the DOM after load to OUT, console messages to OUT.console
#     (at WxH when given)
#   MODE shot: a screenshot (PNG) to OUT at WxH
#   MODE shot-dark: the same with prefers-color-scheme: dark
mode=$1 url=$2 out=$3 size=${4:-1280,900} domsize=${4:+--window-size=$4}
prof=$(mktemp -d "${TMPDIR:-/tmp}/newsutils-chrome.XXXXXX") || exit 2
set -- /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic \
	--no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --user-data-dir="$prof" \
	--hide-scrollbars --enable-logging=stderr --v=0 \
	--host-resolver-rules='MAP * ~NOTFOUND'
case $mode in
dom)	"$@" $domsize --dump-dom "$url" >"$out" 2>"$out.log"
	st=$?
	grep 'CONSOLE' "$out.log" >"$out.console" ;;
shot)	"$@" --window-size="$size" --screenshot="$out" "$url" >/dev/null 2>&1
	st=$? ;;
shot-dark)
	"$@" --force-dark-mode --blink-settings=preferredColorScheme=0 \
	    --window-size="$size" --screenshot="$out" "$url" >/dev/null 2>&1
	st=$? ;;
esac
rm -rf "$prof"
exit $st
