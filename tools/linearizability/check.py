#!/usr/bin/env python3
"""Checks a history written by run.py against a sequential model of the contract (stdlib only).

Per case (cases are independent keys, so each is searched alone, as Knossos and Porcupine do), a
Wing-Gong-Lowe search for a linearization of every operation that touched it, against the model:
  state = (version, token, events [(type, date)], has_packet)
  GET /cases/{id}        200: version, patient.groupNumber (the token of the last accepted PUT),
                              authorization.status and sessionsUsed are the model's
  PUT /cases/{id}        200: the sent version was current; the answer's version is it + 1
                         409: the sent version was not current
  POST .../packet        201: its caseVersion is at most the current version (the lower bound is a
                              real-time check below); a packet exists from then on
  POST .../events        201: the type is allowed in the current status (SUBMITTED: a packet exists),
                              the date is not before the last event's; the answer's authorization
                              is the model's after it;  409: not allowed;  400: date before the last
  GET .../events         200: the types and dates are the model's list
  GET /cases, /worklist  200: this case's item (authorization status, sessionsUsed; the worklist lists
                              it in appealDue iff DENIED, readyToSubmit iff NOT_SUBMITTED with a
                              packet, renewSoon iff APPROVED with sessionsLeft <= 2)
An operation without an answer (time-out, connection reset, 5xx) may have happened or not: its
completion time is infinite and any answer is accepted. Requests with one Idempotency-Key have at
most one effect (the first 2xx that is not a replay); replays must equal that answer.
Outside the search: Idempotency-Key answers, creates counted by their unique patient name, packet
caseVersion lower bound, acknowledged events and documents present at the end, and the audit trail
(one row per 200 read/download and per acknowledged write).

  check.py history.jsonl [more.jsonl(.gz) ...]
"""
import collections, gzip, json, sys

INF = float("inf")
# SUBMITTED answers PACKET_OUTDATED iff the latest packet was made from an older version than the current one
CHECK_OUTDATED = True
ALLOWED = {
    "SUBMITTED": {"NOT_SUBMITTED", "PENDED"},
    "PENDED": {"SUBMITTED"},
    "APPROVED": {"SUBMITTED", "PENDED", "APPEALED"},
    "DENIED": {"SUBMITTED", "PENDED", "APPEALED"},
    "APPEALED": {"DENIED"},
    "WITHDRAWN": {"NOT_SUBMITTED", "SUBMITTED", "PENDED"},
    "SESSION_GIVEN": {"APPROVED", "EXPIRED"},
}


def status_of(events):
    s, used = "NOT_SUBMITTED", 0
    for t, _ in events:
        if t == "SESSION_GIVEN":
            used += 1
        elif t == "APPROVED":
            s, used = "APPROVED", 0 if s != "APPROVED" else used
        else:
            s = t
    return s, used


def sessions_used(events):
    used = 0
    for t, _ in events:
        if t == "SESSION_GIVEN":
            used += 1
    return used


class Op:
    __slots__ = ("e", "kind", "inv", "comp", "effect", "check", "idx")

    def __init__(self, e, kind, effect=True, check=True, comp=None):
        self.e, self.kind, self.effect, self.check = e, kind, effect, check
        self.inv = e["inv"]
        self.comp = e["comp"] if comp is None else comp


def status_code(e):
    return e["resp"]["status"] if e.get("resp") else None


def indeterminate(e):
    """No answer, or a 5xx that does not say nothing was done (503 "Busy" says so: checked as no effect)."""
    s = status_code(e)
    if s == 503 and (body(e) or {}).get("title") == "Busy":
        return False
    return s is None or s >= 500


def body(e):
    return (e.get("resp") or {}).get("body")


