#!/usr/bin/env bash
# A national PNG map paints every municipality's interior point (its pole of
# inaccessibility, printed by --debug-points) in the colour of the class that
# --explain gives it: one colour per class, white for geen gegevens, and
# lightness falling with every class (a sequential palette readable in grey).
# The small-numbers marks are off here: they sit on those points.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
for ind in vrijstelling_5a absoluut_verzuim langdurig_relatief_verzuim; do
  "$bin" map --indicator "$ind" --year 2014-2015 --national --dpi 200 --small-numbers off \
    -o "$tmp/$ind.png" --debug-points >"$tmp/$ind.points" 2>/dev/null
  "$bin" map --indicator "$ind" --year 2014-2015 --national --explain --all \
    >"$tmp/$ind.explain" 2>/dev/null
  python3 - "$here/lib" "$tmp/$ind.png" "$tmp/$ind.points" "$tmp/$ind.explain" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pngread
w, h, pixel = pngread.read(sys.argv[2])
points = {}
for line in open(sys.argv[3], encoding="utf-8"):
    code, name, x, y = line.rstrip("\n").split("\t")
    points[code] = (round(float(x)), round(float(y)))
order = ["geen", "tot 1 per 1.000", "1 tot 2 per 1.000", "2 tot 3 per 1.000",
         "3 tot 5 per 1.000", "5 of meer per 1.000"]
colour_of = {}
bad = 0
n = 0
for line in list(open(sys.argv[4], encoding="utf-8"))[1:]:
    code, name, count, base, rate, label, interval, unsure = line.rstrip("\n").split("\t")
    x, y = points[code]
    assert 0 <= x < w and 0 <= y < h, (code, x, y)
    c = pngread.mode_around(pixel, x, y, 1)
    n += 1
    if label == "geen gegevens":
        if c != (255, 255, 255):
            print(f"FAIL: {name} ({code}) has no data but is painted {c}")
            bad += 1
        continue
    if label in colour_of and colour_of[label][0] != c:
        print(f"FAIL: {name} is {c} but {colour_of[label][1]} of the same class "
              f"'{label}' is {colour_of[label][0]}")
        bad += 1
    colour_of.setdefault(label, (c, name))
assert n == 393, n
used = [l for l in order if l in colour_of]
if len({colour_of[l][0] for l in used}) != len(used):
    print("FAIL: two classes share a colour:", {l: colour_of[l][0] for l in used})
    bad += 1
light = [pngread.lightness(colour_of[l][0]) for l in used]
if any(a - b < 8 for a, b in zip(light, light[1:])):
    print("FAIL: lightness does not fall by at least 8 L* per class:", list(zip(used, light)))
    bad += 1
if len(used) < 3:
    print("FAIL: expected at least 3 classes in use, got", used)
    bad += 1
print(f"{sys.argv[2].rsplit('/', 1)[1]}: {n} interior points checked, classes {used}")
sys.exit(1 if bad else 0)
PY
done
echo "PASS"
