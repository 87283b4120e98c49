package dev.authpack.packet;

import dev.authpack.core.UnprocessableException;
import dev.authpack.generation.GenerationBusyException;
import dev.authpack.web.PageController;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's "Generate packet" and "Clinical-exception packet" buttons. */
@Controller
@PageController
class PacketPageController {

    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

    private final PacketService packets;

    PacketPageController(PacketService packets) {
        this.packets = packets;
    }

    /**
     * {@code exception} is read here, not bound as a boolean: a value that is no boolean ("maybe", from an edited
     * page or a script) failed the binding and showed the generic error page. It comes back to the case page
     * naming the field; the values Spring takes for a boolean are taken as before.
     */
    @PostMapping("/cases/{caseId}/packet")
    String generate(@PathVariable UUID caseId, @RequestParam(name = "exception", required = false) String asked,
                    RedirectAttributes redirect) {
        Optional<Boolean> read = flag(asked);
        if (read.isEmpty()) {
            redirect.addFlashAttribute("problem", "docs.exceptionInvalid");
            return "redirect:/cases/" + caseId + "#documents";
        }
        boolean exception = read.get();
        try {
            redirect.addFlashAttribute("newDocument", packets.generate(caseId, exception).id());
            redirect.addFlashAttribute("message", "docs.generated");
        } catch (PacketTooLargeException e) {
            redirect.addFlashAttribute("problem", "docs.tooLarge");
        } catch (UnprocessableException e) {
            redirect.addFlashAttribute("problem", exception ? "docs.exceptionRefused" : "docs.incomplete");
        } catch (GenerationBusyException e) {
            redirect.addFlashAttribute("problem", "docs.busy");
        }
        return "redirect:/cases/" + caseId + "#documents";
    }

    /** Absent or empty: false, as the default was; true/on/yes/1 and false/off/no/0 as Spring reads them; else empty. */
    private static Optional<Boolean> flag(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || FALSE.contains(v)) {
            return Optional.of(false);
        }
        return TRUE.contains(v) ? Optional.of(true) : Optional.empty();
    }
}
