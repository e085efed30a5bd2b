#!/usr/bin/env python3
"""Propagation across datacenters, measured on the two-DC topology of scripts/dc.sh.

  bench/propagation.sh   (brings the topology up, runs this, tears it down)

Measures, over the 20 ms-each-way WAN link:
  - publish -> first 2xx at the read-only gateway (N publishes of new APIs)
  - revoke  -> first 401 at the read-only gateway (N tokens)
  - cold start of a read-only gateway while the master DC is partitioned away
  - heal -> first effect: a publication and a revocation made on the master during a WAN
    partition (BENCH_PARTITION_SECONDS, default 20: longer than every link's dead-peer timeout),
    timed from the heal to the first 200 / 401 at the read-only gateway (BENCH_HEALS rounds)
  - the standby's replay lag, sampled during the runs
Writes bench/results/propagation.txt (or BENCH_OUTPUT, relative to the clone) and prints it.
"""
import base64
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASTER = "http://10.201.1.1:8080"
REPLICA_GW = "http://10.201.2.1:8280"
ADMIN = ("admin", os.environ.get("MERIDIAN_ADMIN_PASSWORD", "meridian-admin"))
N = int(os.environ.get("BENCH_PROPAGATIONS", "20"))
# Publications after a start that warm the JITs of the master and the gateways (the first also
# creates the artifact signing key and opens the connections): measured and reported on their
# own, not counted in the steady-state figures. The master's upload step settles after about 20
# (run of 2026-12-02 09:39: 231, 119, 78 ms ... 25-36 ms from about the 20th on); on a slower
# hour of this machine the whole path still sped up through the 40th (run of 16:37: the measured
# 20 went from 349 to 207 ms), hence 60.
PUBLISH_WARMUP = max(2, int(os.environ.get("BENCH_PUBLISH_WARMUP", "60")))
REVOKE_WARMUP = 3
HEALS = int(os.environ.get("BENCH_HEALS", "3"))
PARTITION_SECONDS = float(os.environ.get("BENCH_PARTITION_SECONDS", "20"))
# Each DC's demo backend (scripts/dc.sh): the read-only DC's gateway calls its own.
BACKEND = "http://10.201.1.1:9000"
REPLICA_BACKEND = "http://10.201.2.1:9000"


def request(method, url, body=None, auth=None, form=None, token=None, timeout=10):
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def ok(status, body, want):
    if status != want:
        sys.exit(f"expected {want}, got {status}: {body[:300]!r}")
    return json.loads(body) if body else None


def wait_status(url, want, token=None, timeout=30.0, poll=0.005):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        status, _ = request("GET", url, token=token, timeout=5)
        if status == want:
            return time.monotonic()
        time.sleep(poll)
    sys.exit(f"{url} did not answer {want} within {timeout} s")


def dc(*args):
    return subprocess.run(["bash", os.path.join(ROOT, "scripts/dc.sh"), *args], check=True,
                          capture_output=True, text=True).stdout


lag_samples = []


def sample_lag():
    out = dc("lag").strip().split("|")
    lag_samples.append((int(float(out[0])), float(out[1])))


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * len(values) + 0.5)) - 1))
    return values[k]


def summary(name, values):
    return (f"{name}: n={len(values)} p50={statistics.median(values):.0f} ms "
            f"p99={pct(values, 99):.0f} ms max={max(values):.0f} ms")


def api(context, ops):
    return {"name": "Bench", "context": context, "version": "1.0", "operations": ops,
            "endpoints": {"production": {"url": BACKEND}, "datacenters": {"dc-ro1": {"url": REPLICA_BACKEND}}}}


