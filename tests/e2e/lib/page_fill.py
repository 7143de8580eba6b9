"""The fill test's measure (run with /usr/bin/python3: PIL and pikepdf are
Debian modules). Usage: page_fill.py REPORT.pdf PAGEMAP.txt PNGDIR NAME

PNGDIR holds the report's pages rendered by `pdftoppm -r $DPI -gray -png` (DPI in the environment, default 60).
For each page it measures the inked share of the text area: the rows
between the top and bottom margins holding any ink, with gaps under 40 pt
(paragraph and block spacing) counted as filled. A page under 60 % fails
unless it is the cover, the last page of a chapter (the next page starts a
top-level outline entry or the table of contents, or it is the last page),
or the page map (`report --pages`) explains it: the next block cannot be
split and does not fit, or the template asks for a page break. The map's
own fill must agree with the measure (within 25 points)."""
import glob
import os
import re
import sys

import pikepdf
from PIL import Image

DPI = int(os.environ.get("DPI", "60"))
TOP, BOTTOM = 78, 70  # the page style's margins, points
GAP = 40  # points of white that still count as inside a block of content
INK = 200  # grey level below which a pixel is ink (table stripes are not)
MIN_FILL = 0.60

pdf_path, map_path, png_dir, name = sys.argv[1:5]

pages_map = {}
for line in open(map_path, encoding="utf-8"):
    m = re.match(r"page (\d+) of (\d+): (.*)", line)
    if m:
        pages_map[int(m.group(1))] = m.group(3)

pdf = pikepdf.open(pdf_path)
n_pages = len(pdf.pages)
page_no = {p.objgen: i + 1 for i, p in enumerate(pdf.pages)}
chapter_starts = set()
with pdf.open_outline() as outline:
    for item in outline.root:
        dest = item.destination
        if isinstance(dest, pikepdf.Array) and len(dest) > 0:
            chapter_starts.add(page_no.get(dest[0].objgen))

pngs = sorted(glob.glob(f"{png_dir}/*.png"), key=lambda p: int(re.findall(r"(\d+)\.png$", p)[0]))
if len(pngs) != n_pages or len(pages_map) != n_pages:
    print(f"FAIL {name}: {n_pages} pages, {len(pngs)} PNGs, {len(pages_map)} page-map lines")
    sys.exit(1)

failed = 0
for i, png in enumerate(pngs, start=1):
    img = Image.open(png).convert("L")
    w, h = img.size
    scale = DPI / 72.0
    y0, y1 = int(TOP * scale), h - int(BOTTOM * scale)
    data = img.tobytes()
    inked = [min(data[y * w:(y + 1) * w]) < INK for y in range(y0, y1)]
    covered, last, gap = 0, None, GAP * scale
    for y, ink in enumerate(inked):
        if ink:
            covered += 1 if last is None or y - last > gap else y - last
            last = y
    fill = covered / len(inked)
    info = pages_map[i]
    cover = info.startswith("cover")
    m = re.match(r"(\d+)% full", info)
    map_fill = int(m.group(1)) / 100 if m else 1.0
    chapter_end = i == n_pages or (i + 1) in chapter_starts or "table of contents" in pages_map.get(i + 1, "")
    explained = "cannot be split and does not fit" in info or "(::pagina)" in info
    verdict = "ok"
    if not cover and fill < MIN_FILL and not chapter_end and not explained:
        verdict = "FAIL: under 60% and neither a chapter end nor explained by the page map"
    elif not cover and abs(fill - map_fill) > 0.25:
        verdict = f"FAIL: the page map says {map_fill:.0%}"
    if verdict != "ok":
        failed += 1
    print(f"{name} page {i}/{n_pages}: {fill:.0%} inked ({info}) {verdict}")
sys.exit(1 if failed else 0)
