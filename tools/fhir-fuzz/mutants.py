"""Structure-aware mutants of FHIR R4 bundles (stdlib only, seeded).

Each mutant is a Mutant(cls, desc, body, expect, fhir_path): body is bytes; expect is "case" (the
bundle still carries a case: 201), "refuse" (no case in it: 400) or "either" (201, or a 400 that names
an element). The generator never looks at the service: the same seed gives the same mutants.
"""
import copy
import json
import random
from collections import namedtuple

Mutant = namedtuple("Mutant", "cls desc body expect fhir_path")

DATE_KEYS = {"birthDate", "onsetDateTime", "effectiveDateTime", "start", "end", "created", "issued", "authoredOn",
             "servicedDate", "timestamp", "valueDateTime", "date", "recorded", "occurrenceDateTime",
             "performedDateTime", "dateAsserted", "abatementDateTime", "recordedDate", "lastUpdated"}
DECIMAL_KEYS = {"value", "valueDecimal", "factor"}
ALL_TYPES = ["string", "number", "bool", "object", "array", "null"]

DATES = ["2025", "2025-03", "2025-03-04", "2025-03-04T10:11:12Z", "2025-03-04T10:11:12.123456789+14:00",
         "2025-03-04T23:30:00-10:00", "2025-03-04T00:30:00+14:00", "2025-03-04T10:11", "2025-03-04T10:11:12",
         "0000-01-01", "0001-01-01", "1899-12-31", "9999-12-31", "9999-12-31T23:59:60+14:00",
         "2024-02-29", "2025-02-29", "2000-02-29", "1900-02-29", "2025-03-04T24:00:00Z", "2025-13-01",
         "2025-00-10", "2025-03-32", "-2025-01-01", "+12025-01-01", "2025-03-04T10:11:12-14:01",
         "2025-03-04T10:11:12+15:00", "2025-03-04 10:11:12", "20250304", "", " 2025-03-04", "2025-03-04 ",
         "2025-3-4", "2025-03-04T10:11:12.Z", "2016-12-31T23:59:60Z"]
DECIMALS = ["1e2", "1E+2", "1.0e-2", "-0.0", "0.000000000000000000001", "1450.000000000000000001",
            "123456789012345678901234567890.123", "1e308", "1e309", "-1e308", "1e999", "1e1001", "1e-999",
            "1e-1001", "4.9e-324", "0.1e1", "00012", "1450.00", "-1450"]
CODE_VARIANTS = [" {c}", "{c} ", "{C}", "{Cap}", "{c}\n", "\u00a0{c}", "{c}\u200b", "", " ", "{c}{c}"]
SURROGATES = ['\\ud800', '\\udc00abc', 'a\\ud83d', '\\ud83d\\ude00', '\\u0000', '\\u001f', '\\ufffe', '\\uffff',
              '\\u202e', '\\u00e9', 'e\\u0301']
BUNDLE_TYPES = ["document", "message", "transaction", "transaction-response", "batch", "batch-response",
                "history", "searchset", "collection", "COLLECTION", "foo", "", None, 5]
REQUIRED = {  # R4 1..1 elements of the resources our bundles hold
    "Bundle": ["type"], "Claim": ["status", "type", "use", "patient", "created", "provider", "priority", "insurance"],
    "Coverage": ["status", "beneficiary", "payor"], "Observation": ["status", "code"],
    "ServiceRequest": ["status", "intent", "subject"], "MedicationStatement": ["status", "subject"],
    "MedicationRequest": ["status", "intent", "subject"], "Condition": ["subject"], "Procedure": ["status", "subject"],
    "DocumentReference": ["status", "content"], "ClaimResponse": ["status", "type", "use", "patient", "created",
                                                                 "insurer", "outcome"]}


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def walk(node, path=()):
    """Every (path, value) below node, the node itself first."""
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, path + (i,))


def get(node, path):
    for p in path:
        node = node[p]
    return node


def put(node, path, value):
    get(node, path[:-1])[path[-1]] = value


def fhir_path(bundle, path):
    """entry[3].resource.item[0].code → Claim.item[0].code (what a 400 should name)."""
    out, node, i = "", bundle, 0
    if len(path) >= 3 and path[0] == "entry" and path[2] == "resource":
        res = bundle["entry"][path[1]].get("resource")
        rt = res.get("resourceType") if isinstance(res, dict) else None
        out = str(rt or "entry[%d].resource" % path[1])
        i, node = 3, res
    else:
        out = "Bundle"
    for p in path[i:]:
        out += "[%d]" % p if isinstance(p, int) else "." + str(p)
    return out


