#!/usr/bin/env python3
"""Plants anomalies in a recorded history and checks that check.py reports each one as a new problem.

  selftest.py history.jsonl
"""
import copy, gzip, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def ok(e, op, status=None):
    return e.get("op") == op and e.get("client", -1) >= 0 and e.get("resp") \
        and (status is None or e["resp"]["status"] == status)


def stale_read(ls):
    r = [x for x in ls if ok(x, "read", 200) and x["resp"]["body"]["version"] >= 2][-1]
    r["resp"]["body"]["version"] -= 1


def stale_put_accepted(ls):
    p = [x for x in ls if ok(x, "put", 409)][0]
    p["resp"] = {"status": 200, "headers": {}, "body": copy.deepcopy([x for x in ls if ok(x, "put", 200)][0]["resp"]["body"])}
    p["resp"]["body"]["version"] = p["req"]["body"]["version"] + 1


def event_out_of_order(ls):
    e = [x for x in ls if ok(x, "event", 409) and x["req"]["body"]["type"] == "APPEALED"][0]
    e["resp"] = {"status": 201, "headers": {}, "body": {"authorization": {"status": "APPEALED", "sessionsUsed": 0},
                                                       "event": {"id": 10 ** 9}, "warnings": []}}


def key_done_twice(ls):
    k = [x for x in ls if ok(x, "packet", 201) and x["req"]["headers"].get("Idempotency-Key")
         and x["resp"]["headers"].get("idempotent-replayed") != "true"][0]
    d = copy.deepcopy(k)
    d["id"], d["inv"], d["comp"] = 10 ** 9, d["inv"] + 0.01, d["comp"] + 0.01
    d["resp"]["body"]["id"] = "00000000-0000-0000-0000-000000000000"
    ls.append(d)


def audit_row_missing(ls):
    a = [x for x in ls if x.get("op") == "audit-final" and x["resp"]["status"] == 200
         and any(i["action"] == "CASE_READ" for i in x["resp"]["body"]["items"])][0]
    items = a["resp"]["body"]["items"]
    del items[[j for j, i in enumerate(items) if i["action"] == "CASE_READ"][0]]


def event_lost(ls):
    e = [x for x in ls if ok(x, "events", 200) and x["resp"]["body"]][-1]
    e["resp"]["body"] = e["resp"]["body"][:-1]


def packet_from_old_version(ls):
    p = [x for x in ls if ok(x, "packet", 201) and x["resp"]["body"]["caseVersion"] >= 3][-1]
    p["resp"]["body"]["caseVersion"] = 0


def outdated_warning_missing(ls):
    # every one: a packet made at the same moment can make a single one ambiguous
    es = [x for x in ls if ok(x, "event", 201) and "PACKET_OUTDATED" in x["resp"]["body"].get("warnings", [])]
    es[0]["resp"]["body"]["warnings"] = []
    for e in es:
        e["resp"]["body"]["warnings"] = []


def problems(lines):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("".join(json.dumps(x) + "\n" for x in lines))
    out = subprocess.run([sys.executable, os.path.join(HERE, "check.py"), f.name], capture_output=True, text=True).stdout
    os.unlink(f.name)
    return [l.strip() for l in out.splitlines() if "PROBLEM" in l]


def main(path):
    lines = [json.loads(l) for l in (gzip.open(path, "rt") if path.endswith(".gz") else open(path))]
    baseline = problems(lines)
    failed = 0
    for plant in (stale_read, stale_put_accepted, event_out_of_order, key_done_twice, audit_row_missing, event_lost,
                  packet_from_old_version, outdated_warning_missing):
        ls = copy.deepcopy(lines)
        try:
            plant(ls)
        except IndexError:
            print(f"{plant.__name__}: nothing to plant it in")
            continue
        found = [p for p in problems(ls) if p not in baseline]
        print(f"{plant.__name__}: {'found' if found else 'MISSED'} {found[:1]}")
        failed += not found
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1])
