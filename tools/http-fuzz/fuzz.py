"""HTTP-layer fuzz of a running Authpack: every path x every method, header, path and query mutations,
each answer checked for: no 500, no exception text, problem+json under /api/, Allow on 405, security
headers, HEAD like GET. Usage: python3 fuzz.py PORT [OUTDIR]. Stdlib only; see README.md."""
import collections
import json
import os
import re
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from raw import send, basic  # noqa: E402

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
OUT = sys.argv[2] if len(sys.argv) > 2 else "."
LOG = sys.argv[3] if len(sys.argv) > 3 else None  # the service's log, searched for ERROR lines and sent values
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "src", "test", "resources", "samples", "01-complete-esketamine.json")
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
LEAK = re.compile(rb"[A-Z][A-Za-z]+Exception\b|\tat [a-z]|java\.lang\.|org\.springframework\.|org\.apache\.|"
                  rb"Whitelabel|HHH\d{6}|SQLState")
MARK = "zqxfuzz"  # sent in values; the log is searched for it

counts = collections.Counter()
anomalies = []
log = open(os.path.join(OUT, "requests.jsonl"), "w")


def note(cls, desc, why, r):
    anomalies.append({"class": cls, "request": desc, "why": why, "status": r.status,
                      "body": r.body[:300].decode("utf-8", "replace")})


def check(cls, method, target, r, desc=None, api=None, expect=None):
    """Generic checks; expect: a set of acceptable statuses (others are anomalies)."""
    counts[cls] += 1
    t = target if isinstance(target, str) else target.decode("latin-1", "replace")
    desc = desc or f"{method} {t[:160]}"
    api = t.startswith("/api/") if api is None else api
    log.write(json.dumps({"class": cls, "request": desc, "status": r.status}) + "\n")
    if r.status <= 0:
        note(cls, desc, "no HTTP answer", r)
        return r
    if r.status >= 500 and r.status != 503:
        note(cls, desc, f"status {r.status}", r)
    ctype = (r.header("Content-Type") or "").lower()
    if not ctype.startswith("application/pdf") and not ctype.startswith("image/") and LEAK.search(r.body):
        note(cls, desc, "exception/stack text in body: " + LEAK.search(r.body).group(0).decode(), r)
    if r.status == 405 and not r.header("Allow"):
        note(cls, desc, "405 without Allow", r)
    if r.status >= 400 and method != "HEAD" and r.body:
        if api and not ctype.startswith("application/problem+json"):
            note(cls, desc, f"API error not problem+json: {ctype!r}", r)
        if not api and not (ctype.startswith("text/html") or ctype.startswith("application/problem+json")):
            note(cls, desc, f"page error not HTML: {ctype!r}", r)
    if r.status >= 400 and method != "HEAD" and not r.body and r.status not in (401,):
        note(cls, desc, "error with empty body", r)
    if r.status >= 400:
        for h in ("X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy"):
            if not r.header(h):
                note(cls, desc, f"error answer lacks {h}", r)
                break
    if expect is not None and r.status not in expect:
        note(cls, desc, f"status {r.status}, expected one of {sorted(expect)}", r)
    if r.body and MARK.encode() in r.body and r.status >= 400:
        pass  # echoing a sent value in an error is not itself a defect; PHI is checked in the log
    return r


def req(cls, method, target, user=None, headers=(), body=b"", cookie=None, expect=None, desc=None, api=None,
        **kw):
    h = list(headers)
    if user:
        h.append(("Authorization", basic(user)))
    if cookie:
        h.append(("Cookie", cookie))
    r = send(PORT, method, target, h, body, **kw)
    return check(cls, method, target, r, desc, api, expect)


