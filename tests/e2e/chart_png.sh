#!/bin/bash
# End-to-end test of `jaarverslag chart`: a comparison chart PNG is decoded
# and its pixels checked at the bar positions the command reports; every
# kind is written as PNG, SVG and PDF (twice, byte-identical); bad options
# exit 64.
set -u
. "$(dirname "$0")/lib/e2e.sh"
export JAARVERSLAG_HOME=$src
check() { # check NAME CONDITION-EXIT-STATUS
  if [ "$2" -eq 0 ]; then ok; else bad "$1"; fi
}

# 1. pixels at the reported bar positions (72 dpi: one pixel per point)
"$bin" chart --kind comparison --indicator absoluut_verzuim --width 480 --height 320 \
  --dpi 72 --geometry -o "$tmp/cmp.png" >"$tmp/geometry.txt"
check "comparison png written" $?
python3 - "$tmp/cmp.png" "$tmp/geometry.txt" "$src/tests/e2e/lib" <<'EOF'
import sys

sys.path.insert(0, sys.argv[3])
import pngread

w, h, pixel = pngread.read(sys.argv[1])
assert (w, h) == (480, 320), (w, h)
px = lambda x, y: pixel(int(x), int(y))
BAR = (0x2A, 0x6E, 0xBB)  # jv_chart_style_default single
close = lambda c, ref, tol=12: all(abs(a - b) <= tol for a, b in zip(c, ref))
bars = {}
for line in open(sys.argv[2]):
    f = line.split()
    if f[0] == 'bar':
        bars[f[2]] = tuple(map(float, f[3:7]))
    elif f[0] == 'reference':
        ref_x = float(f[1])
assert len(bars) == 17, len(bars)
errors = []
longest = max(b[2] for b in bars.values())
for name, (x, y, bw, bh) in bars.items():
    cy = y + bh / 2
    if bw > 3:
        # inside the bar: the bar colour; just before its end too
        for sx in (x + bw / 2, x + bw - 1.5):
            if not close(px(sx, cy), BAR):
                errors.append('%s: %s at (%d,%d) is not the bar colour' % (name, px(sx, cy), sx, cy))
        # measured length in pixels matches the reported width (the last bar
        # pixel; the dashed reference line may cross the bar on the way)
        last = max(i for i in range(int(x), int(x + bw + 6)) if close(px(i, cy), BAR))
        if abs(last + 1 - x - bw) > 1.5:
            errors.append('%s: bar ends at %d px, expected %.1f' % (name, last + 1, x + bw))
    else:
        # a zero rate: no bar where the longest bar reaches
        sx = x + longest * 0.75
        if close(px(sx, cy), BAR, 60):
            errors.append('%s: bar colour at (%d,%d) but the rate is 0' % (name, sx, cy))
# background between rows and in the margin is white
if px(2, 2) != (255, 255, 255):
    errors.append('corner is %s, expected white' % (px(2, 2),))
# Alblasserdam (1,7) is 1,7/0,5 times Dordrecht (0,5)
ratio = bars['Alblasserdam'][2] / bars['Dordrecht'][2]
if abs(ratio - 3.4) > 0.01:
    errors.append('bar ratio %.3f, expected 3,4' % ratio)
# the dashed reference line is vermillion somewhere along its length
reddish = lambda c: c[0] > c[1] + 50 and c[0] > c[2] + 80
ys = [bars['Binnenmaas'][1] + k for k in range(0, 60)]
if not any(reddish(px(ref_x + dx, yy)) for yy in ys for dx in (-0.5, 0.5)):
    errors.append('no reference line at x=%.1f' % ref_x)
if errors:
    print('\n'.join(errors))
    sys.exit(1)
EOF
check "comparison pixels at bar positions" $?

# 2. every kind in every format, reproducible
kinds=("trend vrijstellingen" "trend absoluut_naar_onderwijs --lines" "comparison relatief_verzuim --sorted"
  "stacked relatief" "keyfigure vsv" "keyfigure overstap")
i=0
for k in "${kinds[@]}"; do
  set -- $k
  kind=$1 ind=$2
  shift 2
  for ext in png svg pdf; do
    "$bin" chart --kind "$kind" --indicator "$ind" "$@" -o "$tmp/c$i.$ext" &&
      "$bin" chart --kind "$kind" --indicator "$ind" "$@" -o "$tmp/d$i.$ext"
    check "$kind $ind .$ext written" $?
    cmp -s "$tmp/c$i.$ext" "$tmp/d$i.$ext"
    check "$kind $ind .$ext identical on a second run" $?
  done
  head -c 8 "$tmp/c$i.png" | od -An -tx1 | grep -q "89 50 4e 47"
  check "$kind $ind png signature" $?
  grep -q "<svg" "$tmp/c$i.svg"
  check "$kind $ind svg" $?
  qpdf --check "$tmp/c$i.pdf" >/dev/null 2>&1
  check "$kind $ind pdf passes qpdf --check" $?
  i=$((i + 1))
done
pdftotext "$tmp/c2.pdf" - 2>/dev/null | grep -q "Regio 27,3"
check "comparison PDF has the text 'Regio 27,3'" $?
pdftotext "$tmp/c4.pdf" - 2>/dev/null | grep -q "Bron: Jaarverslag LVS Zuid-Holland Zuid"
check "keyfigure PDF has its source line" $?
alt=$("$bin" chart -k comparison -i absoluut_verzuim -o "$tmp/a.svg" --alt)
echo "$alt" | grep -q "hoogst Alblasserdam en Strijen (1,7)"
check "alt text names the highest municipalities" $?

# 3. wrong use: 64, with a message; nothing written
expect() { # expect STATUS NAME ARGS...
  local want=$1 name=$2
  shift 2
  "$bin" chart "$@" >/dev/null 2>"$tmp/err"
  local rc=$?
  [ "$rc" -eq "$want" ] && [ -s "$tmp/err" ]
  check "$name (exit $rc, want $want)" $?
}
expect 64 "--kind bogus" --kind bogus --indicator absoluut_verzuim -o "$tmp/x.png"
expect 64 "missing --kind" --indicator absoluut_verzuim -o "$tmp/x.png"
expect 64 "missing -o" --kind trend --indicator vsv
expect 64 "unknown extension" --kind trend --indicator vsv -o "$tmp/x.gif"
expect 64 "unknown indicator" --kind comparison --indicator bogus -o "$tmp/x.png"
expect 64 "unknown series" --kind trend --indicator bogus -o "$tmp/x.png"
expect 64 "negative width" --kind trend --indicator vsv_percentage --width -5 -o "$tmp/x.png"
expect 64 "too small" --kind comparison --indicator absoluut_verzuim --height 80 -o "$tmp/x.png"
expect 66 "missing data dir" --kind comparison --indicator absoluut_verzuim --data "$tmp/none" -o "$tmp/x.png"
printf 'indicator,schooljaar,waarde,bron\nvsv,2016-2017,zes,x\n' >"$tmp/bad.csv"
expect 65 "bad series file" --kind trend --indicator vsv --series "$tmp/bad.csv" -o "$tmp/x.png"
[ ! -e "$tmp/x.png" ] && [ -z "$(ls -A "$tmp" | grep '^\.x')" ]
check "no output or temporary file after errors" $?
"$bin" chart --help | grep -q "keyfigure"
check "--help" $?

e2e_end
