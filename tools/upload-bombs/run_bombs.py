#!/usr/bin/env python3
"""Uploads each hostile PDF to a running service and follows it everywhere an attachment goes: API and
page upload, packet, packet page previews, appeal packet (and its preview), PAS bundle, attachment download.
Per step: wall time, status, service CPU seconds, peak heap used (jstat), peak RSS, the worst latency of a
probe request sent every 250 ms, and the lines the step added to the service log. Restarts the service
when it died. Usage:
  run_bombs.py --port 18740 --jar JAR --templates DIR --workdir DIR --log FILE --out FILE --sample CASE.json BOMB.pdf...
Prints one JSON line per step and writes them to --out."""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

import requests

USER = ("north.billing", "demo-pass-2026")


class Service:
    def __init__(self, a):
        self.a = a
        self.proc = None

    def start(self):
        os.makedirs(self.a.workdir, exist_ok=True)
        log = open(self.a.log, "ab")
        opts = self.a.jvm_options
        self.proc = subprocess.Popen(["java", "@" + os.path.abspath(opts), "-jar", self.a.jar,
                                      "--server.port=%d" % self.a.port, "--authpack.templates.dir=" + self.a.templates],
                                     cwd=self.a.workdir, stdout=log, stderr=subprocess.STDOUT)
        for _ in range(600):
            try:
                if requests.get(self.url("/actuator/health"), timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if self.proc.poll() is not None:
                raise SystemExit("service exited at start")
            time.sleep(0.5)
        self.jstat = subprocess.Popen(["jstat", "-gc", str(self.proc.pid), "250"], stdout=subprocess.PIPE, text=True)
        self.heap = []  # (time, used MB)
        threading.Thread(target=self._read_jstat, daemon=True).start()

    def _read_jstat(self):
        cols = None
        for line in self.jstat.stdout:
            parts = line.split()
            if parts and parts[0] == "S0C":
                cols = parts
                continue
            if cols and len(parts) == len(cols):
                v = dict(zip(cols, parts))
                try:
                    used = sum(float(v[k]) for k in ("S0U", "S1U", "EU", "OU")) / 1024
                except ValueError:
                    continue
                self.heap.append((time.time(), used))

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.jstat.poll() is None:
            self.jstat.terminate()
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.a.port, path)

    def cpu(self):
        try:
            f = open("/proc/%d/stat" % self.proc.pid).read().rsplit(")", 1)[1].split()
            return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            return None

    def rss(self):
        try:
            for line in open("/proc/%d/status" % self.proc.pid):
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) / 1024
        except OSError:
            return None


class Monitor:
    """During one step: a health probe every 250 ms (worst latency, failures) and the peak RSS."""

    def __init__(self, svc):
        self.svc = svc

    def __enter__(self):
        self.stop = False
        self.worst = 0.0
        self.failures = 0
        self.rss = 0.0
        self.t0 = time.time()
        self.cpu0 = self.svc.cpu()
        self.log0 = count_lines(self.svc.a.log)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def _run(self):
        while not self.stop:
            start = time.time()
            try:
                requests.get(self.svc.url("/actuator/health"), timeout=30)
            except requests.RequestException:
                self.failures += 1
            self.worst = max(self.worst, time.time() - start)
            self.rss = max(self.rss, self.svc.rss() or 0)
            time.sleep(max(0, 0.25 - (time.time() - start)))

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join()
        self.t1 = time.time()
        cpu1 = self.svc.cpu()
        self.cpu = None if cpu1 is None or self.cpu0 is None else round(cpu1 - self.cpu0, 2)
        heap = [h for t, h in self.svc.heap if self.t0 - 0.3 <= t <= self.t1 + 0.3]
        self.heap = round(max(heap), 1) if heap else None
        self.loglines = count_lines(self.svc.a.log) - self.log0


