#!/usr/bin/env python3
"""Records a concurrent history against several Authpack instances on one database (stdlib only).

Starts the instances as child processes (or uses running ones with --attach), runs N client threads
that send random operations on a few cases to random instances, optionally injects faults (kill -9
and restart of an instance, SIGSTOP/SIGCONT), and writes one JSON line per operation:
{"id", "client", "op", "case", "inst", "inv", "comp", "req": {...}, "resp": {...} | null}
(resp null: no answer, the operation may or may not have happened). check.py reads the file.

  run.py --jar target/authpack-0.1.0-SNAPSHOT.jar --templates templates --ports 18070,18071 \
         --db jdbc:postgresql://127.0.0.1:18074/authpack --db-user authpack_app \
         --clients 8 --cases 6 --ops 3000 --faults --out history.jsonl
"""
import argparse, base64, copy, http.client, json, os, random, signal, subprocess, sys, threading, time, uuid
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


def event_body(kind, n):
    body = {"type": kind, "date": TODAY}
    if kind == "SUBMITTED":
        body["channel"] = "FAX"
    elif kind == "APPROVED":
        body.update(authorizationNumber=f"A{n}", approvedFrom=TODAY,
                    approvedTo=(date.today() + timedelta(days=90)).isoformat(), approvedSessions=6)
    elif kind == "DENIED":
        body["reason"] = f"not enough trials {n}"
    return body


class Instances:
    """The jar instances, each a child process in its own scratch folder (database: PostgreSQL)."""

    def __init__(self, args):
        self.args, self.procs, self.lock = args, {}, threading.Lock()
        self.stopped = set()

    def start(self, port):
        a = self.args
        work = os.path.join(a.workdir, f"inst-{port}")
        os.makedirs(work, exist_ok=True)
        env = dict(os.environ, TZ="UTC", SPRING_DATASOURCE_URL=a.db, SPRING_DATASOURCE_USERNAME=a.db_user,
                   SPRING_DATASOURCE_PASSWORD="", SPRING_FLYWAY_USER=a.flyway_user, SPRING_FLYWAY_PASSWORD="")
        log = open(os.path.join(work, "log.txt"), "ab")
        cmd = ["java", f"@{os.path.abspath(a.jvm_options)}", "-jar", os.path.abspath(a.jar), f"--server.port={port}",
               f"--authpack.templates.dir={os.path.abspath(a.templates)}"]
        with self.lock:
            self.procs[port] = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
        return self.procs[port]

    def wait_ready(self, port, timeout=240):
        end = time.time() + timeout
        while time.time() < end:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/actuator/health/readiness")
                if c.getresponse().status == 200:
                    return True
            except OSError:
                pass
            time.sleep(1)
        return False

    def kill9(self, port):
        with self.lock:
            p = self.procs.get(port)
        if p:
            p.send_signal(signal.SIGKILL)
            p.wait()

    def signal(self, port, sig):
        with self.lock:
            p = self.procs.get(port)
        if p:
            p.send_signal(sig)

    def stop_all(self):
        for port, p in self.procs.items():
            if p.poll() is None:
                p.send_signal(signal.SIGCONT)
                p.terminate()
        for p in self.procs.values():
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()


class Recorder:
    def __init__(self, path):
        self.f, self.lock, self.n = open(path, "w"), threading.Lock(), 0
        self.t0 = time.monotonic()

    def now(self):
        return time.monotonic() - self.t0

    def next_id(self):
        with self.lock:
            self.n += 1
            return self.n

    def write(self, rec):
        with self.lock:
            self.f.write(json.dumps(rec, sort_keys=True) + "\n")

    def note(self, what, **kw):
        self.write(dict(kw, note=what, t=self.now()))


DOWN = {}   # port -> until when clients avoid it (it refused a connection)
KEEP_HEADERS = ("location", "idempotent-replayed", "etag", "retry-after", "content-type")


