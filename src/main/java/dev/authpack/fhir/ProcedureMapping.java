package dev.authpack.fhir;

import java.math.BigDecimal;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import tools.jackson.databind.node.ObjectNode;

/**
 * Procedure coded as psychotherapy (SNOMED CT or CPT, tables in FhirCodes) → {@code psychotherapy}:
 * a course with its modality, dates and session count. A single dated procedure is one session.
 */
final class ProcedureMapping {

    private ProcedureMapping() {
    }

    static void map(BundleIndex index, CaseDraft draft) {
        for (Procedure p : index.all(Procedure.class)) {
            index.use(p);
            String src = index.label(p);
            Optional<Coding> snomed = FhirValues.coding(p.getCode(), FhirCodes.SNOMED)
                    .filter(c -> FhirCodes.SNOMED_PSYCHOTHERAPY.containsKey(c.getCode()));
            Optional<Coding> cpt = FhirValues.coding(p.getCode(), FhirCodes.CPT)
                    .filter(c -> FhirCodes.CPT_PSYCHOTHERAPY.contains(c.getCode()));
            if (snomed.isEmpty() && cpt.isEmpty()) {
                draft.ignore(src, FhirValues.describe(p.getCode()) + " is not a psychotherapy code Authpack knows");
                continue;
            }
            String modality = p.getCode().getText() != null ? p.getCode().getText()
                    : snomed.map(c -> FhirCodes.SNOMED_PSYCHOTHERAPY.get(c.getCode())).orElse("Psychotherapy");
            ObjectNode course = draft.add("psychotherapy", src);
            course.put("modality", modality);
            BigDecimal sessions = FhirValues.extensionDecimal(p, FhirCodes.EXT_SESSIONS);
            if (p.getPerformed() instanceof Period period) {
                CaseDraft.put(course, "startDate", FhirValues.start(period));
                CaseDraft.put(course, "endDate", FhirValues.end(period));
            } else if (p.getPerformed() instanceof DateTimeType dt) {
                CaseDraft.put(course, "startDate", FhirValues.day(dt));
                CaseDraft.put(course, "endDate", FhirValues.day(dt));
                sessions = sessions == null ? BigDecimal.ONE : sessions;
            }
            CaseDraft.put(course, "sessions", sessions);
        }
    }
}
