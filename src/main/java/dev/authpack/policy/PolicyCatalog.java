package dev.authpack.policy;

import dev.authpack.casefile.KnownPolicies;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.content.YamlTemplates;
import dev.authpack.core.Icd10Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The payer policies of {@code templates/policies/}, loaded and checked once at start-up: a file
 * whose name is not its id, a duplicate id, a diagnosis code missing from the code table or an
 * example that gets another verdict stops the application with the file's path.
 *
 * <p>Layout: {@code policies/<id>.yaml} holds a policy with one version; a folder
 * {@code policies/<id>/} holds several versions of one policy, one file per version named by its
 * {@code effectiveFrom} date ({@code policies/texas-medicaid-spravato/2025-05-01.yaml}). Which
 * version is in force on a date is {@link PolicyVersions}' rule; uploads count as loaded after the
 * shipped files, in the order they were stored.
 */
@Component
public class PolicyCatalog implements KnownPolicies {

    private static final Logger log = LoggerFactory.getLogger(PolicyCatalog.class);
    /** What a policy file holds, for the message when it holds something else. */
    private static final String WHAT = "one policy";

    private final Map<String, List<Policy>> shipped;
    private final DiagnosisCodes codes;
    private final PolicyUploads uploads;
    /** Shipped files merged with stored uploads; replaced whole, never edited, so readers need no lock. */
    private volatile Merged merged;
    /** When to ask the database again ({@link System#nanoTime}); now at start, so the first reader asks. */
    private volatile long nextCheck = System.nanoTime();

    private record Merged(long latestUpload, Map<String, List<Policy>> byId) {
    }

    /** Loads without running the files' examples (tools and tests that only read parameters). */
    public PolicyCatalog(TemplatesProperties templates, DiagnosisCodes codes) {
        this(templates, codes, null, null);
    }

    public PolicyCatalog(TemplatesProperties templates, DiagnosisCodes codes, PolicyExampleCheck examples) {
        this(templates, codes, examples, null);
    }

    @Autowired
    public PolicyCatalog(TemplatesProperties templates, DiagnosisCodes codes, PolicyExampleCheck examples,
                         PolicyUploads uploads) {
        this.codes = codes;
        this.uploads = uploads;
        Path folder = templates.resolve("policies");
        Map<String, List<Policy>> loaded = new LinkedHashMap<>();
        List<Path> files = YamlTemplates.files(folder);
        List<Path> versioned = folders(folder);
        if (files.isEmpty() && versioned.isEmpty()) {
            throw new TemplateException(folder, "no policy files (*.yaml)");
        }
        // the examples are the slow part (253 cases evaluated); they run side by side once every file has parsed
        List<Map.Entry<Path, Policy>> toCheck = new ArrayList<>();
        for (Path file : files) {
            Policy policy = load(file, codes);
            String base = baseName(file);
            if (!base.equals(policy.id())) {
                throw new TemplateException(file, "id '" + policy.id() + "' must match the file name '" + base + "'");
            }
            if (loaded.putIfAbsent(policy.id(), List.of(policy)) != null) {
                throw new TemplateException(file, "duplicate policy id '" + policy.id() + "'");
            }
            toCheck.add(Map.entry(file, policy));
        }
        for (Path dir : versioned) {
            List<Policy> versions = new ArrayList<>();
            for (Path file : YamlTemplates.files(dir)) {
                Policy policy = load(file, codes);
                checkVersion(dir, file, policy, versions);
                versions.add(policy);
                toCheck.add(Map.entry(file, policy));
            }
            if (versions.isEmpty()) {
                throw new TemplateException(dir, "no policy versions (*.yaml) in the folder");
            }
            if (loaded.putIfAbsent(dir.getFileName().toString(), PolicyVersions.oldestFirst(versions)) != null) {
                throw new TemplateException(dir, "duplicate policy id '" + dir.getFileName() + "'");
            }
        }
        int ran = runExamples(toCheck, examples);
        this.shipped = Collections.unmodifiableMap(loaded);
        this.merged = new Merged(0, shipped);
        log.info("Loaded {} payer policies from {} ({} examples passed): {}", shipped.size(), folder, ran,
                shipped.keySet());
    }

    /**
     * Parses an uploaded policy file as strictly as a shipped one (unknown keys, bad values and
     * diagnosis codes missing from the code table are {@link TemplateException}s naming key and
     * line). Like a single-version shipped file it may leave out {@code effectiveFrom} (in force
     * from the beginning). Its examples are not run here.
     */
    public Policy parseUpload(String yaml) {
        return read(yaml, true);
    }

