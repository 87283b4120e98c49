#!/usr/bin/env python3
"""Fax audit case generator: realistic cases (samples + each policy's exampleCase) -> packets, exception packets,
renewal, appeal, estimates en/es. Reuses tools/pdf-layout/gen.py's run_case. usage: cases.py BASE_URL OUT_DIR (needs what tools/pdf-layout/gen.py needs)"""
import sys, json, pathlib
base, out = sys.argv[1], sys.argv[2]
sys.argv = ["gen.py", base, out]
ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "pdf-layout"))
import gen
gen.text = lambda kind, tag, n=200: {"pref": "PA-2026-118734", "auth": "AUTH-55120", "why": "Step therapy not met: the plan requires documentation of two adequate antidepressant trials at therapeutic dose for at least 8 weeks each, and the severity score submitted is older than 30 days.", "att0": "Clinical notes"}.get(tag, "text")
docs = ("packet", "estimate-en", "estimate-es")
samples = sorted((ROOT / "src/test/resources/samples").glob("0*.json")) + [ROOT / "src/test/resources/samples/layout-checklist-ends-at-the-foot.json"]
i = 0
for p in samples:
    case = json.loads(p.read_text())
    if "policyId" not in case: continue
    gen.run_case("s-" + p.stem, case, docs, attachments=1 if i % 3 == 0 else 0, renew=(i % 3 == 0), appeal=(i % 3 == 1))
    i += 1
for pid, ex in sorted(gen.policies().items()):
    case = gen.base_for(pid, ex)
    gen.run_case("p-" + pid, case, docs, renew=(i % 2 == 0), appeal=(i % 2 == 1))
    i += 1
