package dev.authpack.appeal;

import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.casefile.CaseData;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CriterionResult;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds the appeal letter's view: the denial quoted, then every criterion of the current
 * completeness report answered with its verdict, its facts and the pages of the enclosed packet
 * that show them, the criteria the denial names first.
 */
final class AppealLetter {

    private AppealLetter() {
    }

    /** The packet as read before assembly: where its sections fall once the letter's pages precede it. */
    record Layout(int letterPages, int packetPages, List<EvidencePages.Section> sections, List<String> sectionTitles) {
    }

    /**
     * @param packetDay the day the enclosed packet was made, in the service's zone: the date its own cover
     *                  and letter print, not its UTC timestamp's date (a day later every evening in the Americas)
     * @param titleOf the bookmark title of a packet section bundle key (as the packet was written)
     */
    static AppealView build(CaseData data, Authorization a, CompletenessReport report, DocumentView packet,
                            Layout layout, LocalDate today, LocalDate packetDay,
                            UnaryOperator<String> titleOf) {
        List<AppealView.Answer> named = new ArrayList<>();
        List<AppealView.Answer> others = new ArrayList<>();
        for (CriterionResult reported : report.criteria()) {
            CriterionResult c = reported.forPayer(); // the payer reads it: no field paths
            List<String> titles = EvidencePages.sectionKeys(c.id().name()).stream().map(titleOf).toList();
            AppealView.Answer answer = new AppealView.Answer(c.id().name(), c.label(), c.status().name(), c.detail(),
                    c.evidence(), EvidencePages.pages(titles, layout.sections()));
            (DenialMentions.names(a.denialReason(), c.id().name(), c.label()) ? named : others).add(answer);
        }
        List<AppealView.Notes> notes = layout.sections().stream()
                .filter(s -> !layout.sectionTitles().contains(s.title()))
                .map(s -> new AppealView.Notes(s.title(), EvidencePages.ranges(pages(s)))).toList();
        var p = data.patient();
        var r = data.prescriber();
        // a self-pay case names no payer to appeal to: its payer name is what the clerk typed there ("Self-pay"),
        // and "To: Appeals Department, Self-pay" addressed a department of nobody
        return new AppealView(today.toString(), data.selfPay() ? null : data.coverage().payerName(),
                new AppealView.Person(p.fullName(), str(p.dateOfBirth()), p.memberId()),
                data.request().treatment() == null ? null : data.request().treatment().name(),
                data.request().effectivePhase() == dev.authpack.casefile.Phase.REAUTHORIZATION,
                new AppealView.Denial(str(a.decidedOn()), a.denialReason(), str(a.submittedOn()), a.payerReference(),
                        str(a.appealDeadline()), withinAppealPeriod(a, today)),
                str(report.asOf()), report.complete(), named, others, report.missing(),
                new AppealView.Enclosure(packetDay.toString(),
                        packet.kind() == DocumentKind.EXCEPTION_PACKET, layout.letterPages() + 1,
                        layout.letterPages() + layout.packetPages(), notes),
                new AppealView.Prescriber(r.name(), r.npi() == null ? null : r.npi().toString(),
                        r.specialty() == null ? null : dev.authpack.casefile.ClinicalWords.specialty(r.specialty()), data.facility().name()),
                report.policy() == null ? data.policyId() : report.policy().id(),
                report.policy() == null ? null : report.policy().version());
    }

    /**
     * Whether the letter may say the appeal is on time: an APPEALED case was appealed by its deadline
     * (the event is refused after it); a DENIED one is appealed by this letter, dated today. A late
     * letter says nothing of the period rather than something false to the payer.
     */
    static boolean withinAppealPeriod(Authorization a, LocalDate today) {
        return a.appealDeadline() != null
                && (a.status() == AuthStatus.APPEALED || !today.isAfter(a.appealDeadline()));
    }

    private static List<Integer> pages(EvidencePages.Section s) {
        List<Integer> out = new ArrayList<>();
        for (int i = s.first(); i <= s.last(); i++) {
            out.add(i);
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
