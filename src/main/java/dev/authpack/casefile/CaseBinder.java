package dev.authpack.casefile;

import dev.authpack.core.CalendarDates;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.Icd10Code;
import dev.authpack.core.Money;
import dev.authpack.core.Npi;
import dev.authpack.core.Tin;
import dev.authpack.core.TypedIdentifier;
import dev.authpack.core.TypedText;
import dev.authpack.core.WholeNumbers;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Binds a JSON tree to {@link CaseData}, collecting every shape problem (wrong type, unknown member,
 * unknown enum value, unparseable date, null array element) with its JSON path instead of stopping
 * at the first, so a billing clerk sees all of them at once. The records are the schema: a new
 * component in a record is a new accepted member.
 *
 * <p>A merely missing value (absent member, {@code null}, empty string) binds to {@code null}:
 * drafts save and the completeness report names what is missing.
 */
public final class CaseBinder {

    /**
     * JSON from the API is strict about types; the web form sends every value as text. STORED is a
     * case as Authpack saved it: read as JSON, but without the value rules added since (the range of
     * dates), so a case saved before a rule still opens, and its next save names what to fix.
     */
    public enum Source { JSON, FORM, STORED }

    /**
     * Members a PUT may echo back from a GET; only {@code version} is read (by the caller). The
     * lifecycle's {@code authorization} and {@code previousCaseId} are read-only and ignored too.
     */
    private static final Set<String> ECHOED_MEMBERS = Set.of("id", "version", "status", "complete", "createdAt",
            "updatedAt", "authorization", "previousCaseId");
    private static final BigDecimal MONEY_MAX = new BigDecimal("99999999.99");
    /** More than any dose in mg or percentage needs (37.5 mg, 12.25 %). */
    private static final int MAX_DECIMALS = 4;

    private static final Map<Class<?>, Function<String, ?>> VALUE_TYPES = Map.of(
            Npi.class, Npi::of,
            Icd10Code.class, Icd10Code::of,
            Tin.class, Tin::of);

    /** The case's text members that a payer keys into its own system ({@link TypedIdentifier}). */
    private static final Set<String> IDENTIFIERS = Set.of("patient.memberId", "patient.groupNumber",
            "prescriber.phone", "prescriber.fax");

    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /**
     * A billing line's code: HCPCS and CPT codes are upper case, and payers' systems (and FHIR, whose
     * codes are case-sensitive) do not know "g2083". Upper-casing loses nothing, so stored cases get it too.
     */
    private static final Pattern BILLING_CODE = Pattern.compile("request\\.lines\\[\\d+]\\.code");

    private final Source source;

    public CaseBinder(Source source) {
        this.source = source;
    }

    /** {@code positions} turns a path into the bound data (Bean Validation's) into the JSON path the client wrote. */
    public record Result(CaseData data, List<FieldProblem> problems, ListPositions positions) {
    }

