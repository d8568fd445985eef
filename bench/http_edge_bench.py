#!/usr/bin/env python3
"""/api/v1/health latency while N connections trickle (issue 12: with 500 trickling sockets
open, a normal client's /health answers with p99 < 100 ms).

    python3 bench/http_edge_bench.py PORT [--slow 500] [--requests 1000]

against a running `actorgraph serve` on 127.0.0.1:PORT. Each slow connection sends an
unfinished request head and then one byte a second; meanwhile one client asks /health on a
new connection each time (connect + request + answer) and the latencies' p50/p99/max are
printed as one JSON line. A benchmark, not a test: nothing here runs in CTest.
"""
import argparse
import json
import socket
import threading
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--slow", type=int, default=500)
    ap.add_argument("--requests", type=int, default=1000)
    args = ap.parse_args()
    host = "Host: 127.0.0.1:%d\r\n" % args.port
    slow = []
    for _ in range(args.slow):
        s = socket.create_connection(("127.0.0.1", args.port))
        s.sendall(("GET /api/v1/health HTTP/1.1\r\n" + host + "X-Slow: ").encode())
        s.setblocking(False)
        slow.append(s)
    stop = threading.Event()

    def trickle():
        while not stop.wait(1.0):
            for s in slow:
                try:
                    s.send(b"a")
                except OSError:
                    pass

    t = threading.Thread(target=trickle)
    t.start()
    request = ("GET /api/v1/health HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").encode()
    latencies, failures = [], 0
    for _ in range(args.requests):
        t0 = time.perf_counter()
        try:
            c = socket.create_connection(("127.0.0.1", args.port), timeout=10)
            c.sendall(request)
            data = b""
            while True:
                b = c.recv(65536)
                if not b:
                    break
                data += b
            c.close()
            if not data.startswith(b"HTTP/1.1 200"):
                failures += 1
        except OSError:
            failures += 1
        latencies.append(time.perf_counter() - t0)
    stop.set()
    t.join()
    still_open = 0  # slow connections neither answered nor closed: the server kept them all
    for s in slow:
        try:
            s.recv(1)
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
        s.close()
    latencies.sort()
    ms = lambda q: round(1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2)
    print(json.dumps({"slow_connections": args.slow, "slow_still_open": still_open,
                      "requests": len(latencies), "failures": failures,
                      "p50_ms": ms(0.50), "p99_ms": ms(0.99), "max_ms": round(1000 * latencies[-1], 2)}))


if __name__ == "__main__":
    main()
