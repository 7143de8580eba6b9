"""The region row of the absoluut-verzuim table as a report must print it:
leerplichtigen 5-15, 16-17, 5-17, absoluut verzuim and its rate per 1.000
(half up, one decimal, Dutch notation), summed over the municipalities of a
data directory's CSV files or of a workbook's sheets (gegevens.xlsx of
`init --werkmap`; needs openpyxl, so /usr/bin/python3).
Usage: region_row.py DATA_DIR|WORKBOOK.xlsx"""
import csv
import sys
from decimal import Decimal, ROUND_HALF_UP


def rows(src, name):
    if src.endswith(".xlsx"):
        import openpyxl

        ws = openpyxl.load_workbook(src, read_only=True)[name]
        it = ws.iter_rows(values_only=True)
        header = [str(h) for h in next(it)]
        got = [dict(zip(header, r)) for r in it]
    else:
        with open(f"{src}/{name}.csv", encoding="utf-8") as f:
            got = list(csv.DictReader(f))
    return [r for r in got if str(r["cbs_code"] or "").startswith("GM")]


src = sys.argv[1]
lpl, vz = rows(src, "leerplichtigen"), rows(src, "verzuim")
s = lambda rs, k: sum(int(r[k]) for r in rs)
dutch = lambda n: f"{n:,}".replace(",", ".")
t = int((Decimal(s(vz, "absoluut_verzuim")) * 10000 / s(lpl, "leerplichtigen_5_17")).quantize(1, ROUND_HALF_UP))
print(" ".join([dutch(s(lpl, "leerplichtigen_5_15")), dutch(s(lpl, "leerplichtigen_16_17")),
                dutch(s(lpl, "leerplichtigen_5_17")), dutch(s(vz, "absoluut_verzuim")),
                f"{t // 10},{t % 10}"]))
