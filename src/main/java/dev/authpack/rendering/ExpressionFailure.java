package dev.authpack.rendering;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplateException.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.expression.spel.SpelEvaluationException;
import org.springframework.expression.spel.SpelMessage;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * A template expression that failed while a document was filled, told as the administrator who wrote it
 * needs it: the file (the fragment's own file when the expression is in one), the expression as written,
 * the name it used that is not there and the names that are, and the line. Thymeleaf's own message names
 * Java classes ({@code EstimateView$Totals}) and SpEL message codes.
 */
final class ExpressionFailure {

    /** Thymeleaf's wording: {@code Exception evaluating SpringEL expression: "vm.totals.totl" (template: ...}. */
    private static final Pattern EXPRESSION = Pattern.compile("expression: \"(.*?)\" \\(template: ");

    private ExpressionFailure() {
    }

    static TemplateException of(Path folder, String template, TemplateProcessingException e) {
        String name = e.getTemplateName() != null ? e.getTemplateName() : template;
        Path file = folder.resolve(name + ".html");
        int line = e.getLine() != null ? e.getLine() : 0;
        Matcher m = EXPRESSION.matcher(String.valueOf(e.getMessage()));
        String expression = m.find() ? "${" + m.group(1) + "}" : null;
        String what = expression == null ? "an expression" : "the expression " + expression;
        SpelEvaluationException spel = spelCause(e);
        return new TemplateException(file, List.of(new Problem("", what + " cannot be filled: " + reason(spel, e), line)), e);
    }

    private static String reason(SpelEvaluationException spel, TemplateProcessingException e) {
        if (spel == null) {
            return withoutTemplate(e.getMessage());
        }
        Object[] inserts = spel.getInserts() == null ? new Object[0] : spel.getInserts();
        String named = inserts.length > 0 ? String.valueOf(inserts[0]) : "?";
        SpelMessage code = spel.getMessageCode();
        if (code == SpelMessage.PROPERTY_OR_FIELD_NOT_READABLE) {
            return "there is no value '" + named + "' there" + valuesOf(inserts.length > 1 ? inserts[1] : null);
        }
        if (code == SpelMessage.METHOD_NOT_FOUND) {
            return "there is no method " + named + " there";
        }
        if (code == SpelMessage.PROPERTY_OR_FIELD_NOT_READABLE_ON_NULL || code == SpelMessage.METHOD_CALL_ON_NULL_OBJECT_NOT_ALLOWED) {
            return "it reads '" + named + "' of a value that is empty (guard it with th:if, or use ?. as in a?.b)";
        }
        return withoutTemplate(spel.getMessage());
    }

    /** The names a template may use on a value of that type: its record components ({@code (it has: allowed, charges, ...)}). */
    private static String valuesOf(Object typeName) {
        if (typeName == null) {
            return "";
        }
        try {
            Class<?> type = Class.forName(String.valueOf(typeName), false, ExpressionFailure.class.getClassLoader());
            if (!type.isRecord()) {
                return "";
            }
            return " (it has: " + Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).sorted()
                    .collect(Collectors.joining(", ")) + ")";
        } catch (ClassNotFoundException | LinkageError notOurs) {
            return "";
        }
    }

    private static SpelEvaluationException spelCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SpelEvaluationException spel) {
                return spel;
            }
        }
        return null;
    }

    /** Thymeleaf appends {@code (template: "x" - line 3, col 5)}: the report gives file and line itself. */
    private static String withoutTemplate(String message) {
        return String.valueOf(message).replaceFirst("\\s*\\(template: .*\\)\\s*$", "").replaceFirst("^EL\\d+E: ", "");
    }
}
