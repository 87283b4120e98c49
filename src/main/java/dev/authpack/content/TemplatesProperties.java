package dev.authpack.content;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the editable business data lives (policies, drug catalog, codes, fee schedules, document
 * templates). Relative paths resolve against the working directory, which is the project root for
 * {@code mvn} and for tests. Public so every feature that reads {@code templates/} shares one setting.
 */
@ConfigurationProperties(prefix = "authpack.templates")
public record TemplatesProperties(Path dir) {

    public TemplatesProperties {
        dir = dir == null ? Path.of("templates") : dir;
    }

    /**
     * Binds the setting as text: Spring's own String-to-Path conversion looks on the classpath
     * first, and {@code templates} there is the web UI's Thymeleaf folder, not this one.
     */
    @ConstructorBinding
    public TemplatesProperties(@DefaultValue("templates") String dir) {
        this(Path.of(dir == null || dir.isBlank() ? "templates" : dir.strip()));
    }

    /** A file or folder inside the templates folder, e.g. {@code resolve("policies")}. */
    public Path resolve(String relative) {
        return dir.resolve(relative);
    }
}
