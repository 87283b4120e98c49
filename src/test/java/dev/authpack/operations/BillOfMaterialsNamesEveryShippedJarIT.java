package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An auditor or an operator asking "does our jar contain the library in this advisory?" reads the bill of
 * materials inside the jar (docs/deploy.md, "What is in a jar"). That answer is only worth something when
 * every library in {@code BOOT-INF/lib} is named in it, so this reads both out of the packaged jar.
 */
class BillOfMaterialsNamesEveryShippedJarIT {

    /** Added by spring-boot-maven-plugin for {@code -Djarmode=tools}; it is not a dependency, so not in the bill. */
    private static final String LAUNCHER_TOOLS = "spring-boot-jarmode-tools-";

    private static final Pattern PURL = Pattern.compile("pkg:maven/[^/]+/([^@]+)@([^?]+)(?:\\?(.*))?");

    @Test
    void everyLibraryInTheJarIsNamedInTheBillOfMaterialsTheJarCarries() throws IOException {
        Path jar = Path.of(System.getProperty("launch.jar", "target/authpack-0.1.0-SNAPSHOT.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            String location = file.getManifest().getMainAttributes().getValue("Sbom-Location");
            assertThat(location).as("Sbom-Location in the manifest (cyclonedx-maven-plugin ran online)").isNotNull();
            JsonNode bom;
            try (var in = file.getInputStream(file.getEntry(location))) {
                bom = JsonMapper.builder().build().readTree(in);
            }

            Set<String> named = new TreeSet<>();
            bom.path("components").forEach(component -> named.add(jarNameOf(component.path("purl").asString())));
            Set<String> shipped = new TreeSet<>();
            file.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .filter(name -> !name.startsWith(LAUNCHER_TOOLS))
                    .forEach(shipped::add);

            assertThat(shipped).as("libraries in BOOT-INF/lib").hasSizeGreaterThan(100);
            assertThat(shipped).as("libraries the jar ships that its bill of materials does not name")
                    .isSubsetOf(named);
        }
    }

    /** {@code pkg:maven/org.xmlresolver/xmlresolver@5.2.1?classifier=data&type=jar} → xmlresolver-5.2.1-data.jar */
    static String jarNameOf(String purl) {
        Matcher m = PURL.matcher(purl);
        if (!m.matches()) {
            return purl;
        }
        String classifier = "";
        if (m.group(3) != null) {
            for (String qualifier : m.group(3).split("&")) {
                if (qualifier.startsWith("classifier=")) {
                    classifier = "-" + qualifier.substring("classifier=".length());
                }
            }
        }
        return m.group(1) + "-" + m.group(2) + classifier + ".jar";
    }
}
