#!/usr/bin/env python3
"""Round-trip properties of the FHIR export and import. See README.md.

    python3 roundtrip.py PORT OUTDIR [--seed N] [--count K]

For every public sample and K generated valid cases: POST /cases (A), export A, import it (B), export B,
import that (C). A, B and C must hold the same case (ids and bookkeeping aside), and the two exports
the same bundle once ids, timestamps and the packet are mapped away. Importing one bundle twice must
give two drafts with the same data (docs/fhir.md: every import is a new draft).
"""
import argparse
import glob
import json
import os
import random
import re
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fuzz import Service, SAMPLES  # noqa: E402

BOOKKEEPING = {"id", "version", "status", "complete", "createdAt", "updatedAt", "authorization", "previousCaseId"}
TODAY_MINUS = "2026-11-"


def normalize(v):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            n = normalize(x)
            if n is None or n == [] or n == {}:
                continue
            out[k] = n
        return out
    if isinstance(v, list):
        return [normalize(x) for x in v]
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return Decimal(str(v)).normalize()
    return v


def case_data(view):
    return {k: v for k, v in normalize(view).items() if k not in BOOKKEEPING}


def diff(a, b, path=""):
    out = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            out += diff(a.get(k), b.get(k), path + "." + k)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            out += diff(x, y, "%s[%d]" % (path, i))
    elif a != b:
        out.append("%s: %r ≠ %r" % (path or "(root)", a if not isinstance(a, str) else a[:80],
                                    b if not isinstance(b, str) else b[:80]))
    return out


def bundle_shape(bundle, case_id):
    """The bundle with what differs between two cases of one content taken out: ids, times, the packet."""
    docs = {e.get("fullUrl") for e in bundle.get("entry", [])
            if e.get("resource", {}).get("resourceType") == "DocumentReference"}
    bundle = json.loads(json.dumps(bundle))
    for e in bundle.get("entry", []):
        r = e.get("resource", {})
        if r.get("resourceType") == "Claim":  # the packet is listed among the evidence: only A has one
            r["supportingInfo"] = [s for s in r.get("supportingInfo", [])
                                   if s.get("valueReference", {}).get("reference") not in docs]
            for k, s in enumerate(r["supportingInfo"]):
                s["sequence"] = k + 1
    bundle["entry"] = [e for e in bundle.get("entry", []) if e.get("fullUrl") not in docs]
    text = json.dumps(bundle)
    urls = [e.get("fullUrl") for e in bundle.get("entry", [])]
    for i, u in enumerate(urls):
        if u:
            text = text.replace(u, "ENTRY-%d" % i).replace(u.split(":")[-1], "ENTRY-%d" % i)
    text = text.replace(case_id, "CASE-ID")
    b = json.loads(text)
    b.pop("timestamp", None)
    b.pop("identifier", None)
    for e in b["entry"]:
        if e["resource"].get("resourceType") == "Claim":
            e["resource"].pop("created", None)
    return b


