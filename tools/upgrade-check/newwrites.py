#!/usr/bin/env python3
"""After the upgrade: new writes on old cases. newwrites.py BASE_URL LEDGER.json OUT.json"""
import hashlib, json, os, re, sys
import requests

BASE, LEDGER_PATH, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
A = ("north.billing", os.environ.get("AUTHPACK_PW", "demo-pass-2026"))
ledger = json.load(open(LEDGER_PATH))
ids = ledger["labels"]
res = []


def call(name, method, path, expect, **kw):
    r = requests.request(method, BASE + "/api/v1" + path, auth=kw.pop("auth", A), timeout=120, **kw)
    ok = r.status_code in (expect if isinstance(expect, tuple) else (expect,))
    try:
        body = r.json()
    except Exception:
        body = None
    res.append({"name": name, "status": r.status_code, "ok": ok,
                "body": body if not ok else None})
    print(("ok  " if ok else "BAD ") + f"{r.status_code} {name}" + ("" if ok else " " + r.text[:300]), flush=True)
    return r


def edit(cid, f):
    cur = requests.get(f"{BASE}/api/v1/cases/{cid}", auth=A).json()
    body = {k: v for k, v in cur.items() if k not in ("authorization", "previousCaseId", "complete")}
    f(body)
    return body


north = [cid for cid, c in ledger["cases"].items() if c["user"] == "north.billing"]
for cid in north:
    lab = ledger["cases"][cid]["label"]
    rep = requests.get(f"{BASE}/api/v1/cases/{cid}/completeness", auth=A).json()
    if rep.get("complete"):
        r = call(f"new packet {lab}", "POST", f"/cases/{cid}/packet", 201)
        if r.status_code == 201:
            d = r.json()
            b = requests.get(f"{BASE}/api/v1/documents/{d['id']}", auth=A).content
            if hashlib.sha256(b).hexdigest() != d["sha256"]:
                res.append({"name": f"new packet bytes {lab}", "ok": False})
    r = call(f"FHIR export {lab}", "GET", f"/cases/{cid}/fhir/pas-bundle", (200, 409, 422))
    if r.status_code == 200:
        imp = call(f"FHIR re-import {lab}", "POST", "/fhir/import", 201, data=r.content,
                   headers={"Content-Type": "application/fhir+json"})
call("edit sample01", "PUT", f"/cases/{ids['sample01']}", 200,
     json=edit(ids["sample01"], lambda b: b["patient"].__setitem__("groupNumber", "GRP-AFTER")))
call("edit draft", "PUT", f"/cases/{ids['draft']}", 200,
     json=edit(ids["draft"], lambda b: b["patient"].__setitem__("sex", "unknown")))
call("estimate en old case", "POST", f"/cases/{ids['sample01']}/estimate", 201)
call("estimate es old case", "POST", f"/cases/{ids['unicode']}/estimate", 201, params={"lang": "es"})
call("exception packet old case", "POST", f"/cases/{ids['sample04']}/packet", (201, 422), params={"exception": "true"})
pdf = requests.get(f"{BASE}/api/v1/documents/{next(iter(ledger['documents']))}", auth=A).content
call("upload attachment to old case", "POST", f"/cases/{ids['sample01']}/attachments", 201,
     files={"file": ("n.pdf", pdf, "application/pdf")}, data={"title": "After upgrade"})
atts = requests.get(f"{BASE}/api/v1/cases/{ids['sample01']}/attachments", auth=A).json()
call("reorder attachments", "PUT", f"/cases/{ids['sample01']}/attachments/order", (200, 204),
     json={"order": [a["id"] for a in reversed(atts)]} if True else None)
