#!/usr/bin/env python3
"""Builds src/test/resources/fhir/pas-profiles/package.tgz, the definitions PasProfileValidationTest loads.

Input: the published NPM packages (all CC0-1.0), as the Inferno test kits ship them:
  davinci_pas_2.0.1.tgz  inferno-framework/davinci-pas-test-kit  lib/davinci_pas_test_kit/igs/
  us_core_311.tgz        inferno-framework/us-core-test-kit      lib/us_core_test_kit/igs/
  davinci_crd_2.0.1.tgz  inferno-framework/davinci-crd-test-kit  lib/davinci_crd_test_kit/igs/davinci-crd-2.0.1.tgz
Usage: build_test_package.py <folder with the three .tgz> <output package.tgz>

Kept: the PAS request-side profiles (ROOTS) and every definition of PAS, US Core and CRD they reach (profiles, extensions, reference targets, bindings, value set includes). Dropped, since
the validator does not read them: narratives, differentials (each snapshot is kept whole in its rules),
mappings and the prose of each element (definition, comment, requirements). Nothing is changed otherwise. The PAS examples and narratives are not copied.
"""
import io, json, sys, tarfile, time

SOURCES = ['davinci_pas_2.0.1.tgz', 'us_core_311.tgz', 'davinci_crd_2.0.1.tgz']
PAS = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/'
# the request side: the bundle a submitter sends and the profiles of what it carries
ROOTS = [PAS + p for p in ('profile-pas-request-bundle', 'profile-claim', 'profile-beneficiary', 'profile-subscriber',
                           'profile-coverage', 'profile-insurer', 'profile-requestor', 'profile-practitioner',
                           'profile-practitionerrole', 'profile-servicerequest', 'profile-medicationrequest',
                           'profile-devicerequest', 'profile-nutritionorder', 'profile-encounter')]
KINDS = ('StructureDefinition', 'ValueSet', 'CodeSystem')
PROSE = ('definition', 'comment', 'requirements', 'mapping', 'alias')


def read(path):
    out = {}
    with tarfile.open(path) as t:
        for m in t.getmembers():
            if m.name.startswith('package/') and m.name.count('/') == 1 and m.name.endswith('.json'):
                try:
                    r = json.load(t.extractfile(m))
                except ValueError:
                    continue
                if r.get('resourceType') in KINDS and 'url' in r:
                    out[r['url']] = r
    return out


def refs(r):
    found = set()
    if r.get('baseDefinition'):
        found.add(r['baseDefinition'])
    for e in r.get('snapshot', {}).get('element', []):
        for t in e.get('type', []):
            found.update(t.get('profile', []) + t.get('targetProfile', []))
        if e.get('binding', {}).get('valueSet'):
            found.add(e['binding']['valueSet'])
    for inc in r.get('compose', {}).get('include', []) + r.get('compose', {}).get('exclude', []):
        found.update(inc.get('valueSet', []))
        if inc.get('system'):
            found.add(inc['system'])
    return {u.split('|')[0] for u in found}


def strip(r):
    r = dict(r)
    r.pop('text', None)
    r.pop('differential', None)
    r.pop('mapping', None)
    for e in r.get('snapshot', {}).get('element', []):
        for k in PROSE:
            e.pop(k, None)
    return r


def main(folder, target):
    everything = {}
    for name in reversed(SOURCES):
        everything.update(read(f'{folder}/{name}'))
    keep = set(ROOTS)
    todo = list(keep)
    while todo:
        for u in refs(everything[todo.pop()]):
            if u in everything and u not in keep:
                keep.add(u)
                todo.append(u)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w:gz') as t:
        def add(name, data):
            info = tarfile.TarInfo('package/' + name)
            info.size, info.mtime = len(data), 0
            t.addfile(info, io.BytesIO(data))
        add('package.json', json.dumps({
            'name': 'authpack.test.pas-profiles', 'version': '2.0.1', 'fhirVersions': ['4.0.1'], 'license': 'CC0-1.0',
            'description': 'Conformance resources of hl7.fhir.us.davinci-pas 2.0.1 and what they reach in '
                           'hl7.fhir.us.core 3.1.1 and hl7.fhir.us.davinci-crd 2.0.1 (all CC0-1.0), trimmed for '
                           'validation by tools/pas-profiles/build_test_package.py',
            'dependencies': {'hl7.fhir.r4.core': '4.0.1'}}, indent=1).encode())
        for u in sorted(keep):
            r = strip(everything[u])
            add(f"{r['resourceType']}-{r['id']}.json", json.dumps(r, separators=(',', ':')).encode())
    open(target, 'wb').write(buf.getvalue())
    print(f'{len(keep)} definitions, {len(buf.getvalue())} bytes -> {target}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
