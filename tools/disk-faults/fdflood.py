import threading, http.client, base64, json, sys, time, collections, random
sys.path.insert(0, '.'); import diskfill
N = int(sys.argv[1]); ROUNDS = int(sys.argv[2])
auth = {"Authorization": "Basic " + base64.b64encode(b"north.billing:demo-pass-2026").decode(), "Accept": "application/json"}
res = collections.Counter(); lock = threading.Lock(); acks = []
case = json.loads(open('case-body.json').read())
def worker(i):
    conns = []
    for r in range(ROUNDS):
        try:
            c = http.client.HTTPConnection("127.0.0.1", 18750, timeout=60)
            conns.append(c)  # keep them open: each holds a descriptor in the service
            op = random.choice(["create", "read", "packet"]) 
            if op == "create" or not acks:
                c.request("POST", "/api/v1/cases", body=json.dumps(case), headers=dict(auth, **{"Content-Type": "application/json"}))
            elif op == "read":
                c.request("GET", "/api/v1/cases/" + random.choice(acks), headers=auth)
            else:
                c.request("POST", "/api/v1/cases/%s/packet" % random.choice(acks), headers=auth)
            resp = c.getresponse(); body = resp.read()
            key = f"{op}:{resp.status}"
            if resp.status >= 300:
                try: key += ":" + json.loads(body).get("title", "")
                except Exception: key += ":" + body[:60].decode('utf-8', 'replace')
            elif op == "create" or not acks:
                with lock: acks.append(json.loads(body)["id"])
            with lock: res[key] += 1
        except Exception as e:
            with lock: res[f"error:{type(e).__name__}:{str(e)[:40]}"] += 1
    time.sleep(5)
    for c in conns: c.close()
ts = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
t0 = time.time()
for t in ts: t.start()
for t in ts: t.join()
print(round(time.time() - t0, 1), "s", dict(res))
json.dump(acks, open('fd-acks.json', 'w'))