class Cases:
    """Valid cases within the contract's input rules, from a seed; wider than the Java GeneratedCases."""
    FIRST = ["Dana", "Mary Ann", "Tomás", "Aiko", "Zoë", "Nguyễn", "O'Neil", "Anne-Marie", "李", "Ælfgifu", "X" * 200]
    LAST = ["Reyes", "O'Brien", "Schäfer", "Nguyen-Tran", "Łukasiewicz", "van der Berg", "Ó Súilleabháin", "Y" * 200]
    SEX = ["female", "male", "other", "unknown"]
    PLANS = ["COMMERCIAL", "MEDICARE", "MEDICAID", "SELF_PAY"]
    SPEC = ["PSYCHIATRY", "PSYCHIATRIC_NP", "PRIMARY_CARE", "OTHER"]
    ICD = ["F33.2", "F32.2", "F33.1", "F32.A", "F33.40", "F32.81", "F06.31", "F34.1", "F53.0"]
    INSTR = [("PHQ9", 27), ("MADRS", 60), ("HAMD17", 52), ("QIDS_C16", 27), ("BDI2", 63)]
    CLASSES = ["SSRI", "SNRI", "TCA", "MAOI", "BUPROPION", "MIRTAZAPINE", "OTHER_ANTIDEPRESSANT",
               "ATYPICAL_ANTIPSYCHOTIC", "LITHIUM", "THYROID", "BUSPIRONE"]
    DRUGS = ["sertraline", "venlafaxine", "bupropion", "aripiprazole", "lithium", "Drug X-17", "liothyronine",
             "esketamine-free compound", "Sertraline"]
    OUTCOMES = ["INADEQUATE_RESPONSE", "PARTIAL_RESPONSE", "INTOLERANCE", "RESPONSE"]
    CODES = [("G2082", "Esketamine ≤56 mg"), ("G2083", "Esketamine >56 mg"), ("J0013", "Esketamine 1 mg"),
             ("96365", "IV infusion, first hour"), ("96366", "each additional hour"), ("90792", "Evaluation")]
    THER = ["ECT", "TMS", "VNS", "DBS", "KETAMINE"]
    NPIS = ["1234567893", "1245319599", "1987654328"]

    def __init__(self, seed, policies):
        self.r = random.Random(seed)
        self.policies = policies

    def maybe(self, p=0.7):
        return self.r.random() < p

    def date(self, lo=1930, hi=2026):
        y = self.r.randint(lo, hi)
        m = self.r.randint(1, 12 if y < 2026 else 10)
        d = 29 if (m == 2 and y % 4 == 0 and self.maybe(0.3)) else self.r.randint(1, 28)
        return "%04d-%02d-%02d" % (y, m, d)

    def money(self):
        return self.r.choice([0, 0.01, 1450, 1289.82, 99999.99, 12.5, self.r.randint(0, 500000) / 100])

    def case(self):
        r, c = self.r, {}
        if self.maybe():
            c["policyId"] = r.choice(self.policies)
        p = c["patient"] = {"firstName": r.choice(self.FIRST), "lastName": r.choice(self.LAST)}
        if self.maybe():
            p["dateOfBirth"] = self.date(1901, 2008)
        if self.maybe():
            p["sex"] = r.choice(self.SEX)
        if self.maybe():
            p["memberId"] = r.choice(["M%d" % r.randint(100000, 999999), "XJH123456789", "a b-c/1"])
        if self.maybe(0.5):
            p["groupNumber"] = "GRP-%d" % r.randint(0, 9999)
        cov = c["coverage"] = {}
        for k, f in (("payerName", lambda: r.choice(["Example Health Plan", "Aetna®", "Plan \"Q\" & Co"])),
                     ("planType", lambda: r.choice(self.PLANS)), ("inNetwork", lambda: r.random() < 0.5),
                     ("deductibleRemaining", self.money), ("coinsurancePct", lambda: r.choice([0, 20, 100, 12.5])),
                     ("copayPerSession", self.money), ("oopRemaining", self.money)):
            if self.maybe():
                cov[k] = f()
        pr = c["prescriber"] = {}
        if self.maybe():
            pr["name"] = r.choice(["Alex Morgan, MD", "Dr. Zoë Ärzt", "Sam Lee"])
        if self.maybe():
            pr["npi"] = r.choice(self.NPIS)
        if self.maybe():
            pr["specialty"] = r.choice(self.SPEC)
        if self.maybe(0.5):
            pr["phone"] = "555-01%02d" % r.randint(0, 99)
        if self.maybe(0.4):
            pr["fax"] = "+1 (555) 010-%04d" % r.randint(0, 9999)
        if self.maybe(0.3):
            pr["consultingPsychiatrist"] = {"name": "Robin Lee, MD", "npi": "1987654328"}
        if self.maybe():
            c["facility"] = {k: v for k, v in (("name", "North Clinic"), ("npi", "1245319599"),
                                                ("tin", r.choice(["12-3456789", "123456789"])),
                                                ("address", "1 Main St, Springfield, MA 01101"),
                                                ("remsCertified", r.random() < 0.5)) if self.maybe(0.8)}
        if self.maybe():
            c["diagnosis"] = {"icd10": r.choice(self.ICD)}
            if self.maybe():
                c["diagnosis"]["episodeStart"] = self.date(2000, 2026)
            if self.maybe(0.3):
                c["diagnosis"]["structuredInterview"] = r.random() < 0.5
        c["assessments"] = []
        for _ in range(r.randint(0, 4)):
            ins, hi = r.choice(self.INSTR)
            c["assessments"].append({"instrument": ins, "score": r.choice([0, hi, r.randint(0, hi)]),
                                     "date": self.date(2020, 2026)})
        c["medicationTrials"] = []
        for _ in range(r.randint(0, 4)):
            t = {"drug": r.choice(self.DRUGS)}
            if self.maybe():
                t["drugClass"] = r.choice(self.CLASSES)
            if self.maybe():
                t["role"] = r.choice(["MONOTHERAPY", "AUGMENTATION"])
            if self.maybe():
                t["dailyDoseMg"] = r.choice([200, 22.5, 0.25, 1000, 0])
            if self.maybe():
                t["startDate"] = self.date(2015, 2025)
                if self.maybe():
                    t["endDate"] = t["startDate"] if self.maybe(0.2) else self.date(int(t["startDate"][:4]) + 1, 2026)
            if self.maybe():
                t["outcome"] = r.choice(self.OUTCOMES)
            if self.maybe(0.5):
                t["improvementPct"] = r.choice([-100, -12.5, 0, 10, 100])
            if self.maybe(0.5):
                t["adherencePct"] = r.choice([0, 90, 100, 33.3])
            c["medicationTrials"].append(t)
        c["psychotherapy"] = []
        for _ in range(r.randint(0, 2)):
            s = {"modality": r.choice(["CBT", "Psychotherapy", "IPT", "DBT (group)"])}
            if self.maybe():
                s["startDate"] = self.date(2015, 2024)
                if self.maybe():
                    s["endDate"] = self.date(int(s["startDate"][:4]) + 1, 2025)
            if self.maybe():
                s["sessions"] = r.choice([0, 1, 14, 500])
            c["psychotherapy"].append(s)
        if self.maybe():
            sc = c["screening"] = {}
            for k, f in (("systolic", lambda: r.randint(60, 220)), ("diastolic", lambda: r.randint(40, 130)),
                         ("measuredOn", lambda: self.date(2025, 2026)),
                         ("substanceUse", lambda: r.choice(["NONE", "IN_REMISSION", "ACTIVE"])),
                         ("psychoticFeatures", lambda: r.random() < 0.5),
                         ("vascularContraindication", lambda: r.random() < 0.5), ("pregnant", lambda: r.random() < 0.5),
                         ("pdmpCheckedOn", lambda: self.date(2025, 2026)),
                         ("psychosisRiskAttested", lambda: r.random() < 0.5),
                         ("substanceUseTreated", lambda: r.random() < 0.5),
                         ("abstinentSince", lambda: self.date(2010, 2026)),
                         ("ketamineHypersensitivity", lambda: r.random() < 0.5),
                         ("concurrentTherapies", lambda: r.sample(self.THER, r.randint(1, 5))),
                         ("acuteSuicidality", lambda: r.random() < 0.5),
                         ("patientRemsEnrolled", lambda: r.random() < 0.5)):
                if self.maybe(0.6):
                    sc[k] = f()
        rq = c["request"] = {}
        for k, f in (("treatment", lambda: r.choice(["ESKETAMINE", "KETAMINE_IV"])),
                     ("phase", lambda: r.choice(["INITIAL", "REAUTHORIZATION"])),
                     ("startDate", lambda: self.date(2026, 2027)), ("sessions", lambda: r.choice([1, 8, 60])),
                     ("urgent", lambda: r.random() < 0.5), ("indication", lambda: r.choice(["TRD", "MDSI"])),
                     ("priorEsketamineImprovementPct", lambda: r.choice([-100, -12.5, 40, 100])),
                     ("psychotherapyUnavailable", lambda: r.random() < 0.5)):
            if self.maybe(0.6):
                rq[k] = f()
        if self.maybe(0.3):
            rq["concurrentAntidepressant"] = {"drug": r.choice(self.DRUGS)}
            for k, f in (("drugClass", lambda: r.choice(self.CLASSES)), ("dailyDoseMg", lambda: r.choice([22.5, 200])),
                         ("startDate", lambda: self.date(2020, 2026))):
                if self.maybe():
                    rq["concurrentAntidepressant"][k] = f()
        rq["lines"] = []
        for _ in range(r.randint(0, 3)):
            code, desc = r.choice(self.CODES)
            line = {"code": code}
            if self.maybe():
                line["description"] = desc
            if self.maybe():
                line["unitsPerSession"] = r.choice([1, 2, 3, 84])
            if self.maybe():
                line["chargePerUnit"] = self.money()
            if self.maybe(0.5):
                line["allowedPerUnit"] = self.money()
            rq["lines"].append(line)
        return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--count", type=int, default=200)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    svc = Service(args.port, None, None)
    s, pol = svc.json("GET", "/api/v1/policies")
    gen = Cases(args.seed, [p["id"] for p in pol])
    inputs = [(os.path.basename(p)[:-5], open(p, encoding="utf-8").read()) for p in sorted(glob.glob(SAMPLES + "/0*.json"))]
    inputs += [("generated %d" % i, json.dumps(gen.case(), ensure_ascii=False)) for i in range(args.count)]
    results, failures, refused_inputs = [], [], 0
    for k, (name, body) in enumerate(inputs):
        s, a = svc.json("POST", "/api/v1/cases", body.encode())
        if s != 201:
            refused_inputs += 1
            results.append({"name": name, "input_refused": a})
            continue
        if k % 10 == 0:
            svc.request("POST", "/api/v1/cases/%s/packet" % a["id"])
        s, h, e1, _ = svc.request("GET", "/api/v1/cases/%s/fhir/pas-bundle" % a["id"])
        problems = []
        if s != 200:
            problems.append("export A %d" % s)
        else:
            s, b = svc.json("POST", "/api/v1/fhir/import", e1)
            if s != 201:
                problems.append("import of A's bundle %d %s" % (s, b))
            else:
                s2, b2 = svc.json("POST", "/api/v1/fhir/import", e1)  # the same bundle twice: a second draft
                if s2 != 201 or b2["case"]["id"] == b["case"]["id"]:
                    problems.append("second import of one bundle: %d" % s2)
                elif case_data(b2["case"]) != case_data(b["case"]):
                    problems.append("second import differs: %s" % diff(case_data(b["case"]), case_data(b2["case"])))
                s, stored_a = svc.json("GET", "/api/v1/cases/" + a["id"])
                problems += ["A→B " + d for d in diff(case_data(stored_a), case_data(b["case"]))]
                s, h, e2, _ = svc.request("GET", "/api/v1/cases/%s/fhir/pas-bundle" % b["case"]["id"])
                problems += ["bundle A≠B " + d for d in diff(bundle_shape(json.loads(e1), a["id"]),
                                                            bundle_shape(json.loads(e2), b["case"]["id"]))]
                s, c = svc.json("POST", "/api/v1/fhir/import", e2)
                if s != 201:
                    problems.append("import of B's bundle %d" % s)
                else:
                    problems += ["B→C " + d for d in diff(case_data(b["case"]), case_data(c["case"]))]
                    if b.get("ignored"):
                        problems.append("ignored on import of A's bundle: %s" % b["ignored"])
        results.append({"name": name, "case": a["id"], "problems": problems})
        if problems:
            failures.append({"name": name, "input": json.loads(body), "problems": problems})
            print("FAIL", name, problems[:4], flush=True)
    summary = {"inputs": len(inputs), "input_refused": refused_inputs, "failures": len(failures)}
    json.dump({"summary": summary, "failures": failures, "results": results},
              open(os.path.join(args.out, "roundtrip.json"), "w"), indent=1, ensure_ascii=False, default=str)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