def step(state, op):
    """The model: the new state if op may take effect here with the answer it got, else None."""
    version, token, events, has_packet, pkt = state
    e, k = op.e, op.kind
    s = status_code(e)
    unknown = indeterminate(e) or not op.check
    if k == "read":
        if unknown or s != 200:
            return state
        b = body(e)
        st, used = status_of(events)
        a = b.get("authorization", {})
        if b["version"] != version or b["patient"].get("groupNumber") != token \
                or a.get("status") != st or a.get("sessionsUsed", 0) != used:
            return None
        return state
    if k == "put":
        sent = e["req"]["body"]["version"]
        tok = e["req"]["body"]["patient"]["groupNumber"]
        if not op.effect:
            return state
        if unknown:
            return (version + 1, tok, events, has_packet, pkt) if sent == version else state
        if s == 200:
            if sent != version or body(e)["version"] != version + 1:
                return None
            return (version + 1, tok, events, has_packet, pkt)
        if s == 409:
            return state if sent != version else None
        return state
    if k == "packet":
        if not op.effect:
            return state
        if unknown:
            return (version, token, events, True, "?")
        if s == 201:
            if body(e).get("caseVersion", 0) > version:
                return None
            return (version, token, events, True, body(e).get("caseVersion"))
        return state
    if k == "event":
        if not op.effect:
            return state
        req = e["req"]["body"]
        t, d = req["type"], req["date"]
        st, used = status_of(events)
        last = events[-1][1] if events else ""
        ok = st in ALLOWED[t] and (t != "SUBMITTED" or has_packet)
        dated = d >= last
        if unknown:
            return (version, token, events + ((t, d),), has_packet, pkt) if ok and dated else state
        if s == 201:
            if not (ok and dated):
                return None
            new = events + ((t, d),)
            st2, used2 = status_of(new)
            a = body(e)["authorization"]
            if a.get("status") != st2 or a.get("sessionsUsed", 0) != used2:
                return None
            if t == "SUBMITTED" and CHECK_OUTDATED and isinstance(pkt, int) \
                    and ("PACKET_OUTDATED" in body(e).get("warnings", [])) != (pkt < version):
                return None
            return (version, token, new, has_packet, pkt)
        if s == 409:
            title = (body(e) or {}).get("title", "")
            if title in ("Request in progress", "Request interrupted", "Recorded at the same moment"):
                return state
            if "appealDeadline" in json.dumps(body(e)):
                return state
            return state if not ok else None
        if s == 400:
            return state if not dated or "date" not in json.dumps(body(e)) else None
        return state
    if k == "events":
        if unknown or s != 200:
            return state
        got = tuple((x["type"], x["date"]) for x in body(e))
        return state if got == events else None
    if k == "list":
        if unknown or s != 200:
            return state
        item = op.check  # the case's list item (a dict), or False
        st, used = status_of(events)
        a = item.get("authorization", {})
        return state if a.get("status") == st and a.get("sessionsUsed", 0) == used else None
    if k == "worklist":
        if unknown or s != 200:
            return state
        where = op.check
        st, used = status_of(events)
        expect = set()
        if st == "DENIED":
            expect.add("appealDue")
        if st == "NOT_SUBMITTED" and has_packet:
            expect.add("readyToSubmit")
        if st == "APPROVED" and max(0, 6 - used) <= 2:
            expect.add("renewSoon")
        return state if where == expect else None
    return state


def linearize(ops, init, budget=2_000_000, end=None):
    """Wing & Gong's search with Lowe's memoisation. Answers (True, None) or (False, deepest prefix)."""
    n = len(ops)
    for i, op in enumerate(ops):
        op.idx = i
    # events in time order: (time, kind 0=call 1=return, op); a return at the same time after calls
    evs = sorted([(op.inv, 0, op.idx) for op in ops] + [(op.comp, 1, op.idx) for op in ops if op.comp != INF],
                 key=lambda x: (x[0], x[1]))
    # doubly linked list of entries
    nodes = [(k, i) for _, k, i in evs]
    m = len(nodes)
    nxt = list(range(1, m)) + [None]
    prv = [None] + list(range(0, m))
    head = 0 if m else None
    ret_node = {}
    for j, (k, i) in enumerate(nodes):
        if k == 1:
            ret_node[i] = j
    call_node = {i: j for j, (k, i) in enumerate(nodes) if k == 0}
    linearized = 0
    state = init
    cache = set()
    stack = []
    cur = head
    best = 0
    steps = 0

    def lift(j):
        nonlocal head
        # unlink call node j and its return node
        for x in (j, ret_node.get(nodes[j][1])):
            if x is None:
                continue
            p, q = prv[x], nxt[x]
            if p is not None:
                nxt[p] = q
            else:
                head = q
            if q is not None:
                prv[q] = p

    def unlift(j):
        nonlocal head
        for x in (ret_node.get(nodes[j][1]), j):
            if x is None:
                continue
            p, q = prv[x], nxt[x]
            if p is not None:
                nxt[p] = x
            else:
                head = x
            if q is not None:
                prv[q] = x

    while head is not None:
        steps += 1
        if steps > budget:
            return None, best
        k, i = nodes[cur] if cur is not None else (1, None)
        if k == 0:
            new = step(state, ops[i])
            if new is not None:
                bit = linearized | (1 << i)
                key = (bit, new)
                if key not in cache:
                    cache.add(key)
                    stack.append((cur, state))
                    state = new
                    linearized = bit
                    best = max(best, bin(bit).count("1"))
                    lift(cur)
                    cur = head
                    continue
            cur = nxt[cur]
        else:
            # a return reached: backtrack
            if not stack:
                return False, best
            j, state = stack.pop()
            i2 = nodes[j][1]
            linearized &= ~(1 << i2)
            unlift(j)
            cur = nxt[j]
    if end is not None:
        end["state"] = state
    return True, best


