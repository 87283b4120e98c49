package dev.authpack.fhir;

import dev.authpack.casefile.Instrument;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.node.ObjectNode;

/**
 * Observation → {@code assessments} (depression scale totals), the blood pressure and the
 * contraindication screening with its attestations. Anything else is listed as ignored with its code.
 */
final class ObservationMapping {

    private ObservationMapping() {
    }

    static void map(BundleIndex index, CaseDraft draft) {
        List<Observation> all = index.all(Observation.class);
        for (Observation o : all) {
            instrument(o.getCode()).ifPresent(instrument -> score(index, o, instrument, draft));
        }
        all.stream().filter(ObservationMapping::isBloodPressure)
                .max(Comparator.comparing(o -> Optional.ofNullable(effective(o)).orElse("")))
                .ifPresent(o -> bloodPressure(index, o, draft));
        all.stream().filter(o -> FhirValues.coding(o.getCode(), FhirCodes.SCREENING).isPresent()).findFirst()
                .ifPresent(o -> screening(index, o, draft));
        for (Observation o : all) {
            if (!index.isUsed(o)) {
                index.use(o);
                draft.ignore(index.label(o), isBloodPressure(o) ? "an earlier blood pressure; the case keeps the latest"
                        : FhirValues.describe(o.getCode()) + " is not a depression scale or screening Authpack reads");
            }
        }
    }

    static Optional<Instrument> instrument(CodeableConcept code) {
        Optional<Instrument> loinc = FhirValues.coding(code, FhirCodes.LOINC)
                .map(c -> FhirCodes.LOINC_INSTRUMENTS.get(c.getCode()));
        if (loinc.isPresent()) {
            return loinc;
        }
        return FhirValues.coding(code, FhirCodes.INSTRUMENT).map(Coding::getCode)
                .flatMap(c -> java.util.Arrays.stream(Instrument.values()).filter(i -> i.name().equals(c)).findFirst());
    }

    private static void score(BundleIndex index, Observation o, Instrument instrument, CaseDraft draft) {
        index.use(o);
        String src = index.label(o);
        BigDecimal value = number(o.getValue());
        String date = effective(o);
        if (value == null || date == null) {
            draft.ignore(src, instrument + " without " + (value == null ? "a numeric total" : "a date"));
            return;
        }
        ObjectNode a = draft.add("assessments", src);
        CaseDraft.put(a, "instrument", instrument);
        a.put("score", value);
        a.put("date", date);
    }

    private static boolean isBloodPressure(Observation o) {
        return FhirValues.coding(o.getCode(), FhirCodes.LOINC).map(c -> FhirCodes.BP_PANEL.equals(c.getCode())).orElse(false);
    }

    private static void bloodPressure(BundleIndex index, Observation o, CaseDraft draft) {
        index.use(o);
        String src = index.label(o);
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            String code = FhirValues.coding(c.getCode(), FhirCodes.LOINC).map(Coding::getCode).orElse("");
            BigDecimal v = number(c.getValue());
            if (FhirCodes.BP_SYSTOLIC.equals(code)) {
                draft.set("screening.systolic", v, src);
            } else if (FhirCodes.BP_DIASTOLIC.equals(code)) {
                draft.set("screening.diastolic", v, src);
            }
        }
        draft.set("screening.measuredOn", effective(o), src);
    }

    private static void screening(BundleIndex index, Observation o, CaseDraft draft) {
        index.use(o);
        String src = index.label(o);
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            String code = FhirValues.coding(c.getCode(), FhirCodes.SCREENING).map(Coding::getCode).orElse("");
            Type v = c.getValue();
            switch (code) {
                case "substance-use" -> draft.set("screening.substanceUse",
                        v instanceof CodeableConcept cc ? FhirValues.coding(cc, FhirCodes.SCREENING).map(Coding::getCode).orElse(null) : null, src);
                case "psychotic-features" -> draft.set("screening.psychoticFeatures", bool(v), src);
                case "vascular-contraindication" -> draft.set("screening.vascularContraindication", bool(v), src);
                case "pregnant" -> draft.set("screening.pregnant", bool(v), src);
                case "pdmp-checked" -> draft.set("screening.pdmpCheckedOn", v instanceof DateTimeType d ? FhirValues.day(d) : null, src);
                case "psychosis-risk-attested" -> draft.set("screening.psychosisRiskAttested", bool(v), src);
                case "substance-use-treated" -> draft.set("screening.substanceUseTreated", bool(v), src);
                case "abstinent-since" -> draft.set("screening.abstinentSince",
                        v instanceof DateTimeType d ? FhirValues.day(d) : null, src);
                case "ketamine-hypersensitivity" -> draft.set("screening.ketamineHypersensitivity", bool(v), src);
                case "concurrent-therapy" -> concurrentTherapy(v, src, draft);
                case "acute-suicidality" -> draft.set("screening.acuteSuicidality", bool(v), src);
                case "patient-rems-enrolled" -> draft.set("screening.patientRemsEnrolled", bool(v), src);
                default -> draft.ignore(src, "screening component " + FhirValues.describe(c.getCode()) + " is not one Authpack reads");
            }
        }
    }

    /**
     * One component per therapy, kept in the bundle's order. A code the case does not know goes in as it
     * is: the validator then leaves out that element alone and says why.
     */
    private static void concurrentTherapy(Type v, String src, CaseDraft draft) {
        String code = v instanceof CodeableConcept cc
                ? FhirValues.coding(cc, FhirCodes.SCREENING).map(Coding::getCode).orElse(null) : null;
        if (code == null) {
            draft.ignore(src, "concurrent therapy without an Authpack screening code");
            return;
        }
        draft.addValue("screening.concurrentTherapies", code, src);
    }

    static String effective(Observation o) {
        if (o.getEffective() instanceof DateTimeType dt) {
            return FhirValues.day(dt);
        }
        if (o.getEffective() instanceof Period p) {
            return FhirValues.start(p);
        }
        return o.hasIssued() ? FhirValues.day(o.getIssuedElement()) : null;
    }

    static BigDecimal number(Type value) {
        if (value instanceof IntegerType i && i.getValue() != null) {
            return BigDecimal.valueOf(i.getValue());
        }
        if (value instanceof Quantity q) {
            return q.getValue();
        }
        return null;
    }

    private static Boolean bool(Type v) {
        return v instanceof BooleanType b ? b.getValue() : null;
    }
}
