#!/usr/bin/python3
"""Checks that the text of a tagged PDF's structure tree (pdfinfo -struct-text,
or pdf.js's lines in the same form) holds every heading, table header cell and
figure text alternative of `report --outline-text`, in the outline's order, and
that named table rows carry their cells.

usage: struct_order.py OUTLINE.txt STRUCT.txt [ROW=CELL ...]
  ROW=CELL  the table row whose row header is ROW has a cell CELL
"""
import re
import sys


def expected(outline):
    items = []
    for line in outline.splitlines():
        m = re.match(r"^(H[1-6]): (.*)$", line)
        if m:
            items.append((m.group(1), m.group(2)))
        m = re.match(r"^  TH: (.*)$", line)
        if m:
            items.extend(("TH", c.strip()) for c in m.group(1).split(" | "))
        m = re.match(r"^  alt: (.*)$", line)
        if m:
            items.append(("Figure", m.group(1)))
    return items


def elements(struct):
    """(type, text) of every element that holds text, in tree order."""
    out, cur = [], None
    for line in struct.splitlines():
        s = line.strip()
        if s.startswith('"') and cur is not None:
            out[-1] = (cur, out[-1][1] + s.strip('"'))
            continue
        m = re.match(r"^([A-Za-z0-9]+)(:| |$)", s)
        if m and not s.startswith("/"):
            cur = m.group(1)
            out.append((cur, ""))
    return [(t, " ".join(x.split())) for t, x in out]


def main():
    outline = open(sys.argv[1], encoding="utf-8").read()
    struct = open(sys.argv[2], encoding="utf-8").read()
    elems = elements(struct)
    fails = 0
    pos = 0
    for kind, text in expected(outline):
        want = " ".join(text.split())
        j = pos
        while j < len(elems) and not (elems[j][0] == kind and elems[j][1] == want):
            j += 1
        if j == len(elems):
            print(f"FAIL: {kind} '{want[:70]}' not found after element {pos} (or out of order)")
            fails += 1
        else:
            pos = j + 1
    for arg in sys.argv[3:]:
        row, cell = arg.split("=", 1)
        ok = False
        for i, (t, x) in enumerate(elems):
            if t == "TH" and x == row:
                k = i + 1
                while k < len(elems) and elems[k][0] == "TD":
                    ok = ok or elems[k][1] == cell
                    k += 1
        if not ok:
            print(f"FAIL: no table row '{row}' with a cell '{cell}'")
            fails += 1
    n = len(expected(outline))
    if fails:
        sys.exit(1)
    print(f"{n} headings, header cells and text alternatives in order")


if __name__ == "__main__":
    main()
