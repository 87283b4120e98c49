package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic runs the jar unchanged inside a closed service, so every library it ships must come under a
 * licence that allows that. The build writes the jar's bill of materials (cyclonedx-maven-plugin, configured
 * by Spring Boot's parent, at generate-resources); this reads it back and judges each component's licences.
 * A library that moves to a licence not accepted here (AGPL, SSPL, BUSL, a GPL without the classpath
 * exception, a name nobody recognises) stops the build until someone reads it and decides.
 */
class LicencesOfShippedLibrariesTest {

    static final Path BILL_OF_MATERIALS = Path.of("target/classes/META-INF/sbom/application.cdx.json");

    /** Names that POMs write instead of an SPDX id. */
    private static final Map<String, String> SPDX_BY_NAME = Map.of(
            "Apache Software License 2.0", "Apache-2.0",
            "The Apache Software License, Version 2.0", "Apache-2.0",
            "Apache License, Version 2.0", "Apache-2.0",
            "EPL 1.0", "EPL-1.0",
            "GNU General Public License, version 2 with the GNU Classpath Exception",
            "GPL-2.0-with-classpath-exception");

    /**
     * Permissive licences, and weak copyleft whose terms bind changes to the library itself: Authpack changes
     * none of them and ships each as its own jar inside BOOT-INF/lib, replaceable as LGPL asks.
     */
    private static final Set<String> ACCEPTED = Set.of(
            "Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "CC0-1.0", "Unicode-3.0",
            "EPL-1.0", "EPL-2.0", "MPL-2.0", "LGPL-2.1-only", "LGPL-2.1-or-later",
            "GPL-2.0-with-classpath-exception");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyShippedLibraryComesUnderALicenceThatAllowsUseInAClosedService() throws IOException {
        List<String> refused = new ArrayList<>();
        for (JsonNode component : components()) {
            List<String> declared = licencesOf(component);
            if (!judge(declared, licenceTextInItsJar(component))) {
                refused.add(coordinates(component) + " " + declared);
            }
        }
        assertThat(refused).as("shipped libraries under a licence nobody has accepted (see this class)").isEmpty();
    }

    @Test
    void theBillOfMaterialsNamesWhatRunsAndNothingOnlyTheTestsUse() throws IOException {
        List<String> names = components().stream().map(c -> c.path("group").asString() + ":" + c.path("name").asString())
                .toList();

        assertThat(names).contains("org.apache.pdfbox:pdfbox", "io.github.openhtmltopdf:openhtmltopdf-pdfbox",
                "com.h2database:h2", "org.postgresql:postgresql", "ca.uhn.hapi.fhir:hapi-fhir-structures-r4",
                "org.springframework.boot:spring-boot");
        assertThat(names).noneMatch(name -> name.startsWith("org.verapdf:") || name.startsWith("org.seleniumhq.")
                || name.startsWith("org.junit.") || name.startsWith("com.tngtech.archunit:")
                || name.startsWith("io.zonky.test:"));
    }

    /**
     * The rule itself, row by row: a choice of licences passes when one of them is accepted; a name nobody
     * mapped passes only when the jar's own licence text is the Apache License 2.0 (a POM of 2026 names a
     * "Broadcom Foundation License" while its jar carries the Apache text).
     */
    @ParameterizedTest(name = "{0} (jar text Apache 2.0: {1}) → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Apache-2.0                          | false | true
            EPL-2.0;LGPL-2.1-only               | false | true
            GPL-2.0-only                        | false | false
            GPL-2.0-only;EPL-2.0                | false | true
            AGPL-3.0-only                       | false | false
            AGPL-3.0-only                       | true  | false
            SSPL-1.0                            | false | false
            EPL 1.0                             | false | true
            Broadcom Foundation License         | false | false
            Broadcom Foundation License         | true  | true
            ''                                  | false | false
            """)
    void aComponentPassesWhenOneOfItsLicencesIsAccepted(String declared, boolean jarTextIsApache, boolean passes) {
        List<String> licences = declared.isEmpty() ? List.of() : List.of(declared.split(";"));
        Optional<String> text = jarTextIsApache
                ? Optional.of("Apache License\n Version 2.0, January 2004\n TERMS AND CONDITIONS")
                : Optional.empty();

        assertThat(judge(licences, text)).isEqualTo(passes);
    }

    static boolean judge(List<String> declared, Optional<String> textInJar) {
        for (String licence : declared) {
            String spdx = SPDX_BY_NAME.getOrDefault(licence, licence);
            if (ACCEPTED.contains(spdx)) {
                return true;
            }
        }
        boolean someUnrecognised = declared.stream().anyMatch(l -> !l.matches("[A-Za-z0-9.+-]+"));
        return someUnrecognised && textInJar.map(LicencesOfShippedLibrariesTest::isApache2).orElse(false);
    }

    private static boolean isApache2(String text) {
        return text.contains("Apache License") && text.contains("Version 2.0, January 2004");
    }

    static List<JsonNode> components() throws IOException {
        assertThat(BILL_OF_MATERIALS).as("written by cyclonedx-maven-plugin at generate-resources; it skips when"
                + " Maven runs offline (-o): run `mvn generate-resources` once online").exists();
        JsonNode bom = JSON.readTree(Files.readString(BILL_OF_MATERIALS));
        List<JsonNode> components = new ArrayList<>();
        bom.path("components").forEach(components::add);
        assertThat(components).as("components in the bill of materials").hasSizeGreaterThan(50);
        return components;
    }

    private static List<String> licencesOf(JsonNode component) {
        List<String> licences = new ArrayList<>();
        for (JsonNode choice : component.path("licenses")) {
            JsonNode licence = choice.path("license");
            if (licence.has("id")) {
                licences.add(licence.path("id").asString());
            } else if (licence.has("name")) {
                licences.add(licence.path("name").asString());
            } else if (choice.has("expression")) {
                Collections.addAll(licences, choice.path("expression").asString().split(" OR "));
            }
        }
        return licences;
    }

    /** The licence file inside the component's own jar on the test class path, when it has one. */
    private static Optional<String> licenceTextInItsJar(JsonNode component) throws IOException {
        String jar = "/" + component.path("name").asString() + "-" + component.path("version").asString() + ".jar!";
        for (String file : List.of("META-INF/LICENSE.txt", "META-INF/LICENSE")) {
            for (URL url : Collections.list(LicencesOfShippedLibrariesTest.class.getClassLoader().getResources(file))) {
                if (url.toString().contains(jar)) {
                    try (InputStream in = url.openStream()) {
                        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String coordinates(JsonNode component) {
        return component.path("group").asString() + ":" + component.path("name").asString() + ":"
                + component.path("version").asString();
    }
}
