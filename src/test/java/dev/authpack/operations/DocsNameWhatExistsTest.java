package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documentation names settings, environment variables, tests, files and API calls that readers copy or
 * look for. After many sessions of changes some named what had been renamed or removed (session 24's docs
 * audit); this keeps each such name tied to something that exists. Plain file reading, no Spring context.
 * Dated measurements may name tests that have since been merged: {@link #FORMER_TESTS} lists those, and
 * checks they really are gone.
 */
class DocsNameWhatExistsTest {

    /** Test classes named in dated measurements (docs/testing.md) that were merged into ProcessEnds*IT since. */
    private static final Set<String> FORMER_TESTS = Set.of("GracefulShutdownIT", "PostgresKillRecoveryIT");
    /** Spring's own annotation, named where docs/testing.md says what to use instead. */
    private static final Set<String> NOT_OURS = Set.of("SpringBootTest");
    /** Environment variables of the test run and of tools/upgrade-check, not settings of the service. */
    // test switches, script variables, and Spring Security's session attribute for a failed sign-in
    private static final Set<String> NOT_SETTINGS = Set.of("AUTHPACK_REQUIRE_TEST_TOOLS", "AUTHPACK_PW",
            "AUTHPACK_SHARED", "SPRING_SECURITY_LAST_EXCEPTION");

    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern SETTING = Pattern.compile(
            "(?:authpack|spring|server|management|springdoc|logging)\\.[a-z0-9.-]*[a-z0-9*](?:=\\S*)?");
    /** A file name that merely starts like a setting: authpack.js, authpack.jar, data/authpack.mv.db. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(js|jar|jsa|db|crt|key|org|css)");
    private static final Pattern ENV = Pattern.compile("(?:AUTHPACK|SPRING|SERVER|MANAGEMENT)_[A-Z0-9_]*[A-Z0-9]");
    /** AuditTrailTest, *ApiTest, PacketBenchmark#merge, AuthenticationProbeTest.aLockedAccount… */
    private static final Pattern TEST = Pattern.compile(
            "\\*?\\b([A-Z][a-z][A-Za-z0-9]*(?:Test|IT|Benchmark))\\b(?:[#.](?!java\\b)([a-z]\\w*))?");
    private static final Pattern PATH = Pattern.compile("(?:src|docs|tools|templates|\\.ci)/[\\w./*{}-]*");
    /** dev.authpack.casefile.CaseBinder, or casefile.CaseBinder: checked when the package is one of ours. */
    private static final Pattern CLASS = Pattern.compile("(?<![\\w.])(?:dev\\.authpack\\.)?([a-z]+)\\.([A-Z]\\w*)");
    private static final Pattern CALL = Pattern.compile("\\b(GET|POST|PUT|DELETE|PATCH) `?(/[\\w/{}.-]*)");

    @Test
    void everySettingTheDocsNameIsOneTheServiceReads() throws Exception {
        Set<String> known = new HashSet<>(SettingsDocumentedTest.settingsReadByTheCode());
        known.addAll(propertiesFileKeys());
        known.addAll(springBootSettings());
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> doc : docs().entrySet()) {
            for (String line : doc.getValue()) {
                String previous = null;
                Matcher code = CODE.matcher(line);
                while (code.find()) {
                    String token = code.group(1).strip();
                    String name = null;
                    if (SETTING.matcher(token).matches() && !FILE_NAME.matcher(token).matches()) {
                        name = token.replaceFirst("=.*", "");
                    } else if (previous != null && token.matches("\\.[a-z0-9-]+")
                            && line.substring(0, code.start()).stripTrailing().endsWith("/")) {
                        name = previous.substring(0, previous.lastIndexOf('.')) + token; // `a.b.c` / `.d`
                    }
                    if (name == null) {
                        continue;
                    }
                    checked++;
                    previous = name;
                    if (!isKnown(name, known)) {
                        unknown.add(doc.getKey() + ": " + name);
                    }
                }
            }
        }
        assertThat(checked).as("the scan finds settings in the docs").isGreaterThan(50);
        assertThat(unknown).as("settings the docs name but the service does not read").isEmpty();
    }

    @Test
    void everyEnvironmentVariableTheDocsNameIsASetting() throws Exception {
        Set<String> known = new HashSet<>(SettingsDocumentedTest.settingsReadByTheCode());
        known.addAll(propertiesFileKeys());
        known.addAll(springBootSettings());
        Set<String> variables = new HashSet<>();
        for (String name : known) {
            // Spring's mapping: dots to underscores, dashes removed (canonical) or to underscores (also read)
            String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
            variables.add(upper.replace("-", ""));
            variables.add(upper.replace('-', '_'));
        }
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> doc : docs().entrySet()) {
            for (String line : doc.getValue()) {
                Matcher code = CODE.matcher(line);
                while (code.find()) {
                    String token = code.group(1).strip().replaceFirst("=.*", "");
                    if (!ENV.matcher(token).matches() || NOT_SETTINGS.contains(token)) {
                        continue;
                    }
                    checked++;
                    if (!variables.contains(token)) {
                        unknown.add(doc.getKey() + ": " + token);
                    }
                }
            }
        }
        assertThat(checked).as("the scan finds environment variables in the docs").isGreaterThan(20);
        assertThat(unknown).as("environment variables the docs name that set nothing").isEmpty();
    }

    @Test
    void everyTestTheDocsNameExists() throws Exception {
        Map<String, Path> tests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> tests.put(f.getFileName().toString().replace(".java", ""), f));
        }
        for (String former : FORMER_TESTS) {
            assertThat(tests).as("a former test name is kept only while no test has it").doesNotContainKey(former);
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> doc : docs().entrySet()) {
            for (String line : doc.getValue()) {
                Matcher m = TEST.matcher(line);
                while (m.find()) {
                    String name = m.group(1);
                    if (FORMER_TESTS.contains(name) || NOT_OURS.contains(name)) {
                        continue;
                    }
                    checked++;
                    if (m.group().startsWith("*")) { // a pattern: *ApiTest
                        if (tests.keySet().stream().noneMatch(t -> t.endsWith(name))) {
                            missing.add(doc.getKey() + ": *" + name);
                        }
                    } else if (!tests.containsKey(name)) {
                        missing.add(doc.getKey() + ": " + name);
                    } else if (m.group(2) != null
                            && !Files.readString(tests.get(name)).matches("(?s).*\\bvoid " + m.group(2) + "\\(.*")) {
                        missing.add(doc.getKey() + ": " + name + "#" + m.group(2));
                    }
                }
            }
        }
        assertThat(checked).as("the scan finds tests in the docs").isGreaterThan(100);
        assertThat(missing).as("tests the docs name that do not exist").isEmpty();
    }

    @Test
    void everyFileAndClassTheDocsNameExists() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> doc : docs().entrySet()) {
            for (String line : doc.getValue()) {
                Matcher code = CODE.matcher(line);
                while (code.find()) {
                    String token = code.group(1).strip();
                    if (PATH.matcher(token).matches()) {
                        checked++;
                        if (!pathExists(token)) {
                            missing.add(doc.getKey() + ": " + token);
                        }
                    }
                    Matcher type = CLASS.matcher(token);
                    while (type.find()) {
                        if (!Files.isDirectory(Path.of("src/main/java/dev/authpack", type.group(1)))
                                && !Files.isDirectory(Path.of("src/test/java/dev/authpack", type.group(1)))) {
                            continue; // java.time.Clock, org.h2.tools.Restore
                        }
                        checked++;
                        String file = type.group(1) + "/" + type.group(2) + ".java";
                        if (!Files.exists(Path.of("src/main/java/dev/authpack", file))
                                && !Files.exists(Path.of("src/test/java/dev/authpack", file))) {
                            missing.add(doc.getKey() + ": " + type.group());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("the scan finds paths in the docs").isGreaterThan(100);
        assertThat(missing).as("files and classes the docs name that do not exist").isEmpty();
    }

    @Test
    void everyApiCallTheDocsNameIsInTheDescription() throws Exception {
        JsonNode paths = JsonMapper.builder().build().readTree(Path.of("docs/openapi.json").toFile()).get("paths");
        Map<Pattern, JsonNode> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            operations.put(Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")), path.getValue());
        }
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> doc : docs().entrySet()) {
            for (String line : doc.getValue()) {
                Matcher m = CALL.matcher(line);
                while (m.find()) {
                    String path = m.group(2).replaceFirst("[.]$", "");
                    if (path.startsWith("/api/v1/")) {
                        path = path.substring("/api/v1".length());
                    } else if (!path.matches("/(cases|documents|policies|worklist|fhir|users|admin|clinic)\\b.*")) {
                        continue; // pages (/logout) and actuator
                    }
                    checked++;
                    String concrete = "/api/v1" + path.replaceAll("\\{[^}]+}", "x");
                    String method = m.group(1).toLowerCase(Locale.ROOT);
                    boolean found = operations.entrySet().stream()
                            .anyMatch(op -> op.getKey().matcher(concrete).matches() && op.getValue().has(method));
                    if (!found) {
                        unknown.add(doc.getKey() + ": " + m.group(1) + " " + m.group(2));
                    }
                }
            }
        }
        assertThat(checked).as("the scan finds API calls in the docs").isGreaterThan(50);
        assertThat(unknown).as("API calls the docs name that docs/openapi.json does not describe").isEmpty();
    }

    @Test
    void theUpgradeGuideNamesThisReleasesLastMigration() throws IOException {
        int last = 0;
        for (Path root : List.of(Path.of("src/main/resources/db"), Path.of("src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.toList()) {
                    Matcher v = Pattern.compile("V(\\d+)__.*").matcher(f.getFileName().toString());
                    if (v.matches()) {
                        last = Math.max(last, Integer.parseInt(v.group(1)));
                    }
                }
            }
        }
        assertThat(last).as("the scan finds the migrations").isGreaterThan(120);
        // The log line an operator waits for, and an example of a migration this release does not know
        assertThat(Files.readString(Path.of("docs/deploy.md")))
                .contains("now at version v" + last + "`").contains("V" + last + " being this release's last")
                .contains("it has V" + (last + 1) + " (…)");
    }

    /**
     * README's "Configure" table states each setting's default. Where it gives a value (not words such as
     * "hourly"), it must be the one application.properties ships: `a.b` / `.c` with "5 / 15m" are two.
     */
    @Test
    void readmeSettingsTableStatesTheShippedDefaults() throws IOException {
        Map<String, String> shipped = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (line.matches("[a-z][\\w.-]*=.*")) {
                shipped.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].strip().matches("`(authpack|spring|server)\\..*")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String part : cells[1].split(" / ")) {
                String name = part.strip().replace("`", "");
                names.add(name.startsWith(".") ? names.get(0).substring(0, names.get(0).lastIndexOf('.')) + name : name);
            }
            String[] defaults = names.size() > 1 ? cells[2].split(" / ") : new String[] {cells[2]};
            for (int i = 0; i < names.size() && i < defaults.length; i++) {
                String stated = defaults[i].strip().replaceFirst("^`([^`]*)`.*", "$1");
                Matcher mib = Pattern.compile("(\\d+) MiB").matcher(stated);
                if (mib.matches()) {
                    stated = String.valueOf(Long.parseLong(mib.group(1)) * 1024 * 1024);
                }
                if (stated.contains(" ") || !shipped.containsKey(names.get(i)) || shipped.get(names.get(i)).contains("*")) {
                    continue; // words ("the datasource's", a cron as "hourly"), or a setting with no shipped value
                }
                checked++;
                if (!stated.equals(shipped.get(names.get(i)))) {
                    wrong.add(names.get(i) + ": README says " + stated + ", application.properties "
                            + shipped.get(names.get(i)));
                }
            }
        }
        assertThat(checked).as("the scan reads README's settings table").isGreaterThan(15);
        assertThat(wrong).as("defaults README states that are not the shipped ones").isEmpty();
    }

    @Test
    void performanceGuideListsTheShippedJvmFlags() throws IOException {
        String flags = String.join(" ", Files.readAllLines(Path.of("tools/launch/jvm.options")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        Matcher stated = Pattern.compile("`tools/launch/jvm.options` \\([^)]*\\) holds `([^`]+)`")
                .matcher(String.join(" ", Files.readAllLines(Path.of("docs/performance.md"))));
        assertThat(stated.find()).as("docs/performance.md, \"Production JVM setting\", says what the file holds").isTrue();
        assertThat(stated.group(1)).as("the flags docs/performance.md lists").isEqualTo(flags);
    }

    /** README.md, application.properties, docs/*.md and every README under tools/ and templates/, line by line. */
    private static Map<String, List<String>> docs() throws IOException {
        Map<String, List<String>> docs = new LinkedHashMap<>();
        docs.put("README.md", Files.readAllLines(Path.of("README.md")));
        // the one commented settings file README sends administrators to
        docs.put("application.properties", Files.readAllLines(Path.of("src/main/resources/application.properties")));
        for (Path root : List.of(Path.of("docs"), Path.of("tools"), Path.of("templates"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    if (root.equals(Path.of("docs")) || f.getFileName().toString().equals("README.md")) {
                        docs.put(f.toString(), Files.readAllLines(f));
                    }
                }
            }
        }
        return docs;
    }

    private static boolean isKnown(String name, Set<String> known) {
        if (name.endsWith(".*")) {
            String prefix = name.substring(0, name.length() - 1);
            return known.stream().anyMatch(k -> k.startsWith(prefix));
        }
        return known.contains(name);
    }

    private static Set<String> propertiesFileKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String entry = line.replaceFirst("^#", "");
                    if (entry.matches("[a-z][\\w.-]*=.*")) {
                        keys.add(entry.substring(0, entry.indexOf('=')));
                    }
                }
            }
        }
        return keys;
    }

    /** Every setting Spring Boot and the libraries on the classpath describe in their configuration metadata. */
    private static Set<String> springBootSettings() throws IOException {
        Set<String> names = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            Enumeration<URL> urls = DocsNameWhatExistsTest.class.getClassLoader().getResources(resource);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    properties.forEach(p -> names.add(p.path("name").asString()));
                }
            }
        }
        assertThat(names).as("Spring Boot's metadata is on the classpath").contains("server.servlet.session.timeout");
        return names;
    }

    private static boolean pathExists(String path) throws IOException {
        String clean = path.replaceAll("/$", "");
        if (!clean.contains("*") && !clean.contains("{")) {
            return Files.exists(Path.of(clean));
        }
        Pattern pattern = Pattern.compile(Pattern.quote(clean).replace("*", "\\E[^/]*\\Q")
                .replaceAll("\\{[^}]*}", "\\\\E[^/]+\\\\Q"));
        String root = clean.substring(0, clean.indexOf('/'));
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            return files.anyMatch(f -> pattern.matcher(f.toString()).matches());
        }
    }
}
