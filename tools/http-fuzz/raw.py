"""A raw HTTP/1.1 client over a socket: sends exactly the bytes asked for (bad paths, duplicated or huge
headers, wrong Content-Length, chunked bodies), one request per connection."""
import base64
import socket

CRLF = b"\r\n"


class Response:
    def __init__(self, status, reason, headers, body, raw_len):
        self.status, self.reason, self.headers, self.body, self.raw_len = status, reason, headers, body, raw_len

    def header(self, name):
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]


def basic(user, password="demo-pass-2026"):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def send(port, method, target, headers=(), body=b"", host="127.0.0.1", raw=None, timeout=30, length=True):
    """headers: list of (name, value) pairs, sent in order (duplicates allowed). Content-Length is added
    for a body unless given or length=False. raw: bytes sent as is instead of building a request."""
    if raw is None:
        if isinstance(target, str):
            target = target.encode("latin-1")
        lines = [method.encode() + b" " + target + b" HTTP/1.1", b"Host: " + host.encode() + b":" + str(port).encode()]
        names = {k.lower() for k, _ in headers}
        for k, v in headers:
            lines.append(k.encode("latin-1") + b": " + (v if isinstance(v, bytes) else v.encode("latin-1")))
        if body and length and "content-length" not in names and "transfer-encoding" not in names:
            lines.append(b"Content-Length: " + str(len(body)).encode())
        lines.append(b"Connection: close")
        raw = CRLF.join(lines) + CRLF + CRLF + (body or b"")
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        try:
            s.sendall(raw)
        except OSError:
            pass
        chunks = []
        while True:
            try:
                c = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not c:
                break
            chunks.append(c)
    finally:
        s.close()
    data = b"".join(chunks)
    return parse(data, method == "HEAD")


def parse(data, head=False):
    if not data:
        return Response(0, "no answer", [], b"", 0)
    end = data.find(CRLF + CRLF)
    if end < 0:
        return Response(-1, "truncated", [], data, len(data))
    lines = data[:end].decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    status = int(parts[1])
    headers = []
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers.append((k.strip(), v.strip()))
    body = data[end + 4:]
    te = [v for k, v in headers if k.lower() == "transfer-encoding"]
    if te and "chunked" in te[0].lower() and not head:
        out, rest = b"", body
        while rest:
            size_line, _, rest = rest.partition(CRLF)
            try:
                n = int(size_line.split(b";")[0], 16)
            except ValueError:
                break
            if n == 0:
                break
            out += rest[:n]
            rest = rest[n + 2:]
        body = out
    return Response(status, parts[2] if len(parts) > 2 else "", headers, body, len(data))