    /**
     * {@code newFile}: the name is held to {@link Policy#MAX_NAME} too. A stored upload is re-read without that
     * check: taken before the limit existed (a name of 250 characters was), it was dropped at the next start with
     * an error in the log, and its cases were judged as naming no policy.
     */
    private Policy read(String yaml, boolean newFile) {
        Path name = Path.of("upload.yaml");
        YamlTemplates.Parsed<Policy> parsed = YamlTemplates.parse(name, yaml, Policy.class, WHAT);
        if (newFile) {
            checkName(name, parsed);
        }
        checkCodes(name, parsed, codes);
        return parsed.value();
    }

    /**
     * The merged view, re-read when another upload has been stored since (by this instance or any
     * other sharing the database). The question costs one indexed MAX query and is asked at most
     * once a second, so a second instance sees an upload within a second.
     */
    private Map<String, List<Policy>> byId() {
        // compared by difference: nanoTime may be any long, and may wrap
        if (uploads != null && System.nanoTime() - nextCheck >= 0) {
            try {
                refresh();
            } catch (org.springframework.dao.DataAccessException e) {
                // e.g. asked before the migrations ran: keep what is loaded and ask again next time
                log.warn("Could not read stored policy uploads: {}", e.getMessage());
            }
        }
        return merged.byId();
    }

    /** The id of the newest stored upload the catalog holds now (0: none): what a judgement was made against. */
    public long loadedUpload() {
        return merged.latestUpload();
    }

    /** Re-reads the stored uploads now if there are new ones (an upload calls it so it is in use at once). */
    public synchronized void refresh() {
        if (uploads == null) {
            return;
        }
        long latest = uploads.latestId();
        nextCheck = System.nanoTime() + 1_000_000_000L;
        if (latest == merged.latestUpload()) {
            return;
        }
        Map<String, List<Policy>> all = new LinkedHashMap<>();
        shipped.forEach((id, versions) -> all.put(id, new ArrayList<>(versions)));
        for (PolicyUpload upload : uploads.all()) {
            Policy policy;
            try {
                policy = read(upload.yaml(), false);
            } catch (TemplateException e) {
                // checked when it was uploaded; a later change to the code table can still break it
                log.error("Stored policy upload {} ({} {}) no longer loads: {}", upload.id(), upload.policyId(),
                        upload.version(), e.problem());
                continue;
            }
            List<Policy> versions = all.computeIfAbsent(policy.id(), k -> new ArrayList<>());
            if (versions.stream().anyMatch(v -> v.version().equals(policy.version()))) {
                log.warn("Stored policy upload {} repeats {} version {}: the shipped file wins", upload.id(),
                        policy.id(), policy.version());
                continue;
            }
            versions.add(policy);
        }
        Map<String, List<Policy>> frozen = new LinkedHashMap<>();
        // uploads in the order they were stored: of two with one effectiveFrom, the later is in force
        all.forEach((id, versions) -> frozen.put(id, PolicyVersions.oldestFirst(versions)));
        merged = new Merged(latest, Collections.unmodifiableMap(frozen));
    }

    private static Policy load(Path file, DiagnosisCodes codes) {
        YamlTemplates.Parsed<Policy> parsed = YamlTemplates.parse(file, Policy.class, WHAT);
        checkName(file, parsed);
        checkCodes(file, parsed, codes);
        return parsed.value();
    }

    /** The name of a file taken in: typed text of at most {@link Policy#MAX_NAME} characters, else named with its line. */
    private static void checkName(Path file, YamlTemplates.Parsed<Policy> parsed) {
        try {
            Checks.text(parsed.value().name(), "name", Policy.MAX_NAME);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(file, List.of(new TemplateException.Problem("name", e.getMessage(),
                    parsed.line("name"))));
        }
    }

