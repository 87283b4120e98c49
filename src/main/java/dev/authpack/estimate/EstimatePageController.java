package dev.authpack.estimate;

import dev.authpack.core.InputException;
import dev.authpack.core.UnprocessableException;
import dev.authpack.generation.GenerationBusyException;
import dev.authpack.web.PageController;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's "Estimate" button, in English or Spanish. */
@Controller
@PageController
class EstimatePageController {

    private final EstimateService estimates;

    EstimatePageController(EstimateService estimates) {
        this.estimates = estimates;
    }

    @PostMapping("/cases/{caseId}/estimate")
    String generate(@PathVariable UUID caseId, @RequestParam(defaultValue = "en") String lang,
                    RedirectAttributes redirect) {
        try {
            Locale locale = EstimateLanguage.of(lang);
            // the page after this answer shows the language asked for still chosen (made or refused), not English
            redirect.addFlashAttribute("estimateLang", locale.getLanguage());
            redirect.addFlashAttribute("newDocument", estimates.generate(caseId.toString(), locale).document().id());
            redirect.addFlashAttribute("message", "docs.generated");
        } catch (InputException e) {
            redirect.addFlashAttribute("problem", "docs.estimateLanguage");
        } catch (UnprocessableException e) {
            redirect.addFlashAttribute("problem", "docs.estimateRefused");
        } catch (GenerationBusyException e) {
            redirect.addFlashAttribute("problem", "docs.busy");
        }
        return "redirect:/cases/" + caseId + "#documents";
    }
}
