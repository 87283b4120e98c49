package dev.authpack.fhir;

import static dev.authpack.fhir.FhirValues.coding;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dev.authpack.casefile.PlanType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

/** Patient, Coverage and the paying Organization → {@code patient} and {@code coverage}. */
final class PatientMapping {

    private PatientMapping() {
    }

    static void map(BundleIndex index, CaseDraft draft) {
        List<Patient> patients = index.all(Patient.class);
        Patient patient = patients.get(0);
        for (Patient other : patients.subList(1, patients.size())) {
            index.use(other);
            draft.ignore(index.label(other), "a second Patient; the case is about " + index.label(patient));
        }
        patient(index, patient, draft);
        index.all(Coverage.class).stream()
                .filter(c -> c.getBeneficiary() == null || index.resolve(c.getBeneficiary()).map(p -> p == patient).orElse(true))
                .findFirst().ifPresent(c -> coverage(index, c, draft));
        index.all(Coverage.class).stream().filter(c -> !index.isUsed(c)).forEach(c -> {
            index.use(c);
            draft.ignore(index.label(c), "a further Coverage; the case keeps one plan");
        });
    }

    private static void patient(BundleIndex index, Patient p, CaseDraft draft) {
        index.use(p);
        String src = index.label(p);
        HumanName name = p.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(p.getNameFirstRep());
        if (name.hasGiven() || name.hasFamily()) {
            draft.set("patient.firstName", String.join(" ", name.getGiven().stream().map(StringType::getValue)
                    .filter(java.util.Objects::nonNull).toList()), src);
            draft.set("patient.lastName", name.getFamily(), src);
        } else if (name.hasText()) {
            draft.ignore(src, "a name given only as text; enter first and last name by hand");
        }
        String born = FhirValues.day(p.getBirthDateElement());
        draft.set("patient.dateOfBirth", born, src);
        if (born == null && p.getBirthDateElement().getValue() != null) {
            // "1980" or "1980-02" is a valid FHIR date, but the case (and the payer's age rule) needs the day
            draft.ignore(src, "birthDate is not precise to the day (only the "
                    + (p.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.YEAR
                    ? "year" : "month") + " is given); left out, enter the date of birth by hand");
        }
        // null also when the gender is given only as an extension (hasGender() is true then)
        AdministrativeGender gender = p.getGender();
        if (gender != null && gender != AdministrativeGender.NULL) {
            draft.set("patient.sex", gender.toCode(), src);
        }
        for (Identifier id : p.getIdentifier()) {
            if (isMemberId(id)) {
                draft.set("patient.memberId", id.getValue(), src);
            }
        }
    }

    /** A member id: typed MB (member number) in HL7 table 0203, or a payer's member-id system. */
    private static boolean isMemberId(Identifier id) {
        boolean typed = coding(id.getType(), FhirCodes.IDENTIFIER_TYPE).map(c -> "MB".equals(c.getCode())).orElse(false);
        String system = id.getSystem() == null ? "" : id.getSystem().toLowerCase(java.util.Locale.ROOT);
        return id.getValue() != null && (typed || system.endsWith("/min") || system.contains("member"));
    }

    private static void coverage(BundleIndex index, Coverage c, CaseDraft draft) {
        index.use(c);
        String src = index.label(c);
        if (c.hasSubscriberId()) {
            draft.set("patient.memberId", c.getSubscriberId(), src);
        }
        c.getClass_().stream().filter(k -> coding(k.getType(), FhirCodes.COVERAGE_CLASS)
                .map(t -> "group".equals(t.getCode())).orElse(false)).findFirst()
                .ifPresent(k -> draft.set("patient.groupNumber", k.getValue(), src));
        planType(c).ifPresent(t -> draft.set("coverage.planType", t, src));
        if (c.hasType() && planType(c).isEmpty()) {
            draft.ignore(src, "plan type " + FhirValues.describe(c.getType()) + " is not one Authpack tells apart");
        }
        draft.set("coverage.inNetwork", FhirValues.extensionBoolean(c, FhirCodes.EXT_IN_NETWORK), src);
        for (Coverage.CostToBeneficiaryComponent cost : c.getCostToBeneficiary()) {
            benefit(cost, src, draft);
        }
        c.getPayor().stream().map(index::resolve).flatMap(Optional::stream).findFirst().ifPresent(payer -> {
            if (payer instanceof Organization org) {
                index.use(org);
                draft.set("coverage.payerName", org.getName(), index.label(org));
            }
        });
    }

    static Optional<PlanType> planType(Coverage c) {
        if (coding(c.getType(), FhirCodes.SELF_PAY).map(t -> "pay".equals(t.getCode())).orElse(false)) {
            return Optional.of(PlanType.SELF_PAY);
        }
        // Set.of(...).contains(null) throws: a system or code HAPI dropped (an object for a string) is null here
        return c.getType().getCoding().stream()
                .filter(t -> t.getCode() != null && t.getSystem() != null && FhirCodes.PAYMENT_TYPOLOGY.contains(t.getSystem()))
                .map(t -> t.getCode().equals("81") ? PlanType.SELF_PAY
                        : FhirCodes.PAYMENT_FAMILIES.get(t.getCode().substring(0, 1)))
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static void benefit(Coverage.CostToBeneficiaryComponent cost, String src, CaseDraft draft) {
        String type = coding(cost.getType(), FhirCodes.COPAY_TYPE).map(t -> t.getCode()).orElse("");
        BigDecimal amount = cost.getValue() instanceof Money m ? m.getValue()
                : cost.getValue() instanceof Quantity q ? q.getValue() : null;
        switch (type) {
            case "copay" -> draft.set("coverage.copayPerSession", amount, src);
            case "copaypct" -> draft.set("coverage.coinsurancePct", amount, src);
            case "deductible" -> draft.set("coverage.deductibleRemaining", amount, src);
            case "maxoutofpocket" -> draft.set("coverage.oopRemaining", amount, src);
            default -> draft.ignore(src, "cost to beneficiary of type " + FhirValues.describe(cost.getType())
                    + " has no place in the case");
        }
    }
}
