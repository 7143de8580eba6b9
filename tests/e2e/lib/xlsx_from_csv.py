"""Writes a data directory's CSV files into one .xlsx workbook with openpyxl,
one sheet per file (regio.csv as sheet regio), whole numbers as numbers.
Options: --formula SHEET!CELL=FORMULA=VALUE stores a formula with a cached
value (openpyxl stores none, so the sheet XML is patched afterwards);
--date SHEET!CELL puts a date there; --text-formula SHEET!CELL a formula
whose cached value is text; --blank SHEET!CELL leaves a cell out.
Usage: /usr/bin/python3 xlsx_from_csv.py DATA_DIR OUT.xlsx [options]"""
import csv
import datetime
import os
import re
import sys
import zipfile

import openpyxl

src, out = sys.argv[1], sys.argv[2]
opts = sys.argv[3:]
wb = openpyxl.Workbook()
wb.remove(wb.active)
for name in sorted(os.listdir(src)):
    if not name.endswith(".csv"):
        continue
    ws = wb.create_sheet(name[:-4])
    with open(os.path.join(src, name), encoding="utf-8") as f:
        for row in csv.reader(f):
            ws.append([int(v) if v.isdigit() else v for v in row])
patches = []  # (sheet index, cell, xml)
names = wb.sheetnames
i = 0
while i < len(opts):
    kind, arg = opts[i], opts[i + 1]
    i += 2
    sheet, rest = arg.split("!", 1)
    ws = wb[sheet]
    if kind == "--date":
        ws[rest] = datetime.date(2018, 1, 5)
    elif kind == "--formula":
        cell, formula, value = rest.split("=", 2)
        ws[cell] = 0
        patches.append((names.index(sheet), cell, f'<c r="{cell}"><f>{formula}</f><v>{value}</v></c>'))
    elif kind == "--blank":
        ws[rest] = None  # a cell the sheet leaves out, mid-row
    elif kind == "--text-formula":
        patches.append((names.index(sheet), rest, f'<c r="{rest}" t="str"><f>"x"</f><v>x</v></c>'))
        ws[rest] = 0
wb.save(out)
if patches:
    tmp = out + ".tmp"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            for idx, cell, xml in patches:
                if item.filename == f"xl/worksheets/sheet{idx + 1}.xml":
                    text, n = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', xml, data.decode())
                    assert n == 1, (cell, n)
                    data = text.encode()
            zout.writestr(item, data)
    os.replace(tmp, out)
