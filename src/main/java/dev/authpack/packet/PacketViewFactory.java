package dev.authpack.packet;

import dev.authpack.casefile.ClinicalWords;
import dev.authpack.casefile.Assessment;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.RenewedAuthorizations.Renewed;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TrialRole;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CriterionResult;
import dev.authpack.packet.PacketView.Cover;
import dev.authpack.packet.PacketView.CriterionRow;
import dev.authpack.packet.PacketView.Letter;
import dev.authpack.packet.PacketView.LineRow;
import dev.authpack.packet.PacketView.Meta;
import dev.authpack.packet.PacketView.Person;
import dev.authpack.packet.PacketView.Renewal;
import dev.authpack.packet.PacketView.Request;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Turns a case and its completeness report into the packet's view model. */
@Component
class PacketViewFactory {

    private final PolicyCatalog policies;
    private final DiagnosisCodes codes;
    private final DrugCatalog drugs;
    private final HistoryViews history;
    private final Clock clock;

    PacketViewFactory(PolicyCatalog policies, DiagnosisCodes codes, DrugCatalog drugs, Clock clock) {
        this.policies = policies;
        this.codes = codes;
        this.drugs = drugs;
        this.history = new HistoryViews(drugs);
        this.clock = clock;
    }

    /**
     * What a packet reads of {@code templates/} besides its policy (stored with it) and templates: the drug catalog
     * (which trials are adequate, each drug's class) and the code table (the diagnosis's title, psychotic codes). A
     * packet made after either changed may say other things, so it is no identical copy of one made before.
     */
    String contentVersions() {
        return "drugs " + drugs.version() + "; codes " + codes.version();
    }

    PacketView build(CaseData c, CompletenessReport report, List<String> attachmentTitles, boolean exception) {
        return build(c, report, attachmentTitles, exception, null);
    }

