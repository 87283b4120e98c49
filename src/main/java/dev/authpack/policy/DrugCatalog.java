package dev.authpack.policy;

import dev.authpack.casefile.DrugClass;
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
        YamlTemplates.Parsed<DrugCatalogFile> parsed = YamlTemplates.parse(file, DrugCatalogFile.class, null);
        DrugCatalogFile content = parsed.value();
        Map<String, Drug> drugs = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (int i = 0; i < content.drugs().size(); i++) {
            Drug drug = content.drugs().get(i);
            String at = "drugs[" + i + "]";
            if (drugs.putIfAbsent(key(drug.name()), drug) != null) {
                // both lines: the admin who pasted a row again decides which of the two to keep
                throw new TemplateException(file, List.of(new TemplateException.Problem(at + ".name",
                        "duplicate drug '" + drug.name() + "' (first on line " + rows.get(key(drug.name())) + ")",
                        parsed.line(at))));
            }
            rows.put(key(drug.name()), parsed.line(at));
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

    /** The class of a drug as the clinic entered it, else the catalog's; empty when neither knows it. */
    public Optional<DrugClass> classOf(String name, DrugClass entered) {
        return entered != null ? Optional.of(entered) : find(name).map(Drug::drugClass);
    }

    public List<Drug> all() {
        return ordered;
    }

    public String version() {
        return version;
    }
}
