#!/usr/bin/env python3
"""Read back everything a clinic wrote: snapshot.py BASE_URL LEDGER.json OUT.json"""
import hashlib, json, os, re, sys
import requests

BASE, LEDGER_PATH, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
PW = os.environ.get("AUTHPACK_PW", "demo-pass-2026")
NEW_PW = "Upgrade-Check-Pw-2026!x"
ledger = json.load(open(LEDGER_PATH))
out = {"cases": {}, "lists": {}, "documents": {}, "attachments": {}, "signin": {}, "pages": {}}


def get(user, path, pw=PW, **kw):
    return requests.get(BASE + "/api/v1" + path, auth=(user, pw), timeout=120, **kw)


def js(r):
    try:
        return r.json()
    except Exception:
        return None


for u in ["north.billing", "south.billing", "north.clinic"]:
    out["lists"]["cases:" + u] = js(get(u, "/cases"))
    r = get(u, "/worklist")
    out["lists"]["worklist:" + u] = {"status": r.status_code, "body": js(r)}
ids = set(ledger["cases"])
for lst in [out["lists"]["cases:north.billing"], out["lists"]["cases:south.billing"]]:
    for c in lst or []:
        ids.add(c["id"])
owner = {cid: ledger["cases"].get(cid, {}).get("user") for cid in ids}
for lst, u in [(out["lists"]["cases:north.billing"], "north.billing"), (out["lists"]["cases:south.billing"], "south.billing")]:
    for c in lst or []:
        owner[c["id"]] = u
for cid in sorted(ids):
    u = owner[cid]
    rec = {"user": u, "label": ledger["cases"].get(cid, {}).get("label")}
    r = get(u, f"/cases/{cid}"); rec["case"] = {"status": r.status_code, "body": js(r)}
    r = get(u, f"/cases/{cid}/completeness"); rec["completeness"] = {"status": r.status_code, "body": js(r)}
    r = get(u, f"/cases/{cid}/documents"); rec["documents"] = {"status": r.status_code, "body": js(r)}
    r = get(u, f"/cases/{cid}/events"); rec["events"] = {"status": r.status_code, "body": js(r)}
    r = get(u, f"/cases/{cid}/attachments"); rec["attachments"] = {"status": r.status_code, "body": js(r)}
    r = get(u, f"/cases/{cid}/attachments/removed"); rec["attachments_removed"] = {"status": r.status_code, "body": js(r)}
    if u == "north.billing":
        r = get("south.billing", f"/cases/{cid}"); rec["other_clinic_status"] = r.status_code
    out["cases"][cid] = rec
    for d in (rec["documents"]["body"] or []) if rec["documents"]["status"] == 200 else []:
        r = get(u, f"/documents/{d['id']}")
        out["documents"][d["id"]] = {"status": r.status_code, "sha256": hashlib.sha256(r.content).hexdigest(),
                                     "bytes": len(r.content), "type": r.headers.get("Content-Type"),
                                     "disposition": r.headers.get("Content-Disposition"), "meta": d, "caseId": cid}
    atts = (rec["attachments"]["body"] or []) if rec["attachments"]["status"] == 200 else []
    for a in atts + ((rec["attachments_removed"]["body"] or []) if rec["attachments_removed"]["status"] == 200 else []):
        r = get(u, f"/cases/{cid}/attachments/{a['id']}")
        out["attachments"][a["id"]] = {"status": r.status_code, "sha256": hashlib.sha256(r.content).hexdigest(),
                                       "bytes": len(r.content), "meta": a}
# documents the ledger knows but no list showed
for did, d in ledger["documents"].items():
    if did not in out["documents"]:
        cid = d["meta"].get("caseId")
        r = get(owner.get(cid) or "north.billing", f"/documents/{did}")
        out["documents"][did] = {"status": r.status_code, "sha256": hashlib.sha256(r.content).hexdigest(),
                                 "bytes": len(r.content), "meta": d["meta"], "caseId": cid, "unlisted": True}
pols = js(get("north.billing", "/policies")) or []
out["policies"] = pols
out["policy_versions"] = {}
for p in pols:
    r = get("north.billing", f"/policies/{p['id']}/versions")
    out["policy_versions"][p["id"]] = {"status": r.status_code, "body": js(r)}
r = get("admin", "/users"); out["users"] = {"status": r.status_code, "body": js(r)}
for u in ["north.billing", "north.clinic", "south.billing"]:
    out["signin"][u] = get(u, "/cases").status_code
out["signin"]["admin"] = get("admin", "/audit", params={"size": 1}).status_code
for u in ledger["users_created"]:
    out["signin"][u["username"]] = get(u["username"], "/cases", pw=NEW_PW).status_code


def form_session(user, pw=PW):
    s = requests.Session()
    r = s.get(BASE + "/login", timeout=30)
    m = re.search(r'name="_csrf"[^>]*value="([^"]+)"', r.text) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', r.text)
    r = s.post(BASE + "/login", data={"username": user, "password": pw, "_csrf": m.group(1) if m else ""}, timeout=30)
    return s, r


s, r = form_session("north.billing")
pages = ["/", "/cases", "/worklist", "/documents", "/cases/new", "/cases/import"]
pages += [f"/cases/{cid}" for cid in sorted(ids) if owner[cid] == "north.billing"]
pages += [f"/cases/{cid}/edit" for cid in sorted(ids) if owner[cid] == "north.billing"]
for p in pages:
    r = s.get(BASE + p, timeout=60, allow_redirects=False)
    out["pages"]["north.billing " + p] = r.status_code
s, r = form_session("north.clinic")
for p in ["/", "/cases"] + [f"/cases/{cid}" for cid in sorted(ids) if owner[cid] == "north.billing"][:5]:
    out["pages"]["north.clinic " + p] = s.get(BASE + p, timeout=60, allow_redirects=False).status_code
s, r = form_session("admin")
for p in ["/", "/admin", "/admin/users", "/admin/audit", "/admin/policies", "/admin/clinics"]:
    out["pages"]["admin " + p] = s.get(BASE + p, timeout=60, allow_redirects=False).status_code
# old web sessions still good?
out["old_sessions"] = {}
for u, ws in ledger.get("web_sessions", {}).items():
    r = requests.get(BASE + "/cases", cookies=ws["cookies"], timeout=30, allow_redirects=False)
    out["old_sessions"][u] = {"status": r.status_code, "location": r.headers.get("Location")}
# audit last, everything
items, page = [], 0
while True:
    r = get("admin", "/audit", params={"size": 200, "page": page})
    b = js(r)
    if r.status_code != 200 or not b or not b.get("items"):
        out["audit_status"] = r.status_code
        break
    items += b["items"]
    page += 1
    if page >= b.get("totalPages", 0):
        break
out["audit"] = items
json.dump(out, open(OUT, "w"), indent=1, ensure_ascii=False)
print("cases", len(out["cases"]), "documents", len(out["documents"]), "attachments", len(out["attachments"]),
      "audit", len(items), "pages", sum(1 for v in out["pages"].values()), "non-2xx pages",
      {k: v for k, v in out["pages"].items() if v >= 300})
