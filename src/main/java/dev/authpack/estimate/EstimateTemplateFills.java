package dev.authpack.estimate;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.FictitiousCase;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.StartUpFills;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the estimate template at start-up in each language for the estimates it branches on (in network with a
 * copay over several sessions, out of network with balance billing for one session, self-pay for several and
 * for one), from the
 * fictitious case: an expression naming no value ({@code ${vm.totals.totl}}) stops start-up naming the file and
 * line instead of making every such estimate a 500. Nothing is stored or audited; only the XHTML is made.
 */
@Component
class EstimateTemplateFills implements SmartInitializingSingleton {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, EstimateLanguage.of("es"));

    private final StartUpFills fills;

    EstimateTemplateFills(FeeSchedules schedules, CodeWarnings warnings, DiagnosisCodes diagnoses, PdfRenderer renderer,
                          Clock clock, JsonMapper json) {
        fills = new StartUpFills("estimates", () -> fill(schedules, warnings, diagnoses, renderer, clock, json));
    }

    @Override
    public void afterSingletonsInstantiated() {
        fills.await();
    }

    private static int fill(FeeSchedules schedules, CodeWarnings warnings, DiagnosisCodes diagnoses,
                            PdfRenderer renderer, Clock clock, JsonMapper json) {
        CoursePricing pricing = new CoursePricing(schedules, clock);
        EstimateCalculator calculator = new EstimateCalculator();
        List<CaseData> cases = List.of(
                FictitiousCase.read(json, c -> c.withObject("coverage").put("copayPerSession", 25)),
                FictitiousCase.read(json, c -> {
                    c.withObject("coverage").put("inNetwork", false);
                    c.withObject("request").put("sessions", 1);
                }),
                FictitiousCase.read(json, c -> c.withObject("coverage").put("planType", "SELF_PAY")),
                FictitiousCase.read(json, c -> {
                    c.withObject("coverage").put("planType", "SELF_PAY");
                    c.withObject("request").put("sessions", 1);
                }));
        int filled = 0;
        for (CaseData data : cases) {
            PricedCourse course = pricing.price(data);
            Estimate estimate = calculator.calculate(course.benefits(), course.sessions(), course.lines())
                    .withWarnings(warnings.warningsFor(data));
            LocalDate pricedOn = pricing.pricingDate(data);
            for (Locale language : LANGUAGES) {
                EstimateView view = EstimateViews.of(data, course.lines(), estimate,
                        diagnoses.describe(data.diagnosis().icd10(), language).orElse(null), language,
                        LocalDate.now(clock), schedules.versionsOn(pricedOn));
                renderer.requireFills(EstimatePdf.TEMPLATE, view, language);
                filled++;
            }
        }
        return filled;
    }
}
