package dev.authpack.appeal;

import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.FictitiousCase;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentView;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.StartUpFills;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the appeal letter's template at start-up for the letters it branches on (a denial within its appeal
 * period enclosing a packet and a chart note; a renewal missing information, enclosing an exception packet),
 * from the fictitious case: an expression naming no value stops start-up naming the file and line instead of
 * making every appeal packet a 500. Nothing is stored or audited; only the XHTML is made.
 */
@Component
class AppealTemplateFills implements SmartInitializingSingleton {

    private final StartUpFills fills;

    AppealTemplateFills(CompletenessService completeness, AppealAssembler assembler, PdfRenderer renderer, Clock clock,
                        JsonMapper json) {
        fills = new StartUpFills("appeal letters", () -> fill(completeness, assembler, renderer, clock, json));
    }

    @Override
    public void afterSingletonsInstantiated() {
        fills.await();
    }

    private static int fill(CompletenessService completeness, AppealAssembler assembler, PdfRenderer renderer,
                            Clock clock, JsonMapper json) {
        LocalDate today = LocalDate.now(clock);
        CaseData initial = FictitiousCase.read(json);
        CaseData renewal = FictitiousCase.read(json, c -> {
            c.withObject("request").put("phase", "REAUTHORIZATION");
            c.remove("assessments");
        });
        Authorization denied = new Authorization(AuthStatus.DENIED, today.minusDays(20), null, "EXAMPLE-REF-0001",
                today.minusDays(5), null, null, null, null, 0, null, "Step therapy not documented (example)",
                today.plusDays(55));
        List<String> titles = AppealAssembler.SECTION_KEYS.stream().map(assembler::title).toList();
        List<EvidencePages.Section> sections = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            sections.add(new EvidencePages.Section(titles.get(i), 3 + i, 3 + i));
        }
        sections.add(new EvidencePages.Section("Example chart note", 3 + titles.size(), 4 + titles.size()));
        AppealLetter.Layout layout = new AppealLetter.Layout(2, titles.size() + 2, sections, titles);
        int filled = 0;
        for (CaseData data : List.of(initial, renewal)) {
            DocumentKind kind = data == initial ? DocumentKind.PACKET : DocumentKind.EXCEPTION_PACKET;
            DocumentView packet = new DocumentView(UUID.randomUUID(), UUID.randomUUID(), kind, layout.packetPages(),
                    "0".repeat(64), clock.instant(), data.policyId(), null, null, 1L, null);
            AppealView view = AppealLetter.build(data, denied, completeness.check(data), packet, layout, today,
                    today.minusDays(25), assembler::title);
            renderer.requireFills(AppealAssembler.TEMPLATE, view, AppealAssembler.LANGUAGE);
            filled++;
        }
        return filled;
    }
}
