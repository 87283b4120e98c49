#!/usr/bin/env python3
"""Populate an Authpack instance through its API as a clinic would, tolerating features an old release
lacks (each step records its status). Usage: populate.py BASE_URL LEDGER.json TEMPLATES_DIR"""
import copy, hashlib, json, os, re, sys, time
import requests

BASE, LEDGER_PATH, TEMPLATES = sys.argv[1], sys.argv[2], sys.argv[3]
PW = os.environ.get("AUTHPACK_PW", "demo-pass-2026")
NEW_PW = "Upgrade-Check-Pw-2026!x"
S = os.path.join(os.environ.get("AUTHPACK_SHARED", "../shared"), "samples/")
ledger = {"steps": [], "cases": {}, "documents": {}, "attachments": {}, "events": {}, "users_created": [],
          "policy_upload": None, "fhir": [], "web_sessions": {}, "labels": {}}


def api(user, method, path, **kw):
    pw = kw.pop("pw", PW)
    r = requests.request(method, BASE + "/api/v1" + path, auth=(user, pw), timeout=120, **kw)
    return r


def step(name, r, keep=True):
    try:
        body = r.json()
    except Exception:
        body = None
    ledger["steps"].append({"step": name, "status": r.status_code, "body": body if keep else None})
    print(f"{r.status_code} {name}", flush=True)
    return body


def sample(n):
    import glob
    f = glob.glob(S + f"{n:02d}-*.json")[0]
    return json.load(open(f))


V11_TOP = {"request": ["indication", "concurrentAntidepressant", "priorEsketamineImprovementPct", "psychotherapyUnavailable"],
           "prescriber": ["consultingPsychiatrist"], "diagnosis": ["structuredInterview"],
           "screening": ["psychosisRiskAttested", "substanceUseTreated", "abstinentSince", "ketamineHypersensitivity",
                         "concurrentTherapies", "acuteSuicidality", "patientRemsEnrolled"]}


def strip_v11(c):
    c = copy.deepcopy(c)
    for sec, keys in V11_TOP.items():
        for k in keys:
            (c.get(sec) or {}).pop(k, None)
    return c


def create(label, case, user="north.billing", fallback=True):
    r = api(user, "POST", "/cases", json=case)
    body = step(f"create {label}", r)
    if r.status_code == 400 and fallback:
        c2 = strip_v11(case)
        if c2["policyId"] not in LOADED:
            c2["policyId"] = "esketamine-standard"
        r = api(user, "POST", "/cases", json=c2)
        body = step(f"create {label} (v1.0 members only)", r)
    if r.status_code == 201:
        ledger["labels"][label] = body["id"]
        ledger["cases"][body["id"]] = {"label": label, "user": user}
        return body["id"]
    return None


def doc(label, r):
    body = step(label, r)
    if r.status_code == 201:
        d = body.get("document", body)
        ledger["documents"][d["id"]] = {"label": label, "meta": d}
        return d["id"]
    return None


def event(cid, ev, user="north.billing"):
    r = api(user, "POST", f"/cases/{cid}/events", json=ev)
    step(f"event {ev['type']} {ledger['cases'][cid]['label']}", r)
    return r.status_code


def form_session(user, pw=PW):
    s = requests.Session()
    r = s.get(BASE + "/login", timeout=30)
    m = re.search(r'name="_csrf"[^>]*value="([^"]+)"', r.text) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', r.text)
    r = s.post(BASE + "/login", data={"username": user, "password": pw, "_csrf": m.group(1) if m else ""}, timeout=30,
               allow_redirects=True)
    return s, r


def csrf(s, path):
    r = s.get(BASE + path, timeout=30)
    m = re.search(r'name="_csrf"[^>]*value="([^"]+)"', r.text) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', r.text)
    return m.group(1) if m else ""


pol = api("north.billing", "GET", "/policies")
LOADED = {p["id"] for p in step("policies", pol)}

# ---------- cases from the samples and variants ----------
for n in range(1, 7):
    create(f"sample{n:02d}", sample(n))

