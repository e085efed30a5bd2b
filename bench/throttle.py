#!/usr/bin/env python3
"""Admitted totals against throttling limits, on the two-DC topology (bench/throttle.sh).

Each phase loads gateways as fast as they answer for one window of the policy (10 s), then waits a
window so phases do not share one, and counts what was admitted (204) and refused (429):
  1. one datacenter, two nodes (gw-r1, gw-r2), one limit shared by both;
  2. a global quota shared by both datacenters: even load (gw-m and gw-r1), uneven load (the
     master DC's clients asking a tenth of the quota, the read-only DC's saturating; the second
     window is counted, once the master has moved the unused quota), and even load with the WAN
     cut.
Writes bench/results/throttle.txt and the <!-- throttle --> section of BENCHMARKS.md.
"""
import base64
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASTER = ("10.201.1.1", 8080)
GW_M = ("10.201.1.1", 8280)
GW_R1 = ("10.201.2.1", 8280)
GW_R2 = ("10.201.2.1", 8281)
ADMIN = "Basic " + base64.b64encode(
    f"admin:{os.environ.get('MERIDIAN_ADMIN_PASSWORD', 'meridian-admin')}".encode()).decode()
LIMIT = int(os.environ.get("BENCH_THROTTLE_LIMIT", "2000"))
WINDOW = 10


def call(host, method, path, body=None):
    c = http.client.HTTPConnection(*host, timeout=10)
    headers = {"Authorization": ADMIN}
    data = None
    if body is not None:
        data = json.dumps(body)
        headers["Content-Type"] = "application/json"
    c.request(method, path, body=data, headers=headers)
    r = c.getresponse()
    out = r.status, r.read()
    c.close()
    return out


def created(status_body, want=201):
    status, body = status_body
    if status != want:
        sys.exit(f"expected {want}, got {status}: {body[:300]!r}")
    return json.loads(body) if body else None


def setup(global_quota):
    name = f"bench-{'global' if global_quota else 'dc'}-{int(time.time())}"
    created(call(MASTER, "POST", "/publisher/api/v1/tiers",
                 {"name": name, "requestCount": LIMIT, "unitSeconds": WINDOW,
                  "globalQuota": global_quota, "description": "bench/throttle.py"}))
    context = "/" + name
    api = created(call(MASTER, "POST", "/publisher/api/v1/apis", {
        "name": name, "context": context, "version": "1.0", "tier": name,
        "operations": [{"method": "GET", "uriTemplate": "/hello", "authRequired": False}],
        "endpoints": {"production": {"url": "http://10.201.1.1:9000"},
                      "datacenters": {"dc-ro1": {"url": "http://10.201.2.1:9000"}}}}))
    created(call(MASTER, "POST", f"/publisher/api/v1/apis/{api['id']}/lifecycle",
                 {"state": "PUBLISHED"}), 200)
    return context + "/1.0/hello"


def wait_served(host, path):
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection(*host, timeout=5)
            c.request("GET", path)
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"{host} does not serve {path}")


