#!/bin/bash
# usage: fax.sh PDF OUTDIR [threshold|halftone]  -- per page: pdftotext's text (NAME-pN.pdf.txt) and tesseract's OCR of
# a clean 300 dpi grey render (.clean.txt), of a fine fax (204x196, 1-bit; .fine.txt) and of a standard fax (204x98,
# rows doubled as a fax printer does; .std.txt), with the 1-bit images (.fine.pbm, .std.pbm).
# threshold (default): grey below 50 % prints black, as a scanning fax machine does; halftone: Ghostscript's own
# screen, as a fax server (HylaFAX, gateways using gs tiffg3/g4) turns a PDF into a fax.
set -e
here=$(dirname "$0")
pdf=$1; out=$2; mode=${3:-threshold}; name=$(basename "$pdf" .pdf); mkdir -p "$out"
T='{0.5 lt {0} {1} ifelse} settransfer'
mono() { # resolution page output
  if [ "$mode" = threshold ]; then
    gs -q -dNOPAUSE -dBATCH -sDEVICE=pbmraw -r$1 -dFirstPage=$2 -dLastPage=$2 -sOutputFile="$3" -c "$T" -f "$pdf"
  else
    gs -q -dNOPAUSE -dBATCH -sDEVICE=pbmraw -r$1 -dFirstPage=$2 -dLastPage=$2 -sOutputFile="$3" "$pdf"
  fi
}
n=$(pdfinfo "$pdf" | awk '/Pages/{print $2}')
for p in $(seq 1 "$n"); do
  b=$out/$name-p$p
  pdftotext -f $p -l $p "$pdf" "$b.pdf.txt"
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pgmraw -r300 -dFirstPage=$p -dLastPage=$p -dTextAlphaBits=4 -dGraphicsAlphaBits=4 -sOutputFile="$b.clean.pgm" "$pdf"
  mono 204x196 $p "$b.fine.pbm"
  mono 204x98 $p "$b.std98.pbm"
  python3 "$here/double_rows.py" "$b.std98.pbm" "$b.std.pbm"
  OMP_THREAD_LIMIT=1 tesseract "$b.clean.pgm" "$b.clean" --dpi 300 -l eng quiet >/dev/null 2>&1 || true
  OMP_THREAD_LIMIT=1 tesseract "$b.fine.pbm" "$b.fine" --dpi 204 -l eng quiet >/dev/null 2>&1 || true
  OMP_THREAD_LIMIT=1 tesseract "$b.std.pbm" "$b.std" --dpi 204 -l eng quiet >/dev/null 2>&1 || true
  rm -f "$b.clean.pgm" "$b.std98.pbm"
done
