#!/usr/bin/env python3
"""Unicode from the keyboard to every output: puts each string of corpus.py into the case API's text and
identifier fields, event notes and attachment titles, and follows it to the stored value, the case page,
the case list search, the packet and estimate PDFs (pdftotext and PDFBox), the FHIR export and the
download file name. Prints one line per (string, place) and a summary. See README.md."""
import base64, html, http.cookiejar, json, os, re, subprocess, sys, tempfile, unicodedata, urllib.error
import urllib.parse, urllib.request
sys.path.insert(0, os.path.dirname(__file__))
from corpus import CORPUS  # noqa: E402

BASE = os.environ.get("AUTHPACK_URL", "http://localhost:18400")
USER, PASSWORD = "north.billing", "demo-pass-2026"
SAMPLE = os.environ.get("SAMPLE", "/work/shared/samples/01-complete-esketamine.json")
PDFBOX_CP = os.environ.get("PDFBOX_CP", "")
OUT = tempfile.mkdtemp(prefix="unicode-audit-")
ID_FOLLOWED = {"ascii", "fullwidth-digits", "zwsp", "rlm-mark", "cyrillic-homoglyph", "nbsp"}
NAME_FIELDS = [("patient", "lastName"), ("coverage", "payerName"), ("prescriber", "name"), ("facility", "address")]
ID_FIELDS = [("patient", "memberId"), ("patient", "groupNumber"), ("prescriber", "phone"), ("prescriber", "fax")]
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
results = []


def api(method, path, body=None, ctype="application/json", raw=False):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    r = urllib.request.Request(BASE + "/api/v1" + path, data=data, method=method,
                               headers={"Authorization": AUTH, "Content-Type": ctype})
    try:
        with urllib.request.urlopen(r, timeout=120) as resp:
            payload = resp.read()
            return resp.status, (payload if raw else json.loads(payload or b"null")), resp.headers
    except urllib.error.HTTPError as e:
        payload = e.read()
        try:
            return e.code, json.loads(payload), e.headers
        except ValueError:
            return e.code, payload.decode("utf-8", "replace"), e.headers


