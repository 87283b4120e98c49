package dev.authpack.fhir;

import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.PlanType;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TrialOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code systems and code tables of the FHIR mapping, as data: both directions read these tables,
 * so an import understands exactly what an export writes. Sources are named in docs/fhir.md.
 */
final class FhirCodes {

    static final String LOINC = "http://loinc.org";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String TIN = "urn:oid:2.16.840.1.113883.4.4";
    static final String NUCC = "http://nucc.org/provider-taxonomy";
    static final String SNOMED = "http://snomed.info/sct";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** As HL7 terminology and the PAS value sets name HCPCS (the https form is still read on import). */
    static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    static final Set<String> HCPCS_ALIASES = Set.of(HCPCS, "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
            "https://bluebutton.cms.gov/resources/codesystem/hcpcs", "urn:oid:2.16.840.1.113883.6.285");
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String UCUM = "http://unitsofmeasure.org";
    /** PHDSC Source of Payment Typology. */
    static final String PAYMENT_TYPOLOGY_OID = "urn:oid:2.16.840.1.113883.3.221.5";
    static final Set<String> PAYMENT_TYPOLOGY = Set.of(PAYMENT_TYPOLOGY_OID, "http://nahdo.org/sopt");
    static final String SELF_PAY = "http://terminology.hl7.org/CodeSystem/coverage-selfpay";
    static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";
    static final String COPAY_TYPE = "http://terminology.hl7.org/CodeSystem/coverage-copay-type";
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
    static final String INFO_CATEGORY = "http://terminology.hl7.org/CodeSystem/claiminformationcategory";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** X12 level of service (PAS Claim extension); "U" is urgent, as in the published PAS examples. */
    /** X12 level of service: PAS 1.x examples name it http://, PAS 2.x (its value sets and examples) https://. */
    static final Set<String> X12_LEVEL_OF_SERVICE = Set.of("http://codesystem.x12.org/005010/1338",
            "https://codesystem.x12.org/005010/1338");
    static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
    static final String PAS_LEVEL_OF_SERVICE = PAS + "extension-levelOfServiceCode";
    static final String PAS_REQUESTED_SERVICE = PAS + "extension-requestedService";
    /** On every care-team member (PAS 2.0 makes it 1..1): true, the member is there for the whole request, not one item. */
    static final String PAS_CARE_TEAM_CLAIM_SCOPE = PAS + "extension-careTeamClaimScope";

    /** Authpack's own namespace, for what no published code system says (see docs/fhir.md). */
    static final String AUTHPACK = "http://authpack.dev/fhir/";
    static final String CASE_ID_SYSTEM = AUTHPACK + "case-id";
    static final String EVIDENCE = AUTHPACK + "CodeSystem/evidence";
    static final String INSTRUMENT = AUTHPACK + "CodeSystem/instrument";
    static final String OUTCOME = AUTHPACK + "CodeSystem/trial-outcome";
    static final String TREATMENT = AUTHPACK + "CodeSystem/treatment";
    static final String SCREENING = AUTHPACK + "CodeSystem/screening";
    static final String SPECIALTY = AUTHPACK + "CodeSystem/specialty";
    /** Claim.careTeam.role: HL7's claimcareteamrole has no consultant, so the consulting psychiatrist is marked here. */
    static final String CARE_TEAM_ROLE = AUTHPACK + "CodeSystem/care-team-role";
    static final String CONSULTANT = "consultant";
    /** The evidence code that tells the antidepressant taken alongside from a finished trial. */
    static final String CONCURRENT_ANTIDEPRESSANT = "concurrent-antidepressant";
    static final String EXT = AUTHPACK + "StructureDefinition/";
    static final String EXT_POLICY = EXT + "policy-id";
    static final String EXT_PHASE = EXT + "request-phase";
    static final String EXT_IN_NETWORK = EXT + "in-network";
    static final String EXT_REMS = EXT + "rems-certified";
    static final String EXT_DRUG_CLASS = EXT + "drug-class";
    static final String EXT_TRIAL_ROLE = EXT + "trial-role";
    static final String EXT_IMPROVEMENT = EXT + "improvement-pct";
    static final String EXT_ADHERENCE = EXT + "adherence-pct";
    static final String EXT_SESSIONS = EXT + "sessions";
    static final String EXT_UNITS_PER_SESSION = EXT + "units-per-session";
    static final String EXT_ALLOWED_PER_UNIT = EXT + "allowed-per-unit";
    static final String EXT_INDICATION = EXT + "indication";
    static final String EXT_PRIOR_ESKETAMINE = EXT + "prior-esketamine-improvement-pct";
    static final String EXT_PSYCHOTHERAPY_UNAVAILABLE = EXT + "psychotherapy-unavailable";
    static final String EXT_STRUCTURED_INTERVIEW = EXT + "structured-interview";

