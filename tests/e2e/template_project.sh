#!/usr/bin/env bash
# A project's own template: placeholders in the front matter and in all text
# ({regio}, {schooljaar}, {organisatie} from project.csv, {vorig_schooljaar}),
# key figures of other years of the project (jaar=-1, jaar=YYYY-YYYY), each
# with its own label and year, recomputed onto the report year's indeling as
# the per-1.000 table and the trend and said so; a block whose data is missing that year is
# left out with a warning at its template line; an unknown placeholder is a
# located error.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/zhz
. "$src/tests/e2e/lib/zhz_project.sh"
zhz_project "$p" --init "$bin" "Bureau ZHZ"
cat >"$p/sjabloon/jaarverslag.md" <<'MD'
---
titel: Jaarverslag {organisatie} {schooljaar}
regio: {regio}
---

::omslag{ondertitel="Cijfers van {regio} naast {vorig_schooljaar}"}

# Vergelijking met {vorig_schooljaar}

Dit verslag van {organisatie} gaat over {schooljaar}.

::kerncijfer{indicator=relatief_verzuim label="Relatief verzuimers {regio}"}
::kerncijfer{indicator=relatief_verzuim jaar=-1 label="Eerder: {vorig_schooljaar}"}
::kerncijfer{indicator=absoluut_verzuim jaar=2017-2018}

::tabel{soort=overzicht indicatoren="thuiszitters_3m" titel="Langer dan drie maanden"}

::tabel{soort=relatief_per_1000}

Het regiocijfer van {vorig_schooljaar} naast de tabel:

::kerncijfer{indicator=relatief_verzuim jaar=-1 eenheid=per_1000 label="Relatief verzuimers"}

::grafiek{soort=trend indicator=absoluut_verzuim eenheid=aantal titel="Absoluut verzuim in {regio}"}
MD
# the office's logo and colour from project.csv
python3 - "$p/logo.png" <<'PY'
import struct, sys, zlib
w, h = 200, 80
raw = b"".join(b"\x00" + bytes([170, 0, 0]) * w for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
sed -i 's/^logo,$/logo,logo.png/; s/^kleur,.*/kleur,#AA0000/' "$p/project.csv"
"$bin" report --data "$p/2019-2020" -o "$tmp/r.pdf" >/dev/null 2>"$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: report"; exit 1; }
pdfimages -list "$tmp/r.pdf" 2>/dev/null | awk 'NR > 2 && $1 == 1 && $4 == 200 && $5 == 80 { found = 1 } END { exit !found }' ||
  bad "project logo not on the cover"
pdftoppm -r 20 -png -f 1 -l 1 "$tmp/r.pdf" "$tmp/cover"
python3 - "$tmp/cover-1.png" <<'PY' || bad "cover not in the project's colour"
import sys
sys.path.insert(0, __import__("os").environ["JV_SRC"] + "/tests/e2e/lib")
import pngread
w, h, px = pngread.read(sys.argv[1])
r, g, b = px(w // 2, h // 4)[:3]
sys.exit(0 if r > 150 and g < 60 and b < 60 else 1)
PY
pdftotext "$tmp/r.pdf" "$tmp/r.txt" 2>/dev/null
flat=$(tr -s ' \n' '  ' <"$tmp/r.txt")
for s in "Jaarverslag Bureau ZHZ 2019-2020" "Cijfers van Zuid-Holland Zuid naast 2017-2018" \
  "Vergelijking met 2017-2018" "Dit verslag van Bureau ZHZ gaat over 2019-2020." \
  "Relatief verzuimers Zuid-Holland Zuid" "Eerder: 2017-2018" "Absoluut verzuim in Zuid-Holland Zuid"; do
  case "$flat" in *"$s"*) ;; *) bad "PDF lacks '$s'" ;; esac
