package dev.authpack.policyupload;

import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import dev.authpack.core.UnprocessableException;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.policy.PolicyVersions;
import dev.authpack.web.FormOnPage;
import dev.authpack.web.PageController;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/policies}: the policies with every version, and a file field that uploads a new
 * one through the same service as the API, showing the result and the cases it changes.
 */
@Controller
@PageController
class PolicyAdminController {

    private final PolicyUploadService uploads;
    private final PolicyCatalog catalog;
    private final ContentRejudge content;

    PolicyAdminController(PolicyUploadService uploads, PolicyCatalog catalog, ContentRejudge content) {
        this.uploads = uploads;
        this.catalog = catalog;
        this.content = content;
    }

    @GetMapping("/admin/policies")
    String page(Model model) {
        fill(model);
        return "admin/policies";
    }

    @PostMapping("/admin/policies")
    @FormOnPage("/admin/policies")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "yaml", required = false) String previewed,
                  @RequestParam(name = "preview", defaultValue = "false") boolean preview, Model model) {
        try {
            // "Upload and use this version" after a preview sends the previewed text back, not a file
            String yaml = previewed != null && (file == null || file.isEmpty()) ? previewed : text(file, !preview);
            if (preview) {
                model.addAttribute("preview", uploads.preview(yaml));
                model.addAttribute("previewedYaml", yaml);
            } else {
                model.addAttribute("result", uploads.upload(yaml));
            }
        } catch (InputException e) {
            model.addAttribute("problems", e.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
        } catch (UnprocessableException e) {
            @SuppressWarnings("unchecked")
            List<String> failures = (List<String>) e.members().get("failures");
            // the summary first: the failed examples alone said neither whose examples they were nor that nothing was stored
            List<String> problems = new ArrayList<>();
            problems.add(e.getMessage());
            problems.addAll(failures);
            model.addAttribute("problems", problems);
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(e.getMessage()));
        } catch (IOException e) {
            model.addAttribute("problems", List.of("file: could not be read"));
        }
        fill(model);
        return "admin/policies";
    }

    record ShownChange(String at, int casesJudged, int flagsChanged) {
    }

    /** A policy on the page: its versions oldest first. */
    record ShownPolicy(String id, List<ShownVersion> versions) {
    }

    /** {@code replacedBy}: the version loaded later with the same effectiveFrom, in force instead of this one; else null. */
    record ShownVersion(String version, LocalDate effectiveFrom, String replacedBy) {
    }

    private String text(MultipartFile file, boolean upload) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InputException("file", "choose a policy file (.yaml) to upload");
        }
        if (file.getSize() > PolicyUploadService.MAX_CHARS * 4L) {
            throw new InputException("file", "the policy file is too large");
        }
        return uploads.text(file.getBytes(), upload);
    }

    private static ShownPolicy shown(String id, List<Policy> versions) {
        return new ShownPolicy(id, versions.stream().map(v -> new ShownVersion(v.version(), v.effectiveFrom(),
                PolicyVersions.replacedBy(versions, v).map(Policy::version).orElse(null))).toList());
    }

    private void fill(Model model) {
        model.addAttribute("policies", catalog.all().stream().map(p -> shown(p.id(), catalog.versions(p.id()))).toList());
        // what the last start-up with changed policy files re-judged, where uploads show what they change
        content.lastChange().ifPresent(change -> model.addAttribute("contentChange", new ShownChange(
                change.at().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ').replace("Z", ""),
                change.casesJudged(), change.flagsChanged())));
    }
}
