#!/usr/bin/env python3
"""Watches every process's command line for the installation's secrets.

    cmdline_watch.py SECRETS_DIR REPORT [INTERVAL_SECONDS]

A command line is public on Linux (ps, /proc/PID/cmdline): no script of Meridian may put a password
on one. scripts/test.sh runs this for the whole test run. Every INTERVAL (default 0.05 s) it reads
/proc/*/cmdline and looks for each secret the set-up generated (the files directly in SECRETS_DIR:
a secret alone, or the last value after '=', ':' or a space on each line of the files made from
them); every second
it rereads that directory (secrets appear as the set-up runs) and rewrites REPORT (JSON): samples
taken, processes seen, secrets known, and the findings (process id, program, the name of the
secret's file; never the secret). Before anything else it proves it can see: it starts a process
with a canary secret on its command line and must find it (self_check). Stops on SIGTERM.
"""
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time

MIN_LENGTH = 12
running = True


def stop(*_):
    global running
    running = False


def load_secrets(directory):
    found = {}
    try:
        names = sorted(os.listdir(directory))
    except FileNotFoundError:
        return found
    for name in names:
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            continue
        try:
            with open(path, "r", encoding="utf-8", errors="ignore") as f:
                text = f.read()
        except OSError:
            continue
        for line in text.splitlines():
            tokens = [t for t in re.split(r"[\s:=]+", line) if t]
            if tokens and len(tokens[-1]) >= MIN_LENGTH:
                found.setdefault(tokens[-1], name)
    return found


def command_lines():
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                raw = f.read()
        except OSError:
            continue
        if raw:
            yield int(pid), raw


def scan(known, report, seen):
    for pid, raw in command_lines():
        seen.add(pid)
        for token, name in known.items():
            if token.encode() in raw:
                program = os.path.basename(raw.split(b"\0", 1)[0].decode(errors="replace"))
                key = (pid, name)
                if key not in report["_keys"]:
                    report["_keys"].add(key)
                    report["findings"].append({"pid": pid, "program": program, "secret": name})


def self_check(report, seen):
    canary = "canary-" + secrets.token_urlsafe(18)
    probe = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(2)", canary])
    try:
        deadline = time.time() + 2
        hits = {"_keys": set(), "findings": []}
        while time.time() < deadline and not hits["findings"]:
            scan({canary: "canary"}, hits, seen)
            time.sleep(0.02)
        return bool(hits["findings"])
    finally:
        probe.kill()
        probe.wait()


def write(path, report, known, seen, started):
    out = {
        "self_check": report["self_check"],
        "samples": report["samples"],
        "seconds": round(time.time() - started, 1),
        "processes_seen": len(seen),
        "secrets_known": len(known),
        "findings": report["findings"],
    }
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(out, f, indent=1)
    os.replace(tmp, path)


def main():
    directory, path = sys.argv[1], sys.argv[2]
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    started = time.time()
    seen = set()
    report = {"self_check": False, "samples": 0, "findings": [], "_keys": set()}
    report["self_check"] = self_check(report, set())
    known = load_secrets(directory)
    last_write = 0.0
    while running:
        scan(known, report, seen)
        report["samples"] += 1
        now = time.time()
        if now - last_write >= 1:
            known = load_secrets(directory)
            write(path, report, known, seen, started)
            last_write = now
        time.sleep(interval)
    write(path, report, known, seen, started)


if __name__ == "__main__":
    main()
