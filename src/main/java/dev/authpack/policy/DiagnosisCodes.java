package dev.authpack.policy;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.content.YamlTemplates;
import dev.authpack.core.Icd10Code;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The curated ICD-10-CM table (depressive episodes F32, recurrent F33) with descriptions for
 * packets and letters, and Spanish ones for Spanish estimates. No code-set package is reachable, so
 * the table is data in {@code templates/codes/}.
 */
@Component
public class DiagnosisCodes {

    static final String FILE = "codes/icd10-cm-f32-f33.yaml";

    private final String version;
    private final Map<Icd10Code, String> descriptions;
    private final Map<Icd10Code, String> spanish;
    private final Set<Icd10Code> psychotic;
    private final List<DiagnosisCode> all;

    public DiagnosisCodes(TemplatesProperties templates) {
        Path file = templates.resolve(FILE);
        YamlTemplates.Parsed<CodeTableFile> parsed = YamlTemplates.parse(file, CodeTableFile.class, null);
        CodeTableFile content = parsed.value();
        Map<Icd10Code, String> table = new LinkedHashMap<>();
        Map<Icd10Code, String> es = new LinkedHashMap<>();
        Map<Icd10Code, Integer> rows = new LinkedHashMap<>();
        for (int i = 0; i < content.codes().size(); i++) {
            DiagnosisCode row = content.codes().get(i);
            String at = "codes[" + i + "]";
            if (table.putIfAbsent(row.code(), row.description()) != null) {
                throw new TemplateException(file, List.of(new TemplateException.Problem(at + ".code",
                        "duplicate code " + row.code() + " (first on line " + rows.get(row.code()) + ")", parsed.line(at))));
            }
            rows.put(row.code(), parsed.line(at));
            requireSpanishWritten(file, parsed, "codes[" + i + "].descriptionEs");
            if (row.descriptionEs() != null) {
                es.put(row.code(), row.descriptionEs());
            }
        }
        this.version = content.version();
        this.descriptions = Map.copyOf(table);
        this.spanish = Map.copyOf(es);
        this.all = List.copyOf(content.codes());
        this.psychotic = all.stream().filter(DiagnosisCode::psychoticFeatures).map(DiagnosisCode::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * {@code descriptionEs:} with nothing after it binds as null, as if left out; it is as empty as
     * {@code descriptionEs: ""}, which {@link DiagnosisCode} refuses, so it is refused the same way.
     */
    private static void requireSpanishWritten(Path file, YamlTemplates.Parsed<CodeTableFile> parsed, String key) {
        if (parsed.has(key) && parsed.text(key) == null) {
            throw new TemplateException(file, List.of(new TemplateException.Problem(key, DiagnosisCode.EMPTY_SPANISH,
                    parsed.line(key))));
        }
    }

    public Optional<String> describe(Icd10Code code) {
        return code == null ? Optional.empty() : Optional.ofNullable(descriptions.get(code));
    }

    /**
     * The description in {@code locale}'s language: the Spanish title for Spanish where the table
     * has one, else the English one (a patient rather reads English than a bare code).
     */
    public Optional<String> describe(Icd10Code code, Locale locale) {
        if (code != null && locale != null && "es".equals(locale.getLanguage()) && spanish.containsKey(code)) {
            return Optional.of(spanish.get(code));
        }
        return describe(code);
    }

    /** True for codes such as F33.3 that name psychotic features (a contraindication). */
    public boolean psychotic(Icd10Code code) {
        return code != null && psychotic.contains(code);
    }

    public List<DiagnosisCode> all() {
        return all;
    }

    public String version() {
        return version;
    }
}
