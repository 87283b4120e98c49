package dev.authpack.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.casefile.Specialty;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile's input rules, without Spring: what a clerk may type, and the field each refusal names. */
class ProfileCheckTest {

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {
        "facilityNpi | 1245319598 | is not a valid NPI (check digit does not match)",
        "facilityNpi | 12453      | must be 10 digits",
        "facilityTin | 12-34      | The TIN must be 9 digits, written 12-3456789 or 123456789",
        "feeUnits    | -1         | Enter a whole number of units from 0 to 10000",
        "feeUnits    | 10001      | Enter a whole number of units from 0 to 10000",
        "prescribers[0].npi | 1234567890 | is not a valid NPI (check digit does not match)",
        "prescribers[0].specialty | SURGEON | Choose a specialty from the list",
        "prescribers[0].fax | +44 20 7946 0958 | is not a US phone number",
        "prescribers[0].phone | 555-123-456 | is not a US phone number",
        "facilityAddress | 1 Main St\u202Eexe.fdp | contains a control or invalid character",
    })
    void badValueIsNamedByItsInput(String field, String typed, String message) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("prescribers[0].name", "Robin Lee",
                "prescribers[0].npi", "1003000126", "feeCode", "G2083"));
        values.put(field, typed);

        assertThatThrownBy(() -> ProfileCheck.check(form(values))).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.problems()).containsExactly(new FieldProblem(field, message)));
    }

    @Test
    void aPrescriberNeedsNameAndNpiAndUnitsNeedTheirCode() {
        assertThatThrownBy(() -> ProfileCheck.check(form(Map.of("prescribers[0].phone", "555-0100",
                "feeUnits", "2")))).isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                .extracting(FieldProblem::field).containsExactly("feeCode", "prescribers[0].name", "prescribers[0].npi"));
    }

    @Test
    void clerkTypingIsNormalisedAndBlankRowsAreDropped() {
        CheckedProfile p = ProfileCheck.check(form(Map.of("facilityNpi", " 1245-319-599 ", "facilityTin", "123456789",
                "feeCode", "g2083 ", "feeUnits", "1", "prescribers[0].name", "", "prescribers[0].npi", " ",
                "prescribers[3].name", "Robin Lee", "prescribers[3].npi", "1003 0001 26",
                "prescribers[3].specialty", "PSYCHIATRY")));

        assertThat(p.facilityNpi()).isEqualTo("1245319599");
        assertThat(p.facilityTin()).isEqualTo("12-3456789");
        assertThat(p.feeCode()).isEqualTo("G2083");
        assertThat(p.facilityName()).isNull();
        assertThat(p.prescribers()).singleElement().satisfies(e -> {
            assertThat(e.npi()).isEqualTo("1003000126");
            assertThat(e.specialty()).isEqualTo(Specialty.PSYCHIATRY);
        });
    }

    /** The case form reads these as the numbers they look like, so the profile a case is filled from must too. */
    @Test
    void numbersPastedWithFullwidthDigitsOrNoBreakCharactersAreThePlainNumbers() {
        CheckedProfile p = ProfileCheck.check(form(Map.of("facilityNpi", "\uFF11\uFF12\uFF14\uFF15\uFF13\uFF11\uFF19\uFF15\uFF19\uFF19",
                "facilityTin", "12\u20113456789", "prescribers[0].name", "Robin Lee",
                "prescribers[0].npi", "1003\u00A0000126", "prescribers[0].phone", "(555) 123\u20114567",
                "prescribers[0].fax", "\uFF15\uFF15\uFF15-\uFF10\uFF11\uFF10\uFF10")));

        assertThat(p.facilityNpi()).isEqualTo("1245319599");
        assertThat(p.facilityTin()).isEqualTo("12-3456789");
        assertThat(p.prescribers()).singleElement().satisfies(e -> {
            assertThat(e.npi()).isEqualTo("1003000126");
            assertThat(e.phone()).isEqualTo("555-123-4567");
            assertThat(e.fax()).isEqualTo("555-0100");
        });
    }

    /** The case form reads a TIN typed with spaces or dots; the profile refused the same TIN. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"'12 3456789'", "'12 345 6789'", "'12.3456789'", "'12-345-6789'"})
    void aTinIsReadSpacedOrDottedAsTheCaseFormReadsIt(String typed) {
        CheckedProfile p = ProfileCheck.check(form(Map.of("facilityTin", typed)));

        assertThat(p.facilityTin()).isEqualTo("12-3456789");
    }

    /** A name pasted decomposed (macOS, some EHRs) is kept as the one typed composed, as on a case. */
    @Test
    void namesAreKeptComposed() {
        CheckedProfile p = ProfileCheck.check(form(Map.of("facilityName", "Clinique Zoe\u0308",
                "facilityAddress", "1 Rue Ame\u0301lie", "prescribers[0].name", "Zoe\u0308 Lee",
                "prescribers[0].npi", "1003000126")));

        assertThat(p.facilityName()).isEqualTo("Clinique Zo\u00EB");
        assertThat(p.facilityAddress()).isEqualTo("1 Rue Am\u00E9lie");
        assertThat(p.prescribers()).singleElement().extracting(PrescriberEntry::name).isEqualTo("Zo\u00EB Lee");
    }

    @Test
    void anEmptyFormIsAnEmptyProfile() {
        assertThat(ProfileCheck.check(form(Map.of()))).isEqualTo(new CheckedProfile(null, null, null, null, null,
                null, null, List.of()));
    }

    private static ProfileForm form(Map<String, String> values) {
        Map<String, String[]> params = new LinkedHashMap<>();
        values.forEach((k, v) -> params.put(k, new String[] {v}));
        return ProfileForm.read(params);
    }
}
