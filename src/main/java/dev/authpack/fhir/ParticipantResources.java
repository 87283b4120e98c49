package dev.authpack.fhir;

import static dev.authpack.fhir.BundleWriter.concept;
import static dev.authpack.fhir.BundleWriter.extension;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.ConsultingPsychiatrist;
import dev.authpack.casefile.PlanType;
import dev.authpack.casefile.Specialty;
import dev.authpack.core.Npi;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * The people and organizations of a PAS request: patient, coverage, insurer, facility, prescriber and the
 * psychiatrist the prescriber consulted.
 */
final class ParticipantResources {

    record Refs(Reference patient, Reference coverage, Reference insurer, Reference facility, Reference prescriberRole,
                Reference consultant) {
    }

    private ParticipantResources() {
    }

    static Refs write(CaseData c, BundleWriter w) {
        Reference patient = w.add(patient(c), "patient");
        Organization insurerOrg = new Organization();
        insurerOrg.setActive(true); // PAS requires it: the payer a request goes to is one in business
        insurerOrg.setName(c.coverage().payerName());
        insurerOrg.addType(concept("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer"));
        Reference insurer = w.add(insurerOrg, "insurer");
        Reference coverage = w.add(coverage(c, patient, insurer), "coverage");
        Reference facility = w.add(facility(c), "facility");
        Reference role = null;
        if (c.prescriber().name() != null || c.prescriber().npi() != null || c.prescriber().specialty() != null
                || c.prescriber().phone() != null || c.prescriber().fax() != null) {
            Reference practitioner = w.add(practitioner(c), "prescriber");
            PractitionerRole r = new PractitionerRole().setPractitioner(practitioner).setOrganization(facility);
            Specialty s = c.prescriber().specialty();
            if (s != null) {
                r.addSpecialty(s == Specialty.OTHER ? concept(FhirCodes.SPECIALTY, s.name(), "Other")
                        : concept(FhirCodes.NUCC, FhirCodes.SPECIALTY_NUCC.get(s),
                        FhirCodes.NUCC_DISPLAY.get(FhirCodes.SPECIALTY_NUCC.get(s))));
            }
            role = w.add(r, "prescriber-role");
        }
        ConsultingPsychiatrist consulted = c.prescriber().consultingPsychiatrist();
        Reference consultant = null;
        if (consulted != null && (consulted.name() != null || consulted.npi() != null)) {
            // a PAS care-team provider is a PractitionerRole (or an Organization), never a bare Practitioner
            Reference person = w.add(person(consulted.name(), consulted.npi()), "consultant");
            consultant = w.add(new PractitionerRole().setPractitioner(person), "consultant-role");
        }
        return new Refs(patient, coverage, insurer, facility, role, consultant);
    }

    private static Patient patient(CaseData c) {
        Patient p = new Patient();
        var in = c.patient();
        if (in.firstName() != null || in.lastName() != null) {
            HumanName name = p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(in.lastName());
            if (in.firstName() != null) {
                name.addGiven(in.firstName());
            }
        }
        if (in.dateOfBirth() != null) {
            p.setBirthDateElement(new DateType(in.dateOfBirth().toString()));
        }
        if (in.sex() != null) {
            p.setGender(Enumerations.AdministrativeGender.fromCode(in.sex().name()));
        }
        if (in.memberId() != null) {
            p.addIdentifier().setType(concept(FhirCodes.IDENTIFIER_TYPE, "MB", "Member Number")).setValue(in.memberId());
        }
        return p;
    }

    private static Coverage coverage(CaseData c, Reference patient, Reference insurer) {
        Coverage cov = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setBeneficiary(patient);
        cov.addPayor(insurer);
        cov.setSubscriberId(c.patient().memberId());
        PlanType plan = c.coverage().planType();
        if (plan == PlanType.SELF_PAY) {
            cov.setType(concept(FhirCodes.SELF_PAY, "pay", "Pay"));
        } else if (plan != null) {
            cov.setType(concept(FhirCodes.PAYMENT_TYPOLOGY_OID, FhirCodes.PLAN_PAYMENT_CODE.get(plan),
                    FhirCodes.PAYMENT_TYPOLOGY_DISPLAY.get(FhirCodes.PLAN_PAYMENT_CODE.get(plan))));
        }
        if (c.patient().groupNumber() != null) {
            cov.addClass_().setType(concept(FhirCodes.COVERAGE_CLASS, "group", "Group")).setValue(c.patient().groupNumber());
        }
        extension(cov, FhirCodes.EXT_IN_NETWORK, c.coverage().inNetwork());
        var b = c.coverage();
        cost(cov, "copay", b.copayPerSession() == null ? null : money(b.copayPerSession().amount()));
        cost(cov, "copaypct", b.coinsurancePct() == null ? null : new Quantity().setValue(b.coinsurancePct())
                .setUnit("%").setSystem(FhirCodes.UCUM).setCode("%"));
        cost(cov, "deductible", b.deductibleRemaining() == null ? null : money(b.deductibleRemaining().amount()));
        cost(cov, "maxoutofpocket", b.oopRemaining() == null ? null : money(b.oopRemaining().amount()));
        return cov;
    }

    private static void cost(Coverage cov, String type, org.hl7.fhir.r4.model.Type value) {
        if (value != null) {
            cov.addCostToBeneficiary().setType(concept(FhirCodes.COPAY_TYPE, type, FhirCodes.hl7Display(FhirCodes.COPAY_TYPE, type))).setValue(value);
        }
    }

    static Money money(BigDecimal amount) {
        Money m = new Money();
        m.setValue(amount);
        m.setCurrency("USD");
        return m;
    }

    private static Organization facility(CaseData c) {
        var f = c.facility();
        Organization o = new Organization();
        o.setActive(true); // PAS requires it: the facility sending a request is one in business
        o.setName(f.name());
        o.addType(concept("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider"));
        if (f.npi() != null) {
            o.addIdentifier().setSystem(FhirCodes.NPI).setValue(f.npi().value());
        }
        if (f.tin() != null) {
            o.addIdentifier().setSystem(FhirCodes.TIN).setValue(f.tin().value());
        }
        if (f.address() != null) {
            o.addAddress(new Address().setText(f.address()));
        }
        extension(o, FhirCodes.EXT_REMS, f.remsCertified());
        return o;
    }

    private static Practitioner practitioner(CaseData c) {
        var in = c.prescriber();
        Practitioner p = person(in.name(), in.npi());
        if (in.phone() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(in.phone());
        }
        if (in.fax() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.FAX).setValue(in.fax());
        }
        return p;
    }

    private static Practitioner person(String name, Npi npi) {
        Practitioner p = new Practitioner();
        if (name != null) {
            p.addName().setText(name);
        }
        if (npi != null) {
            p.addIdentifier().setSystem(FhirCodes.NPI).setValue(npi.value());
        }
        return p;
    }
}
