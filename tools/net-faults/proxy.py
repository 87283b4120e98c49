#!/usr/bin/env python3
"""A fault-injecting TCP proxy for the link between Authpack and PostgreSQL (stdlib only).

  proxy.py --listen 18151 --upstream 127.0.0.1:18150 --control 18152

Forwards every connection to the upstream and obeys commands on the control port (one line, answered
with one line; e.g. `echo 'latency 200' | nc 127.0.0.1 18152`):

  pass                    forward everything at once (the default); ends every fault below
  latency MS              hold every chunk MS milliseconds in each direction (order kept)
  bandwidth BYTES         at most BYTES per second per direction per connection (0 = unlimited)
  blackhole               stop forwarding in both directions without closing anything: the peers see
                          an open, silent connection (a firewall dropping packets, a dead host whose
                          TCP never answers); new connections are accepted and are silent too
  refuse                  close the listening socket: new connections are refused (the database host down)
  reset                   end every open connection with a TCP reset (RST) at once
  reset-before-commit N   the next N connections that send COMMIT are reset before it reaches the server
  reset-after-commit N    the next N connections that send COMMIT have it forwarded, and are reset before
                          the server's answer reaches the client: the commit may have happened, the client
                          cannot know
  restart                 reset every connection, close the listener, open it again 1 s later
  stats                   counters (connections, resets, commits seen)

The proxy looks for COMMIT in the client's bytes (PostgreSQL's wire protocol carries SQL text as is,
in a simple Query or an extended-protocol Parse); good enough for a test link, not a protocol parser.
"""
import argparse, collections, socket, struct, threading, time

state_lock = threading.Lock()
state = {"latency": 0.0, "bandwidth": 0, "blackhole": False, "reset_before": 0, "reset_after": 0}
stats = collections.Counter()
conns = set()


def log(msg):
    print(time.strftime("%H:%M:%S") + " " + msg, flush=True)


