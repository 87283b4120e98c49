package dev.authpack.fhir;

import dev.authpack.casefile.Specialty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Practitioner and PractitionerRole → {@code prescriber} and its consulting psychiatrist; the providing
 * Organization → {@code facility}.
 */
final class ProviderMapping {

    /** X12 entity codes (used by PAS) and HL7 organization types that mark a payer, not a clinic. */
    private static final Set<String> PAYER_TYPES = Set.of("PR", "pay", "ins");

    private ProviderMapping() {
    }

    static void map(BundleIndex index, CaseDraft draft) {
        Optional<Claim> claim = index.all(Claim.class).stream().findFirst();
        consultant(index, claim, draft);
        prescriber(index, claim, draft);
        facility(index, claim, draft);
    }

    /**
     * The care-team member in Authpack's consultant role → {@code prescriber.consultingPsychiatrist}. Read
     * before the prescriber, so that a bundle whose only practitioner is the consultant has no prescriber.
     */
    private static void consultant(BundleIndex index, Optional<Claim> claim, CaseDraft draft) {
        List<Claim.CareTeamComponent> consultants = claim.map(Claim::getCareTeam).orElse(List.of()).stream()
                .filter(t -> FhirValues.coding(t.getRole(), FhirCodes.CARE_TEAM_ROLE)
                        .filter(c -> FhirCodes.CONSULTANT.equals(c.getCode())).isPresent())
                .toList();
        for (Claim.CareTeamComponent member : consultants) {
            Optional<Resource> provider = index.resolve(member.getProvider());
            provider.ifPresent(index::use);
            Optional<Practitioner> person = provider.flatMap(r -> r instanceof PractitionerRole pr
                    ? index.resolve(pr.getPractitioner(), Practitioner.class)
                    : r instanceof Practitioner p ? Optional.of(p) : Optional.empty());
            person.ifPresent(p -> {
                index.use(p);
                String src = index.label(p);
                draft.set("prescriber.consultingPsychiatrist.name", name(p), src);
                npi(p.getIdentifier()).ifPresent(npi -> draft.set("prescriber.consultingPsychiatrist.npi", npi, src));
            });
        }
    }

    private static void prescriber(BundleIndex index, Optional<Claim> claim, CaseDraft draft) {
        List<Resource> candidates = new ArrayList<>();
        claim.ifPresent(c -> careTeam(index, c, draft).forEach(candidates::add));
        candidates.addAll(index.all(PractitionerRole.class));
        candidates.addAll(index.all(Practitioner.class));
        candidates.removeIf(index::isUsed);
        PractitionerRole role = null;
        Practitioner practitioner = null;
        for (Resource r : candidates) {
            if (role == null && practitioner == null && r instanceof PractitionerRole pr) {
                role = pr;
                practitioner = index.resolve(pr.getPractitioner(), Practitioner.class).orElse(null);
            } else if (practitioner == null && r instanceof Practitioner p) {
                practitioner = p;
            }
        }
        if (practitioner != null) {
            practitioner(index, practitioner, draft);
        }
        if (role != null) {
            index.use(role);
            specialty(role.getSpecialty(), index.label(role), draft);
        }
        if (practitioner != null && !draft.has("prescriber.specialty")) {
            specialty(practitioner.getQualification().stream().map(q -> q.getCode()).toList(), index.label(practitioner), draft);
        }
        for (Resource r : Stream.concat(index.all(Practitioner.class).stream(), index.all(PractitionerRole.class).stream()).toList()) {
            if (!index.isUsed(r)) {
                index.use(r);
                draft.ignore(index.label(r), "another practitioner; the case names one prescriber");
            }
        }
    }

    /**
     * The care team's providers as the bundle names them, contained ones ({@code #id}) included. A member
     * that names nothing usable (a {@code #id} the Claim does not contain, an organization) is listed, so
     * that a prescriber taken from elsewhere never hides the one the Claim meant.
     */
    private static List<Resource> careTeam(BundleIndex index, Claim claim, CaseDraft draft) {
        List<Resource> out = new ArrayList<>();
        List<Claim.CareTeamComponent> team = claim.getCareTeam();
        for (int i = 0; i < team.size(); i++) {
            String ref = team.get(i).getProvider().getReference();
            if (ref == null) {
                continue;
            }
            Optional<Resource> provider = index.resolve(team.get(i).getProvider());
            String at = "careTeam[" + i + "].provider";
            if (provider.isEmpty()) {
                // entry references were checked when the bundle was read: only a contained one can miss
                draft.ignore(index.label(claim), at + " names a contained resource the Claim does not hold; "
                        + "no prescriber taken from it");
            } else if (provider.get() instanceof Practitioner || provider.get() instanceof PractitionerRole) {
                out.add(provider.get());
            } else if (!index.isUsed(provider.get())) {
                draft.ignore(index.label(claim), at + " is " + article(provider.get().fhirType())
                        + ", not a Practitioner or PractitionerRole; no prescriber taken from it");
            }
        }
        return out;
    }