def main(paths):
    total_problems = 0
    for path in paths:
        total_problems += check(path)
    sys.exit(1 if total_problems else 0)


def check(path):
    entries, notes, refused = [], [], 0
    for line in (gzip.open(path, "rt") if path.endswith(".gz") else open(path)):
        e = json.loads(line)
        if "op" in e and (e.get("error") or "").startswith("ConnectionRefusedError"):
            refused += 1    # never reached the instance: no effect, nothing to check
            continue
        (entries if "op" in e else notes).append(e)
    cases = next(n["cases"] for n in notes if n["note"] == "cases")
    problems = []
    counts = collections.Counter((e["op"], status_code(e)) for e in entries)
    faults = collections.Counter(n["note"] for n in notes if n["note"] in ("kill9", "sigstop"))
    print(f"== {path}: {len(entries)} operations on {len(cases)} cases ({refused} more refused: instance down), "
          f"faults {dict(faults)}")
    print("   " + ", ".join(f"{k[0]} {k[1]}: {v}" for k, v in sorted(counts.items(), key=str)))

    # -- Idempotency-Key groups: one effect, identical replays
    groups = collections.defaultdict(list)
    for e in entries:
        key = e["req"]["headers"].get("Idempotency-Key")
        if key:
            groups[key].append(e)
    effectful = set()
    for key, es in groups.items():
        es.sort(key=lambda x: x["inv"])
        same = [x for x in es if not x["op"].endswith("-otherbody")]
        originals = [x for x in es if status_code(x) and 200 <= status_code(x) < 300
                     and not (x["resp"]["headers"].get("idempotent-replayed") == "true")]
        replays = [x for x in es if status_code(x) and 200 <= status_code(x) < 300
                   and x["resp"]["headers"].get("idempotent-replayed") == "true"]
        if len(originals) > 1:
            problems.append(("idempotency: two answers done for one key", [x["id"] for x in originals]))
        for r in replays:
            if originals and (r["resp"]["body"] != originals[0]["resp"]["body"] or r["resp"]["status"] != originals[0]["resp"]["status"]):
                problems.append(("idempotency: replay differs from the first answer", [originals[0]["id"], r["id"]]))
            if r["op"].endswith("-otherbody") and originals and not originals[0]["op"].endswith("-otherbody"):
                problems.append(("idempotency: another body replayed instead of 422", [originals[0]["id"], r["id"]]))
        for x in es:
            if x["op"].endswith("-otherbody") and originals and x["inv"] > originals[0]["comp"] \
                    and not originals[0]["op"].endswith("-otherbody") and status_code(x) not in (422, None) \
                    and status_code(x) < 500:
                problems.append((f"idempotency: another body with a used key answered {status_code(x)}",
                                 [originals[0]["id"], x["id"]]))
        if originals:
            effectful.add(originals[0]["id"])
        else:
            unk = [x for x in es if indeterminate(x)]
            if unk:
                effectful.add(unk[0]["id"])

    def has_effect(e):
        key = e["req"]["headers"].get("Idempotency-Key")
        return not key or e["id"] in effectful

    # -- creates: each create body has a unique patient name; count the cases per name at the end
    final_lists = [e for e in entries if e["client"] == -2 and e["op"] == "list" and status_code(e) == 200]
    if final_lists:
        names = collections.Counter(item.get("patientName") for item in body(final_lists[-1]))
        sent = collections.defaultdict(lambda: [0, 0])   # name -> [acknowledged, maybe]
        for e in entries:
            if e["op"].startswith("create"):
                name = "Dana " + e["req"]["body"]["patient"]["lastName"]
                if status_code(e) == 201 and has_effect(e) and e["resp"]["headers"].get("idempotent-replayed") != "true":
                    sent[name][0] += 1
                elif indeterminate(e) and has_effect(e):
                    sent[name][1] += 1
        for name, (ack, maybe) in sent.items():
            if not ack <= names.get(name, 0) <= ack + maybe:
                problems.append((f"create: {names.get(name, 0)} cases named {name!r}, {ack} acknowledged, {maybe} unanswered",
                                 [e["id"] for e in entries if e["op"].startswith("create")
                                  and "Dana " + e["req"]["body"]["patient"]["lastName"] == name]))

    # -- per case: the linearization search, from the case as created
    inits = {}
    for e in entries:
        if e["op"] == "setup" and status_code(e) == 201:
            b = body(e)
            inits[b["id"]] = (b["version"], b["patient"]["groupNumber"], (), False, None)
    searched = 0
    for case in cases:
        ops = []
        for e in entries:
            if e["op"] in ("setup", "audit", "audit-final", "completeness", "documents", "download", "pas-bundle") \
                    or e["op"].startswith(("create", "audit-count")):
                continue
            if e["op"] == "list":
                if status_code(e) != 200:
                    continue
                item = next((x for x in body(e) if x["id"] == case), None)
                if item is None:
                    problems.append(("list: a case is missing", [e["id"]]))
                    continue
                ops.append(Op(e, "list", check=item))
                continue
            if e["op"] == "worklist":
                if status_code(e) != 200:
                    continue
                where = {k for k in ("appealDue", "readyToSubmit", "renewSoon", "waitingOnPayer", "expired")
                         if any(x["caseId"] == case for x in body(e)[k])}
                ops.append(Op(e, "worklist", check=where))
                continue
            if e["case"] != case:
                continue
            kind = e["op"].replace("-otherbody", "")
            replay = e.get("resp") and e["resp"]["headers"].get("idempotent-replayed") == "true"
            op = Op(e, kind, effect=has_effect(e) and not replay,
                    comp=INF if indeterminate(e) else None)
            if op.comp == INF and observer(op):
                continue    # an unanswered read constrains nothing
            ops.append(op)
        ops.sort(key=lambda o: o.inv)
        searched += len(ops)
        ok, best = linearize(ops, inits[case])
        if ok is None:
            print(f"   case {case}: search gave up ({len(ops)} operations)")
        elif not ok:
            problems.append((f"case {case}: no linearization ({len(ops)} operations; longest linearizable prefix {best})",
                             minimal(ops, inits[case])))

    # -- packets: the version they were made from was current during the request
    by_case = collections.defaultdict(list)
    for e in entries:
        if e["case"]:
            by_case[e["case"]].append(e)
    for case, es in by_case.items():
        acked_versions = [(x["comp"], body(x)["version"]) for x in es if x["op"] in ("put", "read") and status_code(x) == 200]
        for p in es:
            if p["op"].startswith("packet") and status_code(p) == 201 and p["resp"]["headers"].get("idempotent-replayed") != "true":
                floor = max([v for c, v in acked_versions if c < p["inv"]], default=0)
                if body(p)["caseVersion"] < floor:
                    problems.append((f"packet: made from version {body(p)['caseVersion']} but version {floor} was read before it was asked", [p["id"]]))

    # -- at the end: every acknowledged event and packet is there (on every instance)
    for case in cases:
        es = by_case[case]
        acked_events = {body(x)["event"]["id"] for x in es if x["op"].startswith("event") and status_code(x) == 201}
        maybe_events = sum(1 for x in es if x["op"].startswith("event") and indeterminate(x) and has_effect(x))
        acked_docs = {body(x)["id"] for x in es if x["op"].startswith("packet") and status_code(x) == 201}
        maybe_docs = sum(1 for x in es if x["op"].startswith("packet") and indeterminate(x) and has_effect(x))
        for f in [x for x in es if x["client"] == -2 and status_code(x) == 200]:
            if f["op"] == "events":
                ids = [x["id"] for x in body(f)]
                if len(ids) != len(set(ids)) or not acked_events <= set(ids) or len(set(ids) - acked_events) > maybe_events:
                    problems.append((f"events at the end: {len(ids)} listed, {len(acked_events)} acknowledged, {maybe_events} unanswered", [f["id"]]))
            if f["op"] == "documents":
                ids = [x["id"] for x in body(f)]
                if not acked_docs <= set(ids) or len(set(ids) - acked_docs) > maybe_docs:
                    problems.append((f"documents at the end: {len(ids)} listed, {len(acked_docs)} acknowledged, {maybe_docs} unanswered", [f["id"]]))
        # a document list read after a packet was acknowledged shows it
        for d in [x for x in es if x["op"] == "documents" and status_code(x) == 200]:
            listed = {x["id"] for x in body(d)}
            for p in es:
                if p["op"].startswith("packet") and status_code(p) == 201 and p["comp"] < d["inv"] and body(p)["id"] not in listed:
                    problems.append(("documents: an acknowledged packet missing from a later list", [p["id"], d["id"]]))

    # -- the audit trail: one row per 200 read and per acknowledged write, no row without a request
    audit_rows = collections.defaultdict(collections.Counter)
    for e in entries:
        if e["op"] == "audit-final" and status_code(e) == 200:
            for item in body(e)["items"]:
                if item.get("caseId"):
                    audit_rows[item["caseId"]][(item["action"], item["outcome"])] += 1
    if audit_rows:
        reads = {"read": "CASE_READ", "completeness": "COMPLETENESS_CHECKED", "events": "AUTH_EVENTS_LISTED",
                 "documents": "DOCUMENTS_LISTED", "download": "DOCUMENT_DOWNLOADED", "put": "CASE_UPDATED",
                 "pas-bundle": "FHIR_EXPORTED"}
        for case in cases:
            expect = collections.Counter()
            maybe = collections.Counter()
            for x in by_case[case]:
                op = x["op"].replace("-otherbody", "")
                replay = x.get("resp") and x["resp"]["headers"].get("idempotent-replayed") == "true"
                action = reads.get(op)
                if op == "event":
                    action = "AUTH_" + x["req"]["body"]["type"]
                elif op == "packet":
                    action = "PACKET_GENERATED"
                if action is None or replay:
                    continue
                s = status_code(x)
                if s is not None and 200 <= s < 300:
                    expect[action] += 1
                elif s is None or s >= 500:
                    maybe[action] += 1
            for action in set(expect) | set(maybe):
                got = audit_rows[case][(action, "OK")]
                if not expect[action] <= got <= expect[action] + maybe[action]:
                    problems.append((f"audit: case {case[:8]} {action}: {got} OK rows, {expect[action]} answered 2xx, {maybe[action]} unanswered", []))

    # -- audit rows without a case (the list, the worklist): counted over the run
    for action, op in (("CASES_LISTED", "list"), ("WORKLIST_VIEWED", "worklist")):
        before = [e for e in entries if e["op"] == "audit-count-before" and e["case"] == action and status_code(e) == 200]
        after = [e for e in entries if e["op"] == "audit-count-after" and e["case"] == action and status_code(e) == 200]
        if before and after:
            got = body(after[0])["totalItems"] - body(before[0])["totalItems"]
            ok = sum(1 for e in entries if e["op"] == op and status_code(e) == 200)
            maybe = sum(1 for e in entries if e["op"] == op and indeterminate(e))
            print(f"   audit {action}: {got} rows over the run, {ok} answered 200, {maybe} unanswered")
            if not ok <= got <= ok + maybe:
                problems.append((f"audit: {action}: {got} rows over the run, {ok} answered 200, {maybe} unanswered", []))
    print(f"   searched {searched} case-operations; {len(problems)} problems")
    for title, ids in problems:
        print("   PROBLEM:", title, ids[:40] if isinstance(ids, list) and ids and isinstance(ids[0], int) else "")
        if isinstance(ids, tuple):
            start, ids = ids
            v, tok, evs, pkt, pv = start
            print(f"      from: version {v}, token {tok}, events {[t for t, _ in evs]}, packet {pkt} (of version {pv})")
        if ids and isinstance(ids[0], Op):
            for o in ids:
                e = o.e
                print(f"      #{e['id']} c{e['client']} {e['op']} @{e['inst']} [{e['inv']:.3f}, {e['comp']:.3f}] "
                      f"{json.dumps(summary_req(e))} -> {json.dumps(summary_resp(e, o))}")
    return len(problems)


