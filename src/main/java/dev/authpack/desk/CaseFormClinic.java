package dev.authpack.desk;

import dev.authpack.casefile.Prescriber;
import dev.authpack.clinic.ClinicDefaults;
import dev.authpack.clinic.ClinicProfiles;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The clinic profile in the case form: a new case starts with the facility and the usual billing
 * line, and the prescriber is picked from the clinic's list. Picking works without a script: on
 * any post the chosen prescriber fills the prescriber inputs that are still empty (typed text wins);
 * the page script fills them at once on choosing.
 */
@Component
class CaseFormClinic {

    /** The select's name; not a case path, so the form reader leaves it out of the case. */
    static final String CHOSEN = "_clinicPrescriber";

    private static final Map<String, Function<Prescriber, Object>> PRESCRIBER = Map.of(
            "prescriber.name", Prescriber::name, "prescriber.npi", Prescriber::npi,
            "prescriber.specialty", Prescriber::specialty, "prescriber.phone", Prescriber::phone,
            "prescriber.fax", Prescriber::fax);

    private final ClinicProfiles profiles;

    CaseFormClinic(ClinicProfiles profiles) {
        this.profiles = profiles;
    }

    /** Every case form offers the clinic's prescribers to pick from. */
    void addTo(Model model) {
        model.addAttribute("clinicPrescribers", profiles.defaults().prescribers());
    }

    /** A blank new-case form filled from the profile. */
    void prefill(CaseForm form, Model model) {
        ClinicDefaults d = profiles.defaults();
        put(form, "facility.name", d.facility().name());
        put(form, "facility.npi", d.facility().npi());
        put(form, "facility.tin", d.facility().tin());
        put(form, "facility.address", d.facility().address());
        put(form, "facility.remsCertified", d.facility().remsCertified());
        if (d.feeCode() != null) {
            put(form, "request.lines[0].code", d.feeCode());
            put(form, "request.lines[0].unitsPerSession", d.feeUnits());
            model.addAttribute("prefilled", true);
        }
        if (d.facility().name() != null || d.facility().npi() != null) {
            model.addAttribute("prefilled", true);
        }
    }

    /** After a post: the chosen clinic prescriber fills the prescriber inputs left empty. */
    void applyChoice(CaseForm form, String chosenNpi, Model model) {
        ClinicDefaults d = profiles.defaults();
        model.addAttribute("chosenPrescriber", chosenNpi);
        Optional<Prescriber> chosen = d.prescribers().stream()
                .filter(p -> chosenNpi != null && p.npi().value().equals(chosenNpi.strip())).findFirst();
        chosen.ifPresent(p -> PRESCRIBER.forEach((path, member) -> {
            if (form.value(path).isBlank()) {
                put(form, path, member.apply(p));
            }
        }));
    }

    private static void put(CaseForm form, String path, Object value) {
        if (value != null) {
            form.put(path, value.toString());
        }
    }
}
