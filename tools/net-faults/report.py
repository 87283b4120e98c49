#!/usr/bin/env python3
"""Summarises a clerk.py run per phase: answers by status and problem title, the slowest answer, readiness.

  report.py run.jsonl
"""
import collections, json, sys


def main(path):
    order, requests, ready = [], collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
    slowest, summary = collections.defaultdict(float), None
    for line in open(path):
        r = json.loads(line)
        if "summary" in r:
            summary = r["summary"]
            continue
        ph = r["phase"]
        if ph not in order:
            order.append(ph)
        if "readiness" in r:
            ready[ph][str(r["readiness"])] += 1
            continue
        status = r.get("status") or r.get("error")
        key = f"{status}" + (f" {r['title']}" if r.get("title") else "") + (f" RA={r['retryAfter']}" if r.get("retryAfter") else "")
        requests[ph][key] += 1
        slowest[ph] = max(slowest[ph], r["seconds"])
    for ph in order:
        print(f"{ph}: {sum(requests[ph].values())} requests, slowest {slowest[ph]:.1f} s; readiness {dict(ready[ph])}")
        for k, n in requests[ph].most_common():
            print(f"    {n:5d}  {k}")
    if summary:
        print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
