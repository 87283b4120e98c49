package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import dev.authpack.core.InputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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
    /** Digits before or after the point that no FHIR value needs; HAPI writes such a number out in full. */
    private static final int MAX_DIGITS = 1000;
    private final JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    BundleParser(FhirContext context) {
        this.context = context;
    }

    record Parsed(Bundle bundle, List<String> issues) {
    }

    Parsed parse(byte[] body) {
        JsonNode tree;
        try {
            tree = strict.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InputException("", "the body is not valid JSON" + where);
        }
        notAResource(tree).ifPresent(why -> {
            throw new InputException("resourceType", "the body is not a FHIR R4 resource in JSON: " + why);
        });
        hugeNumber(tree, "").ifPresent(path -> {
            throw new InputException(path, "is a number with more than " + MAX_DIGITS + " digits before or after "
                    + "the point, which no FHIR value has");
        });
        List<String> issues = new ArrayList<>();
        IParser parser = context.newJsonParser().setParserErrorHandler(new Collecting(issues));
        IBaseResource resource;
        try {
            resource = parser.parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException e) {
            // HAPI's message carries its internal code and may quote the body: the sentence is ours
            throw new InputException("resourceType", "the body is not a FHIR R4 resource in JSON that Authpack can read");
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
     * The path of a number such as 1e99999999: a few bytes of JSON that HAPI's parser turns into a string of
     * a hundred million digits, holding a core for minutes. Judged from its scale alone, which is cheap.
     */
    private static Optional<String> hugeNumber(JsonNode node, String path) {
        if (node.isNumber()) {
            BigDecimal v = node.decimalValue();
            return Math.abs((long) v.scale()) > MAX_DIGITS || (long) v.precision() - v.scale() > MAX_DIGITS
                    ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = hugeNumber(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var member : node.properties()) {
                Optional<String> found = hugeNumber(member.getValue(),
                        path.isEmpty() ? member.getKey() : path + "." + member.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Why a JSON body is not a FHIR resource, in words (HAPI's own messages carry its internal codes). */
    private Optional<String> notAResource(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            String text = tree == null || tree.isMissingNode() ? "" : tree.toString().strip();
            return Optional.of(text.isEmpty() ? "it is empty" : "it starts with '" + text.charAt(0)
                    + "', where a resource is an object starting with '{'");
        }
        JsonNode type = tree.get("resourceType");
        if (type == null || !type.isString()) {
            return Optional.of("it has no resourceType");
        }
        if (context.getResourceTypes().stream().noneMatch(type.asString()::equals)) {
            return Optional.of("resourceType '" + shorten(type.asString()) + "' is not an R4 resource type");
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
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
