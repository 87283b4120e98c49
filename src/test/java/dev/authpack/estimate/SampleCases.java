package dev.authpack.estimate;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Coverage;
import dev.authpack.casefile.Diagnosis;
import dev.authpack.casefile.Facility;
import dev.authpack.casefile.Patient;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.PlanType;
import dev.authpack.casefile.Prescriber;
import dev.authpack.casefile.Sex;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.core.Icd10Code;
import dev.authpack.core.Money;
import dev.authpack.core.Npi;
import dev.authpack.core.Tin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The estimate-relevant parts of the shared samples (01 insured esketamine, 03 self-pay ketamine). */
final class SampleCases {

    private SampleCases() {
    }

    static CaseData sample01() {
        return insured(new Coverage("Example Health Plan", PlanType.COMMERCIAL, true, Money.of("1500.00"),
                new BigDecimal("20"), Money.of("0"), Money.of("4000.00")));
    }

    static CaseData insured(Coverage coverage) {
        return new CaseData("esketamine-standard", patient("XJH123456789"), coverage, prescriber(), facility(),
                diagnosis(), null, null, null, null,
                new TreatmentRequest(Treatment.ESKETAMINE, Phase.INITIAL, LocalDate.of(2026, 11, 30), 8, false,
                        List.of(new BillingLine("G2083", "Esketamine >56 mg, supervised, 2 h observation", 1,
                                Money.of("1450.00"), Money.of("1289.82")))));
    }

    static CaseData sample03() {
        return new CaseData("self-pay", patient(null),
                new Coverage("Self-pay", PlanType.SELF_PAY, true, null, null, null, null), prescriber(), facility(),
                diagnosis(), null, null, null, null,
                new TreatmentRequest(Treatment.KETAMINE_IV, Phase.INITIAL, LocalDate.of(2026, 12, 7), 6, false,
                        List.of(new BillingLine("J3490", "Ketamine HCl, IV", 1, Money.of("450.00"), null),
                                new BillingLine("96365", "IV infusion, first hour", 1, Money.of("150.00"), null))));
    }

    static CaseData withRequest(CaseData data, TreatmentRequest request) {
        return new CaseData(data.policyId(), data.patient(), data.coverage(), data.prescriber(), data.facility(),
                data.diagnosis(), data.assessments(), data.medicationTrials(), data.psychotherapy(), data.screening(),
                request);
    }

    private static Patient patient(String memberId) {
        return new Patient("Dana", "Reyes", LocalDate.of(1979, 3, 14), Sex.female, memberId,
                memberId == null ? null : "GRP-4410");
    }

    private static Prescriber prescriber() {
        return new Prescriber("Alex Morgan, MD", Npi.of("1234567893"), Specialty.PSYCHIATRY, "555-0100", "555-0101");
    }

    private static Facility facility() {
        return new Facility("North Clinic", Npi.of("1245319599"), Tin.of("12-3456789"),
                "1 Main St, Springfield, MA 01101", true);
    }

    private static Diagnosis diagnosis() {
        return new Diagnosis(Icd10Code.of("F33.2"), LocalDate.of(2025, 1, 15));
    }
}
