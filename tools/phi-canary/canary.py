#!/usr/bin/env python3
"""PHI canary driver: puts unique marker strings into every PHI-bearing field of many cases, through every
entry path, exercises the service, and writes the canaries it used to canaries.json for scan.py.

    python3 canary.py http://localhost:18076 OUT_DIR [rounds]

Needs a running service with demo users (password demo-pass-2026). Only synthetic data.
"""
import base64, copy, json, os, random, re, string, sys, uuid
import requests

BASE = sys.argv[1].rstrip('/')
OUT = sys.argv[2]
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
PW = 'demo-pass-2026'
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, '..', '..', 'src', 'test', 'resources', 'samples', '01-complete-esketamine.json')
south_cases = []
rnd = random.Random(int.from_bytes(os.urandom(4), 'big'))
canaries = []      # {core, field, case, path}
requests_made = []  # (who, method, path, status)
expected_reads = {}  # case id -> list of read kinds we did


def tok():
    return ''.join(rnd.choice(string.ascii_lowercase + string.digits) for _ in range(8))


def canary(field, path, decorate=True, split=False):
    """CNRY + token + field tag; decorated variants carry characters that escaping changes."""
    core = 'CNRY' + tok() + field
    canaries.append({'core': core, 'field': field, 'path': path})
    if not decorate:
        return core
    choice = rnd.choice(['plain', 'quote', 'html', 'unicode', 'escape'] + (['split'] * 3 if split else []))
    if choice == 'split':
        # split across a line break: found as such, with the break escaped, or with it turned into a space
        split = core[:7] + '\n' + core[7:]
        canaries[-1]['variants'] = [split, split.replace('\n', '\\n'), split.replace('\n', '\r\n'),
                                    split.replace('\n', ' '), split.replace('\n', '&#10;'), split.replace('\n', '%0A')]
        return split
    return {'plain': core, 'quote': core + " O'Brien", 'html': core + ' <b>&amp;"x"</b>',
            'unicode': core + ' \u00e9\u00df\u4e2d', 'escape': core + '\\"q'}[choice]


used_dates = set()


def unique_date():
    while True:
        d = '19%02d-%02d-%02d' % (rnd.randint(10, 29), rnd.randint(1, 12), rnd.randint(1, 28))
        if d not in used_dates:
            used_dates.add(d)
            return d


def basic(user):
    return (user, PW)


def api(method, path, user, **kw):
    kw.setdefault('allow_redirects', False)
    r = requests.request(method, BASE + path, auth=basic(user) if user else None, timeout=120, **kw)
    requests_made.append((user, method, path, r.status_code))
    record(r, user)
    return r


responses_dir = None


def record(r, who):
    """Every answer's status line, headers and body go to OUT/responses for the scan."""
    global responses_dir
    responses_dir = responses_dir or os.path.join(OUT, 'responses')
    os.makedirs(responses_dir, exist_ok=True)
    n = len(os.listdir(responses_dir))
    with open(os.path.join(responses_dir, '%05d.txt' % n), 'wb') as f:
        f.write(('%s %s -> %d\n' % (r.request.method, r.request.url, r.status_code)).encode())
        f.write(('REQUEST-USER %s\n' % who).encode())
        for k, v in r.headers.items():
            f.write(('%s: %s\n' % (k, v)).encode())
        f.write(b'\n')
        f.write(r.content)


class Browser:
    def __init__(self, user):
        self.s = requests.Session()
        self.user = user
        self.csrf = None
        self.get('/login')
        r = self.post('/login', {'username': user, 'password': PW})
        assert r.status_code == 302 and 'error' not in r.headers.get('Location', ''), (user, r.status_code, r.headers)

    def _csrf(self, html):
        m = re.search(r'name="_csrf"\s+value="([^"]+)"|value="([^"]+)"\s+name="_csrf"', html)
        if m:
            self.csrf = m.group(1) or m.group(2)

    def get(self, path):
        r = self.s.get(BASE + path, allow_redirects=False, timeout=120)
        requests_made.append(('web:' + self.user, 'GET', path, r.status_code))
        record(r, 'web:' + self.user)
        if 'text/html' in r.headers.get('Content-Type', ''):
            self._csrf(r.text)
        return r

    def post(self, path, data, files=None):
        data = list(data.items()) if isinstance(data, dict) else list(data)
        if self.csrf:
            data.append(('_csrf', self.csrf))
        r = self.s.post(BASE + path, data=data, files=files, allow_redirects=False, timeout=120)
        requests_made.append(('web:' + self.user, 'POST', path, r.status_code))
        record(r, 'web:' + self.user)
        if 'text/html' in r.headers.get('Content-Type', ''):
            self._csrf(r.text)
        return r

    def follow(self, r):
        loc = r.headers.get('Location')
        if loc:
            return self.get(loc.replace(BASE, ''))
        return r


