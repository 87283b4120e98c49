package dev.authpack.policy;

import dev.authpack.casefile.Indication;
import dev.authpack.casefile.KnownPolicies;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.content.YamlTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code effectiveFrom} date ({@code policies/texas-medicaid-spravato/2025-05-01.yaml}). The
 * version in force on a date is the one with the latest {@code effectiveFrom} on or before it.
 */
@Component
public class PolicyCatalog implements KnownPolicies {

    private static final Logger log = LoggerFactory.getLogger(PolicyCatalog.class);
    private static final Comparator<Policy> BY_EFFECTIVE_FROM =
            Comparator.comparing(Policy::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<String, List<Policy>> byId;

    /** Loads without running the files' examples (tools and tests that only read parameters). */
    public PolicyCatalog(TemplatesProperties templates, DiagnosisCodes codes) {
        this(templates, codes, null);
    }

    @Autowired
    public PolicyCatalog(TemplatesProperties templates, DiagnosisCodes codes, PolicyExampleCheck examples) {
        Path folder = templates.resolve("policies");
        Map<String, List<Policy>> loaded = new LinkedHashMap<>();
        List<Path> files = YamlTemplates.files(folder);
        List<Path> versioned = folders(folder);
        if (files.isEmpty() && versioned.isEmpty()) {
            throw new TemplateException(folder, "no policy files (*.yaml)");
        }
        int ran = 0;
        for (Path file : files) {
            Policy policy = load(file, codes);
            String base = baseName(file);
            if (!base.equals(policy.id())) {
                throw new TemplateException(file, "id '" + policy.id() + "' must match the file name '" + base + "'");
            }
            if (loaded.putIfAbsent(policy.id(), List.of(policy)) != null) {
                throw new TemplateException(file, "duplicate policy id '" + policy.id() + "'");
            }
            ran += runExamples(file, policy, examples);
        }
        for (Path dir : versioned) {
            List<Policy> versions = new ArrayList<>();
            for (Path file : YamlTemplates.files(dir)) {
                Policy policy = load(file, codes);
                checkVersion(dir, file, policy, versions);
                versions.add(policy);
                ran += runExamples(file, policy, examples);
            }
            if (versions.isEmpty()) {
                throw new TemplateException(dir, "no policy versions (*.yaml) in the folder");
            }
            versions.sort(BY_EFFECTIVE_FROM);
            if (loaded.putIfAbsent(dir.getFileName().toString(), List.copyOf(versions)) != null) {
                throw new TemplateException(dir, "duplicate policy id '" + dir.getFileName() + "'");
            }
        }
        this.byId = Collections.unmodifiableMap(loaded);
        log.info("Loaded {} payer policies from {} ({} examples passed): {}", byId.size(), folder, ran, byId.keySet());
    }

    private static Policy load(Path file, DiagnosisCodes codes) {
        Policy policy = YamlTemplates.read(file, Policy.class);
        List<DiagnosisRule> rules = new ArrayList<>();
        for (Indication indication : Indication.values()) {
            Optional.ofNullable(policy.criteriaFor(indication).diagnosis()).ifPresent(rules::add);
        }
        rules.stream().flatMap(dx -> dx.diagnoses().stream()).filter(code -> codes.describe(code).isEmpty())
                .findFirst().ifPresent(code -> {
                    throw new TemplateException(file, "diagnosis code " + code + " is not in the code table "
                            + "(templates/codes/): add it there first");
                });
        return policy;
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

    /** The newest version of a policy (the one with the latest {@code effectiveFrom}). */
    public Optional<Policy> find(String id) {
        List<Policy> versions = id == null ? null : byId.get(id);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * The version in force on {@code asOf}: the latest {@code effectiveFrom} on or before it. When
     * {@code asOf} precedes every version, the first version (whose criteria then answer that it is
     * not yet in force).
     */
    public Optional<Policy> inForce(String id, LocalDate asOf) {
        List<Policy> versions = id == null ? null : byId.get(id);
        if (versions == null) {
            return Optional.empty();
        }
        Policy chosen = versions.get(0);
        for (Policy p : versions) {
            if (p.effectiveFrom() == null || !p.effectiveFrom().isAfter(asOf)) {
                chosen = p;
            }
        }
        return Optional.of(chosen);
    }

    /** Every version of a policy, oldest first (empty for an unknown id). */
    public List<Policy> versions(String id) {
        return id == null ? List.of() : byId.getOrDefault(id, List.of());
    }

    /** The newest version of every policy, in file-name order. */
    public List<Policy> all() {
        return byId.keySet().stream().map(id -> find(id).orElseThrow()).toList();
    }
}
