package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * docs/deploy.md promises that every setting is in application.properties, with a comment: every
 * {@code authpack.*} name the code reads ({@code @Value}, {@code @Scheduled}, a property name constant,
 * a {@code @ConfigurationProperties} record's components) must appear there, set or commented out.
 */
class SettingsDocumentedTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern READ = Pattern.compile("\\$\\{(authpack\\.[a-z0-9.-]+)[:}]|\"(authpack\\.[a-z0-9.-]+)\"");
    private static final Pattern BOUND = Pattern.compile("@ConfigurationProperties\\((?:prefix = )?\"(authpack\\.[a-z0-9.-]+)\"\\)");

    @Test
    void everySettingTheCodeReadsIsInApplicationProperties() throws Exception {
        Set<String> listed = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .map(line -> line.replaceFirst("^#", ""))
                .filter(line -> line.startsWith("authpack.") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .collect(Collectors.toSet());

        Set<String> read = settingsReadByTheCode();
        assertThat(read).as("the scan finds the settings").contains("authpack.fhir.max-bundle-bytes",
                "authpack.bootstrap.admin-password", "authpack.requests.concurrency", "authpack.templates.dir");
        assertThat(read.stream().filter(name -> !listed.contains(name)))
                .as("settings the code reads but application.properties does not list").isEmpty();
    }

    static Set<String> settingsReadByTheCode() throws IOException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher m = READ.matcher(code);
                while (m.find()) {
                    names.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
                Matcher prefix = BOUND.matcher(code);
                if (prefix.find()) {
                    names.remove(prefix.group(1)); // the prefix itself, matched as a quoted name above
                    names.addAll(bound(file));
                }
            }
        }
        return names;
    }

    /** The settings a {@code @ConfigurationProperties} record binds: prefix plus each component, kebab-case. */
    private static Set<String> bound(Path file) throws ClassNotFoundException {
        String className = SOURCES.relativize(file).toString().replace(".java", "").replace('/', '.');
        Class<?> type = Class.forName(className);
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
        return Arrays.stream(type.getRecordComponents())
                .map(c -> prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase())
                .collect(Collectors.toSet());
    }
}
