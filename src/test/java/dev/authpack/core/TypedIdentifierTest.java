package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedIdentifierTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain                      | XJH123456789                 | XJH123456789",
        "fullwidth letters, digits  | \uFF38\uFF2A\uFF28\uFF11\uFF12\uFF13 | XJH123",
        "no-break space             | GRP\u00A04410                | GRP 4410",
        "ideographic space          | GRP\u30004410                | GRP 4410",
        "non-breaking hyphen        | 555\u20110100                | 555-0100",
        "en dash, narrow space      | (555)\u202F123\u20134567     | (555) 123-4567",
        "mathematical bold digits   | \uD835\uDFCF\uD835\uDFD0     | 12"})
    void compatibilityFormsBecomeThePlainCharactersTheyLookLike(String what, String typed, String kept) {
        assertThat(TypedIdentifier.of(typed)).as(what).hasValue(kept);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zero-width space     | XJH123\u200B456",
        "zero-width joiner    | XJH123\u200D456",
        "left-to-right mark   | XJH123\u200E456",
        "right-to-left mark   | XJH123\u200F456",
        "soft hyphen          | GRP\u00AD4410",
        "byte order mark      | \uFEFFXJH123",
        "Cyrillic A           | XJH\u0410123",
        "Greek capital omicron | XJH\u039F123",
        "accented letter      | XJH\u00C9123",
        "emoji                | XJH\uD83D\uDE00",
        "replacement character | XJH\uFFFD",
        "private use          | XJH\uE000"})
    void invisibleAndLookAlikeCharactersAreRefused(String what, String typed) {
        assertThat(TypedIdentifier.of(typed)).as(what).isEmpty();
    }
}
