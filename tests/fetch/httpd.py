#!/usr/bin/env python3
"""A loopback HTTP server with scripted replies, for news-fetch's tests
and benchmarks (Python 3 standard library only).

usage: httpd.py PORTFILE LOGFILE [ROOT [PORT]]

Listens on 127.0.0.1 at a free port (or PORT), writes the port to PORTFILE, and
appends one line per request to LOGFILE: "METHOD PATH INM=<etag> IMS=<date>".
ROOT (default: this directory) holds the files served by /feed/NAME.

Routes (a query "?delay=MS" delays any reply; "?nolength" sends no
Content-Length and closes the connection instead):
  /feed/NAME            the file ROOT/NAME, with ETag and Last-Modified;
                        a matching If-None-Match or If-Modified-Since: 304
  /status/CODE          that status, a short body
  /redirect/CODE/REST   a redirect with CODE to /REST
  /loop                 302 to itself
  /tofile               302 to file:///etc/passwd
  /ftp                  302 to ftp://127.0.0.1/x
  /retry-after/SEC/REST 429 with Retry-After: SEC the first time, then /REST
  /unavailable/SEC/REST 503 with Retry-After: SEC the first time, then /REST
  /flaky/N/REST         500 the first N times, then /REST
  /slow/SEC/REST        sleeps SEC seconds, then /REST
  /truncated/REST       announces the full length, sends half, closes
  /gzip/REST            /REST gzip-encoded
  /big/BYTES            a valid RSS document of about BYTES bytes
  /gen/N                a small generated feed number N (ETag "gN")
  /page/NAME            ROOT/pages/NAME as text/html (charset from a
                        ".CHARSET." part of the name, e.g. a.latin1.html)
  /robots.txt           User-agent: * / Disallow: /private (and
                        Crawl-delay: SEC after /crawl-delay/SEC)
  /crawl-delay/SEC      from now on robots.txt says Crawl-delay: SEC
                        ("off": none)
  /robots-status/CODE   from now on robots.txt is that status ("off": the
                        usual robots.txt again)
  /late/N/REST          404 the first N times, then /REST (a page that
                        is in the feed before it is published)
  /private/...          a page robots.txt forbids
  /ua                   a feed whose item title is the User-Agent
"""
import gzip
import hashlib
import os
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

ROOT = os.path.dirname(os.path.abspath(__file__))
LOG = None
COUNTS = {}
LOCK = threading.Lock()
LASTMOD = formatdate(1700000000, usegmt=True)
CRAWL_DELAY = None
ROBOTS_STATUS = None


def count(key):
    with LOCK:
        COUNTS[key] = COUNTS.get(key, 0) + 1
        return COUNTS[key]


def gen_feed(n):
    return ('<?xml version="1.0"?><rss version="2.0"><channel>'
            '<title>Generated %d</title><link>http://gen.example/%d/</link>'
            '<item><title>Item %d.1</title><link>http://gen.example/%d/1</link>'
            '<guid>gen-%d-1</guid></item>'
            '<item><title>Item %d.2</title><link>http://gen.example/%d/2</link>'
            '<guid>gen-%d-2</guid></item>'
            '</channel></rss>\n' % ((n,) * 8)).encode()