def load(targets, seconds, warm=0):
    """targets: [(host, path, threads, rate)], rate in requests/s per thread (0: as fast as
    answered); loads for warm + seconds and counts the last `seconds` only.
    Returns {host: {status: count}}."""
    counts = {t[0]: {} for t in targets}
    limits.clear()
    lock = threading.Lock()
    start = time.time() + warm
    deadline = start + seconds

    def worker(host, path, rate):
        c = http.client.HTTPConnection(*host, timeout=10)
        local = {}
        sent = 0
        began = time.time()
        while time.time() < deadline:
            if rate:
                ahead = began + sent / rate - time.time()
                if ahead > 0:
                    time.sleep(ahead)
            sent += 1
            try:
                c.request("GET", path)
                r = c.getresponse()
                r.read()
                status = r.status
                advertised = r.getheader("RateLimit-Limit")
                if advertised:
                    limits[host] = advertised
            except OSError:
                status = 0
                c = http.client.HTTPConnection(*host, timeout=10)
            if time.time() >= start:
                local[status] = local.get(status, 0) + 1
        with lock:
            for k, v in local.items():
                counts[host][k] = counts[host].get(k, 0) + v

    threads = [threading.Thread(target=worker, args=(h, p, rate))
               for h, p, n, rate in targets for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counts


def dc(*args):
    subprocess.run(["bash", os.path.join(ROOT, "scripts/dc.sh"), *args], check=True,
                   capture_output=True)


def admitted(counts, *hosts):
    return sum(counts[h].get(200, 0) for h in hosts)


results = []
limits = {}  # host -> the last RateLimit-Limit it advertised (its share, for a global quota)


def phase(label, targets, warm=0):
    counts = load(targets, WINDOW, warm)
    hosts = [t[0] for t in targets]
    total = admitted(counts, *hosts)
    refused = sum(counts[h].get(429, 0) for h in hosts)
    per = ", ".join(f"{h[0]}:{h[1]} {admitted(counts, h)} (limit {limits.get(h, '-')})"
                    for h in hosts)
    results.append((label, total, refused, per))
    print(f"{label}: admitted {total} of {LIMIT} ({total / LIMIT:.3f}), refused {refused}; {per}",
          flush=True)
    time.sleep(WINDOW + 1)


dc_path = setup(False)
for host in (GW_R1, GW_R2):
    wait_served(host, dc_path)
time.sleep(WINDOW + 1)
phase("one DC, two nodes, even load", [(GW_R1, dc_path, 3, 0), (GW_R2, dc_path, 3, 0)])
phase("one DC, two nodes, all load on one", [(GW_R1, dc_path, 6, 0), (GW_R2, dc_path, 0, 0)])

global_path = setup(True)
for host in (GW_M, GW_R1, GW_R2):
    wait_served(host, global_path)
time.sleep(WINDOW + 1)
phase("global quota, even load on both DCs", [(GW_M, global_path, 3, 0), (GW_R1, global_path, 3, 0)])
# The master DC's clients ask for a tenth of the quota; the read-only DC's for all it can get. The
# first window lets the master move the unused part of the quota; the second is counted.
light = LIMIT / 10 / WINDOW
phase("global quota, master DC light (a tenth), read-only DC saturated, second window",
      [(GW_M, global_path, 1, light), (GW_R1, global_path, 3, 0), (GW_R2, global_path, 3, 0)],
      warm=WINDOW)
dc("partition")
try:
    phase("global quota, WAN cut, even load", [(GW_M, global_path, 3, 0), (GW_R1, global_path, 3, 0)])
finally:
    dc("heal")

stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
lines = [f"# Throttling across nodes and datacenters ({stamp}), limit {LIMIT} per {WINDOW} s"]
lines += [f"{label}: admitted={total} ratio={total / LIMIT:.3f} refused={refused} ({per})"
          for label, total, refused, per in results]
text = "\n".join(lines) + "\n"
os.makedirs(os.path.join(ROOT, "bench/results"), exist_ok=True)
open(os.path.join(ROOT, "bench/results/throttle.txt"), "w").write(text)
print(text)

rows = "\n".join(f"| {label} | {total:,} | {total / LIMIT:.3f} | {refused:,} | {per} |"
                 for label, total, refused, per in results)
section = f"""<!-- throttle -->
## Throttling across gateway nodes and datacenters

Written by `bench/throttle.sh` (last run {stamp}); raw numbers in `bench/results/throttle.txt`. The
two-DC topology of `scripts/dc.sh` with two gateway nodes in the read-only DC (one Payara Micro
data grid), a policy of {LIMIT} requests per {WINDOW} s at the API level, Python clients calling as
fast as the gateways answer for one window per phase (phases a window apart). "Admitted" is the
number of 200s in the window, against the limit; the documented bounds are the limit plus a tenth
of a node's share per node that starts counting (one DC), and the same within each DC's share for a
global quota.

| phase | admitted | admitted ÷ limit | refused (429) | per gateway |
|---|---:|---:|---:|---|
{rows}
<!-- /throttle -->
"""
target = os.path.join(ROOT, "BENCHMARKS.md")
doc = open(target).read() if os.path.exists(target) else "# Benchmarks\n"
if "<!-- throttle -->" in doc:
    doc = re.sub(r"<!-- throttle -->.*<!-- /throttle -->\n", section, doc, flags=re.S)
else:
    doc = doc.rstrip("\n") + "\n\n" + section
open(target, "w").write(doc)
