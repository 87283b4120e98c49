package dev.authpack.clinic;

import dev.authpack.casefile.Specialty;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.Npi;
import dev.authpack.core.TypedText;
import dev.authpack.core.UsPhone;
import dev.authpack.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic profile page: facility, REMS setting, usual billing line and the prescriber list.
 * Billing staff edit it (they type these data into every case and are the clinic's writers;
 * administrators belong to no clinic). Prescriber rows are added in a spare blank row and removed
 * by emptying them, so the page needs no script.
 */
@Controller
@PageController
class ClinicProfileController {

    static final String VIEW = "clinic/profile";
    static final String PATH = "/clinic/profile";

    /**
     * The shared rules' problems, worded by the case form's sentences, so a refused phone, name or NPI reads
     * the same on this page as on the case form ("Fax is not a US phone number: write it like ...",
     * "Facility NPI is not a valid NPI: a digit is mistyped or two are swapped"). The NPI is typed with
     * spaces and dashes taken out, so a wrong count of digits gets the case form's sentence for typed NPIs.
     */
    private static final Map<String, String> SAYINGS = Map.of(UsPhone.PROBLEM, "input.phone",
            TypedText.PROBLEM, "problem.characters", Npi.CHECK_PROBLEM, "problem.npiCheck",
            Npi.DIGITS_PROBLEM, "input.npi");

    private static final Pattern PRESCRIBER_ROW = Pattern.compile("prescribers\\[(\\d+)\\]\\..+");

    private final ClinicProfiles profiles;
    private final MessageSource messages;

    ClinicProfileController(ClinicProfiles profiles, MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String initProfileForm(Model model) {
        model.addAttribute("form", ProfileForm.of(profiles.load()));
        model.addAttribute("specialties", List.of(Specialty.values()));
        return VIEW;
    }

    @PostMapping(PATH)
    String processProfileForm(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ProfileForm form = ProfileForm.read(request.getParameterMap());
        try {
            profiles.save(ProfileCheck.check(form));
        } catch (InputException e) {
            form.reject(e.problems().stream().map(p -> worded(form, p)).toList());
            model.addAttribute("form", form);
            model.addAttribute("specialties", List.of(Specialty.values()));
            return VIEW;
        }
        redirect.addFlashAttribute("message", "clinic.profile.saved");
        return "redirect:" + PATH;
    }

    /**
     * The list above the form names each problem's input; a sentence of the case form's already starts
     * with the input's label, so the list says it once, as the case form's list does. A prescriber's
     * input is named with its block ("Prescriber 2: NPI is not a valid NPI…"), as the case form names a
     * trial's row: with several prescribers, "NPI" alone does not say whose.
     */
    private ProfileForm.Problem worded(ProfileForm form, FieldProblem p) {
        String label = messages.getMessage(form.labelKey(p.field()), null, Locale.ENGLISH);
        Matcher row = PRESCRIBER_ROW.matcher(p.field());
        String where = row.matches()
                ? messages.getMessage("clinic.prescribers.row", new Object[] {Integer.parseInt(row.group(1)) + 1},
                        Locale.ENGLISH) : null;
        String key = SAYINGS.get(p.message());
        if (key == null) {
            String line = (where == null ? label : where + ", " + label) + ": " + p.message();
            return new ProfileForm.Problem(p.field(), p.message(), line);
        }
        String sentence = messages.getMessage(key, new Object[] {label}, Locale.ENGLISH);
        String line = where == null ? sentence
                : where + ": " + messages.getMessage(key, new Object[] {inRow(label)}, Locale.ENGLISH);
        return new ProfileForm.Problem(p.field(), sentence, line);
    }

    /** "Fax" after "Prescriber 2: " is "fax", but "NPI" keeps its capitals, as the case form's rows say them. */
    private static String inRow(String label) {
        return label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label
                : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }
}
