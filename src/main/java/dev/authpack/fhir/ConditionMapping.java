package dev.authpack.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;

/**
 * Condition → {@code diagnosis}: the ICD-10-CM code, the onset as the episode start and Authpack's
 * structured-interview extension. The Condition whose code the Claim names as its diagnosis wins;
 * otherwise the first ICD-10-CM coded one.
 */
final class ConditionMapping {

    private ConditionMapping() {
    }

    static void map(BundleIndex index, CaseDraft draft) {
        Optional<String> claimCode = index.all(Claim.class).stream().flatMap(c -> c.getDiagnosis().stream())
                .map(d -> d.hasDiagnosisCodeableConcept()
                        ? FhirValues.coding(d.getDiagnosisCodeableConcept(), FhirCodes.ICD10CM).map(Coding::getCode)
                        : index.resolve(d.getDiagnosisReference(), Condition.class).flatMap(ConditionMapping::icd10))
                .flatMap(Optional::stream).findFirst();
        List<Condition> coded = index.all(Condition.class).stream().filter(c -> icd10(c).isPresent()).toList();
        Condition chosen = coded.stream().filter(c -> claimCode.isPresent() && icd10(c).equals(claimCode))
                .findFirst().orElse(coded.isEmpty() ? uncoded(index) : coded.get(0));
        if (chosen != null) {
            index.use(chosen);
            String src = index.label(chosen);
            draft.set("diagnosis.icd10", icd10(chosen).orElse(null), src);
            draft.set("diagnosis.episodeStart", onset(chosen), src);
            draft.set("diagnosis.structuredInterview",
                    FhirValues.extensionBoolean(chosen, FhirCodes.EXT_STRUCTURED_INTERVIEW), src);
        }
        if (!draft.has("diagnosis.icd10")) {
            claimCode.ifPresent(code -> draft.set("diagnosis.icd10", code,
                    index.label(index.all(Claim.class).get(0))));
        }
        uncodedClaimDiagnoses(index, draft);
        for (Condition c : index.all(Condition.class)) {
            if (!index.isUsed(c)) {
                index.use(c);
                draft.ignore(index.label(c), icd10(c).isEmpty()
                        ? "no ICD-10-CM code (" + FhirValues.describe(c.getCode()) + ")"
                        : "a further diagnosis; the case holds the one the request is for");
            }
        }
    }

    /**
     * A Claim diagnosis given as a code of another system (SNOMED CT, a local one, none) cannot be the
     * case's ICD-10-CM code: said in {@code ignored}, as an item that is no HCPCS or CPT code is, so the
     * clerk knows why the diagnosis is empty. One named by reference is the Condition's to report.
     */
    private static void uncodedClaimDiagnoses(BundleIndex index, CaseDraft draft) {
        for (Claim claim : index.all(Claim.class)) {
            for (Claim.DiagnosisComponent d : claim.getDiagnosis()) {
                if (d.hasDiagnosisCodeableConcept()
                        && FhirValues.coding(d.getDiagnosisCodeableConcept(), FhirCodes.ICD10CM).isEmpty()) {
                    Integer sequence = d.getSequenceElement().getValue(); // getSequence() unboxes a missing value
                    draft.ignore(index.label(claim), (sequence == null ? "a diagnosis" : "diagnosis " + sequence) + ": "
                            + FhirValues.describe(d.getDiagnosisCodeableConcept()) + " is not an ICD-10-CM code");
                }
            }
        }
    }

    /** A Condition with no code at all still dates the episode (Authpack writes one when only the onset is known). */
    private static Condition uncoded(BundleIndex index) {
        return index.all(Condition.class).stream().filter(c -> !c.hasCode()).findFirst().orElse(null);
    }

    static Optional<String> icd10(Condition c) {
        return FhirValues.coding(c.getCode(), FhirCodes.ICD10CM).map(Coding::getCode);
    }

    private static String onset(Condition c) {
        if (c.getOnset() instanceof DateTimeType dt) {
            return FhirValues.day(dt);
        }
        if (c.getOnset() instanceof Period p) {
            return FhirValues.start(p);
        }
        return null;
    }
}
