"""Writes the gateway section of BENCHMARKS.md from bench/run.sh's results.

Usage: report.py LATEST_TXT WORK_DIR BENCHMARKS_MD SECONDS WARMUP

The numbers come from the run and replace everything before <!-- reading -->; the hand-written
reading of them (between <!-- reading --> and <!-- /reading -->) and everything after it (the
sections other benchmarks write: boot, throttle, propagation, and the hand-written ones) are kept as
they are.
"""

import os
import platform
import re
import statistics
import subprocess
import sys

latest, work, target, secs, warm = sys.argv[1:6]
v = {}
rounds = []
fixed = []
for line in open(latest):
    kv = dict(x.split("=", 1) for x in line.split() if "=" in x)
    if line.startswith("round="):
        rounds.append({k: float(val) for k, val in kv.items()})
    elif line.startswith("fixed_rate_round="):
        fixed.append(kv)
    elif line.startswith("conns_10k_socket_errors="):
        v["conns_10k_socket_errors"] = line.split("=", 1)[1].strip()
    elif line.startswith("conns_10k_statuses="):
        v["conns_10k_statuses"] = line.split("=", 1)[1].strip()
    else:
        v.update(kv)


def median(xs):
    return statistics.median(xs)


def ratio(num, den):
    """The median of the per-round ratios (drift between rounds cancels within a round)."""
    return median([r[num] / r[den] for r in rounds])


def rps(name):
    return median([r[name] for r in rounds])


def cpu_us(name):
    """Median CPU microseconds per request of the server under test."""
    return median([r[f"{name}_cpu_us"] for r in rounds])


def efficiency(name):
    """Median over rounds of nginx's CPU per request divided by NAME's: 1 = as cheap as nginx."""
    return median([r["b_cpu_us"] / r[f"{name}_cpu_us"] for r in rounds])


def wrk(name, key):
    """The percentile of the last run of a target."""
    runs = open(f"{work}/wrk-{name}.txt").read().split("Running ")
    m = re.search(rf"^\s*{key}%\s+(\S+)", runs[-1], re.M)
    return m.group(1) if m else "?"


def mib(kib):
    return f"{int(kib) / 1024:,.0f} MiB"


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
breakdown = open(f"{work}/breakdown.txt").read().rstrip()
def cpu_cells(p):
    return "–" if p == "a" else f"{cpu_us(p):.1f} µs | {efficiency(p):.2f}"


rows = "\n".join(
    f"| {label} | {rps(p):,.0f} | {ratio(p, 'b'):.2f} | {cpu_cells(p) if p != 'a' else '– | –'} | "
    f"{wrk(p, '50')} | {wrk(p, '90')} | {wrk(p, '99')} |"
    for p, label in (
        ("a", "(a) backend directly (nginx, 1 KiB)"),
        ("b", "(b) nginx `proxy_pass` to the backend"),
        ("e", "(e) bare event-loop proxy in a WAR on Payara Micro (design floor)"),
        ("d", "(d) bare 1 KiB servlet on Payara Micro (platform floor, blocking)"),
        ("c", "(c) **Meridian gateway**: every filter, access log on"),
        ("f", "(f) the gateway on an API throttled at all four levels (limit never reached)"),
    )
)
per_round = "\n".join(
    f"| {int(r['round'])} | "
    + " | ".join(f"{r[p]:,.0f}" for p in "abedcf")
    + f" | {r['c'] / r['b']:.2f} | {r['e'] / r['b']:.2f} | "
    + f"{r['b_cpu_us'] / r['c_cpu_us']:.2f} |"
    for r in rounds
)
def p99_ms(f, t):
    return float(f[f"{t}_p99_s"]) * 1000


def added_ms(t):
    """Median over the rounds of target t's p99 minus the backend's, in the same round."""
    return median([p99_ms(f, t) - p99_ms(f, "a") for f in fixed])


