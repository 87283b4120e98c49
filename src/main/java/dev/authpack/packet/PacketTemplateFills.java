package dev.authpack.packet;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.FictitiousCase;
import dev.authpack.casefile.RenewedAuthorizations.Renewed;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.StartUpFills;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the packet template and its sections, at start-up, for the packets the templates branch on (insured,
 * clinical exception with an unmet criterion, renewal with a consultant, self-pay), from the fictitious case:
 * an expression naming no value ({@code ${vm.letter.nmae}}) stops start-up naming its file and line instead
 * of making every such packet a 500. Nothing is stored or audited; only the XHTML is made (~ms each).
 */
@Component
class PacketTemplateFills implements SmartInitializingSingleton {

    private final StartUpFills fills;

    PacketTemplateFills(CompletenessService completeness, PacketViewFactory views, PdfRenderer renderer, JsonMapper json) {
        fills = new StartUpFills("packets", () -> fill(completeness, views, renderer, json));
    }

    @Override
    public void afterSingletonsInstantiated() {
        fills.await();
    }

    private static int fill(CompletenessService completeness, PacketViewFactory views, PdfRenderer renderer,
                            JsonMapper json) {
        CaseData insured = FictitiousCase.read(json);
        // one antidepressant trial where the policy asks for more: the exception letter lists the criterion unmet
        CaseData unmet = FictitiousCase.read(json, c -> {
            c.withArray("medicationTrials").remove(2);
            c.withArray("medicationTrials").remove(1);
        });
        CaseData renewal = FictitiousCase.read(json, c -> {
            c.withObject("request").put("phase", "REAUTHORIZATION");
            c.withObject("prescriber").withObject("consultingPsychiatrist")
                    .put("name", "Jordan Example, MD").put("npi", "1234567893");
            c.withObject("screening").put("psychosisRiskAttested", true).put("acuteSuicidality", false);
        });
        CaseData selfPay = FictitiousCase.read(json, c -> c.withObject("coverage").put("planType", "SELF_PAY"));
        Renewed renewed = new Renewed("EXAMPLE-0001", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-11-30"), 8, 8);
        List<PacketView> packets = List.of(
                views.build(insured, completeness.check(insured), List.of("Example chart note"), false),
                views.build(unmet, completeness.check(unmet), List.of(), true),
                views.build(renewal, completeness.check(renewal), List.of(), false, renewed),
                views.build(selfPay, completeness.check(selfPay), List.of(), false));
        for (PacketView packet : packets) {
            renderer.requireFills(PacketAssembler.TEMPLATE, packet, PacketAssembler.LANGUAGE);
        }
        return packets.size();
    }
}