def login(user):
    r = send(PORT, "GET", "/login")
    cookie = r.header("Set-Cookie").split(";")[0]
    csrf = re.search(rb'name="_csrf" value="([^"]+)"', r.body).group(1).decode()
    body = f"username={user}&password=demo-pass-2026&_csrf={csrf}".encode()
    r = send(PORT, "POST", "/login", [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded")],
             body)
    cookie = (r.header("Set-Cookie") or cookie).split(";")[0]
    return cookie


def setup():
    body = json.load(open(SAMPLE))
    J = [("Content-Type", "application/json")]
    r = send(PORT, "POST", "/api/v1/cases", J + [("Authorization", basic("north.billing"))], json.dumps(body).encode())
    assert r.status == 201, r.body
    case = json.loads(r.body)
    cid = case["id"]
    send(PORT, "POST", f"/api/v1/cases/{cid}/packet", [("Authorization", basic("north.billing"))])
    send(PORT, "POST", f"/api/v1/cases/{cid}/estimate", [("Authorization", basic("north.billing"))])
    docs = json.loads(send(PORT, "GET", f"/api/v1/cases/{cid}/documents",
                           [("Authorization", basic("north.billing"))]).body)
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " \
          b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    b = "----fuzzb"
    mp = (f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
          f"Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{b}--\r\n".encode()
    r = send(PORT, "POST", f"/api/v1/cases/{cid}/attachments?title=Letter",
             [("Authorization", basic("north.billing")), ("Content-Type", f"multipart/form-data; boundary={b}")], mp)
    att = json.loads(r.body)["id"] if r.status == 201 else str(uuid.uuid4())
    clinics = json.loads(send(PORT, "GET", "/api/v1/admin/clinics", [("Authorization", basic("admin"))]).body)
    policies = json.loads(send(PORT, "GET", "/api/v1/policies", [("Authorization", basic("admin"))]).body)
    return {"case": case, "cid": cid, "docs": docs, "att": att, "clinic": clinics[0]["id"] if clinics else "x",
            "policy": policies[0]["id"] if policies else "x", "body": body}


START = 0


def main():
    global START
    if LOG:
        START = os.path.getsize(LOG)
    ctx = setup()
    cid, att = ctx["cid"], ctx["att"]
    doc = ctx["docs"][0]["id"] if ctx["docs"] else str(uuid.uuid4())
    spec = json.load(open(os.path.join(HERE, "..", "..", "docs", "openapi.json")))
    admin_paths = ("/api/v1/admin", "/api/v1/users", "/api/v1/audit", "/api/v1/policies")
    fill = {"{id}": cid, "{caseId}": cid, "{attachmentId}": att, "{username}": "nosuch.user"}
    api_paths = []
    for p, ops in spec["paths"].items():
        t = p
        for k, v in fill.items():
            t = t.replace(k, v)
        if p.startswith("/api/v1/documents/"):
            t = "/api/v1/documents/" + doc
        if p.startswith("/api/v1/admin/clinics/"):
            t = "/api/v1/admin/clinics/" + ctx["clinic"]
        if p.startswith("/api/v1/policies/"):
            t = "/api/v1/policies/" + ctx["policy"] + "/versions"
        user = "admin" if p.startswith(admin_paths) else "north.billing"
        api_paths.append((p, t, user, {m.upper() for m in ops if m != "parameters"}))
    cookie = login("north.billing")
    admin_cookie = login("admin")
    pages = ["/", "/cases", "/cases/new", "/cases/import", "/worklist", "/documents", f"/cases/{cid}",
             f"/cases/{cid}/edit", f"/cases/{cid}/events", f"/cases/{cid}/documents", f"/cases/{cid}/fhir/pas-bundle",
             f"/documents/{doc}", f"/documents/{doc}/pages/1", f"/cases/{cid}/attachments/{att}", "/clinic/profile",
             "/login"]
    admin_pages = ["/admin", "/admin/audit", "/admin/audit.csv", "/admin/clinics", "/admin/policies", "/admin/users"]

    # 1. every path x every method
    for p, t, user, allowed in api_paths:
        for m in METHODS:
            if m in allowed and m in ("POST", "PUT", "DELETE") and p in ("/api/v1/admin/backups",
                                                                       "/api/v1/cases/{caseId}/attachments/{attachmentId}"):
                continue  # a real backup / a real removal; covered elsewhere
            if m in allowed and m not in ("GET", "HEAD", "OPTIONS"):
                exp = None
            elif m in ("GET", "HEAD") and "GET" in allowed:
                exp = {200}
            elif m == "OPTIONS":
                exp = {200, 204}
            else:
                exp = {405}
            r = req("method", m, t, user, [("Content-Type", "application/json")] if m in ("POST", "PUT", "PATCH") else (),
                    b"{}" if m in ("POST", "PUT", "PATCH") else b"", expect=exp)
            if m == "TRACE" and r.status == 405:
                got = {x.strip() for x in (r.header("Allow") or "").split(",") if x.strip()}
                if got - allowed - {"HEAD", "OPTIONS"}:
                    note("method", f"TRACE {t}", f"Allow {sorted(got)} names methods the path does not take", r)
            if m == "OPTIONS" and r.status in (200, 204):
                got = {x.strip() for x in (r.header("Allow") or "").split(",") if x.strip()}
                if not allowed <= got:
                    note("method", f"OPTIONS {t}", f"Allow {sorted(got)} lacks {sorted(allowed - got)}", r)
            if m == "HEAD" and "GET" in allowed:
                g = send(PORT, "GET", t, [("Authorization", basic(user))])
                head_vs_get("method", t, r, g)
    for pg in pages + admin_pages:
        ck = admin_cookie if pg in admin_pages else cookie
        for m in METHODS:
            r = req("method-page", m, pg, cookie=ck, api=False)
            if m == "HEAD":
                g = send(PORT, "GET", pg, [("Cookie", ck)])
                head_vs_get("method-page", pg, r, g)
    # unauthenticated
    for p, t, user, allowed in api_paths:
        for m in ("GET", "HEAD", "OPTIONS", "TRACE", "PATCH"):
            req("method-anon", m, t)

    # 2. Accept
    accepts = ["application/xml", "text/html", "*/*;q=0", "garbage", "application/json;q=0", "text/plain",
               "application/*", "application/json, */*;q=0.1", "image/png", "application/json;q=abc", "",
               "application/problem+json", "*/*"]
    targets = [("GET", f"/api/v1/cases/{cid}"), ("GET", "/api/v1/cases"), ("GET", f"/api/v1/documents/{doc}"),
               ("GET", f"/api/v1/cases/{cid}/fhir/pas-bundle"), ("GET", "/api/v1/worklist"),
               ("GET", f"/api/v1/cases/{cid}/attachments/{att}"), ("GET", "/api/v1/nope"),
               ("PUT", f"/api/v1/cases/{cid}"), ("POST", "/api/v1/cases")]
    for m, t in targets:
        for a in accepts:
            body = b"{}" if m != "GET" else b""
            req("accept", m, t, "north.billing", [("Accept", a)] + ([("Content-Type", "application/json")] if body else []),
                body, desc=f"{m} {t} Accept: {a}")
    for pg in ("/cases", f"/cases/{cid}", f"/documents/{doc}"):
        for a in accepts:
            req("accept-page", "GET", pg, cookie=cookie, headers=[("Accept", a)], api=False, desc=f"GET {pg} Accept: {a}")

    # 3. Content-Type
    case = json.loads(send(PORT, "GET", f"/api/v1/cases/{cid}", [("Authorization", basic("north.billing"))]).body)
    cbody = json.dumps(case).encode()
    types = [None, "text/plain", "application/json;charset=latin1", "application/json; charset=bogus",
             "application/json; charset=utf-16", "multipart/form-data", "application/merge-patch+json",
             "application/x-www-form-urlencoded", "application/json;;", "garbage", "application/",
             "application/json; charset=\"utf-8\"", "application/JSON", "application/xml", "*/*",
             "application/json, text/plain", "text/json", "application/vnd.foo+json"]
    writes = [("PUT", f"/api/v1/cases/{cid}", "north.billing", cbody),
              ("POST", "/api/v1/cases", "north.billing", json.dumps(ctx["body"]).encode()),
              ("POST", f"/api/v1/cases/{cid}/events", "north.billing", b'{"type":"NOTE"}'),
              ("PUT", f"/api/v1/admin/clinics/{ctx['clinic']}", "admin", b'{"name":"x"}'),
              ("PUT", "/api/v1/users/nosuch.user/display-name", "admin", b'{"displayName":"x"}'),
              ("POST", "/api/v1/fhir/import", "north.billing", b'{"resourceType":"Bundle"}'),
              ("POST", "/api/v1/policies?preview=true", "admin", b"id: x\n"),
              ("PUT", f"/api/v1/cases/{cid}/attachments/order", "north.billing", b"[]"),
              ("POST", f"/api/v1/cases/{cid}/attachments", "north.billing", b"abc"),
              ("POST", f"/api/v1/cases/{cid}/packet", "north.billing", b"abc")]
    for m, t, user, body in writes:
        for ct in types:
            h = [("Content-Type", ct)] if ct is not None else []
            r = req("content-type", m, t, user, h, body, desc=f"{m} {t} Content-Type: {ct}")
            if r.status == 201 and m == "POST" and t == "/api/v1/cases":
                pass
    # 4. conditionals
    etag_doc = send(PORT, "GET", f"/api/v1/documents/{doc}", [("Authorization", basic("north.billing"))]).header("ETag")
    conds = ["garbage", 'W/"abc"', "*", '"a", "b"', '""', 'W/"' + "x" * 300 + '"', etag_doc or '"x"',
             (etag_doc or '"x"').replace('"', ""), "W/" + (etag_doc or '"x"'), f'"a", {etag_doc}']
    for c in conds:
        for h in ("If-Match", "If-None-Match"):
            req("conditional", "GET", f"/api/v1/documents/{doc}", "north.billing", [(h, c)], desc=f"GET doc {h}: {c}")
            req("conditional", "GET", f"/documents/{doc}", cookie=cookie, headers=[(h, c)], api=False,
                desc=f"GET page doc {h}: {c}")
            req("conditional", "GET", f"/api/v1/cases/{cid}", "north.billing", [(h, c)], desc=f"GET case {h}: {c}")
        req("conditional", "GET", f"/api/v1/documents/{doc}", "north.billing",
            [("If-Modified-Since", c), ("If-Unmodified-Since", c)], desc=f"GET doc If-(Un)Modified-Since: {c}")
    for d in ("Mon, 01 Jan 1990 00:00:00 GMT", "Tue, 01 Jan 2999 00:00:00 GMT"):
        req("conditional", "GET", f"/api/v1/documents/{doc}", "north.billing", [("If-Modified-Since", d)])
        req("conditional", "GET", f"/api/v1/documents/{doc}", "north.billing", [("If-Unmodified-Since", d)])
    # 5. Range
    ranges = ["bytes=0-99", "bytes=0-0,5-9", "bytes=99999999-", "bytes=-100", "bytes=abc", "items=0-1",
              "bytes=5-1", "bytes=0-", "bytes=" + ",".join(f"{i}-{i}" for i in range(200))]
    for t, kw in ((f"/api/v1/documents/{doc}", {"user": "north.billing"}), (f"/documents/{doc}", {"cookie": cookie}),
                  (f"/api/v1/cases/{cid}/attachments/{att}", {"user": "north.billing"})):
        full = send(PORT, "GET", t, [("Authorization", basic("north.billing"))] if "user" in kw else [("Cookie", cookie)])
        for rg in ranges:
            for m in ("GET", "HEAD"):
                r = req("range", m, t, headers=[("Range", rg)], desc=f"{m} {t} Range: {rg[:40]}", **kw)
                range_check(t, rg, m, r, full)
            req("range", "GET", t, headers=[("Range", "bytes=0-99"), ("If-Range", '"nope"')],
                desc=f"GET {t} If-Range mismatch", **kw)
    # 6. framing and header abuse
    B = basic("north.billing")
    frames = {
        "CL short": [("Content-Type", "application/json"), ("Content-Length", str(len(cbody) - 10))],
        "CL long": [("Content-Type", "application/json"), ("Content-Length", str(len(cbody) + 10))],
        "CL huge": [("Content-Type", "application/json"), ("Content-Length", "99999999999")],
        "CL negative": [("Content-Type", "application/json"), ("Content-Length", "-1")],
        "CL garbage": [("Content-Type", "application/json"), ("Content-Length", "abc")],
        "CL twice differ": [("Content-Type", "application/json"), ("Content-Length", str(len(cbody))),
                            ("Content-Length", "5")],
        "CL + TE": [("Content-Type", "application/json"), ("Content-Length", "5"), ("Transfer-Encoding", "chunked")],
        "TE bogus": [("Content-Type", "application/json"), ("Transfer-Encoding", "gzip")],
        "CT twice": [("Content-Type", "application/json"), ("Content-Type", "text/plain")],
        "Accept twice": [("Content-Type", "application/json"), ("Accept", "application/json"), ("Accept", "text/xml")],
        "Auth twice": [("Content-Type", "application/json"), ("Authorization", basic("south.billing"))],
        "Host missing": None,
    }
    for name, h in frames.items():
        if h is None:
            raw_req = (f"GET /api/v1/cases HTTP/1.1\r\nAuthorization: {B}\r\nConnection: close\r\n\r\n").encode()
            r = send(PORT, "GET", "", raw=raw_req)
            check("framing", "GET", "/api/v1/cases", r, desc=name)
            continue
        r = send(PORT, "PUT", f"/api/v1/cases/{cid}", [("Authorization", B)] + h, cbody, length=False, timeout=15)
        check("framing", "PUT", f"/api/v1/cases/{cid}", r, desc=name)
    chunked = b"".join(b"%x\r\n" % len(cbody[i:i + 100]) + cbody[i:i + 100] + b"\r\n" for i in range(0, len(cbody), 100))
    r = send(PORT, "PUT", f"/api/v1/cases/{cid}", [("Authorization", B), ("Content-Type", "application/json"),
                                                    ("Transfer-Encoding", "chunked")], chunked + b"0\r\n\r\n")
    check("framing", "PUT", "", r, desc="chunked PUT (stale version is fine)", expect={200, 409})
    r = send(PORT, "PUT", f"/api/v1/cases/{cid}", [("Authorization", B), ("Content-Type", "application/json"),
                                                    ("Transfer-Encoding", "chunked")], b"zz\r\nabc\r\n0\r\n\r\n")
    check("framing", "PUT", "", r, desc="bad chunk size")
    for size in (8 * 1024, 64 * 1024):
        for hname in ("X-Fuzz", "Accept", "Idempotency-Key", "Authorization-Long", "Cookie", "Content-Type"):
            v = "a" * size
            hdr = [(hname, v)] if hname != "Authorization-Long" else [("Authorization", "Basic " + v)]
            r = send(PORT, "GET", "/api/v1/cases", ([("Authorization", B)] if hname != "Authorization-Long" else []) + hdr)
            check("long-header", "GET", "/api/v1/cases", r, desc=f"{hname} {size}")
        r = send(PORT, "GET", "/cases", [("Cookie", cookie), ("X-Fuzz", "a" * size)])
        check("long-header", "GET", "/cases", r, desc=f"page X-Fuzz {size}", api=False)
    r = send(PORT, "GET", "/api/v1/cases", [("Authorization", B)] + [(f"X-F{i}", "v") for i in range(200)])
    check("long-header", "GET", "/api/v1/cases", r, desc="200 headers")
    # Idempotency-Key
    keys = ["", " ", "a" * 255, "a" * 256, "ключ", "a b", "\t", "a,b", "x" * 4000, MARK + "-1", "*", "null"]
    for k in keys:
        r = send(PORT, "POST", f"/api/v1/cases/{cid}/estimate",
                 [("Authorization", B), ("Idempotency-Key", k.encode("utf-8"))])
        check("idempotency", "POST", "", r, desc=f"estimate Idempotency-Key {k[:20]!r} len {len(k)}")
    r = send(PORT, "POST", f"/api/v1/cases/{cid}/estimate",
             [("Authorization", B), ("Idempotency-Key", "k1"), ("Idempotency-Key", "k2")])
    check("idempotency", "POST", "", r, desc="two Idempotency-Key headers")
    # X-Forwarded-*
    fw = [("X-Forwarded-For", "garbage"), ("X-Forwarded-For", "1.2.3.4, , ,"), ("X-Forwarded-For", "::::"),
          ("X-Forwarded-For", "a" * 2000), ("X-Forwarded-For", "<b>x</b>, 10.0.0.1"), ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-Proto", "https, http"),
          ("X-Forwarded-Port", "abc"), ("X-Forwarded-Port", "99999"), ("X-Forwarded-Port", "-1"),
          ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Host", "a:b:c"), ("Forwarded", "for=garbage;proto=x"),
          ("X-Forwarded-Prefix", "/evil")]
    for h in fw:
        for t, kw in (("/api/v1/cases", {"user": "north.billing"}), ("/cases", {"cookie": cookie}),
                      ("/cases/new", {"cookie": None}), ("/nope", {"cookie": cookie}), ("/login", {})):
            r = req("forwarded", "GET", t, headers=[h], api=t.startswith("/api"), desc=f"GET {t} {h[0]}: {h[1][:30]}",
                    **kw)
            loc = r.header("Location") or ""
            if "evil" in loc:
                note("forwarded", f"GET {t} {h[0]}: {h[1]}", f"redirect follows untrusted header: {loc}", r)
    # 7. paths
    U = cid.upper()
    paths = [f"/api/v1/cases/{U}", f"/api/v1/cases/{cid.replace('-', '')}", f"/api/v1/cases/{{{cid}}}",
             f"/api/v1/cases/%7B{cid}%7D", f"/api/v1/cases/{cid}x", "/api/v1/cases/" + "1" * 5000,
             "/api/v1/cases/" + "a" * 9000, f"/api/v1/cases%2F{cid}", f"/api/v1/cases/{cid}%2Fevents",
             f"/api/v1/cases/{cid};jsessionid=ABC", f"/api/v1/cases/{cid};x=y", f"/api/v1/cases;x=y/{cid}",
             f"/api/v1/cases/../cases/{cid}", f"/api/v1/cases/%2e%2e/cases/{cid}", f"/api/v1/x/%2e%2e/cases/{cid}",
             f"//api/v1/cases/{cid}", f"/api//v1/cases/{cid}", f"/api/v1/cases/{cid}/", "/api/v1/cases/",
             f"/API/V1/CASES/{cid}", f"/api/v1/cases/{cid}/events/", "/api/v1/cases/%00", "/api/v1/cases/%",
             "/api/v1/cases/%ZZ", "/api/v1/cases/%C0%AF", "/api/v1/cases/%FF%FE", "/api/v1/cases/%E2%82",
             "/api/v1/cases/\\..\\", "/api/v1/cases/%5c..%5c", f"/api/v1/documents/{doc.upper()}",
             f"/api/v1/documents/{doc};x=y", f"/api/v1/documents/{doc}.pdf", f"/api/v1/documents/{doc}/",
             f"/api/v1/cases/{cid}/attachments/{att.upper()}", "/api/v1/users/%2e%2e/disable",
             "/api/v1/users/a%2Fb/display-name", "/api/v1/admin/clinics/" + "x" * 3000,
             "/api/v1/users/" + "ü" * 10 + "/unlock", "/api/v1/cases/*", "/api/v1/cases/null",
             f"/api/v1/cases/{cid}?", f"/api/v1/cases/{cid}#frag", "/api/v1/cases/%20" + cid,
             "/api/v1/cases/ " + cid, "/api/v1/cases/.", "/api/v1/cases/..", "/api/v1/cases/%2e",
             "/api/v1/./cases", "/api/v1/cases/-1", "/api/v1/cases/00000000-0000-0000-0000-000000000000",
             "/api/v1/policies/" + "%2F" * 3 + "/versions", "/api/v1/policies/..%2f..%2fetc/versions",
             "*", "http://127.0.0.1/api/v1/cases", "api/v1/cases"]
    page_paths = [f"/cases/{U}", f"/cases/{cid.replace('-', '')}", f"/cases/{cid};jsessionid=ABC", f"/cases/{cid};x=y",
                  f"/cases/{cid}/", "/cases/", "//cases", f"/CASES/{cid}", "/cases/%ZZ", "/cases/%FF",
                  "/cases/" + "a" * 9000, f"/documents/{doc.upper()}", f"/documents/{doc}/pages/0",
                  f"/documents/{doc}/pages/-1", f"/documents/{doc}/pages/99999", f"/documents/{doc}/pages/abc",
                  f"/documents/{doc}/pages/" + "9" * 40, "/admin/../cases", "/admin/%2e%2e/cases", "/admin;x=y/users",
                  "/worklist;jsessionid=ABC", "/worklist/", "/static/../application.properties", "/WEB-INF/web.xml",
                  "/META-INF/MANIFEST.MF", "/error", "/favicon.ico", "/actuator", "/actuator/env", "/h2-console"]
    for t in paths:
        for m in ("GET", "PUT", "DELETE"):
            body = cbody if m == "PUT" else b""
            req("path", m, t, "north.billing", [("Content-Type", "application/json")] if body else [], body,
                api=True if not t.startswith("/API") else None)
    for t in page_paths:
        req("path-page", "GET", t, cookie=cookie, api=False)
    raws = [b"/api/v1/cases/\xff\xfe", b"/api/v1/cases/\xc3\x28", b"/cases/\xe9t\xe9", b"/api/v1/cases/\x00",
            b"/api/v1/cases/a b", b"/api/v1/cases/\x7f", b"/cases?q=\xff", b"/api/v1/cases?status=\xe9"]
    for t in raws:
        req("path-raw", "GET", t, "north.billing", api=t.startswith(b"/api"))
        req("path-raw", "GET", t, cookie=cookie, api=t.startswith(b"/api"))
    # 8. queries
    queries = ["/api/v1/worklist?list=a&list=b", "/api/v1/worklist?list=", "/api/v1/worklist?list[]=a",
               "/api/v1/worklist?list=a,b", "/api/v1/worklist?sort=&dir=", "/api/v1/worklist?dir=up",
               "/api/v1/worklist?sort=a&sort=b", "/api/v1/worklist?unknown=1", "/api/v1/worklist?list=" + "a" * 20000,
               "/api/v1/cases?limit=1&limit=2", "/api/v1/cases?limit=", "/api/v1/cases?limit=-1",
               "/api/v1/cases?limit=99999999999999", "/api/v1/cases?offset=1e3", "/api/v1/cases?status=a&status=b",
               "/api/v1/cases?status[]=READY", "/api/v1/cases?status", "/api/v1/cases?&&&", "/api/v1/cases?=x",
               "/api/v1/cases?limit=%00", "/api/v1/cases?" + "&".join(f"p{i}=1" for i in range(3000)),
               "/api/v1/audit?page=1&page=2", "/api/v1/audit?from=x", "/api/v1/audit?from=2026-01-01&from=2026-02-01",
               "/api/v1/audit?size=0", "/api/v1/audit?size=999999", "/api/v1/audit?caseId=nope",
               "/api/v1/audit?user=" + MARK, f"/api/v1/cases/{cid}/completeness?policy=a&policy=b",
               f"/api/v1/cases/{cid}/completeness?policy=", f"/api/v1/cases/{cid}/fhir/pas-bundle?_format=xml",
               f"/api/v1/cases/{cid}/fhir/pas-bundle?_format=json&_format=xml", f"/api/v1/cases/{cid}?x=1",
               f"/api/v1/documents/{doc}?download=1"]
    for q in queries:
        user = "admin" if q.startswith("/api/v1/audit") else "north.billing"
        req("query", "GET", q, user)
    for q in [f"/api/v1/cases/{cid}/packet?exception=yes", f"/api/v1/cases/{cid}/packet?exception=true&exception=false",
              f"/api/v1/cases/{cid}/estimate?lang=xx", f"/api/v1/cases/{cid}/estimate?lang=es&lang=en",
              f"/api/v1/cases/{cid}/estimate?lang=", f"/api/v1/cases/{cid}/attachments?title=a&title=b"]:
        req("query", "POST", q, "north.billing")
    pq = ["/cases?q=a&q=b", "/cases?status=x", "/cases?page=-1", "/cases?page=abc", "/cases?page=99999999999",
          "/cases?size=0", "/worklist?list=zzz", "/worklist?list=a&list=b", "/worklist?sort=x&dir=y",
          "/documents?page=abc", "/admin/audit?from=abc", "/admin/audit?page=-5", "/admin/audit.csv?from=x",
          "/cases?q=" + "a" * 20000, "/cases?resubmit=1&resubmit=2", f"/cases/{cid}?tab=zzz", "/cases/new?copy=abc",
          "/?lang=zz", "/?lang=", "/cases?lang=es&lang=en"]
    for q in pq:
        ck = admin_cookie if q.startswith("/admin") else cookie
        req("query-page", "GET", q, cookie=ck, api=False)

    log_findings = scan_log(ctx["body"]) if LOG else {}
    json.dump({"counts": counts, "log": log_findings, "total": sum(counts.values()), "anomalies": anomalies},
              open(os.path.join(OUT, "result.json"), "w"), indent=1)
    print("requests per class:", dict(counts), "total", sum(counts.values()))
    by = collections.Counter((a["class"], a["why"][:70]) for a in anomalies)
    for (c, w), n in sorted(by.items()):
        print(f"{n:4d}  {c:14s} {w}")
    if LOG:
        print("log:", json.dumps(log_findings, indent=1))


def scan_log(body):
    """ERROR lines written during the run, and any patient value or marker sent that reached the log."""
    sent = [MARK, body["patient"]["lastName"], body["patient"]["firstName"], body["patient"]["dateOfBirth"],
            body["patient"].get("memberId", MARK)]
    text = open(LOG, encoding="utf-8", errors="replace").read()[START:]
    errors = [line[:200] for line in text.splitlines() if " ERROR " in line]
    return {"error_lines": errors, "sent_values_in_log": [v for v in sent if v and v in text]}


def head_vs_get(cls, t, h, g):
    if h.body:
        note(cls, f"HEAD {t}", f"HEAD has a body ({len(h.body)} bytes)", h)
    if h.status != g.status:
        note(cls, f"HEAD {t}", f"HEAD {h.status} but GET {g.status}", h)
        return
    for name in ("Content-Type", "Content-Disposition", "ETag"):
        if (h.header(name) or "").split(";")[0] != (g.header(name) or "").split(";")[0]:
            note(cls, f"HEAD {t}", f"{name} differs: HEAD {h.header(name)!r} GET {g.header(name)!r}", h)
    hl, gl = h.header("Content-Length"), g.header("Content-Length")
    if "audit" not in t and gl is not None and hl is not None and hl != gl:
        note(cls, f"HEAD {t}", f"Content-Length HEAD {hl} GET {gl}", h)
    if gl is not None and int(gl) != len(g.body):
        note(cls, f"GET {t}", f"GET Content-Length {gl} but body {len(g.body)}", g)


def range_check(t, rg, m, r, full):
    if r.status == 206:
        cr = r.header("Content-Range")
        ct = r.header("Content-Type") or ""
        if not cr and not ct.startswith("multipart/byteranges"):
            note("range", f"{m} {t} Range: {rg[:40]}", "206 without Content-Range", r)
        if cr and m == "GET":
            mm = re.match(r"bytes (\d+)-(\d+)/(\d+)", cr)
            if mm:
                a, b, n = map(int, mm.groups())
                if r.body != full.body[a:b + 1]:
                    note("range", f"{m} {t} Range: {rg[:40]}", "206 body is not the range of the full body", r)
    elif r.status == 200:
        if m == "GET" and r.body != full.body and full.header("ETag"):
            note("range", f"{m} {t} Range: {rg[:40]}", "200 body differs from full", r)
    elif r.status == 416:
        if not (r.header("Content-Range") or "").startswith("bytes */"):
            note("range", f"{m} {t} Range: {rg[:40]}", "416 without Content-Range bytes */len", r)


if __name__ == "__main__":
    main()
