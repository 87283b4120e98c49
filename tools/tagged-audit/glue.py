#!/usr/bin/env python3
"""Words in the structure tree's text (WALK_DIR/NAME.reading.txt from Walk.java) that pdftotext, which reads
by geometry, does not have: words glued together or split in the tags. A URL or hyphenated word broken across
lines shows up too (pdftotext splits it, the tags keep it whole): those are fine.
usage: glue.py WALK_DIR PDF..."""
import sys, subprocess, re, pathlib
walk = pathlib.Path(sys.argv[1])
for pdf in sys.argv[2:]:
    name = pathlib.Path(pdf).stem
    geo = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    words = set(re.findall(r"\S+", geo))
    tagged = re.findall(r"\S+", re.sub(r"^[A-Za-z0-9]+: ", "", (walk / (name + ".reading.txt")).read_text(), flags=re.M))
    odd = sorted({w for w in tagged if w not in words})
    if odd:
        print(name, len(odd), odd[:25])
