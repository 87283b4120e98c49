#!/usr/bin/env python3
"""Every page of every role at the sizes and settings people use (WCAG 2.1 AA criteria axe-core cannot
judge), in headless Chromium driven through chromedriver's W3C protocol. Standard library only.

Usage: audit.py BASE_URL OUT_DIR [--seed]   (a running service with demo users; see README.md)
"""
import base64, json, os, subprocess, sys, time, urllib.request, urllib.error, socket, tempfile, shutil

PASSWORD = "demo-pass-2026"
SAMPLES = "/work/shared/samples"

# ---------------------------------------------------------------- chromedriver, by hand
class Driver:
    def __init__(self):
        s = socket.socket(); s.bind(("127.0.0.1", 0)); self.port = s.getsockname()[1]; s.close()
        self.proc = subprocess.Popen(["chromedriver", f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        self.profile = tempfile.mkdtemp(prefix="viewport-audit-")
        for _ in range(50):
            try:
                self._call("GET", "/status"); break
            except Exception:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en-US",
                     "--hide-scrollbars", "--window-size=1280,800", "--user-data-dir=" + self.profile]}}}}
        self.sid = self._call("POST", "/session", caps)["sessionId"]
        # the service's Content-Security-Policy refuses inline styles: the injected text spacing with them
        self.cdp("Page.enable")
        self.cdp("Page.setBypassCSP", {"enabled": True})

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: {e.read()[:400]!r}")

    def s(self, method, path, body=None):
        return self._call(method, f"/session/{self.sid}{path}", body)

    def go(self, url):
        self.s("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def cdp(self, cmd, params=None):
        return self.s("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params or {}})

    def find(self, css):
        v = self.s("POST", "/element", {"using": "css selector", "value": css})
        return list(v.values())[0]

    def type(self, css, text):
        self.s("POST", f"/element/{self.find(css)}/value", {"text": text})

    def click_and_wait(self, css):
        marker = self.js("window.__auditMark = Math.random(); return window.__auditMark;")
        self.s("POST", f"/element/{self.find(css)}/click", {})
        for _ in range(300):
            try:
                if self.js("return window.__auditMark === undefined && document.readyState === 'complete';"):
                    return
            except RuntimeError:
                pass
            time.sleep(0.1)
        raise RuntimeError("no next page after clicking " + css)

    def screenshot(self, path, full=True):
        shot = self.cdp("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": full})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    def quit(self):
        try:
            self.s("DELETE", "")
        finally:
            self.proc.terminate(); self.proc.wait()
            shutil.rmtree(self.profile, ignore_errors=True)

# ---------------------------------------------------------------- the settings
TEXT_SPACING = """(() => { const s = document.createElement('style'); s.id = 'audit-text-spacing';
 s.textContent = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }'
  + ' p { margin-bottom: 2em !important; }'; document.head.appendChild(s); })();"""

SETTINGS = {
    # name: (width, height, device scale, media features, text spacing)
    "desk-1280x800": (1280, 800, 1, [], False),
    "reflow-320": (320, 640, 1, [], False),
    "zoom200-1280": (640, 400, 2, [], False),
    "zoom400-1280": (320, 200, 4, [], False),
    "text-spacing-1280": (1280, 800, 1, [], True),
    "text-spacing-320": (320, 640, 1, [], True),
    "tablet-portrait": (768, 1024, 1, [], False),
    "tablet-landscape": (1024, 768, 1, [], False),
    "forced-colors": (1280, 800, 1, [{"name": "forced-colors", "value": "active"},
                                     {"name": "prefers-color-scheme", "value": "dark"}], False),
    "reduced-motion": (1280, 800, 1, [{"name": "prefers-reduced-motion", "value": "reduce"}], False),
}

def apply(d, setting):
    w, h, dpr, media, _ = SETTINGS[setting]
    d.cdp("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": dpr, "mobile": False})
    d.cdp("Emulation.setEmulatedMedia", {"media": "", "features": media})

CHECKS = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "checks.js")).read()

