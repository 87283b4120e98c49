package dev.authpack.fhir;

import dev.authpack.casefile.Treatment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requested service → {@code request} and {@code policyId}: the Claim's items (HCPCS or CPT codes,
 * quantities, prices, dates) and extensions (phase, indication, earlier esketamine course, no
 * psychotherapy available), the ServiceRequest of the course (treatment, sessions, start, priority),
 * or, without a Claim, ServiceRequests and MedicationRequests carrying a HCPCS or CPT code.
 */
final class RequestMapping {

    private record Line(ObjectNode node, BigDecimal quantity, String code) {
    }

    private RequestMapping() {
    }

    static void map(BundleIndex index, CaseDraft draft) {
        List<Line> lines = new ArrayList<>();
        List<Claim> claims = index.all(Claim.class);
        if (!claims.isEmpty()) {
            claim(index, claims.get(0), lines, draft);
            claims.subList(1, claims.size()).forEach(c -> {
                index.use(c);
                draft.ignore(index.label(c), "a further Claim; the case is one request");
            });
        }
        for (ServiceRequest sr : index.all(ServiceRequest.class)) {
            if (!index.isUsed(sr)) {
                course(index, sr, draft);
                if (claims.isEmpty()) {
                    serviceLine(index, sr, sr.getCode(), quantity(sr.getQuantity()), lines, draft);
                }
            }
        }
        for (MedicationRequest mr : index.all(MedicationRequest.class)) {
            if (mr.getMedication() instanceof CodeableConcept cc && serviceCode(cc).isPresent()) {
                index.use(mr);
                if (claims.isEmpty()) {
                    serviceLine(index, mr, cc, mr.getDispenseRequest().hasQuantity()
                            ? mr.getDispenseRequest().getQuantity().getValue() : null, lines, draft);
                } else {
                    draft.ignore(index.label(mr), "a coded medication order; the Claim's items are the request");
                }
            }
        }
        unitsPerSession(draft, lines);
        // Authpack's own export says the treatment whenever the case has one: guess only for other senders
        boolean ours = claims.stream().flatMap(c -> c.getIdentifier().stream())
                .anyMatch(i -> FhirCodes.CASE_ID_SYSTEM.equals(i.getSystem()));
        for (Line line : ours ? List.<Line>of() : lines) {
            Treatment t = FhirCodes.SERVICE_TREATMENT.get(line.code());
            if (t != null) {
                draft.set("request.treatment", t, "request.lines code " + line.code());
            }
        }
    }

    private static void claim(BundleIndex index, Claim claim, List<Line> lines, CaseDraft draft) {
        index.use(claim);
        String src = index.label(claim);
        draft.set("policyId", FhirValues.extensionText(claim, FhirCodes.EXT_POLICY), src);
        draft.set("request.phase", FhirValues.extensionText(claim, FhirCodes.EXT_PHASE), src);
        draft.set("request.indication", FhirValues.extensionText(claim, FhirCodes.EXT_INDICATION), src);
        draft.set("request.priorEsketamineImprovementPct", FhirValues.extensionDecimal(claim, FhirCodes.EXT_PRIOR_ESKETAMINE), src);
        draft.set("request.psychotherapyUnavailable",
                FhirValues.extensionBoolean(claim, FhirCodes.EXT_PSYCHOTHERAPY_UNAVAILABLE), src);
        // only "stat" says something: a normal priority is what an absent urgent flag already means
        FhirValues.coding(claim.getPriority(), FhirCodes.PRIORITY).filter(p -> "stat".equals(p.getCode()))
                .ifPresent(p -> draft.set("request.urgent", true, src));
        if (FhirValues.extension(claim, FhirCodes.PAS_LEVEL_OF_SERVICE) instanceof CodeableConcept level) {
            // Coding.system is 0..1, and Set.of(...).contains(null) throws: a coding without one says nothing
            level.getCoding().stream().filter(c -> c.getSystem() != null && FhirCodes.X12_LEVEL_OF_SERVICE.contains(c.getSystem())
                            && "U".equals(c.getCode()))
                    .findFirst().ifPresent(c -> draft.set("request.urgent", true, src));
        }
        for (Claim.ItemComponent item : claim.getItem()) {
            if (FhirValues.extension(item, FhirCodes.PAS_REQUESTED_SERVICE) instanceof Reference ref) {
                index.resolve(ref, ServiceRequest.class).filter(sr -> !index.isUsed(sr)).ifPresent(sr -> course(index, sr, draft));
            }
            Optional<Coding> code = serviceCode(item.getProductOrService());
            if (code.isEmpty()) {
                Integer sequence = item.getSequenceElement().getValue(); // getSequence() unboxes a missing value
                draft.ignore(src, (sequence == null ? "an item" : "item " + sequence) + ": "
                        + FhirValues.describe(item.getProductOrService()) + " is not a HCPCS or CPT code");
                continue;
            }
            ObjectNode line = draft.add("request.lines", src);
            line.put("code", code.get().getCode());
            CaseDraft.put(line, "description", code.get().getDisplay() != null ? code.get().getDisplay()
                    : item.getProductOrService().getText());
            CaseDraft.put(line, "unitsPerSession", FhirValues.extensionDecimal(item, FhirCodes.EXT_UNITS_PER_SESSION));
            CaseDraft.put(line, "chargePerUnit", item.hasUnitPrice() ? item.getUnitPrice().getValue() : null);
            CaseDraft.put(line, "allowedPerUnit", FhirValues.extensionDecimal(item, FhirCodes.EXT_ALLOWED_PER_UNIT));
            lines.add(new Line(line, item.hasQuantity() ? item.getQuantity().getValue() : null, code.get().getCode()));
            draft.set("request.startDate", item.getServiced() instanceof DateType d ? FhirValues.day(d)
                    : item.getServiced() instanceof Period p ? FhirValues.start(p) : null, src);
        }
    }