added = added_ms("c")
added_b = added_ms("b")
added_e = added_ms("e")
added_d = added_ms("d")
fixed_rows = "\n".join(
    f"| {f['fixed_rate_round']} | {p99_ms(f, 'a'):.2f} ms | "
    + " | ".join(f"{p99_ms(f, t):.2f} ms ({p99_ms(f, t) - p99_ms(f, 'a'):+.2f})" for t in "bedc")
    + " | "
    + " ".join(f"`{f[t + '_codes']}`" for t in "abedc")
    + " |"
    for f in fixed
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

{v['rounds']} interleaved rounds of {secs} s per target (each round starts one target further on);
req/s is the median over the rounds, "vs (b)" the median of the per-round ratios; latency
percentiles are from the last round. "CPU/req" is the CPU time (user + system, every thread) the
server under test used per request served, from `/proc/PID/stat` around each run, and
"efficiency" nginx's CPU/req divided by the target's, median of the per-round ratios: on one
saturated core it is what the throughput ratio would be on a quiet machine, and this shared host's
drifting speed (nginx's own req/s varies by tens of percent between minutes) disturbs it much less.

| target | req/s | vs (b) | CPU/req | efficiency | p50 | p90 | p99 |
|---|---:|---:|---:|---:|---:|---:|---:|
{rows}

**(c)/(b): throughput {ratio('c', 'b'):.2f}, CPU efficiency {efficiency('c'):.2f}** (target ≥ 0.8). The design floor
(e)/(b): {ratio('e', 'b'):.2f} and {efficiency('e'):.2f}; the gateway keeps (c)/(e) = {ratio('c', 'e'):.2f} of its
throughput. The blocking platform floor (d)/(b): {ratio('d', 'b'):.2f} and {efficiency('d'):.2f}.

**Throttling's cost**: (f)/(c) = {ratio('f', 'c'):.2f} in throughput, {median([r['c_cpu_us'] / r['f_cpu_us'] for r in rounds]):.2f} in CPU per request (target ≥ 0.9:
at most 10 % cost).

Every round (req/s):

| round | (a) | (b) | (e) | (d) | (c) | (f) | (c)/(b) | (e)/(b) | CPU efficiency (c) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
{per_round}

## Added latency at a fixed 1,000 req/s (hey, 10 connections × 100 req/s)

**Added p99 (median over rounds) through the gateway (c): {added:.2f} ms** (target ≤ 2 ms). The
floors of the tail, measured in the same rounds: nginx `proxy_pass` (b) adds {added_b:.2f} ms, the
bare event-loop proxy in a WAR on Payara Micro (e) {added_e:.2f} ms, and the bare servlet on Payara
Micro (d), which proxies nothing and only writes 1 KiB, {added_d:.2f} ms.

| round | p99 backend directly (a) | p99 (b), added | p99 (e), added | p99 (d), added | p99 gateway (c), added | status codes a, b, e, d, c |
|---|---:|---:|---:|---:|---:|---|
{fixed_rows}

## 10,000 keep-alive connections

wrk holds 10,000 connections to the gateway for {secs} s (1 thread, on CPU 1): {v['conns_10k_open']}
established at the gateway's port mid-run, {float(v['conns_10k_rps']):,.0f} req/s served, non-2xx
{v['conns_10k_non2xx']}, socket errors: {v['conns_10k_socket_errors']}. The gateway's answers by status (its
access log): {v.get('conns_10k_statuses', '?')}. Every connection keeps a request outstanding, so this
is 10,000 requests at once against a pool of 256 backend connections: a request that finds 1,024
already waiting for one (`max-waiting`) is answered 503 `backend_busy` at once, one that waits longer
than `connect-timeout-millis` (2 s) is answered 504, and one whose client gave up first (wrk's 10 s
timeout) is logged 499. Gateway JVM: heap in use
{mib(v['heap_idle_kib'])} idle (after a GC) → {mib(v['heap_10k_kib'])} with the connections open;
resident set {mib(v['rss_idle_kib'])} → {mib(v['rss_10k_kib'])}.

## 1 GiB streamed through the gateway

Download (`GET`, backend nginx serving a 1 GiB file): {int(v['stream_down_bytes']):,} bytes arrived.
Upload (`PUT`, chunked, to nginx WebDAV): {int(v['stream_up_bytes']):,} bytes stored, identical to the
source: {v['stream_up_intact']}. Heap sampled every 200 ms with `jstat` after a full GC (old generation
then {mib(v['stream_old_before_kib'])}): peak in use, all generations, {mib(v['stream_down_peak_heap_kib'])} down and
{mib(v['stream_up_peak_heap_kib'])} up — the young generation filling with short-lived buffers between
collections; peak old generation {mib(v['stream_down_peak_old_kib'])} down and {mib(v['stream_up_peak_old_kib'])} up. A body
held whole would need a gigabyte of heap; the gateway's JVM has one.

## Where the time goes

CPU of the gateway's JVM under the load of (c), by component (`perf record` at 999 Hz for 8 s,
JIT-compiled frames named with `jcmd Compiler.perfmap`, grouped by `bench/cpu_breakdown.py`):

```
{breakdown}
```
"""

old = open(target).read() if os.path.exists(target) else ""
reading = re.search(r"<!-- reading -->.*<!-- /reading -->\n", old, re.S)
if reading:
    # The reading and every section after it are other writers' (or hand-written): kept whole.
    doc += "\n" + old[reading.start():]
else:
    doc += "\n<!-- reading -->\n<!-- /reading -->\n" + ("\n" + old if old else "")
open(target, "w").write(doc)
