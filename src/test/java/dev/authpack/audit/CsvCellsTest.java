package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV cell rule as a table: formulas defused with an apostrophe, RFC 4180 quoting. */
class CsvCellsTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain text | plain text",
            "=SUM(A1:A2) | '=SUM(A1:A2)",
            "+1 555 0100 | '+1 555 0100",
            "-2+3 | '-2+3",
            "@cmd | '@cmd",
            "a,b | `\"a,b\"`",
            "say \"hi\" | `\"say \"\"hi\"\"\"`",
            "`=HYPERLINK(\"http://x\",\"y\")` | `\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"`",
            "2026-11-28T10:00:00Z | 2026-11-28T10:00:00Z",
    })
    void cells(String value, String expected) {
        assertThat(CsvCells.cell(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "line break {index}")
    @ValueSource(strings = {"a\nb", "a\rb", "a\r\nb"})
    void lineBreaksAreQuoted(String value) {
        assertThat(CsvCells.cell(value)).startsWith("\"").endsWith("\"");
    }

    @Test
    void emptyAndNullAreEmptyAndRowsEndInCrLf() {
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.row(Arrays.asList("a", null, "b"))).isEqualTo("a,,b\r\n");
    }
}
