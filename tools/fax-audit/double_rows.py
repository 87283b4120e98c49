import sys
d = open(sys.argv[1], 'rb').read()
# P4 header: magic, optional comment lines, width height, then raster
lines = d.split(b'\n')
i = 1
while lines[i].startswith(b'#'): i += 1
w, h = map(int, lines[i].split())
off = len(b'\n'.join(lines[:i+1])) + 1
rowb = (w + 7) // 8
data = d[off:]
out = bytearray()
for r in range(h):
    row = data[r*rowb:(r+1)*rowb]; out += row + row
open(sys.argv[2], 'wb').write(b'P4\n%d %d\n' % (w, 2*h) + bytes(out))
