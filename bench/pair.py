#!/usr/bin/env python3
"""Paired comparison of two commands: runs A and B alternately (A B B A A B
...) so both see the same machine load, and prints the median of the
per-pair ratios A/B with the median wall time and peak RSS of each.

Usage: bench/pair.py [-n PAIRS] [--label TEXT] [--limit R] -- A... -- B...
  --limit R  exit 1 when the median ratio is above R (a check, not a test)
Peak RSS comes from wait4()'s rusage of each run (the child's own maximum).
"""
import argparse, os, statistics, sys, time


def run(cmd):
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
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)}: failed with status {status}")
    return wall, ru.ru_maxrss / 1024.0  # MiB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=11)
    ap.add_argument("--label", default="")
    ap.add_argument("--limit", type=float)
    ap.add_argument("cmds", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    args = a.cmds[1:] if a.cmds and a.cmds[0] == "--" else a.cmds
    if "--" not in args:
        ap.error("expected: -- A... -- B...")
    k = args.index("--")
    ca, cb = args[:k], args[k + 1:]
    if not ca or not cb:
        ap.error("empty command")
    run(ca), run(cb)  # warm the page cache
    ratios, wa, wb, ra, rb = [], [], [], [], []
    for i in range(a.n):
        order = (ca, cb) if i % 2 == 0 else (cb, ca)
        res = {}
        for c in order:
            res[id(c)] = run(c)
        (ta, ma), (tb, mb) = res[id(ca)], res[id(cb)]
        ratios.append(ta / tb)
        wa.append(ta), wb.append(tb), ra.append(ma), rb.append(mb)
    med = statistics.median(ratios)
    print(f"{a.label:<44} ratio median {med:5.2f} (pairs={a.n}, "
          f"min {min(ratios):.2f}, max {max(ratios):.2f});  "
          f"A {statistics.median(wa)*1000:7.1f} ms {max(ra):5.1f} MiB,  "
          f"B {statistics.median(wb)*1000:7.1f} ms {max(rb):5.1f} MiB")
    if a.limit is not None and med > a.limit:
        print(f"{a.label}: ratio {med:.2f} is above {a.limit}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
