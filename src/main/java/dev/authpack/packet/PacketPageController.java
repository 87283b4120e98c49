package dev.authpack.packet;

import dev.authpack.core.UnprocessableException;
import dev.authpack.generation.GenerationBusyException;
import dev.authpack.web.FormOnPage;
import dev.authpack.web.PageController;
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

    private final PacketService packets;

    PacketPageController(PacketService packets) {
        this.packets = packets;
    }

    /**
     * An {@code exception} that is no boolean ("maybe", from an edited page or a script) comes back to the case page
     * naming the field ({@link FormOnPage}); absent or empty is the plain packet.
     */
    @PostMapping("/cases/{caseId}/packet")
    @FormOnPage("/cases/{caseId}#documents")
    String generate(@PathVariable UUID caseId, @RequestParam(name = "exception", defaultValue = "false") boolean exception,
                    RedirectAttributes redirect) {
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
}
