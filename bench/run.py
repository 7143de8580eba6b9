#!/usr/bin/env python3
"""Runs a command N times and reports the median wall time and peak RSS.

Usage: bench/run.py [-n RUNS] [--label TEXT] -- command args...
Peak RSS comes from wait4()'s rusage of each run (the child's own maximum).
"""
import argparse, os, statistics, sys, time

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
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                os.execvp(cmd[0], cmd)
            finally:
                os._exit(127)
        _, status, ru = os.wait4(pid, 0)
        walls.append(time.perf_counter() - t0)
        if os.waitstatus_to_exitcode(status) != 0:
            print(f"{a.label}: command failed with status {status}", file=sys.stderr)
            sys.exit(1)
        rss.append(ru.ru_maxrss)  # KiB on Linux
    med = statistics.median(walls)
    print(f"{a.label:<34} runs={a.n}  wall median {med*1000:8.1f} ms "
          f"(min {min(walls)*1000:.1f}, max {max(walls)*1000:.1f})  "
          f"peak RSS median {statistics.median(rss)/1024:6.1f} MiB")

if __name__ == "__main__":
    main()
