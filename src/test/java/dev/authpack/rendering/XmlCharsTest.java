package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Only what XML 1.0 forbids is dropped: tabs, line breaks, accents and characters beyond the BMP stay. */
class XmlCharsTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("bell", "A\u0007B", "AB"),
                Arguments.of("nul", "A\u0000B", "AB"),
                Arguments.of("escape", "A\u001bB", "AB"),
                Arguments.of("non-character FFFE", "A\ufffeB", "AB"),
                Arguments.of("non-character FFFF", "A\uffffB", "AB"),
                Arguments.of("lone high surrogate", "A\ud83dB", "AB"),
                Arguments.of("tab and line breaks", "A\tB\nC\rD", "A\tB\nC\rD"),
                Arguments.of("accents", "Núñez O'Connor", "Núñez O'Connor"),
                Arguments.of("beyond the BMP", "A\ud83d\ude00B", "A\ud83d\ude00B"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void dropsOnlyWhatXmlForbids(String what, String in, String out) {
        assertThat(XmlChars.clean(in)).as(what).isEqualTo(out);
    }
}
