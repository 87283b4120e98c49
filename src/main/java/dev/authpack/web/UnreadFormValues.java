package dev.authpack.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A form value that does not bind (a boolean sent as "maybe", a file sent for a text field): back to the form's page
 * ({@link FormOnPage}) with one sentence naming the field and what it must be, in the flash {@code unreadValue} that
 * the layout's flash fragment shows on every page.
 * Binding fails before the handler runs, so nothing was done and nothing saved is touched. One rule for every page
 * form, where each once needed its own hand-read parameter or showed "Something went wrong".
 */
final class UnreadFormValues {

    static final String FLASH = "unreadValue";

    private final MessageSource messages;

    UnreadFormValues(MessageSource messages) {
        this.messages = messages;
    }

    /** The redirect to the form's page, or empty when the handler names none (then the 400 page stands). */
    Optional<ModelAndView> backToPage(HandlerMethod handler, String name, MethodParameter parameter, Object value,
                                      HttpServletRequest request) {
        FormOnPage page = handler == null ? null : handler.getMethodAnnotation(FormOnPage.class);
        if (page == null) {
            return Optional.empty();
        }
        Locale locale = LocaleContextHolder.getLocale();
        String field = messages.getMessage("page.field." + name, null,
                messages.getMessage("page.field", new Object[] {name}, locale), locale);
        String takes = messages.getMessage("page.takes." + name, null, expected(parameter, value, locale), locale);
        RequestContextUtils.getOutputFlashMap(request).put(FLASH,
                messages.getMessage("page.unreadValue", new Object[] {field, takes}, locale));
        RedirectView back = new RedirectView(address(page.value(), request), true);
        back.setExposeModelAttributes(false);
        return Optional.of(new ModelAndView(back));
    }

    /** Variables encoded strictly: a path variable can add a path segment, never another host or a query. */
    private static String address(String template, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return UriComponentsBuilder.fromUriString(template).encode()
                .buildAndExpand(variables == null ? Map.of() : variables).toUriString();
    }

    /**
     * What the field takes, said from the parameter's type; a field whose control sends other words than the type's
     * (the attachment arrows' "up" for {@code UP}) says them in the bundle as {@code page.takes.<name>}.
     */
    private String expected(MethodParameter parameter, Object value, Locale locale) {
        Class<?> type = parameter.getNestedParameterType();
        String key;
        Object[] args = null;
        if (value instanceof MultipartFile || value instanceof jakarta.servlet.http.Part) {
            key = "page.expected.text";
        } else if (type == boolean.class || type == Boolean.class) {
            key = "page.expected.boolean";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            key = "page.expected.wholeNumber";
        } else if (type == LocalDate.class) {
            key = "page.expected.date";
        } else if (type == UUID.class) {
            key = "page.expected.id";
        } else if (type.isEnum()) {
            key = "page.expected.oneOf";
            args = new Object[] {Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "))};
        } else {
            key = "page.expected.other";
        }
        return messages.getMessage(key, args, locale);
    }
}
