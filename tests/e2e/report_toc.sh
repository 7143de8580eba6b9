#!/usr/bin/env bash
# The table of contents: every entry's page number is the page where that
# heading lands (pdftotext per page), and every entry is a link annotation to
# that page (qpdf --json); the PDF outline mirrors the headings.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
"$bin" report -o "$tmp/r.pdf" ${JV_REPORT_ARGS:-}
qpdf --json "$tmp/r.pdf" >"$tmp/r.json"
python3 - "$tmp/r.pdf" "$tmp/r.json" <<'PY'
import json, re, subprocess, sys
pdf, js = sys.argv[1], sys.argv[2]
def page_text(n):
    return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
                          capture_output=True, text=True).stdout
n_pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
texts = {n: page_text(n) for n in range(1, n_pages + 1)}
toc_page = next(n for n, t in texts.items() if re.search(r"^\s*Inhoud\s*$", t, re.M))
entries = []
for line in texts[toc_page].split("\n"):
    m = re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
    if m and not m.group(1).startswith("Pagina") and "Jaarverslag" not in m.group(1):
        entries.append((m.group(1).strip(), int(m.group(2))))
passed = failed = 0
if len(entries) < 3:
    print(f"FAIL: only {len(entries)} TOC entries"); sys.exit(1)
for title, page in entries:
    # the heading starts a line on its page, and on no earlier page after the TOC
    pat = re.compile(r"^\s*" + re.escape(title) + r"\s*$", re.M)
    if pat.search(texts.get(page, "")):
        passed += 1
    else:
        print(f"FAIL: '{title}' not on page {page}"); failed += 1
# link annotations on the TOC page, each to the page of its entry
d = json.load(open(js))
objs = d["qpdf"][1]
page_objs = [p["object"] for p in d["pages"]]
toc_obj = objs[f"obj:{page_objs[toc_page - 1]}"]["value"]
links = []
for ref in toc_obj.get("/Annots", []):
    a = objs[f"obj:{ref}"]["value"]
    if a.get("/Subtype") == "/Link":
        dest = a.get("/Dest")
        if isinstance(dest, str):  # an indirect destination array
            dest = objs[f"obj:{dest}"]["value"]
        links.append(page_objs.index(dest[0]) + 1)
if sorted(links) == sorted(p for _, p in entries):
    passed += 1
else:
    print(f"FAIL: links go to {links}, entries say {[p for _, p in entries]}"); failed += 1
# the document language is declared (screen readers read Dutch)
root = objs[f"obj:{objs['trailer']['value']['/Root']}"]["value"]
if root.get("/Lang") in ("u:nl-NL", "nl-NL"):
    passed += 1
else:
    print(f"FAIL: catalog /Lang is {root.get('/Lang')}"); failed += 1
prefs = root.get("/ViewerPreferences", {})
if isinstance(prefs, str):
    prefs = objs[f"obj:{prefs}"]["value"]
if prefs.get("/DisplayDocTitle") is True:
    passed += 1
else:
    print(f"FAIL: /ViewerPreferences {prefs}"); failed += 1
# outline: every TOC entry is a bookmark
outl = json.dumps(d.get("outlines", []), ensure_ascii=False)
for title, _ in entries:
    if title in outl: passed += 1
    else: print(f"FAIL: '{title}' not in the outline"); failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
