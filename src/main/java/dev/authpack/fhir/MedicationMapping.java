package dev.authpack.fhir;

import dev.authpack.casefile.TrialOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.node.ObjectNode;

/**
 * MedicationStatement and MedicationRequest (other than the requested service) → {@code medicationTrials}:
 * the drug by text or RxNorm display, the daily dose, the period, and the outcome from the status reason.
 * The MedicationStatement the Claim lists as the concurrent antidepressant → {@code request.concurrentAntidepressant}.
 */
final class MedicationMapping {

    private MedicationMapping() {
    }

    /** The drug's name as the case holds it, and the coding display it was read from when it is not that display. */
    record DrugName(String name, String display) {
    }

    static void map(BundleIndex index, CaseDraft draft, CatalogDrugs catalog) {
        takenAlongside(index).forEach(s -> concurrentAntidepressant(index, s, draft, catalog));
        for (MedicationStatement s : index.all(MedicationStatement.class)) {
            if (index.isUsed(s)) {
                continue; // the antidepressant taken alongside, not a trial
            }
            index.use(s);
            trial(index, s, drug(index, s.getMedication(), catalog), s.getDosageFirstRep(), period(s.getEffective()),
                    s.getStatusReason(), s.getStatus() != null ? s.getStatus().toCode() : null, draft);
        }
        for (MedicationRequest r : index.all(MedicationRequest.class)) {
            if (index.isUsed(r)) {
                continue; // the requested service, mapped by RequestMapping
            }
            index.use(r);
            String[] when = r.getDispenseRequest().hasValidityPeriod() ? period(r.getDispenseRequest().getValidityPeriod())
                    : new String[] {FhirValues.day(r.getAuthoredOnElement()), null};
            trial(index, r, drug(index, r.getMedication(), catalog), r.getDosageInstructionFirstRep(), when,
                    r.hasStatusReason() ? List.of(r.getStatusReason()) : List.of(),
                    r.getStatus() != null ? r.getStatus().toCode() : null, draft);
        }
    }

    private static void trial(BundleIndex index, DomainResource r, DrugName drug, Dosage dosage, String[] period,
                              List<CodeableConcept> reasons, String status, CaseDraft draft) {
        String src = index.label(r);
        if (drug == null) {
            draft.ignore(src, "no drug name (neither text nor a coding display)");
            return;
        }
        ObjectNode t = draft.add("medicationTrials", src);
        t.put("drug", drug.name());
        noteDisplay(drug, "trial drug", src, draft);
        CaseDraft.put(t, "drugClass", FhirValues.extensionText(r, FhirCodes.EXT_DRUG_CLASS));
        CaseDraft.put(t, "role", FhirValues.extensionText(r, FhirCodes.EXT_TRIAL_ROLE));
        BigDecimal dose = dailyDose(dosage);
        CaseDraft.put(t, "dailyDoseMg", dose);
        if (dose == null && dosage != null && dosage.hasDoseAndRate()) {
            draft.ignore(src, "dose not in mg per day (or mg with a daily timing)");
        }
        CaseDraft.put(t, "startDate", period[0]);
        CaseDraft.put(t, "endDate", period[1]);
        TrialOutcome outcome = outcome(reasons);
        CaseDraft.put(t, "outcome", outcome);
        if (outcome == null && "stopped".equals(status)) {
            draft.ignore(src, "stopped without a reason Authpack can read as an outcome");
        }
        CaseDraft.put(t, "improvementPct", FhirValues.extensionDecimal(r, FhirCodes.EXT_IMPROVEMENT));
        CaseDraft.put(t, "adherencePct", FhirValues.extensionDecimal(r, FhirCodes.EXT_ADHERENCE));
    }

