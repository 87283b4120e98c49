#!/usr/bin/env python3
"""Steady write workload against one Authpack instance, recording every acknowledged write (stdlib only).

  diskfill.py run    --port P --out DIR [--threads 4] [--seconds 300] [--big-pdf KB]
  diskfill.py verify --port P --out DIR         (after a restart: every acknowledged write still there?)

run writes DIR/acks.jsonl (one line per 2xx write: kind, ids, version, sha256 of what was stored) and
DIR/answers.jsonl (every answer that was not 2xx, and every request with no answer: op, status, title,
detail, retry-after, content-type). Stops after --seconds or when DIR/stop exists.
"""
import argparse, base64, collections, copy, hashlib, http.client, json, os, random, sys, threading, time, uuid
from datetime import date, timedelta

PASSWORD = "demo-pass-2026"
TODAY = date.today().isoformat()
CASE = {
    "policyId": "esketamine-standard",
    "patient": {"firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "1979-03-14", "sex": "female",
                "memberId": "XJH123456789", "groupNumber": "GRP-4410"},
    "coverage": {"payerName": "Example Health Plan", "planType": "COMMERCIAL", "inNetwork": True,
                 "deductibleRemaining": 1500.00, "coinsurancePct": 20, "copayPerSession": 0, "oopRemaining": 4000.00},
    "prescriber": {"name": "Alex Morgan, MD", "npi": "1234567893", "specialty": "PSYCHIATRY",
                   "phone": "555-0100", "fax": "555-0101"},
    "facility": {"name": "North Clinic", "npi": "1245319599", "tin": "12-3456789",
                 "address": "1 Main St, Springfield, MA 01101", "remsCertified": True},
    "diagnosis": {"icd10": "F33.2", "episodeStart": "2025-01-15"},
    "assessments": [{"instrument": "PHQ9", "score": 22, "date": "2026-11-10"}],
    "medicationTrials": [
        {"drug": "sertraline", "drugClass": "SSRI", "role": "MONOTHERAPY", "dailyDoseMg": 200,
         "startDate": "2025-02-01", "endDate": "2025-04-15", "outcome": "INADEQUATE_RESPONSE",
         "improvementPct": 10, "adherencePct": 90},
        {"drug": "venlafaxine", "drugClass": "SNRI", "role": "MONOTHERAPY", "dailyDoseMg": 225,
         "startDate": "2025-05-01", "endDate": "2025-07-15", "outcome": "INADEQUATE_RESPONSE",
         "improvementPct": 5, "adherencePct": 95}],
    "psychotherapy": [{"modality": "CBT", "startDate": "2025-03-01", "endDate": "2025-07-01", "sessions": 14}],
    "screening": {"systolic": 128, "diastolic": 80, "measuredOn": "2026-11-10", "substanceUse": "NONE",
                  "psychoticFeatures": False, "vascularContraindication": False, "pregnant": False,
                  "pdmpCheckedOn": "2026-11-10"},
    "request": {"treatment": "ESKETAMINE", "phase": "INITIAL", "startDate": "2026-11-30", "sessions": 8,
                "urgent": False, "lines": [{"code": "G2083", "description": "Esketamine >56 mg, supervised",
                                            "unitsPerSession": 1, "chargePerUnit": 1450.00,
                                            "allowedPerUnit": 1289.82}]},
}


def auth(user):
    return "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()


def pdf(kb, seed):
    """A valid one-page PDF carrying ~kb KB of incompressible bytes in an image XObject."""
    rnd = random.Random(seed)
    side = max(8, int((kb * 1024 / 3) ** 0.5))
    img = bytes(rnd.getrandbits(8) for _ in range(side * side * 3))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length %d >>\nstream\n" % (side, side, len(img)) + img + b"\nendstream",
            None]
    content = b"q 300 0 0 300 100 300 cm /Im1 Do Q"
    objs[4] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


class Log:
    def __init__(self, out):
        self.acks = open(os.path.join(out, "acks.jsonl"), "a")
        self.answers = open(os.path.join(out, "answers.jsonl"), "a")
        self.lock = threading.Lock()
        self.t0 = time.time()
        self.count = collections.Counter()

    def ack(self, **rec):
        rec["t"] = round(time.time() - self.t0, 2)
        with self.lock:
            self.acks.write(json.dumps(rec) + "\n")
            self.acks.flush()
            self.count["ack:" + rec["kind"]] += 1

    def answer(self, **rec):
        rec["t"] = round(time.time() - self.t0, 2)
        with self.lock:
            self.answers.write(json.dumps(rec) + "\n")
            self.answers.flush()
            self.count[f"{rec['op']}:{rec.get('status')}:{rec.get('title')}"] += 1


