#!/usr/bin/python3
"""Each embedded TrueType program of FILE.pdf holds only the glyphs its text uses
(outlines of at most MAX glyphs), no glyph names ('post' format 3), the widths of
unused glyphs zeroed, and valid checksums. usage: font_subset.py FILE.pdf [MAX]"""
import struct
import sys

import pikepdf


def tables(d):
    n = struct.unpack(">H", d[4:6])[0]
    out = {}
    for i in range(n):
        tag, _, off, ln = struct.unpack(">4sIII", d[12 + 16 * i:28 + 16 * i])
        out[tag.decode()] = (off, ln)
    return out


def total(d):
    d = d + b"\0" * (-len(d) % 4)
    return sum(struct.unpack(">%dI" % (len(d) // 4), d)) & 0xFFFFFFFF


def main():
    path, most = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 300
    fails, fonts = [], 0
    pdf = pikepdf.open(path)
    for o in pdf.objects:
        if not (isinstance(o, pikepdf.Stream) and "/Length1" in o):
            continue
        fonts += 1
        d = bytes(o.read_bytes())
        t = tables(d)
        post = t["post"][0]
        if struct.unpack(">I", d[post:post + 4])[0] != 0x00030000:
            fails.append(f"font {o.objgen}: 'post' keeps glyph names")
        head = t["head"][0]
        long_loca = struct.unpack(">h", d[head + 50:head + 52])[0]
        n_glyphs = struct.unpack(">H", d[t["maxp"][0] + 4:t["maxp"][0] + 6])[0]
        loca = t["loca"][0]
        if long_loca:
            offs = struct.unpack(">%dI" % (n_glyphs + 1), d[loca:loca + 4 * (n_glyphs + 1)])
        else:
            offs = [2 * x for x in struct.unpack(">%dH" % (n_glyphs + 1), d[loca:loca + 2 * (n_glyphs + 1)])]
        drawn = [g for g in range(n_glyphs) if offs[g + 1] > offs[g]]
        if len(drawn) > most:
            fails.append(f"font {o.objgen}: {len(drawn)} of {n_glyphs} glyphs have outlines")
        hmtx = t["hmtx"][0]
        n_hm = struct.unpack(">H", d[t["hhea"][0] + 34:t["hhea"][0] + 36])[0]
        wide = [g for g in range(1, n_hm) if struct.unpack(">H", d[hmtx + 4 * g:hmtx + 4 * g + 2])[0]
                and g not in drawn and offs[g + 1] == offs[g]]
        if len(wide) > most:
            fails.append(f"font {o.objgen}: {len(wide)} unused glyphs keep their advance width")
        if total(d) != 0xB1B0AFBA:
            fails.append(f"font {o.objgen}: checksum adjustment is wrong")
        for tag, (off, ln) in t.items():
            if tag != "head" and total(d[off:off + ln]) != struct.unpack(">I", d[12 + 16 * list(t).index(tag) + 4:12 + 16 * list(t).index(tag) + 8])[0]:
                fails.append(f"font {o.objgen}: table '{tag}' checksum is wrong")
    if fonts == 0:
        fails.append("no embedded TrueType font")
    for f in fails:
        print(f"FAIL: {path}: {f}")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
