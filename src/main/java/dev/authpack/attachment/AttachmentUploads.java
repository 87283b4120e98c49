package dev.authpack.attachment;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.InputException;
import dev.authpack.core.TypedText;
import dev.authpack.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;

/**
 * The upload rules for clinical notes, for the API and the case page alike: the case must be the
 * caller's, a file is required and within the size limit, the title (or the file's name) is
 * 1–200 characters, and the file must be a readable PDF. Every attempt is audited.
 */
@Service
class AttachmentUploads {

    static final int MAX_TITLE = 200;

    private final AttachmentStore store;
    private final CaseService cases;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final long maxBytes;

    AttachmentUploads(AttachmentStore store, CaseService cases, AuditLog audit, AttachmentLimits limits,
                      TransactionTemplate tx) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.tx = tx;
        this.maxBytes = limits.maxBytes();
    }

    /**
     * One upload is one PDF with one title, sent in the body. A title in the address ({@code ?title=}) was
     * bound like a part, but addresses reach access logs, proxies and browser history, and a title often
     * names the patient ("Notes for Dana Levi"), so it is refused there rather than quietly taken.
     * The binding keeps the first of two file parts and joins two titles
     * with a comma ("Notes,Labs"), so a script sending two files would see a 201 while one was never stored.
     */
    static void refuseMisplacedParts(HttpServletRequest request) {
        if (UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                .containsKey("title")) {
            throw new InputException("title", "must be sent as a form part, not in the address: a title may name "
                    + "the patient, and addresses are kept in logs");
        }
        MultipartRequest parts = WebUtils.getNativeRequest(request, MultipartRequest.class);
        int files = parts == null ? 0 : parts.getFiles("file").size();
        if (files > 1) {
            throw new InputException("file", "was sent " + files + " times: upload one PDF per request, each with its title");
        }
        String[] titles = request.getParameterValues("title");
        if (titles != null && titles.length > 1) {
            throw new InputException("title", "was sent " + titles.length + " times: send one title with the PDF");
        }
    }

    /**
     * Stores the upload; a broken rule is an {@link InputException} naming {@code file} or
     * {@code title}, a file over the limit a {@link MaxUploadSizeExceededException}.
     */
    AttachmentView upload(UUID caseId, MultipartFile file, String title) throws IOException {
        StoredCase c = cases.read(caseId);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            throw new InputException("file", "is required: send the PDF as multipart part 'file'");
        }
        if (file.isEmpty()) {
            // a file was chosen, and it has no bytes: say so, not that none was chosen
            throw new InputException("file", "is empty: upload a PDF file");
        }
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        String typed = title == null || title.isBlank() ? file.getOriginalFilename() : title.strip();
        if (typed == null || typed.isBlank()) {
            throw new InputException("title", "is required");
        }
        if (!TypedText.isTypeable(typed)) {
            throw new InputException("title", TypedText.PROBLEM);
        }
        String name = TypedText.stored(typed);
        // counted as stored (composed) and in characters: "é" pasted as e + accent, or 𠮷, is one
        if (name.codePointCount(0, name.length()) > MAX_TITLE) {
            throw new InputException("title", "must be at most " + MAX_TITLE + " characters");
        }
        try {
            byte[] bytes = file.getBytes();
            // the upload and its audit row in one transaction: a crash leaves both or neither
            return tx.execute(status -> {
                AttachmentView saved = store.save(caseId, c.clinicId(), name, bytes, Actors.current().username());
                audit.recordWithWrite(AuditAction.ATTACHMENT_UPLOADED, caseId.toString(), saved.id().toString());
                return saved;
            });
        } catch (InputException e) {
            audit.record(AuditAction.ATTACHMENT_UPLOADED, caseId.toString(), null, AuditOutcome.REJECTED);
            throw e;
        }
    }
}
