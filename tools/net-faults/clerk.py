#!/usr/bin/env python3
"""A clerk's work against running Authpack instances while proxy.py degrades their link to PostgreSQL.

  clerk.py --ports 18100,18101 --control 18152 --psql 'psql -h 127.0.0.1 -p 18150 -U postgres -d authpack' \
           --clients 4 --out run.jsonl

Each client thread works on cases of its own, as a billing clerk does: creates a case (Idempotency-Key),
checks completeness, PUTs it with its version, uploads a chart note, generates a packet and downloads it
(sha256 compared), records SUBMITTED, APPROVED and SESSION_GIVEN events (keys), loads the worklist and the
case page in a signed-in web session, lists cases. A keyed POST without a usable answer is sent again with
the same key (what the 503's detail tells a client to do); a PUT without one is followed by a read.

Meanwhile the main thread runs the fault schedule (--schedule) through the proxy's control port and a
thread polls /actuator/health/readiness once a second. Every request is one JSON line in --out (phase,
method, path, status, seconds, problem title, Retry-After). At the end, with the network healed, every
answered write is checked against the database itself (through --psql): each answered case is there once
(its memberId is unique), at the version last answered, each answered upload and packet with its sha256,
no upload, packet or session doubled.
"""
import argparse, base64, hashlib, http.client, json, os, random, re, socket, subprocess, sys, threading, time, uuid
import urllib.parse
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "linearizability"))
from run import CASE  # noqa: E402  the sample case the linearizability run sends

PASSWORD = "demo-pass-2026"
TODAY = date.today().isoformat()
PDF = open(os.path.join(HERE, "..", "pdf-layout", "attachment.pdf"), "rb").read()

SCHEDULES = {
    # (phase name, proxy command or None, seconds)
    "full": [("baseline", "pass", 20), ("latency-20ms", "latency 20", 30), ("latency-200ms", "latency 200", 40),
             ("latency-1000ms", "latency 1000", 60), ("heal-1", "pass", 15), ("bandwidth-64KBps", "bandwidth 65536", 40),
             ("heal-2", "pass", 15), ("reset-all", "reset", 10), ("reset-before-commit", "reset-before-commit 4", 20),
             ("reset-after-commit", "reset-after-commit 4", 25), ("heal-3", "pass", 15),
             ("blackhole", "blackhole", 90), ("heal-4", "pass", 60), ("refuse", "refuse", 40), ("heal-5", "pass", 45),
             ("proxy-restart", "restart", 20), ("heal-6", "pass", 40)],
    "blackhole": [("baseline", "pass", 15), ("blackhole", "blackhole", 90), ("heal", "pass", 60)],
    "commit": [("baseline", "pass", 10), ("reset-after-commit", "reset-after-commit 6", 40), ("heal", "pass", 20)],
}

lock = threading.Lock()
phase = ["start"]
stop = threading.Event()


def ctl(port, line):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall((line + "\n").encode())
        return s.makefile().readline().strip()


class Http:
    def __init__(self, ports, out, timeout):
        self.ports, self.out, self.timeout = ports, out, timeout

    def send(self, method, path, user=None, body=None, headers=None, cookie=None, ctype=None, port=None):
        port = port or random.choice(self.ports)
        h = dict(headers or {})
        if user:
            h["Authorization"] = "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        if cookie:
            h["Cookie"] = cookie
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            h["Content-Type"] = ctype or "application/json"
        t0 = time.monotonic()
        rec = {"phase": phase[0], "method": method, "path": re.sub(r"[0-9a-f-]{36}", "{id}", path), "port": port}
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=self.timeout)
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            raw = r.read()
            rec.update(status=r.status, retryAfter=r.getheader("Retry-After"), ctype=r.getheader("Content-Type"))
            res = (r.status, raw, r)
            if r.status >= 400 and (r.getheader("Content-Type") or "").startswith("application/problem+json"):
                rec["title"] = json.loads(raw).get("title")
        except (OSError, http.client.HTTPException) as e:
            rec.update(status=None, error=type(e).__name__)
            res = (None, b"", None)
        rec["seconds"] = round(time.monotonic() - t0, 3)
        with lock:
            self.out.write(json.dumps(rec) + "\n")
            self.out.flush()
        return res