def big_feed(size):
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
    item = (b'<item><title>Filler</title><link>http://big.example/x</link>'
            b'<description>' + b'x' * 900 + b'</description></item>\n')
    out = [head]
    n = len(head)
    i = 0
    while n < size:
        out.append(item.replace(b'/x<', b'/%d<' % i))
        n += len(item)
        i += 1
    out.append(b'</channel></rss>\n')
    return b''.join(out)


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'newsutils-test'

    def log_message(self, fmt, *args):
        pass

    def reply(self, code, body=b'', ctype='application/xml', headers=None):
        self.send_response(code)
        if code != 304:
            self.send_header('Content-Type', ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if getattr(self, 'nolength', False):
            self.send_header('Connection', 'close')
            self.close_connection = True
        elif code not in (204, 304):
            self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD' and code not in (204, 304):
            self.wfile.write(body)

    def serve_file(self, path, extra=None):
        try:
            with open(path, 'rb') as f:
                data = f.read()
        except OSError:
            return self.reply(404, b'not found\n', 'text/plain')
        etag = '"%s"' % hashlib.sha1(data).hexdigest()[:16]
        h = {'ETag': etag, 'Last-Modified': LASTMOD}
        h.update(extra or {})
        inm = self.headers.get('If-None-Match')
        ims = self.headers.get('If-Modified-Since')
        if (inm and inm == etag) or (not inm and ims == LASTMOD):
            return self.reply(304, headers=h)
        ctype = 'application/xml'
        if path.endswith('.json'):
            ctype = 'application/feed+json'
        return self.reply(200, data, ctype, h)

    def route(self, path):
        global CRAWL_DELAY, ROBOTS_STATUS
        parts = path.strip('/').split('/')
        head = parts[0]
        rest = '/' + '/'.join(parts[2:]) if len(parts) > 2 else '/'
        if head == 'feed' and len(parts) >= 2:
            return self.serve_file(os.path.join(ROOT, *parts[1:]))
        if head == 'status':
            return self.reply(int(parts[1]), b'status page\n', 'text/html')
        if head == 'redirect':
            target = '/' + '/'.join(parts[2:])
            return self.reply(int(parts[1]), b'moved\n', 'text/html',
                              {'Location': target})
        if head == 'loop':
            return self.reply(302, b'', 'text/html', {'Location': '/loop'})
        if head == 'tofile':
            return self.reply(302, b'', 'text/html',
                              {'Location': 'file:///etc/passwd'})
        if head == 'ftp':
            return self.reply(302, b'', 'text/html',
                              {'Location': 'ftp://127.0.0.1/x'})
        if head in ('retry-after', 'unavailable'):
            if count(path) == 1:
                return self.reply(429 if head == 'retry-after' else 503,
                                  b'slow down\n', 'text/plain',
                                  {'Retry-After': parts[1]})
            return self.route(rest)
        if head == 'flaky':
            if count(path) <= int(parts[1]):
                return self.reply(500, b'oops\n', 'text/plain')
            return self.route(rest)
        if head == 'slow':
            time.sleep(float(parts[1]))
            return self.route(rest)
        if head == 'truncated':
            p = '/'.join(parts[1:])
            with open(os.path.join(ROOT, p), 'rb') as f:
                data = f.read()
            self.send_response(200)
            self.send_header('Content-Type', 'application/xml')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data[:len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return None
        if head == 'gzip':
            p = '/'.join(parts[1:])
            with open(os.path.join(ROOT, p), 'rb') as f:
                data = gzip.compress(f.read())
            return self.reply(200, data, 'application/xml',
                              {'Content-Encoding': 'gzip'})
        if head == 'big':
            return self.reply(200, big_feed(int(parts[1])))
        if head == 'gen':
            n = int(parts[1])
            etag = '"g%d"' % n
            if self.headers.get('If-None-Match') == etag:
                return self.reply(304, headers={'ETag': etag})
            return self.reply(200, gen_feed(n), 'application/rss+xml',
                              {'ETag': etag, 'Last-Modified': LASTMOD})
        if head == 'page':
            name = '/'.join(parts[1:])
            bits = name.split('.')
            ctype = 'text/html'
            if len(bits) >= 3:
                ctype = 'text/html; charset=' + bits[-2]
            try:
                with open(os.path.join(ROOT, 'pages', name), 'rb') as f:
                    return self.reply(200, f.read(), ctype)
            except OSError:
                return self.reply(404, b'no page\n', 'text/html')
        if head == 'robots.txt' and ROBOTS_STATUS is not None:
            return self.reply(ROBOTS_STATUS, b'robots status\n', 'text/plain')
        if head == 'robots-status' and len(parts) > 1:
            ROBOTS_STATUS = None if parts[1] == 'off' else int(parts[1])
            return self.reply(200, b'ok\n', 'text/plain')
        if head == 'late' and len(parts) > 1:
            if count(path) <= int(parts[1]):
                return self.reply(404, b'not yet\n', 'text/html')
            return self.route(rest)
        if head == 'robots.txt':
            body = 'User-agent: *\nDisallow: /private\n'
            if CRAWL_DELAY is not None:
                body += 'Crawl-delay: %s\n' % CRAWL_DELAY
            return self.reply(200, body.encode(), 'text/plain')
        if head == 'crawl-delay' and len(parts) > 1:
            CRAWL_DELAY = None if parts[1] == 'off' else parts[1]
            return self.reply(200, b'ok\n', 'text/plain')
        if head == 'private':
            return self.reply(200, b'<html><body>secret</body></html>',
                              'text/html')
        if head == 'ua':
            ua = self.headers.get('User-Agent', '')
            body = ('<rss version="2.0"><channel><title>UA</title>'
                    '<item><title>%s</title><link>http://ua.example/</link>'
                    '</item></channel></rss>' % ua).encode()
            return self.reply(200, body)
        return self.reply(404, b'no route\n', 'text/plain')

    def do_GET(self):
        u = urlsplit(self.path)
        with LOCK:
            with open(LOG, 'a') as f:
                f.write('%s %s INM=%s IMS=%s\n' % (
                    self.command, self.path,
                    self.headers.get('If-None-Match', '-'),
                    self.headers.get('If-Modified-Since', '-')))
        q = parse_qs(u.query, keep_blank_values=True)
        self.nolength = 'nolength' in q
        if 'delay' in q:
            time.sleep(int(q['delay'][0]) / 1000.0)
        try:
            self.route(u.path)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_HEAD = do_GET


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        pass  # a client that went away (timeouts, size limits) is expected


def main():
    global LOG, ROOT
    if len(sys.argv) < 3:
        sys.stderr.write('usage: httpd.py PORTFILE LOGFILE [ROOT]\n')
        sys.exit(2)
    LOG = sys.argv[2]
    if len(sys.argv) > 3:
        ROOT = sys.argv[3]
    port = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    srv = Server(('127.0.0.1', port), Handler)
    tmp = sys.argv[1] + '.tmp'
    with open(tmp, 'w') as f:
        f.write('%d\n' % srv.server_address[1])
    os.rename(tmp, sys.argv[1])
    srv.serve_forever()


if __name__ == '__main__':
    main()
