"""Fills a workbook written by `jaarverslag invoer` with the figures of a
data directory's CSV files, as an office would type them: every indicator
cell the CSV files have; a column they lack is deleted. Checks on the way
that each header has its Dutch label as a comment and that the figure cells
carry the validation (count or n.b./nvt/non-respons).
Usage: /usr/bin/python3 fill_invoer.py IN.xlsx DATA_DIR OUT.xlsx LABELS.tsv"""
import csv
import os
import sys

import openpyxl

src, data, out, labels_path = sys.argv[1:5]
labels = dict(line.rstrip("\n").split("\t")[0::2] for line in open(labels_path, encoding="utf-8"))
values = {}  # code -> indicator -> text
for name in os.listdir(data):
    if name.endswith(".csv") and name != "regio.csv":
        with open(os.path.join(data, name), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for k, v in row.items():
                    if k not in ("cbs_code", "gemeente"):
                        values.setdefault(row["cbs_code"], {})[k] = v
wb = openpyxl.load_workbook(src)
problems = []
for ws in wb.worksheets:
    if ws.title == "regio":
        continue
    header = [c.value for c in ws[1]]
    if header[:2] != ["cbs_code", "gemeente"]:
        problems.append(f"{ws.title}: header {header[:2]}")
    for col, ind in enumerate(header[2:], start=3):
        comment = ws.cell(1, col).comment
        if not comment or comment.text.strip() != labels[ind]:
            problems.append(f"{ws.title}: {ind} has comment {comment and comment.text!r}")
    dvs = ws.data_validations.dataValidation
    if not dvs or not any("non-respons" in (dv.formula1 or "") for dv in dvs):
        problems.append(f"{ws.title}: no validation allowing non-respons")
    for r in range(2, ws.max_row + 1):
        code = ws.cell(r, 1).value
        for col, ind in enumerate(header[2:], start=3):
            v = values.get(code, {}).get(ind)
            if v is not None:
                ws.cell(r, col).value = int(v) if v.isdigit() else v
    for col in range(len(header), 2, -1):  # right to left: indices stay valid
        if not any(header[col - 1] in values[c] for c in values):
            ws.delete_cols(col)
if problems:
    sys.exit("\n".join(problems))
wb.save(out)