s1 = sample(1)
v = copy.deepcopy(s1)
v["patient"].update({"firstName": "José-María", "lastName": "Ñúñez O'Brien", "memberId": "UNI123456"})
v["facility"]["address"] = "12 Rue de l'Église, Apt 3ª, Springfield, MA 01101"
v["coverage"]["planType"] = "MEDICAID"
create("unicode", v)
create("draft", {"policyId": "esketamine-standard", "patient": {"firstName": "Drafty", "lastName": "Draft"}})
v = copy.deepcopy(s1)
v["patient"].update({"firstName": "Vera", "lastName": "Version-One-One"})
v["request"].update({"indication": "MDSI", "concurrentAntidepressant": {"drug": "bupropion", "drugClass": "BUPROPION",
                     "dailyDoseMg": 300, "startDate": "2026-09-01"}, "priorEsketamineImprovementPct": 40,
                     "psychotherapyUnavailable": True})
v["prescriber"]["consultingPsychiatrist"] = {"name": "Sam Lee, MD", "npi": "1234567893"}
v["diagnosis"]["structuredInterview"] = True
v["screening"].update({"psychosisRiskAttested": False, "substanceUseTreated": True, "abstinentSince": "2024-01-01",
                       "ketamineHypersensitivity": False, "concurrentTherapies": ["TMS"], "acuteSuicidality": True,
                       "patientRemsEnrolled": True, "substanceUse": "IN_REMISSION"})
create("allv11", v, fallback=True)
# lifecycle cases: complete copies of sample 01 with other names
life = {}
for name in ["Approved", "Appealed", "Denied", "Withdrawn", "Waiting", "Expired", "Ready"]:
    v = copy.deepcopy(s1)
    v["patient"].update({"firstName": name, "lastName": "Lifecycle", "memberId": "LC" + name.upper()[:6]})
    life[name] = create("life" + name, v)
create("south01", sample(1), user="south.billing")
v = sample(3); v["patient"]["lastName"] = "SouthSelfPay"
create("south03", v, user="south.billing")

ids = ledger["labels"]

# ---------- edits ----------
c2 = ids.get("sample02")
if c2:
    cur = api("north.billing", "GET", f"/cases/{c2}").json()
    body = {k: v for k, v in cur.items() if k not in ("authorization", "previousCaseId", "complete")}
    body["medicationTrials"].append({"drug": "bupropion", "drugClass": "BUPROPION", "role": "MONOTHERAPY",
                                     "dailyDoseMg": 300, "startDate": "2025-08-01", "endDate": "2025-10-01",
                                     "outcome": "INTOLERANCE"})
    step("edit sample02 add trial", api("north.billing", "PUT", f"/cases/{c2}", json=body))
    cur = api("north.billing", "GET", f"/cases/{c2}").json()
    body = {k: v for k, v in cur.items() if k not in ("authorization", "previousCaseId", "complete")}
    body["patient"]["groupNumber"] = "GRP-EDIT-2"
    step("edit sample02 group", api("north.billing", "PUT", f"/cases/{c2}", json=body))
d = ids.get("draft")
if d:
    cur = api("north.billing", "GET", f"/cases/{d}").json()
    body = {k: v for k, v in cur.items() if k not in ("authorization", "previousCaseId", "complete")}
    body["patient"]["dateOfBirth"] = "1990-02-02"
    step("edit draft", api("north.billing", "PUT", f"/cases/{d}", json=body))
    body["version"] = 0
    step("edit draft stale (409 expected)", api("north.billing", "PUT", f"/cases/{d}", json=body))

# ---------- documents ----------
first_packet = None
for label, cid in list(ids.items()):
    user = ledger["cases"][cid]["user"]
    rep = api(user, "GET", f"/cases/{cid}/completeness")
    rj = step(f"completeness {label}", rep)
    if rep.status_code != 200:
        continue
    if rj.get("complete"):
        did = doc(f"packet {label}", api(user, "POST", f"/cases/{cid}/packet"))
        first_packet = first_packet or did
    elif not rj.get("missing"):
        doc(f"exception packet {label}", api(user, "POST", f"/cases/{cid}/packet", params={"exception": "true"}))
for label in ["sample01", "sample03", "unicode", "south03", "lifeApproved"]:
    cid = ids.get(label)
    if cid:
        user = ledger["cases"][cid]["user"]
        doc(f"estimate en {label}", api(user, "POST", f"/cases/{cid}/estimate"))
        doc(f"estimate es {label}", api(user, "POST", f"/cases/{cid}/estimate", params={"lang": "es"}))