class Browser:
    """Form sign-in with cookies and the CSRF token, as a person's browser does."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.get("/login")
        self.post("/login", {"username": USER, "password": PASSWORD}, page)

    def get(self, path):
        with self.opener.open(BASE + path, timeout=120) as resp:
            return resp.read().decode("utf-8")

    def post(self, path, fields, page):
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({**fields, "_csrf": token}).encode()
        with self.opener.open(BASE + path, data=data, timeout=120) as resp:
            return resp.read().decode("utf-8")


def record(name, place, verdict, detail=""):
    results.append((name, place, verdict, detail))
    print(f"{name:22} {place:26} {verdict:10} {detail}"[:220], flush=True)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def stored_verdict(sent, got):
    if got == sent:
        return "as-sent"
    if got == nfc(sent):
        return "nfc"
    if got == unicodedata.normalize("NFKC", sent):
        return "nfkc"
    return "CHANGED"


def pdf_texts(pdf_path):
    return {"pdftotext": subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"], capture_output=True,
                                        text=True).stdout}


def pdfbox_text(out, path):
    """PdfText prints each file's text followed by a form feed, NUL and the file's name."""
    marker = "\f\u0000" + path + "\n"
    end = out.find(marker)
    start = out.rfind("\n", 0, 0) if end < 0 else max(0, out.rfind("\f\u0000", 0, end))
    return out[start:end] if end >= 0 else ""


def pdf_verdict(text, extracted):
    """equal: the text comes back; visible: a '?' or '#' stands where characters were; WRONG otherwise."""
    flat = re.sub(r"\s+", " ", nfc(extracted))
    want = re.sub(r"\s+", " ", nfc(text)).strip()
    if want in flat:
        return "equal"
    # a long word wraps: compare without any whitespace
    if re.sub(r"\s", "", want) in re.sub(r"\s", "", flat):
        return "equal-wrapped"
    pattern = "".join(re.escape(c) if c.isascii() and c.isalnum() else "." for c in want)
    pattern = re.sub(r"(\\? )", r"\\s*", pattern)
    if re.search(pattern.replace(".", "[^ ]?"), flat):
        return "visible-replaced"
    return "WRONG"


def sample():
    with open(SAMPLE, encoding="utf-8") as f:
        return json.load(f)


def main():
    browser = Browser()
    accepted = []
    for name, text, name_rule, id_rule in CORPUS:
        for group, rule, fields in (("name", name_rule, NAME_FIELDS), ("id", id_rule, ID_FIELDS)):
            case = sample()
            for obj, member in fields:
                case[obj][member] = text
            status, body, _ = api("POST", "/cases", case)
            if status != 201:
                named = sorted({e.get("field") for e in (body.get("errors") or [])}) if isinstance(body, dict) else []
                verdict = "refused" if status == 400 else f"HTTP{status}"
                record(name, f"{group}:POST", verdict, f"expected {rule}; fields {named}")
                continue
            case_id = body["id"]
            status, got, _ = api("GET", f"/cases/{case_id}")
            verdicts = {f"{o}.{m}": stored_verdict(text, got[o].get(m)) for o, m in fields}
            record(name, f"{group}:POST+GET", "stored", f"expected {rule}; {verdicts}")
            # followed as stored: an identifier is kept in the plain characters it was typed as (NFKC)
            kept = got[fields[0][0]].get(fields[0][1])
            accepted.append((name, kept if group == "id" else text, group, case_id, fields))
    pdfs = []
    for name, text, group, case_id, fields in accepted:
        if group == "id" and name not in ID_FOLLOWED:
            continue
        pdfs += follow(Browser(), name, text, group, case_id, fields)
    if PDFBOX_CP and pdfs:
        # one JVM for every PDF: PDFBox reads them one after another
        out = subprocess.run(["java", "-cp", PDFBOX_CP, os.path.join(os.path.dirname(__file__), "PdfText.java")]
                             + [p for p, _, _, _ in pdfs], capture_output=True, text=True).stdout
        for path, name, text, group in pdfs:
            # each chunk ends with the next file's name: find the chunk that precedes this file's marker
            record(name, f"{group}:packet pdfbox", pdf_verdict(text, pdfbox_text(out, path)))
    events_and_titles(accepted)
    summary()


def follow(browser, name, text, group, case_id, fields):
    page = browser.get(f"/cases/{case_id}")
    escaped = html.escape(nfc(text), quote=False)
    shown = escaped in html.unescape(page) or nfc(text) in html.unescape(page)
    isolated = bool(re.search(r"<bdi[^>]*>\s*" + re.escape(html.escape(nfc(text))), page)) or \
        bool(re.search(r'dir="auto"[^>]*>\s*' + re.escape(html.escape(nfc(text))), page))
    record(name, f"{group}:case page", "shown" if shown else "NOT-SHOWN", f"isolated={isolated}")
    if group == "name":
        # search typed the other way round (NFD for NFC and back) finds the case
        for form in ("NFC", "NFD", "NFKC"):
            listing = browser.post("/cases/search", {"q": unicodedata.normalize(form, text)}, browser.get("/cases"))
            record(name, f"search {form}", "found" if case_id in listing else "NOT-FOUND")
    else:
        listing = browser.post("/cases/search", {"q": unicodedata.normalize("NFKC", text)}, browser.get("/cases"))
        record(name, "search member NFKC", "found" if case_id in listing else "not-found")
    status, doc, _ = api("POST", f"/cases/{case_id}/packet")
    if status != 201:
        record(name, f"{group}:packet", f"HTTP{status}", str(doc)[:120])
        return []
    doc_id = doc["id"]
    status, pdf, headers = api("GET", f"/documents/{doc_id}", raw=True)
    record(name, f"{group}:download name", "ok", headers.get("Content-Disposition", "")[:140])
    path = os.path.join(OUT, f"{name}-{group}.pdf")
    with open(path, "wb") as f:
        f.write(pdf)
    for tool, extracted in pdf_texts(path).items():
        record(name, f"{group}:packet {tool}", pdf_verdict(text, extracted))
    status, bundle, _ = api("GET", f"/cases/{case_id}/fhir/pas-bundle")
    dumped = json.dumps(bundle, ensure_ascii=False)
    want = json.dumps(nfc(text), ensure_ascii=False)[1:-1]
    record(name, f"{group}:fhir export", "equal" if want in dumped else ("raw" if json.dumps(text, ensure_ascii=False)[1:-1] in dumped else "MISSING"))
    return [(path, name, text, group)]


def events_and_titles(accepted):
    """Event payer reference and note, and an attachment title, on one packet-bearing case."""
    base = next(c for c in accepted if c[0] == "ascii" and c[2] == "name")[3]
    pdf = next(p for p in os.listdir(OUT) if p.endswith(".pdf"))
    with open(os.path.join(OUT, pdf), "rb") as f:
        pdf_bytes = f.read()
    for name, text, name_rule, _ in CORPUS:
        boundary = "----unicodeaudit"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n"
                f"Content-Type: text/plain; charset=UTF-8\r\n\r\n").encode() + text.encode("utf-8", "surrogatepass") + \
            (f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.pdf\"\r\n"
             f"Content-Type: application/pdf\r\n\r\n").encode() + pdf_bytes + f"\r\n--{boundary}--\r\n".encode()
        status, got, _ = api("POST", f"/cases/{base}/attachments", body, f"multipart/form-data; boundary={boundary}")
        verdict = stored_verdict(text, got.get("title")) if status == 201 else ("refused" if status == 400 else f"HTTP{status}")
        record(name, "attachment title", verdict, f"expected {name_rule}")
        if status == 201:
            api("DELETE", f"/cases/{base}/attachments/{got['id']}")
    # events: a case per string, SUBMITTED (payer reference) then PENDED (note)
    for name, text, name_rule, _ in CORPUS:
        status, case, _ = api("POST", "/cases", sample())
        cid = case["id"]
        api("POST", f"/cases/{cid}/packet")
        for kind, member in (("SUBMITTED", "payerReference"), ("PENDED", "note")):
            ev = {"type": kind, "date": "2026-11-20", member: text}
            if kind == "SUBMITTED":
                ev["channel"] = "FAX"
            status, got, _ = api("POST", f"/cases/{cid}/events", ev)
            if status == 201:
                record(name, f"event {member}", stored_verdict(text, got["event"].get(member)), f"expected {name_rule}")
            else:
                record(name, f"event {member}", "refused" if status == 400 else f"HTTP{status}", f"expected {name_rule}")
                if kind == "SUBMITTED":
                    api("POST", f"/cases/{cid}/events", {"type": kind, "date": "2026-11-20", "channel": "FAX"})


def summary():
    from collections import Counter
    print("\nrequests by verdict:", dict(Counter(r[2] for r in results)))
    print("places:", len({r[1] for r in results}), "lines:", len(results), "PDFs in", OUT)


if __name__ == "__main__":
    main()
