#!/usr/bin/env bash
# The fill test (issue 15): every page of the default report, the ministry
# annex and two synthetic regional reports (4 and 95 municipalities) is
# rendered to PNG at low resolution (30 dpi) and the inked share of its text area measured
# (tests/e2e/lib/page_fill.py); a page under 60 % fails unless it is a
# chapter's last or the page map (`report --pages`) explains it. Also: the
# default report is shorter than the 21 pages the greedy flow made, every
# page but the cover has its running header and footer (also page 1 of a
# template without a cover), and the page map shows a split table as continued.
set -euo pipefail
export DPI=30 # low resolution is enough to measure how far down a page is inked
. "$(dirname "$0")/lib/e2e.sh"

measure() { # name, report options...
  local name=$1
  shift
  "$bin" report --pages -o "$tmp/$name.pdf" "$@" >"$tmp/$name.map" 2>"$tmp/$name.err" ||
    { bad "$name: report failed: $(tail -n 2 "$tmp/$name.err")"; return; }
  mkdir "$tmp/$name.png"
  pdftoppm -r "$DPI" -gray -png "$tmp/$name.pdf" "$tmp/$name.png/p" 2>/dev/null
  if /usr/bin/python3 "$here/lib/page_fill.py" "$tmp/$name.pdf" "$tmp/$name.map" \
    "$tmp/$name.png" "$name" >"$tmp/$name.fill"; then
    ok
  else
    grep -v " ok$" "$tmp/$name.fill"
    bad "$name: pages under 60% not explained"
  fi
  # running header and footer on every page but the cover
  pdftotext "$tmp/$name.pdf" "$tmp/$name.txt" 2>/dev/null
  python3 - "$tmp/$name.txt" "$tmp/$name.map" "$name" <<'PY' && ok || bad "$name: pages without running header or footer"
import re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
covers = {int(m.group(1)) for m in re.finditer(r"^page (\d+) of \d+: cover", open(sys.argv[2]).read(), re.M)}
n = len(pages) - 1 if pages[-1].strip() == "" else len(pages)
bad = [p for p in range(1, n + 1) if p not in covers and f"Pagina {p} van {n}" not in pages[p - 1]]
if bad:
    print(f"{sys.argv[3]}: pages without footer: {bad}")
sys.exit(1 if bad else 0)
PY
}

measure default
measure annex --template "$src/templates/ministerie-bijlage/bijlage.md" --data "$src/data/g4-g32/2014-2015"
python3 "$src/scripts/synthetic_project.py" --regions 95 --take 1 --home "$src" "$tmp/r4" >/dev/null
python3 "$src/scripts/synthetic_project.py" --regions 4 --take 1 --home "$src" "$tmp/r95" >/dev/null
measure regio4 --data "$tmp/r4/synthetische-regio-01/2017-2018"
measure regio95 --data "$tmp/r95/synthetische-regio-01/2017-2018"
[ "$(grep -c "^  - " "$tmp/regio4.map")" -gt 0 ] && ok || bad "the page map lists no blocks"

# the greedy flow made 21 pages of the default report; this one fewer
pages=$(grep -c "^page " "$tmp/default.map")
[ "$pages" -le 20 ] && ok || bad "default report has $pages pages (greedy flow: 21)"
# the page map names its blocks, and a split table shows as continued
grep -q "^  - table 'Tabel 1. Absoluut verzuimers per 1.000 leerplichtigen, 2017-2018' (continued)" \
  "$tmp/default.map" && ok || bad "page map: no continued table 1"

# a template without a cover: page 1 has its running header and footer
mkdir "$tmp/tpl"
printf -- '---\ntitel: Zonder omslag\n---\n\n# Cijfers\n\nEen korte tekst.\n\n::tabel{soort=absoluut_per_1000}\n\n::kaart{indicator=absoluut_verzuim}\n' \
  >"$tmp/tpl/t.md"
"$bin" report --pages --template "$tmp/tpl/t.md" -o "$tmp/nocover.pdf" >"$tmp/nocover.map" 2>/dev/null
pdftotext -f 1 -l 1 "$tmp/nocover.pdf" - 2>/dev/null | grep -q "Pagina 1 van" && ok ||
  bad "page 1 of a template without cover has no footer"
pdftotext -f 1 -l 1 "$tmp/nocover.pdf" - 2>/dev/null | grep -q "Zonder omslag" && ok ||
  bad "page 1 of a template without cover has no running header"
# its first page, if left under 60%, says why in the page map
head -n 1 "$tmp/nocover.map" | grep -Eq "([6-9][0-9]|100)% full|cannot be split and does not fit|chapter end" &&
  ok || bad "page map of the template without cover: $(head -n 1 "$tmp/nocover.map")"

e2e_end