def main():
    run = str(int(time.time()))
    publish_ms = []
    published_ids = []
    warmup_publish_ms = []
    for i in range(-PUBLISH_WARMUP, N):
        context = f"/bench{run}p{i + PUBLISH_WARMUP}"
        created = ok(*request("POST", MASTER + "/publisher/api/v1/apis",
                              api(context, [{"method": "GET", "uriTemplate": "/tiers", "authRequired": False}]),
                              auth=ADMIN), 201)
        t0 = time.monotonic()
        ok(*request("POST", f"{MASTER}/publisher/api/v1/apis/{created['id']}/lifecycle",
                    {"state": "PUBLISHED"}, auth=ADMIN), 200)
        t1 = wait_status(f"{REPLICA_GW}{context}/1.0/tiers", 200)
        if i < 0:
            warmup_publish_ms.append((t1 - t0) * 1000)
            continue
        publish_ms.append((t1 - t0) * 1000)
        published_ids.append(created["id"])
        sample_lag()
    stages = publish_stages(published_ids)

    # revoke -> 401
    context = f"/bench{run}r"
    created = ok(*request("POST", MASTER + "/publisher/api/v1/apis",
                          api(context, [{"method": "GET", "uriTemplate": "/tiers", "tier": "Gold"}]),
                          auth=ADMIN), 201)
    ok(*request("POST", f"{MASTER}/publisher/api/v1/apis/{created['id']}/lifecycle", {"state": "PUBLISHED"},
                auth=ADMIN), 200)
    dev = (f"bench{run}", "bench-password-1")
    ok(*request("POST", MASTER + "/store/api/v1/signup", {"username": dev[0], "password": dev[1]}), 201)
    app = ok(*request("POST", MASTER + "/store/api/v1/applications", {"name": "bench"}, auth=dev), 201)
    ok(*request("POST", f"{MASTER}/store/api/v1/applications/{app['id']}/subscriptions",
                {"apiId": created["id"], "tier": "Gold"}, auth=dev), 201)
    keys = ok(*request("POST", f"{MASTER}/store/api/v1/applications/{app['id']}/keys", auth=dev), 201)
    client = (keys["consumerKey"], keys["consumerSecret"])
    revoke_ms = []
    # Like the first publication, the first revocations after start warm the JITs of the key
    # manager and the gateway's state rebuild: measured, reported on their own, not counted.
    warmup_revoke_ms = []
    for i in range(-REVOKE_WARMUP, N):
        token = ok(*request("POST", MASTER + "/store/oauth2/token", form={"grant_type": "client_credentials"},
                            auth=client), 200)["access_token"]
        wait_status(f"{REPLICA_GW}{context}/1.0/tiers", 200, token=token)
        t0 = time.monotonic()
        ok(*request("POST", MASTER + "/store/oauth2/revoke", form={"token": token}, auth=client), 200)
        t1 = wait_status(f"{REPLICA_GW}{context}/1.0/tiers", 401, token=token)
        (warmup_revoke_ms if i < 0 else revoke_ms).append((t1 - t0) * 1000)
        sample_lag()

    # cold start with the master partitioned away
    token = ok(*request("POST", MASTER + "/store/oauth2/token", form={"grant_type": "client_credentials"},
                        auth=client), 200)["access_token"]
    wait_status(f"{REPLICA_GW}{context}/1.0/tiers", 200, token=token)
    dc("partition")
    try:
        dc("gateway", "stop", "gw-r1")
        t0 = time.monotonic()
        dc("gateway", "start", "gw-r1")
        t1 = wait_status(f"{REPLICA_GW}{context}/1.0/tiers", 200, token=token, timeout=60)
        cold_start_s = t1 - t0
    finally:
        dc("heal")
    boot_s = payara_boot_seconds("gw-r1")

    heal_publish_ms, heal_revoke_ms = heals(client, context)

    lines = [
        f"# Cross-datacenter propagation ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}),"
        f" WAN round trip {os.environ.get('BENCH_RTT', '40')} ms, WAN links"
        f" {'in PLAIN TEXT (MERIDIAN_WAN_TLS=0)' if os.environ.get('MERIDIAN_WAN_TLS') == '0' else 'over TLS'}",
        summary("publish -> first 200 at the read-only gateway", publish_ms),
        f"first {len(warmup_publish_ms)} publications after start (warm-up, not counted above): "
        + " ".join(f"{v:.0f}" for v in warmup_publish_ms) + " ms",
        *[summary("  publish stage: " + n, v) for n, v in stages if v],
        summary("revoke -> first 401 at the read-only gateway", revoke_ms),
        f"first {REVOKE_WARMUP} revocations after start (not counted above): "
        + " ".join(f"{v:.0f}" for v in warmup_revoke_ms) + " ms",
        f"cold start of a read-only gateway, master partitioned: {cold_start_s:.1f} s (to first 200;"
        f" Payara Micro's own boot, its 'ready in': {seconds(boot_s)})",
        summary(f"heal after a {PARTITION_SECONDS:.0f} s partition -> publication served", heal_publish_ms),
        summary(f"heal after a {PARTITION_SECONDS:.0f} s partition -> revocation effective", heal_revoke_ms),
        f"replica replay lag after each run: max {max(b for b, _ in lag_samples)} bytes,"
        f" samples {len(lag_samples)}",
        "publish ms: " + " ".join(f"{v:.0f}" for v in publish_ms),
        "revoke ms: " + " ".join(f"{v:.0f}" for v in revoke_ms),
        "heal -> publication ms: " + " ".join(f"{v:.0f}" for v in heal_publish_ms),
        "heal -> revocation ms: " + " ".join(f"{v:.0f}" for v in heal_revoke_ms),
    ]
    os.makedirs(os.path.join(ROOT, "bench/results"), exist_ok=True)
    with open(os.path.join(ROOT, os.environ.get("BENCH_OUTPUT", "bench/results/propagation.txt")), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    update_benchmarks_md(publish_ms, revoke_ms, cold_start_s, lag_samples, warmup_publish_ms,
                         heal_publish_ms, heal_revoke_ms, boot_s, stages, warmup_revoke_ms)


def publish_stages(api_ids):
    """Where a publication's time goes, from the master's own records (one clock: all DCs run on
    this machine): lifecycle request -> the outbox worker starts uploading (outbox published_at,
    taken when the upload starts) -> announced on the broker (announced_at) -> activated by gw-r1
    (its acknowledgement's activated_at)."""
    ids = ",".join("'" + i + "'" for i in api_ids)
    rows = dc("sql", "master", f"""
        SELECT extract(epoch FROM o.published_at - o.requested_at) * 1000,
               extract(epoch FROM o.announced_at - o.published_at) * 1000,
               extract(epoch FROM d.activated_at - o.announced_at) * 1000
          FROM publication_outbox o
          JOIN datacenter_deployments d
            ON d.api_id = o.api_id AND d.manifest_revision = o.id AND d.datacenter = 'dc-ro1'
         WHERE o.api_id IN ({ids})""").split()
    columns = list(zip(*[[float(v) for v in r.split("|")] for r in rows])) if rows else [[], [], []]
    names = ["lifecycle request -> outbox worker starts the upload (outbox published_at)",
             "upload started -> announced (artifact PUTs, commit, broker send)",
             "announced -> active at gw-r1 (bridge, artifact fetch, replica wait, activation)"]
    return [(n, list(c)) for n, c in zip(names, columns)]


def seconds(value):
    """A duration in seconds for the report, or a plain statement when the log did not give one."""
    return "not in its log" if value != value else f"{value:.1f} s"


def payara_boot_seconds(node):
    """What the node's Payara Micro reported as its boot time ("ready in N (ms)"), in seconds."""
    import re
    log = os.path.join(os.environ.get("MERIDIAN_WORK", os.path.join(ROOT, ".work")), "gateways", node, "server.log")
    # The gateway serves before Payara prints its "ready in" line: wait for it (up to 60 s).
    deadline = time.monotonic() + 60
    while True:
        with open(log, errors="replace") as f:
            found = re.findall(r"ready in ([0-9,]+) \(ms\)", f.read())
        if found or time.monotonic() > deadline:
            return int(found[-1].replace(",", "")) / 1000 if found else float("nan")
        time.sleep(0.5)


def heals(client, context):
    """Publishes an API and revokes a token on the master while the WAN is cut; after the heal,
    polls the read-only gateway for both effects. Returns heal -> effect in ms for each round."""
    publish_ms, revoke_ms = [], []
    for i in range(HEALS):
        name = f"{context}h{i}"
        created = ok(*request("POST", MASTER + "/publisher/api/v1/apis",
                              api(name, [{"method": "GET", "uriTemplate": "/tiers", "authRequired": False}]),
                              auth=ADMIN), 201)
        token = ok(*request("POST", MASTER + "/store/oauth2/token", form={"grant_type": "client_credentials"},
                            auth=client), 200)["access_token"]
        wait_status(f"{REPLICA_GW}{context}/1.0/tiers", 200, token=token)
        dc("partition")
        try:
            cut = time.monotonic()
            ok(*request("POST", f"{MASTER}/publisher/api/v1/apis/{created['id']}/lifecycle",
                        {"state": "PUBLISHED"}, auth=ADMIN), 200)
            ok(*request("POST", MASTER + "/store/oauth2/revoke", form={"token": token}, auth=client), 200)
            # The partition's length is the scenario, not a wait for something to happen.
            time.sleep(max(0.0, PARTITION_SECONDS - (time.monotonic() - cut)))
            # Still cut off: the read-only DC serves what it had.
            status, _ = request("GET", f"{REPLICA_GW}{context}/1.0/tiers", token=token, timeout=5)
            if status != 200:
                sys.exit(f"during the partition the revoked token got {status} (expected 200: not yet known)")
        finally:
            dc("heal")
        healed = time.monotonic()
        published = revoked = None
        while (published is None or revoked is None) and time.monotonic() - healed < 60:
            if published is None and request("GET", f"{REPLICA_GW}{name}/1.0/tiers", timeout=5)[0] == 200:
                published = time.monotonic()
            if revoked is None and request("GET", f"{REPLICA_GW}{context}/1.0/tiers", token=token,
                                            timeout=5)[0] == 401:
                revoked = time.monotonic()
            time.sleep(0.005)
        if published is None or revoked is None:
            sys.exit("after healing, the publication or the revocation did not arrive within 60 s")
        publish_ms.append((published - healed) * 1000)
        revoke_ms.append((revoked - healed) * 1000)
    return publish_ms, revoke_ms


def update_benchmarks_md(publish_ms, revoke_ms, cold_start_s, lags, warmup_publish_ms,
                         heal_publish_ms, heal_revoke_ms, boot_s, stages, warmup_revoke_ms):
    """Replaces the propagation section of BENCHMARKS.md (bench/run.sh keeps it)."""
    import re
    target = os.path.join(ROOT, "BENCHMARKS.md")
    doc = open(target).read() if os.path.exists(target) else "# Benchmarks\n"
    doc = re.sub(r"\n*<!-- propagation -->.*<!-- /propagation -->\n", "\n", doc, flags=re.S)
    p50 = statistics.median
    stage_rows = "".join(f"| … {name} | {len(v)} | {p50(v):.0f} ms | {pct(v, 99):.0f} ms | |\n"
                         for name, v in stages if v)
    section = f"""<!-- propagation -->
## Cross-datacenter propagation

Written by `bench/propagation.sh` (last run {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}); raw numbers in
`bench/results/propagation.txt`. The two-DC topology of `scripts/dc.sh` on this machine: master and
read-only DC in their own network namespaces, a WAN link with 20 ms added each way (40 ms round
trip, checked at start-up), the read-only gateway reading its hot standby. Times run from the start
of the HTTP call to the master (publish, revoke) to the first response with the expected status at
the read-only gateway (polled every 5 ms).

| what | n | p50 | p99 | target |
|---|---:|---:|---:|---|
| publish → first 200 at the read-only gateway | {len(publish_ms)} | {p50(publish_ms):.0f} ms | {pct(publish_ms, 99):.0f} ms | p99 ≤ 250 ms |
{stage_rows}| revoke → first 401 at the read-only gateway | {len(revoke_ms)} | {p50(revoke_ms):.0f} ms | {pct(revoke_ms, 99):.0f} ms | p99 ≤ 150 ms |
| first {len(warmup_revoke_ms)} revocations after start (cold JIT; not in the row above) | {len(warmup_revoke_ms)} | {p50(warmup_revoke_ms):.0f} ms | max {max(warmup_revoke_ms):.0f} ms | |
| first publication after the master started (signing key created, connections opened, cold JIT; not in the rows above) | 1 | {warmup_publish_ms[0]:.0f} ms | | |
| the {len(warmup_publish_ms) - 1} publications after it (JITs warming; not in the rows above) | {len(warmup_publish_ms) - 1} | {p50(warmup_publish_ms[1:]):.0f} ms | max {max(warmup_publish_ms[1:]):.0f} ms | |
| cold start of a read-only gateway, master partitioned (script start → first 200) | 1 | {cold_start_s:.1f} s | | ≤ 10 s |
| … of which Payara Micro's own boot (its "ready in", before the WAR serves) | 1 | {seconds(boot_s)} | | |
| heal after a {PARTITION_SECONDS:.0f} s partition → publication made during it served | {len(heal_publish_ms)} | {p50(heal_publish_ms):.0f} ms | max {max(heal_publish_ms):.0f} ms | ≤ 2 s |
| heal after a {PARTITION_SECONDS:.0f} s partition → revocation made during it effective | {len(heal_revoke_ms)} | {p50(heal_revoke_ms):.0f} ms | max {max(heal_revoke_ms):.0f} ms | ≤ 2 s |
| standby replay lag after each measurement | {len(lags)} | | max {max(b for b, _ in lags)} bytes | |

Publishing crosses: the outbox worker (artifact PUTs to the master's nginx, commit),
the announcement through two brokers and the bridge (one WAN crossing), the artifact fetch from the
master's nginx (one more round trip: artifact and signature are read at the same time), the replica
position check, activation; every WAN link is TLS ("TLS on the WAN links" compares it with plain
text in one sitting). **Where it goes** (11 publications on 2026-12-02 10:10, from the benchmark's
clock, the outbox's timestamps and the read-only gateway's log, one machine, one clock): lifecycle
request → outbox entry 11–24 ms; → worker starts 5–13 ms; → announced (upload, commit, broker send;
the manifest was still on this path then)
39–95 ms; → announcement at the read-only gateway 20–47 ms (20 ms of WAN); artifact and signature
49–68 ms (one 40 ms round trip); activation and the first 200 10–40 ms. The floor of about two WAN
crossings plus one round trip is 60 ms; "The publication path" below says what was cut, measured
against the code before in one sitting. The first publications after a start run on cold JITs:
they are reported on their own, not counted.
Revocation crosses only streaming
replication and the gateway's 25 ms change-log poll. After a partition, each link finds out the
peer is gone within 5 s (the standby's `wal_receiver_timeout`, the bridges' `connection-ttl`), then
retries every 200 ms (WAL) or 500 ms (bridges) with each connection attempt cut short (libpq
`connect_timeout=2`, Artemis `connectTimeoutMillis=1000`), so that neither waits out TCP's backoff
once the link heals. The cold start is dominated by Payara Micro's own start; the node serves from
its last-known-good cache and the standby without contacting the master. For reference: Kong
batches config every 5 s, Tyk syncs keys every 10 s, Gravitee polls every 5 s, WSO2 retries fetches
for 15–60 s.
<!-- /propagation -->
"""
    open(target, "w").write(doc.rstrip("\n") + "\n\n" + section)


if __name__ == "__main__":
    main()