def pdf_with(text, title):
    """A one-page PDF whose page text and Info title carry canaries."""
    stream = ('BT /F1 12 Tf 72 720 Td (%s) Tj ET' % text).encode()
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
            b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'\nendstream',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
            ('<< /Title (%s) /Author (%s) >>' % (title, title)).encode()]
    out = b'%PDF-1.4\n'
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, x)
    return out


def canary_case(label):
    body = json.load(open(SAMPLE))
    p = body['patient']
    p['firstName'] = canary('FN', label)
    p['lastName'] = canary('LN', label)
    dob = unique_date()
    canaries.append({'core': dob, 'field': 'DOB', 'path': label, 'date': True})
    p['dateOfBirth'] = dob
    p['memberId'] = canary('MI', label, decorate=False)
    p['groupNumber'] = canary('GN', label, decorate=False)
    body['coverage']['payerName'] = canary('PY', label)
    body['prescriber']['name'] = canary('PN', label)
    body['prescriber']['phone'] = canary('PH', label, decorate=False)
    body['facility']['address'] = canary('AD', label)
    for t in body['medicationTrials']:
        t['drug'] = t['drug'] + ' ' + canary('TR', label)
    body['psychotherapy'][0]['modality'] = canary('PS', label)
    body['request']['lines'][0]['description'] = canary('LD', label)
    return body


