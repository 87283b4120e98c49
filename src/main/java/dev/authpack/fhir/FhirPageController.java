package dev.authpack.fhir;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.UnprocessableException;
import dev.authpack.security.Actors;
import dev.authpack.security.Role;
import dev.authpack.web.PageController;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The web side of FHIR: upload a bundle to start a draft (which then opens in the case form, with
 * what was mapped and ignored), and download a case's PAS bundle. Same services as the API.
 */
@Controller
@PageController
class FhirPageController {

    static final String VIEW = "fhir/import";

    private final FhirImporter importer;
    private final FhirExporter exporter;
    FhirPageController(FhirImporter importer, FhirExporter exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    /**
     * What the case form shows above the fields after an import. It travels to the form as a flash
     * attribute, which lives in the session, and sessions are written to the database: serializable. Its lines
     * name case fields by path; the form shows each by its label, linked to its input.
     */
    record ImportSummary(List<SummaryLine> mapped, List<SummaryLine> ignored) implements Serializable {

        ImportSummary {
            mapped = List.copyOf(mapped);
            ignored = List.copyOf(ignored);
        }
    }

    @GetMapping("/cases/import")
    String form() {
        return VIEW;
    }

    @PostMapping("/cases/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "fhir.import.noFile");
            return "redirect:/cases/import";
        }
        try {
            // the multipart limit bounds the upload's size
            FhirImporter.Imported imported = importer.importBundle(file.getBytes());
            redirect.addFlashAttribute("fhirImport", new ImportSummary(imported.mappedLines(), imported.ignoredLines()));
            return "redirect:/cases/" + imported.stored().id() + "/edit";
        } catch (InputException e) {
            return refused(model, response, e.problems());
        }
    }

    private static String refused(Model model, jakarta.servlet.http.HttpServletResponse response, List<FieldProblem> problems) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", problems);
        return VIEW;
    }

    @GetMapping("/cases/{id}/fhir/pas-bundle")
    ResponseEntity<byte[]> download(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request,
                                    jakarta.servlet.http.HttpServletResponse response) {
        FhirExporter.Exported exported;
        try {
            exported = exporter.pasBundle(id);
        } catch (UnprocessableException e) {
            // the case page is where the clerk can act on it: its form names the date on the next save
            String casePage = "/cases/" + id.strip();
            // only billing staff can open the case form: clinic staff are told to ask them (*.clinic)
            RequestContextUtils.getOutputFlashMap(request).put("problem", Actors.current().role() == Role.BILLING
                    ? "fhir.export.datesOutOfRange" : "fhir.export.datesOutOfRange.clinic");
            RequestContextUtils.saveOutputFlashMap(casePage, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(casePage)).build();
        }
        return FhirExporter.warned(ResponseEntity.ok(), exported).contentType(FhirBody.FHIR_JSON)
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(FhirExporter.fileName(id.strip())).build().toString())
                .body(exported.json().getBytes(StandardCharsets.UTF_8));
    }
}