def summary_req(e):
    b = e["req"]["body"] or {}
    out = {"m": e["req"]["method"]}
    if "version" in b:
        out.update(version=b["version"], token=b["patient"]["groupNumber"])
    if "type" in b:
        out.update(type=b["type"], date=b["date"])
    if e["req"]["headers"].get("Idempotency-Key"):
        out["key"] = e["req"]["headers"]["Idempotency-Key"][-6:]
    return out


def summary_resp(e, o):
    if not e.get("resp"):
        return {"error": e.get("error")}
    s, b = e["resp"]["status"], e["resp"].get("body")
    out = {"status": s}
    if isinstance(b, dict):
        if "version" in b and "patient" in b:
            out.update(version=b["version"], token=b["patient"].get("groupNumber"), auth=b.get("authorization", {}).get("status"),
                       used=b.get("authorization", {}).get("sessionsUsed"))
        if "authorization" in b and "event" in b:
            out.update(auth=b["authorization"]["status"], used=b["authorization"].get("sessionsUsed"))
        if "caseVersion" in b:
            out["caseVersion"] = b["caseVersion"]
        if "title" in b:
            out["title"] = b["title"]
    if isinstance(b, list) and o.kind == "events":
        out["events"] = [x["type"] for x in b]
    if o.kind in ("list", "worklist"):
        out["item"] = o.check if o.kind == "worklist" else o.check.get("authorization")
    if e["resp"]["headers"].get("idempotent-replayed"):
        out["replayed"] = True
    return out


