package dev.authpack.content;

import dev.authpack.core.Icd10Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads admin-edited YAML strictly: unknown keys, duplicate keys, fractions where whole numbers
 * belong and unknown enum values are errors, reported as {@link TemplateException} with the file
 * and the key. Shared by every feature that keeps data in {@code templates/}.
 */
public final class YamlTemplates {

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("authpack-values").addDeserializer(Icd10Code.class, new CodeReader()))
            .build();

    private YamlTemplates() {
    }

    /** Binds one file; a missing, empty or invalid file is a {@link TemplateException} naming it. */
    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(file, "file not found");
        }
        T value;
        try {
            value = MAPPER.readValue(file.toFile(), type);
        } catch (JacksonException e) {
            throw new TemplateException(file, describe(e), e);
        }
        if (value == null) {
            throw new TemplateException(file, "file is empty");
        }
        return value;
    }

    /**
     * Binds YAML text that is not a file yet (an uploaded policy) as strictly as {@link #read};
     * problems name {@code name} the way they would name a file.
     */
    public static <T> T readText(Path name, String text, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(text, type);
        } catch (JacksonException e) {
            throw new TemplateException(name, describe(e), e);
        }
        if (value == null) {
            throw new TemplateException(name, "file is empty");
        }
        return value;
    }

    /** The {@code .yaml}/{@code .yml} files of a folder, sorted by name so loading is repeatable. */
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

    static String describe(JacksonException e) {
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown key '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            what = "unknown value '" + f.getValue() + "', expected one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException f) {
            what = "bad value '" + f.getValue() + "' (expected " + kind(f.getTargetType()) + ")";
        } else if (e instanceof StreamReadException && !(e instanceof DatabindException)) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            var duplicate = java.util.regex.Pattern.compile("Duplicate Object property \"(.*)\"").matcher(original);
            what = duplicate.find() ? "key '" + duplicate.group(1) + "' is written twice"
                    : "not valid YAML: " + original.replaceAll("\\s+", " ");
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            what = e.getCause().getMessage();
        } else {
            what = e.getOriginalMessage();
        }
        String where = path(e);
        var location = e.getLocation();
        String line = location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
        return (where.isEmpty() ? what : "at " + where + ": " + what) + line;
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
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        return Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number" : type.getSimpleName();
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
            String text = p.getValueAsString();
            try {
                return Icd10Code.of(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, "bad ICD-10-CM code", text, Icd10Code.class);
            }
        }
    }
}