# attachments: a packet PDF made above is the chart note
if first_packet and ids.get("sample01"):
    pdf = api("north.billing", "GET", f"/documents/{first_packet}").content
    cid = ids["sample01"]
    for t in ["Chart note 2026-11-10", "PHQ-9 form"]:
        r = api("north.billing", "POST", f"/cases/{cid}/attachments", files={"file": ("note.pdf", pdf, "application/pdf")},
                data={"title": t})
        b = step(f"attachment {t}", r)
        if r.status_code == 201:
            ledger["attachments"][b["id"]] = {"caseId": cid, "meta": b}
    r = api("north.billing", "POST", f"/cases/{cid}/attachments", files={"file": ("x.pdf", pdf, "application/pdf")},
            data={"title": "To be removed"})
    b = step("attachment to remove", r)
    if r.status_code == 201:
        ledger["attachments"][b["id"]] = {"caseId": cid, "meta": b}
        step("remove attachment", api("north.billing", "DELETE", f"/cases/{cid}/attachments/{b['id']}"), keep=False)
    doc("packet sample01 with attachments", api("north.billing", "POST", f"/cases/{cid}/packet"))

# ---------- authorization lifecycle ----------
HAS_EVENTS = api("north.billing", "GET", f"/cases/{ids['sample01']}/events").status_code == 200
ledger["has_events"] = HAS_EVENTS
if HAS_EVENTS:
    L = {k: ids.get("life" + k) for k in ["Approved", "Appealed", "Denied", "Withdrawn", "Waiting", "Expired", "Ready"]}
    a = L["Approved"]
    event(a, {"type": "SUBMITTED", "date": "2026-10-01", "channel": "FAX", "payerReference": "PR-1"})
    event(a, {"type": "PENDED", "date": "2026-10-05", "note": "need PHQ-9 copy"})
    event(a, {"type": "SUBMITTED", "date": "2026-10-06", "channel": "PORTAL"})
    event(a, {"type": "APPROVED", "date": "2026-10-10", "authorizationNumber": "AUTH-777", "approvedFrom": "2026-10-12",
              "approvedTo": "2026-12-10", "approvedSessions": 4})
    for dt in ["2026-10-11", "2026-10-20", "2026-11-02", "2026-11-20"]:
        event(a, {"type": "SESSION_GIVEN", "date": dt, "codes": ["G2083"]})
    event(a, {"type": "SESSION_GIVEN", "date": "2026-11-25"})  # over approved sessions
    r = api("north.billing", "POST", f"/cases/{a}/reauthorization")
    b = step("reauthorization lifeApproved", r)
    if r.status_code == 201:
        ids["renewalApproved"] = b["id"]; ledger["cases"][b["id"]] = {"label": "renewalApproved", "user": "north.billing"}
        doc("packet renewalApproved", api("north.billing", "POST", f"/cases/{b['id']}/packet"))
    c = L["Appealed"]
    event(c, {"type": "SUBMITTED", "date": "2026-09-01", "channel": "PHONE"})
    event(c, {"type": "DENIED", "date": "2026-09-10", "reason": "Trials not documented as adequate"})
    doc("appeal packet lifeAppealed", api("north.billing", "POST", f"/cases/{c}/appeal-packet"))
    event(c, {"type": "APPEALED", "date": "2026-09-20", "note": "letter sent"})
    doc("appeal packet lifeAppealed (appealed)", api("north.billing", "POST", f"/cases/{c}/appeal-packet"))
    event(c, {"type": "APPROVED", "date": "2026-10-15", "authorizationNumber": "AUTH-APL", "approvedFrom": "2026-10-15",
              "approvedTo": "2027-04-15", "approvedSessions": 24})
    dn = L["Denied"]
    event(dn, {"type": "SUBMITTED", "date": "2026-11-01", "channel": "MAIL"})
    event(dn, {"type": "DENIED", "date": "2026-11-15", "reason": "Not medically necessary"})
    doc("appeal packet lifeDenied", api("north.billing", "POST", f"/cases/{dn}/appeal-packet"))
    event(L["Withdrawn"], {"type": "WITHDRAWN", "date": "2026-11-20"})
    event(L["Waiting"], {"type": "SUBMITTED", "date": "2026-11-02", "channel": "FHIR", "payerReference": "PAS-9"})
    e = L["Expired"]
    event(e, {"type": "SUBMITTED", "date": "2026-06-01", "channel": "FAX"})
    event(e, {"type": "APPROVED", "date": "2026-06-05", "authorizationNumber": "AUTH-OLD", "approvedFrom": "2026-06-05",
              "approvedTo": "2026-11-05", "approvedSessions": 8})
    event(e, {"type": "SESSION_GIVEN", "date": "2026-06-10"})
    event(e, {"type": "SESSION_GIVEN", "date": "2026-11-10"})  # outside the window
    r = api("north.billing", "POST", f"/cases/{e}/reauthorization")
    b = step("reauthorization lifeExpired", r)
    if r.status_code == 201:
        ids["renewalExpired"] = b["id"]; ledger["cases"][b["id"]] = {"label": "renewalExpired", "user": "north.billing"}
    step("refused event (409)", api("north.billing", "POST", f"/cases/{L['Withdrawn']}/events",
                                     json={"type": "PENDED", "date": "2026-11-21"}))