class Clerk(threading.Thread):
    def __init__(self, n, http_, ledger):
        super().__init__(daemon=True)
        self.n, self.http, self.ledger, self.cookie = n, http_, ledger, None

    def keyed(self, path, body, ctype=None, tries=40):
        """A POST with an Idempotency-Key, sent again with the same key until it has a real answer."""
        key = str(uuid.uuid4())
        for _ in range(tries):
            status, raw, r = self.http.send("POST", path, "north.billing", body, {"Idempotency-Key": key}, ctype=ctype)
            if status is not None and status < 500 and status != 409:
                return status, raw, r
            if status == 409 and b"Request interrupted" in raw:
                return status, raw, r
            if stop.is_set():
                break
            time.sleep(1 if status != 503 else min(5, int(r.getheader("Retry-After") or 2)))
        return None, b"", None

    def run(self):
        i = 0
        while not stop.is_set():
            i += 1
            try:
                self.one_case(i)
            except Exception as e:  # a surprise in the driver must not end the run silently
                print(f"clerk {self.n}: {type(e).__name__}: {e}", file=sys.stderr)
                time.sleep(1)

    def one_case(self, i):
        token = f"NF{self.n}X{i}X{uuid.uuid4().hex[:6]}"
        body = json.loads(json.dumps(CASE))
        body["patient"]["memberId"] = token
        status, raw, _ = self.keyed("/api/v1/cases", body)
        rec = {"token": token, "answered": status == 201, "status": status}
        self.ledger.append(rec)
        if status != 201:
            rec["unknown"] = True
            return
        case = json.loads(raw)
        cid = rec["id"] = case["id"]
        rec["version"] = case["version"]
        rec.update(uploads=[], packets=[], sessions=0, unknownWrites=0)
        self.http.send("GET", f"/api/v1/cases/{cid}/completeness", "north.billing")
        # PUT with the version; no answer: read to learn what happened
        body["id"], body["version"] = cid, case["version"]
        body["patient"]["groupNumber"] = f"G{i}"
        s, raw, _ = self.http.send("PUT", f"/api/v1/cases/{cid}", "north.billing", body)
        if s == 200:
            rec["version"] = json.loads(raw)["version"]
        else:
            rec["unknownWrites"] += 1 if s is None or s >= 500 else 0
            s2, raw2, _ = self.http.send("GET", f"/api/v1/cases/{cid}", "north.billing")
            if s2 == 200:
                rec["version"] = json.loads(raw2)["version"]
                rec["versionRead"] = True
        # an upload
        boundary = uuid.uuid4().hex
        mp = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nChart note\r\n"
              f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.pdf\"\r\n"
              f"Content-Type: application/pdf\r\n\r\n").encode() + PDF + f"\r\n--{boundary}--\r\n".encode()
        s, raw, _ = self.keyed(f"/api/v1/cases/{cid}/attachments", mp, ctype=f"multipart/form-data; boundary={boundary}")
        if s == 201:
            a = json.loads(raw)
            rec["uploads"].append([a["id"], a["sha256"]])
        elif s is None or s == 409:
            rec["unknownWrites"] += 1
        # a packet, downloaded and compared
        s, raw, _ = self.keyed(f"/api/v1/cases/{cid}/packet", None)
        if s == 201:
            d = json.loads(raw)
            rec["packets"].append([d["id"], d["sha256"]])
            s2, pdf, _ = self.http.send("GET", f"/api/v1/documents/{d['id']}", "north.billing")
            if s2 == 200 and hashlib.sha256(pdf).hexdigest() != d["sha256"]:
                rec.setdefault("badDownloads", []).append(d["id"])
        elif s is None or s == 409:
            rec["unknownWrites"] += 1
        # the lifecycle
        events = [{"type": "SUBMITTED", "date": TODAY, "channel": "FAX"},
                  {"type": "APPROVED", "date": TODAY, "authorizationNumber": f"A{i}", "approvedFrom": TODAY,
                   "approvedTo": (date.today() + timedelta(days=90)).isoformat(), "approvedSessions": 6},
                  {"type": "SESSION_GIVEN", "date": TODAY}, {"type": "SESSION_GIVEN", "date": TODAY}]
        for e in events:
            s, raw, _ = self.keyed(f"/api/v1/cases/{cid}/events", e)
            if s == 201 and e["type"] == "SESSION_GIVEN":
                rec["sessions"] += 1
            elif s is None or s == 409 and b"interrupted" in raw:
                rec["unknownWrites"] += 1
                if e["type"] != "SESSION_GIVEN":
                    break
        # pages
        if self.cookie is None:
            self.sign_in()
        if self.cookie:
            self.http.send("GET", "/worklist", cookie=self.cookie, headers={"Accept": "text/html"})
            self.http.send("GET", f"/cases/{cid}", cookie=self.cookie, headers={"Accept": "text/html"})
        self.http.send("GET", "/api/v1/cases", "north.billing")

    def sign_in(self):
        port = self.http.ports[0]
        s, raw, r = self.http.send("GET", "/login", port=port, headers={"Accept": "text/html"})
        if s != 200:
            return
        m = re.search(rb'name="_csrf"\s+value="([^"]+)"', raw)
        sid = re.search(r"JSESSIONID=([^;]+)", r.getheader("Set-Cookie") or "")
        if not m or not sid:
            return
        form = urllib.parse.urlencode({"username": "north.billing", "password": PASSWORD, "_csrf": m.group(1).decode()})
        s, raw, r = self.http.send("POST", "/login", port=port, body=form.encode(), cookie="JSESSIONID=" + sid.group(1),
                                   ctype="application/x-www-form-urlencoded")
        sid2 = re.search(r"JSESSIONID=([^;]+)", (r.getheader("Set-Cookie") if r else "") or "")
        if s in (302, 303) and sid2:
            self.cookie = "JSESSIONID=" + sid2.group(1)


