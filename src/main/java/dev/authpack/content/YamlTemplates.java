package dev.authpack.content;

import dev.authpack.content.TemplateException.Problem;
import dev.authpack.core.Icd10Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads admin-edited YAML strictly: unknown keys, duplicate keys, fractions where whole numbers
 * belong and unknown enum values are errors, reported as {@link TemplateException} with the file,
 * the key and its line. Shared by every feature that keeps data in {@code templates/}, and by the
 * policy upload, whose answer shows these messages to an administrator: they are sentences about
 * the file, never a Java class name or the YAML library's wording (docs/security.md).
 */
public final class YamlTemplates {

    // The keys a record accepts are asked of the binder itself (MAPPER._deserializationContext(), public
    // though underscored), so an error can name exactly what the binder would have read; a Jackson
    // upgrade that removes it fails the build, not a load.
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("authpack-values").addDeserializer(Icd10Code.class, new CodeReader()))
            .build();
    /** A key (or a path below the section) that a record's own check names first. */
    private static final Pattern LEADING_KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*)\\s");

    private YamlTemplates() {
    }

    /** Binds one file; a missing, empty or invalid file is a {@link TemplateException} naming it. */
    public static <T> T read(Path file, Class<T> type) {
        return parse(file, type, null).value();
    }

    /**
     * Like {@link #read}, keeping the file's outline so later checks can name a key's line too.
     * {@code what} says what the file holds, for the message when it holds something else
     * ("the file must hold one policy (a section of keys), found a list"); null for a generic one.
     */
    public static <T> Parsed<T> parse(Path file, Class<T> type, String what) {
        return parse(file, TemplateText.read(file), type, what);
    }

    /**
     * Binds YAML text that is not a file yet (an uploaded policy) as strictly as {@link #read}, keeping
     * the outline (see {@link #parse(Path, Class, String)}); problems name {@code name} the way they
     * would name a file.
     */
    public static <T> Parsed<T> parse(Path name, String text, Class<T> type, String what) {
        YamlOutline outline = YamlOutline.of(name, text, what);
        T value;
        try {
            value = MAPPER.readValue(text, type);
        } catch (JacksonException e) {
            throw new TemplateException(name, problems(e, outline, type), e);
        }
        if (value == null) {
            throw new TemplateException(name, "the file is empty");
        }
        return new Parsed<>(value, outline);
    }

    /** A bound file and where its keys are, for checks made after binding. */
    public static final class Parsed<T> {
        private final T value;
        private final YamlOutline outline;

        private Parsed(T value, YamlOutline outline) {
            this.value = value;
            this.outline = outline;
        }

        public T value() {
            return value;
        }

        /** The line of the key (or list entry) at {@code path}, else of the nearest section holding it; 0 if none. */
        public int line(String path) {
            return outline.lineNear(path);
        }

        /**
         * Whether the file writes the key at {@code path}, even with nothing after it: bound, such a
         * key is null like one left out, which an optional key's check may need to tell apart.
         */
        public boolean has(String path) {
            return outline.at(path) != null;
        }

        /** The single value written at {@code path} ({@code criteria.diagnosis.diagnoses[2]}), or null. */
        public String text(String path) {
            YamlOutline.Node node = outline.at(path);
            return node == null || node.text == null ? null : node.text;
        }
    }

    /** The folder's {@code .yaml}/{@code .yml} files, sorted by name so loading is repeatable. */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new TemplateException(folder, "folder not found");
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new TemplateException(folder, "cannot list the folder: " + e.getMessage(), e);
        }
    }

    /**
     * The binder's failure as problems an editor can act on. The binder reports an unknown key only
     * after the record around it is built (a record needs all its keys first), so on its own a
     * misspelt key that stands for a required one shows up as "... is required" at the section, and
     * an unknown key at the top at the end of the file. The keys the records do not have are
     * therefore looked up in the outline and listed first, each with its own line, before the failure.
     */
    static List<Problem> problems(JacksonException e, YamlOutline outline, Class<?> type) {
        List<Problem> problems = new ArrayList<>(unknownKeys(outline, type));
        Problem failure = describe(e, outline);
        boolean known = problems.stream().anyMatch(p -> p.key().equals(failure.key()));
        if (!(e instanceof UnrecognizedPropertyException && known)) {
            problems.add(failure);
        }
        return problems;
    }

    /** Every key of the file that its record does not have, in the order of the file. */
    static List<Problem> unknownKeys(YamlOutline outline, Class<?> type) {
        List<Problem> out = new ArrayList<>();
        try {
            DeserializationContext ctxt = MAPPER._deserializationContext();
            unknownKeys(ctxt, outline.root(), "", ctxt.constructType(type), out);
        } catch (JacksonException | IllegalArgumentException e) {
            // a type the binder cannot describe: its own failure is reported as it is
        }
        return out;
    }

    private static void unknownKeys(DeserializationContext ctxt, YamlOutline.Node node, String path, JavaType type,
                                    List<Problem> out) {
        if (node.kind == YamlOutline.Kind.LIST && (type.isCollectionLikeType() || type.isArrayType())) {
            for (int i = 0; i < node.items.size(); i++) {
                unknownKeys(ctxt, node.items.get(i), path + "[" + i + "]", type.getContentType(), out);
            }
            return;
        }
        if (node.kind != YamlOutline.Kind.SECTION || JsonNode.class.isAssignableFrom(type.getRawClass())) {
            return;
        }
        if (type.isMapLikeType()) {
            node.keys.forEach((key, child) -> unknownKeys(ctxt, child, YamlOutline.join(path, key),
                    type.getContentType(), out));
            return;
        }
        if (type.isContainerType() || !(ctxt.findRootValueDeserializer(type) instanceof BeanDeserializerBase bean)) {
            return;
        }
        node.keys.forEach((key, child) -> {
            SettableBeanProperty property = bean.findProperty(PropertyName.construct(key));
            String keyPath = YamlOutline.join(path, key);
            if (property == null) {
                out.add(new Problem(keyPath, "unknown key '" + key + "'", child.line));
            } else {
                unknownKeys(ctxt, child, keyPath, property.getType(), out);
            }
        });
    }

    /** One failure of the binder as a sentence naming the key and its line; never the binder's own words. */
    static Problem describe(JacksonException e, YamlOutline outline) {
        String where = path(e);
        YamlOutline.Node node = outline.at(where);
        if (e instanceof InvalidFormatException f && node != null && node.keys.containsKey(String.valueOf(f.getValue()))) {
            // a bad key of a section keyed by values (thresholds: {PHQ10: 15}): point at that key
            where = YamlOutline.join(where, String.valueOf(f.getValue()));
            node = outline.at(where);
        }
        String found = node == null ? "" : ", found " + node.found();
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown key '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            what = "unknown value '" + f.getValue() + "', expected one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException f) {
            what = "bad value '" + f.getValue() + "' (expected " + kind(f.getTargetType()) + ")";
        } else if (e instanceof InputCoercionException) {
            String number = node != null && node.text != null ? node.text : "the number";
            what = number + (number.startsWith("-") ? " is too small" : " is too large");
        } else if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException bad
                && bad.getMessage() != null && !(bad instanceof NumberFormatException)) {
            what = bad.getMessage();
            where = bad instanceof KeyedValueException keyed ? YamlOutline.join(where, keyed.key())
                    : keyNamedBy(what, where, v.getType(), outline);
        } else if (e instanceof ValueInstantiationException) {
            what = "these values cannot be used together";
        } else if (e instanceof MismatchedInputException m) {
            what = "expected " + kind(m.getTargetType()) + found;
        } else if (e instanceof StreamReadException) {
            what = "not valid YAML";
        } else {
            what = "this value cannot be read" + found;
        }
        return new Problem(where, what, outline.lineNear(where));
    }

    /**
     * A record's own check names the key it is about first ("reauthMinImprovementPct must be between
     * 0 and 100", "thresholds.PHQ9 must be ..."): the problem then points at that key, not only at
     * its section, when the record has such a key.
     */
    private static String keyNamedBy(String message, String section, JavaType type, YamlOutline outline) {
        Matcher named = LEADING_KEY.matcher(message);
        if (!named.find()) {
            return section;
        }
        String key = named.group(1);
        String first = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        boolean has = outline.at(YamlOutline.join(section, first)) != null;
        if (!has && type != null) {
            try {
                DeserializationContext ctxt = MAPPER._deserializationContext();
                has = ctxt.findRootValueDeserializer(type) instanceof BeanDeserializerBase bean
                        && bean.findProperty(PropertyName.construct(first)) != null;
            } catch (JacksonException | IllegalArgumentException ignored) {
                has = false;
            }
        }
        return has ? YamlOutline.join(section, key) : section;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Icd10Code.class) {
            return "an ICD-10-CM code such as F33.2";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == LocalDate.class) {
            return "a date such as 2027-01-31";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type)) {
            return "a section of keys";
        }
        List<String> keys = keysOf(type);
        return keys.isEmpty() ? "a single value" : "a section with the keys " + String.join(", ", keys);
    }

    /** The keys a record is written with, in the order it declares them. */
    private static List<String> keysOf(Class<?> type) {
        try {
            DeserializationContext ctxt = MAPPER._deserializationContext();
            if (ctxt.findRootValueDeserializer(ctxt.constructType(type)) instanceof BeanDeserializerBase bean) {
                List<String> keys = new ArrayList<>();
                bean.properties().forEachRemaining(p -> keys.add(p.getName()));
                return keys;
            }
        } catch (JacksonException | IllegalArgumentException ignored) {
            // described as a single value
        }
        return List.of();
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Codes in templates may be typed as clinics type them ({@code f332}); stored dotted. */
    private static final class CodeReader extends ValueDeserializer<Icd10Code> {
        @Override
        public Icd10Code deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.currentToken().isScalarValue()) {
                // a list or a section where a code belongs: say what was found, not "bad value 'null'"
                throw MismatchedInputException.from(p, Icd10Code.class, "expected an ICD-10-CM code");
            }
            String text = p.getValueAsString();
            try {
                return Icd10Code.of(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, "bad ICD-10-CM code", text, Icd10Code.class);
            }
        }
    }
}