    public Result bind(JsonNode root) {
        List<FieldProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add(new FieldProblem("", "the case must be a JSON object"));
            return new Result(null, problems, new ListPositions());
        }
        ListPositions positions = new ListPositions();
        CaseData data = (CaseData) readRecord(root, CaseData.class, "", problems, ECHOED_MEMBERS, positions);
        return new Result(data, problems, positions);
    }

    private Object read(JsonNode node, Type type, String path, List<FieldProblem> problems, ListPositions positions) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return readList(node, list.getActualTypeArguments()[0], path, problems, positions);
        }
        if (isMissing(node)) {
            return null;
        }
        Class<?> cls = (Class<?>) type;
        try {
            if (cls.isRecord() && !VALUE_TYPES.containsKey(cls) && cls != Money.class) {
                if (!node.isObject()) {
                    return problem(problems, path, "must be an object");
                }
                return readRecord(node, cls, path, problems, Set.of(), positions);
            }
            return readScalar(node, cls, path, problems);
        } catch (IllegalArgumentException e) {
            return problem(problems, path, e.getMessage());
        }
    }

    private Object readRecord(JsonNode node, Class<?> cls, String path, List<FieldProblem> problems,
                              Set<String> tolerated, ListPositions positions) {
        RecordComponent[] components = cls.getRecordComponents();
        Set<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (String name : node.propertyNames()) {
            if (!known.contains(name) && !tolerated.contains(name)) {
                problems.add(new FieldProblem(join(path, name), "is not a member of the case format"));
            }
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            values[i] = read(node.get(c.getName()), c.getGenericType(), join(path, c.getName()), problems, positions);
        }
        return construct(cls, components, values);
    }

    private List<Object> readList(JsonNode node, Type elementType, String path, List<FieldProblem> problems,
                                  ListPositions positions) {
        if (isMissing(node)) {
            return List.of();
        }
        boolean scalars = elementType instanceof Class<?> c && c.isEnum();
        if (scalars && source == Source.FORM && node.isString()) {
            return readChoices(node.stringValue(), (Class<?>) elementType, path, problems);
        }
        if (!node.isArray()) {
            problem(problems, path, "must be a list");
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode element = node.get(i);
            if (element == null || element.isNull()) {
                problems.add(new FieldProblem(at, "must not be null"));
                continue;
            }
            if (scalars) {
                Object value = enumValue(element, (Class<?>) elementType, at, problems);
                if (value != null) {
                    out.add(value);
                    kept.add(i);
                }
                continue;
            }
            if (!element.isObject()) {
                problems.add(new FieldProblem(at, "must be an object"));
                continue;
            }
            Object value = read(element, elementType, at, problems, positions);
            if (value != null) {
                out.add(value);
                kept.add(i);
            }
        }
        positions.record(path, kept, node.size());
        return out;
    }

    /** The form sends a multiple choice as one comma-separated text (its checkboxes joined). */
    private List<Object> readChoices(String text, Class<?> type, String path, List<FieldProblem> problems) {
        List<Object> out = new ArrayList<>();
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                Object value = enumValue(tools.jackson.databind.node.JsonNodeFactory.instance.textNode(parts[i]),
                        type, path + "[" + i + "]", problems);
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    private Object readScalar(JsonNode node, Class<?> cls, String path, List<FieldProblem> problems) {
        if (cls == String.class) {
            String s = text(node, path, problems);
            if (s != null && BILLING_CODE.matcher(path).matches()) {
                return s.toUpperCase(Locale.ROOT);
            }
            return s == null || source == Source.STORED || !IDENTIFIERS.contains(path) ? s : identifier(s, path, problems);
        }
        if (cls == LocalDate.class) {
            String s = text(node, path, problems);
            LocalDate date;
            try {
                date = s == null ? null : LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                // "2025-02-30" is written right but names no day: saying how to write it would mislead
                return problem(problems, path, ISO_SHAPE.matcher(s).matches()
                        ? "is not a day of the calendar (" + s + "): check the day and the month"
                        : "must be a date written YYYY-MM-DD");
            }
            return date == null || source == Source.STORED || CalendarDates.accepted(date) ? date
                    : problem(problems, path, CalendarDates.outOfRange());
        }
        if (cls.isEnum()) {
            return enumValue(node, cls, path, problems);
        }
        if (VALUE_TYPES.containsKey(cls)) {
            String s = text(node, path, problems);
            return s == null ? null : VALUE_TYPES.get(cls).apply(s);
        }
        if (cls == Boolean.class) {
            return bool(node, path, problems);
        }
        BigDecimal number = number(node, path, cls == Integer.class, problems);
        if (number == null) {
            return null;
        }
        if (cls == Integer.class) {
            return integer(number, path, problems);
        }
        if (cls == Money.class) {
            return money(number, path, problems);
        }
        return decimal(number, path, problems);
    }

    private String text(JsonNode node, String path, List<FieldProblem> problems) {
        if (!node.isString()) {
            return (String) problem(problems, path, "must be text");
        }
        String s = node.stringValue().strip();
        if (s.isEmpty()) {
            return null;
        }
        if (source == Source.STORED) {
            return s; // checked when it was saved, by the rules of that day: a rule added since must not lock it away
        }
        if (!TypedText.isTypeable(s)) {
            return (String) problem(problems, path, TypedText.PROBLEM);
        }
        return TypedText.stored(s);
    }

    /** An identifier a payer keys in, written in the plain characters it looks like ({@link TypedIdentifier}). */
    private static String identifier(String s, String path, List<FieldProblem> problems) {
        return TypedIdentifier.of(s).orElseGet(() -> (String) problem(problems, path, TypedIdentifier.PROBLEM));
    }

    private Object enumValue(JsonNode node, Class<?> cls, String path, List<FieldProblem> problems) {
        String s = text(node, path, problems);
        if (s == null) {
            return null;
        }
        for (Object constant : cls.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(s)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(cls.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        return problem(problems, path, "must be one of: " + allowed);
    }

    private Boolean bool(JsonNode node, String path, List<FieldProblem> problems) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (source == Source.FORM && node.isString()) {
            // blank text never gets here: read() takes it for a missing value
            String s = node.stringValue().strip();
            if (s.equals("true") || s.equals("on") || s.equals("false")) {
                return !s.equals("false");
            }
        }
        return (Boolean) problem(problems, path, "must be true or false");
    }

    /** Typed text that is no number at all is told what the field takes: a whole number, or any number. */
    private BigDecimal number(JsonNode node, String path, boolean whole, List<FieldProblem> problems) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (source == Source.FORM && node.isString()) {
            String s = node.stringValue().strip().replace(",", "");
            if (s.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return (BigDecimal) problem(problems, path, whole ? "must be a whole number" : "must be a number");
            }
        }
        return (BigDecimal) problem(problems, path, "must be a number");
    }

    private Integer integer(BigDecimal number, String path, List<FieldProblem> problems) {
        if (!WholeNumbers.isWhole(number)) {
            return (Integer) problem(problems, path, "must be a whole number");
        }
        OptionalInt value = WholeNumbers.of(number);
        return value.isPresent() ? Integer.valueOf(value.getAsInt()) : (Integer) problem(problems, path, "is far too large");
    }

    /**
     * Doses and percentages. Their ranges are Bean Validation's, but a range check lets 1e-999999999
     * through, and writing that out on a page or in a packet takes a billion digits: the digits are
     * bounded here, where the value is read.
     */
    private BigDecimal decimal(BigDecimal number, String path, List<FieldProblem> problems) {
        BigDecimal n = number.stripTrailingZeros();
        if (n.scale() > MAX_DECIMALS) {
            return (BigDecimal) problem(problems, path, "must have at most " + MAX_DECIMALS + " decimals");
        }
        if (n.precision() - n.scale() > 12) {
            return (BigDecimal) problem(problems, path, "is far too large");
        }
        return number.scale() > MAX_DECIMALS ? n : number;
    }

    private Money money(BigDecimal number, String path, List<FieldProblem> problems) {
        if (number.stripTrailingZeros().scale() > 2) {
            return (Money) problem(problems, path, "must have at most 2 decimals");
        }
        if (number.signum() < 0) {
            return (Money) problem(problems, path, "must be 0 or more");
        }
        if (number.compareTo(MONEY_MAX) > 0) {
            return (Money) problem(problems, path, "must be at most " + MONEY_MAX.toPlainString());
        }
        return Money.of(number);
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isString() && node.stringValue().isBlank();
    }

    private static Object problem(List<FieldProblem> problems, String path, String message) {
        problems.add(new FieldProblem(path, message));
        return null;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Object construct(Class<?> cls, RecordComponent[] components, Object[] values) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = cls.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + cls.getSimpleName(), e);
        }
    }
}
