package dev.authpack.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Appeals go to the payer by fax like the packet: the letter's criteria table printed each status in green,
 * red or amber, which a fax server halftones into hollow dotted words. They print in the body's black.
 */
class AppealStatusOnFaxTest {

    private static final PdfRenderer RENDERER = PdfRenderer.create(Path.of("templates"), false);

    /** The body text's black: solid on a 1-bit fax. */
    private static final float BODY_TEXT = 0f;

    @Test
    void everyCriterionStatusInTheAppealLetterIsPrintedAsDarkAsTheBodyText() throws Exception {
        RenderedPdf pdf = RENDERER.render(AppealAssembler.TEMPLATE, view(), Locale.ENGLISH);

        List<String> statuses = PdfChecks.inkOf(pdf.bytes(), "", List.of("Met", "Not met", "Missing information"));

        assertThat(statuses).anyMatch(s -> s.startsWith("Met: ")).anyMatch(s -> s.startsWith("Not met: "))
                .anyMatch(s -> s.startsWith("Missing information: "));
        assertThat(statuses).allSatisfy(s ->
                assertThat(Float.parseFloat(s.substring(s.indexOf(": ") + 2))).as(s).isLessThanOrEqualTo(BODY_TEXT));
    }

    /** The letter's text in pure black: a fax server pecks holes even into #111 at 204 dpi. */
    @Test
    void everyWordOfTheAppealLetterIsPureBlack() throws Exception {
        RenderedPdf pdf = RENDERER.render(AppealAssembler.TEMPLATE, view(), Locale.ENGLISH);

        assertThat(PdfChecks.wordsLighterThan(pdf.bytes(), 0f)).isEmpty();
    }

    private static AppealView view() {
        var met = new AppealView.Answer("SEVERITY", "Severity score", "MET",
                "PHQ-9 22 on 2026-11-10 (threshold 15)", List.of("PHQ-9 22 on 2026-11-10"), "5");
        var notMet = new AppealView.Answer("FAILED_TRIALS", "Failed antidepressant trials", "NOT_MET",
                "1 qualifying trial, 2 required", List.of("sertraline 200 mg/day, 2025-02-01 to 2025-04-15"), "5");
        var missing = new AppealView.Answer("PDMP", "PDMP check", "MISSING",
                "no PDMP check is recorded", List.of(), null);
        return new AppealView("2026-11-20", "Example Health Plan",
                new AppealView.Person("Dana Reyes", "1979-03-14", "XJH123456789"), "ESKETAMINE", false,
                new AppealView.Denial("2026-11-19", "Step therapy not met.", "2026-11-17", "EHP-REF-7781", "2027-05-18", true),
                "2026-11-20", true, List.of(met, notMet, missing), List.of(), List.of(),
                new AppealView.Enclosure("2026-11-16", false, 2, 8, List.of()),
                new AppealView.Prescriber("Alex Morgan, MD", "1234567893", "psychiatry", "North Clinic"),
                "esketamine-standard", "2026.1");
    }
}
