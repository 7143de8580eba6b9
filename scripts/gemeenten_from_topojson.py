#!/usr/bin/env python3
"""Writes assets/gemeenten/gemeenten_YYYY.csv (cbs_code,gemeente) from the CBS
municipality boundaries gemeente_YYYY.topojson, so that data validation can
tell an unknown CBS code from a real one without reading geometry.

Usage: gemeenten_from_topojson.py OUTDIR TOPOJSON...
Each input must be named gemeente_YYYY.topojson and hold one object
gemeente_YYYY whose geometries carry the properties statcode and statnaam.
Rows are sorted by code; output is UTF-8, LF, RFC 4180 quoting (names such
as "Nuenen, Gerwen en Nederwetten" contain a comma). Python 3 stdlib only.
Names are the checked spellings of NAME_FIXES where the files have quirks.
"""
import csv
import json
import os
import re
import sys

# Quirks of the source files (../shared/geo/README.md), not real names: the
# lists use one spelling per municipality over all years.
NAME_FIXES = {
    "Nuenen. Gerwen en Nederwetten": "Nuenen, Gerwen en Nederwetten",
    "Hoekse Waard": "Hoeksche Waard",
    "Hengelo (O.)": "Hengelo",
    "Laren (NH.)": "Laren",
    "Rijswijk (ZH.)": "Rijswijk",
    "Middelburg (Z.)": "Middelburg",
    "Beek (L.)": "Beek",
    "Stein (L.)": "Stein",
}


def rows_of(path):
    m = re.fullmatch(r"gemeente_(\d{4})\.topojson", os.path.basename(path))
    if not m:
        sys.exit(f"{path}: expected a file named gemeente_YYYY.topojson")
    year = m.group(1)
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    try:
        geoms = topo["objects"][f"gemeente_{year}"]["geometries"]
    except KeyError:
        sys.exit(f"{path}: no object gemeente_{year}")
    rows = {}
    for g in geoms:
        code = g["properties"]["statcode"].strip()
        name = g["properties"]["statnaam"].strip()
        name = NAME_FIXES.get(name, name)
        if not re.fullmatch(r"GM\d{4}", code):
            sys.exit(f"{path}: unexpected statcode {code!r}")
        if code in rows and rows[code] != name:
            sys.exit(f"{path}: {code} named both {rows[code]!r} and {name!r}")
        rows[code] = name  # a municipality of several polygons appears once
    return year, sorted(rows.items())


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    for path in argv[2:]:
        year, rows = rows_of(path)
        out = os.path.join(outdir, f"gemeenten_{year}.csv")
        with open(out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["cbs_code", "gemeente"])
            w.writerows(rows)
        print(f"{out}: {len(rows)} gemeenten")


if __name__ == "__main__":
    main(sys.argv)
