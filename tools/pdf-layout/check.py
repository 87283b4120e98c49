#!/usr/bin/env python3
"""Layout checks on the PDFs gen.py wrote: every word inside the page (a margin of EDGE points),
no two words drawn over each other, every typed value found whole in the extracted text, page count
sane, no empty page, qpdf --check clean. Prints one JSON line per finding and a summary.

usage: check.py OUT_DIR [name-filter]
"""
import json, re, subprocess, sys, pathlib, unicodedata
import xml.etree.ElementTree as ET

OUT = pathlib.Path(sys.argv[1])
ONLY = sys.argv[2] if len(sys.argv) > 2 else None
EDGE = 4.0
NS = "{http://www.w3.org/1999/xhtml}"
HEADER_BAND = 45.0   # the stamped patient header lies above this (points from the top)
FOOTER_BAND = 30.0
CONTENT_X = 45.35    # 16 mm, the left and right page margin of every template
TINY = 4.5           # a word box lower than this (a font under ~4 pt) cannot be read on a fax   # "Page X of Y" below this (points from the bottom)


def words(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter(NS + "page"):
        w, h = float(page.get("width")), float(page.get("height"))
        ws = []
        for li, line in enumerate(page.iter(NS + "line")):
            for word in line.iter(NS + "word"):
                ws.append((float(word.get("xMin")), float(word.get("yMin")), float(word.get("xMax")),
                           float(word.get("yMax")), word.text or "", li))
        pages.append((w, h, ws))
    return pages


def norm(s):
    s = unicodedata.normalize("NFC", s)
    # zero-width and format characters have no glyph: a reader sees the letters around them
    s = re.sub("[\u200b-\u200f\u00ad\u2060\ufeff]", "", s)
    return re.sub(r"\s+", "", s)


def overlaps(ws):
    found = []
    cells = {}
    for i, (x0, y0, x1, y1, t, li) in enumerate(ws):
        for gx in range(int(x0 // 50), int(x1 // 50) + 1):
            for gy in range(int(y0 // 20), int(y1 // 20) + 1):
                cells.setdefault((gx, gy), []).append(i)
    seen = set()
    for idx in cells.values():
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                A, B = ws[i], ws[j]
                ix = min(A[2], B[2]) - max(A[0], B[0])
                iy = min(A[3], B[3]) - max(A[1], B[1])
                if ix <= 0.5 or iy <= 0.5:
                    continue
                area = ix * iy
                small = min((A[2] - A[0]) * (A[3] - A[1]), (B[2] - B[0]) * (B[3] - B[1]))
                if small > 0 and area / small > 0.2:
                    found.append((A[4][:30], B[4][:30], round(A[0]), round(A[1])))
    return found


def assembled(value, pieces):
    """True when the value can be read off consecutive words of the page (a broken word's parts lie in
    another column's reading order): each next part is a whole extracted word, the last may be a prefix."""
    failed = set()
    stack = [0]
    while stack:
        pos = stack.pop()
        if pos == len(value):
            return True
        if pos in failed:
            continue
        failed.add(pos)
        rest = value[pos:]
        for t in pieces.get(rest[0], ()):
            if rest.startswith(t):
                stack.append(pos + len(t))
            elif t.startswith(rest):
                return True
    return False


def check(pdf):
    meta = json.loads(pdf.with_suffix(".json").read_text())
    findings = []
    q = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    if q.returncode != 0:
        findings.append(("qpdf", q.stdout[-300:] + q.stderr[-300:]))
    pages = words(pdf)
    body_text = []
    for n, (w, h, ws) in enumerate(pages, 1):
        for x0, y0, x1, y1, t, li in ws:
            if x0 < EDGE or y0 < EDGE or x1 > w - EDGE or y1 > h - EDGE:
                findings.append(("offpage", "p%d %r at %.1f,%.1f-%.1f,%.1f" % (n, t[:40], x0, y0, x1, y1)))
        tiny = [x for x in ws if x[3] - x[1] < TINY]
        if tiny:
            findings.append(("tiny", "p%d %d words under %.1f pt high, e.g. %r %.1f pt" % (
                n, len(tiny), TINY, tiny[0][4][:30], tiny[0][3] - tiny[0][1])))
        body = [x for x in ws if x[1] > HEADER_BAND and x[3] < h - FOOTER_BAND]
        # the page's content box (16 mm each side): text laid out past it is clipped away by the renderer's
        # clip path but still in the content stream (and in pdftotext's output)
        for x0, y0, x1, y1, t, li in body:
            if x0 < CONTENT_X - 1 or x1 > w - CONTENT_X + 1:
                findings.append(("clipped", "p%d %r at %.1f-%.1f" % (n, t[:40], x0, x1)))
        if not body:
            findings.append(("emptypage", "p%d" % n))
        for o in overlaps(ws):
            findings.append(("overlap", "p%d %r over %r at %d,%d" % ((n,) + o)))
        body_text.append("".join(x[4] for x in body))
    text = norm("".join(body_text))
    pieces = {}
    for (w, h, ws) in pages:
        for x in ws:
            if x[1] > HEADER_BAND and x[3] < h - FOOTER_BAND:
                # a soft hyphen where a word broke shows as "-" at the line's end
                for t in (norm(x[4]), norm(x[4]).strip(".,;:()“”\"'"), norm(x[4]).rstrip("-"),
                          norm(x[4]).strip(".,;:()“”\"'").rstrip("-")):
                    if t:
                        pieces.setdefault(t[0], set()).add(t)
    for v in meta["values"]:
        nv = norm(v)
        if nv not in text and nv[::-1] not in text:
            # right-to-left words come out in visual order: accept every word found on its own
            if all(norm(p) in text or norm(p)[::-1] in text for p in v.split()):
                continue
            if assembled(nv, pieces):
                continue
            rtl = [p for p in v.split() if re.search("[\u0590-\u06ff]", p)]
            if rtl and all(norm(p) in text or norm(p)[::-1] in text for p in rtl) and assembled(
                    norm(" ".join(p for p in v.split() if p not in rtl)), pieces):
                continue
            probe = nv[:12]
            findings.append(("missing", "%r (start %s)" % (v[:60], "found" if probe in text else "absent")))
    limit = 400 if meta["kind"] != "ESTIMATE" else 40
    if len(pages) > limit:
        findings.append(("pages", "%d pages" % len(pages)))
    return len(pages), findings


def main():
    total, pages, bad = 0, 0, {}
    for pdf in sorted(OUT.glob("*.pdf")):
        if ONLY and ONLY not in pdf.name:
            continue
        total += 1
        n, findings = check(pdf)
        pages += n
        for kind, detail in findings:
            bad.setdefault(kind, []).append(pdf.name)
            print(json.dumps({"pdf": pdf.name, "pages": n, "kind": kind, "detail": detail}, ensure_ascii=False))
    print(json.dumps({"pdfs": total, "pages": pages,
                      "findings": {k: {"count": len(v), "pdfs": len(set(v))} for k, v in bad.items()}}))


if __name__ == "__main__":
    main()
