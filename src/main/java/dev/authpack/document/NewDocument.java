package dev.authpack.document;

import dev.authpack.rendering.RenderedPdf;
import java.util.UUID;

/**
 * What {@link DocumentStore#save} needs: the case and clinic it belongs to, the finished PDF, the
 * policy (id and version; null for none) whose rules it reflects, the version of the case it was
 * made from (so a later change of the case marks it outdated) and its language (null: English only).
 */
public record NewDocument(UUID caseId, String clinicId, DocumentKind kind, RenderedPdf pdf, String policyId,
                          String policyVersion, String createdBy, Long caseVersion, String language) {

    /** A document whose case version and language are not recorded. */
    public NewDocument(UUID caseId, String clinicId, DocumentKind kind, RenderedPdf pdf, String policyId,
                       String policyVersion, String createdBy) {
        this(caseId, clinicId, kind, pdf, policyId, policyVersion, createdBy, null, null);
    }
}
