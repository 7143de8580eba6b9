#!/usr/bin/env bash
# A project folder for Zuid-Holland Zuid with the bundled 2017-2018 data and
# a synthetic 2019-2020 year on the indeling 2020: the 2019-2020 report's
# relatief-verzuim table gives every municipality's 2017-2018 rate on the
# 2020 indeling (Hoeksche Waard 268 / 13.009 = 20,6, Molenlanden 141 / 7.928
# = 17,8; computed here from the CSV files and the known 2019 mergers, not
# from the program), Vijfheerenlanden as not comparable with a note naming
# Vianen, the change, and a regional trend over the school years present.
# The region's 2017-2018 figure, in the table's region row and in the trend
# alike, is recomputed onto the 2020 indeling over the comparable
# municipalities (without Vijfheerenlanden), said under the table and in the
# trend's source line in the same words, as the table's footnotes, on its
# page and in its small note style.
# Binnenmaas in 2019-2020 data exits 65 naming Hoeksche Waard.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/zhz
. "$src/tests/e2e/lib/zhz_project.sh"
zhz_project "$p"
grep -q "verzonnen" "$p/2019-2020/SYNTHETISCH.md"
(cd "$tmp" && "$bin" report --data "$p/2019-2020" -o "$tmp/r.pdf" 2>"$tmp/err.txt") ||
  { cat "$tmp/err.txt"; echo "FAIL: report of 2019-2020"; exit 1; }
pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt" 2>/dev/null
python3 - "$p" "$tmp/r.txt" <<'PY'
import csv, sys
from decimal import Decimal, ROUND_HALF_UP
proj, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
def load(year, name):
    with open(f"{proj}/{year}/{name}", encoding="utf-8") as f:
        return {r["cbs_code"]: r for r in csv.DictReader(f) if r["cbs_code"].startswith("GM")}
def tenths(count, base):
    return int((Decimal(count) * 10000 / Decimal(base)).quantize(Decimal(1), ROUND_HALF_UP))
def fmt_t(t):
    s = "-" if t < 0 else "+" if t > 0 else ""
    return f"{s}{abs(t) // 10},{abs(t) % 10}"
def dutch(n):
    return f"{n:,}".replace(",", ".")
merged = {"GM1963": ["GM0585", "GM0611", "GM0588", "GM0584", "GM0617"],
          "GM1978": ["GM0689", "GM1927"]}
lpl_old, vz_old = load("2017-2018", "leerplichtigen.csv"), load("2017-2018", "verzuim.csv")
lpl, vz = load("2019-2020", "leerplichtigen.csv"), load("2019-2020", "verzuim.csv")
reg_now = tenths(sum(int(vz[c]["relatief_verzuim"]) for c in vz),
                 sum(int(lpl[c]["leerplichtigen_5_17"]) for c in lpl))
# the 2017-2018 region as it was then (with Leerdam and Zederik, without Vianen)
reg_old = tenths(sum(int(vz_old[c]["relatief_verzuim"]) for c in vz_old),
                 sum(int(lpl_old[c]["leerplichtigen_5_17"]) for c in lpl_old))
# ... and on the 2020 indeling over the comparable municipalities: every one
# of 2019-2020 but Vijfheerenlanden (Vianen's 2017-2018 figures are not in
# the project), the merged ones summed from their predecessors. The table's
# region row and the trend both show this one.
comparable = [p for c in lpl if c != "GM1961" for p in merged.get(c, [c])]
def comparable_old(ind):
    return tenths(sum(int(vz_old[p][ind]) for p in comparable),
                  sum(int(lpl_old[p]["leerplichtigen_5_17"]) for p in comparable))
trend_old = comparable_old("relatief_verzuim")
if trend_old == reg_old:
    print("FAIL: test data: the comparable 2017-2018 rate equals the old region's")
    sys.exit(1)
table = text[text.index("Tabel 3. Relatief verzuimers per 1.000"):]
table = table[:table.index("Bron:")]
rows = {}
for line in table.splitlines():
    parts = line.split()
    for code, r in lpl.items():
        if line.strip().startswith(r["gemeente"] + " ") and len(parts) > 8:
            rows[code] = parts[-8:]
