package dev.authpack.policy;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.content.YamlTemplates;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Drug classes and minimum adequate daily doses from {@code templates/drugs/catalog.yaml}. Names
 * compare case-insensitively, as clinics type "Sertraline" and "sertraline" alike.
 */
@Component
public class DrugCatalog {

    static final String FILE = "drugs/catalog.yaml";

    private final String version;
    private final Map<String, Drug> byName;
    private final List<Drug> ordered;

    public DrugCatalog(TemplatesProperties templates) {
        Path file = templates.resolve(FILE);
        DrugCatalogFile content = YamlTemplates.read(file, DrugCatalogFile.class);
        Map<String, Drug> drugs = new LinkedHashMap<>();
        for (Drug drug : content.drugs()) {
            if (drugs.putIfAbsent(key(drug.name()), drug) != null) {
                throw new TemplateException(file, "duplicate drug '" + drug.name() + "'");
            }
        }
        this.version = content.version();
        this.byName = Map.copyOf(drugs);
        this.ordered = List.copyOf(drugs.values());
    }

    /** The normalised form drug names compare by (trimmed, lower case). */
    public static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Drug> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    public List<Drug> all() {
        return ordered;
    }

    public String version() {
        return version;
    }
}
