# tests/fetch/server.sh: start the loopback HTTP server (httpd.py) for a
# test; source it after lib.sh.  Sets PORT and BASE (http://127.0.0.1:PORT);
# the server's request log is $SCRATCH/httpd.log.  start_httpd2 starts a
# second one on another port of the same host (PORT2, BASE2, its log
# $SCRATCH/httpd2.log).  The servers are stopped when the test exits, or
# by stop_httpd; start_httpd PORT starts the first again on that port (a
# server that was down and is back).
HTTPD_PID=
HTTPD2_PID=

# httpd_run N [PORT]: server N ("" or 2): PORTN, BASEN, HTTPDN_PID
httpd_run() {
	rm -f "$SCRATCH/port$1"
	python3 "$FIXTURES/fetch/httpd.py" "$SCRATCH/port$1" "$SCRATCH/httpd$1.log" "$FIXTURES/fetch" ${2:+"$2"} &
	eval "HTTPD$1_PID=\$!"
	trap 'kill $HTTPD_PID $HTTPD2_PID 2>/dev/null; cd /; if [ "$tap_fail" -eq 0 ]; then rm -rf "$SCRATCH"; else echo "# scratch kept in $SCRATCH"; fi' EXIT
	n=0
	while [ ! -s "$SCRATCH/port$1" ]; do
		sleep 0.1
		n=$((n + 1))
		if [ $n -gt 100 ]; then
			echo "Bail out! the test HTTP server did not start"
			exit 1
		fi
	done
	eval "PORT$1=\$(cat \"\$SCRATCH/port$1\")"
	eval "BASE$1=http://127.0.0.1:\$PORT$1"
	: > "$SCRATCH/httpd$1.log"
	export "PORT$1" "BASE$1"
}
start_httpd() {
	httpd_run "" "$1"
}
start_httpd2() {
	httpd_run 2
}
stop_httpd() {
	kill $HTTPD_PID 2>/dev/null
	wait $HTTPD_PID 2>/dev/null
}
