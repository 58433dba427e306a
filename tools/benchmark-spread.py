#!/usr/bin/env python3
"""The p95 of each operation across several outputs of the `benchmark` verb, as a Markdown table for docs/performance.md:
the median of the runs, each run's figure, and the target it is held to (issues 5 and 13).

    python3 tools/benchmark-spread.py run-1.txt run-2.txt run-3.txt
"""
import re
import statistics
import sys

# p95 targets in ms, by the start of the operation's name (issue 5 for the viewport, table and years; issue 13 for the rest).
TARGETS = [
    ("timeline window", 50), ("/api/timeline", 50), ("table page", 30), ("text search", 100),
    ("person filter", 20), ("name filter", 50), ("person autocomplete", 50), ("year filter", 20),
]


def parse(path):
    """{(database, operation): p95} and the load averages the run printed."""
    out, loads, db = {}, [], None
    for line in open(path, encoding="utf-8"):
        loads += re.findall(r"load (\d+\.\d+ \d+\.\d+ \d+\.\d+)", line)
        m = re.match(r"^(\S+\.db): ", line)
        if m:
            db = m.group(1)
        m = re.match(r"^  (\S.*?)\s{2,}([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+[\d.]+x\s+([\d.]+)x", line)
        if m and db:
            out[(db, m.group(1).strip())] = (float(m.group(3)), float(m.group(6)))
    return out, loads


def main(paths):
    runs = [parse(p) for p in paths]
    print("Load averages (1, 5, 15 min) printed by the runs: " + "; ".join(", ".join(loads) for _, loads in runs))
    keys = list(dict.fromkeys(k for r, _ in runs for k in r))
    for db in dict.fromkeys(k[0] for k in keys):
        print(f"\n| {db}: operation | p95 ms, median of {len(runs)} | each run | p95 / baseline p50 | target | met |")
        print("|---|---|---|---|---|---|")
        for k in (k for k in keys if k[0] == db):
            xs = [r[k][0] for r, _ in runs if k in r]
            ratio = statistics.median(r[k][1] for r, _ in runs if k in r)
            target = next((t for prefix, t in TARGETS if k[1].startswith(prefix)), None)
            med = statistics.median(xs)
            met = "" if target is None else ("yes" if med <= target else f"**no, {med / target:.1f}×**")
            print(f"| {k[1]} | {med:.1f} | {', '.join(f'{x:.1f}' for x in xs)} | {ratio:.0f}× | {'' if target is None else f'≤ {target}'} | {met} |")


if __name__ == "__main__":
    main(sys.argv[1:])
