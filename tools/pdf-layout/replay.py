#!/usr/bin/env python3
"""Replays one generated case on a (restarted) service: the same case, attachments and events, then the
same document, so that a finding can be checked again after a template change.

usage: replay.py FROM_URL TO_URL CASE_ID KIND OUT.pdf     (KIND: packet | appeal | estimate-en | estimate-es)
Writes OUT.json beside it with the case as posted (for a test's fixture).
"""
import json, pathlib, sys
import requests

SRC, DST, CID, KIND, OUT = sys.argv[1:6]
AUTH = ("north.billing", "demo-pass-2026")
READ_ONLY = ("id", "version", "status", "complete", "createdAt", "updatedAt", "authorization", "previousCaseId")
ATTACHMENT = (pathlib.Path(__file__).parent / "attachment.pdf").read_bytes()

case = requests.get(SRC + "/api/v1/cases/" + CID, auth=AUTH).json()
for k in READ_ONLY:
    case.pop(k, None)
titles = [a["title"] for a in requests.get(SRC + "/api/v1/cases/%s/attachments" % CID, auth=AUTH).json()]
events = requests.get(SRC + "/api/v1/cases/%s/events" % CID, auth=AUTH).json()
pathlib.Path(OUT).with_suffix(".json").write_text(json.dumps(
    {"case": case, "attachments": titles, "events": events}, ensure_ascii=False, indent=1))

new = requests.post(DST + "/api/v1/cases", json=case, auth=AUTH)
new.raise_for_status()
nid = new.json()["id"]
for t in titles:
    requests.post(DST + "/api/v1/cases/%s/attachments" % nid, auth=AUTH,
                  files={"file": ("notes.pdf", ATTACHMENT, "application/pdf")}, data={"title": t}).raise_for_status()
if KIND.startswith("estimate"):
    r = requests.post(DST + "/api/v1/cases/%s/estimate?lang=%s" % (nid, KIND[-2:]), auth=AUTH)
    doc = r.json()["document"]["id"]
else:
    r = requests.post(DST + "/api/v1/cases/%s/packet" % nid, auth=AUTH)
    if r.status_code == 422:
        r = requests.post(DST + "/api/v1/cases/%s/packet?exception=true" % nid, auth=AUTH)
    r.raise_for_status()
    doc = r.json()["id"]
    if KIND == "appeal":
        for e in events:
            body = {k: v for k, v in e.items() if k not in ("id", "caseId", "recordedBy", "recordedAt", "createdAt")}
            requests.post(DST + "/api/v1/cases/%s/events" % nid, json=body, auth=AUTH).raise_for_status()
        r = requests.post(DST + "/api/v1/cases/%s/appeal-packet" % nid, auth=AUTH)
        r.raise_for_status()
        doc = r.json()["id"]
pdf = requests.get(DST + "/api/v1/documents/" + doc, auth=AUTH)
pdf.raise_for_status()
pathlib.Path(OUT).write_bytes(pdf.content)
print(nid, doc, len(pdf.content))