def call(port, method, path, user="north.billing", body=None, raw=None, ctype=None, timeout=60, accept="application/json"):
    h = {"Authorization": auth(user), "Accept": accept}
    data = None
    if body is not None:
        data, h["Content-Type"] = json.dumps(body).encode(), "application/json"
    if raw is not None:
        data, h["Content-Type"] = raw, ctype
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        payload = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, payload
    finally:
        c.close()


def multipart(fields, filename, content):
    b = "----diskfill" + uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(f'--{b}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                 f'Content-Type: application/pdf\r\n\r\n'.encode() + content + b"\r\n")
    parts.append(f"--{b}--\r\n".encode())
    return b"".join(parts), "multipart/form-data; boundary=" + b


class Worker(threading.Thread):
    def __init__(self, n, args, log, stop):
        super().__init__(daemon=True)
        self.n, self.args, self.log, self.stop = n, args, log, stop
        self.rnd = random.Random(n * 7919 + int(time.time()))
        self.cases = {}   # id -> version (own cases only: no 409 between workers)
        self.seq = 0

    def op(self, name, method, path, **kw):
        try:
            status, headers, payload = call(self.args.port, method, path, **kw)
        except (OSError, http.client.HTTPException) as e:
            self.log.answer(op=name, status=None, error=type(e).__name__ + ": " + str(e)[:120])
            return None, None
        if status >= 300:
            rec = dict(op=name, status=status, ctype=headers.get("content-type"), retry=headers.get("retry-after"))
            if "json" in (headers.get("content-type") or ""):
                try:
                    j = json.loads(payload)
                    rec.update(title=j.get("title"), detail=j.get("detail"))
                except ValueError:
                    rec["text"] = payload[:200].decode("utf-8", "replace")
            else:
                rec["text"] = payload[:200].decode("utf-8", "replace")
            self.log.answer(**rec)
            return status, None
        return status, (json.loads(payload) if payload and "json" in headers.get("content-type", "") else payload)

    def run(self):
        while not self.stop.is_set():
            try:
                self.step()
            except Exception as e:
                self.log.answer(op="driver", status=None, error=repr(e)[:200])
            time.sleep(self.args.pause)

    def step(self):
        self.seq += 1
        r = self.rnd.random()
        if not self.cases or r < 0.15:
            body = copy.deepcopy(CASE)
            body["patient"]["lastName"] = f"Fill{self.n}x{self.seq}"
            body["patient"]["groupNumber"] = f"G{self.n}-{self.seq}"
            status, j = self.op("create", "POST", "/api/v1/cases", body=body)
            if j:
                self.cases[j["id"]] = j["version"]
                self.log.ack(kind="case", case=j["id"], version=j["version"], group=body["patient"]["groupNumber"])
            return
        case = self.rnd.choice(list(self.cases))
        if r < 0.35:
            body = copy.deepcopy(CASE)
            body["patient"]["lastName"] = f"Fill{self.n}x{self.seq}"
            body["patient"]["groupNumber"] = f"G{self.n}-{self.seq}"
            body["version"] = self.cases[case]
            status, j = self.op("put", "PUT", f"/api/v1/cases/{case}", body=body)
            if j:
                self.cases[case] = j["version"]
                self.log.ack(kind="case", case=case, version=j["version"], group=body["patient"]["groupNumber"])
            elif status == 409:
                s, _, p = call(self.args.port, "GET", f"/api/v1/cases/{case}")
                if s == 200:
                    self.cases[case] = json.loads(p)["version"]
        elif r < 0.55:
            kind = self.rnd.choice(["SUBMITTED", "PENDED", "SESSION_GIVEN"])
            body = {"type": kind, "date": TODAY}
            if kind == "SUBMITTED":
                body["channel"] = "FAX"
            status, j = self.op("event", "POST", f"/api/v1/cases/{case}/events", body=body)
            if j:
                self.log.ack(kind="event", case=case, id=(j.get("event") or {}).get("id"), type=kind)
        elif r < 0.70:
            status, j = self.op("packet", "POST", f"/api/v1/cases/{case}/packet")
            if j:
                self.log.ack(kind="document", case=case, id=j["id"], sha256=j["sha256"])
        elif r < 0.80:
            status, j = self.op("estimate", "POST", f"/api/v1/cases/{case}/estimate")
            if j:
                d = j["document"]
                self.log.ack(kind="document", case=case, id=d["id"], sha256=d["sha256"])
        elif r < 0.97:
            content = pdf(self.args.big_pdf, self.rnd.random())
            raw, ctype = multipart({"title": f"note {self.seq}"}, "note.pdf", content)
            status, j = self.op("attachment", "POST", f"/api/v1/cases/{case}/attachments", raw=raw, ctype=ctype)
            if j:
                self.log.ack(kind="attachment", case=case, id=j["id"], sha256=j["sha256"])
        else:
            status, j = self.op("backup", "POST", "/api/v1/admin/backups", user="admin")
            if j:
                self.log.ack(kind="backup", file=j["file"], sha256=j["sha256"], bytes=j["bytes"])
        # a read now and then: does the service keep serving reads?
        if self.rnd.random() < 0.3:
            self.op("read", "GET", f"/api/v1/cases/{case}")


def run(args):
    os.makedirs(args.out, exist_ok=True)
    log, stop = Log(args.out), threading.Event()
    workers = [Worker(i, args, log, stop) for i in range(args.threads)]
    for w in workers:
        w.start()
    end = time.time() + args.seconds
    last = time.time()
    while time.time() < end and not os.path.exists(os.path.join(args.out, "stop")):
        time.sleep(1)
        if time.time() - last > 10:
            last = time.time()
            print(time.strftime("%H:%M:%S"), dict(log.count.most_common(12)), flush=True)
    stop.set()
    for w in workers:
        w.join(120)
    print("final", json.dumps(dict(log.count), indent=1), flush=True)


def verify(args):
    acks = [json.loads(l) for l in open(os.path.join(args.out, "acks.jsonl"))]
    latest = {}
    problems, checked = [], collections.Counter()
    for a in acks:
        if a["kind"] == "case":
            if a["case"] not in latest or a["version"] > latest[a["case"]]["version"]:
                latest[a["case"]] = a
    for case, a in latest.items():
        s, _, p = call(args.port, "GET", f"/api/v1/cases/{case}")
        checked["case"] += 1
        if s != 200:
            problems.append(("case missing", case, s))
            continue
        j = json.loads(p)
        if j["version"] < a["version"]:
            problems.append(("case older than acknowledged", case, j["version"], a["version"]))
        elif j["version"] == a["version"] and j["patient"]["groupNumber"] != a["group"]:
            problems.append(("case content differs", case, j["patient"]["groupNumber"], a["group"]))
        elif j["version"] > a["version"]:
            problems.append(("case NEWER than acknowledged (an unanswered/failed write applied)", case, j["version"], a["version"]))
    events = {}
    for a in acks:
        if a["kind"] == "event":
            if a["case"] not in events:
                s, _, p = call(args.port, "GET", f"/api/v1/cases/{a['case']}/events")
                events[a["case"]] = {e.get("id") for e in json.loads(p)} if s == 200 else set()
            checked["event"] += 1
            if a["id"] is not None and a["id"] not in events[a["case"]]:
                problems.append(("event missing", a["case"], a["id"]))
        elif a["kind"] == "document":
            s, _, p = call(args.port, "GET", f"/api/v1/documents/{a['id']}", accept="application/pdf")
            checked["document"] += 1
            if s != 200 or hashlib.sha256(p).hexdigest() != a["sha256"]:
                problems.append(("document missing or changed", a["id"], s))
        elif a["kind"] == "attachment":
            s, _, p = call(args.port, "GET", f"/api/v1/cases/{a['case']}/attachments/{a['id']}", accept="application/pdf")
            checked["attachment"] += 1
            if s != 200 or hashlib.sha256(p).hexdigest() != a["sha256"]:
                problems.append(("attachment missing or changed", a["id"], s))
        elif a["kind"] == "backup":
            checked["backup"] += 1
            path = a["file"] if os.path.isabs(a["file"]) else os.path.join(args.cwd or ".", a["file"])
            if not os.path.exists(path) or hashlib.sha256(open(path, "rb").read()).hexdigest() != a["sha256"]:
                problems.append(("backup missing or changed", a["file"]))
    print("acknowledged:", collections.Counter(a["kind"] for a in acks))
    print("checked:", dict(checked))
    print("problems:", len(problems))
    for p in problems[:50]:
        print("  ", p)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["run", "verify"])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--pause", type=float, default=0.05)
    ap.add_argument("--big-pdf", type=int, default=300)
    ap.add_argument("--cwd", default=None)
    a = ap.parse_args()
    (run if a.mode == "run" else verify)(a)
