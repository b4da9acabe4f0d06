#!/usr/bin/env python3
"""Quarter-end rush client for Benchmarks/national.sh.

Each reporter is a thread with its own keep-alive connection and its own API token; it POSTs
/api/v1/projects/{its project}/reports with one observation and submit:true, `--per-reporter`
times, each time for a new (indicator, day) so nothing waits on an earlier submission. Every
acknowledged write (201 with a receipt) is written to --acks as "fact_id<TAB>indicator<TAB>period".
With --readers N (used when wrk is not installed) N more threads GET --paths in a loop.

Prints one JSON object: counts by status, latency percentiles (ms) of the submits and of the reads.
"""
import argparse, datetime, http.client, json, os, sys, threading, time


def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--tokens", required=True, help="lines: SECRET<TAB>PROJECT")
    ap.add_argument("--targets", required=True, help="lines: PROJECT<TAB>INDICATOR<TAB>VALUE")
    ap.add_argument("--per-reporter", type=int, default=10)
    ap.add_argument("--acks", required=True)
    ap.add_argument("--readers", type=int, default=0)
    ap.add_argument("--paths", help="one path a line, for --readers")
    ap.add_argument("--timeout", type=float, default=600)
    a = ap.parse_args()

    reporters = [l.rstrip("\n").split("\t") for l in open(a.tokens) if l.strip()]
    targets = {}
    for line in open(a.targets, encoding="utf-8"):
        project, indicator, value = line.rstrip("\n").split("\t")
        targets.setdefault(project, []).append((indicator, value))
    # Days that have started and are not locked (periods lock 90 days after they end): the last 80 days in Korea.
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))).date()
    days = [(today - datetime.timedelta(days=j)).isoformat() for j in range(0, 80)]
    if a.per_reporter > len(days):
        sys.exit(f"--per-reporter is at most {len(days)}")

    lock = threading.Lock()
    submit_ms, read_ms, statuses, read_statuses, acks, failures = [], [], {}, {}, [], []
    start = threading.Barrier(len(reporters) + a.readers + 1)
    writers_done = threading.Event()

    def reporter(secret, project):
        conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.timeout)
        mine = targets[project]
        start.wait()
        for i in range(a.per_reporter):
            # NATIONAL_RUSH_OFFSET starts each reporter further down its list, so a rerun on a kept
            # database (national.sh --reuse) does not collide with values still waiting for review.
            indicator, value = mine[(i + int(os.environ.get("NATIONAL_RUSH_OFFSET", "0"))) % len(mine)]
            body = json.dumps({"submit": True, "observations": [
                {"indicatorId": indicator, "period": days[i], "value": value, "source": "bench rush"}]}).encode()
            t = time.perf_counter()
            try:
                conn.request("POST", f"/api/v1/projects/{project}/reports", body=body,
                             headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"})
                r = conn.getresponse()
                data = r.read()
                status = r.status
            except Exception as e:  # a refused or dropped connection is an error, and then a new connection
                status, data = type(e).__name__, b""
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.timeout)
            ms = (time.perf_counter() - t) * 1000
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 201:
                    submit_ms.append(ms)
                    for f in json.loads(data)["facts"]:
                        acks.append((f["id"], indicator, days[i]))
                elif len(failures) < 5:
                    failures.append(f"{status} {project} {indicator} {days[i]}: {data[:300]!r}")
        conn.close()

    def reader(paths, n):
        conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.timeout)
        start.wait()
        i = n
        while not writers_done.is_set():
            path = paths[i % len(paths)]
            i += 7
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                status = r.status
            except Exception as e:
                status = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.timeout)
            with lock:
                read_statuses[status] = read_statuses.get(status, 0) + 1
                read_ms.append((time.perf_counter() - t) * 1000)
        conn.close()

    threads = [threading.Thread(target=reporter, args=(s, p)) for s, p in reporters]
    paths = [l.strip() for l in open(a.paths)] if a.readers else []
    readers = [threading.Thread(target=reader, args=(paths, n)) for n in range(a.readers)]
    for t in threads + readers:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    writers_done.set()
    for t in readers:
        t.join()
    with open(a.acks, "w") as f:
        for fact_id, indicator, period in acks:
            f.write(f"{fact_id}\t{indicator}\t{period}\n")
    out = {
        "reporters": len(reporters), "per_reporter": a.per_reporter, "seconds": round(elapsed, 2),
        "statuses": {str(k): v for k, v in statuses.items()}, "acknowledged": len(acks),
        "submits_per_s": round(len(submit_ms) / elapsed, 1) if elapsed else None,
        "submit_ms": {p: (round(percentile(submit_ms, q), 1) if submit_ms else None)
                      for p, q in (("p50", 50), ("p90", 90), ("p99", 99), ("max", 100))},
        "failures": failures,
    }
    if a.readers:
        out["read_statuses"] = {str(k): v for k, v in read_statuses.items()}
        out["read_ms"] = {p: (round(percentile(read_ms, q), 1) if read_ms else None) for p, q in (("p50", 50), ("p99", 99))}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
