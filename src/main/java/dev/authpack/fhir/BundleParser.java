package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import dev.authpack.core.InputException;
import dev.authpack.web.JsonPaths;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
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
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final FhirContext context;
    /** Digits before or after the point that no FHIR value needs; HAPI writes such a number out in full. */
    private static final int MAX_DIGITS = 1000;
    private final JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    BundleParser(FhirContext context) {
        this.context = context;
    }

    record Parsed(Bundle bundle, List<String> issues) {
    }

    Parsed parse(byte[] body) {
        // RFC 8259 lets a parser skip a UTF-8 byte order mark, which Windows editors write; HAPI's parser does not
        int start = startsWithByteOrderMark(body) ? UTF8_BOM.length : 0;
        notUtf8(body, start).ifPresent(bad -> {
            String field = pathAt(body, bad);
            throw new InputException(field, (field.isEmpty() ? "the body " : "")
                    + "is not UTF-8 text (byte " + bad[0] + " of the body): a FHIR bundle in JSON is UTF-8; save it as UTF-8");
        });
        try {
            checked(body).ifPresent(why -> {
                throw new InputException("resourceType", "the body is not a FHIR R4 resource in JSON: " + why);
            });
        } catch (JacksonException e) {
            JsonPaths.duplicate(e).ifPresent(twice -> {
                throw new InputException(List.of(twice));
            });
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InputException("", "the body is not valid JSON" + where);
        }
        List<String> issues = new ArrayList<>();
        IParser parser = context.newJsonParser().setParserErrorHandler(new Collecting(issues));
        IBaseResource resource;
        try {
            // a reader over the bytes, not a String copy of them: a 40 MB bundle is held once here, not twice
            resource = parser.parseResource(new InputStreamReader(new ByteArrayInputStream(body, start, body.length - start),
                    StandardCharsets.UTF_8));
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

    /** The next token; valid JSON nested deeper than the parser goes (FHIR nests a few levels) is named where it is. */
    private static JsonToken next(JsonParser tokens) {
        try {
            return tokens.nextToken();
        } catch (StreamConstraintsException e) {
            if (e.getMessage() == null || !e.getMessage().contains("nesting depth")) {
                throw e;
            }
            String where = shorten(path(tokens));
            throw new InputException(where, (where.isEmpty() ? "the body " : "") + "is nested more than "
                    + tokens.streamReadConstraints().getMaxNestingDepth() + " levels deep, which no FHIR resource needs");
        }
    }

    private static boolean startsWithByteOrderMark(byte[] body) {
        return body.length >= UTF8_BOM.length && Arrays.equals(body, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length);
    }

    /**
     * The offset and length of the first byte sequence that is not UTF-8, if any. Jackson reads an overlong
     * sequence or an encoded surrogate (CESU-8) as a character and HAPI's reader turns it into U+FFFD, so
     * without this check a name with such bytes was saved changed, without a word.
     */
    private static Optional<int[]> notUtf8(byte[] body, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return Optional.of(new int[] {in.position(), result.length()});
            }
            if (result.isUnderflow()) {
                return Optional.empty();
            }
            out.clear();
        }
    }

    /** The member whose text holds the bad bytes ({@code entry[1].resource.name[0].family}), or "" when none does. */
    private String pathAt(byte[] body, int[] bad) {
        byte[] copy = body.clone();
        Arrays.fill(copy, bad[0], Math.min(copy.length, bad[0] + bad[1]), (byte) 'x');
        String last = "";
        try (JsonParser tokens = strict.createParser(copy)) {
            for (JsonToken t = tokens.nextToken(); t != null; t = tokens.nextToken()) {
                if (tokens.currentTokenLocation().getByteOffset() > bad[0]) {
                    break;
                }
                last = path(tokens);
            }
            return last;
        } catch (JacksonException e) {
            return last;
        }
    }

    /**
     * One streaming pass over the body before HAPI reads it, rather than a tree that is thrown away (for a
     * bundle carrying a 29 MB document the tree and its text were ~120 MB of heap; docs/performance.md,
     * "Large request bodies"): valid JSON, one value, no duplicate member names (a {@link JacksonException}
     * otherwise); no number such as 1e99999999, a few bytes that HAPI's parser writes out as a hundred
     * million digits, holding a core for minutes (400 naming it); and why it is not a resource, in words
     * (HAPI's own messages carry its internal codes), or empty when it is one.
     */
    private Optional<String> checked(byte[] body) {
        try (JsonParser tokens = strict.createParser(body)) {
            JsonToken first = tokens.nextToken();
            if (first == null) {
                return Optional.of("it is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                String text = first.isStructStart() ? first.asString() : tokens.getString();
                return Optional.of("it starts with '" + (text == null || text.isEmpty() ? first.asString() : text).charAt(0)
                        + "', where a resource is an object starting with '{'");
            }
            String resourceType = null;
            int depth = 1;
            for (JsonToken t = next(tokens); depth > 0; t = next(tokens)) {
                if (depth > 1 && t != JsonToken.PROPERTY_NAME && !t.isStructEnd() && "resourceType".equals(tokens.currentName())) {
                    notAResourceType(tokens, t);
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.VALUE_NUMBER_FLOAT && huge(tokens.getDecimalValue())) {
                    throw new InputException(path(tokens), "is a number with more than " + MAX_DIGITS
                            + " digits before or after the point, which no FHIR value has");
                } else if (t == JsonToken.VALUE_STRING && depth == 1 && "resourceType".equals(tokens.currentName())) {
                    resourceType = tokens.getString();
                }
                if (t.isScalarValue() || t == JsonToken.START_ARRAY) {
                    notAnObjectWhereHapiFails(tokens, t);
                } else if (t == JsonToken.START_OBJECT) {
                    notAListWhereHapiFails(tokens);
                }
            }
            if (tokens.nextToken() != null) {
                throw new StreamReadException(tokens, "trailing content after the JSON value");
            }
            if (resourceType == null) {
                return Optional.of("it has no resourceType");
            }
            String type = resourceType;
            if (context.getResourceTypes().stream().noneMatch(type::equals)) {
                return Optional.of("resourceType '" + shorten(type) + "' is not an R4 resource type");
            }
            return Optional.empty();
        }
    }

    /**
     * A value HAPI's parser does not survive where FHIR has an object (it stops with a NullPointerException,
     * which the import could only answer with "the bundle could not be read", naming nothing): an entry's
     * {@code resource} given as null, text, a number or true/false (or a list holding one), an extension list given as text, a number or true/false,
     * or an element of an extension list that is not an object. A null in a list of primitives ({@code "given": ["Dana", null]}, aligned with
     * {@code _given}) is FHIR's own and is left to the parser.
     */
    private static void notAnObjectWhereHapiFails(JsonParser tokens, JsonToken t) {
        TokenStreamContext here = tokens.streamReadContext();
        // a list opened here is the value's own context: where it stands is its parent's
        TokenStreamContext holder = t == JsonToken.START_ARRAY ? here.getParent() : here;
        if (holder == null) {
            return;
        }
        String what = t == JsonToken.VALUE_NULL ? "is null" : "is not an object";
        if (t != JsonToken.START_ARRAY && holder.inObject() && "resource".equals(holder.currentName())
                && named(holder.getParent(), "entry")) {
            throw new InputException(path(holder), what + ", where an entry's resource is a FHIR resource (an object)");
        }
        // HAPI reads a list of objects there as its first object, but stops on a null or a scalar in it
        if (t != JsonToken.START_ARRAY && holder.inArray() && named(holder, "resource")
                && named(holder.getParent().getParent(), "entry")) {
            throw new InputException(path(holder), what + ", where an entry's resource is a FHIR resource (an object)");
        }
        if (holder.inArray() && (named(holder, "extension") || named(holder, "modifierExtension"))) {
            throw new InputException(path(holder), what + ", where an extension is an object with a url");
        }
        // a null list HAPI reads as no extensions; text, a number or true/false it misreads as the resource's type
        if (t != JsonToken.START_ARRAY && t != JsonToken.VALUE_NULL && holder.inObject()
                && ("extension".equals(holder.currentName()) || "modifierExtension".equals(holder.currentName()))) {
            throw new InputException(path(holder), "is not a list, where extensions are a list of objects with a url");
        }
    }

    /**
     * The resourceType of a resource inside the bundle (an entry's, a contained one's) that HAPI cannot place: it
     * stopped the whole parse, and the answer named the bundle's own {@code resourceType}, not the entry.
     */
    private void notAResourceType(JsonParser tokens, JsonToken t) {
        if (t != JsonToken.VALUE_STRING) {
            // a list or an object is named by the context it opens; its holder is where the member stands
            TokenStreamContext at = t.isStructStart() ? tokens.streamReadContext().getParent() : tokens.streamReadContext();
            throw new InputException(path(at),
                    "is not text, where a resourceType names an R4 resource type (Patient, Claim, …)");
        }
        String type = tokens.getString();
        if (context.getResourceTypes().stream().noneMatch(type::equals)) {
            throw new InputException(path(tokens), "'" + shorten(type) + "' is not an R4 resource type "
                    + "(they are spelled as in FHIR: Patient, Claim, …)");
        }
    }

    /** An object where FHIR has a list of extensions: HAPI stops on it, naming nothing. */
    private static void notAListWhereHapiFails(JsonParser tokens) {
        TokenStreamContext holder = tokens.streamReadContext().getParent();
        if (holder != null && holder.inObject()
                && ("extension".equals(holder.currentName()) || "modifierExtension".equals(holder.currentName()))) {
            throw new InputException(path(holder), "is not a list, where extensions are a list of objects with a url");
        }
    }

    /**
     * Whether {@code list} is a JSON array that is the value of a member called {@code name} (an
     * element of {@code entry}, not a TestScript's {@code resource} code, which is text by right).
     */
    private static boolean named(TokenStreamContext list, String name) {
        TokenStreamContext owner = list == null ? null : list.getParent();
        return list != null && list.inArray() && owner != null && owner.inObject() && name.equals(owner.currentName());
    }

    private static boolean huge(BigDecimal v) {
        return Math.abs((long) v.scale()) > MAX_DIGITS || (long) v.precision() - v.scale() > MAX_DIGITS;
    }

    /** The number's place as the API names fields: {@code entry[1].resource.valueQuantity.value}. */
    private static String path(JsonParser tokens) {
        return path(tokens.streamReadContext());
    }

    private static String path(TokenStreamContext at) {
        StringBuilder b = new StringBuilder();
        for (String step : at.pathAsPointer().toString().split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            b.append(step.chars().allMatch(Character::isDigit) ? "[" + step + "]" : (b.length() == 0 ? "" : ".") + step);
        }
        return b.toString();
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