def json_path(path):
    out = ""
    for p in path:
        out += "[%d]" % p if isinstance(p, int) else ("." if out else "") + str(p)
    return out


def carries_case(bundle):
    """What the contract calls a bundle with a case in it: a Bundle object with an entry whose resource is a Patient."""
    return (isinstance(bundle, dict) and bundle.get("resourceType") == "Bundle" and isinstance(bundle.get("entry"), list)
            and any(isinstance(e, dict) and isinstance(e.get("resource"), dict)
                    and e["resource"].get("resourceType") == "Patient" for e in bundle["entry"]))


def swapped(value, kind, rnd):
    return {"string": "zqx" if not isinstance(value, (int, float)) or isinstance(value, bool) else str(value),
            "number": 7 if not isinstance(value, str) else (int(value) if value.isdigit() else 3.5),
            "bool": True, "object": {"zqx": 1}, "array": [value], "null": None}[kind]


def kind_of(v):
    return ("null" if v is None else "bool" if isinstance(v, bool) else "number" if isinstance(v, (int, float))
            else "string" if isinstance(v, str) else "object" if isinstance(v, dict) else "array")


def entries(bundle, rt):
    return [i for i, e in enumerate(bundle.get("entry", [])) if e.get("resource", {}).get("resourceType") == rt]


def ref_of(bundle, i):
    e = bundle["entry"][i]
    return e.get("fullUrl") or "%s/%s" % (e["resource"]["resourceType"], e["resource"].get("id"))


