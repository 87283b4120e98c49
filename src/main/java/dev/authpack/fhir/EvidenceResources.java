package dev.authpack.fhir;

import static dev.authpack.fhir.BundleWriter.concept;
import static dev.authpack.fhir.BundleWriter.extension;

import dev.authpack.casefile.Assessment;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.ConcurrentAntidepressant;
import dev.authpack.casefile.ConcurrentTherapy;
import dev.authpack.casefile.Diagnosis;
import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.Psychotherapy;
import dev.authpack.casefile.Screening;
import dev.authpack.casefile.TrialOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The clinical evidence of a case as FHIR resources, each answered with the evidence code under which
 * the Claim lists it in supportingInfo. A new case member (e.g. a screening attestation) becomes one more
 * component or resource here and one more row in docs/fhir.md.
 */
final class EvidenceResources {

    record Evidence(String code, Reference reference) {
    }

    private EvidenceResources() {
    }

    static List<Evidence> write(CaseData c, Reference patient, BundleWriter w) {
        List<Evidence> out = new ArrayList<>();
        Diagnosis d = c.diagnosis();
        if (d.icd10() != null || d.episodeStart() != null || d.structuredInterview() != null) {
            Condition condition = new Condition().setSubject(patient);
            if (d.icd10() != null) {
                condition.setCode(concept(FhirCodes.ICD10CM, d.icd10().value(), null));
            }
            if (d.episodeStart() != null) {
                condition.setOnset(date(d.episodeStart()));
            }
            // Condition.evidence could say an interview was done, not that it was not: false must come back false
            extension(condition, FhirCodes.EXT_STRUCTURED_INTERVIEW, d.structuredInterview());
            out.add(new Evidence("diagnosis", w.add(condition, "condition")));
        }
        List<Assessment> scores = c.assessments();
        for (int i = 0; i < scores.size(); i++) {
            out.add(new Evidence("score", w.add(score(scores.get(i), patient), "score/" + i)));
        }
        List<MedicationTrial> trials = c.medicationTrials();
        for (int i = 0; i < trials.size(); i++) {
            out.add(new Evidence("medication-trial", w.add(trial(trials.get(i), patient), "trial/" + i)));
        }
        ConcurrentAntidepressant alongside = c.request().concurrentAntidepressant();
        if (alongside != null) {
            out.add(new Evidence(FhirCodes.CONCURRENT_ANTIDEPRESSANT,
                    w.add(concurrentAntidepressant(alongside, patient), "concurrent-antidepressant")));
        }
        List<Psychotherapy> courses = c.psychotherapy();
        for (int i = 0; i < courses.size(); i++) {
            out.add(new Evidence("psychotherapy", w.add(psychotherapy(courses.get(i), patient), "psychotherapy/" + i)));
        }
        Screening s = c.screening();
        if (s != null && (s.systolic() != null || s.diastolic() != null || s.measuredOn() != null)) {
            out.add(new Evidence("blood-pressure", w.add(bloodPressure(s, patient), "blood-pressure")));
        }
        if (s != null && hasScreening(s)) {
            out.add(new Evidence("screening", w.add(screening(s, patient), "screening")));
        }
        return out;
    }

    private static boolean hasScreening(Screening s) {
        return s.substanceUse() != null || s.psychoticFeatures() != null || s.vascularContraindication() != null
                || s.pregnant() != null || s.pdmpCheckedOn() != null || s.psychosisRiskAttested() != null
                || s.substanceUseTreated() != null || s.abstinentSince() != null || s.ketamineHypersensitivity() != null
                || !s.concurrentTherapies().isEmpty() || s.acuteSuicidality() != null || s.patientRemsEnrolled() != null;
    }

    private static Observation score(Assessment a, Reference patient) {
        Observation o = observation(patient, "survey");
        CodeableConcept code = a.instrument() == Instrument.PHQ9
                ? concept(FhirCodes.LOINC, FhirCodes.PHQ9_LOINC, "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]")
                : concept(FhirCodes.INSTRUMENT, a.instrument().name(), FhirCodes.INSTRUMENT_DISPLAY.get(a.instrument()));
        o.setCode(code);
        o.setEffective(date(a.date()));
        o.setValue(new IntegerType(a.score()));
        return o;
    }

    private static Observation bloodPressure(Screening s, Reference patient) {
        Observation o = observation(patient, "vital-signs");
        o.setCode(concept(FhirCodes.LOINC, FhirCodes.BP_PANEL, "Blood pressure panel with all children optional"));
        if (s.measuredOn() != null) {
            o.setEffective(date(s.measuredOn()));
        }
        component(o, concept(FhirCodes.LOINC, FhirCodes.BP_SYSTOLIC, "Systolic blood pressure"), mmHg(s.systolic()));
        component(o, concept(FhirCodes.LOINC, FhirCodes.BP_DIASTOLIC, "Diastolic blood pressure"), mmHg(s.diastolic()));
        return o;
    }

