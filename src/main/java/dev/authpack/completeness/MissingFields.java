package dev.authpack.completeness;

import dev.authpack.casefile.CaseData;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields every packet needs whatever the policy, named by the contract's JSON paths. The
 * member id is not needed for self-pay: there is no payer to identify the patient to.
 */
final class MissingFields {

    private MissingFields() {
    }

    static List<String> of(CaseData data, boolean policyKnown) {
        List<String> missing = new ArrayList<>();
        add(missing, "policyId", policyKnown);
        var patient = data.patient();
        add(missing, "patient.firstName", present(patient.firstName()));
        add(missing, "patient.lastName", present(patient.lastName()));
        add(missing, "patient.dateOfBirth", patient.dateOfBirth() != null);
        add(missing, "patient.memberId", data.selfPay() || present(patient.memberId()));
        add(missing, "prescriber.name", present(data.prescriber().name()));
        add(missing, "prescriber.npi", data.prescriber().npi() != null);
        add(missing, "facility.name", present(data.facility().name()));
        add(missing, "facility.npi", data.facility().npi() != null);
        add(missing, "facility.tin", data.facility().tin() != null);
        add(missing, "diagnosis.icd10", data.diagnosis().icd10() != null);
        var request = data.request();
        add(missing, "request.treatment", request.treatment() != null);
        add(missing, "request.startDate", request.startDate() != null);
        add(missing, "request.sessions", request.sessions() != null);
        add(missing, "request.lines", !request.lines().isEmpty());
        return missing;
    }

    private static void add(List<String> missing, String path, boolean present) {
        if (!present) {
            missing.add(path);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
