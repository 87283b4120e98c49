#!/usr/bin/env python3
"""Edge-case generator for the PDF layout audit: creates cases at the edges of what the API accepts
(every text field at its maximum length, unbreakable words, many rows, CJK/RTL/accented text,
whitespace), generates packets (plain, exception, renewal, appeal) and estimates (en, es) through
the HTTP API, and writes each PDF with the list of values typed into it (for check.py).

usage: gen.py BASE_URL OUT_DIR [variant-filter]
"""
import copy, json, os, random, sys, pathlib
import requests
import yaml

BASE, OUT = sys.argv[1], pathlib.Path(sys.argv[2])
ONLY = sys.argv[3] if len(sys.argv) > 3 else None
AUTH = ("north.billing", "demo-pass-2026")
TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "templates" / "policies"
OUT.mkdir(parents=True, exist_ok=True)
rnd = random.Random(23)
S = requests.Session()
S.auth = AUTH

BASE_CASE = {
    "patient": {"firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "1979-03-14", "sex": "female",
                "memberId": "XJH123456789", "groupNumber": "GRP-4410"},
    "coverage": {"payerName": "Example Health Plan", "planType": "COMMERCIAL", "inNetwork": True,
                 "deductibleRemaining": 1500.00, "coinsurancePct": 20, "copayPerSession": 0, "oopRemaining": 4000.00},
    "prescriber": {"name": "Alex Morgan, MD", "npi": "1234567893", "specialty": "PSYCHIATRY",
                   "phone": "555-0100", "fax": "555-0101"},
    "facility": {"name": "North Clinic", "npi": "1245319599", "tin": "12-3456789",
                 "address": "1 Main St, Springfield, MA 01101", "remsCertified": True},
    "diagnosis": {"icd10": "F33.2", "episodeStart": "2025-01-15"},
    "assessments": [{"instrument": "MADRS", "score": 34, "date": "2026-11-20"}],
    "medicationTrials": [
        {"drug": "sertraline", "drugClass": "SSRI", "role": "MONOTHERAPY", "dailyDoseMg": 200,
         "startDate": "2025-02-01", "endDate": "2025-04-15", "outcome": "INADEQUATE_RESPONSE",
         "improvementPct": 10, "adherencePct": 90},
        {"drug": "duloxetine", "drugClass": "SNRI", "dailyDoseMg": 60, "startDate": "2025-04-20",
         "endDate": "2025-07-01", "outcome": "INADEQUATE_RESPONSE", "improvementPct": 5, "adherencePct": 90}],
    "psychotherapy": [{"modality": "CBT", "startDate": "2025-03-01", "endDate": "2025-07-01", "sessions": 14}],
    "screening": {"systolic": 128, "diastolic": 80, "measuredOn": "2026-11-20", "substanceUse": "NONE",
                  "psychoticFeatures": False, "vascularContraindication": False, "pregnant": False,
                  "pdmpCheckedOn": "2026-11-20"},
    "request": {"treatment": "ESKETAMINE", "phase": "INITIAL", "startDate": "2026-12-07", "sessions": 8,
                "urgent": False,
                "lines": [{"code": "G2083", "description": "Esketamine >56 mg, supervised, 2 h observation",
                           "unitsPerSession": 1, "chargePerUnit": 1450.00, "allowedPerUnit": 1289.82}]},
}

WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore".split()
CJK = "中华人民共和国医疗保险预先授权申请患者姓名出生日期会员编号处方医生诊断治疗抑郁症艾司氯胺酮鼻喷雾剂日本語の文章です한국어문장입니다"
HEB = "שלום עולם מרפאה צפון בקשה לאישור מוקדם טיפול בדיכאון עמיד".split()
ACC = "Ñúñez-Ødegård Çağlayan Łukasiewicz Đorđević Dvořák Šťastná Ærø Ġużeppi Ỳēšä Þórðarson Øyvind Ğürsel".split()


def fill(n, parts, sep=" "):
    out = ""
    while len(out) < n:
        out += (sep if out else "") + rnd.choice(parts)
    return out[:n].rstrip() if sep == " " else out[:n]


