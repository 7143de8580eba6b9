#!/usr/bin/env python3
"""Writes a SYNTHETIC batch project for `jaarverslag batch`: the 380
municipalities of the CBS indeling 2018 partitioned into regions named
"Synthetische regio NN", school year 2017-2018, all six indicator groups.

The counts are random (seeded, so the same arguments give the same bytes) but
consistent: leerplichtigen 5-15 + 16-17 = 5-17, the relatief verzuim by type
of education adds up, the thuiszitters flow closes, the "> 3 maanden"
figures stay below their totals. `jaarverslag check` gives no warnings.
Each region also gets a reeksen.csv (voortijdig schoolverlaten and overstap
series) for the report's key figures. They describe no real municipality.

Usage: synthetic_project.py OUTDIR [--regions 39] [--take K] [--seed 2018]
  --regions N  partition the 380 municipalities into N regions
  --take K     write only the first K regions (smaller projects for tests)
"""
import argparse
import csv
import os
import random
import sys

YEAR = "2017-2018"
INDELING = 2018


def read_gemeenten(home):
    path = os.path.join(home, "assets", "gemeenten", "gemeenten_%d.csv" % INDELING)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(r["cbs_code"], r["gemeente"]) for r in rows]


def partition(items, n):
    """n contiguous runs in code order (codes roughly follow provinces, so
    regions stay roughly together on the map), sizes differing by at most 1."""
    size, extra = divmod(len(items), n)
    out, at = [], 0
    for i in range(n):
        k = size + (1 if i < extra else 0)
        out.append(items[at:at + k])
        at += k
    return out


def split(total, parts, rng):
    """total as parts non-negative integers that add up to it."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    bounds = [0] + cuts + [total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


def per_1000(base, lo, hi, rng):
    return round(base * rng.uniform(lo, hi) / 1000)


def municipality(rng):
    lpl_5_15 = rng.randint(600, 24000)
    lpl_16_17 = round(lpl_5_15 * rng.uniform(0.17, 0.22))
    lpl = lpl_5_15 + lpl_16_17
    absoluut = per_1000(lpl, 0.0, 6.0, rng)
    relatief = per_1000(lpl, 12.0, 32.0, rng)
    langdurig = min(relatief, per_1000(lpl, 0.5, 6.0, rng))
    tz_aanvang = per_1000(lpl, 0.2, 1.5, rng)
    tz_nieuw = per_1000(lpl, 0.5, 3.0, rng)
    pool = tz_aanvang + tz_nieuw
    opgelost = rng.randint(0, pool)
    achttien = rng.randint(0, (pool - opgelost) // 4)
    verhuisd = rng.randint(0, (pool - opgelost - achttien) // 4)
    v = {
        "leerplichtigen_5_15": lpl_5_15,
        "leerplichtigen_16_17": lpl_16_17,
        "leerplichtigen_5_17": lpl,
        "absoluut_verzuim": absoluut,
        "absoluut_verzuim_3m": rng.randint(0, absoluut),
        "relatief_verzuim": relatief,
        "langdurig_relatief_verzuim": langdurig,
        "langdurig_relatief_verzuim_3m": rng.randint(0, langdurig),
        "luxe_verzuim": per_1000(lpl, 1.0, 5.0, rng),
        "vrijstelling_5a": per_1000(lpl, 1.0, 8.0, rng),
        "vrijstelling_5b": per_1000(lpl, 0.0, 1.0, rng),
        "vrijstelling_5c": per_1000(lpl, 0.2, 2.0, rng),
        "vrijstelling_15": per_1000(lpl, 0.0, 1.0, rng),
        "vervangende_leerplicht_3a": per_1000(lpl, 0.0, 0.3, rng),
        "vervangende_leerplicht_3b": per_1000(lpl, 0.0, 0.5, rng),
        "thuiszitters_aanvang": tz_aanvang,
        "thuiszitters_nieuw": tz_nieuw,
        "thuiszitters_opgelost": opgelost,
        "thuiszitters_18_jaar": achttien,
        "thuiszitters_verhuisd": verhuisd,
        "thuiszitters_actueel": pool - opgelost - achttien - verhuisd,
        "thuiszitters_3m": rng.randint(0, pool),
    }
    rel = split(relatief, 6, rng)
    for name, n in zip(["bo_sbo", "vo", "vso", "beroeps", "onbekend", "geen"], rel):
        v["relatief_" + name] = n
    for name in ["bo_sbo", "vo", "vso", "beroeps", "onbekend", "geen"]:
        v["pv_" + name] = rng.randint(0, max(1, lpl // 4000))
    return v


FILES = {
    "leerplichtigen.csv": ["leerplichtigen_5_15", "leerplichtigen_16_17", "leerplichtigen_5_17"],
    "verzuim.csv": ["absoluut_verzuim", "absoluut_verzuim_3m", "relatief_verzuim",
                    "langdurig_relatief_verzuim", "langdurig_relatief_verzuim_3m",
                    "luxe_verzuim"],
    "relatief.csv": ["relatief_bo_sbo", "relatief_vo", "relatief_vso", "relatief_beroeps",
                     "relatief_onbekend", "relatief_geen"],
    "processen_verbaal.csv": ["pv_bo_sbo", "pv_vo", "pv_vso", "pv_beroeps", "pv_onbekend",
                              "pv_geen"],
    "vrijstellingen.csv": ["vrijstelling_5a", "vrijstelling_5b", "vrijstelling_5c",
                           "vrijstelling_15", "vervangende_leerplicht_3a",
                           "vervangende_leerplicht_3b"],
    "thuiszitters.csv": ["thuiszitters_aanvang", "thuiszitters_nieuw", "thuiszitters_opgelost",
                         "thuiszitters_18_jaar", "thuiszitters_verhuisd",
                         "thuiszitters_actueel", "thuiszitters_3m"],
}


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def dutch_decimal(x):
    return ("%.1f" % x).replace(".", ",")


def write_series(path, rng):
    """The region's own series beside its school years (reeksen.csv): what
    the report's key figures on voortijdig schoolverlaten and overstap read."""
    bron = "Synthetische gegevens (scripts/synthetic_project.py)"
    rows = []
    deelnemers = rng.randint(15000, 60000)
    for start in (2014, 2015, 2016):
        year = "%d-%d" % (start, start + 1)
        pct = rng.uniform(1.2, 2.4)
        rows.append(["vsv", year, str(round(deelnemers * pct / 100)), bron])
        rows.append(["vsv_percentage", year, dutch_decimal(pct), bron])
    for start in (2015, 2016, 2017):
        year = "%d-%d" % (start, start + 1)
        rows.append(["overstap_leerlingen", year, str(rng.randint(800, 4500)), bron])
        rows.append(["overstap_risicoleerlingen", year, str(rng.randint(10, 95)), bron])
    write_csv(path, ["indicator", "schooljaar", "waarde", "bron"], rows)


