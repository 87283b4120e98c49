package dev.authpack.rendering;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the editable business content lives ({@code authpack.templates.dir}); documents read
 * {@code <dir>/documents/}. Binds the same property as the policy feature's settings.
 */
@ConfigurationProperties("authpack.templates")
record DocumentTemplatesProperties(@DefaultValue("templates") Path dir) {
}
