package dev.authpack.fhir;

import static dev.authpack.fhir.BundleWriter.concept;
import static dev.authpack.fhir.BundleWriter.extension;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.TreatmentRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;

/**
 * A Da Vinci PAS request bundle from a case, with HAPI's R4 model: a collection whose first entry is
 * the Claim (use preauthorization), then every resource the Claim reaches, each once. The evidence
 * and the packet PDF hang under Claim.supportingInfo.
 */
final class PasBundleBuilder {

    /** The latest packet of the case, when there is one. */
    record Packet(String documentId, byte[] pdf, Instant createdAt) {
    }

    private PasBundleBuilder() {
    }

    static Bundle build(String caseId, CaseData c, Packet packet, Instant now) {
        BundleWriter w = new BundleWriter(caseId);
        ParticipantResources.Refs who = ParticipantResources.write(c, w);
        Claim claim = new Claim();
        claim.addIdentifier(new Identifier().setSystem(FhirCodes.CASE_ID_SYSTEM).setValue(caseId));
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(concept(FhirCodes.CLAIM_TYPE, "professional", "Professional"));
        claim.setUse(Claim.Use.PREAUTHORIZATION);
        claim.setPatient(who.patient());
        claim.setCreated(Date.from(now));
        claim.setInsurer(who.insurer());
        claim.setProvider(who.facility());
        TreatmentRequest request = c.request();
        claim.setPriority(concept(FhirCodes.PRIORITY, request.isUrgent() ? "stat" : "normal",
                FhirCodes.hl7Display(FhirCodes.PRIORITY, request.isUrgent() ? "stat" : "normal")));
        extension(claim, FhirCodes.EXT_POLICY, c.policyId());
        extension(claim, FhirCodes.EXT_PHASE, request.phase());
        extension(claim, FhirCodes.EXT_INDICATION, request.indication());
        extension(claim, FhirCodes.EXT_PRIOR_ESKETAMINE, request.priorEsketamineImprovementPct());
        extension(claim, FhirCodes.EXT_PSYCHOTHERAPY_UNAVAILABLE, request.psychotherapyUnavailable());
        if (who.prescriberRole() != null) {
            wholeClaim(claim.addCareTeam().setSequence(1).setProvider(who.prescriberRole()));
        }
        if (who.consultant() != null) {
            // the role is what tells the consultant from the prescriber on import; the NUCC code is for the payer
            int sequence = claim.getCareTeam().size() + 1;
            wholeClaim(claim.addCareTeam().setSequence(sequence).setProvider(who.consultant())
                    .setRole(concept(FhirCodes.CARE_TEAM_ROLE, FhirCodes.CONSULTANT, "Consulting psychiatrist"))
                    .setQualification(concept(FhirCodes.NUCC, FhirCodes.SPECIALTY_NUCC.get(Specialty.PSYCHIATRY),
                            FhirCodes.NUCC_DISPLAY.get(FhirCodes.SPECIALTY_NUCC.get(Specialty.PSYCHIATRY)))));
        }
        if (c.diagnosis().icd10() != null) {
            claim.addDiagnosis().setSequence(1).setDiagnosis(concept(FhirCodes.ICD10CM, c.diagnosis().icd10().value(), null));
        }
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(who.coverage());
        Reference course = w.add(course(request, who.patient()), "service-request");
        items(claim, request, course, who.prescriberRole() != null, c.diagnosis().icd10() != null);
        int seq = 1;
        for (EvidenceResources.Evidence e : EvidenceResources.write(c, who.patient(), w)) {
            supporting(claim, seq++, "info", e.code(), e.reference());
        }
        if (packet != null) {
            supporting(claim, seq, "attachment", "packet", w.add(document(packet, who.patient()), "packet/" + packet.documentId()));
        }
        w.addFirst(claim, "claim");
        Bundle bundle = w.bundle();
        bundle.setIdentifier(new Identifier().setSystem(FhirCodes.CASE_ID_SYSTEM).setValue(caseId));
        bundle.setTimestamp(Date.from(now));
        return bundle;
    }

