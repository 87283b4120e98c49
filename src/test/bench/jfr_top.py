#!/usr/bin/env python3
"""Where a recording's CPU samples went: top self frames and inclusive shares by stage.

usage: jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr > samples.txt
       python3 src/test/bench/jfr_top.py samples.txt [thread-name-prefix]
"""
import collections
import re
import sys

STAGES = [  # first match from the top of the stack wins for the stage table
    ("xmp / JAXP", r"org\.apache\.xmpbox|javax\.xml\.transform|TransformerFactory"),
    ("PDF save (COSWriter)", r"org\.apache\.pdfbox\.pdfwriter"),
    ("font subsetting", r"org\.apache\.fontbox\.ttf\.TTFSubsetter|PDCIDFontType2Embedder|TrueTypeEmbedder\.subset"),
    ("PDF/UA structure tree", r"PdfBoxAccessibilityHelper"),
    ("page stamping", r"dev\.authpack\.packet\.PageStamper"),
    ("openhtmltopdf paint", r"com\.openhtmltopdf\.render|PdfBoxFastOutputDevice|com\.openhtmltopdf\.pdfboxout\.PdfBoxRenderer\.paint"),
    ("openhtmltopdf layout", r"com\.openhtmltopdf\.layout|com\.openhtmltopdf\.newtable|com\.openhtmltopdf\.css"),
    ("XHTML parse", r"com\.openhtmltopdf\.resource|DocumentBuilder|org\.xml\.sax|com\.sun\.org\.apache\.xerces"),
    ("Thymeleaf", r"org\.thymeleaf"),
    ("view model / completeness", r"dev\.authpack\.(packet|completeness)"),
]

def samples(path, prefix):
    thread, frames, inside = None, [], False
    for line in open(path, encoding="utf-8", errors="replace"):
        s = line.strip()
        if s.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', s)
            thread = m.group(1) if m else ""
        elif s.startswith("stackTrace = ["):
            inside, frames = True, []
        elif inside and s == "]":
            inside = False
            if prefix is None or (thread or "").startswith(prefix):
                yield frames
        elif inside and s and s != "...":
            frames.append(re.sub(r"\s+line:.*$", "", s))

def main():
    prefix = sys.argv[2] if len(sys.argv) > 2 else None
    self_counts, stage_counts, total = collections.Counter(), collections.Counter(), 0
    for frames in samples(sys.argv[1], prefix):
        total += 1
        if frames:
            self_counts[frames[0]] += 1
        stage = "other"
        for name, pattern in STAGES:
            if any(re.search(pattern, f) for f in frames):
                stage = name
                break
        stage_counts[stage] += 1
    print(f"{total} samples")
    print("\nby stage (inclusive, first matching stage):")
    for name, n in stage_counts.most_common():
        print(f"  {100.0 * n / total:5.1f} %  {name}")
    print("\ntop self frames:")
    for frame, n in self_counts.most_common(30):
        print(f"  {100.0 * n / total:5.1f} %  {frame}")

if __name__ == "__main__":
    main()
