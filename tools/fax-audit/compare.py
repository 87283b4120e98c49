"""Words of the PDF's own text (pdftotext) that OCR reads from the clean 300 dpi grey render but not from the fax
render (fine, standard). Word = token of >=2 alnum chars, compared as multisets per page. usage: compare.py OCRDIR"""
import re, sys, pathlib, collections
d = pathlib.Path(sys.argv[1])
W = lambda p: collections.Counter(w.lower() for w in re.findall(r"[\w$.,/%:-]*\w", p.read_text(errors='replace')) if len(re.sub(r'\W', '', w)) >= 2)
tot = collections.Counter(); lost_all = {'fine': collections.Counter(), 'std': collections.Counter()}
pages = 0
for pdf in sorted(d.glob('*.pdf.txt')):
    b = str(pdf)[:-8]
    if not pathlib.Path(b + '.std.txt').exists(): continue
    pages += 1
    ref, clean = W(pdf), W(pathlib.Path(b + '.clean.txt'))
    readable = ref & clean
    tot['pdf'] += sum(ref.values()); tot['clean'] += sum(readable.values())
    for k in ('fine', 'std'):
        fax = W(pathlib.Path(b + '.' + k + '.txt'))
        lost = readable - fax
        tot[k] += sum((readable & fax).values())
        if lost:
            lost_all[k].update(lost)
            print(k, pathlib.Path(b).name, dict(lost))
print('pages', pages, dict(tot))
for k in lost_all: print(k, 'most lost', lost_all[k].most_common(40))
