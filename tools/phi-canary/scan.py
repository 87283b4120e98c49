#!/usr/bin/env python3
"""Searches everything a canary run left behind for any form of any canary.

    python3 scan.py RUN_DIR [more files or folders...]

RUN_DIR holds out/canaries.json and out/responses/ (from canary.py), service.out/service.err (the service's
log), tmp/ (its java.io.tmpdir) and db.sql (an H2 SCRIPT dump, see README). Prints one line per hit:
where, which canary (field tag and entry path), the form it was found in, and the text around it.
"""
import base64, datetime, json, os, re, sys, urllib.parse

run = sys.argv[1]
extra = sys.argv[2:]
spec = json.load(open(os.path.join(run, 'out', 'canaries.json')))


def forms(c):
    core = c['core']
    out = {}
    if c.get('date'):
        d = datetime.date.fromisoformat(core)
        for name, f in [('iso', '%Y-%m-%d'), ('us', '%m/%d/%Y'), ('eu', '%d.%m.%Y'), ('long', '%B %-d, %Y'),
                        ('short', '%b %-d, %Y'), ('compact', '%Y%m%d'), ('us-short', '%-m/%-d/%Y')]:
            out[d.strftime(f)] = name
        return out
    for v in c.get('variants', []):
        out[v] = 'split'
    out[core] = 'plain'
    out[core.lower()] = 'lower'
    out[core.upper()] = 'upper'
    out[urllib.parse.quote(core)] = out.get(urllib.parse.quote(core), 'url')
    raw = core.encode()
    for shift in range(3):
        b = base64.b64encode(b'\0' * shift + raw).decode()
        # drop the characters that also depend on the neighbours
        start = (shift * 4 + 2) // 3 + 1
        piece = b[start:len(b) - 4]
        if len(piece) >= 8:
            out[piece] = 'base64'
    out[raw.hex()] = 'hex'
    out[raw.hex().upper()] = 'HEX'
    out[core.encode('utf-16-be').hex()] = 'utf16-hex'
    return out


needles = []
for c in spec['canaries']:
    for text, form in forms(c).items():
        needles.append((text, form, c))
big = re.compile('|'.join(re.escape(n[0]) for n in sorted(needles, key=lambda n: -len(n[0]))))
index = {}
for text, form, c in needles:
    index.setdefault(text, (form, c))


def scan_bytes(where, data, kind=''):
    hits = []
    text = data.decode('latin-1')
    for m in big.finditer(text):
        form, c = index[m.group(0)]
        ctx = text[max(0, m.start() - 60):m.end() + 40].replace('\n', '\\n').replace('\r', '\\r')
        hits.append((where, kind, c['field'], c['path'], form, ctx))
    return hits


def files_under(p):
    if os.path.isfile(p):
        yield p
    for root, _, names in os.walk(p):
        for n in names:
            yield os.path.join(root, n)


hits = []
for name in ['service.out', 'service.err']:
    p = os.path.join(run, name)
    if os.path.exists(p):
        hits += scan_bytes(name, open(p, 'rb').read(), 'log')
for p in files_under(os.path.join(run, 'tmp')):
    try:
        hits += scan_bytes(os.path.relpath(p, run), open(p, 'rb').read(), 'tmpfile')
    except OSError:
        pass
for p in extra:
    for f in files_under(p):
        hits += scan_bytes(f, open(f, 'rb').read(), 'extra')
db = os.path.join(run, 'db.sql')
if os.path.exists(db):
    table = None
    for line in open(db, 'rb'):
        m = re.match(rb'(?:INSERT INTO|CREATE (?:CACHED |MEMORY )?TABLE) "PUBLIC"\."([A-Z_0-9]+)"', line)
        if m:
            table = m.group(1).decode()
        for h in scan_bytes('db.sql', line, 'db:' + str(table)):
            hits.append(h)
resp = os.path.join(run, 'out', 'responses')
for n in sorted(os.listdir(resp)) if os.path.isdir(resp) else []:
    data = open(os.path.join(resp, n), 'rb').read()
    head, _, body = data.partition(b'\n\n')
    first = head.split(b'\n')[0].decode('latin-1')
    who = head.split(b'\n')[1].decode('latin-1')
    # the request line holds the URL we chose ourselves; only the answer counts
    status_and_headers = b'\n'.join(head.split(b'\n')[2:])
    for h in scan_bytes(n + ' ' + first + ' ' + who, status_and_headers, 'header'):
        hits.append(h)
    ctype = re.search(rb'(?im)^content-type: (.*)$', head)
    ctype = ctype.group(1).decode() if ctype else ''
    for h in scan_bytes(n + ' ' + first + ' ' + who, body, 'body:' + ctype.split(';')[0]):
        hits.append(h)
    # every URL the body links to
    for url in re.findall(rb'(?:href|src|action|formaction)="([^"]*)"', body):
        for h in scan_bytes(n + ' ' + first + ' ' + who, url, 'link'):
            hits.append(h)

for h in hits:
    print('\t'.join(h))
