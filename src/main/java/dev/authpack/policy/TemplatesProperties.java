package dev.authpack.policy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the editable business data lives (policies, drug catalog, codes, fee schedules, document
 * templates). Relative paths resolve against the working directory, which is the project root for
 * {@code mvn} and for tests. Public so every feature that reads {@code templates/} shares one setting.
 */
@ConfigurationProperties(prefix = "authpack.templates")
public record TemplatesProperties(@DefaultValue("templates") Path dir) {

    public TemplatesProperties {
        dir = dir == null ? Path.of("templates") : dir;
    }

    /** A file or folder inside the templates folder, e.g. {@code resolve("policies")}. */
    public Path resolve(String relative) {
        return dir.resolve(relative);
    }
}