# ---------- FHIR import ----------
for f in ["conformant_pas_bundle_v110.json", "conformant_pas_bundle_v110_multiple_items.json"]:
    r = api("north.billing", "POST", "/fhir/import", data=open(os.path.join(os.environ.get("AUTHPACK_SHARED", "../shared"), "fhir/") + f, "rb").read(),
            headers={"Content-Type": "application/fhir+json"})
    b = step(f"fhir import {f}", r)
    if r.status_code == 201:
        cid = b["case"]["id"]; ids["fhir-" + f] = cid
        ledger["cases"][cid] = {"label": "fhir-" + f, "user": "north.billing"}
        ledger["fhir"].append({"file": f, "answer": b})

# ---------- admin: users, policy upload ----------
s, r = form_session("admin")
ledger["steps"].append({"step": "admin form sign-in", "status": r.status_code, "url": r.url})
for u, role, clinic in [("north.billing2", "BILLING", "north"), ("south.clinic2", "CLINIC", "south"),
                        ("north.leaver", "BILLING", "north")]:
    tok = csrf(s, "/admin/users")
    r = s.post(BASE + "/admin/users", data={"username": u, "role": role, "clinicId": clinic, "password": NEW_PW,
                                            "displayName": u.replace(".", " ").title(), "_csrf": tok}, timeout=30)
    ok = api(u, "GET", "/cases", pw=NEW_PW).status_code if role != "ADMIN" else None
    ledger["users_created"].append({"username": u, "role": role, "clinic": clinic, "form_status": r.status_code,
                                    "api_status": ok})
    print("user", u, r.status_code, ok)
step("disable north.leaver", api("admin", "POST", "/users/north.leaver/disable"))
step("display name", api("admin", "PUT", "/users/north.billing2/display-name", json={"displayName": "Nora Billing Two"}))
y = open(TEMPLATES + "/policies/esketamine-standard.yaml").read()
y = re.sub(r'^version: .*$', 'version: "2026.9-upgrade"', y, count=1, flags=re.M)
y = re.sub(r'^effectiveFrom: .*\n', '', y, flags=re.M)
y = re.sub(r'^(version: .*)$', r'\1\neffectiveFrom: 2026-11-29', y, count=1, flags=re.M)
r = api("admin", "POST", "/policies", data=y.encode(), headers={"Content-Type": "application/yaml"})
ledger["policy_upload"] = {"status": r.status_code, "body": step("policy upload", r)}

# ---------- web sessions kept for after the upgrade ----------
for u in ["north.clinic", "north.billing"]:
    s, r = form_session(u)
    ledger["web_sessions"][u] = {"cookies": s.cookies.get_dict(), "status": r.status_code, "url": r.url,
                                 "cases_page": s.get(BASE + "/cases", timeout=30, allow_redirects=False).status_code}
json.dump(ledger, open(LEDGER_PATH, "w"), indent=1, ensure_ascii=False)
print("cases", len(ledger["cases"]), "documents", len(ledger["documents"]), "attachments", len(ledger["attachments"]))