    /** Resource-level extensions the import reads; any other is listed as ignored. */
    static final Set<String> READ_EXTENSIONS = Set.of(EXT_POLICY, EXT_PHASE, EXT_IN_NETWORK, EXT_REMS, EXT_DRUG_CLASS,
            EXT_TRIAL_ROLE, EXT_IMPROVEMENT, EXT_ADHERENCE, EXT_SESSIONS, PAS_LEVEL_OF_SERVICE, EXT_INDICATION,
            EXT_PRIOR_ESKETAMINE, EXT_PSYCHOTHERAPY_UNAVAILABLE, EXT_STRUCTURED_INTERVIEW);

    /** LOINC totals verified against loinc.org (see docs/fhir.md); the other scales use Authpack's code. */
    static final Map<String, Instrument> LOINC_INSTRUMENTS = Map.of("44261-6", Instrument.PHQ9);
    static final String PHQ9_LOINC = "44261-6";
    static final String BP_PANEL = "85354-9";
    static final String BP_SYSTOLIC = "8480-6";
    static final String BP_DIASTOLIC = "8462-4";

    /** NUCC taxonomy → specialty; the first code of each specialty is the one an export writes. */
    static final Map<String, Specialty> NUCC_SPECIALTIES = Map.of(
            "2084P0800X", Specialty.PSYCHIATRY,
            "363LP0808X", Specialty.PSYCHIATRIC_NP,
            "207Q00000X", Specialty.PRIMARY_CARE,
            "208D00000X", Specialty.PRIMARY_CARE,
            "207R00000X", Specialty.PRIMARY_CARE);
    static final Map<Specialty, String> SPECIALTY_NUCC = Map.of(
            Specialty.PSYCHIATRY, "2084P0800X",
            Specialty.PSYCHIATRIC_NP, "363LP0808X",
            Specialty.PRIMARY_CARE, "207Q00000X");

    /**
     * NUCC's own words for the codes an export writes: the specialization, else the classification, as
     * in the code set (2084P0800X: Psychiatry & Neurology / Psychiatry).
     */
    static final Map<String, String> NUCC_DISPLAY = Map.of(
            "2084P0800X", "Psychiatry",
            "363LP0808X", "Psychiatric/Mental Health",
            "207Q00000X", "Family Medicine");

    /** Source of Payment Typology's displays for the codes an export writes (PHDSC, upper case as published). */
    static final Map<String, String> PAYMENT_TYPOLOGY_DISPLAY = Map.of(
            "1", "MEDICARE", "2", "MEDICAID", "5", "PRIVATE HEALTH INSURANCE");

    /** HL7 terminology's displays (THO, as HAPI's R4 validation resources carry them) for the codes written with none. */
    static final Map<String, String> HL7_DISPLAY = Map.of(
            COPAY_TYPE + "#copay", "Copay Amount", COPAY_TYPE + "#copaypct", "Copay Percentage",
            COPAY_TYPE + "#deductible", "Deductible", COPAY_TYPE + "#maxoutofpocket", "Maximum out of pocket",
            OBSERVATION_CATEGORY + "#survey", "Survey", OBSERVATION_CATEGORY + "#vital-signs", "Vital Signs",
            INFO_CATEGORY + "#info", "Information", INFO_CATEGORY + "#attachment", "Attachment",
            PRIORITY + "#stat", "Immediate", PRIORITY + "#normal", "Normal");

