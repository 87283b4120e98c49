package dev.authpack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The web pages' message bundle configured as Spring Boot configures the application's, from the same
 * properties, so a plain unit test reads the sentences a page prints without starting Spring.
 */
public final class WebMessages {

    private WebMessages() {
    }

    public static ResourceBundleMessageSource source() {
        Properties app = properties("/application.properties");
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(app.getProperty("spring.messages.basename", "messages").split("\\s*,\\s*"));
        source.setDefaultEncoding(app.getProperty("spring.messages.encoding", "UTF-8"));
        source.setAlwaysUseMessageFormat(alwaysUseMessageFormat());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    public static boolean alwaysUseMessageFormat() {
        return Boolean.parseBoolean(properties("/application.properties")
                .getProperty("spring.messages.always-use-message-format", "false"));
    }

    /** A properties file of the class path, read as UTF-8 (as Spring Boot reads the bundle). */
    public static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = WebMessages.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