done
grep -q "{" "$tmp/r.txt" && bad "a placeholder left in the PDF: $(grep -m1 "{" "$tmp/r.txt")"
pdfinfo "$tmp/r.pdf" | grep -q "^Title: *Jaarverslag Bureau ZHZ 2019-2020$" || bad "PDF title: $(pdfinfo "$tmp/r.pdf" | grep Title)"
# key figures, each with its year: 2019-2020's region total; 2017-2018's
# (jaar=-1, jaar=2017-2018) recomputed onto the indeling 2020 as the
# per-1.000 table and the trend show it: over the comparable municipalities,
# so without Leerdam and Zederik (in Vijfheerenlanden with Vianen, which the
# project lacks), said under the panel; and 2017-2018 per 1.000 equal to the
# table's region row. Computed here from the CSV files.
"$bin" report --data "$p/2019-2020" --outline-text >"$tmp/outline.txt" 2>/dev/null
pdftotext -layout "$tmp/r.pdf" "$tmp/rl.txt" 2>/dev/null
python3 - "$p" "$tmp/outline.txt" "$tmp/rl.txt" "$flat" <<'PY' || bad "key figures"
import csv, sys
from decimal import Decimal, ROUND_HALF_UP
proj, outline, layout, flat = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read(), sys.argv[4]
def load(year, name):
    with open(f"{proj}/{year}/{name}", encoding="utf-8") as f:
        return {r["cbs_code"]: r for r in csv.DictReader(f) if r["cbs_code"].startswith("GM")}
dutch = lambda n: f"{n:,}".replace(",", ".")
vz_now, vz_old = load("2019-2020", "verzuim.csv"), load("2017-2018", "verzuim.csv")
lpl_old = load("2017-2018", "leerplichtigen.csv")
comparable = [c for c in vz_old if c not in ("GM0545", "GM0707")]  # Leerdam, Zederik
total = lambda rows, codes, k: sum(int(rows[c][k]) for c in codes)
rel_old = total(vz_old, comparable, "relatief_verzuim")
abs_old = total(vz_old, comparable, "absoluut_verzuim")
t = int((Decimal(rel_old) * 10000 / total(lpl_old, comparable, "leerplichtigen_5_17")).quantize(1, ROUND_HALF_UP))
rate_old = f"{t // 10},{t % 10}"
bad = []
if rel_old == total(vz_old, vz_old, "relatief_verzuim") or abs_old == total(vz_old, vz_old, "absoluut_verzuim"):
    bad.append("test data: the comparable 2017-2018 total equals the region's of then")
for want in [f"{dutch(total(vz_now, vz_now, 'relatief_verzuim'))} Relatief verzuimers Zuid-Holland Zuid in 2019-2020",
             f"{dutch(rel_old)} Eerder: 2017-2018 in 2017-2018", f"{dutch(abs_old)} Absoluut verzuimers in 2017-2018",
             f"{rate_old} Relatief verzuimers per 1.000 in 2017-2018"]:
    if want not in outline:
        bad.append(f"outline lacks key figure '{want}'")
note = ("2017-2018 omgerekend naar de gemeentelijke indeling 2020, zonder Vijfheerenlanden "
        "(Vianen hoorde toen niet bij Zuid-Holland Zuid).")
for want in ["Kerncijfers " + note, "Kerncijfer " + note, "Regiorij: " + note]:
    if want not in flat:
        bad.append(f"PDF lacks '{want}'")
# the per-1.000 card's figure is the table's 2017-2018 region row
row = [l.split() for l in layout.splitlines() if l.strip().startswith("Zuid-Holland Zuid ")]
if not row or row[0][-3] != rate_old:
    bad.append(f"table region row {row[:1]}: 2017-2018 should be {rate_old}")
if bad:
    print("FAIL:\n" + "\n".join(bad))
    sys.exit(1)
PY
# the missing indicator: left out, located at its template line
grep -q "sjabloon/jaarverslag.md:16: warning: ::tabel left out: the data of this year has no thuiszitters_3m" "$tmp/err.txt" ||
  bad "no located warning for the missing indicator: $(cat "$tmp/err.txt")"
grep -q "Langer dan drie maanden" "$tmp/r.txt" && bad "left-out table printed"
# an unknown placeholder is a located error
sed -i 's/Dit verslag van {organisatie}/Dit verslag van {organsatie}/' "$p/sjabloon/jaarverslag.md"
rc=0
"$bin" report --data "$p/2019-2020" -o "$tmp/r2.pdf" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -qF "sjabloon/jaarverslag.md:10:17: error: unknown placeholder {organsatie} in the text: known are {regio}, {schooljaar}, {organisatie}, {vorig_schooljaar}" "$tmp/err.txt" ||
  bad "unknown placeholder: rc $rc $(cat "$tmp/err.txt")"
# ... also on a paragraph's later line, inside emphasis: its own line and column
sed -i 's/Dit verslag van {organsatie} gaat over {schooljaar}./Dit verslag van {organisatie}\ngaat over *het jaar {schooljar}*./' "$p/sjabloon/jaarverslag.md"
rc=0
"$bin" report --data "$p/2019-2020" -o "$tmp/r2.pdf" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -qF "sjabloon/jaarverslag.md:11:21: error: unknown placeholder {schooljar} in the text" "$tmp/err.txt" ||
  bad "unknown placeholder on a paragraph's second line: rc $rc $(cat "$tmp/err.txt")"
sed -i 's/^titel: .*/titel: Verslag {jaar}/' "$p/sjabloon/jaarverslag.md"
rc=0
"$bin" report --data "$p/2019-2020" -o "$tmp/r2.pdf" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -q "sjabloon/jaarverslag.md:2:8: error: unknown placeholder {jaar} in titel" "$tmp/err.txt" ||
  bad "unknown placeholder in titel: rc $rc $(cat "$tmp/err.txt")"
[ ! -e "$tmp/r2.pdf" ] || bad "a PDF was written despite the error"
e2e_end
