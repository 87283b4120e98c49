"""Per PDF (qpdf --qdf -- uncompressed), the fill colour in effect at each text-show op and at each rectangle fill,
with the font size (Tf) of the text: prints colour -> count of text ops, min size; and fill colours of rects."""
import re, sys, subprocess, collections, pathlib, tempfile
tok = re.compile(rb'\[(?:[^\]\\]|\\.)*\]|\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>|/[^\s/\[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z\'"*]+')
TMP = tempfile.mkdtemp()
text_by = collections.defaultdict(lambda: [0, 99.0]); fills = collections.Counter(); strokes = collections.Counter()
for pdf in sys.argv[1:]:
    q = pathlib.Path(TMP) / 'x.qdf'
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, str(q)], check=False)
    data = q.read_bytes()
    for m in re.finditer(rb'stream\r?\n(.*?)endstream', data, re.S):
        s = m.group(1)
        if (b'BT' not in s and b're' not in s) or sum(c > 127 for c in s[:4000]) > 40: continue
        stack = []; fill = 'g0'; size = 0; gs = []; pending_rect = False
        for t in tok.findall(s):
            if t in (b'rg', b'g', b'k', b'sc', b'scn', b'RG', b'G'):
                n = {b'rg':3, b'g':1, b'k':4, b'sc':len(stack), b'scn':len(stack), b'RG':3, b'G':1}[t]
                vals = stack[-n:] if n else []
                col = t.decode('latin1') + ' ' + ' '.join(v.decode('latin1') for v in vals)
                if t in (b'rg', b'g', b'k', b'sc', b'scn'): fill = col
                stack = []
            elif t == b'Tf': size = float(stack[-1]) if stack else 0; stack = []
            elif t in (b'Tj', b'TJ', b"'", b'"'):
                e = text_by[fill]; e[0] += 1; e[1] = min(e[1], size); stack = []
            elif t == b're': pending_rect = True; stack = []
            elif t in (b'f', b'F', b'f*'):
                if pending_rect: fills[fill] += 1
                pending_rect = False; stack = []
            elif t == b'q': gs.append(fill); stack = []
            elif t == b'Q': fill = gs.pop() if gs else fill; stack = []
            elif t in (b'n', b'S', b'W'): pending_rect = False; stack = []
            elif re.match(rb'^[A-Za-z]', t): stack = []
            else: stack.append(t)
def lum(c):
    p = c.split(); op = p[0]
    try: v = [float(x) for x in p[1:]]
    except ValueError: return None
    if op == 'g' and v: return v[0]
    if op == 'rg' and len(v) == 3: return 0.299*v[0] + 0.587*v[1] + 0.114*v[2]
    return None
print('TEXT colour, luminance, text ops, min font size')
for c, (n, mn) in sorted(text_by.items(), key=lambda x: -x[1][0]): print(' ', c, lum(c), n, mn)
print('RECT fills colour, luminance, count')
for c, n in fills.most_common(): print(' ', c, lum(c), n)