def readiness(ports, out):
    while not stop.is_set():
        for p in ports:
            t0 = time.monotonic()
            try:
                c = http.client.HTTPConnection("127.0.0.1", p, timeout=30)
                c.request("GET", "/actuator/health/readiness")
                st = c.getresponse().status
            except OSError as e:
                st = type(e).__name__
            with lock:
                out.write(json.dumps({"phase": phase[0], "readiness": st, "port": p,
                                      "seconds": round(time.monotonic() - t0, 3)}) + "\n")
        time.sleep(1)


def psql(cmd, sql):
    return subprocess.run(cmd.split() + ["-tA", "-F", "|", "-c", sql], capture_output=True, text=True, check=True).stdout


def verify(args, ledger):
    problems, n = [], {"answeredCases": 0, "uploads": 0, "packets": 0, "sessions": 0, "unknownWrites": 0}
    for rec in ledger:
        rows = psql(args.psql, f"SELECT id, version FROM cases WHERE member_id = '{rec['token']}'").split()
        if not rec["answered"]:
            if len(rows) > 1:
                problems.append(f"unanswered create {rec['token']} stored {len(rows)} times")
            continue
        n["answeredCases"] += 1
        n["unknownWrites"] += rec.get("unknownWrites", 0)
        if len(rows) != 1:
            problems.append(f"answered create {rec['token']} stored {len(rows)} times")
            continue
        cid, version = rows[0].split("|")
        if cid != rec["id"]:
            problems.append(f"case {rec['token']} has id {cid}, answered {rec['id']}")
        if int(version) < rec["version"]:
            problems.append(f"case {cid} at version {version}, answered {rec['version']}")
        elif int(version) != rec["version"] and not rec.get("unknownWrites"):
            problems.append(f"case {cid} at version {version}, last answered {rec['version']}, no write unanswered")
        for table, items in (("attachments", rec["uploads"]), ("documents", rec["packets"])):
            stored = dict(r.split("|") for r in psql(args.psql, f"SELECT id, sha256 FROM {table} WHERE case_id = '{cid}'"
                                                    + (" AND kind = 'PACKET'" if table == "documents" else "")).split())
            for i, sha in items:
                n["uploads" if table == "attachments" else "packets"] += 1
                if stored.get(i) != sha:
                    problems.append(f"{table} {i} of case {cid}: stored {stored.get(i)}, answered {sha}")
            if len(stored) > len(items) + rec.get("unknownWrites", 0):
                problems.append(f"case {cid}: {len(stored)} {table}, {len(items)} answered: doubled")
        sessions = int(psql(args.psql, f"SELECT count(*) FROM authorization_events WHERE case_id = '{cid}' "
                                       "AND type = 'SESSION_GIVEN'").strip())
        n["sessions"] += rec["sessions"]
        if sessions < rec["sessions"] or sessions > rec["sessions"] + rec.get("unknownWrites", 0):
            problems.append(f"case {cid}: {sessions} sessions stored, {rec['sessions']} answered")
        for d in rec.get("badDownloads", []):
            problems.append(f"document {d}: downloaded bytes differ from the answered sha256")
    return n, problems


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ports", required=True)
    p.add_argument("--control", type=int, required=True)
    p.add_argument("--psql", required=True, help="a psql command line reaching the database directly")
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--schedule", default="full", choices=sorted(SCHEDULES))
    p.add_argument("--timeout", type=float, default=300, help="client timeout per request (s)")
    p.add_argument("--scale", type=float, default=1.0, help="multiplies every phase's length")
    p.add_argument("--out", default="run.jsonl")
    a = p.parse_args()
    ports = [int(x) for x in a.ports.split(",")]
    out = open(a.out, "w")
    http_ = Http(ports, out, a.timeout)
    ledger = []
    threading.Thread(target=readiness, args=(ports, out), daemon=True).start()
    clerks = [Clerk(i, http_, ledger) for i in range(a.clients)]
    for c in clerks:
        c.start()
    for name, command, seconds in SCHEDULES[a.schedule]:
        phase[0] = name
        print(time.strftime("%H:%M:%S"), name, ctl(a.control, command), flush=True)
        time.sleep(seconds * a.scale)
    ctl(a.control, "pass")
    phase[0] = "drain"
    stop.set()
    for c in clerks:
        c.join(timeout=a.timeout + 30)
    n, problems = verify(a, ledger)
    summary = {"counts": n, "problems": problems, "stillRunning": sum(c.is_alive() for c in clerks)}
    out.write(json.dumps({"summary": summary}) + "\n")
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