bad = []
for code, r in lpl.items():
    now = tenths(int(vz[code]["relatief_verzuim"]), int(r["leerplichtigen_5_17"]))
    want = [dutch(int(r["leerplichtigen_5_15"])), dutch(int(r["leerplichtigen_16_17"])),
            dutch(int(r["leerplichtigen_5_17"])), dutch(int(vz[code]["relatief_verzuim"])),
            fmt_t(now).lstrip("+")]
    if code == "GM1961":  # Vijfheerenlanden: Vianen was not in the region
        want += ["n.v.¹", "–"]
    else:
        parts = merged.get(code, [code])
        old = tenths(sum(int(vz_old[p]["relatief_verzuim"]) for p in parts),
                     sum(int(lpl_old[p]["leerplichtigen_5_17"]) for p in parts))
        want += [fmt_t(old).lstrip("+"), fmt_t(now - old)]
    want.append(fmt_t(reg_now).lstrip("+"))
    if rows.get(code) != want:
        bad.append(f"{r['gemeente']}: got {rows.get(code)} want {want}")
for code, want in (("GM1963", "20,6"), ("GM1978", "17,8")):
    if not rows.get(code) or rows[code][5] != want:
        bad.append(f"{code}: 2017-2018 rate should be {want}")
def region_row(caption, ind):
    t = text[text.index(caption):]
    t = t[:t.index("Bron:")]
    now = tenths(sum(int(vz[c][ind]) for c in vz), sum(int(lpl[c]["leerplichtigen_5_17"]) for c in lpl))
    old = comparable_old(ind)
    region = [l for l in t.splitlines() if l.strip().startswith("Zuid-Holland Zuid ")]
    want = f"{fmt_t(now).lstrip('+')} {fmt_t(old).lstrip('+')} {fmt_t(now - old)} " \
           f"{fmt_t(now).lstrip('+')}"
    if not region or not " ".join(region[0].split()).endswith(want):
        bad.append(f"{caption}: region row {region} should end {want}")
region_row("Tabel 3. Relatief verzuimers per 1.000", "relatief_verzuim")
region_row("Tabel 1. Absoluut verzuimers per 1.000", "absoluut_verzuim")
flat = " ".join(text.split())
if not any("2017-2018" in l and "Verschil" in l for l in table.splitlines()):
    bad.append("no header naming 2017-2018 and Verschil")
for s in ["2017-2018 omgerekend naar de gemeentelijke indeling 2020 (Hoeksche Waard en "
          "Molenlanden: opgeteld uit de gemeenten waaruit ze zijn ontstaan)",
          "¹ Vijfheerenlanden: niet vergelijkbaar met 2017-2018, want Vianen hoorde toen niet "
          "bij Zuid-Holland Zuid. Regiorij: 2017-2018 omgerekend naar de gemeentelijke indeling "
          "2020, zonder Vijfheerenlanden (Vianen hoorde toen niet bij Zuid-Holland Zuid).",
          "Relatief verzuimers per 1.000 leerplichtigen in Zuid-Holland Zuid, per schooljaar"]:
    if s not in flat:
        bad.append(f"missing text: {s}")
# the trend: one bar per year present (2018-2019 a gap); 2017-2018 the
# comparable region of the table's region row
at = flat.index("in Zuid-Holland Zuid, per schooljaar")
trend = flat[at:flat.index("Bron:", at)]
for s in [f"van {fmt_t(trend_old).lstrip('+')} in 2017-2018 naar {fmt_t(reg_now).lstrip('+')} in "
          "2019-2020", "geen cijfer voor 2018-2019", "2017-2018 2018-2019 2019-2020"]:
    if s not in trend:
        bad.append(f"trend lacks {s}: {trend}")
source = flat[flat.index("Bron:", at):]
want = ("Bron: registratie Leerplicht Zuid-Holland Zuid; 2017-2018 omgerekend naar de gemeentelijke "
        "indeling 2020, zonder Vijfheerenlanden (Vianen hoorde toen niet bij Zuid-Holland Zuid)")
if not source.startswith(want):
    bad.append(f"trend source should start {want}: {source[:200]}")
if bad:
    print("FAIL:\n" + "\n".join(bad))
    sys.exit(1)
PY
# each comparison table's notes are on the page of its rows (the n.v.¹ row
# they explain), right under its source line, in the source line's small
# italic rather than at body size
python3 - "$tmp/r.pdf" <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
def page_text(n):
    return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
