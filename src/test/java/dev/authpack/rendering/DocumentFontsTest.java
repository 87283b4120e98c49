package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which text the main faces draw alone, so that only the rest brings the fallback font into a layout. */
class DocumentFontsTest {

    private static final DocumentFonts FONTS = DocumentFonts.load();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "plain letters and markup      | <p class=\"x\">Dana Reyes, 225 mg</p> | true",
        "accents                       | Zo\u00EB \u00D1\u00FA\u00F1ez, \u0141\u00F3d\u017A, Nguy\u1EC5n | true",
        "Greek and Cyrillic            | \u0394\u03B7\u03BC\u03AE\u03C4\u03C1\u03B7\u03C2 \u0418\u0432\u0430\u043D | true",
        "Hebrew and Arabic             | \u05DB\u05D4\u05DF \u0645\u062D\u0645\u062F | true",
        "a sentence's isolated value   | for \u2068Dana \u05DB\u05D4\u05DF\u2069: 8 | true",
        "Chinese                       | Zo\u00EB \u5F20 | false",
        "Japanese kana                 | \u3072\u3089\u304C\u306A | false",
        "Korean                        | \uAE40\uBBFC\uC900 | false"})
    void onlyTextTheMainFacesCannotDrawNeedsTheFallback(String label, String text, boolean drawn) {
        assertThat(FONTS.drawAll(text)).isEqualTo(drawn);
    }
}
