package dev.authpack.estimate;

import dev.authpack.casefile.CaseData;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Renders the estimate (or Good Faith Estimate) PDF through the shared document pipeline. */
final class EstimatePdf {

    static final String TEMPLATE = "estimate";

    private final PdfRenderer renderer;

    EstimatePdf(PdfRenderer renderer) {
        this.renderer = renderer;
        renderer.requireTemplate(TEMPLATE);
        renderer.requireSentences(TEMPLATE, EstimateLanguage.of("es"));
    }

    /** {@code priced} are the lines {@code estimate} was computed from, in the same order. */
    RenderedPdf render(CaseData data, List<PricedLine> priced, Estimate estimate, String diagnosisDescription,
                       Locale locale, LocalDate today, String feeSchedule) {
        EstimateView view = EstimateViews.of(data, priced, estimate, diagnosisDescription, locale, today,
                feeSchedule);
        return renderer.render(TEMPLATE, view, locale);
    }
}