def hard_close(sock):
    """Closes with SO_LINGER 0, so the peer gets a RST rather than a FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        # wakes a thread blocked in recv on it: a close alone leaves the socket open while that thread waits
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


class Link:
    """One client connection and its upstream connection, with a pump per direction."""

    def __init__(self, client, upstream_addr):
        self.client = client
        self.server = socket.create_connection(upstream_addr, timeout=10)
        self.server.settimeout(None)
        self.dead = threading.Event()
        self.drop_server_bytes = False  # after a COMMIT was let through to be "lost"
        self.halves_closed = 0
        for src, dst, up in ((client, self.server, True), (self.server, client, False)):
            q = collections.deque()
            cv = threading.Condition()
            threading.Thread(target=self.reader, args=(src, q, cv, up), daemon=True).start()
            threading.Thread(target=self.writer, args=(dst, q, cv, up), daemon=True).start()

    def kill(self, why):
        if not self.dead.is_set():
            self.dead.set()
            stats["resets"] += 1
            log(f"reset a connection ({why})")
            hard_close(self.client)
            hard_close(self.server)
            with state_lock:
                conns.discard(self)

    def reader(self, src, q, cv, up):
        while not self.dead.is_set():
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            if not data:
                # a clean close from one side: close the other side's write half once sent
                with cv:
                    q.append((time.monotonic(), None))
                    cv.notify()
                return
            if up and b"COMMIT" in data.upper():
                stats["commits"] += 1
                with state_lock:
                    before = state["reset_before"] > 0
                    after = not before and state["reset_after"] > 0
                    if before:
                        state["reset_before"] -= 1
                    if after:
                        state["reset_after"] -= 1
                if before:
                    self.kill("before COMMIT reached the server")
                    return
                if after:
                    self.drop_server_bytes = True
                    # forward the COMMIT now, then reset once the server had time to do it
                    try:
                        self.server.sendall(data)
                    except OSError:
                        pass
                    threading.Timer(0.3, self.kill, args=("after COMMIT reached the server",)).start()
                    return
            with cv:
                q.append((time.monotonic(), data))
                cv.notify()

    def writer(self, dst, q, cv, up):
        while not self.dead.is_set():
            with cv:
                while not q and not self.dead.is_set():
                    cv.wait(0.2)
                if self.dead.is_set():
                    return
                t, data = q[0]
            with state_lock:
                latency, bandwidth, blackhole = state["latency"], state["bandwidth"], state["blackhole"]
            if blackhole:
                time.sleep(0.05)
                continue
            wait = t + latency - time.monotonic()
            if wait > 0:
                time.sleep(min(wait, 0.05))
                continue
            with cv:
                q.popleft()
            if data is None:
                try:
                    dst.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
                with state_lock:
                    self.halves_closed += 1
                    done = self.halves_closed == 2
                    if done:
                        conns.discard(self)
                if done:
                    self.dead.set()
                    for sock in (self.client, self.server):
                        try:
                            sock.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass
                        sock.close()
                return
            if not up and self.drop_server_bytes:
                continue
            try:
                if bandwidth:
                    for i in range(0, len(data), 1024):
                        dst.sendall(data[i:i + 1024])
                        time.sleep(min(len(data) - i, 1024) / bandwidth)
                else:
                    dst.sendall(data)
            except OSError:
                self.kill("peer gone")
                return


class Listener:
    def __init__(self, port, upstream):
        self.port, self.upstream, self.sock = port, upstream, None

    def open(self):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", self.port))
        s.listen(128)
        self.sock = s
        threading.Thread(target=self.accept, args=(s,), daemon=True).start()
        log(f"listening on {self.port}")

    def close(self):
        if self.sock:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.sock.close()
            self.sock = None
            log("listener closed: new connections are refused")

    def accept(self, s):
        while True:
            try:
                client, _ = s.accept()
            except OSError:
                return
            stats["connections"] += 1
            try:
                link = Link(client, self.upstream)
            except OSError as e:
                log(f"upstream unreachable: {e}")
                hard_close(client)
                continue
            with state_lock:
                conns.add(link)


def reset_all(why):
    with state_lock:
        links = list(conns)
    for link in links:
        link.kill(why)


def command(line, listener):
    words = line.split()
    if not words:
        return "?"
    cmd, arg = words[0], (words[1] if len(words) > 1 else "0")
    with state_lock:
        if cmd == "pass":
            state.update(latency=0.0, bandwidth=0, blackhole=False, reset_before=0, reset_after=0)
        elif cmd == "latency":
            state["latency"] = float(arg) / 1000
        elif cmd == "bandwidth":
            state["bandwidth"] = int(arg)
        elif cmd == "blackhole":
            state["blackhole"] = True
        elif cmd == "reset-before-commit":
            state["reset_before"] = int(arg or 1)
        elif cmd == "reset-after-commit":
            state["reset_after"] = int(arg or 1)
        elif cmd == "stats":
            return " ".join(f"{k}={v}" for k, v in sorted(stats.items())) + f" open={len(conns)} state={state}"
    if cmd == "pass" and listener.sock is None:
        listener.open()
    elif cmd == "refuse":
        listener.close()
    elif cmd == "reset":
        reset_all("reset command")
    elif cmd == "restart":
        listener.close()
        reset_all("proxy restart")
        time.sleep(1)
        listener.open()
    elif cmd not in ("pass", "latency", "bandwidth", "blackhole", "reset-before-commit", "reset-after-commit"):
        return "unknown command"
    log(f"command: {line.strip()}")
    return "ok"


def control(port, listener):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(8)
    while True:
        c, _ = s.accept()
        with c:
            f = c.makefile("rw")
            line = f.readline()
            f.write(command(line, listener) + "\n")
            f.flush()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--listen", type=int, required=True)
    p.add_argument("--upstream", required=True, help="host:port of PostgreSQL")
    p.add_argument("--control", type=int, required=True)
    a = p.parse_args()
    host, port = a.upstream.rsplit(":", 1)
    listener = Listener(a.listen, (host, int(port)))
    listener.open()
    control(a.control, listener)


if __name__ == "__main__":
    main()
