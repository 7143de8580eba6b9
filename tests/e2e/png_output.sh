#!/usr/bin/env bash
# PNG files carry their resolution: a pHYs chunk that identify (ImageMagick)
# reads as the --dpi asked for (to the nearest integer: the chunk holds
# pixels per metre), for maps and charts; the pixel size follows
# the dpi; ten runs, and a run on one processor, give the same bytes; the colour type is palette when the
# image has at most 256 colours and RGB otherwise (counted by identify).
set -u
. "$(dirname "$0")/lib/e2e.sh"
export JAARVERSLAG_HOME=$src
check() { # name, condition status
  if [ "$2" -eq 0 ]; then ok; else bad "$1"; fi
}

for dpi in 300 600; do
  "$bin" map --indicator absoluut_verzuim --national --dpi $dpi -o "$tmp/map$dpi.png" 2>/dev/null
  check "national map at $dpi dpi written" $?
  res=$(identify -units PixelsPerInch -format '%x %y' "$tmp/map$dpi.png" |
    awk '{ printf "%.0f %.0f", $1, $2 }')
  [ "$res" = "$dpi $dpi" ]
  check "map at $dpi dpi: identify reads '$res' pixels per inch" $?
done
w300=$(identify -format '%w' "$tmp/map300.png")
w600=$(identify -format '%w' "$tmp/map600.png")
[ $((w300 * 2)) -eq "$w600" ] || [ $((w300 * 2 - 1)) -eq "$w600" ]
check "600 dpi is twice the width of 300 dpi ($w300, $w600)" $?

# the same bytes every run: nine more runs, three at a time (each run's
# buffers lie elsewhere in memory: an encoder that depends on that, as
# igzip's levels 1 and 2 did in one run in twenty, shows here), and on one
# processor (the bands are painted on as many threads as processors)
for i in 1 2 3 4 5 6 7 8 9; do
  "$bin" map --indicator absoluut_verzuim --national --dpi 300 -o "$tmp/again$i.png" 2>/dev/null &
  [ $((i % 3)) -eq 0 ] && wait
done
wait
differ=0
for i in 1 2 3 4 5 6 7 8 9; do cmp -s "$tmp/map300.png" "$tmp/again$i.png" || differ=$((differ + 1)); done
[ $differ -eq 0 ]
check "ten runs give the same PNG bytes ($differ of 9 differ from the first)" $?
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then
  taskset -c 0 "$bin" map --indicator absoluut_verzuim --national --dpi 300 -o "$tmp/one.png" 2>/dev/null
  cmp -s "$tmp/map300.png" "$tmp/one.png"
  check "one processor (taskset) gives the same PNG bytes as $(nproc)" $?
fi

"$bin" chart --kind trend --indicator vsv --dpi 96 -o "$tmp/chart.png" 2>/dev/null
check "chart written" $?
res=$(identify -units PixelsPerInch -format '%x' "$tmp/chart.png" | awk '{ printf "%.0f", $1 }')
[ "$res" = 96 ]
check "chart at 96 dpi: identify reads '$res' pixels per inch" $?

# colour type (byte 25 of the file) against the number of colours
for f in "$tmp/map300.png" "$tmp/chart.png"; do
  n=$(identify -format '%k' "$f")
  type=$(od -An -tu1 -j25 -N1 "$f" | tr -d ' ')
  if [ "$n" -le 256 ]; then want=3; else want=2; fi
  [ "$type" = $want ]
  st=$?
  check "$(basename "$f"): $n colours, colour type $type (want $want)" $st
done

# a drawing with few colours (a keyfigure chart at 10 dpi: about 220)
# comes out as a palette PNG
"$bin" chart --kind keyfigure --indicator vsv --dpi 10 -o "$tmp/tiny.png" 2>/dev/null
check "tiny chart written" $?
n=$(identify -format '%k' "$tmp/tiny.png")
type=$(od -An -tu1 -j25 -N1 "$tmp/tiny.png" | tr -d ' ')
[ "$n" -le 256 ] && [ "$type" = 3 ]
check "tiny chart: $n colours (want <= 256), colour type $type (want 3, palette)" $?
e2e_end
