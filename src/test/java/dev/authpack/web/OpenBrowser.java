package dev.authpack.web;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts a {@link Browser} on the test's running server into the test's one {@code Browser} field before
 * each test, and gives it back, emptied, afterwards ({@link Browser#take}, {@link Browser#giveBack}): the
 * set-up every browser test repeated. Without Chromium the test is skipped with a message, as
 * {@link Browser#open} says.
 */
final class OpenBrowser implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        int port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        browserField(context).set(context.getRequiredTestInstance(), Browser.take(port));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IllegalAccessException {
        Field field = browserField(context);
        Browser browser = (Browser) field.get(context.getRequiredTestInstance());
        if (browser != null) {
            browser.giveBack();
            field.set(context.getRequiredTestInstance(), null);
        }
    }

    private static Field browserField(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        Field field = Arrays.stream(type.getDeclaredFields()).filter(f -> f.getType() == Browser.class).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no Browser field"));
        field.setAccessible(true);
        return field;
    }
}
