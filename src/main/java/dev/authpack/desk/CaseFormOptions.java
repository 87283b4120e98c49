package dev.authpack.desk;

import dev.authpack.casefile.ConcurrentTherapy;
import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.Indication;
import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.PlanType;
import dev.authpack.casefile.Sex;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.SubstanceUse;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TrialOutcome;
import dev.authpack.casefile.TrialRole;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.policy.PolicyFieldNeeds;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The choices the case form offers: loaded policies, the drug catalog (suggestions, and the class a
 * known drug fills in) and every enumeration, by simple name, shown through {@code enum.<Type>.<VALUE>}.
 */
@Component
class CaseFormOptions {

    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(Sex.class, PlanType.class, Specialty.class,
            Instrument.class, DrugClass.class, TrialRole.class, TrialOutcome.class, SubstanceUse.class,
            Treatment.class, Phase.class, Indication.class, ConcurrentTherapy.class);

    private final PolicyCatalog policies;
    private final DrugCatalog drugs;
    private final Map<String, List<String>> enums = new LinkedHashMap<>();

    CaseFormOptions(PolicyCatalog policies, DrugCatalog drugs) {
        this.policies = policies;
        this.drugs = drugs;
        for (Class<? extends Enum<?>> type : ENUMS) {
            enums.put(type.getSimpleName(), Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    void addTo(Model model) {
        model.addAttribute("policies", policies.all());
        model.addAttribute("policyGroups", PolicyChoices.byPayer(policies.all()));
        model.addAttribute("drugs", drugs.all());
        model.addAttribute("choices", enums);
        Map<String, Map<String, String>> needs = new LinkedHashMap<>();
        policies.all().forEach(p -> needs.put(p.id(), PolicyFieldNeeds.of(p)));
        model.addAttribute("policyFields", new CaseFormPolicyFields(needs));
    }

    /** A trial whose class was left empty takes the catalog's class, as the API does; shown so it can be checked. */
    void fillDrugClasses(CaseForm form) {
        for (int i : form.rows("medicationTrials")) {
            String row = "medicationTrials[" + i + "]";
            if (form.value(row + ".drugClass").isBlank()) {
                drugs.find(form.value(row + ".drug"))
                        .ifPresent(drug -> form.put(row + ".drugClass", drug.drugClass().name()));
            }
        }
    }
}
