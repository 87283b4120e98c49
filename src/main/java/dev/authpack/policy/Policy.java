package dev.authpack.policy;

import dev.authpack.casefile.Indication;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.Treatment;
import dev.authpack.content.KeyedValueException;
import dev.authpack.core.CalendarDates;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One payer policy (one version of it) as loaded from {@code templates/policies/}. {@code version}
 * is stamped into every completeness report, packet and audit record; {@code effectiveFrom} (absent:
 * always) says from which start date this version decides; {@code source} names the published
 * policy and {@code citation} where exactly it was read. {@code approval} is absent for self-pay.
 *
 * <p>{@code notCovered} gives, per treatment the payer refuses, the reason the report states;
 * {@code notCoveredAdvice} what the clinic can do instead (a self-pay estimate, a clinical
 * exception). The clinic reads the advice after the reason; the packet sent to the payer does not
 * print it, since advice to the clinic is not the payer's reason.
 * {@code indications} (absent: the policy does not judge the indication, as the original four) lists
 * the indications covered, each with its approval and its own criteria sections; under MDSI the
 * treatment-resistance sections of {@code criteria} do not apply.
 */
public record Policy(String id, String version, LocalDate effectiveFrom, String name, String source,
                     Citation citation, Set<Treatment> treatments, Map<Treatment, String> notCovered,
                     Map<Treatment, String> notCoveredAdvice, ApprovalPeriod approval, Map<Indication, IndicationRule> indications, PolicyCriteria criteria,
                     JsonNode exampleCase, List<PolicyExample> examples) {

    /**
     * The longest id and version the database keeps (db/migration: V1 {@code cases.policy_id}, V2
     * {@code documents.policy_id} and {@code policy_version}, V80 {@code policy_uploads}): a file
     * with a longer one would load, and then fail when an upload or a packet is stored.
     */
    static final int MAX_ID = 200;
    static final int MAX_VERSION = 40;
    /**
     * The longest name: no column keeps it, but the policy lists, the case form's policy choice and the packet
     * letter print it whole, and 10,000 characters were taken. The shipped names are under 70. Checked where a
     * file is taken in ({@link PolicyCatalog}: shipped files and new uploads), not here: a version stored before
     * the limit must still load, or its cases lose their policy.
     */
    static final int MAX_NAME = 200;

    public Policy {
        id = Checks.text(id, "id", MAX_ID);
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case words joined by '-'");
        }
        version = Checks.text(version, "version", MAX_VERSION);
        if (effectiveFrom != null && !CalendarDates.accepted(effectiveFrom)) {
            // a year 0000 or +999999999 parses as ISO, then is no YYYY-MM-DD in GET /policies and outside
            // PostgreSQL's DATE range: the years every other date of Authpack keeps to
            throw new KeyedValueException("effectiveFrom", "effectiveFrom " + CalendarDates.outOfRange());
        }
        name = Checks.text(name, "name");
        source = Checks.text(source, "source");
        notCovered = notCovered == null || notCovered.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(notCovered));
        if (notCovered.isEmpty() || treatments == null || !treatments.isEmpty()) {
            Checks.notEmpty(treatments, "treatments");
        }
        treatments = treatments.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(treatments));
        notCoveredAdvice = notCoveredAdvice == null || notCoveredAdvice.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(notCoveredAdvice));
        for (Treatment t : notCoveredAdvice.keySet()) {
            if (!notCovered.containsKey(t)) {
                throw new KeyedValueException("notCoveredAdvice." + t, t + " has advice but no reason under notCovered");
            }
        }
        notCovered.keySet().stream().filter(treatments::contains).findFirst().ifPresent(t -> {
            throw new KeyedValueException("notCovered." + t, t + " is both in treatments and in notCovered");
        });
        if (criteria == null) {
            throw new IllegalArgumentException("criteria is required (write 'criteria: {}' for none)");
        }
        indications = indications == null || indications.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(indications));
        for (Indication indication : Indication.values()) {
            criteriaFor(indication, criteria, indications).checkConsistent(augmentationKey(indication, indications));
        }
        examples = examples == null ? List.of() : List.copyOf(examples);
        if (!examples.isEmpty() && exampleCase == null) {
            throw new IllegalArgumentException("examples need an exampleCase to start from");
        }
    }

    public boolean covers(Treatment treatment) {
        return treatment != null && treatments.contains(treatment);
    }

    /** True when the policy judges the request's indication (the INDICATION criterion applies). */
    public boolean judgesIndication() {
        return !indications.isEmpty();
    }

    public boolean covers(Indication indication) {
        return indications.containsKey(indication);
    }

    /**
     * The criteria that decide a request for {@code indication}. An indication the policy does not
     * cover is judged as TRD (INDICATION then answers NOT_MET).
     */
    public PolicyCriteria criteriaFor(Indication indication) {
        return criteriaFor(indication, criteria, indications);
    }

    private static PolicyCriteria criteriaFor(Indication requested, PolicyCriteria criteria,
                                              Map<Indication, IndicationRule> indications) {
        if (indications == null || indications.isEmpty()) {
            return criteria;
        }
        Indication judged = indications.containsKey(requested) ? requested : Indication.TRD;
        IndicationRule rule = indications.get(judged);
        return criteria.overlay(rule == null ? null : rule.criteria(), judged == Indication.MDSI);
    }

    /**
     * Where the augmentation section judged for {@code requested} is written: the judged
     * indication's own section when it has one (it replaces the policy's), else the policy's.
     */
    private static String augmentationKey(Indication requested, Map<Indication, IndicationRule> indications) {
        Indication judged = indications.containsKey(requested) ? requested : Indication.TRD;
        IndicationRule rule = indications.get(judged);
        return rule != null && rule.criteria() != null && rule.criteria().augmentation() != null
                ? "indications." + judged.name() + ".criteria.augmentation" : "criteria.augmentation";
    }

    /**
     * How long an approval for this indication and phase lasts; null when the policy approves nothing.
     * An indication the policy does not cover is judged as TRD ({@link #criteriaFor}), so it takes the
     * TRD approval: a policy may write its only approval under TRD (Triple-S).
     */
    public ApprovalPeriod approvalFor(Indication indication, Phase phase) {
        IndicationRule rule = indications.isEmpty() ? null
                : indications.get(indications.containsKey(indication) ? indication : Indication.TRD);
        if (rule == null) {
            return approval;
        }
        if (phase == Phase.REAUTHORIZATION && rule.reauthorizationApproval() != null) {
            return rule.reauthorizationApproval();
        }
        return rule.approval() != null ? rule.approval() : approval;
    }

    /** Why the payer refuses a treatment it does not cover, when the policy says. */
    public String notCoveredReason(Treatment treatment) {
        return treatment == null ? null : notCovered.get(treatment);
    }

    /** What the clinic can do instead when the payer refuses a treatment, when the policy says. */
    public String notCoveredAdvice(Treatment treatment) {
        return treatment == null ? null : notCoveredAdvice.get(treatment);
    }
}
