package dev.authpack.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.appeal.EvidencePages.Section;
import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.casefile.CaseData;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentView;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.support.Samples;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The appeal letter's view of a denied case (no PDF): the criteria the denial names first, each with
 * the pages of the enclosed packet that show it, the attachments' pages, where the packet starts and
 * ends in the appeal, and the case's people and dates. Sample 01 (Dana Reyes).
 */
class AppealLetterViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final TemplatesProperties TEMPLATES = new TemplatesProperties(Path.of("templates"));
    private static final DiagnosisCodes CODES = new DiagnosisCodes(TEMPLATES);
    private static final CompletenessService COMPLETENESS = new CompletenessService(new PolicyCatalog(TEMPLATES, CODES),
            new DrugCatalog(TEMPLATES), CODES, CLOCK);
    private static final Map<String, String> TITLES = Map.of("packet.section.checklist", "Checklist",
            "packet.section.request", "Request", "packet.section.history", "Treatment history",
            "packet.section.letter", "Letter", "packet.section.severity", "Severity");
    /** Two letter pages, then the packet's 9: checklist 3, request 4–5, history 6–7, letter 8, severity 9, a scan 10–11. */
    private static final AppealLetter.Layout LAYOUT = new AppealLetter.Layout(2, 9, List.of(
            new Section("Checklist", 3, 3), new Section("Request", 4, 5), new Section("Treatment history", 6, 7),
            new Section("Letter", 8, 8), new Section("Severity", 9, 9), new Section("Prior trial notes", 10, 11)),
            List.of("Checklist", "Request", "Treatment history", "Letter", "Severity"));

    @Test
    void theCriteriaTheDenialNamesComeFirstEachWithItsPages() {
        AppealView view = build(Samples.tree("01-complete-esketamine"), denied("Failed trials not documented"),
                DocumentKind.PACKET);

        assertThat(view.named()).extracting(AppealView.Answer::id).containsExactly("FAILED_TRIALS");
        assertThat(view.named().get(0).pages()).isEqualTo("3, 6–8");
        assertThat(view.others()).extracting(AppealView.Answer::id).doesNotContain("FAILED_TRIALS").isNotEmpty();
        assertThat(view.others()).filteredOn(a -> a.id().equals("SEVERITY")).extracting(AppealView.Answer::pages)
                .containsExactly("3, 9");
        assertThat(view.enclosure()).isEqualTo(new AppealView.Enclosure("2026-11-19", false, 3, 11,
                List.of(new AppealView.Notes("Prior trial notes", "10–11"))));
        assertThat(view.date()).isEqualTo("2026-11-20");
        assertThat(view.payer()).isEqualTo("Example Health Plan");
        assertThat(view.patient()).isEqualTo(new AppealView.Person("Dana Reyes", "1979-03-14", "XJH123456789"));
        assertThat(view.treatment()).isEqualTo("ESKETAMINE");
        assertThat(view.reauthorization()).isFalse();
        assertThat(view.denial()).isEqualTo(new AppealView.Denial("2026-11-10", "Failed trials not documented",
                "2026-11-01", "REF-77", "2026-12-31", true));
        assertThat(view.prescriber()).isEqualTo(new AppealView.Prescriber("Alex Morgan, MD", "1234567893", "psychiatry",
                "North Clinic"));
        assertThat(view.policyId()).isEqualTo("esketamine-standard");
        assertThat(view.policyVersion()).isEqualTo("2026.1");
        assertThat(view.asOf()).isEqualTo("2026-11-30");
    }

    @Test
    void anExceptionPacketAReauthorizationAndACaseWithoutPolicyOrPeopleAreSaidSo() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        c.put("policyId", "no-such-policy");
        ((ObjectNode) c.get("request")).put("phase", "REAUTHORIZATION").remove("treatment");
        ((ObjectNode) c.get("prescriber")).remove(List.of("npi", "specialty"));
        ((ObjectNode) c.get("patient")).remove("dateOfBirth");

        AppealView view = build(c, denied(null), DocumentKind.EXCEPTION_PACKET);

        assertThat(view.enclosure().exception()).isTrue();
        assertThat(view.reauthorization()).isTrue();
        assertThat(view.treatment()).isNull();
        assertThat(view.named()).isEmpty();
        assertThat(view.policyId()).isEqualTo("no-such-policy");
        assertThat(view.policyVersion()).isNull();
        assertThat(view.prescriber().npi()).isNull();
        assertThat(view.prescriber().specialty()).isNull();
        assertThat(view.patient().dateOfBirth()).isNull();
    }

    static Authorization denied(String reason) {
        return new Authorization(AuthStatus.DENIED, LocalDate.of(2026, 11, 1), null, "REF-77", LocalDate.of(2026, 11, 10),
                null, null, null, null, 0, null, reason, LocalDate.of(2026, 12, 31));
    }

    static AppealView build(ObjectNode tree, Authorization a, DocumentKind kind) {
        CaseData data = JSON.readValue(Samples.json(tree), CaseData.class);
        CompletenessReport report = COMPLETENESS.check(data);
        DocumentView packet = new DocumentView(UUID.randomUUID(), UUID.randomUUID(), kind, 9, "00",
                Instant.parse("2026-11-20T02:00:00Z"), "esketamine-standard", "2026.1", "t", 1L, "en");
        return AppealLetter.build(data, a, report, packet, LAYOUT, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 19),
                TITLES::get);
    }
}
