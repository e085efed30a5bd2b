"""Groups a `perf report --sort dso,sym` of the gateway JVM by component.

Reads the report on stdin (JIT frames named through `jcmd <pid> Compiler.perfmap`) and prints one
line per component: its share of the samples. Frames are attributed to the code they are in, so
JDK library time (collections, strings, NIO) is its own line.
"""

import collections
import re
import sys

RULES = [
    ("kernel (loopback TCP, scheduling, syscalls)", r"\[kernel"),
    ("Meridian gateway code", r"io\.meridian"),
    ("Netty (event loop, HTTP codec, buffers)", r"io\.netty"),
    ("Vert.x (HTTP server and client)", r"io\.vertx"),
    ("Grizzly (HTTP server I/O and parsing)", r"org\.glassfish\.grizzly"),
    ("Catalina (servlet container)", r"org\.apache\.catalina|org\.apache\.coyote|jakarta\.servlet"),
    ("Weld (CDI request context)", r"org\.jboss\.weld"),
    ("other Payara / GlassFish services", r"fish\.payara|com\.sun\.enterprise|org\.glassfish"),
    ("nimbus-jose-jwt", r"com\.nimbusds"),
    ("JDK library code", r"\b(java|javax|jdk|sun)\.[a-z]"),
    ("JIT compiler, GC, JVM runtime", r"libjvm|Phase|IndexSet|Compil|::|Interpreter|StubRoutines|vtable"),
]

groups = collections.Counter()
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(.*)", line)
    if not m:
        continue
    pct, frame = float(m.group(1)), m.group(2)
    for name, rx in RULES:
        if re.search(rx, frame):
            groups[name] += pct
            break
    else:
        groups["other native code"] += pct
for name, pct in groups.most_common():
    print(f"{pct:5.1f} %  {name}")
