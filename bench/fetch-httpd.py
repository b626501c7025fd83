#!/usr/bin/env python3
"""bench/fetch-httpd.py: the network bench's loopback server (asyncio).

usage: fetch-httpd.py PORTFILE LOGFILE

Serves only /gen/N[?delay=MS] as tests/fetch/httpd.py does (a small feed
number N with ETag "gN" and Last-Modified; a matching If-None-Match gets
304), over HTTP/1.1 keep-alive, and logs one line per request in the same
format plus the status ("GET PATH INM=<etag> IMS=<date> STATUS=<code>").  One thread and one event loop
hold every delayed reply at once: a thread per connection (the test
server) made the server, not news-fetch, the bottleneck of the bench.
"""
import asyncio
import os
import sys
from email.utils import formatdate
from urllib.parse import urlsplit, parse_qs

LASTMOD = formatdate(1700000000, usegmt=True)
LOG = None


def gen_feed(n):
    return ('<?xml version="1.0"?><rss version="2.0"><channel>'
            '<title>Generated %d</title><link>http://gen.example/%d/</link>'
            '<item><title>Item %d.1</title><link>http://gen.example/%d/1</link>'
            '<guid>gen-%d-1</guid></item>'
            '<item><title>Item %d.2</title><link>http://gen.example/%d/2</link>'
            '<guid>gen-%d-2</guid></item>'
            '</channel></rss>\n' % ((n,) * 8)).encode()


def reply(code, reason, headers, body=b''):
    h = ['HTTP/1.1 %d %s' % (code, reason), 'Server: newsutils-bench']
    h += ['%s: %s' % kv for kv in headers]
    if code != 304:
        h.append('Content-Length: %d' % len(body))
    return ('\r\n'.join(h) + '\r\n\r\n').encode() + body


async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b'\r\n\r\n')
            lines = head.decode('latin-1').split('\r\n')
            method, target = lines[0].split(' ')[:2]
            hdr = {}
            for ln in lines[1:]:
                if ':' in ln:
                    k, v = ln.split(':', 1)
                    hdr[k.strip().lower()] = v.strip()
            u = urlsplit(target)
            q = parse_qs(u.query)
            if 'delay' in q:
                await asyncio.sleep(int(q['delay'][0]) / 1000.0)
            parts = u.path.strip('/').split('/')
            if len(parts) == 2 and parts[0] == 'gen' and parts[1].isdigit():
                n = int(parts[1])
                etag = '"g%d"' % n
                if hdr.get('if-none-match') == etag:
                    out = reply(304, 'Not Modified', [('ETag', etag)])
                else:
                    out = reply(200, 'OK', [
                        ('Content-Type', 'application/rss+xml'),
                        ('ETag', etag), ('Last-Modified', LASTMOD)],
                        gen_feed(n) if method != 'HEAD' else b'')
            else:
                out = reply(404, 'Not Found', [('Content-Type', 'text/plain')],
                            b'no route\n')
            LOG.write('%s %s INM=%s IMS=%s STATUS=%s\n' % (
                method, target, hdr.get('if-none-match', '-'),
                hdr.get('if-modified-since', '-'), out[9:12].decode()))
            writer.write(out)
            await writer.drain()
            if hdr.get('connection', '').lower() == 'close':
                break
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main():
    global LOG
    if len(sys.argv) < 3:
        sys.stderr.write('usage: fetch-httpd.py PORTFILE LOGFILE\n')
        sys.exit(2)
    LOG = open(sys.argv[2], 'a', buffering=1)
    srv = await asyncio.start_server(handle, '127.0.0.1', 0, backlog=1024)
    tmp = sys.argv[1] + '.tmp'
    with open(tmp, 'w') as f:
        f.write('%d\n' % srv.sockets[0].getsockname()[1])
    os.rename(tmp, sys.argv[1])
    async with srv:
        await srv.serve_forever()


if __name__ == '__main__':
    asyncio.run(main())
