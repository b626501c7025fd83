# tests/fetch/server.sh: start the loopback HTTP server (httpd.py) for a
# test; source it after lib.sh.  Sets PORT and BASE (http://127.0.0.1:PORT);
# the server's request log is $SCRATCH/httpd.log.  The server is stopped
# when the test exits, or by stop_httpd; start_httpd PORT starts it again
# on that port (a server that was down and is back).
start_httpd() {
	rm -f "$SCRATCH/port"
	python3 "$FIXTURES/fetch/httpd.py" "$SCRATCH/port" "$SCRATCH/httpd.log" "$FIXTURES/fetch" ${1:+"$1"} &
	HTTPD_PID=$!
	trap 'kill $HTTPD_PID 2>/dev/null; cd /; if [ "$tap_fail" -eq 0 ]; then rm -rf "$SCRATCH"; else echo "# scratch kept in $SCRATCH"; fi' EXIT
	n=0
	while [ ! -s "$SCRATCH/port" ]; do
		sleep 0.1
		n=$((n + 1))
		if [ $n -gt 100 ]; then
			echo "Bail out! the test HTTP server did not start"
			exit 1
		fi
	done
	PORT=$(cat "$SCRATCH/port")
	BASE=http://127.0.0.1:$PORT
	: > "$SCRATCH/httpd.log"
	export PORT BASE
}
stop_httpd() {
	kill $HTTPD_PID 2>/dev/null
	wait $HTTPD_PID 2>/dev/null
}
