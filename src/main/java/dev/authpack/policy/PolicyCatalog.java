package dev.authpack.policy;

import dev.authpack.casefile.KnownPolicies;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.content.YamlTemplates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payer policies of {@code templates/policies/}, loaded and checked once at start-up: a file
 * whose name is not its id, a duplicate id or a diagnosis code missing from the code table stops
 * the application with the file's path.
 */
@Component
public class PolicyCatalog implements KnownPolicies {

    private static final Logger log = LoggerFactory.getLogger(PolicyCatalog.class);

    private final Map<String, Policy> byId;

    public PolicyCatalog(TemplatesProperties templates, DiagnosisCodes codes) {
        Path folder = templates.resolve("policies");
        Map<String, Policy> loaded = new LinkedHashMap<>();
        List<Path> files = YamlTemplates.files(folder);
        if (files.isEmpty()) {
            throw new TemplateException(folder, "no policy files (*.yaml)");
        }
        for (Path file : files) {
            Policy policy = YamlTemplates.read(file, Policy.class);
            check(file, policy, codes);
            if (loaded.putIfAbsent(policy.id(), policy) != null) {
                throw new TemplateException(file, "duplicate policy id '" + policy.id() + "'");
            }
        }
        this.byId = Collections.unmodifiableMap(loaded);
        log.info("Loaded {} payer policies from {}: {}", byId.size(), folder, byId.keySet());
    }

    private static void check(Path file, Policy policy, DiagnosisCodes codes) {
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!base.equals(policy.id())) {
            throw new TemplateException(file, "id '" + policy.id() + "' must match the file name '" + base + "'");
        }
        DiagnosisRule dx = policy.criteria().diagnosis();
        if (dx != null) {
            dx.diagnoses().stream().filter(code -> codes.describe(code).isEmpty()).findFirst().ifPresent(code -> {
                throw new TemplateException(file, "diagnosis code " + code + " is not in the code table "
                        + "(templates/codes/): add it there first");
            });
        }
    }

    @Override
    public boolean isLoaded(String policyId) {
        return find(policyId).isPresent();
    }

    public Optional<Policy> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Every policy, in file-name order. */
    public List<Policy> all() {
        return new ArrayList<>(byId.values());
    }
}
