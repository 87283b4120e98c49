package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseListing;
import dev.authpack.casefile.CaseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a typed patient is "the same patient" as a stored one (Dana Reyes, 1979-03-14, member XJH-123). */
class CaseDuplicatesTest {

    static final CaseListing STORED = new CaseListing(UUID.randomUUID(), "Dana Reyes", "Dana", "Reyes",
            LocalDate.of(1979, 3, 14), "XJH-123", "Example Health Plan", null, null, CaseStatus.DRAFT,
            false, Instant.EPOCH, Instant.EPOCH, 1);

    @ParameterizedTest(name = "{0} {1} {2} member \"{3}\" → {4}")
    @CsvSource(nullValues = "-", value = {
        "Dana,   Reyes,  1979-03-14, -,        true",
        "' dana', REYES, 1979-03-14, -,        true",
        "Dána,   RÉYES,  1979-03-14, -,        true",
        "Dana,   Reyes,  1979-03-15, -,        false",
        "Dana,   Reyes,  -,          -,        false",
        "Dane,   Reyes,  1979-03-14, -,        false",
        "-,      -,      -,          xjh 123,  true",
        "Other,  Person, 1990-01-01, XJH123,   true",
        "Other,  Person, 1990-01-01, XJH124,   false",
        "Dana,   Reyes,  14/03/1979, -,        false",
        "Other,  Person, 1990-01-01, \uFF38\uFF2A\uFF28\uFF0D\uFF11\uFF12\uFF13, true",
        "Other,  Person, 1990-01-01, XJH\u00A0123, true",
    })
    void samePatientIsNamePlusBirthDateOrMemberId(String first, String last, String born, String member,
                                                  boolean same) {
        CaseForm form = new CaseForm(Map.of(), Map.of(), null);
        put(form, "patient.firstName", first);
        put(form, "patient.lastName", last);
        put(form, "patient.dateOfBirth", born);
        put(form, "patient.memberId", member);

        assertThat(CaseDuplicates.samePatient(form, STORED)).isEqualTo(same);
    }

    private static void put(CaseForm form, String path, String value) {
        if (value != null) {
            form.put(path, value);
        }
    }
}
