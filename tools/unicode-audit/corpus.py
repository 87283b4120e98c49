"""The strings of the Unicode audit: what billing staff paste from EHRs, e-mails and payer portals.

Each entry is (name, text, kind): kind says what the product should do with it in a *name or note*
field ("keep": stored as typed, NFC; "refuse": a 400 naming the field) and in an *identifier* field
(member id, group number, phone, fax), where the rule is stricter (docs/unicode.md).
"""
import unicodedata

NFC_NAME = unicodedata.normalize("NFC", "Zoë Ibáñez-Núñez")
NFD_NAME = unicodedata.normalize("NFD", NFC_NAME)
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 45  # 2,025 letters, no break opportunity

# (name, text, in a name/note field, in an identifier field)
CORPUS = [
    ("ascii", "Dana Reyes", "keep", "keep"),
    ("nfc-accents", NFC_NAME, "keep", "refuse"),
    ("nfd-accents", NFD_NAME, "keep-nfc", "refuse"),
    ("stacked-marks", "Z\u0351\u0364\u0336a\u0303\u0301\u0323l\u0308\u0330go", "keep", "refuse"),
    ("hangul-syllables", "\uae40\ubbfc\uc900", "keep", "refuse"),
    ("hangul-jamo", unicodedata.normalize("NFD", "\uae40\ubbfc\uc900"), "keep-nfc", "refuse"),
    ("cjk", "\u5f20\u4f1f", "keep", "refuse"),
    ("devanagari", "\u0905\u0928\u093f\u0924\u093e \u0936\u0930\u094d\u092e\u093e", "keep", "refuse"),
    ("arabic", "\u0645\u062d\u0645\u062f \u0627\u0644\u0639\u0644\u064a", "keep", "refuse"),
    ("hebrew", "\u05db\u05d4\u05df", "keep", "refuse"),
    ("mixed-direction", "\u05db\u05d4\u05df 1979-03-14 (MRN 4471)", "keep", "refuse"),
    ("rlo-override", "XJH\u202e987654321", "refuse", "refuse"),
    ("lre-embedding", "A\u202aB\u202c", "refuse", "refuse"),
    ("rli-isolate", "A\u2067\u05d0\u2069B", "refuse", "refuse"),
    ("lrm-mark", "XJH123\u200e456", "keep", "refuse"),
    ("rlm-mark", "XJH123\u200f456", "keep", "refuse"),
    ("zwsp", "XJH123\u200b456", "keep", "refuse"),
    ("zwj", "\u0915\u094d\u200d\u0937", "keep", "refuse"),
    ("zwnj", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "keep", "refuse"),
    ("soft-hyphen", "Schwarzen\u00adegger", "keep", "refuse"),
    ("nbsp", "GRP\u00a04410", "keep", "nfkc"),
    ("narrow-nbsp", "555\u202f0100", "keep", "nfkc"),
    ("fullwidth-digits", "\uff15\uff15\uff15-\uff10\uff11\uff10\uff10", "keep", "nfkc"),
    ("fullwidth-letters", "\uff38\uff2a\uff28\uff11\uff12\uff13", "keep", "nfkc"),
    ("cyrillic-homoglyph", "XJH\u0410\u041e123", "keep", "refuse"),
    ("emoji", "Dana \U0001F600", "keep", "refuse"),
    ("emoji-zwj", "\U0001F469\u200d\U0001F469\u200d\U0001F467", "keep", "refuse"),
    ("flag", "\U0001F1FA\U0001F1F8", "keep", "refuse"),
    ("surrogate-pair-math", "\U0001D400\U0001D401", "keep", "nfkc"),
    ("replacement-char", "Reyes\ufffd", "keep", "refuse"),
    ("c0-nul", "Dana\u0000", "refuse", "refuse"),
    ("c0-esc", "Dana\u001b[31m", "refuse", "refuse"),
    ("c1-nel", "Dana\u0085Reyes", "refuse", "refuse"),
    ("line-separator", "Dana\u2028Reyes", "refuse", "refuse"),
    ("paragraph-separator", "Dana\u2029Reyes", "refuse", "refuse"),
    ("tab", "Dana\tReyes", "refuse", "refuse"),
    ("long-word", LONG_WORD, "refuse-size", "refuse"),
    ("word-200", LONG_WORD[:200], "keep", "refuse"),
    ("private-use", "Dana\ue000", "keep", "refuse"),
    ("nonchar-fffe", "Dana\ufffe", "refuse", "refuse"),
    ("nonchar-fdd0", "Dana\ufdd0", "refuse", "refuse"),
    ("nonchar-plane1", "Dana\U0001FFFE", "refuse", "refuse"),
    ("bom", "\ufeffDana", "keep", "refuse"),
    ("lone-surrogate", "Dana\ud800", "refuse", "refuse"),
]