    private static String article(String type) {
        return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static void practitioner(BundleIndex index, Practitioner p, CaseDraft draft) {
        index.use(p);
        String src = index.label(p);
        draft.set("prescriber.name", name(p), src);
        npi(p.getIdentifier()).ifPresent(npi -> draft.set("prescriber.npi", npi, src));
        for (ContactPoint t : p.getTelecom()) {
            if (t.getSystem() == ContactPoint.ContactPointSystem.PHONE) {
                draft.set("prescriber.phone", t.getValue(), src);
            } else if (t.getSystem() == ContactPoint.ContactPointSystem.FAX) {
                draft.set("prescriber.fax", t.getValue(), src);
            }
        }
    }

    private static String name(Practitioner p) {
        HumanName name = p.getNameFirstRep();
        return name.getText() != null ? name.getText()
                : String.join(" ", Stream.concat(name.getGiven().stream().map(StringType::getValue),
                        Stream.of(name.getFamily())).filter(s -> s != null).toList());
    }

    /** A NUCC code the table knows gives its specialty; any other NUCC code is a real specialty: OTHER. */
    private static void specialty(List<CodeableConcept> concepts, String src, CaseDraft draft) {
        Optional<Coding> own = FhirValues.coding(concepts, FhirCodes.SPECIALTY);
        if (own.isPresent()) {
            draft.set("prescriber.specialty", own.get().getCode(), src);
            return;
        }
        Optional<Coding> nucc = FhirValues.coding(concepts, FhirCodes.NUCC);
        nucc.ifPresent(c -> draft.set("prescriber.specialty",
                FhirCodes.NUCC_SPECIALTIES.getOrDefault(c.getCode(), Specialty.OTHER), src));
        if (nucc.isEmpty() && !concepts.isEmpty()) {
            draft.ignore(src, "specialty without a NUCC taxonomy code");
        }
    }

    private static void facility(BundleIndex index, Optional<Claim> claim, CaseDraft draft) {
        List<Organization> payers = new ArrayList<>();
        claim.ifPresent(c -> index.resolve(c.getInsurer(), Organization.class).ifPresent(payers::add));
        index.all(Coverage.class).forEach(c -> c.getPayor().forEach(p -> index.resolve(p, Organization.class).ifPresent(payers::add)));
        Organization chosen = claim.flatMap(c -> index.resolve(c.getProvider(), Organization.class)).orElse(null);
        claim.ifPresent(c -> index.resolve(c.getProvider()).filter(r -> !(r instanceof Organization)).ifPresent(r ->
                // the facility is an Organization; a Patient here is a mistake, a practitioner is not the facility
                draft.ignore(index.label(c), "provider is " + article(r.fhirType()) + " (" + index.label(r)
                        + "), not an Organization; the facility is not taken from it")));
        if (chosen == null) {
            chosen = index.all(PractitionerRole.class).stream().map(r -> r.getOrganization())
                    .map(r -> index.resolve(r, Organization.class)).flatMap(Optional::stream).findFirst().orElse(null);
        }
        if (chosen == null) {
            chosen = index.all(Organization.class).stream().filter(o -> !payers.contains(o) && !isPayer(o))
                    .findFirst().orElse(null);
        }
        if (chosen != null) {
            organization(index, chosen, draft);
        }
        for (Organization o : index.all(Organization.class)) {
            if (!index.isUsed(o)) {
                index.use(o);
                draft.ignore(index.label(o), payers.contains(o) || isPayer(o) ? "a further payer organization"
                        : "another organization; the case names one facility");
            }
        }
    }

    private static boolean isPayer(Organization o) {
        // Set.of(...).contains(null) throws: a coding may have no code (or one HAPI could not read)
        return o.getType().stream().flatMap(t -> t.getCoding().stream())
                .anyMatch(c -> c.getCode() != null && PAYER_TYPES.contains(c.getCode()));
    }

    private static void organization(BundleIndex index, Organization o, CaseDraft draft) {
        index.use(o);
        String src = index.label(o);
        draft.set("facility.name", o.getName(), src);
        npi(o.getIdentifier()).ifPresent(npi -> draft.set("facility.npi", npi, src));
        o.getIdentifier().stream().filter(i -> FhirCodes.TIN.equals(i.getSystem()) && i.getValue() != null).findFirst()
                .ifPresent(i -> draft.set("facility.tin", i.getValue(), src));
        if (o.hasAddress()) {
            org.hl7.fhir.r4.model.Address a = o.getAddressFirstRep();
            String text = a.getText() != null ? a.getText() : String.join(", ", Stream.of(
                    String.join(" ", a.getLine().stream().map(StringType::getValue).filter(s -> s != null).toList()), a.getCity(),
                    Stream.of(a.getState(), a.getPostalCode()).filter(s -> s != null).reduce((x, y) -> x + " " + y).orElse(null))
                    .filter(s -> s != null && !s.isBlank()).toList());
            draft.set("facility.address", text, src);
        }
        draft.set("facility.remsCertified", FhirValues.extensionBoolean(o, FhirCodes.EXT_REMS), src);
    }

    static Optional<String> npi(List<Identifier> ids) {
        return ids.stream().filter(i -> FhirCodes.NPI.equals(i.getSystem()) && i.getValue() != null).map(Identifier::getValue).findFirst();
    }

}