def main():
    os.makedirs(OUT, exist_ok=True)
    north = Browser('north.billing')
    south = Browser('south.billing')
    nclin = Browser('north.clinic')
    admin = Browser('admin')
    cases = []
    global south_cases

    # --- entry path: clinic profile (web form)
    r = north.get('/clinic/profile')
    prof = dict(re.findall(r'name="([^"_][^"]*)"[^>]*value="([^"]*)"', r.text))
    prof.update({'facilityName': canary('CPN', 'profile'), 'facilityAddress': canary('CPA', 'profile'),
                 'prescribers[0].name': canary('CPP', 'profile'), 'prescribers[0].phone': '(555) 123-4567',
                 'prescribers[0].npi': '1234567893', 'prescribers[0].specialty': 'PSYCHIATRY'})
    north.follow(north.post('/clinic/profile', prof))
    north.get('/clinic/profile')

    for rnd_i in range(ROUNDS):
        # --- entry path: API JSON with Idempotency-Key, then a conflicting replay and a replay
        body = canary_case('api-%d' % rnd_i)
        key = str(uuid.uuid4())
        r = api('POST', '/api/v1/cases', 'north.billing', json=body, headers={'Idempotency-Key': key})
        assert r.status_code == 201, r.text
        cid = r.json()['id']
        cases.append(cid)
        api('POST', '/api/v1/cases', 'north.billing', json=body, headers={'Idempotency-Key': key})  # replay
        b2 = copy.deepcopy(body); b2['patient']['lastName'] = canary('IK', 'api-%d' % rnd_i)
        api('POST', '/api/v1/cases', 'north.billing', json=b2, headers={'Idempotency-Key': key})  # conflict
        b3 = canary_case('south-%d' % rnd_i)
        r3 = api('POST', '/api/v1/cases', 'south.billing', json=b3, headers={'Idempotency-Key': key})  # other clinic, same key
        if r3.status_code == 201:
            south_cases.append(r3.json()['id'])
        # reads
        api('GET', '/api/v1/cases/' + cid, 'north.billing')
        api('GET', '/api/v1/cases/' + cid, 'north.clinic')
        api('GET', '/api/v1/cases', 'north.billing')
        api('GET', '/api/v1/cases/' + cid + '/completeness', 'north.billing')
        # errors that may echo values
        v = api('GET', '/api/v1/cases/' + cid, 'north.billing').json()['version']
        bad = copy.deepcopy(body); bad['version'] = v + 7
        api('PUT', '/api/v1/cases/' + cid, 'north.billing', json=bad)  # stale version
        bad = copy.deepcopy(body); bad['diagnosis']['icd10'] = canary('BX', 'err', False)
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        bad = copy.deepcopy(body); bad['patient']['sex'] = canary('BS', 'err', False)
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        bad = copy.deepcopy(body); bad['patient']['dateOfBirth'] = canary('BD', 'err', False)
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        bad = copy.deepcopy(body); bad['patient']['lastName'] = canary('BL', 'err', False) + 'x' * 200
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        bad = copy.deepcopy(body); bad['prescriber']['npi'] = canary('BN', 'err', False)
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        bad = copy.deepcopy(body); bad['patient'][canary('BK', 'err', False)] = 'x'
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        bad = copy.deepcopy(body); bad['request']['sessions'] = canary('BI', 'err', False)
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        bad = copy.deepcopy(body); bad['policyId'] = canary('BP', 'err', False)
        api('POST', '/api/v1/cases', 'north.billing', json=bad)
        raw = json.dumps(body)[:-1] + ', "patient": {"lastName": "%s"}}' % canary('BU', 'err', False)
        api('POST', '/api/v1/cases', 'north.billing', data=raw, headers={'Content-Type': 'application/json'})
        api('POST', '/api/v1/cases', 'north.billing', data='{"patient": {"lastName": "%s"' % canary('BT', 'err', False),
            headers={'Content-Type': 'application/json'})
        api('PUT', '/api/v1/cases/' + cid, 'north.billing', data=json.dumps(body), headers={'Content-Type': 'text/plain'})
        # packet, estimate, documents
        api('POST', '/api/v1/cases/' + cid + '/packet', 'north.billing')
        api('POST', '/api/v1/cases/' + cid + '/packet?exception=true', 'north.billing')
        api('POST', '/api/v1/cases/' + cid + '/estimate', 'north.billing')
        api('POST', '/api/v1/cases/' + cid + '/estimate?lang=es', 'north.billing')
        # attachment: canary title, file name, content
        att_title = canary('AT', 'api-%d' % rnd_i, split=True)
        fname = canary('AF', 'api-%d' % rnd_i, False) + '.pdf'
        pdf = pdf_with(canary('AC', 'api-%d' % rnd_i, False), canary('AM', 'api-%d' % rnd_i, False))
        r = api('POST', '/api/v1/cases/' + cid + '/attachments', 'north.billing',
                files={'file': (fname, pdf, 'application/pdf')}, data={'title': att_title})
        att = r.json().get('id') if r.status_code == 201 else None
        api('POST', '/api/v1/cases/' + cid + '/attachments', 'north.billing',
            files={'file': (canary('AX', 'err', False) + '.pdf', b'not a pdf ' + canary('AY', 'err', False).encode(), 'application/pdf')},
            data={'title': canary('AZ', 'err', False)})
        api('GET', '/api/v1/cases/' + cid + '/attachments', 'north.billing')
        if att:
            api('GET', '/api/v1/cases/' + cid + '/attachments/' + att, 'north.billing')
            api('GET', '/api/v1/cases/' + cid + '/attachments/' + att, 'south.billing')
        api('POST', '/api/v1/cases/' + cid + '/packet', 'north.billing')
        docs = api('GET', '/api/v1/cases/' + cid + '/documents', 'north.billing').json()
        for d in docs:
            api('GET', '/api/v1/documents/' + d['id'], 'north.clinic')
            api('GET', '/api/v1/documents/' + d['id'], 'south.billing')
            north.get('/documents/' + d['id'])
            north.get('/documents/' + d['id'] + '/pages/1')
            south.get('/documents/' + d['id'] + '/pages/1')
        north.get('/cases/' + cid + '/fhir/pas-bundle')
        south.get('/cases/' + cid + '/fhir/pas-bundle')
        if att:
            north.get('/cases/' + cid)
            north.follow(north.post('/cases/%s/attachments/%s/remove' % (cid, att), {}))
            api('GET', '/api/v1/cases/' + cid + '/attachments/removed', 'north.billing')
            api('GET', '/api/v1/cases/' + cid + '/attachments/removed', 'south.billing')
            api('POST', '/api/v1/cases/%s/attachments/%s/restore' % (cid, att), 'north.billing')
        # lifecycle: submitted, denied (reason), appealed (note), appeal packet, approved, session, reauth
        today = '2026-11-28'
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': 'SUBMITTED', 'date': today, 'channel': 'FAX', 'payerReference': canary('ER', 'api-%d' % rnd_i)})
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': 'PENDED', 'date': today, 'note': canary('EP', 'api-%d' % rnd_i, split=True)})
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': 'DENIED', 'date': today, 'reason': canary('ED', 'api-%d' % rnd_i, split=True)})
        api('POST', '/api/v1/cases/' + cid + '/appeal-packet', 'north.billing')
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': 'APPEALED', 'date': today, 'note': canary('EA', 'api-%d' % rnd_i, split=True)})
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': 'APPROVED', 'date': today, 'authorizationNumber': canary('EN', 'api-%d' % rnd_i, False),
                  'approvedFrom': '2026-11-28', 'approvedTo': '2026-12-10', 'approvedSessions': 2})
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': 'SESSION_GIVEN', 'date': '2026-11-30', 'codes': [canary('EC', 'api-%d' % rnd_i, False)]})
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': 'WITHDRAWN', 'date': '2026-11-30', 'note': canary('EW', 'err', False)})  # 409 + extra member
        api('POST', '/api/v1/cases/' + cid + '/events', 'north.billing',
            json={'type': canary('ET', 'err', False), 'date': today})
        api('GET', '/api/v1/cases/' + cid + '/events', 'north.clinic')
        api('GET', '/api/v1/cases/' + cid + '/events', 'south.billing')
        api('GET', '/api/v1/worklist', 'north.billing')
        api('GET', '/api/v1/worklist', 'south.billing')
        r = api('POST', '/api/v1/cases/' + cid + '/reauthorization', 'north.billing')
        if r.status_code == 201:
            cases.append(r.json()['id'])
        # FHIR export; re-import with fresh canaries
        r = api('GET', '/api/v1/cases/' + cid + '/fhir/pas-bundle', 'north.billing')
        api('GET', '/api/v1/cases/' + cid + '/fhir/pas-bundle', 'south.billing')
        if r.status_code == 200:
            bundle = r.json()
            for e in bundle.get('entry', []):
                res = e.get('resource', {})
                if res.get('resourceType') == 'Patient':
                    res['name'] = [{'family': canary('FL', 'fhir-%d' % rnd_i), 'given': [canary('FG', 'fhir-%d' % rnd_i)]}]
                    res['identifier'] = [{'system': 'urn:x', 'value': canary('FI', 'fhir-%d' % rnd_i, False)}]
                    fd = unique_date()
                    canaries.append({'core': fd, 'field': 'FDOB', 'path': 'fhir', 'date': True})
                    res['birthDate'] = fd
            r = api('POST', '/api/v1/fhir/import', 'north.billing', data=json.dumps(bundle),
                    headers={'Content-Type': 'application/fhir+json'})
            # the same through the import page, with other canaries
            for e in bundle.get('entry', []):
                res = e.get('resource', {})
                if res.get('resourceType') == 'Patient':
                    res['name'] = [{'family': canary('HL', 'webfhir-%d' % rnd_i), 'given': [canary('HG', 'webfhir-%d' % rnd_i)]}]
                    res['identifier'] = [{'system': 'urn:x', 'value': canary('HI', 'webfhir-%d' % rnd_i, False)}]
            north.get('/cases/import')
            north.follow(north.post('/cases/import', {}, files={'file': (canary('HF', 'webfhir', False) + '.json',
                                                                          json.dumps(bundle).encode(), 'application/json')}))
            north.get('/cases/import')
            north.follow(north.post('/cases/import', {}, files={'file': ('b.json', b'{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "name": [{"family": "'
                                                                          + canary('HB', 'err', False).encode() + b'"}]}}], "x": ', 'application/json')}))
            if r.status_code == 201:
                cases.append(r.json()['case']['id'])
            # a broken bundle that echoes
            bad = {'resourceType': 'Bundle', 'type': 'collection', 'entry': [
                {'fullUrl': 'urn:uuid:' + canary('FU', 'err', False), 'resource': {'resourceType': 'Patient', 'name': [{'family': canary('FB', 'err', False)}],
                                                                                  'managingOrganization': {'reference': 'Organization/' + canary('FR', 'err', False)}}}]}
            api('POST', '/api/v1/fhir/import', 'north.billing', data=json.dumps(bad), headers={'Content-Type': 'application/fhir+json'})
            bad['entry'][0]['resource']['birthDate'] = canary('FD', 'err', False)
            api('POST', '/api/v1/fhir/import', 'north.billing', data=json.dumps(bad), headers={'Content-Type': 'application/fhir+json'})

        # --- entry path: web form (CSRF)
        label = 'web-%d' % rnd_i
        north.get('/cases/new')
        form = {'policyId': 'esketamine-standard', 'patient.firstName': canary('WF', label), 'patient.lastName': canary('WL', label),
                'patient.dateOfBirth': unique_date(), 'patient.memberId': canary('WM', label, False),
                'patient.groupNumber': canary('WG', label, False), 'patient.sex': 'female',
                'coverage.payerName': canary('WY', label), 'prescriber.name': canary('WP', label),
                'diagnosis.icd10': 'F33.2', 'medicationTrials[0].drug': 'sertraline ' + canary('WT', label),
                'psychotherapy[0].modality': canary('WS', label), 'request.treatment': 'ESKETAMINE',
                'request.lines[0].code': 'G2083', 'request.lines[0].description': canary('WD', label)}
        canaries.append({'core': form['patient.dateOfBirth'], 'field': 'WDOB', 'path': label, 'date': True})
        r = north.post('/cases/new', form)
        loc = r.headers.get('Location', '')
        m = re.search(r'/cases/([0-9a-f-]{36})', loc)
        if m:
            wid = m.group(1)
            cases.append(wid)
            north.get('/cases/' + wid)
            e = north.get('/cases/' + wid + '/edit')
            # form with errors: echoes
            bad = dict(form); bad['patient.dateOfBirth'] = canary('WB', 'err', False); bad['prescriber.npi'] = canary('WN', 'err', False)
            bad['version'] = (re.search(r'name="version"[^>]*value="(\d+)"', e.text) or re.search(r'value="(\d+)"[^>]*name="version"', e.text)).group(1)
            north.post('/cases/' + wid + '/edit', bad)
            north.post('/cases/' + wid + '/edit', dict(form, version='999'))
            pdf = pdf_with(canary('WC', label, False), canary('WX', label, False))
            north.get('/cases/' + wid)
            north.follow(north.post('/cases/' + wid + '/attachments', {'title': canary('WA', label, split=True)},
                                    files={'file': (canary('WN', label, False) + '.pdf', pdf, 'application/pdf')}))
            north.follow(north.post('/cases/' + wid + '/packet', {}))
            north.follow(north.post('/cases/' + wid + '/estimate', {}))
            dp = north.get('/cases/' + wid)
            for did in sorted(set(re.findall(r'/documents/([0-9a-f-]{36})', dp.text))):
                north.get('/documents/' + did)
                north.get('/documents/' + did + '/pages/1')
                south.get('/documents/' + did)
                south.get('/documents/' + did + '/pages/1')
            for aid in sorted(set(re.findall(r'/cases/%s/attachments/([0-9a-f-]{36})' % wid, dp.text + north.get('/cases/' + wid).text))):
                north.get('/cases/%s/attachments/%s' % (wid, aid))
                south.get('/cases/%s/attachments/%s' % (wid, aid))
            north.follow(north.post('/cases/' + wid + '/events', {'type': 'SUBMITTED', 'date': '2026-11-28', 'channel': 'PORTAL',
                                                                   'payerReference': canary('WR', label, split=True)}))
            north.follow(north.post('/cases/' + wid + '/events', {'type': 'DENIED', 'date': '2026-11-28', 'reason': canary('WE', label, split=True)}))
            north.follow(north.post('/cases/' + wid + '/events', {'type': 'DENIED', 'date': canary('WZ', 'err', False), 'reason': canary('WQ', 'err')}))
            north.follow(north.post('/cases/' + wid + '/appeal-packet', {}))
            north.follow(north.post('/cases/' + wid + '/copy', {}))
            south.get('/cases/' + wid)
            south.get('/cases/' + wid + '/edit')
            south.get('/cases/' + wid + '/documents')
            south.post('/cases/' + wid + '/copy', {})
            nclin.get('/cases/' + wid)
        # web FHIR import page with the exported bundle
        north.get('/cases/import')
        if r is not None:
            pass

        # searches (kept in the session), lists, sorting, paging
        north.follow(north.post('/cases/search', {'q': canary('SQ', 'search')}))
        north.follow(north.post('/cases/search', {'q': body['patient']['memberId']}))
        north.get('/cases?sort=patient&dir=asc')
        north.get('/cases?page=1')
        north.follow(north.post('/documents/search', {'q': canary('SD', 'search'), 'kind': 'PACKET'}))
        north.follow(north.post('/documents/search', {'q': body['patient']['lastName'][:12]}))
        north.get('/documents?page=1')
        north.get('/documents?kind=ESTIMATE')
        north.get('/')
        north.get('/worklist')
        nclin.get('/worklist')
        south.get('/')
        south.get('/cases')
        south.get('/documents')
        south.follow(south.post('/cases/search', {'q': body['patient']['memberId']}))

    # --- addresses the container cannot read, sent as bytes (clients refuse to): malformed escapes, characters
    # a URL may not hold, a space; their values must reach neither the log nor a 500
    import socket
    cookie = 'JSESSIONID=' + north.s.cookies.get('JSESSIONID')
    basic_header = 'Basic ' + base64.b64encode(b'north.billing:' + PW.encode()).decode()
    host, port = BASE.split('//')[1].split(':')
    for target, header in [('/cases?q=%s%%ZZ' % canary('RQ', 'raw', False), 'Cookie: ' + cookie),
                           ('/cases/new?q=%s%%' % canary('RN', 'raw', False), 'Cookie: ' + cookie),
                           ('/login?q=%s%%ZZ' % canary('RL', 'raw', False), 'X-Probe: 1'),
                           ('/api/v1/cases?q=%s%%ZZ' % canary('RA', 'raw', False), 'Authorization: ' + basic_header),
                           ('/cases/%s{|}' % canary('RB', 'raw', False), 'Cookie: ' + cookie),
                           ('/cases?q=%s Jos\u00e9' % canary('RS', 'raw', False), 'Cookie: ' + cookie)]:
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(('GET %s HTTP/1.1\r\nHost: x\r\n%s\r\nConnection: close\r\n\r\n' % (target, header)).encode('latin-1'))
            answer = b''
            while True:
                got = sock.recv(65536)
                if not got:
                    break
                answer += got
        requests_made.append(('raw', 'GET', target, int(answer.split(b' ')[1]) if answer else 0))
        n = len(os.listdir(responses_dir))
        with open(os.path.join(responses_dir, '%05d.txt' % n), 'wb') as f:
            f.write(('RAW GET %s -> %s\nREQUEST-USER raw\n' % (target, answer[:12])).encode('latin-1', 'replace'))
            f.write(answer.replace(b'\r\n\r\n', b'\n\n', 1).replace(b'\r\n', b'\n'))

    # --- sign-in failures with canaries as user name (form and Basic)
    for i in range(3):
        s = requests.Session()
        s.get(BASE + '/login')
        r0 = s.get(BASE + '/login')
        m = re.search(r'name="_csrf"\s+value="([^"]+)"|value="([^"]+)"\s+name="_csrf"', r0.text)
        csrf = (m.group(1) or m.group(2)) if m else ''
        r = s.post(BASE + '/login', data={'username': canary('LU', 'login'), 'password': canary('LP', 'login', False), '_csrf': csrf},
                   allow_redirects=False)
        record(r, 'anon')
        record(s.get(BASE + '/login?error', allow_redirects=False), 'anon')
        r = requests.get(BASE + '/api/v1/cases', auth=(canary('BU', 'login', False), canary('BW', 'login', False)))
        record(r, 'anon')
        r = requests.get(BASE + '/api/v1/cases', auth=('north.billing', canary('BX', 'login', False)))
        record(r, 'anon')
    # --- 404s and made-up ids, ids that are canaries
    api('GET', '/api/v1/cases/' + str(uuid.uuid4()), 'north.billing')
    api('GET', '/api/v1/cases/' + canary('UI', 'url', False), 'north.billing')
    api('GET', '/api/v1/documents/' + canary('UD', 'url', False), 'north.billing')
    north.get('/cases/' + canary('UW', 'url', False))
    north.get('/' + canary('UP', 'url', False))
    api('GET', '/api/v1/cases?status=' + canary('UQ', 'url', False), 'north.billing')
    # --- cross-clinic reads of every north case
    for cid in cases:
        for p in ['', '/completeness', '/documents', '/events', '/attachments', '/fhir/pas-bundle']:
            api('GET', '/api/v1/cases/' + cid + p, 'south.billing')
        api('PUT', '/api/v1/cases/' + cid, 'south.billing', json={'version': 0})
        api('POST', '/api/v1/cases/' + cid + '/packet', 'south.billing')
        api('POST', '/api/v1/cases/' + cid + '/reauthorization', 'south.billing')
    # --- admin: audit API and pages, CSV, actuator, OpenAPI
    api('GET', '/api/v1/audit?size=500', 'admin')
    api('GET', '/api/v1/audit?user=' + canary('AU', 'url', False), 'admin')
    admin.get('/admin/audit')
    admin.get('/admin/audit.csv')
    admin.get('/admin/users')
    for p in ['/actuator', '/actuator/health', '/actuator/health/readiness', '/actuator/info', '/actuator/metrics',
              '/actuator/prometheus', '/actuator/env', '/actuator/loggers', '/actuator/httpexchanges',
              '/v3/api-docs', '/api-docs', '/api-docs/index.html']:
        api('GET', p, None)
        api('GET', p, 'north.billing')
        api('GET', p, 'admin')
    # --- policy upload: an example case that carries canaries (admin)
    pol = open(os.path.join(HERE, '..', '..', 'templates', 'policies', 'aetna-ketamine-0938.yaml')).read()
    pol = re.sub(r'^id:.*$', 'id: canary-' + tok(), pol, flags=re.M)
    pol = re.sub(r'^(version:.*)$', r'\1\neffectiveFrom: "2026-01-01"', pol, flags=re.M)
    pol = pol.replace('"Ana"', '"%s"' % canary('PF', 'policy', False)).replace('"Example"', '"%s"' % canary('PL', 'policy', False))
    pol = pol.replace('"EX0001"', '"%s"' % canary('PM', 'policy', False))
    api('POST', '/api/v1/policies', 'admin', data=pol.encode(), headers={'Content-Type': 'application/yaml'})
    polbad = pol + '\n  - name: "%s"\n    case: {"patient": {"lastName": "%s"}}\n    complete: true\n' % (canary('PE', 'policy', False), canary('PX', 'policy', False))
    polbad = re.sub(r'^id:.*$', 'id: canary-' + tok(), polbad, flags=re.M)
    api('POST', '/api/v1/policies', 'admin', data=polbad.encode(), headers={'Content-Type': 'application/yaml'})
    # sign out north (session row should go)
    north.post('/logout', {})

    json.dump({'canaries': canaries, 'cases': cases, 'southCases': south_cases, 'requests': requests_made}, open(os.path.join(OUT, 'canaries.json'), 'w'), indent=1)
    print('canaries', len(canaries), 'cases', len(cases), 'requests', len(requests_made))


if __name__ == '__main__':
    main()
