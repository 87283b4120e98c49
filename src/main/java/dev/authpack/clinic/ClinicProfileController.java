package dev.authpack.clinic;

import dev.authpack.casefile.Specialty;
import dev.authpack.core.InputException;
import dev.authpack.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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

    private final ClinicProfiles profiles;

    ClinicProfileController(ClinicProfiles profiles) {
        this.profiles = profiles;
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
            form.reject(e.problems());
            model.addAttribute("form", form);
            model.addAttribute("specialties", List.of(Specialty.values()));
            return VIEW;
        }
        redirect.addFlashAttribute("message", "clinic.profile.saved");
        return "redirect:" + PATH;
    }
}