class Generator:
    def __init__(self, seed, budget_per_seed):
        self.rnd = random.Random(seed)
        self.budget = budget_per_seed

    def sample(self, items, n):
        items = list(items)
        return items if len(items) <= n else self.rnd.sample(items, n)

    def all(self, name, bundle, heavy=True):
        """Every class for one seed bundle, in a fixed order; heavy: also the 10,000-element, 30 MB and deep ones."""
        for gen in (self.type_swaps, self.removals, self.cardinality) + ((self.big_arrays, self.deep) if heavy else ()) + (
                self.references, self.dates, self.decimals, self.codes, self.text, self.resource_types,
                self.bundle_types, self.order):
            for m in gen(bundle):
                yield m._replace(desc=name + ": " + m.desc)

    def paths(self, bundle, pred=lambda p, v: True):
        return [(p, v) for p, v in walk(bundle) if p and pred(p, v)
                and not (isinstance(v, str) and len(v) > 10000)]  # the packet's base64 is one string: skip it

    def type_swaps(self, b):
        base = carries_case(b)
        for p, v in self.sample(self.paths(b), self.budget):
            for kind in ALL_TYPES:
                if kind == kind_of(v):
                    continue
                m = copy.deepcopy(b)
                put(m, p, swapped(v, kind, self.rnd))
                # a swapped primitive is left out and listed; a swapped structure may be a reason to refuse
                plain = kind_of(v) in ("string", "number", "bool") and p[-1] not in ("resourceType", "reference", "url")
                yield Mutant("type-swap", "%s %s→%s" % (json_path(p), kind_of(v), kind), dumps(m),
                             "case" if base and plain and carries_case(m) else "either", fhir_path(b, p))

    def removals(self, b):
        targets = []
        for i, e in enumerate(b.get("entry", [])):
            r = e.get("resource", {})
            for k in REQUIRED.get(r.get("resourceType"), []):
                if k in r:
                    targets.append(("entry", i, "resource", k))
            for k in r:
                if k not in REQUIRED.get(r.get("resourceType"), []) and k != "resourceType":
                    targets.append(("entry", i, "resource", k))
        for p, v in self.paths(b, lambda p, v: isinstance(v, dict) and "url" in v and isinstance(p[-1], int)):
            targets.append(p + ("url",))
        required = [t for t in targets if t[-1] in REQUIRED.get(get(b, t[:-1]).get("resourceType"), [])]
        rest = self.sample([t for t in targets if t not in required], self.budget)
        for t in required + [("type",)] + rest:
            m = copy.deepcopy(b)
            if not isinstance(get(m, t[:-1]), dict) or t[-1] not in get(m, t[:-1]):
                continue
            del get(m, t[:-1])[t[-1]]
            yield Mutant("remove", "remove %s%s" % (json_path(t), " (required)" if t in required else ""), dumps(m),
                         "either" if carries_case(m) else "refuse", fhir_path(b, t))

    def cardinality(self, b):
        singles = self.paths(b, lambda p, v: not isinstance(v, list) and not isinstance(p[-1], int)
                             and p[-1] not in ("resourceType",))
        for p, v in self.sample(singles, max(10, self.budget // 3)):
            m = copy.deepcopy(b)
            put(m, p, [v, copy.deepcopy(v)])
            yield Mutant("cardinality", "%s single→array of 2" % json_path(p), dumps(m), "either", fhir_path(b, p))
        lists = self.paths(b, lambda p, v: isinstance(v, list) and v)
        for p, v in self.sample(lists, max(5, self.budget // 6)):
            m = copy.deepcopy(b)
            put(m, p, v[0])
            yield Mutant("cardinality", "%s array→single" % json_path(p), dumps(m),
                         "either" if p != ("entry",) else "refuse", fhir_path(b, p))

    def big_arrays(self, b):
        for rt, key, make in (("Patient", "name", lambda r: {"family": "Zqx", "given": ["A"]}),
                              ("Patient", "identifier", lambda r: {"system": "urn:zqx", "value": "1"}),
                              ("Patient", "extension", lambda r: {"url": "urn:zqx", "valueString": "x"}),
                              ("Claim", "item", lambda r: copy.deepcopy(r["item"][0]) if r.get("item") else {}),
                              ("Claim", "diagnosis", lambda r: copy.deepcopy(r["diagnosis"][0]) if r.get("diagnosis") else {})):
            for i in entries(b, rt)[:1]:
                r = b["entry"][i]["resource"]
                m = copy.deepcopy(b)
                m["entry"][i]["resource"][key] = [make(r) for _ in range(10000)]
                yield Mutant("big-array", "%s.%s × 10,000" % (rt, key), dumps(m), "either", "%s.%s" % (rt, key))
        obs = entries(b, "Observation")
        if obs:
            m = copy.deepcopy(b)
            e = m["entry"][obs[0]]
            for k in range(10000):
                c = copy.deepcopy(e)
                c["fullUrl"] = "urn:uuid:00000000-0000-4000-8000-%012d" % k
                c["resource"]["id"] = "00000000-0000-4000-8000-%012d" % k
                m["entry"].append(c)
            yield Mutant("big-array", "entry × 10,000 more Observations", dumps(m), "either", "Bundle.entry")
        m = copy.deepcopy(b)
        m["entry"] += [{"fullUrl": "urn:uuid:10000000-0000-4000-8000-%012d" % k,
                        "resource": {"resourceType": "Basic", "id": "10000000-0000-4000-8000-%012d" % k,
                                     "code": {"text": "x"}}} for k in range(10000)]
        yield Mutant("big-array", "entry × 10,000 Basic", dumps(m), "case" if carries_case(b) else "refuse",
                     "Bundle.entry")
        for size in (200_000, 5_000_000, 30_000_000):
            for i in entries(b, "Patient")[:1]:
                m = copy.deepcopy(b)
                m["entry"][i]["resource"].setdefault("name", [{}])[0]["family"] = "Z" * size
                yield Mutant("long-string", "Patient.name[0].family of %d chars" % size, dumps(m),
                             "either", "Patient.name[0].family")
                m = copy.deepcopy(b)
                m["entry"][i]["resource"]["text"] = {"status": "generated",
                                                     "div": '<div xmlns="http://www.w3.org/1999/xhtml">'
                                                            + "a" * size + "</div>"}
                yield Mutant("long-string", "Patient.text.div of %d chars" % size, dumps(m), "either",
                             "Patient.text.div")

    def deep(self, b):
        pi = entries(b, "Patient")
        if not pi:
            return
        for depth in (1000, 5000, 100000):
            ext = {"url": "urn:zqx:leaf", "valueString": "x"}
            for _ in range(depth):
                ext = {"url": "urn:zqx", "extension": [ext]}
            m = copy.deepcopy(b)
            m["entry"][pi[0]]["resource"]["extension"] = [ext]
            try:
                body = dumps(m)
            except RecursionError:
                body = self.nested_text(m, pi[0], depth)
            yield Mutant("deep", "Patient.extension nested %d deep" % depth, body, "either", "Patient.extension")
        for depth in (1000, 100000):
            body = dumps(b).decode()
            marker = '"resourceType": "Bundle"'
            body = body.replace(marker, '"zqx": ' + "[" * depth + "]" * depth + ", " + marker, 1)
            yield Mutant("deep", "an unknown member holding arrays nested %d deep" % depth, body.encode(), "either",
                         "Bundle.zqx")

    @staticmethod
    def nested_text(m, i, depth):
        placeholder = "ZQX_DEEP"
        m["entry"][i]["resource"]["extension"] = placeholder
        text = dumps(m).decode()
        deep = '{"url": "urn:zqx", "extension": [' * depth + '{"url": "urn:zqx:leaf", "valueString": "x"}' + "]}" * depth
        return text.replace('"%s"' % placeholder, "[" + deep + "]").encode()

    def references(self, b):
        pi, ci, oi = entries(b, "Patient"), entries(b, "Claim"), entries(b, "Organization")
        if not pi:
            return
        p = pi[0]
        pref = ref_of(b, p)
        pid = b["entry"][p]["resource"].get("id", "p")

        def mut(desc, fn, expect="either", where=""):
            m = copy.deepcopy(b)
            fn(m)
            return Mutant("reference", desc, dumps(m), expect, where)

        yield mut("Patient.link → itself", lambda m: m["entry"][p]["resource"].__setitem__(
            "link", [{"other": {"reference": pref}, "type": "seealso"}]), "case", "Patient.link[0].other")
        yield mut("Patient.generalPractitioner → itself (wrong type)", lambda m: m["entry"][p]["resource"].__setitem__(
            "generalPractitioner", [{"reference": pref}]), "either", "Patient.generalPractitioner[0]")
        if len(oi) >= 2:
            def cycle(m):
                m["entry"][oi[0]]["resource"]["partOf"] = {"reference": ref_of(m, oi[1])}
                m["entry"][oi[1]]["resource"]["partOf"] = {"reference": ref_of(m, oi[0])}
            yield mut("Organization A.partOf → B.partOf → A", cycle, "case", "Organization.partOf")
        if oi:
            yield mut("Organization.partOf → itself", lambda m: m["entry"][oi[0]]["resource"].__setitem__(
                "partOf", {"reference": ref_of(m, oi[0])}), "case", "Organization.partOf")
        if ci:
            c = ci[0]
            cref = ref_of(b, c)
            yield mut("Claim.related.claim → itself", lambda m: m["entry"][c]["resource"].__setitem__(
                "related", [{"claim": {"reference": cref}}]), "either", "Claim.related[0].claim")
            yield mut("Claim.originalPrescription → itself (wrong type)", lambda m: m["entry"][c]["resource"].__setitem__(
                "originalPrescription", {"reference": cref}), "either", "Claim.originalPrescription")

            def contained_cycle(m):
                r = m["entry"][c]["resource"]
                r["contained"] = [{"resourceType": "Organization", "id": "a", "partOf": {"reference": "#b"}},
                                  {"resourceType": "Organization", "id": "b", "partOf": {"reference": "#a"}}]
                r["provider"] = {"reference": "#a"}
            yield mut("Claim contains #a.partOf → #b.partOf → #a, provider #a", contained_cycle, "either",
                      "Claim.contained")

            def contained_self(m):
                r = m["entry"][c]["resource"]
                r["contained"] = [{"resourceType": "Organization", "id": "a", "partOf": {"reference": "#a"}}]
                r["provider"] = {"reference": "#a"}
            yield mut("Claim contains #a.partOf → #a", contained_self, "either", "Claim.contained")
            for ref in ("#", "#missing", "#" + "x" * 5000, "##a", "#a/b"):
                yield mut("Claim.provider → %s" % ref[:20], lambda m, ref=ref: m["entry"][c]["resource"].__setitem__(
                    "provider", {"reference": ref}), "either", "Claim.provider")

            def contained_no_id(m):
                m["entry"][c]["resource"]["contained"] = [{"resourceType": "Organization", "name": "X"}]
            yield mut("Claim contains a resource without id", contained_no_id, "either", "Claim.contained[0]")

            def contained_patient(m):
                r = m["entry"][c]["resource"]
                r["contained"] = [dict(copy.deepcopy(m["entry"][p]["resource"]), id="p1")]
                r["patient"] = {"reference": "#p1"}
            yield mut("Claim.patient → contained #p1 (copy of the Patient)", contained_patient, "either",
                      "Claim.patient")

            def contained_bundle(m):
                m["entry"][c]["resource"]["contained"] = [{"resourceType": "Bundle", "id": "x", "type": "collection",
                                                           "entry": [{"resource": {"resourceType": "Patient"}}]}]
            yield mut("Claim contains a Bundle", contained_bundle, "either", "Claim.contained[0]")

            def contained_nested(m):
                m["entry"][c]["resource"]["contained"] = [{"resourceType": "Organization", "id": "o", "contained": [
                    {"resourceType": "Organization", "id": "o2"}]}]
            yield mut("contained inside contained", contained_nested, "either", "Claim.contained[0].contained")
            for form in ("http://example.org/fhir/Patient/%s" % pid, "Patient/%s" % pid, "Patient/%s/_history/1" % pid,
                         "urn:uuid:%s" % pid, "Patient?identifier=urn:zqx|1", "Patient?_id=%s" % pid,
                         "urn:oid:1.2.3", "patient/%s" % pid, " %s" % pref, "%s " % pref, "", "Patient/"):
                yield mut("Claim.patient → %r" % form, lambda m, form=form: m["entry"][c]["resource"].__setitem__(
                    "patient", {"reference": form}), "either", "Claim.patient")
            yield mut("Claim.patient as identifier only", lambda m: m["entry"][c]["resource"].__setitem__(
                "patient", {"identifier": {"system": "urn:zqx", "value": "1"}}), "either", "Claim.patient")
            yield mut("Claim.patient display only", lambda m: m["entry"][c]["resource"].__setitem__(
                "patient", {"display": "x"}), "either", "Claim.patient")

        def dup_full(m):
            other = [i for i in range(len(m["entry"])) if i != p][:1]
            if other:
                m["entry"][other[0]]["fullUrl"] = m["entry"][p].get("fullUrl", "urn:uuid:x")
        yield mut("duplicate fullUrl (Patient's on another entry)", dup_full, "refuse", "Bundle.entry.fullUrl")

        def dup_patient(m):
            twin = copy.deepcopy(m["entry"][p])
            twin["resource"]["name"] = [{"family": "Twin", "given": ["Other"]}]
            m["entry"].append(twin)
        yield mut("the Patient twice under one fullUrl, different names", dup_patient, "refuse",
                  "Bundle.entry.fullUrl")

        def absolute(m):
            text = json.dumps(m)
            for e in m["entry"]:
                r = e.get("resource", {})
                if r.get("id") and e.get("fullUrl"):
                    new = "http://example.org/fhir/%s/%s" % (r["resourceType"], r["id"])
                    text = text.replace(json.dumps(e["fullUrl"]), json.dumps(new))
            m.clear()
            m.update(json.loads(text))
        yield mut("every fullUrl made absolute (its references too)", absolute, "case" if carries_case(b) else "refuse",
                  "Bundle.entry.fullUrl")

        def all_relative(m):
            text = json.dumps(m)
            for e in m["entry"]:
                r = e.get("resource", {})
                if e.get("fullUrl") and r.get("id"):
                    text = text.replace(json.dumps(e["fullUrl"]), json.dumps("%s/%s" % (r["resourceType"], r["id"])))
            new = json.loads(text)
            for e in new["entry"]:
                e.pop("fullUrl", None)
            m.clear()
            m.update(new)
        yield mut("every reference relative, no fullUrls", all_relative, "either", "Bundle.entry.fullUrl")

        def no_ids(m):
            for e in m["entry"]:
                e.get("resource", {}).pop("id", None)
        yield mut("no resource ids (fullUrls kept)", no_ids, "case" if carries_case(b) else "refuse",
                  "Bundle.entry.resource.id")

    def dates(self, b):
        found = self.paths(b, lambda p, v: isinstance(v, str) and p[-1] in DATE_KEYS
                           or (isinstance(p[-1], int) and len(p) > 1 and p[-2] == "event"))
        for p, v in self.sample(found, max(4, self.budget // 8)):
            for d in DATES:
                m = copy.deepcopy(b)
                put(m, p, d)
                yield Mutant("date", "%s = %r" % (json_path(p), d), dumps(m), "case" if carries_case(m) else "refuse",
                             fhir_path(b, p))

    def decimals(self, b):
        text = dumps(b).decode()
        found = self.paths(b, lambda p, v: isinstance(v, (int, float)) and not isinstance(v, bool)
                           and p[-1] in DECIMAL_KEYS)
        for p, v in self.sample(found, max(3, self.budget // 10)):
            for d in DECIMALS:
                m = copy.deepcopy(b)
                put(m, p, "ZQX_NUMBER")
                body = dumps(m).decode().replace('"ZQX_NUMBER"', d)
                expect = ("refuse" if d == "00012" else "either" if d in ("1e1001", "1e-1001") or not carries_case(b)
                          else "case")  # leading zeros are not JSON; over 1000 digits is refused on purpose
                yield Mutant("decimal", "%s = %s" % (json_path(p), d), body.encode(), expect, fhir_path(b, p))
        del text

    def codes(self, b):
        found = self.paths(b, lambda p, v: isinstance(v, str) and p[-1] in ("gender", "code", "status", "use", "system",
                                                                             "intent", "priority", "type") and v)
        for p, v in self.sample(found, max(4, self.budget // 8)):
            for pat in CODE_VARIANTS:
                new = pat.format(c=v, C=v.upper(), Cap=v[:1].upper() + v[1:])
                if new == v:
                    continue
                m = copy.deepcopy(b)
                put(m, p, new)
                yield Mutant("code", "%s = %r" % (json_path(p), new), dumps(m),
                             "either" if p != ("type",) else "either", fhir_path(b, p))

    def text(self, b):
        """What needs the JSON text itself: escapes, duplicate keys, BOM, encodings, numbers as strings."""
        case = carries_case(b)
        pi = entries(b, "Patient")
        strings = self.paths(b, lambda p, v: isinstance(v, str) and len(v) < 200 and p[-1] not in (
            "resourceType", "fullUrl", "reference", "url", "id", "system"))
        for p, v in self.sample(strings, max(3, self.budget // 12)) + (
                [(("entry", pi[0], "resource", "name", 0, "family"), None)] if pi and b["entry"][pi[0]]["resource"]
                .get("name") else []):
            for esc in SURROGATES:
                m = copy.deepcopy(b)
                put(m, p, "ZQX_ESC")
                body = dumps(m).decode().replace('"ZQX_ESC"', '"Z%sZ"' % esc).encode()
                yield Mutant("unicode", "%s = \"Z%sZ\"" % (json_path(p), esc), body, "either" if case else "refuse",
                             fhir_path(b, p))
            for raw, what in ((b"\xff", "byte FF"), (b"\xed\xa0\x80", "CESU lone surrogate"), (b"\xc0\xaf", "overlong /"),
                              (b"\xe9", "Latin-1 e-acute")):
                m = copy.deepcopy(b)
                put(m, p, "ZQX_RAW")
                body = dumps(m).replace(b"ZQX_RAW", raw)
                yield Mutant("encoding", "%s holds raw %s" % (json_path(p), what), body, "refuse", fhir_path(b, p))
        body = dumps(b)
        yield Mutant("encoding", "UTF-8 BOM first", b"\xef\xbb\xbf" + body, "either", "")
        yield Mutant("encoding", "UTF-16LE with BOM", "\ufeff".encode("utf-16-le") + body.decode().encode("utf-16-le"),
                     "either", "")
        yield Mutant("encoding", "leading and trailing whitespace", b"\n\t " + body + b"\n\n", "case" if case else "refuse", "")
        yield Mutant("encoding", "trailing second value", body + b" {}", "refuse", "")
        yield Mutant("encoding", "trailing comma in the top object", body[:-1] + b",}", "refuse", "")
        yield Mutant("encoding", "JSON with a comment", b"/* x */" + body, "refuse", "")
        yield Mutant("encoding", "NaN as a number", body[:-1] + b', "zqx": NaN}', "refuse", "Bundle.zqx")
        top = body.decode()
        yield Mutant("dup-key", "resourceType twice at the top", ('{"resourceType": "Patient", ' + top[1:]).encode(),
                     "refuse", "Bundle.resourceType")
        for i in pi[:1]:
            m = copy.deepcopy(b)
            m["entry"][i]["resource"]["gender"] = "ZQX_DUP"
            t = dumps(m).decode()
            yield Mutant("dup-key", "Patient.gender twice", t.replace('"ZQX_DUP"', '"female", "gender": "male"').encode(),
                         "refuse", "Patient.gender")
            m["entry"][i]["resource"]["gender"] = "ZQX_DUP"
            t = dumps(m).decode()
            yield Mutant("dup-key", "Patient.gender and _gender twice",
                         t.replace('"ZQX_DUP"', '"female", "_gender": {}, "_gender": {}').encode(), "refuse",
                         "Patient._gender")
            yield Mutant("dup-key", "entry resourceType twice", t.replace(
                '"ZQX_DUP"', '"female", "resourceType": "Patient"').encode(), "refuse", "Patient.resourceType")
        # numbers as strings and strings as numbers where FHIR has each
        for p, v in self.sample(self.paths(b, lambda p, v: isinstance(v, (int, float)) and not isinstance(v, bool)),
                                max(3, self.budget // 10)):
            m = copy.deepcopy(b)
            put(m, p, str(v))
            yield Mutant("number-as-string", "%s = \"%s\"" % (json_path(p), v), dumps(m), "either" if case else "refuse",
                         fhir_path(b, p))
        for p, v in self.sample(self.paths(b, lambda p, v: isinstance(v, str) and v.isdigit() and len(v) < 18),
                                max(3, self.budget // 10)):
            m = copy.deepcopy(b)
            put(m, p, int(v))
            yield Mutant("string-as-number", "%s = %s" % (json_path(p), v), dumps(m), "either" if case else "refuse",
                         fhir_path(b, p))

    def resource_types(self, b):
        for rt in ("bundle", "Bundle ", "Bundel", "", None, 5, ["Bundle"], {"x": 1}, "Patient", "Parameters",
                   "Binary", "Basic", "DomainResource", "Resource", "ElementDefinition", "x" * 10000):
            m = copy.deepcopy(b)
            m["resourceType"] = rt
            yield Mutant("resource-type", "Bundle.resourceType = %r" % (rt if not isinstance(rt, str) else rt[:20]),
                         dumps(m), "refuse", "Bundle.resourceType")
        m = copy.deepcopy(b)
        del m["resourceType"]
        yield Mutant("resource-type", "no resourceType", dumps(m), "refuse", "Bundle.resourceType")
        for i in entries(b, "Patient")[:1]:
            for rt in ("patient", "Patinet", "Patient ", "", None, "Person", "RelatedPerson", "Bundle", 5):
                m = copy.deepcopy(b)
                m["entry"][i]["resource"]["resourceType"] = rt
                yield Mutant("resource-type", "Patient's resourceType = %r" % (rt,), dumps(m),
                             "either" if carries_case(m) else "refuse", "Patient.resourceType")
        for i in entries(b, "Claim")[:1]:
            for rt in ("claim", "Claims", None, "Zqx"):
                m = copy.deepcopy(b)
                m["entry"][i]["resource"]["resourceType"] = rt
                yield Mutant("resource-type", "Claim's resourceType = %r" % (rt,), dumps(m), "either", "Claim.resourceType")

    def bundle_types(self, b):
        for t in BUNDLE_TYPES:
            m = copy.deepcopy(b)
            m["type"] = t
            yield Mutant("bundle-type", "Bundle.type = %r" % (t,), dumps(m), "case" if carries_case(b) else "refuse",
                         "Bundle.type")

    def order(self, b):
        if not b.get("entry"):
            return
        case = "case" if carries_case(b) else "refuse"
        m = copy.deepcopy(b)
        m["entry"].reverse()
        yield Mutant("order", "entries reversed", dumps(m), case, "Bundle.entry")
        for k in range(3):
            m = copy.deepcopy(b)
            self.rnd.shuffle(m["entry"])
            yield Mutant("order", "entries shuffled (%d)" % k, dumps(m), case, "Bundle.entry")
        m = copy.deepcopy(b)
        m["entry"] = [e for e in m["entry"] if e.get("resource", {}).get("resourceType") != "Patient"] + \
                     [e for e in m["entry"] if e.get("resource", {}).get("resourceType") == "Patient"]
        yield Mutant("order", "Patient last", dumps(m), case, "Bundle.entry")
        m = copy.deepcopy(b)
        m = dict(reversed(list(m.items())))
        yield Mutant("order", "members of the Bundle in reverse order (resourceType last)", dumps(m), case, "Bundle")