    private static Observation screening(Screening s, Reference patient) {
        Observation o = observation(patient, "survey");
        o.setCode(concept(FhirCodes.SCREENING, "contraindication-screening", "Ketamine/esketamine contraindication screening"));
        component(o, screeningCode("substance-use"), s.substanceUse() == null ? null
                : concept(FhirCodes.SCREENING, s.substanceUse().name(), null));
        component(o, screeningCode("psychotic-features"), bool(s.psychoticFeatures()));
        component(o, screeningCode("vascular-contraindication"), bool(s.vascularContraindication()));
        component(o, screeningCode("pregnant"), bool(s.pregnant()));
        component(o, screeningCode("pdmp-checked"), s.pdmpCheckedOn() == null ? null : date(s.pdmpCheckedOn()));
        component(o, screeningCode("psychosis-risk-attested"), bool(s.psychosisRiskAttested()));
        component(o, screeningCode("substance-use-treated"), bool(s.substanceUseTreated()));
        component(o, screeningCode("abstinent-since"), s.abstinentSince() == null ? null : date(s.abstinentSince()));
        component(o, screeningCode("ketamine-hypersensitivity"), bool(s.ketamineHypersensitivity()));
        // one component per therapy: the codings of one CodeableConcept would say the same thing several ways
        for (ConcurrentTherapy t : s.concurrentTherapies()) {
            component(o, screeningCode("concurrent-therapy"), concept(FhirCodes.SCREENING, t.name(), null));
        }
        component(o, screeningCode("acute-suicidality"), bool(s.acuteSuicidality()));
        component(o, screeningCode("patient-rems-enrolled"), bool(s.patientRemsEnrolled()));
        return o;
    }

    private static MedicationStatement trial(MedicationTrial t, Reference patient) {
        MedicationStatement m = new MedicationStatement().setSubject(patient);
        m.setMedication(new CodeableConcept().setText(t.drug()));
        m.setStatus(t.endDate() == null ? MedicationStatement.MedicationStatementStatus.ACTIVE
                : t.outcome() == TrialOutcome.RESPONSE ? MedicationStatement.MedicationStatementStatus.COMPLETED
                : MedicationStatement.MedicationStatementStatus.STOPPED);
        if (t.startDate() != null || t.endDate() != null) {
            Period p = new Period();
            if (t.startDate() != null) {
                p.setStartElement(date(t.startDate()));
            }
            if (t.endDate() != null) {
                p.setEndElement(date(t.endDate()));
            }
            m.setEffective(p);
        }
        dailyDose(m, t.dailyDoseMg());
        if (t.outcome() != null) {
            // "Inadequate response": the code's words as a sentence, not the enum name
            String words = t.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            m.addStatusReason(concept(FhirCodes.OUTCOME, t.outcome().name(),
                    Character.toUpperCase(words.charAt(0)) + words.substring(1)));
        }
        extension(m, FhirCodes.EXT_DRUG_CLASS, t.drugClass());
        extension(m, FhirCodes.EXT_TRIAL_ROLE, t.role());
        extension(m, FhirCodes.EXT_IMPROVEMENT, t.improvementPct());
        extension(m, FhirCodes.EXT_ADHERENCE, t.adherencePct());
        return m;
    }

    /** Taken now, so active and open-ended; the Claim's evidence code, not the resource, says it is not a trial. */
    private static MedicationStatement concurrentAntidepressant(ConcurrentAntidepressant a, Reference patient) {
        MedicationStatement m = new MedicationStatement().setSubject(patient)
                .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        m.setMedication(new CodeableConcept().setText(a.drug()));
        if (a.startDate() != null) {
            m.setEffective(new Period().setStartElement(date(a.startDate())));
        }
        dailyDose(m, a.dailyDoseMg());
        extension(m, FhirCodes.EXT_DRUG_CLASS, a.drugClass());
        return m;
    }

    private static void dailyDose(MedicationStatement m, BigDecimal mg) {
        if (mg != null) {
            m.addDosage().setText(mg.toPlainString() + " mg/day").addDoseAndRate()
                    .setDose(new Quantity().setValue(mg).setUnit("mg/d").setSystem(FhirCodes.UCUM).setCode("mg/d"));
        }
    }

    private static Procedure psychotherapy(Psychotherapy course, Reference patient) {
        Procedure p = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(patient);
        CodeableConcept code = concept(FhirCodes.SNOMED, FhirCodes.SNOMED_PSYCHOTHERAPY_CODE, "Psychotherapy");
        code.setText(course.modality());
        p.setCode(code);
        if (course.startDate() != null || course.endDate() != null) {
            Period period = new Period();
            if (course.startDate() != null) {
                period.setStartElement(date(course.startDate()));
            }
            if (course.endDate() != null) {
                period.setEndElement(date(course.endDate()));
            }
            p.setPerformed(period);
        }
        if (course.sessions() != null) {
            extension(p, FhirCodes.EXT_SESSIONS, BigDecimal.valueOf(course.sessions()));
        }
        return p;
    }

    private static Observation observation(Reference patient, String category) {
        Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(patient);
        o.addCategory(concept(FhirCodes.OBSERVATION_CATEGORY, category,
                FhirCodes.hl7Display(FhirCodes.OBSERVATION_CATEGORY, category)));
        return o;
    }

    private static void component(Observation o, CodeableConcept code, Type value) {
        if (value != null) {
            o.addComponent().setCode(code).setValue(value);
        }
    }

    private static CodeableConcept screeningCode(String code) {
        return concept(FhirCodes.SCREENING, code, null);
    }

    private static Quantity mmHg(Integer value) {
        return value == null ? null : new Quantity().setValue(value).setUnit("mmHg").setSystem(FhirCodes.UCUM).setCode("mm[Hg]");
    }

    private static BooleanType bool(Boolean b) {
        return b == null ? null : new BooleanType(b);
    }

    static DateTimeType date(LocalDate d) {
        return new DateTimeType(d.toString());
    }
}
