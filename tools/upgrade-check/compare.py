#!/usr/bin/env python3
"""compare.py OLD_SNAPSHOT NEW_SNAPSHOT: what the upgrade kept, changed and added."""
import json, sys
from collections import Counter

old, new = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
added = Counter()
problems = []


def diff(a, b, path=""):
    """differences of a (old) against b (new); members only in b are 'added'"""
    out = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in b:
                out.append((path + "." + k, a[k], "<absent>"))
            else:
                out += diff(a[k], b[k], path + "." + k)
        for k in b:
            if k not in a:
                added[(path.split("[")[0] if False else _generic(path)) + "." + k] += 1
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append((path, f"len {len(a)}", f"len {len(b)}"))
        for i, (x, y) in enumerate(zip(a, b)):
            out += diff(x, y, f"{path}[{i}]")
    elif a != b:
        out.append((path, a, b))
    return out


def _generic(p):
    import re
    return re.sub(r"\[\d+\]", "[]", p)


summary = Counter()
for cid, o in old["cases"].items():
    n = new["cases"].get(cid)
    if not n:
        problems.append(f"case {cid} ({o['label']}) not read after the upgrade"); continue
    for part in ["case", "documents", "events", "attachments", "attachments_removed", "completeness"]:
        if o[part]["status"] != 200:
            if n[part]["status"] == 200:
                summary[f"{part}: new endpoint answers 200 where the old one did not"] += 1
            continue
        if n[part]["status"] != 200:
            problems.append(f"{part} of {o['label']} {cid}: {o[part]['status']} -> {n[part]['status']}"); continue
        d = diff(o[part]["body"], n[part]["body"])
        if d:
            summary[f"{part} differs"] += 1
            for p, x, y in d:
                print(f"  {part} {o['label']}: {p}: {json.dumps(x, ensure_ascii=False)[:150]} -> {json.dumps(y, ensure_ascii=False)[:150]}")
        else:
            summary[f"{part} equal"] += 1
    if o.get("other_clinic_status") != n.get("other_clinic_status"):
        problems.append(f"other clinic read of {cid}: {o.get('other_clinic_status')} -> {n.get('other_clinic_status')}")
for did, o in old["documents"].items():
    n = new["documents"].get(did)
    if not n or n["status"] != 200:
        problems.append(f"document {did} {o['meta'].get('kind')}: not downloadable after ({n and n['status']})"); continue
    if (o["sha256"], o["bytes"]) == (n["sha256"], n["bytes"]) and o["sha256"] == o["meta"].get("sha256"):
        summary["documents byte-identical (and equal to their stated sha256)"] += 1
    else:
        problems.append(f"document {did}: {o['sha256'][:12]}/{o['bytes']} -> {n['sha256'][:12]}/{n['bytes']}")
    if o["disposition"] != n["disposition"]:
        summary["document Content-Disposition changed"] += 1
        print(f"  disposition {did}: {o['disposition']} -> {n['disposition']}")
    d = diff(o["meta"], n["meta"])
    if d:
        print(f"  document meta {did}: {d}")
for aid, o in old["attachments"].items():
    n = new["attachments"].get(aid)
    if not n or (n["sha256"], n["status"]) != (o["sha256"], o["status"]):
        problems.append(f"attachment {aid}: {o['status']}/{o['sha256'][:12]} -> {n and (n['status'], n['sha256'][:12])}")
    else:
        summary["attachments byte-identical"] += 1
for k in old["lists"]:
    d = diff(old["lists"][k], new["lists"][k])
    print(f"list {k}: {'equal' if not d else d[:12]}")
for pid, v in old["policy_versions"].items():
    if v["status"] != 200:
        continue
    nv = new["policy_versions"].get(pid, {}).get("body") or []
    ov = {(x["id"] if "id" in x else pid, x["version"]) for x in v["body"]}
    nvs = {(x["id"] if "id" in x else pid, x["version"]) for x in nv}
    if not ov <= nvs:
        problems.append(f"policy versions lost {pid}: {ov - nvs}")
    else:
        summary["policy version lists kept"] += 1
if old["users"]["status"] == 200:
    ou = {u["username"]: u for u in old["users"]["body"]}
    nu = {u["username"]: u for u in new["users"]["body"]}
    for u, x in ou.items():
        d = diff(x, nu.get(u, {}))
        if d:
            problems.append(f"user {u}: {d}")
    summary["users equal"] += len(ou)
for u, st in old["signin"].items():
    if new["signin"].get(u) != st:
        problems.append(f"sign-in {u}: {st} -> {new['signin'].get(u)}")
    else:
        summary["sign-ins as before"] += 1
for p, st in new["pages"].items():
    if st >= 400 or (st != 200 and st != old["pages"].get(p)):
        problems.append(f"page {p}: {old['pages'].get(p)} -> {st}")
    else:
        summary["pages 200"] += 1
print("old web sessions after upgrade:", new.get("old_sessions"))
na = {a["id"]: a for a in new["audit"]}
for a in old["audit"]:
    n = na.get(a["id"])
    if not n:
        problems.append(f"audit entry {a['id']} lost"); continue
    d = diff(a, n)
    if d:
        problems.append(f"audit entry {a['id']}: {d}")
    else:
        summary["audit entries kept equal"] += 1
print()
for k, v in sorted(summary.items()):
    print(f"{v:5d}  {k}")
print("members added by the new release:", dict(added))
print("PROBLEMS:" if problems else "no problems", *problems, sep="\n  ")
