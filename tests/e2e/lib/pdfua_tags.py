"""The structure-tree conditions of PDF/UA-1 (machine-checkable Matterhorn
checkpoints) for pdfua_check.py: check(pdf) returns a list of failures."""
import pikepdf
from pikepdf import Name

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form"}
PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}


def name(o):
    return str(o)[1:] if isinstance(o, Name) else None


def check_content(pdf, fails):
    """Every painting operator inside a tagged (MCID) or Artifact sequence,
    no MCID inside an Artifact; MCIDs per page, for the ParentTree check."""
    used = {}
    for pno, page in enumerate(pdf.pages, 1):
        stack, mcids = [], []
        untagged = 0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = name(operands[0])
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    if "/MCID" in operands[1]:
                        mcid = int(operands[1].MCID)
                if mcid is not None:
                    if any(t == "Artifact" for t, _ in stack):
                        fails.append(f"page {pno}: MCID {mcid} inside an Artifact")
                    if mcid in mcids:
                        fails.append(f"page {pno}: MCID {mcid} used twice")
                    mcids.append(mcid)
                stack.append((tag, mcid))
            elif op == "EMC":
                if not stack:
                    fails.append(f"page {pno}: EMC without BDC")
                else:
                    stack.pop()
            elif op in PAINT:
                if not any(t == "Artifact" or m is not None for t, m in stack):
                    untagged += 1
        if stack:
            fails.append(f"page {pno}: {len(stack)} marked-content sequences left open")
        if untagged:
            fails.append(f"page {pno}: {untagged} operators neither tagged nor artifact")
        if page.obj.get("/Tabs") != Name.S:
            fails.append(f"page {pno}: /Tabs is not /S")
        if "/StructParents" not in page.obj:
            fails.append(f"page {pno}: no /StructParents")
        used[page.obj.objgen] = mcids
    return used


def parent_tree(root):
    nums = {}

    def walk(node):
        arr = node.get("/Nums")
        if arr is not None:
            for i in range(0, len(arr), 2):
                nums[int(arr[i])] = arr[i + 1]
        for kid in node.get("/Kids", []):
            walk(kid)

    walk(root.ParentTree)
    return nums


def kids(elem):
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def check(pdf):
    fails = []
    root = pdf.Root
    if not ("/MarkInfo" in root and bool(root.MarkInfo.get("/Marked"))):
        fails.append("MarkInfo /Marked is not true")
    if not str(root.get("/Lang", "")):
        fails.append("no document /Lang")
    vp = root.get("/ViewerPreferences")
    if vp is None or not bool(vp.get("/DisplayDocTitle")):
        fails.append("ViewerPreferences /DisplayDocTitle is not true")
    if "/StructTreeRoot" not in root:
        fails.append("no StructTreeRoot")
        return fails
    str_root = root.StructTreeRoot
    if "/RoleMap" in str_root:
        fails.append("a RoleMap: the tree should use standard types only")
    used = check_content(pdf, fails)
    nums = parent_tree(str_root)

    headings, objrs, mcrs = [], set(), {}
    seen = set()

    def walk(elem, parent_type):
        if elem.objgen in seen and elem.objgen != (0, 0):
            fails.append(f"element {elem.objgen} reached twice")
            return
        seen.add(elem.objgen)
        t = name(elem.get("/S"))
        if t not in STANDARD:
            fails.append(f"non-standard structure type /{t}")
        if t == "Figure" and not str(elem.get("/Alt", "")).strip():
            fails.append(f"Figure {elem.objgen} without /Alt")
        if t == "Figure":
            a = elem.get("/A")
            if a is None or "/BBox" not in a:
                fails.append(f"Figure {elem.objgen} without a BBox")
        if t in ("H1", "H2", "H3", "H4", "H5", "H6"):
            headings.append(int(t[1]))
        if t == "TH":
            a = elem.get("/A")
            if a is None or name(a.get("/Scope")) not in ("Row", "Column", "Both"):
                fails.append(f"TH {elem.objgen} without /Scope")
        if t == "LI" and parent_type != "L":
            fails.append(f"LI {elem.objgen} outside an L")
        if t in ("TR",) and parent_type not in ("Table", "THead", "TBody", "TFoot"):
            fails.append(f"TR {elem.objgen} outside a table")
        if t == "TOCI" and parent_type != "TOC":
            fails.append(f"TOCI {elem.objgen} outside a TOC")
        page = elem.get("/Pg")
        for k in kids(elem):
            if isinstance(k, int) or (not isinstance(k, pikepdf.Dictionary)):
                if page is None:
                    fails.append(f"MCID {k} of {t} without /Pg")
                else:
                    mcrs[(page.objgen, int(k))] = elem
            elif name(k.get("/Type")) == "MCR":
                mcrs[(k.Pg.objgen, int(k.MCID))] = elem
            elif name(k.get("/Type")) == "OBJR":
                objrs.add(k.Obj.objgen)
                if t != "Link" and name(k.Obj.get("/Subtype")) == "Link":
                    fails.append(f"a Link annotation in a {t}, not a Link element")
            else:
                walk(k, t)

    for top in kids(str_root):
        walk(top, "StructTreeRoot")

    # headings: start at H1, never skip a level
    prev = 0
    for h in headings:
        if h > prev + 1:
            fails.append(f"heading level H{h} after H{prev}")
            break
        prev = h

    # every table has header cells
    def has_th(elem):
        return any(isinstance(k, pikepdf.Dictionary) and "/S" in k and
                   (name(k.S) == "TH" or has_th(k)) for k in kids(elem))

    def tables_of(elem):
        for k in kids(elem):
            if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                if name(k.S) == "Table" and not has_th(k):
                    fails.append(f"Table {k.objgen} without TH")
                tables_of(k)

    for top in kids(str_root):
        tables_of(top)

    # every marked MCID belongs to the element the ParentTree names, and back
    for pno, page in enumerate(pdf.pages, 1):
        sp = page.obj.get("/StructParents")
        arr = nums.get(int(sp)) if sp is not None else None
        for mcid in used.get(page.obj.objgen, []):
            owner = mcrs.get((page.obj.objgen, mcid))
            if owner is None:
                fails.append(f"page {pno}: MCID {mcid} in no structure element")
            elif arr is None or mcid >= len(arr) or arr[mcid].objgen != owner.objgen:
                fails.append(f"page {pno}: ParentTree entry of MCID {mcid} is wrong")
        for annot in page.obj.get("/Annots", []):
            st = name(annot.get("/Subtype"))
            if st in ("Popup",):
                continue
            if annot.objgen not in objrs:
                fails.append(f"page {pno}: a {st} annotation not in the structure tree")
            if "/StructParent" not in annot or int(annot.StructParent) not in nums:
                fails.append(f"page {pno}: a {st} annotation without a ParentTree entry")
            if not str(annot.get("/Contents", "")):
                fails.append(f"page {pno}: a {st} annotation without /Contents")
            if not int(annot.get("/F", 0)) & 4:
                fails.append(f"page {pno}: a {st} annotation without the print flag")
    return fails
