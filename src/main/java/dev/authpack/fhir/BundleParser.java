package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import dev.authpack.core.InputException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as a FHIR R4 Bundle. Refuses, with a message naming the problem, what is not
 * JSON, not a FHIR resource, not a Bundle, or a Bundle without a Patient. What the FHIR parser does
 * not understand (unknown elements, invalid values) is collected for the caller's ignored list
 * instead of being logged, since values may be patient data.
 */
@Component
class BundleParser {

    private static final int MAX_MESSAGE = 200;
    private final FhirContext context;
    private final JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    BundleParser(FhirContext context) {
        this.context = context;
    }

    record Parsed(Bundle bundle, List<String> issues) {
    }

    Parsed parse(byte[] body) {
        try {
            checkStrictly(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InputException("", "the body is not valid JSON" + where);
        }
        List<String> issues = new ArrayList<>();
        IParser parser = context.newJsonParser().setParserErrorHandler(new Collecting(issues));
        IBaseResource resource;
        try {
            // a reader over the bytes, not a String copy of them: a 40 MB bundle is held once here, not twice
            resource = parser.parseResource(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new InputException("resourceType", "the body is not a FHIR R4 resource: " + shorten(e.getMessage()));
        }
        if (!(resource instanceof Bundle bundle)) {
            throw new InputException("resourceType", "must be Bundle, not " + resource.fhirType());
        }
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof Patient)) {
            throw new InputException("entry", "the bundle has no Patient: a case needs the patient it is about");
        }
        return new Parsed(bundle, issues);
    }

    /**
     * Valid JSON, one value, no duplicate member names: checked by streaming over the tokens rather than
     * building a tree that is thrown away (for a bundle carrying a 29 MB document that tree and its text
     * buffer were ~120 MB of heap; docs/performance.md, "Large request bodies").
     */
    private void checkStrictly(byte[] body) {
        try (JsonParser tokens = strict.createParser(body)) {
            if (tokens.nextToken() == null) {
                return; // empty: the FHIR parser below names what is missing
            }
            tokens.skipChildren();
            if (tokens.nextToken() != null) {
                throw new StreamReadException(tokens, "trailing content after the JSON value");
            }
        }
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.replaceAll("^HAPI-\\d+: ", "");
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "…" : m;
    }

    /** Records parser complaints by element name only (never the offending value). */
    private record Collecting(List<String> issues) implements IParserErrorHandler {

        private void add(IParseLocation at, String what) {
            String parent = at == null || at.getParentElementName() == null ? "" : " in " + at.getParentElementName();
            issues.add(what + parent);
        }

        @Override
        public void containedResourceWithNoId(IParseLocation at) {
            add(at, "a contained resource without id");
        }

        @Override
        public void incorrectJsonType(IParseLocation at, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            add(at, "element " + element + " has the wrong JSON type");
        }

        @Override
        public void invalidValue(IParseLocation at, String value, String error) {
            add(at, "an invalid value");
        }

        @Override
        public void missingRequiredElement(IParseLocation at, String element) {
            add(at, "required element " + element + " is missing");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation at, String element) {
            add(at, "element " + element + " repeats");
        }

        @Override
        public void unknownAttribute(IParseLocation at, String attribute) {
            add(at, "unknown attribute " + attribute);
        }

        @Override
        public void unknownElement(IParseLocation at, String element) {
            add(at, "unknown element " + element);
        }

        @Override
        public void unknownReference(IParseLocation at, String reference) {
            add(at, "an unknown reference");
        }

        @Override
        public void invalidInternalReference(IParseLocation at, String reference) {
            add(at, "an invalid internal reference");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation at) {
            add(at, "an extension with both a value and nested extensions");
        }
    }
}
