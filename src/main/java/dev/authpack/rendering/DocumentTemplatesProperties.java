package dev.authpack.rendering;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the editable business content lives ({@code authpack.templates.dir}); documents read
 * {@code <dir>/documents/}. Binds the same property as the policy feature's settings.
 */
@ConfigurationProperties("authpack.templates")
record DocumentTemplatesProperties(Path dir) {

    /**
     * Binds the setting as text: Spring's String-to-Path conversion tries the classpath first, where
     * {@code templates} is the web UI's Thymeleaf folder rather than the working directory's.
     */
    @ConstructorBinding
    DocumentTemplatesProperties(@DefaultValue("templates") String dir) {
        this(Path.of(dir == null || dir.isBlank() ? "templates" : dir.strip()));
    }
}