def words(n):
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(n), "-l", str(n), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(w, float(y1) - float(y0)) for y0, y1, w in
            re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', out)]
pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True,
                                                         text=True, check=True).stdout).group(1))
# body text: the chapter's opening paragraph
intro = [n for n in range(1, pages + 1) if "Leerplichtwet 1969" in page_text(n)][0]
body = dict(words(intro))["Leerplichtwet"]
bad = []
for caption in ["Tabel 1. Absoluut verzuimers per 1.000", "Tabel 3. Relatief verzuimers per 1.000"]:
    hits = [n for n in range(1, pages + 1) if caption in page_text(n)]
    if len(hits) != 1:
        bad.append(f"{caption}: on pages {hits}, want one page (not split)")
        continue
    n = hits[0]
    t = page_text(n)
    t = t[t.index(caption):]
    flat = " ".join(t.split())
    seq = ["Vijfheerenlanden", "n.v.¹", "Bron: registratie Leerplicht",
           "2017-2018 omgerekend naar de gemeentelijke indeling 2020 (Hoeksche Waard",
           "¹ Vijfheerenlanden: niet vergelijkbaar met 2017-2018", "Regiorij: 2017-2018 omgerekend"]
    at = 0
    for s in seq:
        k = flat.find(s, at)
        if k < 0:
            bad.append(f"{caption}: page {n} lacks '{s}' after the table's earlier parts")
            break
        at = k + len(s)
    w = words(n)
    h = {x: y for x, y in w}
    note, source = h.get("Vijfheerenlanden:"), h.get("registratie")
    if not note or not source or abs(note - source) > 0.01 or note > 0.85 * body:
        bad.append(f"{caption}: note height {note}, source {source}, body {body}: "
                   "the note should be set like the source line, smaller than body text")
if bad:
    print("FAIL:\n" + "\n".join(bad))
    sys.exit(1)
PY
# the same figures as text alternatives of the trend chart, and no gap drawn as 0
"$bin" report --data "$p/2019-2020" --outline-text >"$tmp/outline.txt" 2>/dev/null
grep -q "per schooljaar" "$tmp/outline.txt" || { echo "FAIL: trend not in the outline"; exit 1; }

# a map of the 2017-2018 data on the 2020 boundaries sums the merged
# municipalities instead of painting one part's rate on the whole
"$bin" map --indicator relatief_verzuim --data "$p/2017-2018" --boundary-year 2020 --explain \
  >"$tmp/explain.txt" 2>"$tmp/warn.txt"
grep -qP "^GM1963\tHoeksche Waard\t268\t13.009\t20,6\t" "$tmp/explain.txt" ||
  { cat "$tmp/explain.txt"; echo "FAIL: map Hoeksche Waard"; exit 1; }
grep -qP "^GM1978\tMolenlanden\t141\t7.928\t17,8\t" "$tmp/explain.txt" || { echo "FAIL: map Molenlanden"; exit 1; }
grep -qP "^GM1961\tVijfheerenlanden\t.*geen gegevens" "$tmp/explain.txt" || { echo "FAIL: map Vijfheerenlanden"; exit 1; }
grep -q "Vijfheerenlanden: niet vergelijkbaar met 2017-2018, want Vianen" "$tmp/warn.txt" || { cat "$tmp/warn.txt"; echo "FAIL: map warning"; exit 1; }
grep -q "Binnenmaas\|GM0585" "$tmp/explain.txt" && { echo "FAIL: map still lists Binnenmaas"; exit 1; }

# a code that a herindeling took away: exit 65, naming the successor and the date
sed -i 's/^GM1963,Hoeksche Waard,/GM0585,Binnenmaas,/' "$p/2019-2020/verzuim.csv"
rc=0
"$bin" check --data "$p/2019-2020" 2>"$tmp/err.txt" >/dev/null || rc=$?
[ "$rc" = 65 ] || { cat "$tmp/err.txt"; echo "FAIL: Binnenmaas: exit $rc, want 65"; exit 1; }
grep -qF "verzuim.csv:3:1: error: GM0585 is not a municipality in the CBS indeling 2020 (regio.csv); GM0585 Binnenmaas is per 1 januari 2019 opgegaan in GM1963 Hoeksche Waard" "$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: Binnenmaas message"; exit 1; }
echo ok
