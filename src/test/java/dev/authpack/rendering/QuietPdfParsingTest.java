package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class QuietPdfParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Expected 'obj' at offset 42 but found 'Jane Roe'       | Expected […] at offset 42 but found […]
            found: "Roe, Jane  DOB 1980-01-02" instead             | found: […] instead
            unclosed 'Jane Roe, born 1980                          | unclosed […]
            invalid dictionary at offset 17                        | invalid dictionary at offset 17
            """)
    void whatAFileQuotesIsLeftOutOfTheComplaint(String message, String logged) {
        assertThat(QuietPdfParsing.logSafe(message)).isEqualTo(logged);
    }

    @Test
    void aComplaintFromADamagedFileStaysOneLineWithoutTheFilesWords() {
        QuietPdfParsing.Complaints complaints = new QuietPdfParsing.Complaints();
        QuietPdfParsing.during(complaints, () -> {
            LoggerFactory.getLogger("org.apache.pdfbox.pdfparser.COSParser")
                    .warn("Expected 'endobj' but found 'Jane'\r\n2026-11-30 INFO forged line", new IOException(
                            "stream ended in 'Roe\nDOB 1980-01-02'"));
            LoggerFactory.getLogger("org.apache.pdfbox.pdfparser.COSParser").warn("a second complaint");
            return null;
        });

        assertThat(complaints.count()).isEqualTo(2);
        assertThat(complaints.first())
                .doesNotContain("\r", "\n", "Jane", "Roe", "1980")
                .isEqualTo("Expected […] but found […]  2026-11-30 INFO forged line (IOException: stream ended in […])");
    }

    @Test
    void aVeryLongComplaintIsCapped() {
        assertThat(QuietPdfParsing.logSafe("x".repeat(5_000))).hasSize(201).endsWith("…");
    }
}
