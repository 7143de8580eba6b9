#!/usr/bin/env python3
"""Writes a SYNTHETIC school year 2019-2020 for Zuid-Holland Zuid on the CBS
indeling 2020, for tests of multi-year reports and herindelingen. The figures
are made up: each municipality of 2020 gets the 2017-2018 figures of the
municipalities it was made of (bundled data), scaled a little; Vianen, which
was not in the region in 2017-2018, is given Leerdam's figures as a stand-in.
Never publish them.

Usage: synthetic_zhz_2019_2020.py SRC_2017_2018_DIR GEMEENTEN_2020_CSV OUTDIR
Python 3 stdlib only. Same inputs give the same files.
"""
import csv
import os
import sys

# the 2019 mergers in the region (assets/gemeenten/herindelingen.csv)
PARTS = {
    "GM1963": ["GM0585", "GM0611", "GM0588", "GM0584", "GM0617"],  # Hoeksche Waard
    "GM1978": ["GM0689", "GM1927"],  # Molenlanden
    "GM1961": ["GM0545", "GM0707", "VIANEN"],  # Vijfheerenlanden (Vianen: stand-in)
}
SCALE = {"leerplichtigen": 1.02}  # other counts are kept as summed


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], {r[0]: r for r in rows[1:] if r[0].startswith("GM")}


def num(v):
    return None if v in ("nvt", "n.b.") else int(v.replace(".", ""))


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    src, names_csv, out = argv[1:]
    with open(names_csv, encoding="utf-8", newline="") as f:
        names = {r[0]: r[1] for r in csv.reader(f)}
    os.makedirs(out, exist_ok=True)
    files = sorted(n for n in os.listdir(src) if n.endswith(".csv") and n != "regio.csv")
    order = None
    for name in files:
        header, rows = read(os.path.join(src, name))
        rows["VIANEN"] = rows["GM0545"]
        if order is None:  # the 2020 municipalities, in the order of the 2018 list
            order = []
            for code in rows:
                new = next((k for k, v in PARTS.items() if code in v), code)
                if new not in order and code != "VIANEN":
                    order.append(new)
        scale = SCALE.get(name[:-4], 1.0)
        lines = [header]
        for code in order:
            parts = PARTS.get(code, [code])
            cells = [code, names[code]]
            for c in range(2, len(header)):
                vals = [num(rows[p][c]) for p in parts]
                if any(v is None for v in vals):
                    cells.append(rows[parts[0]][c])
                else:
                    cells.append(str(int(sum(vals) * scale + 0.5)))
            lines.append(cells)
        fix_totals(header, lines)
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(lines)
    with open(os.path.join(out, "regio.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2019-2020\nindeling,2020\n")
    with open(os.path.join(out, "SYNTHETISCH.md"), "w", encoding="utf-8") as f:
        f.write("# Synthetische gegevens\n\nDe cijfers van 2019-2020 in deze map zijn verzonnen "
                "(scripts/synthetic_zhz_2019_2020.py), alleen om het programma te testen.\n")


def fix_totals(header, lines):
    """Keeps the cross-checks true: totals are the sums of their parts."""
    col = {h: i for i, h in enumerate(header)}
    for cells in lines[1:]:
        def get(h):
            return int(cells[col[h]])
        if "leerplichtigen_5_17" in col:
            cells[col["leerplichtigen_5_17"]] = str(get("leerplichtigen_5_15") +
                                                    get("leerplichtigen_16_17"))
        if "thuiszitters_actueel" in col:
            left = (get("thuiszitters_aanvang") + get("thuiszitters_nieuw") -
                    get("thuiszitters_opgelost") - get("thuiszitters_18_jaar") -
                    get("thuiszitters_verhuisd"))
            if left < 0:
                cells[col["thuiszitters_opgelost"]] = str(get("thuiszitters_opgelost") + left)
                left = 0
            cells[col["thuiszitters_actueel"]] = str(left)


if __name__ == "__main__":
    main(sys.argv)
