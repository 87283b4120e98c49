package dev.authpack.fhir;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Type;

/**
 * Small readers of FHIR values shared by the import mappers. HAPI's {@code hasX()} says an element is
 * there, not that it has a value: a value given only as an extension (data-absent-reason) is an element
 * without one. So these read the value and test it for null, and so should every mapper.
 */
final class FhirValues {

    private FhirValues() {
    }

    /** The calendar date of a date or dateTime, when it is precise to the day; otherwise null. */
    static String day(BaseDateTimeType value) {
        if (value == null || value.getValue() == null) {
            return null;
        }
        String s = value.getValueAsString();
        return s != null && s.length() >= 10 ? s.substring(0, 10) : null;
    }

    static String start(Period period) {
        return period == null ? null : day(period.getStartElement());
    }

    static String end(Period period) {
        return period == null ? null : day(period.getEndElement());
    }

    static Optional<Coding> coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem()) && c.getCode() != null).findFirst();
    }

    static Optional<Coding> coding(List<CodeableConcept> concepts, String system) {
        return concepts.stream().map(c -> coding(c, system)).flatMap(Optional::stream).findFirst();
    }

    /** The concept's text, else the display of its first coding that has one. */
    static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.getText() != null) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null).findFirst().orElse(null);
    }

    /** "http://loinc.org#8867-4", the first coding as a payer would quote it; "no code" when there is none. */
    static String describe(CodeableConcept concept) {
        if (concept == null || concept.getCoding().isEmpty()) {
            return concept != null && concept.hasText() ? "text only" : "no code";
        }
        Coding c = concept.getCodingFirstRep();
        return (c.getSystem() != null ? c.getSystem() + "#" : "") + (c.getCode() != null ? c.getCode() : "(no code)");
    }

    static Type extension(Element element, String url) {
        Extension e = element.getExtensionByUrl(url);
        return e == null ? null : e.getValue();
    }

    static Type extension(DomainResource resource, String url) {
        Extension e = resource.getExtensionByUrl(url);
        return e == null ? null : e.getValue();
    }

    static String extensionText(DomainResource resource, String url) {
        Type v = extension(resource, url);
        return v instanceof PrimitiveType<?> p ? p.getValueAsString() : null;
    }

    static BigDecimal extensionDecimal(DomainResource resource, String url) {
        return decimal(extension(resource, url));
    }

    static BigDecimal extensionDecimal(Element element, String url) {
        return decimal(extension(element, url));
    }

    private static BigDecimal decimal(Type v) {
        if (v instanceof org.hl7.fhir.r4.model.DecimalType d) {
            return d.getValue();
        }
        if (v instanceof org.hl7.fhir.r4.model.IntegerType i && i.getValue() != null) {
            return BigDecimal.valueOf(i.getValue());
        }
        return null;
    }

    static Boolean extensionBoolean(DomainResource resource, String url) {
        Type v = extension(resource, url);
        return v instanceof org.hl7.fhir.r4.model.BooleanType b ? b.getValue() : null;
    }

    /**
     * Whether arithmetic on the value stays cheap: at most 12 digits before the point and 12 after.
     * {@code 1e999999} is short to send, but dividing it to two decimals writes out a million digits.
     */
    static boolean modest(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.precision() - v.scale() <= 12 && v.scale() <= 12;
    }
}
