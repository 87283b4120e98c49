package dev.authpack.packet;

import dev.authpack.casefile.Assessment;
import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Coverage;
import dev.authpack.casefile.Diagnosis;
import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.Facility;
import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.Patient;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.PlanType;
import dev.authpack.casefile.Prescriber;
import dev.authpack.casefile.Psychotherapy;
import dev.authpack.casefile.Screening;
import dev.authpack.casefile.Sex;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.SubstanceUse;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.casefile.TrialOutcome;
import dev.authpack.casefile.TrialRole;
import dev.authpack.core.Icd10Code;
import dev.authpack.core.Money;
import dev.authpack.core.Npi;
import dev.authpack.core.Tin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Varied, complete, synthetic esketamine cases from a seed (no real data): names, trials, scores differ. */
final class SyntheticCases {

    private static final String[] FIRST = {"Dana", "Lee", "Maria", "Sam", "Priya", "Jonas", "Aiko", "Tomás", "Fiona"};
    private static final String[] LAST = {"Reyes", "Okafor", "Lindqvist", "Nguyen", "O'Brien", "Schäfer", "Kowalczyk"};
    private static final Object[][] DRUGS = {{"sertraline", DrugClass.SSRI, 150}, {"escitalopram", DrugClass.SSRI, 20},
        {"venlafaxine", DrugClass.SNRI, 225}, {"duloxetine", DrugClass.SNRI, 60}, {"bupropion", DrugClass.BUPROPION, 300},
        {"mirtazapine", DrugClass.MIRTAZAPINE, 30}, {"nortriptyline", DrugClass.TCA, 100},
        {"vortioxetine", DrugClass.OTHER_ANTIDEPRESSANT, 20}};
    static final LocalDate START = LocalDate.of(2026, 11, 30);

    private SyntheticCases() {
    }

    static CaseData of(long seed) {
        Random r = new Random(seed);
        int trials = 2 + r.nextInt(4);
        List<MedicationTrial> history = new ArrayList<>();
        LocalDate at = LocalDate.of(2025, 1, 20);
        for (int i = 0; i < trials; i++) {
            Object[] d = DRUGS[(int) ((seed + i) % DRUGS.length)];
            LocalDate end = at.plusWeeks(7 + r.nextInt(6));
            history.add(new MedicationTrial((String) d[0], (DrugClass) d[1], TrialRole.MONOTHERAPY,
                    BigDecimal.valueOf((Integer) d[2]), at, end, TrialOutcome.INADEQUATE_RESPONSE,
                    BigDecimal.valueOf(r.nextInt(20)), BigDecimal.valueOf(80 + r.nextInt(21))));
            at = end.plusDays(7);
        }
        if (r.nextBoolean()) {
            history.add(new MedicationTrial("aripiprazole", DrugClass.ATYPICAL_ANTIPSYCHOTIC, TrialRole.AUGMENTATION,
                    BigDecimal.valueOf(5), at, at.plusWeeks(8), TrialOutcome.PARTIAL_RESPONSE, BigDecimal.valueOf(20),
                    BigDecimal.valueOf(90)));
        }
        List<Assessment> scores = new ArrayList<>();
        int n = 1 + r.nextInt(5);
        for (int i = n - 1; i >= 0; i--) {
            scores.add(new Assessment(Instrument.PHQ9, 15 + r.nextInt(13), START.minusDays(10 + 30L * i)));
        }
        return new CaseData("esketamine-standard",
                new Patient(FIRST[r.nextInt(FIRST.length)], LAST[r.nextInt(LAST.length)],
                        LocalDate.of(1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)), Sex.female,
                        "M" + (100000000L + r.nextInt(899999999)), "GRP-" + r.nextInt(9999)),
                new Coverage("Example Health Plan", PlanType.COMMERCIAL, true, Money.of("1500.00"),
                        BigDecimal.valueOf(20), Money.ZERO, Money.of("4000.00")),
                new Prescriber("Alex Morgan, MD", Npi.of("1234567893"), Specialty.PSYCHIATRY, "555-0100", "555-0101"),
                new Facility("North Clinic", Npi.of("1245319599"), Tin.of("12-3456789"),
                        "1 Main St, Springfield, MA 01101", true),
                new Diagnosis(Icd10Code.of(r.nextBoolean() ? "F33.2" : "F32.2"), LocalDate.of(2025, 1, 15)),
                scores, history,
                List.of(new Psychotherapy("CBT", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 7, 1), 8 + r.nextInt(12))),
                new Screening(118 + r.nextInt(20), 70 + r.nextInt(19), START.minusDays(10), SubstanceUse.NONE, false,
                        false, false, START.minusDays(10)),
                new TreatmentRequest(Treatment.ESKETAMINE, Phase.INITIAL, START, 8, r.nextInt(4) == 0,
                        List.of(new BillingLine("G2083", "Esketamine >56 mg, supervised, 2 h observation", 1,
                                Money.of("1450.00"), Money.of("1289.82")))));
    }
}
