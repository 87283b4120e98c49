#!/usr/bin/env python3
"""Writes a corpus of small hostile PDFs (each well under the 25 MiB upload limit) that amplify work:
decompression bombs, huge declared images, recursion, loops, many objects. Raw PDF syntax, so that the
files can be as broken as an attacker's. Usage: make_bombs.py OUTDIR  (see README.md)."""
import os
import sys
import zlib

MB = 1024 * 1024


import functools


@functools.lru_cache(maxsize=None)
def deflate_repeated(chunk, total, level=6):
    """Flate of `chunk` repeated until `total` bytes, without holding the whole in memory."""
    c = zlib.compressobj(level)
    out = []
    block = chunk * max(1, (1 << 20) // len(chunk))
    written = 0
    while written < total:
        part = block[: min(len(block), total - written)]
        out.append(c.compress(part))
        written += len(part)
    out.append(c.flush())
    return b"".join(out)


def stream(dict_body, data):
    return b"<<" + dict_body + b" /Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


def pdf(objects, root=1, trailer_extra=b"", xref=True):
    """objects: {num: bytes}. Writes a classic xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            out += (b"%010d 00000 n \n" % offsets[n]) if n in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<</Size %d /Root %d 0 R%s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer_extra, start)
    return bytes(out)


def one_page(content, resources=b"<<>>", page_extra=b"", extra=None, content_dict=b"/Filter /FlateDecode"):
    objs = {
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
           + b" /Contents 4 0 R" + page_extra + b">>",
        4: stream(content_dict, content),
    }
    objs.update(extra or {})
    return pdf(objs)


def text_content():
    return zlib.compress(b"BT /F1 12 Tf 72 700 Td (Chart note) Tj ET")


def image_page(name_dict, data, w=60000, h=60000):
    """A page drawing one image XObject that declares w x h pixels."""
    content = zlib.compress(b"q 500 0 0 500 50 50 cm /Im1 Do Q")
    img = stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d " % (w, h) + name_dict, data)
    return one_page(content, b"<</XObject <</Im1 5 0 R>>>>", extra={5: img})


def bombs():
    b = {}
    # 1. page content that inflates to 1 GiB of zeros (not even valid operators)
    b["content-flate-zeros-1g"] = one_page(deflate_repeated(b"\0", 1024 * MB))
    # 2. 400 MB of valid drawing operators: millions of tokens for any content parser
    b["content-flate-ops-400m"] = one_page(deflate_repeated(b"1 0 0 RG 0 0 m 1 1 l S\n", 400 * MB))
    # 3. Flate of Flate: a few KB that inflate to ~1 MB, then 1 GiB of spaces
    inner = deflate_repeated(b" ", 1024 * MB)
    b["content-flate-of-flate"] = one_page(zlib.compress(inner, 9), content_dict=b"/Filter [/FlateDecode /FlateDecode]")
    # 4. object stream whose decoded bytes are 600 MB of whitespace before its first object
    objstm_data = deflate_repeated(b" ", 600 * MB)
    b["objstm-bomb"] = pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <</Font <</F1 6 0 R>>>>>>",
        4: stream(b"/Filter /FlateDecode", text_content()),
        5: stream(b"/Type /ObjStm /N 1 /First 6 /Filter /FlateDecode", zlib.compress(b"6 0 <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> ") + b""),
        7: stream(b"/Type /ObjStm /N 1000000 /First 10 /Filter /FlateDecode", objstm_data),
    })
    # 5. a classic table of 3 million entries (66 MB): too big for the limit; a cross-reference stream instead
    b["xref-stream-10m-entries"] = xref_stream_bomb(10_000_000)
    # 6-11. images declaring 60000 x 60000 pixels (10.8 GB of RGB)
    b["image-flate-60k"] = image_page(b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
                                      deflate_repeated(b"\0", 64 * MB))
    b["image-dct-60k"] = image_page(b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode", jpeg_header(60000, 60000))
    b["image-jpx-60k"] = image_page(b"/Filter /JPXDecode", jpx_header(60000, 60000))
    b["image-jbig2-60k"] = image_page(b"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", b"\0" * 64)
    b["image-ccitt-60k"] = image_page(b"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                                      b"/DecodeParms <</K -1 /Columns 60000 /Rows 60000>>", b"\0" * 64)
    b["image-predictor-columns"] = image_page(
        b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms <</Predictor 15 /Colors 32 "
        b"/BitsPerComponent 16 /Columns 100000000>>", zlib.compress(b"\0" * 4096), 60000, 60000)
    # 12. an inline image that declares 60000 x 60000 RGB
    b["inline-image-60k"] = one_page(zlib.compress(
        b"q 500 0 0 500 50 50 cm BI /W 60000 /H 60000 /BPC 8 /CS /RGB /F /Fl ID " + zlib.compress(b"\0" * 1024 * 1024)
        + b"\nEI Q"))
    # 13. content stream whose predictor declares absurd rows
    b["content-predictor-bomb"] = one_page(zlib.compress(b"\0" * 4096),
                                           content_dict=b"/Filter /FlateDecode /DecodeParms <</Predictor 12 /Colors 32 "
                                                        b"/BitsPerComponent 16 /Columns 2000000000>>")
    # 14. huge MediaBox with UserUnit
    b["mediabox-huge-userunit"] = pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [-1e30 -1e30 1e30 1e30] /UserUnit 75000 /Contents 4 0 R /Resources <<>>>>",
        4: stream(b"/Filter /FlateDecode", zlib.compress(b"0 0 1e30 1e30 re f")),
    })
    b["mediabox-zero-nan"] = pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] /Rotate 45 /Contents 4 0 R /Resources <<>>>>",
        4: stream(b"", b"0 0 1 1 re f"),
    })
    # 15. 100,000 tiny annotations on one page (and an AcroForm naming them)
    b["annotations-100k"] = many_annotations(100_000)
    # 16. a form XObject that draws itself
    b["form-self-recursive"] = one_page(zlib.compress(b"/X1 Do"), b"<</XObject <</X1 5 0 R>>>>", extra={
        5: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources <</XObject <</X1 5 0 R>>>>",
                  b"/X1 Do /X1 Do")})
    # 17. a chain of 20,000 nested forms
    b["form-chain-20k"] = form_chain(20_000)
    # 18. expensive shading and a tiling pattern with tiny steps
    b["pattern-tiny-step"] = one_page(zlib.compress(b"/Pattern cs /P1 scn 0 0 612 792 re f"),
                                      b"<</Pattern <</P1 5 0 R>>>>", extra={
        5: stream(b"/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 0.001 0.001] "
                  b"/XStep 0.001 /YStep 0.001 /Resources <<>>", b"0 0 0.001 0.001 re f")})
    # 19. a Type3 font whose glyph draws text in the same font
    b["type3-recursive"] = one_page(zlib.compress(b"BT /T3 12 Tf 72 700 Td (aaaa) Tj ET"), b"<</Font <</T3 5 0 R>>>>", extra={
        5: b"<</Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
           b"/CharProcs <</a 6 0 R>> /Encoding <</Type /Encoding /Differences [97 /a]>> /FirstChar 97 /LastChar 97 "
           b"/Widths [1000] /Resources <</Font <</T3 5 0 R>>>>>>",
        6: stream(b"", b"1000 0 d0 BT /T3 12 Tf (aa) Tj ET")})
    # 20-22. embedded font programs that inflate to 1 GiB
    b["font-truetype-bomb"] = font_bomb(b"/TrueType", b"/FontFile2")
    b["font-type1-bomb"] = font_bomb(b"/Type1", b"/FontFile")
    b["font-cff-bomb"] = font_bomb(b"/Type1", b"/FontFile3", b"/Subtype /Type1C")
    # 23. a page tree whose /Kids contains itself
    b["kids-loop"] = pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R 2 0 R] /Count 2>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>>>>",
        4: stream(b"", b"0 0 1 1 re f"),
    })
    # 24. one page listed 500 times (at the page cap) whose content inflates to 20 MB of operators
    kids = b" ".join([b"3 0 R"] * 500)
    b["shared-page-500x-20m"] = pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [" + kids + b"] /Count 500>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>>>>",
        4: stream(b"/Filter /FlateDecode", deflate_repeated(b"0 0 m 1 1 l S\n", 20 * MB)),
    })
    # 25. /Length that lies (claims 2 GB)
    body = b"BT /F1 12 Tf 72 700 Td (x) Tj ET"
    b["length-lie"] = pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>>>>",
        4: b"<</Length 2000000000>>\nstream\n" + body + b"\nendstream",
    })
    # 26. /Prev loop and 27. 1,000 incremental updates
    b["xref-prev-loop"] = prev_loop()
    b["incremental-1000"] = incremental(1000)
    # 28. an outline of 200,000 items
    b["outlines-200k"] = outlines(200_000)
    # 29. an ICC profile that inflates to 1 GiB
    b["icc-bomb"] = one_page(zlib.compress(b"/CS1 cs 0.5 0.5 0.5 sc 0 0 100 100 re f"),
                             b"<</ColorSpace <</CS1 [/ICCBased 5 0 R]>>>>", extra={
        5: stream(b"/N 3 /Filter /FlateDecode", deflate_repeated(b"\0", 1024 * MB))})
    # 30. a structure tree nested 100,000 deep (and 31. a content stream of 100,000 nested arrays)
    b["structtree-deep"] = struct_deep(100_000)
    b["content-nested-arrays"] = one_page(zlib.compress(b"[" * 100_000 + b"] TJ"))
    b["content-nested-dicts"] = one_page(zlib.compress(b"/P " + b"<</A " * 100_000 + b" BDC EMC"))
    # 32. 1,000 pages of 500 KB-inflated content each (well, 500 pages, the cap)
    b["pages-500-each-2m"] = many_pages(500, 2 * MB)
    # 33. LZW bomb
    b["content-lzw-bomb"] = one_page(lzw_zeros(200 * MB), content_dict=b"/Filter /LZWDecode")
    # 34. an AcroForm whose field tree loops
    b["acroform-kids-loop"] = pdf({
        1: b"<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [5 0 R]>>>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>> /Annots [6 0 R]>>",
        4: stream(b"", b"0 0 1 1 re f"),
        5: b"<</FT /Tx /T (a) /Kids [5 0 R 6 0 R]>>",
        6: b"<</Type /Annot /Subtype /Widget /Parent 5 0 R /Rect [0 0 10 10] /AP <</N 7 0 R>>>>",
        7: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]", zlib.compress(b"0 0 1 1 re f")),
    })
    return b


def jpeg_header(w, h):
    # SOI, SOF0 declaring w x h x 3, then EOI: a header without data
    sof = b"\xff\xc0\x00\x11\x08" + h.to_bytes(2, "big") + w.to_bytes(2, "big") + b"\x03\x01\x11\x00\x02\x11\x00\x03\x11\x00"
    return b"\xff\xd8" + sof + b"\xff\xd9"


def jpx_header(w, h):
    # J2K codestream SOC + SIZ declaring w x h, 3 components
    siz = (b"\xff\x51\x00\x2f\x00\x00" + w.to_bytes(4, "big") + h.to_bytes(4, "big") + b"\0" * 8
           + w.to_bytes(4, "big") + h.to_bytes(4, "big") + b"\0" * 8 + b"\x00\x03" + b"\x07\x01\x01" * 3)
    return b"\xff\x4f" + siz + b"\xff\xd9"


def xref_stream_bomb(entries):
    base = bytearray(b"%PDF-1.7\n")
    objs = [
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources <<>>>>",
    ]
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(base))
        base += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref_at = len(base)
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"] + [b"\x01" + o.to_bytes(4, "big") + b"\x00\x00" for o in offsets]
    # every further entry: an in-use object at the xref stream's own offset
    filler = b"\x01" + xref_at.to_bytes(4, "big") + b"\x00\x00"
    c = zlib.compressobj(9)
    data = c.compress(b"".join(rows))
    block = filler * 100_000
    left = entries - len(rows)
    while left > 0:
        n = min(left, 100_000)
        data += c.compress(block[: n * 7])
        left -= n
    data += c.flush()
    base += b"%d 0 obj\n" % entries + stream(b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode" % (entries + 1),
                                               data) + b"\nendobj\n"
    base += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(base)


def many_annotations(n):
    annots = {}
    refs = []
    for i in range(n):
        num = 5 + i
        annots[num] = b"<</Type/Annot/Subtype/Square/Rect[0 0 1 1]>>"
        refs.append(b"%d 0 R" % num)
    objs = {
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>> /Annots ["
           + b" ".join(refs) + b"]>>",
        4: stream(b"", b"0 0 1 1 re f"),
    }
    objs.update(annots)
    return pdf(objs)


def form_chain(n):
    objs = {
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <</XObject <</X 5 0 R>>>>>>",
        4: stream(b"", b"/X Do"),
    }
    for i in range(n):
        num = 5 + i
        res = b"<</XObject <</X %d 0 R>>>>" % (num + 1) if i + 1 < n else b"<</Font <</F1 <</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
        objs[num] = stream(b"/Type/XObject/Subtype/Form/BBox[0 0 612 792]/Resources " + res, b"/X Do")
    return pdf(objs)


def font_bomb(subtype, key, extra=b""):
    data = deflate_repeated(b"\0", 1024 * MB)
    return one_page(zlib.compress(b"BT /F1 12 Tf 72 700 Td (x) Tj ET"), b"<</Font <</F1 5 0 R>>>>", extra={
        5: b"<</Type /Font /Subtype " + subtype + b" /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths ["
           + b"500 " * 95 + b"] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding>>",
        6: b"<</Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 "
           b"/Descent -200 /CapHeight 700 /StemV 80 " + key + b" 7 0 R>>",
        7: stream(b"/Filter /FlateDecode /Length1 1000000000 " + extra, data)})


def prev_loop():
    base = one_page(text_content())
    # a second trailer whose /Prev points at itself
    at = len(base)
    tail = b"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 5 /Root 1 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (at, at)
    return base + tail


def incremental(n):
    data = bytearray(one_page(text_content()))
    prev = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    for i in range(n):
        off = len(data)
        data += b"3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>>>>\nendobj\n"
        x = len(data)
        data += b"xref\n3 1\n%010d 00000 n \ntrailer\n<</Size 5 /Root 1 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (off, prev, x)
        prev = x
    return bytes(data)


def outlines(n):
    objs = {
        1: b"<</Type /Catalog /Pages 2 0 R /Outlines 5 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>>>>",
        4: stream(b"", b"0 0 1 1 re f"),
        5: b"<</Type /Outlines /First 6 0 R /Last %d 0 R /Count %d>>" % (5 + n, n),
    }
    for i in range(n):
        num = 6 + i
        links = (b" /Prev %d 0 R" % (num - 1) if i else b"") + (b" /Next %d 0 R" % (num + 1) if i + 1 < n else b"")
        objs[num] = b"<</Title (Item %d) /Parent 5 0 R /Dest [3 0 R /Fit]%s>>" % (i, links)
    return pdf(objs)


def struct_deep(n):
    objs = {
        1: b"<</Type /Catalog /Pages 2 0 R /MarkInfo <</Marked true>> /StructTreeRoot 5 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>> /StructParents 0>>",
        4: stream(b"", b"/P <</MCID 0>> BDC 0 0 1 1 re f EMC"),
        5: b"<</Type /StructTreeRoot /K 6 0 R>>",
    }
    for i in range(n):
        num = 6 + i
        kid = b"%d 0 R" % (num + 1) if i + 1 < n else b"0"
        objs[num] = b"<</S /Sect /P %d 0 R /Pg 3 0 R /K %s>>" % (num - 1, kid)
    return pdf(objs)


def many_pages(n, each):
    content = deflate_repeated(b"0 0 m 1 1 l S\n", each)
    objs = {1: b"<</Type /Catalog /Pages 2 0 R>>"}
    kids = []
    for i in range(n):
        p = 3 + 2 * i
        kids.append(b"%d 0 R" % p)
        objs[p] = b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources <<>>>>" % (p + 1)
        objs[p + 1] = stream(b"/Filter /FlateDecode", content)
    objs[2] = b"<</Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d>>" % n
    return pdf(objs)


def lzw_zeros(total):
    """LZW (early change 1, as PDF decoders default to) of about `total` zero bytes: after a clear code, code 0
    then 258, 259, ... each a run of zeros one longer than the last; cleared again before the table is full."""
    def width(size):
        return 12 if size >= 2047 else 11 if size >= 1023 else 10 if size >= 511 else 9
    seq = []  # (code, table size when read)
    produced = 0
    size = 258
    while produced < total:
        seq.append((256, size))
        size = 258
        seq.append((0, size))
        produced += 1
        run = 1
        while size < 4000 and produced < total:
            seq.append((size, size))
            run += 1
            produced += run
            size += 1
    seq.append((257, size))
    bits = nbits = 0
    out = bytearray()
    for code, at in seq:
        w = width(at)
        bits = (bits << w) | code
        nbits += w
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
        bits &= (1 << nbits) - 1
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bombs"
    os.makedirs(out, exist_ok=True)
    only = set(sys.argv[2:])
    for name, data in bombs().items():
        if only and name not in only:
            continue
        path = os.path.join(out, name + ".pdf")
        with open(path, "wb") as f:
            f.write(data)
        print("%-28s %10d bytes" % (name, len(data)))


if __name__ == "__main__":
    main()