call("packet with old and new attachments", "POST", f"/cases/{ids['sample01']}/packet", 201)
L = {k[4:]: v for k, v in ids.items() if k.startswith("life")}
if ledger.get("has_events"):
    call("event PENDED on waiting", "POST", f"/cases/{L['Waiting']}/events", 201, json={"type": "PENDED", "date": "2026-11-30"})
    call("event SESSION_GIVEN on approved", "POST", f"/cases/{L['Approved']}/events", 201,
         json={"type": "SESSION_GIVEN", "date": "2026-11-30"})
    call("renewal of appealed-then-approved", "POST", f"/cases/{L['Appealed']}/reauthorization", 201)
    call("appeal packet on denied", "POST", f"/cases/{L['Denied']}/appeal-packet", 201)
    call("event APPEALED on denied", "POST", f"/cases/{L['Denied']}/events", 201, json={"type": "APPEALED", "date": "2026-11-30"})
    call("event SUBMITTED on ready", "POST", f"/cases/{L['Ready']}/events", 201,
         json={"type": "SUBMITTED", "date": "2026-11-30", "channel": "PORTAL"})
    call("renewal of expired again (second renewal)", "POST", f"/cases/{L['Expired']}/reauthorization", (201, 409))
else:
    # the release had no lifecycle: the whole lifecycle on old cases now
    a = L["Approved"]
    call("SUBMITTED on old case", "POST", f"/cases/{a}/events", 201, json={"type": "SUBMITTED", "date": "2026-11-20", "channel": "FAX"})
    call("APPROVED on old case", "POST", f"/cases/{a}/events", 201, json={"type": "APPROVED", "date": "2026-11-25",
         "authorizationNumber": "A1", "approvedFrom": "2026-11-25", "approvedTo": "2027-05-25", "approvedSessions": 8})
    call("SESSION_GIVEN on old case", "POST", f"/cases/{a}/events", 201, json={"type": "SESSION_GIVEN", "date": "2026-11-30"})
    call("renewal of old case", "POST", f"/cases/{a}/reauthorization", 201)
    d = L["Denied"]
    call("SUBMITTED", "POST", f"/cases/{d}/events", 201, json={"type": "SUBMITTED", "date": "2026-11-20", "channel": "FAX"})
    call("DENIED", "POST", f"/cases/{d}/events", 201, json={"type": "DENIED", "date": "2026-11-29", "reason": "No"})
    call("appeal packet on old case", "POST", f"/cases/{d}/appeal-packet", 201)
    call("WITHDRAWN on old case", "POST", f"/cases/{L['Withdrawn']}/events", 201, json={"type": "WITHDRAWN", "date": "2026-11-30"})
call("worklist", "GET", "/worklist", 200)
call("new case", "POST", "/cases", 201, json=json.load(open(os.path.join(os.environ.get("AUTHPACK_SHARED", "../shared"), "samples/01-complete-esketamine.json"))))
call("documents list (recent)", "GET", "/documents", (200, 404, 405))
# pages after the writes
s = requests.Session()
t = s.get(BASE + "/login").text
tok = re.search(r'name="_csrf"[^>]*value="([^"]+)"', t) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', t)
s.post(BASE + "/login", data={"username": A[0], "password": A[1], "_csrf": tok.group(1)})
bad_pages = {}
for cid in north + [c["id"] for c in requests.get(f"{BASE}/api/v1/cases", auth=A).json()]:
    for p in [f"/cases/{cid}", f"/cases/{cid}/edit"]:
        st = s.get(BASE + p, allow_redirects=False).status_code
        if st != 200:
            bad_pages[p] = st
for p in ["/", "/worklist", "/cases", "/documents"]:
    st = s.get(BASE + p, allow_redirects=True).status_code
    if st != 200:
        bad_pages[p] = st
res.append({"name": "pages after writes", "ok": not bad_pages, "body": bad_pages})
json.dump(res, open(OUT, "w"), indent=1, ensure_ascii=False)
print("writes", len(res), "ok", sum(1 for x in res if x["ok"]), "bad", [x["name"] for x in res if not x["ok"]], bad_pages)