def call(rec, client, op, case, port, method, path, user, body=None, headers=None, timeout=15, raw=False):
    """One HTTP operation, recorded with its invocation and completion times."""
    h = {"Authorization": auth(user), "Accept": "application/json" if not raw else "*/*"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    entry = {"id": rec.next_id(), "client": client, "op": op, "case": case, "inst": port, "user": user,
             "req": {"method": method, "path": path, "body": body,
                     "headers": {k: v for k, v in (headers or {}).items()}}}
    entry["inv"] = rec.now()
    resp = None
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        payload = r.read()
        resp = {"status": r.status, "headers": {k.lower(): v for k, v in r.getheaders() if k.lower() in KEEP_HEADERS}}
        ctype = r.getheader("content-type", "")
        if "json" in ctype:
            try:
                resp["body"] = json.loads(payload)
            except ValueError:
                resp["text"] = payload[:500].decode("utf-8", "replace")
        else:
            resp["length"] = len(payload)
        c.close()
    except (OSError, http.client.HTTPException) as e:
        entry["error"] = type(e).__name__ + ": " + str(e)[:200]
        if isinstance(e, ConnectionRefusedError):
            DOWN[port] = time.monotonic() + 3   # like a load balancer's fail_timeout
    entry["comp"] = rec.now()
    entry["resp"] = resp
    rec.write(entry)
    return resp


class Client(threading.Thread):
    def __init__(self, n, args, rec, cases, ports, budget, rnd):
        super().__init__(daemon=True)
        self.n, self.args, self.rec, self.cases, self.ports, self.budget, self.rnd = n, args, rec, cases, ports, budget, rnd
        self.seen = {}          # case -> version this client last saw
        self.docs = {}          # case -> document ids this client saw
        self.keys = []          # (key, method, path, body) this client sent, for retries

    def port(self):
        now = time.monotonic()
        up = [p for p in self.ports if DOWN.get(p, 0) < now]
        return self.rnd.choice(up or self.ports)

    def run(self):
        while self.budget.take():
            try:
                self.step()
            except Exception as e:  # the driver must not die; the history says what was sent
                self.rec.note("driver-error", client=self.n, error=repr(e))

    def step(self):
        r, case = self.rnd.random(), self.rnd.choice(self.cases)
        c, p = self.n, self.port()
        if r < 0.18:
            resp = call(self.rec, c, "read", case, p, "GET", f"/api/v1/cases/{case}",
                        self.rnd.choice(["north.billing", "north.clinic"]))
            if resp and resp["status"] == 200:
                self.seen[case] = resp["body"]["version"]
        elif r < 0.36:
            self.put(case, p)
        elif r < 0.40:
            call(self.rec, c, "completeness", case, p, "GET", f"/api/v1/cases/{case}/completeness", "north.billing")
        elif r < 0.45:
            self.keyed("packet", case, p, "POST", f"/api/v1/cases/{case}/packet", None)
        elif r < 0.47:
            resp = call(self.rec, c, "documents", case, p, "GET", f"/api/v1/cases/{case}/documents", "north.clinic")
            if resp and resp["status"] == 200 and resp["body"]:
                self.docs[case] = [d["id"] for d in resp["body"]]
        elif r < 0.49 and self.docs.get(case):
            doc = self.rnd.choice(self.docs[case])
            call(self.rec, c, "download", case, p, "GET", f"/api/v1/documents/{doc}", "north.clinic", raw=True)
        elif r < 0.70:
            kind = self.rnd.choices(["SUBMITTED", "PENDED", "APPROVED", "DENIED", "APPEALED", "WITHDRAWN",
                                     "SESSION_GIVEN"], [4, 2, 2, 3, 3, 0.15, 5])[0]
            body = event_body(kind, self.rec.next_id())
            self.keyed("event", case, p, "POST", f"/api/v1/cases/{case}/events", body)
        elif r < 0.78:
            call(self.rec, c, "events", case, p, "GET", f"/api/v1/cases/{case}/events",
                 self.rnd.choice(["north.billing", "north.clinic"]))
        elif r < 0.83:
            call(self.rec, c, "list", None, p, "GET", "/api/v1/cases", "north.billing")
        elif r < 0.86:
            call(self.rec, c, "worklist", None, p, "GET", "/api/v1/worklist", "north.clinic")
        elif r < 0.875:
            call(self.rec, c, "pas-bundle", case, p, "GET", f"/api/v1/cases/{case}/fhir/pas-bundle",
                 self.rnd.choice(["north.billing", "north.clinic"]))
        elif r < 0.94:
            self.create(p)
        elif r < 0.97 and self.keys:
            # a retry of a keyed request this client sent before: the same request, or another body
            key, op, kcase, method, path, body = self.rnd.choice(self.keys)
            if self.rnd.random() < 0.25 and body is not None:
                body = copy.deepcopy(body)
                if "patient" in body:
                    body["patient"]["groupNumber"] = "OTHER"
                else:
                    body["date"] = "2026-11-01"
                op = op + "-otherbody"
            call(self.rec, c, op, kcase, p, method, path, "north.billing", body=body,
                 headers={"Idempotency-Key": key})
        else:
            call(self.rec, c, "audit", case, p, "GET", f"/api/v1/audit?caseId={case}&size=5", "admin")

    def keyed(self, op, case, port, method, path, body):
        if self.rnd.random() < 0.6:
            key = f"k-{self.n}-{uuid.uuid4()}"
            self.keys.append((key, op, case, method, path, body))
            if self.rnd.random() < 0.15:
                # the same request twice at once on two instances (a client retrying too early, a proxy)
                other = self.rnd.choice([p for p in self.ports if p != port] or [port])
                twin = threading.Thread(target=call, args=(self.rec, self.n, op, case, other, method, path,
                                                           "north.billing", body, {"Idempotency-Key": key}))
                twin.start()
            else:
                twin = None
            resp = call(self.rec, self.n, op, case, port, method, path, "north.billing", body=body,
                        headers={"Idempotency-Key": key})
            if twin:
                twin.join()
            if resp is None or resp["status"] >= 500 or resp["status"] == 409 and "progress" in json.dumps(resp.get("body")):
                # retried at once on another instance, like a client after a time-out
                call(self.rec, self.n, op, case, self.port(), method, path, "north.billing", body=body,
                     headers={"Idempotency-Key": key})
        else:
            call(self.rec, self.n, op, case, port, method, path, "north.billing", body=body)

    def put(self, case, port):
        if case not in self.seen:
            resp = call(self.rec, self.n, "read", case, port, "GET", f"/api/v1/cases/{case}", "north.billing")
            if not resp or resp["status"] != 200:
                return
            self.seen[case] = resp["body"]["version"]
        body = copy.deepcopy(CASE)
        token = f"W{self.rec.next_id()}"
        body["patient"]["groupNumber"] = token
        body["version"] = self.seen[case]
        resp = call(self.rec, self.n, "put", case, self.port(), "PUT", f"/api/v1/cases/{case}", "north.billing",
                    body=body)
        if resp and resp["status"] == 200:
            self.seen[case] = resp["body"]["version"]
        elif resp and resp["status"] == 409:
            self.seen.pop(case, None)

    def create(self, port):
        body = copy.deepcopy(CASE)
        body["patient"]["lastName"] = f"Create{self.args.tag}n{self.rec.next_id()}"
        self.keyed("create", None, port, "POST", "/api/v1/cases", body)


class Budget:
    def __init__(self, n, stop_at):
        self.n, self.lock, self.stop_at = n, threading.Lock(), stop_at

    def take(self):
        with self.lock:
            if self.n <= 0 or time.time() > self.stop_at:
                return False
            self.n -= 1
            return True


def faults(args, inst, rec, ports, done, rnd):
    """kill -9 and restart, or SIGSTOP for a few seconds and SIGCONT; one instance down at a time."""
    starting = {}
    while not done.wait(rnd.uniform(args.fault_every * 0.5, args.fault_every * 1.5)):
        restarting = [p for p, t in list(starting.items()) if t.is_alive()]
        port = rnd.choice([p for p in ports if p not in restarting])
        if rnd.random() < 0.5 and not restarting:
            rec.note("kill9", port=port)
            inst.kill9(port)
            time.sleep(rnd.uniform(1, 4))
            inst.start(port)
            rec.note("restarting", port=port)

            def ready(p=port):
                rec.note("restarted", port=p, ok=inst.wait_ready(p))
            starting[port] = threading.Thread(target=ready, daemon=True)
            starting[port].start()
        else:
            secs = rnd.uniform(2, 8)
            rec.note("sigstop", port=port, seconds=secs)
            inst.signal(port, signal.SIGSTOP)
            time.sleep(secs)
            inst.signal(port, signal.SIGCONT)
            rec.note("sigcont", port=port)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/authpack-0.1.0-SNAPSHOT.jar")
    ap.add_argument("--templates", default="templates")
    ap.add_argument("--jvm-options", default="tools/launch/jvm.options")
    ap.add_argument("--ports", default="18070,18071")
    ap.add_argument("--attach", action="store_true", help="use instances already running on --ports")
    ap.add_argument("--db", default="jdbc:postgresql://127.0.0.1:18074/authpack")
    ap.add_argument("--db-user", default="authpack_app")
    ap.add_argument("--flyway-user", default="authpack_owner")
    ap.add_argument("--workdir", default="/tmp/linearizability")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--cases", type=int, default=6)
    ap.add_argument("--ops", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--faults", action="store_true")
    ap.add_argument("--fault-every", type=float, default=20)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--out", default="history.jsonl")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    ports = [int(p) for p in args.ports.split(",")]
    args.tag = seed % 1000000   # create bodies name their case uniquely across runs on one database
    inst = Instances(args)
    rec = Recorder(args.out)
    rec.note("start", seed=seed, ports=ports, clients=args.clients, faults=args.faults)
    try:
        if not args.attach:
            inst.start(ports[0])       # the first one migrates alone
            if not inst.wait_ready(ports[0]):
                sys.exit("instance did not start")
            for p in ports[1:]:
                inst.start(p)
            for p in ports[1:]:
                if not inst.wait_ready(p):
                    sys.exit("instance did not start")
        cases = []
        for i in range(args.cases):
            body = copy.deepcopy(CASE)
            body["patient"]["lastName"] = f"Lin{i}"
            resp = call(rec, -1, "setup", None, ports[i % len(ports)], "POST", "/api/v1/cases", "north.billing", body=body)
            cases.append(resp["body"]["id"])
        rec.note("cases", cases=cases)
        for action in ("CASES_LISTED", "WORKLIST_VIEWED"):
            call(rec, -3, "audit-count-before", action, ports[0], "GET", f"/api/v1/audit?action={action}&size=1", "admin")
        budget = Budget(args.ops, time.time() + args.seconds)
        clients = [Client(i, args, rec, cases, ports, budget, random.Random(seed + i)) for i in range(args.clients)]
        done = threading.Event()
        ft = None
        if args.faults and not args.attach:
            ft = threading.Thread(target=faults, args=(args, inst, rec, ports, done, random.Random(seed - 1)), daemon=True)
            ft.start()
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        done.set()
        if ft:
            ft.join()
        # the end: every instance up, then final reads of every case on every instance
        for p in ports:
            inst.wait_ready(p, timeout=120)
        rec.note("quiesce")
        time.sleep(1)
        for case in cases:
            for p in ports:
                call(rec, -2, "read", case, p, "GET", f"/api/v1/cases/{case}", "north.billing")
                call(rec, -2, "events", case, p, "GET", f"/api/v1/cases/{case}/events", "north.billing")
                call(rec, -2, "documents", case, p, "GET", f"/api/v1/cases/{case}/documents", "north.billing")
        for p in ports:
            call(rec, -2, "list", None, p, "GET", "/api/v1/cases", "north.billing")
        # the audit trail of each case, all pages (final, for the audit check)
        for case in cases:
            page = 0
            while True:
                resp = call(rec, -3, "audit-final", case, ports[0], "GET",
                            f"/api/v1/audit?caseId={case}&size=200&page={page}", "admin", timeout=60)
                if not resp or resp["status"] != 200 or page + 1 >= resp["body"].get("totalPages", 0):
                    break
                page += 1
        for action in ("CASES_LISTED", "WORKLIST_VIEWED"):
            call(rec, -3, "audit-count-after", action, ports[0], "GET", f"/api/v1/audit?action={action}&size=1", "admin")
        rec.note("end")
    finally:
        if not args.attach:
            inst.stop_all()
    print(f"seed {seed}, {rec.n} ids, history in {args.out}")


if __name__ == "__main__":
    main()