    /** The ServiceRequest of the course: treatment, sessions, start date and priority. */
    private static void course(BundleIndex index, ServiceRequest sr, CaseDraft draft) {
        index.use(sr);
        String src = index.label(sr);
        FhirValues.coding(sr.getCode(), FhirCodes.TREATMENT).map(Coding::getCode)
                .filter(c -> java.util.Arrays.stream(Treatment.values()).anyMatch(t -> t.name().equals(c)))
                .ifPresent(c -> draft.set("request.treatment", c, src));
        BigDecimal sessions = quantity(sr.getQuantity());
        draft.set("request.sessions", sessions, src);
        Type when = sr.getOccurrence();
        draft.set("request.startDate", when instanceof DateTimeType dt ? FhirValues.day(dt)
                : when instanceof Period p ? FhirValues.start(p) : when instanceof Timing t ? start(t) : null, src);
        // not hasPriority(): a priority without a value (given only as an extension) says nothing about urgency
        if (sr.getPriority() != null) {
            draft.set("request.urgent", sr.getPriority() != ServiceRequest.ServiceRequestPriority.ROUTINE, src);
        }
    }

    /** A course as PAS writes it (a Timing): its first event, else the start of its bounds. */
    private static String start(Timing t) {
        return t.getEvent().stream().map(FhirValues::day).filter(Objects::nonNull).sorted().findFirst()
                .orElse(t.getRepeat().hasBoundsPeriod() ? FhirValues.start(t.getRepeat().getBoundsPeriod()) : null);
    }

    private static void serviceLine(BundleIndex index, Resource r, CodeableConcept concept, BigDecimal quantity,
                                    List<Line> lines, CaseDraft draft) {
        Optional<Coding> code = serviceCode(concept);
        if (code.isEmpty()) {
            draft.ignore(index.label(r), FhirValues.describe(concept) + " is not a HCPCS or CPT code");
            return;
        }
        ObjectNode line = draft.add("request.lines", index.label(r));
        line.put("code", code.get().getCode());
        CaseDraft.put(line, "description", code.get().getDisplay() != null ? code.get().getDisplay() : concept.getText());
        lines.add(new Line(line, quantity, code.get().getCode()));
    }

    static Optional<Coding> serviceCode(CodeableConcept concept) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(c -> c.getCode() != null && (FhirCodes.isHcpcs(c.getSystem()) || FhirCodes.CPT.equals(c.getSystem())))
                .findFirst();
    }

    private static BigDecimal quantity(Type q) {
        return q instanceof org.hl7.fhir.r4.model.Quantity quantity ? quantity.getValue() : null;
    }

    /** Units per session from a line's total quantity when the bundle does not say it: total ÷ sessions. */
    private static void unitsPerSession(CaseDraft draft, List<Line> lines) {
        tools.jackson.databind.JsonNode given = draft.tree().path("request").path("sessions");
        BigDecimal sessions = given.isNumber() ? given.decimalValue() : null;
        for (Line line : lines) {
            if (line.node().has("unitsPerSession") || line.quantity() == null) {
                continue;
            }
            BigDecimal units = line.quantity();
            if (sessions != null && sessions.signum() > 0 && units.remainder(sessions).signum() == 0) {
                units = units.divide(sessions);
            }
            line.node().put("unitsPerSession", units);
        }
    }
}
