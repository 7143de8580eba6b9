#!/usr/bin/env bash
# The PDF streams are compressed at the level render/pdf_zlib.c chose (3),
# not libharu's fixed default (6): the FLEVEL bits of every zlib header in
# the report and in a chart PDF say "fast" (levels 2-5). This fails if the
# program's deflateInit_ stops being the one libharu's calls bind to.
set -u
. "$(dirname "$0")/lib/e2e.sh"
export JAARVERSLAG_HOME=$src
"$bin" report -o "$tmp/r.pdf" 2>/dev/null || { echo "FAIL: report"; exit 1; }
"$bin" chart --kind trend --indicator vsv -o "$tmp/c.pdf" 2>/dev/null || { echo "FAIL: chart"; exit 1; }
qpdf --check "$tmp/r.pdf" >/dev/null || { echo "FAIL: qpdf --check"; exit 1; }
python3 - "$tmp/r.pdf" "$tmp/c.pdf" <<'PY'
import re, sys, zlib
bad = 0
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    n = 0
    for m in re.finditer(rb"stream\r?\n", data):
        head = data[max(0, m.start() - 400):m.start()]
        head = head[head.rfind(b"obj"):]
        if b"/FlateDecode" not in head or m.start() >= 3 and data[m.start() - 3:m.start()] == b"end":
            continue
        if data[m.end():m.end() + 12].lstrip(b"\r\n").startswith(b"endstream"):
            continue  # libharu writes some empty streams with the filter
        cmf, flg = data[m.end()], data[m.end() + 1]
        n += 1
        if cmf & 0x0F != 8 or (cmf * 256 + flg) % 31:
            print(f"FAIL: {path}: stream at {m.end()} is not zlib")
            bad += 1
        elif flg >> 6 != 1:
            print(f"FAIL: {path}: stream at {m.end()} has FLEVEL {flg >> 6}, want 1 (level 2-5)")
            bad += 1
    if n < 3:
        print(f"FAIL: {path}: only {n} compressed streams found")
        bad += 1
sys.exit(1 if bad else 0)
PY