def observer(o):
    """An operation that changes nothing in the model: removing it cannot make a history non-linearizable."""
    s = status_code(o.e)
    if o.kind in ("read", "events", "list", "worklist") or not o.effect:
        return True
    return s is not None and s < 500 and not (200 <= s < 300)


def final_state(ops, init):
    """One state a linearizable history can end in (the search's last state), or None."""
    holder = {}
    ok, _ = linearize(ops, init, budget=500_000, end=holder)
    return holder.get("state") if ok else None


def minimal(ops, init):
    """Shrinks a non-linearizable history without inventing anomalies: drops observers (reads, refused
    writes; in halves, then one by one), drops operations invoked after every other one had completed
    (they come last in any linearization), and replaces a leading part that completed before the rest
    began by the state it leaves (printed as the start). Accepted writes elsewhere stay: dropping one
    could invent an anomaly."""
    cur, start = list(ops), init

    def bad(trial, st):
        return bool(trial) and linearize(trial, st, budget=300_000)[0] is False

    # a leading part that completed before the rest began: keep its state instead
    cuts = []
    done = -INF
    for i, o in enumerate(cur[:-1]):
        done = max(done, o.comp)
        if done < cur[i + 1].inv:
            cuts.append(i + 1)
    for k in reversed(cuts):
        st = final_state(cur[:k], start)
        if st is not None and bad(cur[k:], st):
            cur, start = cur[k:], st
            break
    chunk = max(1, len(cur) // 2)
    while chunk >= 1:
        i = 0
        while i < len(cur):
            part = cur[i:i + chunk]
            if all(observer(o) for o in part) and bad(cur[:i] + cur[i + chunk:], start):
                cur = cur[:i] + cur[i + chunk:]
            else:
                i += chunk
        chunk //= 2
    while len(cur) > 1 and cur[-1].inv > max(o.comp for o in cur[:-1]) and bad(cur[:-1], start):
        cur = cur[:-1]
    return start, cur


if __name__ == "__main__":
    main(sys.argv[1:])
