#!/usr/bin/env python3
"""Runs a command N times and reports the median wall time and peak RSS.

Usage: bench/run.py [-n RUNS] [--label TEXT] -- command args...
Peak RSS comes from wait4()'s rusage of each run (the child's own maximum).
"""
import argparse, statistics

from pair import run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=7)
    ap.add_argument("--label", default="")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        ap.error("no command")
    walls, rss = [], []
    for _ in range(a.n):
        wall, mib = run(cmd)
        walls.append(wall)
        rss.append(mib)
    med = statistics.median(walls)
    print(f"{a.label:<34} runs={a.n}  wall median {med*1000:8.1f} ms "
          f"(min {min(walls)*1000:.1f}, max {max(walls)*1000:.1f})  "
          f"peak RSS median {statistics.median(rss):6.1f} MiB")


if __name__ == "__main__":
    main()
