#!/usr/bin/env python3
"""Structure-aware fuzzing of Authpack's FHIR import (API and page). See README.md.

    python3 fuzz.py PORT OUTDIR [--log SERVICE_LOG] [--pid SERVICE_PID] [--seed N] [--budget K] [--page-every M]
"""
import argparse
import base64
import glob
import http.client
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutants  # noqa: E402

SHARED_FHIR = "/work/shared/fhir"
SAMPLES = "/work/shared/samples"
PASSWORD = "demo-pass-2026"
STACK = re.compile(r"(\bat [a-z]+\.[\w.$]+\(|Exception\b|\.java:\d+|Caused by)")


def basic(user):
    return "Basic " + base64.b64encode(("%s:%s" % (user, PASSWORD)).encode()).decode()


class Service:
    def __init__(self, port, log_path, pid):
        self.port, self.log_path, self.pid = port, log_path, pid
        self.log_pos = os.path.getsize(log_path) if log_path else 0
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, headers=None, user="north.billing", timeout=300):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        if user:
            h["Authorization"] = basic(user)
        t0 = time.monotonic()
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        took = time.monotonic() - t0
        conn.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data, took

    def json(self, method, path, body=None, user="north.billing"):
        s, h, d, _ = self.request(method, path, body, {"Content-Type": "application/json"} if body else {}, user)
        return s, (json.loads(d) if d and h.get("content-type", "").find("json") >= 0 else d)

    def new_log(self):
        if not self.log_path:
            return []
        with open(self.log_path, "rb") as f:
            f.seek(self.log_pos)
            data = f.read()
        self.log_pos += len(data)
        return data.decode("utf-8", "replace").splitlines()

    def heap_used_mb(self):
        if not self.pid:
            return None
        try:
            out = subprocess.run(["jstat", "-gc", str(self.pid)], capture_output=True, text=True, timeout=20).stdout
            head, vals = out.split("\n")[:2]
            cols = dict(zip(head.split(), vals.split()))
            return round(sum(float(cols[k]) for k in ("S0U", "S1U", "EU", "OU")) / 1024, 1)
        except Exception:  # the service may be gone: the caller notices on its next request
            return None

    def audit_count(self, action):
        s, page = self.json("GET", "/api/v1/audit?action=%s&size=1" % action, user="admin")
        return page["totalItems"] if s == 200 else -1

    def case_count(self):
        s, cases = self.json("GET", "/api/v1/cases")
        return len(cases) if s == 200 else -1

    def login(self):
        s, h, d, _ = self.request("GET", "/login", user=None)
        cookie = h["set-cookie"].split(";")[0]
        csrf = re.search(rb'name="_csrf" value="([^"]+)"', d).group(1).decode()
        s, h, d, _ = self.request("POST", "/login", ("username=north.billing&password=%s&_csrf=%s" % (PASSWORD, csrf))
                                  .encode(), {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
                                  user=None)
        self.cookie = (h.get("set-cookie") or cookie).split(";")[0]
        s, h, d, _ = self.request("GET", "/cases/import", headers={"Cookie": self.cookie}, user=None)
        self.csrf = re.search(rb'name="_csrf" value="([^"]+)"', d).group(1).decode()

    def upload(self, body):
        if not self.cookie:
            self.login()
        b = "----fhirfuzz7Ma4"
        mp = ("--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n--%s\r\nContent-Disposition: "
              "form-data; name=\"file\"; filename=\"bundle.json\"\r\nContent-Type: application/fhir+json\r\n\r\n"
              % (b, self.csrf, b)).encode() + body + ("\r\n--%s--\r\n" % b).encode()
        return self.request("POST", "/cases/import", mp, {"Cookie": self.cookie,
                                                          "Content-Type": "multipart/form-data; boundary=" + b},
                            user=None)


def seeds(svc, out):
    """The shared PAS bundles and the service's own export of each public sample (one with its packet)."""
    found = []
    for path in sorted(glob.glob(os.path.join(SHARED_FHIR, "*.json"))):
        found.append((os.path.basename(path)[:-5], json.load(open(path))))
    for i, path in enumerate(sorted(glob.glob(os.path.join(SAMPLES, "0*.json")))):
        s, case = svc.json("POST", "/api/v1/cases", open(path, "rb").read())
        assert s == 201, case
        if i == 0:
            svc.request("POST", "/api/v1/cases/%s/packet" % case["id"])
        s, h, d, _ = svc.request("GET", "/api/v1/cases/%s/fhir/pas-bundle" % case["id"])
        assert s == 200, d[:300]
        found.append(("export of " + os.path.basename(path)[:-5], json.loads(d)))
    with open(os.path.join(out, "seeds.txt"), "w") as f:
        f.write("\n".join(n for n, _ in found) + "\n")
    return found


def judge(m, via, status, headers, data, took, log_lines, audit_delta, created, result):
    problems = []
    ctype = headers.get("content-type", "")
    text = data.decode("utf-8", "replace")
    ok = status == 201 if via == "api" else status == 302 and "/edit" in headers.get("location", "")
    refused = 400 <= status < 500
    if status >= 500:
        problems.append("5xx")
    if not ok and not refused:
        problems.append("status %d" % status)
    if ok and m.expect == "refuse":
        problems.append("imported a bundle that carries no case")
    review = refused and m.expect == "case"  # a case-carrying bundle refused: a finding only if the 400 is not a reason
    fields = []
    if refused and via == "api":
        if not ctype.startswith("application/problem+json"):
            problems.append("refusal not problem+json: " + ctype)
        else:
            body = json.loads(data)
            fields = [e.get("field") for e in body.get("errors", [])]
            # invalid JSON has no member to name: its line and column (or byte) name the place instead
            if not any(fields) and status == 400 and not re.search(r"\((line \d+|byte \d+)", body.get("detail", "")):
                problems.append("400 names no field: " + body.get("detail", "")[:200])
            if "could not be read" in body.get("detail", ""):
                problems.append("safety net: " + body.get("detail", "")[:200])
    if refused and via == "page":
        if "could not be read" in text:
            problems.append("safety net (page)")
    if STACK.search(text) and status >= 400:
        problems.append("stack or exception text in the answer")
    errors = [l for l in log_lines if " ERROR " in l or l.startswith("\tat ") or "Exception" in l or
              "refused as unreadable" in l]
    if errors:
        problems.append("log: " + " | ".join(l[:240] for l in errors[:3]))
    if took > 5:
        problems.append("slow: %.1f s" % took)
    if audit_delta is not None and audit_delta != 1:
        problems.append("FHIR_IMPORTED audit rows: %d" % audit_delta)
    if created is not None and created != (1 if ok else 0):
        problems.append("cases created: %d" % created)
    result.update(status=status, took=round(took, 3), fields=fields, problems=problems, review=review,
                  detail=(json.loads(data).get("detail", "")[:300] if refused and via == "api" and
                          ctype.startswith("application/problem+json") else ""))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("out")
    ap.add_argument("--log")
    ap.add_argument("--pid", type=int)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--budget", type=int, default=24, help="elements sampled per class and seed bundle")
    ap.add_argument("--page-every", type=int, default=7, help="every Mth mutant also goes through the page")
    ap.add_argument("--only", help="a regular expression on class or description")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    svc = Service(args.port, args.log, args.pid)
    gen = mutants.Generator(args.seed, args.budget)
    counts, worst, heap_max, n = {}, (0, ""), 0, 0
    anomalies = []
    only = re.compile(args.only) if args.only else None
    with open(os.path.join(args.out, "requests.jsonl"), "w") as rec:
        seed_list = seeds(svc, args.out)
        svc.new_log()
        for name, bundle in seed_list:
            heavy = name in ("conformant_pas_bundle_v110", "export of 01-complete-esketamine",
                             "export of 06-qualchoice-antidepressant-too-recent")
            # the seed as it is: a seed the service refuses (a reference outside the bundle) makes no mutant a case
            base = svc.request("POST", "/api/v1/fhir/import", mutants.dumps(bundle),
                               {"Content-Type": "application/fhir+json"})[0]
            svc.new_log()
            for m in gen.all(name, bundle, heavy):
                if only and not only.search(m.cls + " " + m.desc):
                    continue
                if base != 201 and m.expect == "case":
                    m = m._replace(expect="either")
                for via in ("api", "page") if n % args.page_every == 0 or m.cls in ("encoding", "dup-key") else ("api",):
                    imports0 = svc.audit_count("FHIR_IMPORTED")
                    cases0 = svc.audit_count("CASE_CREATED")
                    try:
                        if via == "api":
                            s, h, d, took = svc.request("POST", "/api/v1/fhir/import", m.body,
                                                        {"Content-Type": "application/fhir+json"})
                        else:
                            if len(m.body) > 24_000_000:
                                continue
                            s, h, d, took = svc.upload(m.body)
                    except Exception as e:  # the service ended or hung up
                        s, h, d, took = 599, {}, repr(e).encode(), 0
                    heap = svc.heap_used_mb() if len(m.body) > 1_000_000 or n % 50 == 0 else None
                    if heap:
                        heap_max = max(heap_max, heap)
                    result = {"n": n, "via": via, "cls": m.cls, "desc": m.desc[:300], "bytes": len(m.body),
                              "expect": m.expect, "fhir_path": m.fhir_path, "heap_mb": heap}
                    problems = judge(m, via, s, h, d, took, svc.new_log(), svc.audit_count("FHIR_IMPORTED") - imports0,
                                     svc.audit_count("CASE_CREATED") - cases0, result)
                    rec.write(json.dumps(result) + "\n")
                    key = "%s/%s/%s" % (via, m.cls, "ok" if s in (201, 302) else s)
                    counts[key] = counts.get(key, 0) + 1
                    if took > worst[0]:
                        worst = (took, "%s %s (%d bytes)" % (via, m.desc[:120], len(m.body)))
                    if problems:
                        anomalies.append(result)
                        print("ANOMALY", via, m.cls, m.desc[:140], s, problems, flush=True)
                    if s == 599:
                        print("service unreachable; stopping", flush=True)
                        break
                n += 1
                if n % 100 == 0:
                    print("%d mutants, worst %.2f s, heap max %s MB" % (n, worst[0], heap_max), flush=True)
    summary = {"mutants": n, "requests": sum(counts.values()), "counts": counts, "worst_seconds": round(worst[0], 2), "worst": worst[1],
               "heap_max_mb": heap_max, "anomalies": len(anomalies)}
    json.dump({"summary": summary, "anomalies": anomalies}, open(os.path.join(args.out, "result.json"), "w"), indent=1)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
