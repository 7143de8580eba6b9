#!/usr/bin/env bash
# Reading the national workbook: all 355 municipalities of the indeling 2020
# with synthetic figures for every indicator group (six sheets and regio),
# as one .xlsx (openpyxl) and as the same CSV files. `check` of each (read,
# validate, cross-check) as a paired comparison, median wall of each; goal:
# the workbook's check below 50 ms.
# Usage: bench/xlsx_read.sh [PAIRS]   (default 21; builds ./build-bench)
set -euo pipefail
pairs=${1:-21}
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
mkdir "$tmp/csv" "$tmp/xlsx"
python3 - "$tmp/csv" <<'PY'
import csv, random, sys
out = sys.argv[1]
rnd = random.Random(2020)
munis = list(csv.reader(open("assets/gemeenten/gemeenten_2020.csv", encoding="utf-8")))[1:]
groups = {
    "leerplichtigen": ["leerplichtigen_5_15", "leerplichtigen_16_17", "leerplichtigen_5_17"],
    "verzuim": ["absoluut_verzuim", "relatief_verzuim"],
    "relatief": ["relatief_bo_sbo", "relatief_vo", "relatief_vso", "relatief_beroeps"],
    "processen_verbaal": ["pv_bo_sbo", "pv_vo", "pv_vso", "pv_beroeps"],
    "vrijstellingen": ["vrijstelling_5a", "vrijstelling_5b", "vrijstelling_5c", "vrijstelling_15"],
    "thuiszitters": ["thuiszitters_aanvang", "thuiszitters_nieuw"],
}
with open(f"{out}/regio.csv", "w", encoding="utf-8", newline="") as f:
    f.write("veld,waarde\nregio,Nederland\nschooljaar,2019-2020\nindeling,2020\n")
for g, cols in groups.items():
    with open(f"{out}/{g}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["cbs_code", "gemeente"] + cols)
        for code, name in munis:
            lpl = rnd.randint(1500, 60000)
            if g == "leerplichtigen":
                a = lpl * 5 // 6
                w.writerow([code, name, a, lpl - a, lpl])
            else:
                w.writerow([code, name] + [rnd.randint(0, 40) for _ in cols])
PY
/usr/bin/python3 tests/e2e/lib/xlsx_from_csv.py "$tmp/csv" "$tmp/xlsx/nationaal.xlsx"
"$bin" check --data "$tmp/xlsx" | grep -q "^355 gemeenten" || { echo "the workbook does not read as 355 municipalities"; exit 1; }
echo "jaarverslag $("$bin" --version | cut -d' ' -f2), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workbook $(stat -c %s "$tmp/xlsx/nationaal.xlsx") bytes, CSV files $(cat "$tmp"/csv/*.csv | wc -c) bytes"
python3 bench/pair.py -n "$pairs" --label "check of the national .xlsx / the same as CSV" -- \
  "$bin" check --data "$tmp/xlsx" -- "$bin" check --data "$tmp/csv"