def count_lines(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for _ in f)
    except OSError:
        return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=18740)
    p.add_argument("--jar", required=True)
    p.add_argument("--templates", required=True)
    p.add_argument("--jvm-options", default=os.path.join(os.path.dirname(__file__), "..", "launch", "jvm.options"))
    p.add_argument("--workdir", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--sample", required=True)
    p.add_argument("--timeout", type=int, default=180)
    p.add_argument("bombs", nargs="+")
    a = p.parse_args()
    svc = Service(a)
    svc.start()
    out = open(a.out, "a")
    case_json = open(a.sample).read()
    try:
        for bomb in a.bombs:
            run_one(svc, a, bomb, case_json, out)
            if not svc.alive():
                out.write(json.dumps({"bomb": os.path.basename(bomb), "step": "service", "note": "died; restarting"}) + "\n")
                out.flush()
                svc.start()
    finally:
        svc.stop()


def run_one(svc, a, bomb, case_json, out):
    name = os.path.basename(bomb)[:-4]
    api = requests.Session()
    api.auth = USER
    hdr = {"Content-Type": "application/json"}
    cid = api.post(svc.url("/api/v1/cases"), data=case_json, headers=hdr).json()["id"]
    data = open(bomb, "rb").read()

    def step(label, fn):
        if not svc.alive():
            return None
        with Monitor(svc) as m:
            try:
                r = fn()
                status, detail = r.status_code, summary(r)
            except requests.RequestException as e:
                r, status, detail = None, "error", type(e).__name__
        row = {"bomb": name, "step": label, "status": status, "wall": round(m.t1 - m.t0, 2), "cpu": m.cpu,
               "heapMB": m.heap, "rssMB": round(m.rss), "probeWorst": round(m.worst, 2),
               "probeFailures": m.failures, "logLines": m.loglines, "alive": svc.alive(), "detail": detail}
        print(json.dumps(row), flush=True)
        out.write(json.dumps(row) + "\n")
        out.flush()
        return r

    t = a.timeout
    r = step("upload-api", lambda: api.post(svc.url("/api/v1/cases/%s/attachments" % cid),
                                            files={"file": (name + ".pdf", data, "application/pdf")},
                                            data={"title": name}, timeout=t))
    if not svc.alive():
        return
    # the case page's form, on a case of its own
    web = login(svc)
    cid2 = api.post(svc.url("/api/v1/cases"), data=case_json, headers=hdr).json()["id"]
    page = web.get(svc.url("/cases/%s" % cid2), timeout=30).text
    token = csrf(page)
    step("upload-page", lambda: page_upload(web, svc, cid2, name, data, token, api, t))
    if r is None or r.status_code != 201 or not svc.alive():
        return
    aid = r.json()["id"]
    packet = step("packet", lambda: api.post(svc.url("/api/v1/cases/%s/packet" % cid), timeout=t))
    if packet is not None and packet.status_code == 201:
        doc = packet.json().get("documentId") or packet.json().get("id")
        step("preview", lambda: preview(web, svc, doc, t))
        if not svc.alive():
            return
        api.post(svc.url("/api/v1/cases/%s/events" % cid), json={"type": "SUBMITTED", "date": "2026-11-20", "channel": "FAX"})
        api.post(svc.url("/api/v1/cases/%s/events" % cid), json={"type": "DENIED", "date": "2026-11-25", "reason": "Not medically necessary"})
        appeal = step("appeal", lambda: api.post(svc.url("/api/v1/cases/%s/appeal-packet" % cid), timeout=t))
        if appeal is not None and appeal.status_code == 201:
            adoc = appeal.json().get("documentId") or appeal.json().get("id")
            step("appeal-preview", lambda: preview(web, svc, adoc, t))
        step("pas-bundle", lambda: api.get(svc.url("/api/v1/cases/%s/fhir/pas-bundle" % cid), timeout=t))
    step("download", lambda: api.get(svc.url("/api/v1/cases/%s/attachments/%s" % (cid, aid)), timeout=t))


class Combined:
    def __init__(self, status, text):
        self.status_code = status
        self.text = text
        self.headers = {}


def preview(web, svc, doc, t):
    statuses = []
    for n in (1, 2):
        statuses.append(web.get(svc.url("/documents/%s/pages/%d" % (doc, n)), timeout=t).status_code)
    return Combined(max(statuses), "pages " + ",".join(map(str, statuses)))


def page_upload(web, svc, cid, name, data, token, api, t):
    r = web.post(svc.url("/cases/%s/attachments" % cid), files={"file": (name + ".pdf", data, "application/pdf")},
                 data={"title": name, "_csrf": token}, timeout=t, allow_redirects=True)
    n = len(api.get(svc.url("/api/v1/cases/%s/attachments" % cid), timeout=30).json())
    m = re.search(r'class="[^"]*(?:problem|error|flash)[^"]*"[^>]*>(.*?)</', r.text, re.S)
    return Combined(r.status_code, ("stored " if n else "refused ") + (re.sub(r"\s+", " ", m.group(1)).strip()[:160] if m else ""))


def login(svc):
    s = requests.Session()
    token = csrf(s.get(svc.url("/login"), timeout=30).text)
    s.post(svc.url("/login"), data={"username": USER[0], "password": USER[1], "_csrf": token}, timeout=30)
    return s


def csrf(html):
    m = re.search(r'name="_csrf"\s+value="([^"]+)"', html) or re.search(r'value="([^"]+)"\s+name="_csrf"', html)
    return m.group(1) if m else ""


def summary(r):
    ct = r.headers.get("Content-Type", "")
    if "json" in ct and r.status_code >= 400:
        try:
            j = r.json()
            return (j.get("title", "") + ": " + json.dumps(j.get("errors") or j.get("detail") or "")[:200])
        except ValueError:
            pass
    if isinstance(r, Combined):
        return r.text
    return "%s %d bytes" % (ct.split(";")[0], len(r.content))


if __name__ == "__main__":
    main()
