package dev.authpack.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an imported bundle's values are read: a date only when it is precise to the day, a coding of
 * the asked system that has a code, a concept's words, the description a payer would quote,
 * extensions by type, and which decimals are small enough to compute with.
 */
class FhirValuesTest {

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(nullValues = "null", textBlock = """
            2026-03-01,                2026-03-01
            2026-03-01T23:30:00-05:00, 2026-03-01
            2026-03,                   null
            2026,                      null
            """)
    void aDateIsReadOnlyWhenItIsPreciseToTheDay(String written, String day) {
        assertThat(FhirValues.day(new DateTimeType(written))).isEqualTo(day);
        Period period = new Period().setStartElement(new DateTimeType(written)).setEndElement(new DateTimeType(written));
        assertThat(FhirValues.start(period)).isEqualTo(day);
        assertThat(FhirValues.end(period)).isEqualTo(day);
    }

    @Test
    void anAbsentDateIsNull() {
        assertThat(FhirValues.day(null)).isNull();
        assertThat(FhirValues.day(new DateType())).isNull();
        assertThat(FhirValues.start(null)).isNull();
        assertThat(FhirValues.end(null)).isNull();
        assertThat(FhirValues.start(new Period())).isNull();
    }

    @Test
    void aCodingIsTheFirstOfTheAskedSystemThatHasACode() {
        CodeableConcept concept = new CodeableConcept()
                .addCoding(new Coding("http://snomed.info/sct", "35489007", "Depression"))
                .addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", null, "no code"))
                .addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F33.2", "MDD recurrent severe"));

        assertThat(FhirValues.coding(concept, "http://hl7.org/fhir/sid/icd-10-cm")).get()
                .extracting(Coding::getCode).isEqualTo("F33.2");
        assertThat(FhirValues.coding(concept, "http://loinc.org")).isEmpty();
        assertThat(FhirValues.coding((CodeableConcept) null, "http://loinc.org")).isEmpty();
        assertThat(FhirValues.coding(List.of(new CodeableConcept().setText("x"), concept), "http://snomed.info/sct")).get()
                .extracting(Coding::getCode).isEqualTo("35489007");
        assertThat(FhirValues.coding(List.of(), "http://snomed.info/sct")).isEmpty();
    }

    @Test
    void aConceptsWordsAreItsTextElseTheFirstDisplay() {
        assertThat(FhirValues.text(new CodeableConcept().setText("Major depression")
                .addCoding(new Coding("s", "c", "display")))).isEqualTo("Major depression");
        assertThat(FhirValues.text(new CodeableConcept().addCoding(new Coding("s", "c", null))
                .addCoding(new Coding("s", "d", "second display")))).isEqualTo("second display");
        assertThat(FhirValues.text(new CodeableConcept().addCoding(new Coding("s", "c", null)))).isNull();
        assertThat(FhirValues.text(null)).isNull();
    }

    @Test
    void aConceptIsDescribedByItsFirstCodingAsAPayerWouldQuoteIt() {
        assertThat(FhirValues.describe(new CodeableConcept().addCoding(new Coding("http://loinc.org", "8867-4", null))
                .addCoding(new Coding("x", "y", null)))).isEqualTo("http://loinc.org#8867-4");
        assertThat(FhirValues.describe(new CodeableConcept().addCoding(new Coding(null, "8867-4", null)))).isEqualTo("8867-4");
        assertThat(FhirValues.describe(new CodeableConcept().addCoding(new Coding("http://loinc.org", null, "d"))))
                .isEqualTo("http://loinc.org#(no code)");
        assertThat(FhirValues.describe(new CodeableConcept().setText("PHQ-9"))).isEqualTo("text only");
        assertThat(FhirValues.describe(new CodeableConcept())).isEqualTo("no code");
        assertThat(FhirValues.describe(null)).isEqualTo("no code");
    }

    @Test
    void extensionsAreReadByTheirTypeAndAnythingElseIsAbsent() {
        Observation o = new Observation();
        o.addExtension("u:text", new StringType("weekly"));
        o.addExtension("u:decimal", new DecimalType("12.5"));
        o.addExtension("u:integer", new IntegerType(7));
        o.addExtension("u:empty-integer", new IntegerType());
        o.addExtension("u:bool", new BooleanType(true));
        o.addExtension("u:quantity", new Quantity(3));

        assertThat(FhirValues.extensionText(o, "u:text")).isEqualTo("weekly");
        assertThat(FhirValues.extensionText(o, "u:quantity")).isNull();
        assertThat(FhirValues.extensionText(o, "u:none")).isNull();
        assertThat(FhirValues.extensionDecimal(o, "u:decimal")).isEqualByComparingTo("12.5");
        assertThat(FhirValues.extensionDecimal(o, "u:integer")).isEqualByComparingTo("7");
        assertThat(FhirValues.extensionDecimal(o, "u:empty-integer")).isNull();
        assertThat(FhirValues.extensionDecimal(o, "u:text")).isNull();
        assertThat(FhirValues.extensionBoolean(o, "u:bool")).isTrue();
        assertThat(FhirValues.extensionBoolean(o, "u:text")).isNull();
        assertThat(FhirValues.extensionBoolean(o, "u:none")).isNull();

        DateTimeType element = new DateTimeType("2026-03-01");
        element.addExtension("u:decimal", new DecimalType("0.5"));
        assertThat(FhirValues.extensionDecimal(element, "u:decimal")).isEqualByComparingTo("0.5");
        assertThat(FhirValues.extension(element, "u:none")).isNull();
    }

    @ParameterizedTest(name = "{0}: modest {1}")
    @CsvSource({"999999999999, true", "1000000000000, false", "0.000000000001, true", "0.0000000000001, false",
            "123456789012.123456789012, true", "1e999999, false", "1e-999999, false", "100.000, true", "0, true",
            "1E+11, true", "1E+12, false"})
    void onlyADecimalOfTwelveDigitsEitherSideOfThePointIsComputedWith(String value, boolean modest) {
        assertThat(FhirValues.modest(new BigDecimal(value))).isEqualTo(modest);
    }
}