    /** Displays of Authpack's own codes: the words its forms use, not the enum names. */
    static final Map<Treatment, String> TREATMENT_DISPLAY = Map.of(
            Treatment.ESKETAMINE, "Esketamine (nasal spray)", Treatment.KETAMINE_IV, "Ketamine (IV infusion)");
    static final Map<Instrument, String> INSTRUMENT_DISPLAY = Map.of(
            Instrument.PHQ9, "PHQ-9 total score", Instrument.MADRS, "MADRS total score",
            Instrument.HAMD17, "HAM-D 17 total score", Instrument.QIDS_C16, "QIDS-C16 total score",
            Instrument.BDI2, "BDI-II total score");

    /** Source of Payment Typology: the leading digit is the payer family (1 Medicare, 2 Medicaid, 5/6 private). */
    static final Map<String, PlanType> PAYMENT_FAMILIES = Map.of(
            "1", PlanType.MEDICARE, "2", PlanType.MEDICAID, "5", PlanType.COMMERCIAL, "6", PlanType.COMMERCIAL);
    static final Map<PlanType, String> PLAN_PAYMENT_CODE = Map.of(
            PlanType.MEDICARE, "1", PlanType.MEDICAID, "2", PlanType.COMMERCIAL, "5");

    /** Psychotherapy procedure codes: CPT psychotherapy family and SNOMED CT psychotherapy concepts. */
    static final Set<String> CPT_PSYCHOTHERAPY = Set.of("90832", "90833", "90834", "90836", "90837", "90838",
            "90845", "90846", "90847", "90849", "90853");
    static final Map<String, String> SNOMED_PSYCHOTHERAPY = Map.of(
            "75516001", "Psychotherapy",
            "228557008", "CBT",
            "304891004", "CBT");
    static final String SNOMED_PSYCHOTHERAPY_CODE = "75516001";

    /** Service codes that tell the treatment when the bundle does not say it otherwise. */
    static final Map<String, Treatment> SERVICE_TREATMENT = Map.of(
            "G2082", Treatment.ESKETAMINE, "G2083", Treatment.ESKETAMINE, "S0013", Treatment.ESKETAMINE,
            "J0013", Treatment.ESKETAMINE, "J3490", Treatment.KETAMINE_IV, "96365", Treatment.KETAMINE_IV,
            "96366", Treatment.KETAMINE_IV);

    /**
     * Words in a medication's status reason that give the trial's outcome, most specific first (a
     * "partial response" is not an inadequate one). Matched case-insensitively.
     */
    static final List<Map.Entry<String, TrialOutcome>> OUTCOME_WORDS = List.of(
            Map.entry("intoleran", TrialOutcome.INTOLERANCE),
            Map.entry("side effect", TrialOutcome.INTOLERANCE),
            Map.entry("adverse", TrialOutcome.INTOLERANCE),
            Map.entry("partial", TrialOutcome.PARTIAL_RESPONSE),
            Map.entry("inadequate", TrialOutcome.INADEQUATE_RESPONSE),
            Map.entry("not effective", TrialOutcome.INADEQUATE_RESPONSE),
            Map.entry("ineffective", TrialOutcome.INADEQUATE_RESPONSE),
            Map.entry("no response", TrialOutcome.INADEQUATE_RESPONSE),
            Map.entry("lack of efficacy", TrialOutcome.INADEQUATE_RESPONSE),
            Map.entry("non-response", TrialOutcome.INADEQUATE_RESPONSE),
            Map.entry("remission", TrialOutcome.RESPONSE),
            Map.entry("response", TrialOutcome.RESPONSE));

    private FhirCodes() {
    }

    /** The HL7 display of a code (HL7_DISPLAY); null when the table has none. */
    static String hl7Display(String system, String code) {
        return HL7_DISPLAY.get(system + "#" + code);
    }

    static boolean isHcpcs(String system) {
        return system != null && HCPCS_ALIASES.contains(system);
    }

    /** HCPCS Level II codes start with a letter; CPT codes are five digits (or four and a letter). */
    static String serviceSystem(String code) {
        return !code.isEmpty() && Character.isLetter(code.charAt(0)) ? HCPCS : CPT;
    }

    static TrialOutcome outcomeFromWords(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return OUTCOME_WORDS.stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
