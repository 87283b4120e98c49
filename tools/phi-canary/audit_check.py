#!/usr/bin/env python3
"""Counts, per case and document the canary run touched, the reads it made (answered 200) against the audit rows
the service wrote for them (GET /api/v1/audit as admin), and lists each read with no row of the expected action.

    python3 audit_check.py http://localhost:18076 RUN_DIR/out
"""
import collections, json, os, re, sys
import requests

BASE, OUT = sys.argv[1].rstrip('/'), sys.argv[2]
spec = json.load(open(os.path.join(OUT, 'canaries.json')))
UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
RULES = [  # (method, path pattern, expected action, which id the row carries)
    ('GET', r'/api/v1/cases/(%s)$' % UUID, 'CASE_READ', 'case'),
    ('GET', r'/cases/(%s)$' % UUID, 'CASE_READ', 'case'),
    ('GET', r'/cases/(%s)/edit$' % UUID, 'CASE_READ', 'case'),
    ('GET', r'/api/v1/cases/(%s)/completeness$' % UUID, 'COMPLETENESS_CHECKED', 'case'),
    ('GET', r'/api/v1/cases/(%s)/documents$' % UUID, 'DOCUMENTS_LISTED', 'case'),
    ('GET', r'/api/v1/cases/(%s)/attachments$' % UUID, 'ATTACHMENTS_LISTED', 'case'),
    ('GET', r'/api/v1/cases/%s/attachments/(%s)$' % (UUID, UUID), 'ATTACHMENT_OPENED', 'doc'),
    ('GET', r'/cases/%s/attachments/(%s)$' % (UUID, UUID), 'ATTACHMENT_OPENED', 'doc'),
    ('GET', r'/api/v1/documents/(%s)$' % UUID, 'DOCUMENT_DOWNLOADED', 'doc'),
    ('GET', r'/documents/(%s)$' % UUID, 'DOCUMENT_DOWNLOADED', 'doc'),
    ('GET', r'/documents/(%s)/pages/\d+$' % UUID, 'DOCUMENT_PREVIEWED', 'doc'),
    ('GET', r'/api/v1/cases/(%s)/events$' % UUID, 'AUTH_EVENTS_LISTED', 'case'),
    ('GET', r'/api/v1/cases/(%s)/fhir/pas-bundle$' % UUID, 'FHIR_EXPORTED', 'case'),
]
rows = []
page = 0
while True:
    r = requests.get(BASE + '/api/v1/audit', params={'size': 500, 'page': page}, auth=('admin', 'demo-pass-2026'))
    j = r.json()
    rows += j['items']
    page += 1
    if page >= j['totalPages']:
        break
have = collections.Counter()
for row in rows:
    user = row.get('username')
    for key in ('caseId', 'documentId'):
        if row.get(key):
            have[(user, row['action'], row[key])] += 1
want = collections.Counter()
for who, method, path, status in spec['requests']:
    user = (who or '').replace('web:', '')
    for m, pat, action, _ in RULES:
        mm = re.match(pat, path.split('?')[0])
        if mm and m == method:
            want[(user, action if status == 200 else 'NOT_FOUND' if status == 404 else action + '?' + str(status), mm.group(1))] += 1
            break
missing = 0
for k, n in sorted(want.items()):
    if have[k] < n:
        missing += 1
        print('FEWER ROWS', k, 'reads', n, 'rows', have[k])
print('checked', len(want), 'kinds of read;', missing, 'with fewer rows than reads;', len(rows), 'audit rows in all')
phi = [row for row in rows if re.search('CNRY', json.dumps(row), re.I)]
print('audit rows holding a canary:', len(phi))
for row in phi[:20]:
    print('  ', row)