    /** Every diagnosis code the policy lists (for any indication) must be in the code table; the first that is not is named with its key and line. */
    private static void checkCodes(Path file, YamlTemplates.Parsed<Policy> parsed, DiagnosisCodes codes) {
        Policy policy = parsed.value();
        Map<String, DiagnosisRule> rules = new LinkedHashMap<>();
        Optional.ofNullable(policy.criteria().diagnosis()).ifPresent(dx -> rules.put("criteria.diagnosis.diagnoses", dx));
        policy.indications().forEach((indication, rule) -> {
            if (rule != null && rule.criteria() != null && rule.criteria().diagnosis() != null) {
                rules.put("indications." + indication.name() + ".criteria.diagnosis.diagnoses", rule.criteria().diagnosis());
            }
        });
        rules.forEach((path, dx) -> dx.diagnoses().stream().filter(code -> codes.describe(code).isEmpty()).findFirst()
                .ifPresent(code -> {
                    String key = entryOf(parsed, path, code);
                    throw new TemplateException(file, List.of(new TemplateException.Problem(key, "diagnosis code "
                            + code + " is not in the code table (templates/codes/): add it there first",
                            parsed.line(key))));
                }));
    }

    /** The list entry at {@code path} that is {@code code} as written ({@code f332} for F33.2), else the list itself. */
    private static String entryOf(YamlTemplates.Parsed<Policy> parsed, String path, Icd10Code code) {
        for (int i = 0; parsed.text(path + "[" + i + "]") != null; i++) {
            try {
                if (Icd10Code.of(parsed.text(path + "[" + i + "]")).equals(code)) {
                    return path + "[" + i + "]";
                }
            } catch (IllegalArgumentException e) {
                // not a code at all: the binder would have refused it
            }
        }
        return path;
    }

    private static void checkVersion(Path dir, Path file, Policy policy, List<Policy> earlier) {
        String id = dir.getFileName().toString();
        if (!id.equals(policy.id())) {
            throw new TemplateException(file, "id '" + policy.id() + "' must match the folder name '" + id + "'");
        }
        if (policy.effectiveFrom() == null) {
            throw new TemplateException(file, "effectiveFrom is required for a version in a policy folder");
        }
        String base = baseName(file);
        try {
            if (!LocalDate.parse(base).equals(policy.effectiveFrom())) {
                throw new TemplateException(file, "effectiveFrom " + policy.effectiveFrom()
                        + " must match the file name '" + base + "'");
            }
        } catch (DateTimeParseException e) {
            throw new TemplateException(file, "a version's file name must be its effectiveFrom date (YYYY-MM-DD)");
        }
        for (Policy other : earlier) {
            if (other.version().equals(policy.version())) {
                throw new TemplateException(file, "duplicate version '" + policy.version() + "' of '" + id + "'");
            }
        }
    }

    /**
     * On two threads: start-up waits for the examples, and the second core is otherwise mostly idle
     * then. Threads of its own rather than the common pool, which would not see the classes of a
     * Spring Boot fat jar.
     */
    private static int runExamples(List<Map.Entry<Path, Policy>> toCheck, PolicyExampleCheck examples) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Map.Entry<Path, Policy> c : toCheck) {
                runs.add(pool.submit(() -> runExamples(c.getKey(), c.getValue(), examples)));
            }
            int ran = 0;
            for (Future<Integer> run : runs) {
                ran += run.get();
            }
            return ran;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the policies' examples", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int runExamples(Path file, Policy policy, PolicyExampleCheck examples) {
        if (examples == null) {
            return 0;
        }
        try {
            return examples.check(policy);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(file, e.getMessage(), e);
        }
    }

    private static List<Path> folders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isDirectory).sorted().toList();
        } catch (java.io.IOException e) {
            throw new TemplateException(folder, "cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    @Override
    public boolean isLoaded(String policyId) {
        return find(policyId).isPresent();
    }

    /** The newest version of a policy: the one in force on the latest date ({@link PolicyVersions}). */
    public Optional<Policy> find(String id) {
        List<Policy> versions = id == null ? null : byId().get(id);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version in force on {@code asOf} by {@link PolicyVersions#inForce}; empty for an unknown id. */
    public Optional<Policy> inForce(String id, LocalDate asOf) {
        List<Policy> versions = id == null ? null : byId().get(id);
        return versions == null ? Optional.empty() : Optional.of(PolicyVersions.inForce(versions, asOf));
    }

    /** Every version of a policy, oldest first, ties in load order (empty for an unknown id). */
    public List<Policy> versions(String id) {
        return id == null ? List.of() : byId().getOrDefault(id, List.of());
    }

    /** The newest version of every policy, in file-name order. */
    public List<Policy> all() {
        return byId().values().stream().map(versions -> versions.get(versions.size() - 1)).toList();
    }
}
