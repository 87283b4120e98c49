package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain name             | Dana Reyes              | true",
        "accents                | Zoë Ñúñez               | true",
        "beyond the basic plane | Dana \\uD83D\\uDE00      | true",
        "Hebrew with a RLM mark | \\u05D3\\u05E0\\u200F      | true",
        "NUL                    | Dana\\u0000             | false",
        "escape                 | \\u001b[31mred          | false",
        "line break             | a\\nb                   | false",
        "tab                    | a\\tb                   | false",
        "U+FFFE                 | a\\uFFFEb               | false",
        "lone high surrogate    | Da\\uD83Dna             | false",
        "lone low surrogate     | Da\\uDE00na             | false",
        "surrogate at the end   | Dana \\uD83D            | false",
        "right-to-left override | red\\u202Etxt.exe       | false",
        "left-to-right embedding| a\\u202Ab               | false",
        "first strong isolate   | a\\u2068b               | false",
        "line separator         | a\\u2028b               | false",
        "paragraph separator    | a\\u2029b               | false",
        "noncharacter U+FDD0    | a\\uFDD0b               | false",
        "noncharacter U+1FFFE   | a\\uD83F\\uDFFEb         | false",
        "private use            | a\\uE000b               | true",
        "zero-width joiner      | \\u0915\\u094D\\u200D\\u0937 | true"})
    void onlyWhatAKeyboardTypesIsTypeable(String what, String escaped, boolean typeable) {
        assertThat(TypedText.isTypeable(unescape(escaped.strip()))).as(what).isEqualTo(typeable);
    }

    @Test
    void textIsKeptComposedWhateverFormItWasPastedIn() {
        String decomposed = "Zoe\u0308 Iba\u0301n\u0303ez";
        String jamo = "\u1100\u1175\u11B7";

        assertThat(TypedText.stored(decomposed)).isEqualTo("Zo\u00EB Ib\u00E1\u00F1ez");
        assertThat(TypedText.stored(jamo)).isEqualTo("\uAE40");
        assertThat(TypedText.stored("\uFF38\uFF2A\uFF28")).as("compatibility forms stay: a name is not an id")
                .isEqualTo("\uFF38\uFF2A\uFF28");
    }

    /** The table's {@code \\uXXXX}, {@code \\n} and {@code \\t}, written out. */
    static String unescape(String escaped) {
        return java.util.regex.Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(escaped)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        String.valueOf((char) Integer.parseInt(m.group(1), 16))))
                .replace("\\n", "\n").replace("\\t", "\t");
    }
}