def text(kind, tag, n=200):
    """A value of the given kind, exactly n characters (code points) where the kind allows."""
    tag = tag[:6]
    if kind == "plain":
        v = tag + " " + fill(n, WORDS)
    elif kind == "token":
        v = tag + "".join(rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))
    elif kind == "url":
        v = "https://portal.example-payer.com/prior-auth/" + tag + "/" + "".join(
            rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(n))
    elif kind == "email":
        v = tag.lower() + "." + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz.") for _ in range(n)) + "@clinic.example.org"
    elif kind == "cjk":
        v = tag + "".join(rnd.choice(CJK) for _ in range(n))
    elif kind == "hebrew":
        v = tag + " " + fill(n, HEB)
    elif kind == "accent":
        v = tag + " " + fill(n, ACC)
    elif kind == "spaces":
        # surrounding spaces are dropped by the API; runs of spaces inside stay
        v = "   " + tag + "   " + fill(n - 12, WORDS).replace(" ", "   ")
    elif kind == "nbsp":
        # no-break spaces: looks like words, breaks nowhere (pasted from a word processor)
        v = tag + "\u00a0" + fill(n, WORDS).replace(" ", "\u00a0")
    elif kind == "invisible":
        # zero-width space, soft hyphen, zero-width joiner and a left-to-right mark between letters
        v = tag + "".join(rnd.choice("abcdefghij") + rnd.choice("\u200b\u00ad\u200d\u200e") for _ in range(n // 2))
    elif kind == "digits":
        v = tag + "".join(rnd.choice("0123456789") for _ in range(n))
    elif kind == "slashes":
        v = tag + "/" + "/".join("".join(rnd.choice("abcdefgh") for _ in range(3)) for _ in range(n // 4))
    elif kind == "hyphens":
        v = tag + "-" + "-".join("".join(rnd.choice("abcdefgh") for _ in range(4)) for _ in range(n // 5))
    elif kind == "mixed":
        v = tag + " " + "".join(rnd.choice(CJK) for _ in range(20)) + " " + "".join(
            rnd.choice("ABCDEFGHJK") for _ in range(80)) + " " + " ".join(HEB[:4]) + " " + " ".join(ACC[:3])
    else:
        raise ValueError(kind)
    return v[:n]


def set_texts(case, kind, n=200):
    """Every free-text member of the case at its limit, each value tagged with where it goes."""
    t = lambda tag: text(kind, tag, n)
    p = case["patient"]
    p["firstName"], p["lastName"], p["memberId"], p["groupNumber"] = t("fn"), t("ln"), t("mid"), t("grp")
    case["coverage"]["payerName"] = t("payer")
    pr = case["prescriber"]
    pr["name"], pr["phone"], pr["fax"] = t("rx"), t("ph"), t("fax")
    pr["consultingPsychiatrist"] = {"name": t("cons"), "npi": "1234567893"}
    f = case["facility"]
    f["name"], f["address"] = t("fac"), t("addr")
    for i, tr in enumerate(case["medicationTrials"]):
        tr["drug"] = t("dr%d" % i)
    for i, c in enumerate(case["psychotherapy"]):
        c["modality"] = t("mod%d" % i)
    for i, l in enumerate(case["request"]["lines"]):
        l["code"], l["description"] = t("c%d" % i), t("d%d" % i)
    case["request"]["concurrentAntidepressant"] = {"drug": t("conc"), "drugClass": "SSRI", "dailyDoseMg": 100,
                                                   "startDate": "2026-06-01"}
    return case


def typed_values(case):
    """The free-text values that must appear on the packet, with the part of the packet that prints them."""
    vals = []
    p, pr, f = case["patient"], case["prescriber"], case["facility"]
    for v in (p["firstName"], p["lastName"], pr["name"], f["name"]):
        vals.append(v)
    if case["coverage"].get("planType") != "SELF_PAY":
        vals += [p["memberId"], p.get("groupNumber")]
    vals += [case["coverage"].get("payerName"), pr.get("phone"), pr.get("fax"), f.get("address")]
    cp = pr.get("consultingPsychiatrist")
    if cp:
        vals.append(cp["name"])
    vals += [t["drug"] for t in case["medicationTrials"]]
    vals += [c["modality"] for c in case["psychotherapy"]]
    for l in case["request"]["lines"]:
        vals += [l["code"], l.get("description")]
    ca = case["request"].get("concurrentAntidepressant")
    if ca:
        vals.append(ca["drug"])
    return [v for v in vals if v]


def estimate_values(case):
    p, pr, f = case["patient"], case["prescriber"], case["facility"]
    vals = [p["firstName"], p["lastName"], pr["name"], f["name"], f.get("address")]
    if case["coverage"].get("planType") != "SELF_PAY":
        vals += [p["memberId"], case["coverage"].get("payerName")]
    for l in case["request"]["lines"]:
        vals += [l["code"], l.get("description")]
    return [v for v in vals if v]


def policies():
    out = {}
    for pth in sorted(TEMPLATES.glob("*.yaml")):
        out[pth.stem] = yaml.safe_load(pth.read_text()).get("exampleCase")
    out["texas-medicaid-spravato"] = yaml.safe_load(
        (TEMPLATES / "texas-medicaid-spravato" / "2025-10-01.yaml").read_text()).get("exampleCase")
    return out


def merge(a, b):
    if isinstance(a, dict) and isinstance(b, dict):
        r = dict(a)
        for k, v in b.items():
            r[k] = merge(a.get(k), v) if k in a else v
        return r
    return copy.deepcopy(b)


def base_for(pid, example):
    c = merge(BASE_CASE, example) if example else copy.deepcopy(BASE_CASE)
    c["policyId"] = pid
    if pid == "self-pay":
        c["coverage"] = {"payerName": None, "planType": "SELF_PAY"}
    if pid == "aetna-ketamine-0938" and not example:
        c["request"]["treatment"] = "KETAMINE_IV"
    c["request"].setdefault("lines", BASE_CASE["request"]["lines"])
    if not c["request"].get("lines"):
        c["request"]["lines"] = copy.deepcopy(BASE_CASE["request"]["lines"])
    for l in c["request"]["lines"]:
        l.setdefault("description", "line")
        l.setdefault("chargePerUnit", 1450.0)
    c.setdefault("psychotherapy", copy.deepcopy(BASE_CASE["psychotherapy"]))
    if not c["psychotherapy"]:
        c["psychotherapy"] = copy.deepcopy(BASE_CASE["psychotherapy"])
    for k in ("prescriber", "patient", "facility"):
        for kk, vv in BASE_CASE[k].items():
            c[k].setdefault(kk, vv)
    return c


def many_rows(case, kind):
    """Every list at the API's limit: 50 trials, 200 scores, 50 courses, 50 lines."""
    classes = ["SSRI", "SNRI", "TCA", "MAOI", "BUPROPION", "MIRTAZAPINE", "OTHER_ANTIDEPRESSANT",
               "ATYPICAL_ANTIPSYCHOTIC", "LITHIUM", "THYROID", "BUSPIRONE"]
    outcomes = ["INADEQUATE_RESPONSE", "PARTIAL_RESPONSE", "INTOLERANCE", "RESPONSE"]
    case["medicationTrials"] = [
        {"drug": "x", "drugClass": classes[i % len(classes)], "role": "AUGMENTATION" if i % 5 == 4 else "MONOTHERAPY",
         "dailyDoseMg": 99999.9999 if i % 3 == 0 else 150, "startDate": "2020-%02d-01" % (i % 12 + 1),
         "endDate": None if i % 7 == 6 else "2025-%02d-28" % (i % 12 + 1), "outcome": outcomes[i % 4],
         "improvementPct": -99.9999 if i % 2 else 100, "adherencePct": 33.3333} for i in range(50)]
    instr = [("PHQ9", 27), ("MADRS", 60), ("HAMD17", 52), ("QIDS_C16", 27), ("BDI2", 63)]
    case["assessments"] = [{"instrument": instr[i % 5][0], "score": instr[i % 5][1] - i % 3,
                            "date": "20%02d-%02d-%02d" % (22 + i // 50, i % 12 + 1, i % 28 + 1)} for i in range(200)]
    case["psychotherapy"] = [{"modality": "x", "startDate": "2021-01-01", "endDate": "2026-11-01" if i % 4 else None,
                              "sessions": 500} for i in range(50)]
    case["request"]["lines"] = [{"code": "x", "description": "x", "unitsPerSession": 10000,
                                 "chargePerUnit": 99999999.99, "allowedPerUnit": 99999999.99} for i in range(50)]
    case["request"]["sessions"] = 60
    case["coverage"].update({"deductibleRemaining": 99999999.99, "oopRemaining": 99999999.99, "copayPerSession": 99999999.99})
    return set_texts(case, kind)


def post(path, **kw):
    r = S.post(BASE + path, **kw)
    return r


def save(name, pdf_bytes, meta):
    (OUT / (name + ".pdf")).write_bytes(pdf_bytes)
    (OUT / (name + ".json")).write_text(json.dumps(meta, ensure_ascii=False, indent=1))


def document(doc_id):
    r = S.get(BASE + "/api/v1/documents/" + doc_id)
    r.raise_for_status()
    return r.content


ATTACH = None


def attachment_pdf():
    global ATTACH
    if ATTACH is None:
        ATTACH = (pathlib.Path(__file__).parent / "attachment.pdf").read_bytes()
    return ATTACH


def run_case(name, case, kinds, attachments=0, attach_title_kind="plain", renew=False, appeal=False):
    r = post("/api/v1/cases", json=case)
    log = {"name": name, "create": r.status_code}
    if r.status_code != 201:
        log["error"] = r.text[:600]
        print(json.dumps(log), flush=True)
        return log
    stored = r.json()
    cid = stored["id"]
    titles = []
    for i in range(attachments):
        title = text(attach_title_kind, "att%d" % i)
        ra = post("/api/v1/cases/%s/attachments" % cid, files={"file": ("notes.pdf", attachment_pdf(), "application/pdf")},
                  data={"title": title})
        log.setdefault("attach", []).append(ra.status_code)
        if ra.status_code == 201:
            titles.append(title)
    vals = typed_values(stored_case(cid))
    packet_id = None
    if "packet" in kinds:
        rp = post("/api/v1/cases/%s/packet" % cid)
        kind = "PACKET"
        if rp.status_code == 422:
            rp = post("/api/v1/cases/%s/packet?exception=true" % cid)
            kind = "EXCEPTION_PACKET"
        log["packet"] = rp.status_code
        if rp.status_code == 201:
            packet_id = rp.json()["id"]
            save(name + "-packet", document(packet_id), {"kind": kind, "values": vals + titles, "case": cid})
        else:
            log["packetError"] = rp.text[:600]
    for lang in ("en", "es"):
        if "estimate-" + lang in kinds:
            re_ = post("/api/v1/cases/%s/estimate?lang=%s" % (cid, lang))
            log["estimate-" + lang] = re_.status_code
            if re_.status_code == 201:
                save(name + "-estimate-" + lang, document(re_.json()["document"]["id"]),
                     {"kind": "ESTIMATE", "lang": lang, "values": estimate_values(stored_case(cid)), "case": cid})
            else:
                log["estimateError"] = re_.text[:400]
    if packet_id and (renew or appeal):
        ref = text(attach_title_kind, "pref")
        ev = lambda body: post("/api/v1/cases/%s/events" % cid, json=body)
        e1 = ev({"type": "SUBMITTED", "date": "2026-11-25", "channel": "FAX", "payerReference": ref})
        log["submitted"] = e1.status_code
        if renew:
            auth = text(attach_title_kind, "auth")
            e2 = ev({"type": "APPROVED", "date": "2026-11-27", "authorizationNumber": auth,
                     "approvedFrom": "2026-05-01", "approvedTo": "2026-11-30", "approvedSessions": 200})
            log["approved"] = e2.status_code
            for d in ("2026-11-28", "2026-11-29"):
                ev({"type": "SESSION_GIVEN", "date": d, "codes": ["G2083"]})
            rr = post("/api/v1/cases/%s/reauthorization" % cid)
            log["reauth"] = rr.status_code
            if rr.status_code == 201:
                nid = rr.json()["id"]
                rp = post("/api/v1/cases/%s/packet" % nid)
                kind = "PACKET"
                if rp.status_code == 422:
                    rp = post("/api/v1/cases/%s/packet?exception=true" % nid)
                    kind = "EXCEPTION_PACKET"
                log["renewalPacket"] = rp.status_code
                if rp.status_code == 201:
                    save(name + "-renewal", document(rp.json()["id"]),
                         {"kind": kind, "values": typed_values(stored_case(nid)) + [auth], "case": nid})
                else:
                    log["renewalError"] = rp.text[:400]
        if appeal:
            reason = text(attach_title_kind, "why", 2000)
            e2 = ev({"type": "DENIED", "date": "2026-11-28", "reason": reason})
            log["denied"] = e2.status_code
            ra = post("/api/v1/cases/%s/appeal-packet" % cid)
            log["appeal"] = ra.status_code
            if ra.status_code == 201:
                save(name + "-appeal", document(ra.json()["id"]),
                     {"kind": "APPEAL_PACKET", "values": vals + titles + [reason, ref], "case": cid})
            else:
                log["appealError"] = ra.text[:400]
    print(json.dumps(log, ensure_ascii=False), flush=True)
    return log


def stored_case(cid):
    return S.get(BASE + "/api/v1/cases/" + cid).json()


KINDS = ["plain", "token", "url", "email", "cjk", "hebrew", "accent", "spaces", "nbsp", "invisible", "digits", "slashes",
         "hyphens", "mixed"]


def main():
    pols = policies()
    all_docs = ("packet", "estimate-en", "estimate-es")
    jobs = []
    # every policy x every kind of text at its limit: packet and both estimates
    for i, (pid, ex) in enumerate(sorted(pols.items())):
        for j, kind in enumerate(KINDS):
            case = set_texts(base_for(pid, ex), kind)
            renew = (i + j) % 4 == 0
            appeal = (i + j) % 4 == 2
            jobs.append(("%s-%s" % (pid, kind), case, all_docs, 2 if (i + j) % 3 == 0 else 0, kind, renew, appeal))
    # every list at its limit, per kind, across policies
    for j, kind in enumerate(["plain", "token", "cjk", "url", "nbsp", "hebrew"]):
        pid = sorted(pols)[j * 2 % len(pols)]
        case = many_rows(base_for(pid, pols[pid]), kind)
        jobs.append(("many-%s-%s" % (pid, kind), case, all_docs, 0, kind, j % 2 == 0, j % 2 == 1))
    # short texts under the wrap thresholds (codes at 16, drug names at 24) and just over
    for n in (15, 16, 17, 23, 24, 25, 40):
        case = set_texts(base_for("esketamine-standard", None), "token", n)
        jobs.append(("len%d-token" % n, case, all_docs, 0, "token", False, False))
    # amounts: the largest a line accepts, and smaller ones, on one line of short texts
    for units in (1, 10, 100, 10000):
        for charge in (1450.00, 99999.99, 9999999.99, 99999999.99):
            case = base_for("esketamine-standard", None)
            case["request"]["sessions"] = 60
            case["request"]["lines"] = [{"code": "G2083", "description": "Esketamine", "unitsPerSession": units,
                                         "chargePerUnit": charge, "allowedPerUnit": charge}]
            case["coverage"]["oopRemaining"] = None
            jobs.append(("money-u%d-c%d" % (units, charge), case, ("estimate-en", "estimate-es"), 0, "plain", False, False))
            sp = copy.deepcopy(case)
            sp["policyId"], sp["coverage"] = "self-pay", {"planType": "SELF_PAY"}
            jobs.append(("money-selfpay-u%d-c%d" % (units, charge), sp, ("estimate-en",), 0, "plain", False, False))
    for job in jobs:
        if ONLY and not any(o in job[0] for o in ONLY.split(",")):
            continue
        run_case(*job[:3], attachments=job[3], attach_title_kind=job[4], renew=job[5], appeal=job[6])


if __name__ == "__main__":
    main()
