#!/usr/bin/python3
"""Checks the machine-checkable conditions of PDF/A-2a and PDF/UA-1 (the Matterhorn
Protocol's) on one PDF with pikepdf. Prints each failure; exit 1 if any.

usage: pdfua_check.py FILE.pdf [--no-tags]
  --no-tags  skip the structure-tree checks (tagging not yet written)
"""
import os
import re
import sys

import pikepdf
from pikepdf import Name

failures = []


def fail(msg):
    failures.append(msg)


def check_header(pdf_path):
    with open(pdf_path, "rb") as f:
        head = f.read(16)
    if not head.startswith(b"%PDF-1.7"):
        fail(f"header is {head[:8]!r}, want %PDF-1.7")


def check_id(pdf):
    ids = pdf.trailer.get("/ID")
    if ids is None or len(ids) != 2 or len(bytes(ids[0])) != 16:
        fail("trailer /ID missing or not two 16-byte strings")
    elif bytes(ids[0]) == bytes(16):
        fail("trailer /ID is still the placeholder")


XMP_NEED = ["pdfaid:part", "pdfaid:conformance", "pdfuaid:part", "dc:title", "dc:language"]


def check_xmp(pdf):
    if "/Metadata" not in pdf.Root:
        fail("no XMP metadata stream in the catalog")
        return
    ms = pdf.Root.Metadata
    if "/Filter" in ms:
        fail("the XMP stream is compressed")
    pikepdf.models.metadata.PdfMetadata.NS["pdfuaid"] = "http://www.aiim.org/pdfua/ns/id/"
    pikepdf.models.metadata.PdfMetadata.REVERSE_NS["http://www.aiim.org/pdfua/ns/id/"] = "pdfuaid"
    meta = pdf.open_metadata()
    for k in XMP_NEED:
        if k not in meta:
            fail(f"XMP has no {k}")
    if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "A":
        fail(f"XMP pdfaid is {meta.get('pdfaid:part')}{meta.get('pdfaid:conformance')}, want 2A")
    if meta.get("pdfuaid:part") != "1":
        fail("XMP pdfuaid:part is not 1")
    info = pdf.trailer.get("/Info")
    title = str(info.get("/Title", "")) if info is not None else ""
    if not title:
        fail("Info has no Title (PDF/UA needs a title)")
    elif meta.get("dc:title") != title:
        fail(f"dc:title {meta.get('dc:title')!r} differs from Info Title {title!r}")
    xml = bytes(ms.read_bytes()).decode("utf-8")
    if "pdfaExtension:schemas" not in xml:
        fail("pdfuaid is used without its PDF/A extension schema")
    has_date = "/CreationDate" in info if info is not None else False
    if has_date != ("xmp:CreateDate" in meta):
        fail("Info CreationDate and xmp:CreateDate disagree")
    if has_date:
        d = str(info.CreationDate)  # D:20190101000000Z
        x = meta.get("xmp:CreateDate", "")
        if d[2:6] != x[0:4] or d[6:8] != x[5:7] or d[8:10] != x[8:10]:
            fail(f"Info CreationDate {d} and xmp:CreateDate {x} differ")


def check_output_intent(pdf):
    ois = pdf.Root.get("/OutputIntents")
    if not ois:
        fail("no OutputIntents")
        return
    oi = ois[0]
    if oi.get("/S") != Name.GTS_PDFA1:
        fail("OutputIntent /S is not /GTS_PDFA1")
    prof = oi.get("/DestOutputProfile")
    if prof is None or int(prof.get("/N", 0)) != 3:
        fail("OutputIntent has no RGB (N 3) DestOutputProfile")
        return
    data = prof.read_bytes()
    if data[36:40] != b"acsp" or data[16:20] != b"RGB ":
        fail("DestOutputProfile is not an RGB ICC profile")


RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def check_tounicode(data, where):
    if b"cidrange" in data or b"notdefrange" in data:
        fail(f"{where}: ToUnicode uses cidrange/notdefrange (not a ToUnicode map)")
    if b"beginbfrange" not in data and b"beginbfchar" not in data:
        fail(f"{where}: ToUnicode has no bfchar/bfrange")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in RANGE.findall(block):
            if len(lo) != len(hi) or lo[:-2] != hi[:-2]:
                fail(f"{where}: bfrange <{lo.decode()}> <{hi.decode()}> crosses a byte boundary")
                return
            u = int(dst, 16)
            if 0xD800 <= u <= 0xDFFF or u in (0, 0xFEFF, 0xFFFE):
                fail(f"{where}: bfrange maps to invalid U+{u:04X}")


def check_fonts(pdf):
    tounicode, maps = {}, {}
    for pno, page in enumerate(pdf.pages, 1):
        fonts = page.Resources.get("/Font", {})
        for key, font in fonts.items():
            where = f"page {pno} font {key}"
            if "/ToUnicode" not in font:
                fail(f"{where}: no ToUnicode")
                continue
            tu = font.ToUnicode
            tounicode[tu.objgen] = tu
            for d in font.get("/DescendantFonts", []):
                info = d.get("/CIDSystemInfo")
                if info is not None and str(info.Ordering) not in ("Identity",):
                    fail(f"{where}: CIDSystemInfo Ordering is {info.Ordering}")
                fd = d.get("/FontDescriptor")
                if fd is None or "/FontFile2" not in fd:
                    fail(f"{where}: font program not embedded")
                m = d.get("/CIDToGIDMap")
                if isinstance(m, pikepdf.Stream):
                    maps.setdefault(bytes(m.read_bytes()), set()).add(m.objgen)
    for og, tu in tounicode.items():
        check_tounicode(bytes(tu.read_bytes()), f"ToUnicode {og}")
    for data, ogs in maps.items():
        if len(ogs) > 1:
            fail(f"{len(ogs)} identical CIDToGIDMap streams instead of one")


def check_forbidden(pdf):
    if "/Encrypt" in pdf.trailer:
        fail("encrypted")
    if "/Names" in pdf.Root and "/JavaScript" in pdf.Root.Names:
        fail("JavaScript")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            f = obj.get("/Filter")
            names = [f] if isinstance(f, Name) else list(f or [])
            if Name.LZWDecode in names:
                fail("LZW-compressed stream")


def main():
    args = sys.argv[1:]
    tags = "--no-tags" not in args
    path = [a for a in args if not a.startswith("--")][0]
    check_header(path)
    with pikepdf.open(path) as pdf:
        check_id(pdf)
        check_xmp(pdf)
        check_output_intent(pdf)
        check_fonts(pdf)
        check_forbidden(pdf)
        if tags:
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            import pdfua_tags

            failures.extend(pdfua_tags.check(pdf))
    for f in failures:
        print(f"FAIL: {path}: {f}")
    if failures:
        sys.exit(1)
    print(f"{path}: PDF/A-2a and PDF/UA-1 checks passed")


if __name__ == "__main__":
    main()
