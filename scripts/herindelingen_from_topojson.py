#!/usr/bin/env python3
"""Derives the municipal changes (herindelingen) between consecutive CBS
indeling years from the boundary files gemeente_YYYY.topojson, by area
overlap, and writes them as CSV (assets/gemeenten/herindelingen.csv).

Usage: herindelingen_from_topojson.py OUT.csv TOPOJSON...   (two or more years)

Source: CBS gebiedsindelingen (cbs_gemeente_YYYY_gegeneraliseerd, CBS/Kadaster
via PDOK), as collected in the public cartomap/nl repository; the files are
in ../shared/geo/. Python 3 stdlib only.

Method. For each pair of consecutive years A < B, every municipality of A
whose code is gone in B, every municipality of B whose code is new, and every
municipality that shares area with one of those is measured: the area of
each intersection old-in-A x new-in-B is integrated over horizontal strips
(STRIP metres high; in each strip the inside of a polygon is a set of x
intervals, even-odd over all its rings). A pair is kept when the overlap is
at least SHARE of the old or of the new municipality's area; smaller
overlaps are the generalised borders of the two years not lying on top of
each other. Codes present in both years with the same name and no gone or
new neighbour are not listed (unchanged).

Rows: datum (1 January of year B), soort, oud_jaar, oud_code, oud_naam,
nieuw_jaar, nieuw_code, nieuw_naam, aandeel (share of the old
municipality's area that lies in the new one, 3 decimals):
- samenvoeging: the old municipality went wholly into the new one, which is
  made of several (a row per part, the continuing one too);
- splitsing: the old municipality was divided over several new ones (a row
  per part);
- naamswijziging: one old, one new, same area, other code or name;
- grenscorrectie: a part (less than half) of a municipality that continues
  passed to another one (mostly water); the program does not recompute
  counts for it.
Names are the checked display names (NAME_FIXES undoes quirks of the files).
"""
import csv
import json
import os
import re
import sys

STRIP = 25.0  # metres
SHARE = 0.05

from gemeenten_from_topojson import NAME_FIXES  # noqa: E402 (same folder)


# Changes that did not take effect on 1 January (CBS, "Gemeentelijke
# indelingen per jaar"): keyed by (new code, indeling year).
DATE_FIXES = {
    ("GM0363", 2023): "2022-03-24",  # Weesp opgegaan in Amsterdam
}


def load(path):
    m = re.fullmatch(r"gemeente_(\d{4})\.topojson", os.path.basename(path))
    if not m:
        sys.exit(f"{path}: expected a file named gemeente_YYYY.topojson")
    year = int(m.group(1))
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if tr:
                x += p[0]
                y += p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0],
                            y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)

    def ring(refs):
        out = []
        for r in refs:
            a = arcs[r] if r >= 0 else arcs[~r][::-1]
            out.extend(a if not out else a[1:])
        return out

    munis = {}
    for g in topo["objects"][f"gemeente_{year}"]["geometries"]:
        code = g["properties"]["statcode"].strip()
        name = g["properties"]["statnaam"].strip()
        name = NAME_FIXES.get(name, name)
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = [ring(r) for poly in polys for r in poly]
        m = munis.setdefault(code, {"name": name, "rings": []})
        m["rings"].extend(rings)
    for m in munis.values():
        xs = [p[0] for r in m["rings"] for p in r]
        ys = [p[1] for r in m["rings"] for p in r]
        m["bbox"] = (min(xs), min(ys), max(xs), max(ys))
        m["edges"] = [(r[i], r[i + 1]) for r in m["rings"] for i in range(len(r) - 1)]
    return year, munis


def intervals(m, y):
    """Inside of m on the line at height y, as sorted (x0, x1) pairs."""
    xs = []
    for (x0, y0), (x1, y1) in m["edges"]:
        if (y0 <= y) != (y1 <= y):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    return [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]


def overlap_len(a, b):
    i = j = 0
    total = 0.0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def strips(lo, hi):
    y = (int(lo // STRIP) + 0.5) * STRIP
    while y < hi:
        yield y
        y += STRIP


def area(m):
    bb = m["bbox"]
    return sum(sum(x1 - x0 for x0, x1 in intervals(m, y)) for y in strips(bb[1], bb[3])) * STRIP


def overlap(a, b):
    lo, hi = max(a["bbox"][1], b["bbox"][1]), min(a["bbox"][3], b["bbox"][3])
    if hi <= lo or a["bbox"][0] >= b["bbox"][2] or b["bbox"][0] >= a["bbox"][2]:
        return 0.0
    return sum(overlap_len(intervals(a, y), intervals(b, y)) for y in strips(lo, hi)) * STRIP


def changes(ya, A, yb, B):
    gone = [c for c in A if c not in B]
    new = [c for c in B if c not in A]
    renamed = [c for c in A if c in B and A[c]["name"] != B[c]["name"]]
    pairs = {}
    for c in gone + renamed:
        for d in B:
            pairs.setdefault((c, d), None)
    for d in new + renamed:
        for c in A:
            pairs.setdefault((c, d), None)
    area_a, area_b = {}, {}
    kept = []
    for (c, d) in sorted(pairs):
        ov = overlap(A[c], B[d])
        if ov <= 0:
            continue
        if c not in area_a:
            area_a[c] = area(A[c])
        if d not in area_b:
            area_b[d] = area(B[d])
        if ov >= SHARE * area_a[c] or ov >= SHARE * area_b[d]:
            kept.append((c, d, ov / area_a[c]))
    # a continuing municipality that passed a minor part to another is a
    # border correction, not a part of the receiver's composition
    minor = [(c, d, s) for c, d, s in kept if c in B and c != d and s < 0.5]
    kept = [k for k in kept if k not in minor]
    # a continuing municipality that received a part: its own row as well
    receivers = {d for c, d, _ in kept}
    for d in receivers:
        if d in A and not any(c == d for c, dd, _ in kept if dd == d):
            kept.append((d, d, overlap(A[d], B[d]) / area(A[d])))
    rows = []
    for c, d, share in sorted(kept, key=lambda r: (r[1], r[0])):
        n_out = sum(1 for cc, _, s in kept if cc == c)
        n_in = sum(1 for _, dd, _ in kept if dd == d)
        if n_out > 1:
            kind = "splitsing"
        elif n_in > 1:
            kind = "samenvoeging"
        elif c != d or A[c]["name"] != B[d]["name"]:
            kind = "naamswijziging"
        else:
            continue
        rows.append([DATE_FIXES.get((d, yb), f"{yb}-01-01"), kind, ya, c, A[c]["name"], yb, d, B[d]["name"],
                     f"{min(share, 1.0):.3f}"])
    for c, d, share in sorted(minor, key=lambda r: (r[1], r[0])):
        rows.append([f"{yb}-01-01", "grenscorrectie", ya, c, A[c]["name"], yb, d, B[d]["name"],
                     f"{share:.3f}"])
    return rows


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    years = sorted((load(p) for p in argv[2:]), key=lambda t: t[0])
    out_rows = []
    for (ya, A), (yb, B) in zip(years, years[1:]):
        rows = changes(ya, A, yb, B)
        print(f"{ya} -> {yb}: {len(rows)} rows", file=sys.stderr)
        out_rows.extend(rows)
    with open(argv[1], "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["datum", "soort", "oud_jaar", "oud_code", "oud_naam", "nieuw_jaar",
                    "nieuw_code", "nieuw_naam", "aandeel"])
        w.writerows(out_rows)


if __name__ == "__main__":
    main(sys.argv)