def write_region(root, index, members, rng):
    name = "Synthetische regio %02d" % index
    region_dir = os.path.join(root, "synthetische-regio-%02d" % index)
    d = os.path.join(region_dir, YEAR)
    os.makedirs(d, exist_ok=True)
    write_series(os.path.join(region_dir, "reeksen.csv"), rng)
    write_csv(os.path.join(d, "regio.csv"), ["veld", "waarde"],
              [["regio", name], ["schooljaar", YEAR], ["indeling", str(INDELING)],
               ["regiocode", "SYN%02d" % index]])
    values = [(code, gm, municipality(rng)) for code, gm in members]
    for fname, cols in FILES.items():
        write_csv(os.path.join(d, fname), ["cbs_code", "gemeente"] + cols,
                  [[code, gm] + [v[c] for c in cols] for code, gm, v in values])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--regions", type=int, default=39)
    ap.add_argument("--take", type=int, default=0)
    ap.add_argument("--seed", type=int, default=2018)
    ap.add_argument("--home", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   ".."))
    a = ap.parse_args()
    gemeenten = read_gemeenten(a.home)
    if not 1 <= a.regions <= len(gemeenten):
        sys.exit("--regions must be 1 to %d" % len(gemeenten))
    parts = partition(gemeenten, a.regions)
    take = a.take if a.take > 0 else a.regions
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    with open(os.path.join(a.outdir, "LEESMIJ.txt"), "w", encoding="utf-8") as f:
        f.write("SYNTHETISCHE GEGEVENS - gemaakt door scripts/synthetic_project.py "
                "(seed %d, %d regio's).\nDe aantallen zijn willekeurig en beschrijven geen "
                "echte gemeente.\n" % (a.seed, a.regions))
    for i, members in enumerate(parts[:take], start=1):
        write_region(a.outdir, i, members, rng)
    print("%d regio's, %d gemeenten in %s (synthetisch)"
          % (take, sum(len(p) for p in parts[:take]), a.outdir))


if __name__ == "__main__":
    main()
