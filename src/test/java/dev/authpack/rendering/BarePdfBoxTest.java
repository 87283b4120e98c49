package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's yardsticks are what they say: six pages of text either way, and the conforming one
 * passes veraPDF for PDF/A-2b and PDF/UA-1 as a packet must, so comparing against it compares the
 * rendering pipeline, not the conformance obligations.
 */
class BarePdfBoxTest {

    final BarePdfBox bare = new BarePdfBox();

    @Test
    void bothYardsticksAreSixPagesOfTheSameText() throws Exception {
        java.util.List<String> plain = PdfChecks.pageTexts(bare.document(5));
        java.util.List<String> conforming = PdfChecks.pageTexts(bare.conformingDocument(5));

        assertThat(plain).hasSize(6);
        assertThat(conforming).isEqualTo(plain);
    }

    @Test
    void theConformingYardstickIsPdfA2bAndPdfUa1() throws Exception {
        byte[] pdf = bare.conformingDocument(5);

        assertThat(PdfChecks.veraPdfFailures(pdf, "2b")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf, "ua1")).isEmpty();
    }

    /** Every "is PDF/A-2b" and "is PDF/UA-1" test relies on the check finding failures where there are some. */
    @Test
    void thePlainYardstickFailsBothChecksSoTheyCanFail() throws Exception {
        byte[] pdf = bare.document(5);

        assertThat(PdfChecks.veraPdfFailures(pdf, "2b")).isNotEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf, "ua1")).isNotEmpty();
    }
}