    /** Prescriber and consultant stand behind the whole request, not one item (PAS makes the scope 1..1). */
    private static void wholeClaim(Claim.CareTeamComponent member) {
        member.addExtension(FhirCodes.PAS_CARE_TEAM_CLAIM_SCOPE, new BooleanType(true));
    }

    private static ServiceRequest course(TreatmentRequest r, Reference patient) {
        ServiceRequest sr = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(patient);
        if (r.treatment() != null) {
            sr.setCode(concept(FhirCodes.TREATMENT, r.treatment().name(), FhirCodes.TREATMENT_DISPLAY.get(r.treatment())));
        } else {
            sr.setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("treatment not yet chosen"));
        }
        if (r.sessions() != null) {
            sr.setQuantity(new Quantity().setValue(r.sessions()).setUnit("session").setSystem(FhirCodes.UCUM).setCode("{session}"));
        }
        if (r.startDate() != null) {
            // PAS allows only a Timing here (and no Period as its bounds): the first session is its one event,
            // the number of sessions is the quantity
            Timing course = new Timing();
            course.getEvent().add(EvidenceResources.date(r.startDate()));
            sr.setOccurrence(course);
        }
        if (r.urgent() != null) {
            sr.setPriority(r.urgent() ? ServiceRequest.ServiceRequestPriority.URGENT : ServiceRequest.ServiceRequestPriority.ROUTINE);
        }
        return sr;
    }

    private static void items(Claim claim, TreatmentRequest r, Reference course, boolean careTeam, boolean diagnosis) {
        List<BillingLine> lines = r.lines();
        for (int i = 0; i < lines.size(); i++) {
            BillingLine line = lines.get(i);
            Claim.ItemComponent item = claim.addItem().setSequence(i + 1);
            item.setProductOrService(concept(FhirCodes.serviceSystem(line.code()), line.code(), line.description()));
            item.addExtension(FhirCodes.PAS_REQUESTED_SERVICE, course);
            if (careTeam) {
                item.addCareTeamSequence(1);
            }
            if (diagnosis) {
                item.addDiagnosisSequence(1);
            }
            if (line.unitsPerSession() != null) {
                extension(item, FhirCodes.EXT_UNITS_PER_SESSION, BigDecimal.valueOf(line.unitsPerSession()));
                int sessions = r.sessions() == null ? 1 : r.sessions();
                item.setQuantity(new Quantity().setValue((long) line.unitsPerSession() * sessions));
            }
            if (line.chargePerUnit() != null) {
                item.setUnitPrice(ParticipantResources.money(line.chargePerUnit().amount()));
            }
            if (line.allowedPerUnit() != null) {
                extension(item, FhirCodes.EXT_ALLOWED_PER_UNIT, line.allowedPerUnit().amount());
            }
            if (r.startDate() != null) {
                item.setServiced(new DateType(r.startDate().toString()));
            }
        }
    }

    private static void supporting(Claim claim, int sequence, String category, String code, Reference value) {
        claim.addSupportingInfo().setSequence(sequence)
                .setCategory(concept(FhirCodes.INFO_CATEGORY, category, FhirCodes.hl7Display(FhirCodes.INFO_CATEGORY, category)))
                .setCode(concept(FhirCodes.EVIDENCE, code, null))
                .setValue(value);
    }

    private static DocumentReference document(Packet packet, Reference patient) {
        DocumentReference d = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(patient).setDate(Date.from(packet.createdAt()));
        d.addIdentifier().setSystem(FhirCodes.AUTHPACK + "document-id").setValue(packet.documentId());
        d.setDescription("Prior-authorization packet (criteria checklist, letter of medical necessity, history)");
        d.addContent().setAttachment(new Attachment().setContentType("application/pdf").setData(packet.pdf())
                .setTitle("prior-authorization-packet.pdf"));
        return d;
    }
}
