#!/usr/bin/env bash
# Exit statuses and warnings of `jaarverslag map`: usage errors 64, malformed
# data 65, missing input 66; a region member without data and a data row
# without a polygon are both named in a warning; non-respons is hatched grey
# and geen gegevens white in the PNG.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
zhz=$src/data/zuid-holland-zuid/2017-2018
expect() { # status, then the command
  local want=$1; shift
  set +e; "$@" >"$tmp/out.txt" 2>"$tmp/err.txt"; local got=$?; set -e
  if [ "$got" != "$want" ]; then
    echo "FAIL: exit $got, expected $want: $*"; cat "$tmp/err.txt"; exit 1
  fi
}
expect 64 "$bin" map --explain
expect 64 "$bin" map --indicator vrijstelling_5x --explain
grep -q "did you mean 'vrijstelling_5a'" "$tmp/err.txt" || { echo "FAIL: no suggestion"; exit 1; }
expect 64 "$bin" map --indicator leerplichtigen_5_17 --explain
expect 64 "$bin" map --indicator vrijstelling_5a
expect 64 "$bin" map --indicator vrijstelling_5a --buckets 3,2 --explain
grep -qF 'edge 2 (2) is below edge 1 (3)' "$tmp/err.txt" || { cat "$tmp/err.txt"; echo "FAIL: edge"; exit 1; }
# a decimal comma: the message names the edge and why, and suggests '.'
expect 64 "$bin" map --indicator vrijstelling_5a --buckets "0;1,5;3" --explain
grep -qF 'edge 4 (3) is below edge 3 (5)' "$tmp/err.txt" &&
  grep -qF "write a decimal point as '.'" "$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: decimal comma not explained"; exit 1; }
expect 64 "$bin" map --indicator vrijstelling_5a --labels brief --explain
expect 64 "$bin" map --indicator vrijstelling_5a --small-numbers dots --explain
expect 64 "$bin" map --indicator vrijstelling_5a --small-numbers-below -1 --explain
expect 64 "$bin" map --indicator vrijstelling_5a --all
expect 64 "$bin" map --indicator vrijstelling_5a --year 2014/2016 --explain
expect 64 "$bin" map --indicator vrijstelling_5a -o "$tmp/map.txt"
expect 64 "$bin" map --indicator vrijstelling_5a --region Nergensland --explain
expect 64 "$bin" map --indicator vrijstelling_5a --region "Zuid-Holland Zuid" --national --explain
expect 66 "$bin" map --indicator vrijstelling_5a --data "$tmp/none" --explain
expect 66 "$bin" map --indicator vrijstelling_5a --year 2010-2011 --explain
expect 66 "$bin" map --indicator vrijstelling_5a --boundary-year 2014 --explain
expect 66 "$bin" map --indicator vrijstelling_5a --geometry "$tmp/none.json" --explain
printf '{"type":"FeatureCollection","features":[\n{"type":"Feature",}]}' >"$tmp/bad.json"
expect 65 "$bin" map --indicator vrijstelling_5a --geometry "$tmp/bad.json" --explain
grep -q "bad.json:2:" "$tmp/err.txt" || { cat "$tmp/err.txt"; echo "FAIL: error not located"; exit 1; }
# the data lacks the indicator (ZHZ 2017-2018 has no absoluut_verzuim_3m)
expect 65 "$bin" map --indicator absoluut_verzuim_3m --data "$zhz" --explain
expect 73 "$bin" map --indicator vrijstelling_5a -o "$tmp/no/such/dir/map.png"

# A copy of the ZHZ data without Strijen and with Sliedrecht non-respons
cp -r "$zhz" "$tmp/mod"
sed -i '/Strijen/d' "$tmp"/mod/*.csv
sed -i 's/^GM0610,Sliedrecht,31,/GM0610,Sliedrecht,non-respons,/' "$tmp/mod/vrijstellingen.csv"
expect 0 "$bin" map --indicator vrijstelling_5a --data "$tmp/mod" --explain --all -o "$tmp/mod.png" \
  --dpi 150 --debug-points
grep -q "GM0617 Strijen: in the region but not in the data" "$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: missing member not warned"; exit 1; }
grep -qP '^GM0610\tSliedrecht\tnon-respons\t3.926\tnon-respons\tnon-respons\t–\tnee$' "$tmp/out.txt" ||
  { echo "FAIL: Sliedrecht not non-respons"; exit 1; }
grep -qP '^GM0617\tStrijen\t.*\tgeen gegevens\t–\tnee$' "$tmp/out.txt" ||
  { echo "FAIL: Strijen not geen gegevens"; exit 1; }
python3 - "$here/lib" "$tmp/mod.png" "$tmp/out.txt" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pngread
w, h, pixel = pngread.read(sys.argv[2])
pts = {}
for line in open(sys.argv[3], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 4:
        pts[f[0]] = (round(float(f[2])), round(float(f[3])))
# the label sits on the point: take the most common colour around it
strijen = pngread.mode_around(pixel, *pts["GM0617"], r=6)
assert strijen == (255, 255, 255), f"Strijen (geen gegevens) is {strijen}"
x, y = pts["GM0610"]
seen = {pixel(x + dx, y + dy) for dx in range(-6, 7) for dy in range(-6, 7)}
grey = [c for c in seen if c[0] == c[1] == c[2]]
# non-respons: only greys (light fill and darker hatching), at least two of them
assert len(grey) >= 2 and all(max(c) - min(c) <= 2 for c in seen if c != (255, 255, 255)), seen
PY

# GeoJSON boundaries lacking Dordrecht: that data row is named as not drawn
python3 - "$src/assets/geo/gemeente_2018.topojson" "$tmp/zhz.geojson" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
sx, sy = t["transform"]["scale"]; tx, ty = t["transform"]["translate"]
arcs = []
for a in t["arcs"]:
    x = y = 0; pts = []
    for dx, dy in a:
        x += dx; y += dy; pts.append([x * sx + tx, y * sy + ty])
    arcs.append(pts)
def ring(refs):
    out = []
    for r in refs:
        p = arcs[r] if r >= 0 else arcs[~r][::-1]
        out.extend(p if not out else p[1:])
    return out
feats = []
for g in t["objects"]["gemeente_2018"]["geometries"]:
    p = g["properties"]
    if p["statcode"] == "GM0505":
        continue
    polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
    feats.append({"type": "Feature", "properties": {"code": p["statcode"], "name": p["statnaam"]},
                  "geometry": {"type": "MultiPolygon", "coordinates": [[ring(r) for r in poly] for poly in polys]}})
json.dump({"type": "FeatureCollection", "features": feats}, open(sys.argv[2], "w"))
PY
expect 0 "$bin" map --indicator vrijstelling_5a --data "$zhz" --geometry "$tmp/zhz.geojson" \
  --region "Zuid-Holland Zuid" -o "$tmp/geojson.pdf" --explain
grep -q "GM0505 Dordrecht: no municipality with this code or name in the boundaries" "$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: unmatched data row not warned"; exit 1; }
[ "$(tail -n +2 "$tmp/out.txt" | wc -l)" = 16 ] || { echo "FAIL: expected 16 municipalities"; exit 1; }
pdftotext "$tmp/geojson.pdf" - 2>/dev/null | grep -q "Grenzen: zhz.geojson" ||
  { echo "FAIL: own boundaries not credited"; exit 1; }
echo "PASS"
