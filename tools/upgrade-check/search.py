#!/usr/bin/env python3
"""Search the case list as a clerk does: search.py BASE_URL TEXT..."""
import os, re, sys, requests
B=sys.argv[1]; s=requests.Session()
t=s.get(B+"/login").text; tok=re.search(r'name="_csrf"[^>]*value="([^"]+)"',t) or re.search(r'value="([^"]+)"[^>]*name="_csrf"',t)
s.post(B+"/login",data={"username":"north.billing","password":os.environ.get("AUTHPACK_PW", "demo-pass-2026"),"_csrf":tok.group(1)})
for q in sys.argv[2:]:
    t=s.get(B+"/cases").text; tok=re.search(r'name="_csrf"[^>]*value="([^"]+)"',t) or re.search(r'value="([^"]+)"[^>]*name="_csrf"',t)
    r=s.post(B+"/cases/search",data={"q":q,"status":"","authStatus":"","_csrf":tok.group(1)})
    rows=re.findall(r'href="/cases/([0-9a-f-]{36})"', r.text)
    print(f"search {q!r}: {r.status_code}", sorted(set(rows)))