    /** What the (first) Claim lists under the evidence code of the concurrent antidepressant. */
    private static List<MedicationStatement> takenAlongside(BundleIndex index) {
        List<MedicationStatement> out = new ArrayList<>();
        List<Claim.SupportingInformationComponent> infos = index.all(Claim.class).stream().findFirst()
                .map(Claim::getSupportingInfo).orElse(List.of());
        for (Claim.SupportingInformationComponent info : infos) {
            boolean alongside = FhirValues.coding(info.getCode(), FhirCodes.EVIDENCE)
                    .filter(c -> FhirCodes.CONCURRENT_ANTIDEPRESSANT.equals(c.getCode())).isPresent();
            if (alongside && info.getValue() instanceof Reference ref) {
                index.resolve(ref, MedicationStatement.class).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The drug taken now, alongside the requested treatment: same readers as a trial, into {@code request}. */
    private static void concurrentAntidepressant(BundleIndex index, MedicationStatement s, CaseDraft draft,
                                                 CatalogDrugs catalog) {
        index.use(s);
        String src = index.label(s);
        DrugName drug = drug(index, s.getMedication(), catalog);
        if (drug == null) {
            draft.ignore(src, "concurrent antidepressant without a drug name (neither text nor a coding display)");
            return;
        }
        draft.set("request.concurrentAntidepressant.drug", drug.name(), src);
        noteDisplay(drug, "concurrent antidepressant", src, draft);
        draft.set("request.concurrentAntidepressant.drugClass", FhirValues.extensionText(s, FhirCodes.EXT_DRUG_CLASS), src);
        BigDecimal dose = dailyDose(s.getDosageFirstRep());
        draft.set("request.concurrentAntidepressant.dailyDoseMg", dose, src);
        if (dose == null && s.getDosageFirstRep().hasDoseAndRate()) {
            draft.ignore(src, "dose not in mg per day (or mg with a daily timing)");
        }
        draft.set("request.concurrentAntidepressant.startDate", period(s.getEffective())[0], src);
    }

    /**
     * The drug's name: the concept's text as written; else its RxNorm display, else any display, each
     * turned into the catalog's name when the display opens with one (CatalogDrugs); or the referenced
     * (or contained) Medication's.
     */
    static DrugName drug(BundleIndex index, Type medication, CatalogDrugs catalog) {
        CodeableConcept concept = medication instanceof CodeableConcept cc ? cc
                : medication instanceof Reference ref ? index.resolve(ref, Medication.class).map(m -> {
                    index.use(m);
                    return m.getCode();
                }).orElse(null) : null;
        if (concept == null) {
            return null;
        }
        if (concept.getText() != null) {
            return new DrugName(concept.getText(), null);
        }
        Optional<Coding> rxnorm = FhirValues.coding(concept, FhirCodes.RXNORM).filter(c -> c.getDisplay() != null);
        String display = rxnorm.map(Coding::getDisplay).orElse(FhirValues.text(concept));
        if (display == null) {
            return null;
        }
        String source = rxnorm.isPresent() ? "RxNorm display" : "coding display";
        return catalog.openingName(display).filter(name -> !name.equals(display))
                .map(name -> new DrugName(name, source + " '" + display + "'"))
                .orElse(new DrugName(display, null));
    }

    /** "trial drug sertraline (from RxNorm display '...')": the bundle's own wording stays visible. */
    private static void noteDisplay(DrugName drug, String what, String src, CaseDraft draft) {
        if (drug.display() != null) {
            draft.note(src, what + " " + drug.name() + " (from " + drug.display() + ")");
        }
    }

    private static String[] period(Type effective) {
        if (effective instanceof Period p) {
            return new String[] {FhirValues.start(p), FhirValues.end(p)};
        }
        if (effective instanceof DateTimeType dt) {
            return new String[] {FhirValues.day(dt), null};
        }
        return new String[] {null, null};
    }

    private static String[] period(Period p) {
        return new String[] {FhirValues.start(p), FhirValues.end(p)};
    }

    /** mg/d as is; mg per dose times doses per day when the timing says so. */
    static BigDecimal dailyDose(Dosage dosage) {
        if (dosage == null || !dosage.hasDoseAndRate() || !(dosage.getDoseAndRateFirstRep().getDose() instanceof Quantity q)
                || q.getValue() == null) {
            return null;
        }
        String unit = Optional.ofNullable(q.getCode()).orElse(Optional.ofNullable(q.getUnit()).orElse(""));
        if (unit.equals("mg/d") || unit.equalsIgnoreCase("mg/day")) {
            return q.getValue();
        }
        Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
        // the elements' values, not getFrequency() (an int: it unboxes null when there is no readable value)
        Integer frequency = repeat.getFrequencyElement().getValue();
        BigDecimal per = repeat.getPeriodElement().getValue();
        if (!FhirValues.modest(q.getValue())) {
            return q.getValue(); // as sent: the case's own check refuses it, and the import lists it as left out
        }
        if (unit.equals("mg") && frequency != null && per != null && FhirValues.modest(per)
                && repeat.getPeriodUnit() == Timing.UnitsOfTime.D && per.signum() > 0) {
            BigDecimal daily = q.getValue().multiply(BigDecimal.valueOf(frequency))
                    .divide(per, 2, RoundingMode.HALF_UP).stripTrailingZeros();
            return daily.scale() < 0 ? daily.setScale(0) : daily;
        }
        return null;
    }

    /** Authpack's own outcome code when present, else the words of the reason (table in FhirCodes). */
    static TrialOutcome outcome(List<CodeableConcept> reasons) {
        for (CodeableConcept reason : reasons) {
            Optional<Coding> own = FhirValues.coding(reason, FhirCodes.OUTCOME);
            Optional<TrialOutcome> known = own.flatMap(c -> java.util.Arrays.stream(TrialOutcome.values())
                    .filter(o -> o.name().equals(c.getCode())).findFirst());
            if (known.isPresent()) {
                return known.get();
            }
        }
        return reasons.stream().map(FhirValues::text).map(FhirCodes::outcomeFromWords)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
