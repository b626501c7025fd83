# tests/fetch/server.sh: start the loopback HTTP server (httpd.py) for a
# test; source it after lib.sh.  Sets PORT and BASE (http://127.0.0.1:PORT);
# the server's request log is $SCRATCH/httpd.log.  start_httpd2 starts a
# second one on another port of the same host (PORT2, BASE2, its log
# $SCRATCH/httpd2.log).  The servers are stopped when the test exits.
HTTPD_PID=
HTTPD2_PID=
httpd_trap() {
	trap 'kill $HTTPD_PID $HTTPD2_PID 2>/dev/null; cd /; if [ "$tap_fail" -eq 0 ]; then rm -rf "$SCRATCH"; else echo "# scratch kept in $SCRATCH"; fi' EXIT
}
# httpd_wait PORTFILE: wait for a server to write its port
httpd_wait() {
	n=0
	while [ ! -s "$1" ]; do
		sleep 0.1
		n=$((n + 1))
		if [ $n -gt 100 ]; then
			echo "Bail out! the test HTTP server did not start"
			exit 1
		fi
	done
}
start_httpd() {
	python3 "$FIXTURES/fetch/httpd.py" "$SCRATCH/port" "$SCRATCH/httpd.log" "$FIXTURES/fetch" &
	HTTPD_PID=$!
	httpd_trap
	httpd_wait "$SCRATCH/port"
	PORT=$(cat "$SCRATCH/port")
	BASE=http://127.0.0.1:$PORT
	: > "$SCRATCH/httpd.log"
	export PORT BASE
}
start_httpd2() {
	python3 "$FIXTURES/fetch/httpd.py" "$SCRATCH/port2" "$SCRATCH/httpd2.log" "$FIXTURES/fetch" &
	HTTPD2_PID=$!
	httpd_trap
	httpd_wait "$SCRATCH/port2"
	PORT2=$(cat "$SCRATCH/port2")
	BASE2=http://127.0.0.1:$PORT2
	: > "$SCRATCH/httpd2.log"
	export PORT2 BASE2
}