# ---------------------------------------------------------------- the data
def api(base, method, path, body=None, user="north.billing", ctype="application/json", raw=None):
    auth = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + "/api/v1" + path, data=data, method=method,
                                 headers={"Authorization": "Basic " + auth, "Content-Type": ctype,
                                          "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        raise RuntimeError(f"{method} {path}: {e.code} {e.read()[:300]!r}")

def sample(name):
    with open(os.path.join(SAMPLES, name)) as f:
        return json.load(f)

def multipart(fields, files):
    b = "----auditboundary"
    out = b""
    for k, v in fields.items():
        out += f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
    for k, (fn, data, ct) in files.items():
        out += f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{fn}\"\r\nContent-Type: {ct}\r\n\r\n".encode()
        out += data + b"\r\n"
    out += f"--{b}--\r\n".encode()
    return out, "multipart/form-data; boundary=" + b

def seed(base, pdf):
    ids = {}
    full = api(base, "POST", "/cases", sample("01-complete-esketamine.json"))
    ids["full"] = cid = full["id"]
    with open(pdf, "rb") as f:
        data = f.read()
    for title in ("Psychiatric evaluation, November 2026, with the prescriber's treatment-resistance summary",
                  "PHQ-9"):
        body, ct = multipart({"title": title}, {"file": ("notes.pdf", data, "application/pdf")})
        api(base, "POST", f"/cases/{cid}/attachments", raw=body, ctype=ct)
    api(base, "POST", f"/cases/{cid}/packet")
    api(base, "POST", f"/cases/{cid}/estimate")
    api(base, "POST", f"/cases/{cid}/events", {"type": "SUBMITTED", "date": "2026-11-20", "channel": "FAX",
                                               "payerReference": "REF-" + "7" * 30})
    api(base, "POST", f"/cases/{cid}/events", {"type": "APPROVED", "date": "2026-11-25", "authorizationNumber": "AUTH-20261125-0001",
                                               "approvedFrom": "2026-11-26", "approvedTo": "2026-12-10", "approvedSessions": 8})
    api(base, "POST", f"/cases/{cid}/events", {"type": "SESSION_GIVEN", "date": "2026-11-28"})
    denied = api(base, "POST", "/cases", sample("05-cigna-psychosis-attested.json"))
    ids["denied"] = did = denied["id"]
    api(base, "POST", f"/cases/{did}/packet")
    api(base, "POST", f"/cases/{did}/events", {"type": "SUBMITTED", "date": "2026-11-02", "channel": "PORTAL"})
    api(base, "POST", f"/cases/{did}/events", {"type": "DENIED", "date": "2026-11-12",
                                               "reason": "Documentation of two adequate antidepressant trials at therapeutic dose was not supplied with the request; resubmit with pharmacy records."})
    ids["incomplete"] = api(base, "POST", "/cases", sample("02-one-failed-trial.json"))["id"]
    ids["stale"] = api(base, "POST", "/cases", sample("04-stale-severity.json"))["id"]
    ids["selfpay"] = api(base, "POST", "/cases", sample("03-self-pay-ketamine.json"))["id"]
    ids["qualchoice"] = api(base, "POST", "/cases", sample("06-qualchoice-antidepressant-too-recent.json"))["id"]
    return ids

# ---------------------------------------------------------------- the pages
def log_in(d, base, user):
    d.go(base + "/login")
    d.type("#username, [name=username]", user)
    d.type("[name=password]", PASSWORD)
    d.click_and_wait("form.login-form button[type=submit]")

def log_out(d, base):
    d.go(base + "/cases" if True else "")
    try:
        d.click_and_wait("form.logout button")
    except Exception:
        pass

def form_with_errors(d, base, path):
    d.go(base + path)
    # every section wrong: blank the required fields, letters in the numbers, a date in the wrong order
    d.js("""for (const el of document.querySelectorAll('#case-form input:not([type=hidden]):not([type=checkbox]):not([type=radio]), #case-form textarea')) {
              if (el.type === 'date') el.value = '2099-01-01'; else if (el.type === 'number') el.value = '';
              else el.value = el.name && /npi|tin|score|dose|Pct|phone|fax|member/i.test(el.name) ? 'x' : ''; }
            document.querySelectorAll('#case-form [novalidate], #case-form').forEach(f => f.noValidate = true);""")
    d.click_and_wait("#case-form .toolbar button.primary")

def many_trials(d, base, cid):
    d.go(base + f"/cases/{cid}/edit")
    for _ in range(6):
        try:
            d.s("POST", f"/element/{d.find('[data-add-row=medicationTrials]')}/click", {})
        except Exception:
            break

def pages(ids, pdf, policy):
    f, den = ids["full"], ids["denied"]
    billing = [
        ("login", lambda d, b: d.go(b + "/login")),
        ("start", lambda d, b: d.go(b + "/")),
        ("worklist", lambda d, b: d.go(b + "/worklist")),
        ("cases", lambda d, b: d.go(b + "/cases")),
        ("cases-search", lambda d, b: (d.go(b + "/cases"), d.type("#q, [name=q]", "Reyes"),
                                       d.click_and_wait("form.filters button.primary"))),
        ("case-new", lambda d, b: d.go(b + "/cases/new")),
        ("case-new-errors", lambda d, b: form_with_errors(d, b, "/cases/new")),
        ("case-edit-errors", lambda d, b: form_with_errors(d, b, f"/cases/{ids['qualchoice']}/edit")),
        ("case-edit-many-trials", lambda d, b: many_trials(d, b, ids["qualchoice"])),
        ("case-full", lambda d, b: d.go(b + f"/cases/{f}")),
        ("case-denied", lambda d, b: d.go(b + f"/cases/{den}")),
        ("case-incomplete", lambda d, b: d.go(b + f"/cases/{ids['incomplete']}")),
        ("case-selfpay", lambda d, b: d.go(b + f"/cases/{ids['selfpay']}")),
        ("documents", lambda d, b: d.go(b + "/documents")),
        ("fhir-import", lambda d, b: d.go(b + "/cases/import")),
        ("clinic-profile", lambda d, b: d.go(b + "/clinic/profile")),
        ("not-found", lambda d, b: d.go(b + "/cases/00000000-0000-0000-0000-000000000000")),
        ("forbidden", lambda d, b: d.go(b + "/admin/users")),
    ]
    clinic = [
        ("worklist", lambda d, b: d.go(b + "/worklist")),
        ("cases", lambda d, b: d.go(b + "/cases")),
        ("case-full", lambda d, b: d.go(b + f"/cases/{f}")),
        ("documents", lambda d, b: d.go(b + "/documents")),
    ]
    admin = [
        ("admin", lambda d, b: d.go(b + "/admin")),
        ("users", lambda d, b: d.go(b + "/admin/users")),
        ("clinics", lambda d, b: d.go(b + "/admin/clinics")),
        ("audit", lambda d, b: d.go(b + "/admin/audit")),
        ("policies", lambda d, b: d.go(b + "/admin/policies")),
        ("policy-preview", lambda d, b: (d.go(b + "/admin/policies"), d.type("#policy-file", policy),
                                         d.click_and_wait("button[name=preview]"))),
    ]
    return [("north.billing", billing), ("north.clinic", clinic), ("admin", admin)]

def main():
    base, out = sys.argv[1], sys.argv[2]
    only = os.environ.get("AUDIT_SETTINGS", "").split(",") if os.environ.get("AUDIT_SETTINGS") else list(SETTINGS)
    os.makedirs(out, exist_ok=True)
    pdf = os.environ.get("AUDIT_PDF")
    policy = os.environ.get("AUDIT_POLICY")
    ids_file = os.path.join(out, "ids.json")
    if "--seed" in sys.argv or not os.path.exists(ids_file):
        ids = seed(base, pdf)
        json.dump(ids, open(ids_file, "w"))
    ids = json.load(open(ids_file))
    d = Driver()
    results = []
    try:
        for user, scenarios in pages(ids, pdf, policy):
            log_in(d, base, user)
            for name, visit in scenarios:
                for setting in only:
                    apply(d, setting)
                    try:
                        visit(d, base)
                    except Exception as e:
                        results.append({"user": user, "page": name, "setting": setting, "error": str(e)[:300]})
                        continue
                    if SETTINGS[setting][4]:
                        d.js(TEXT_SPACING)
                    time.sleep(0.05)
                    r = d.js(CHECKS)
                    r.update({"user": user, "page": name, "setting": setting, "path": d.js("return location.pathname")})
                    shot = os.path.join(out, f"{user}--{name}--{setting}.png")
                    d.screenshot(shot)
                    results.append(r)
                    print(f"{user:14} {name:22} {setting:18} overflow={r['pageOverflow']:4} clipped={len(r['clipped'])}"
                          f" overlaps={len(r['overlaps'])} broken={len(r['brokenWords'])} small={len(r['smallTargets'])} motion={len(r['motion'])}", flush=True)
            apply(d, "desk-1280x800")
            d.go(base + "/cases")
            try:
                d.click_and_wait("form.logout button")
            except Exception:
                d.cdp("Network.clearBrowserCookies")
    finally:
        d.quit()
        json.dump(results, open(os.path.join(out, "results.json"), "w"), indent=1)

if __name__ == "__main__":
    main()
