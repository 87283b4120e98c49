"""pbm2png.py IN.pbm OUT.png [x0 y0 x1 y1] -- 1-bit PBM (P4) to greyscale PNG, optional crop, no PIL needed."""
import sys, zlib, struct
d = open(sys.argv[1], 'rb').read(); lines = d.split(b'\n'); i = 1
while lines[i].startswith(b'#'): i += 1
w, h = map(int, lines[i].split()); off = len(b'\n'.join(lines[:i+1])) + 1; rb = (w + 7) // 8; data = d[off:]
x0, y0, x1, y1 = (list(map(int, sys.argv[3:7])) if len(sys.argv) > 6 else [0, 0, w, h])
raw = bytearray()
for y in range(y0, y1):
    row = data[y*rb:(y+1)*rb]; raw.append(0)
    raw += bytes(0 if (row[x >> 3] >> (7 - (x & 7))) & 1 else 255 for x in range(x0, x1))
def chunk(t, b): return struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b) & 0xffffffff)
open(sys.argv[2], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', x1-x0, y1-y0, 8, 0, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(bytes(raw))) + chunk(b'IEND', b''))