    /** {@code renewed}: the authorization the case renews, or null when it renews none. */
    PacketView build(CaseData c, CompletenessReport report, List<String> attachmentTitles, boolean exception,
                     Renewed renewed) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = report.asOf() != null ? report.asOf() : today;
        // the version that judged the case, so the approval and the source match the checklist
        Policy policy = policies.inForce(c.policyId(), asOf).orElse(null);
        List<CriterionRow> criteria = report.criteria().stream().map(PacketViewFactory::row).toList();
        Meta meta = new Meta(exception, c.request().effectivePhase() == Phase.REAUTHORIZATION, c.selfPay(),
                report.policy() == null ? null : report.policy().id(),
                report.policy() == null ? null : report.policy().version(),
                policy == null ? null : policy.name(), today.toString(), source(policy));
        return new PacketView(meta, person(c, asOf), cover(c, today), request(c, policy), criteria,
                letter(c, report, today, renewed), history.history(c.medicationTrials(), c.psychotherapy(), asOf),
                SeverityViews.severity(c.assessments()), List.copyOf(attachmentTitles));
    }

    /** Worded for the payer: the report's field paths are for the clerk. */
    private static CriterionRow row(CriterionResult result) {
        CriterionResult r = result.forPayer();
        return new CriterionRow(r.id().name(), r.label(), r.status().name(), r.detail(), r.evidence());
    }

    private static Person person(CaseData c, LocalDate asOf) {
        var p = c.patient();
        Integer age = p.dateOfBirth() == null ? null : Period.between(p.dateOfBirth(), asOf).getYears();
        return new Person(p.fullName(), p.firstName(), p.lastName(), Formats.date(p.dateOfBirth()), age,
                Formats.text(p.sex()), c.selfPay() ? null : p.memberId(), p.groupNumber());
    }

    /**
     * Who the cover and the letter are addressed to: the payer, or nobody for a self-pay case, which no payer
     * receives. Its payer name is what the clerk typed there ("Self-pay"): addressed to it, a cover read "To
     * Self-pay" and a letter "To: Utilization Management Reviewer, Self-pay".
     */
    private static String addressee(CaseData c) {
        return c.selfPay() ? null : c.coverage().payerName();
    }

    private static Cover cover(CaseData c, LocalDate today) {
        var f = c.facility();
        var pr = c.prescriber();
        return new Cover(addressee(c), f.name(), f.address(), pr.phone(), pr.fax(), today.toString(),
                c.request().isUrgent(), pr.name(), Formats.text(pr.npi()));
    }

    private Request request(CaseData c, Policy policy) {
        var r = c.request();
        var pr = c.prescriber();
        var f = c.facility();
        List<LineRow> lines = r.lines().stream()
                .map(l -> new LineRow(l.code(), l.description(), l.unitsPerSession(),
                        l.unitsPerSession() == null || r.sessions() == null ? null : l.unitsPerSession() * r.sessions()))
                .toList();
        var icd = c.diagnosis().icd10();
        // a consultation counts only with both name and NPI (REAL-POLICIES): the reviewer is shown no half of one
        var consultant = pr.consultingPsychiatrist() != null && pr.consultingPsychiatrist().named()
                ? pr.consultingPsychiatrist() : null;
        return new Request(Formats.text(r.treatment()), r.effectivePhase().name(), Formats.date(r.startDate()),
                r.sessions(), lines, Formats.text(icd), icd == null ? null : codes.describe(icd).orElse(null),
                Formats.date(c.diagnosis().episodeStart()), c.coverage().payerName(),
                c.coverage().planType() == null ? null : ClinicalWords.planType(c.coverage().planType()),
                pr.name(), Formats.text(pr.npi()),
                pr.specialty() == null ? null : ClinicalWords.specialty(pr.specialty()), pr.phone(), pr.fax(),
                consultant == null ? null : consultant.name(), consultant == null ? null : Formats.text(consultant.npi()),
                f.name(), Formats.text(f.npi()),
                Formats.text(f.tin()), f.address(), f.remsCertified(),
                approval(c, policy));
    }

    private static String approval(CaseData c, Policy policy) {
        var period = policy == null ? null : policy.approvalFor(c.request().effectiveIndication(), c.request().effectivePhase());
        return period == null ? null : period.toString();
    }

    /** "source; document; read at url", or null without a policy. */
    private static String source(Policy policy) {
        if (policy == null) {
            return null;
        }
        var citation = policy.citation();
        if (citation == null) {
            return policy.source();
        }
        StringBuilder out = new StringBuilder(policy.source());
        if (citation.document() != null && !policy.source().contains(citation.document())) {
            out.append("; ").append(citation.document());
        }
        if (citation.date() != null) {
            out.append("; ").append(citation.date());
        }
        out.append("; ").append(citation.url());
        if (citation.secondary() != null) {
            out.append(". Secondary source: ").append(citation.secondary());
        }
        return out.toString();
    }

    private Letter letter(CaseData c, CompletenessReport report, LocalDate today, Renewed renewed) {
        LocalDate asOf = report.asOf() != null ? report.asOf() : today;
        List<MedicationTrial> mono = c.medicationTrials().stream()
                .filter(t -> t.effectiveRole() == TrialRole.MONOTHERAPY).toList();
        long classes = mono.stream().map(history::drugClass).filter(Objects::nonNull).distinct().count();
        LocalDate episode = c.diagnosis().episodeStart();
        String months = episode == null ? null
                : String.valueOf(Math.max(0, Period.between(episode, asOf).toTotalMonths()));
        // the criteria's episode rule (an open trial runs to asOf): the letter must not place an older
        // trial in "this episode" when the checklist says it ended before the episode began
        Integer inEpisode = episode == null ? null : (int) mono.stream()
                .filter(t -> !(t.endDate() != null ? t.endDate() : asOf).isBefore(episode)).count();
        Assessment latest = SeverityViews.latest(c.assessments());
        Assessment baseline = SeverityViews.baseline(c.assessments());
        List<CriterionRow> unmet = report.unmetCriteria().stream().map(PacketViewFactory::row).toList();
        EsketamineDose.Dose dose = EsketamineDose.of(c).orElse(null);
        return new Letter(today.toString(), addressee(c), mono.size(), (int) classes, inEpisode, months,
                SeverityViews.row(latest), baseline == latest ? null : SeverityViews.row(baseline),
                Formats.change(SeverityViews.improvementPct(baseline, latest)), unmet,
                c.request().treatment() == Treatment.ESKETAMINE, c.psychotherapy().size(),
                c.request().effectiveIndication().name(),
                c.screening() != null && Boolean.TRUE.equals(c.screening().acuteSuicidality()), concurrent(c),
                augmentationAlongside(c),
                renewed == null ? null : new Renewal(renewed.authorizationNumber(), Formats.date(renewed.approvedFrom()),
                        Formats.date(renewed.approvedTo()), renewed.approvedSessions(), renewed.sessionsUsed()),
                psychosisRiskAttested(c), dose == null ? null : dose.amount(), dose == null ? null : dose.code());
    }

    /**
     * The prescriber's attestation that the benefit outweighs the risk (Cigna allows psychosis only with it),
     * when there is psychosis to weigh: an attestation about features the patient does not have says nothing.
     */
    private boolean psychosisRiskAttested(CaseData c) {
        var s = c.screening();
        return s != null && Boolean.TRUE.equals(s.psychosisRiskAttested())
                && (Boolean.TRUE.equals(s.psychoticFeatures()) || codes.psychotic(c.diagnosis().icd10()));
    }

    /**
     * True when the drug given alongside is an augmentation agent (lithium, an antipsychotic): the letter then names it
     * without calling it the oral antidepressant, which its own list of unmet criteria says it is not.
     */
    private boolean augmentationAlongside(CaseData c) {
        var drug = c.request().concurrentAntidepressant();
        return drug != null && drugs.classOf(drug.drug(), drug.drugClass()).map(k -> !k.antidepressant()).orElse(false);
    }

    /** "escitalopram 10 mg/day since 2026-11-01", or null when none is recorded. */
    private static String concurrent(CaseData c) {
        var drug = c.request().concurrentAntidepressant();
        if (drug == null) {
            return null;
        }
        return drug.drug() + (drug.dailyDoseMg() == null ? "" : " " + drug.dailyDoseMg().stripTrailingZeros().toPlainString()
                + " mg/day") + (drug.startDate() == null ? "" : " since " + drug.startDate());
    }
}
