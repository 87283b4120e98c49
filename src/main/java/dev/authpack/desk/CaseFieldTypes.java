package dev.authpack.desk;

import dev.authpack.casefile.CaseData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * The type the case model gives a form field, found by walking its path ({@code assessments[0].instrument})
 * through the records of {@link CaseData}: the form's flat values are text, and a choice is worded by
 * its enum's labels.
 */
final class CaseFieldTypes {

    private CaseFieldTypes() {
    }

    /** The enum a field holds, if it holds one; empty for text, numbers, dates and unknown paths. */
    static Optional<Class<?>> enumAt(String path) {
        Type type = CaseData.class;
        for (String part : path.replaceAll("\\[\\d+\\]", "").split("\\.")) {
            Class<?> owner = raw(type);
            if (owner == null || !owner.isRecord()) {
                return Optional.empty();
            }
            Type next = null;
            for (RecordComponent c : owner.getRecordComponents()) {
                if (c.getName().equals(part)) {
                    next = c.getGenericType();
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            type = elementOf(next);
        }
        Class<?> found = raw(type);
        return found != null && found.isEnum() ? Optional.of(found) : Optional.empty();
    }

    /** A list's element type (the form numbers list rows); anything else as it is. */
    private static Type elementOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
