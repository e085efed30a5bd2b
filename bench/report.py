"""Writes the gateway section of BENCHMARKS.md from bench/run.sh's results.

Usage: report.py LATEST_TXT WORK_DIR BENCHMARKS_MD SECONDS WARMUP

The numbers come from the run; the hand-written reading of them (between <!-- reading --> and
<!-- /reading -->) and the propagation section (bench/propagation.py) are kept as they are.
"""

import os
import platform
import re
import subprocess
import sys

latest, work, target, secs, warm = sys.argv[1:6]
v = {}
for line in open(latest):
    for kv in line.split():
        if "=" in kv:
            k, val = kv.split("=", 1)
            v[k] = val
v["conns_10k_socket_errors"] = next(
    (l.split("=", 1)[1].strip() for l in open(latest) if l.startswith("conns_10k_socket_errors=")),
    "none",
)


def wrk(name, key):
    txt = open(f"{work}/wrk-{name}.txt").read()
    m = re.search(rf"^\s*{key}%\s+(\S+)", txt, re.M)
    return m.group(1) if m else "?"


def mib(kib):
    return f"{int(kib) / 1024:,.0f} MiB"


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
breakdown = open(f"{work}/breakdown.txt").read().rstrip()
rows = "\n".join(
    f"| {label} | {float(v[p + '_rps']):,.0f} | {float(v[p + '_rps']) / float(v['b_rps']):.2f} | "
    f"{wrk(p, '50')} | {wrk(p, '90')} | {wrk(p, '99')} |"
    for p, label in (
        ("a", "(a) backend directly (nginx, 1 KiB)"),
        ("b", "(b) nginx `proxy_pass` to the backend"),
        ("e", "(e) bare event-loop proxy in a WAR on Payara Micro (design floor)"),
        ("d", "(d) bare 1 KiB servlet on Payara Micro (platform floor, blocking)"),
        ("c", "(c) **Meridian gateway**: every filter, access log on"),
    )
)

doc = f"""# Benchmarks

Written by `bench/run.sh` (last run {v['date']}). Re-run it to refresh this file; the raw numbers
are in `bench/results/latest.txt`. Compare ratios within one run, not absolute numbers across runs.

## Machine and method

{os.cpu_count()} × {cpu}, {mem} GiB, {platform.system()} {platform.release()}, {java}.
The server under test — (b) nginx with one worker, or (c)/(d)/(e) one Payara Micro 6.2025.10 JVM
with `-Xms1g -Xmx1g -XX:+UseParallelGC`, started by `scripts/gateway-node.sh` — is pinned to CPU 0
with `taskset` (so the gateway runs one event loop); the backend (nginx, one worker) and the load
generator share CPU 1, so (a) and (b) are bounded by that shared core. wrk 4.1, 1 thread, 100
connections, {secs} s per run; each JVM gets a {warm} s warm-up first. Responses are
{v['response_bytes']} bytes. The gateway checks an RS256 token (verification cached by the
token's SHA-256), revocation, subscription and scope, adds its headers and writes its access log.

## Throughput and latency (wrk, 100 connections)

| target | req/s | vs (b) | p50 | p90 | p99 |
|---|---:|---:|---:|---:|---:|
{rows}

**(c)/(b) = {v['ratio_c_over_b']}** (target ≥ 0.8). The design floor (e)/(b) = {v['ratio_e_over_b']};
the gateway keeps (c)/(e) = {v['ratio_c_over_e']} of it. The blocking platform floor (d)/(b) =
{v['ratio_d_over_b']}.

## Added latency at a fixed 1,000 req/s (hey, 10 connections × 100 req/s)

p99 of the backend directly: {float(v['fixed_rate_a_p99_s']) * 1000:.2f} ms; through the gateway:
{float(v['fixed_rate_c_p99_s']) * 1000:.2f} ms. **Added p99: {v['added_p99_ms']} ms** (target ≤ 2 ms).
Status codes: backend `{v['fixed_rate_a_codes']}`, gateway `{v['fixed_rate_c_codes']}`.

## 10,000 keep-alive connections

wrk holds 10,000 connections to the gateway for {secs} s (1 thread, on CPU 1): {v['conns_10k_open']}
established at the gateway's port mid-run, {float(v['conns_10k_rps']):,.0f} req/s served, non-2xx
{v['conns_10k_non2xx']}, socket errors: {v['conns_10k_socket_errors']}. Gateway JVM: heap in use
{mib(v['heap_idle_kib'])} idle (after a GC) → {mib(v['heap_10k_kib'])} with the connections open;
resident set {mib(v['rss_idle_kib'])} → {mib(v['rss_10k_kib'])}.

## 1 GiB streamed through the gateway

Download (`GET`, backend nginx serving a 1 GiB file): {int(v['stream_down_bytes']):,} bytes
arrived; peak heap in use during the transfer {mib(v['stream_down_peak_heap_kib'])}. Upload (`PUT`,
chunked, to nginx WebDAV): {int(v['stream_up_bytes']):,} bytes stored, identical to the source:
{v['stream_up_intact']}; peak heap {mib(v['stream_up_peak_heap_kib'])}. Heap sampled every 200 ms
with `jstat`, starting after a full GC; the body never sits in the heap whole.

## Where the time goes

CPU of the gateway's JVM under the load of (c), by component (`perf record` at 999 Hz for 8 s,
JIT-compiled frames named with `jcmd Compiler.perfmap`, grouped by `bench/cpu_breakdown.py`):

```
{breakdown}
```
"""

old = open(target).read() if os.path.exists(target) else ""
reading = re.search(r"<!-- reading -->.*<!-- /reading -->\n", old, re.S)
doc += "\n" + (reading.group(0) if reading else "<!-- reading -->\n<!-- /reading -->\n")
propagation = re.search(r"<!-- propagation -->.*<!-- /propagation -->\n", old, re.S)
if propagation:
    doc += "\n" + propagation.group(0)
open(target, "w").write(doc)
