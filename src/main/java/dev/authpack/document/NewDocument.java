package dev.authpack.document;

import dev.authpack.rendering.RenderedPdf;
import java.util.UUID;

/**
 * What {@link DocumentStore#save} needs: the case and clinic it belongs to, the finished PDF, the
 * policy (id and version; null for none) whose rules it reflects, the version of the case it was
 * made from (so a later change of the case marks it outdated), its language (null: English only) and the
 * versions of the other business content of {@code templates/} it was made from ("fee-schedules clinic-standard
 * 2026.2; codes FY2026"; null: none recorded), so that one made after that content changed is not taken for an
 * identical copy of one made before ({@link IdenticalCopies}).
 */
public record NewDocument(UUID caseId, String clinicId, DocumentKind kind, RenderedPdf pdf, String policyId,
                          String policyVersion, String createdBy, Long caseVersion, String language,
                          String contentVersions) {

    /** A document whose content versions are not recorded. */
    public NewDocument(UUID caseId, String clinicId, DocumentKind kind, RenderedPdf pdf, String policyId,
                       String policyVersion, String createdBy, Long caseVersion, String language) {
        this(caseId, clinicId, kind, pdf, policyId, policyVersion, createdBy, caseVersion, language, null);
    }

    /** A document whose case version and language are not recorded. */
    public NewDocument(UUID caseId, String clinicId, DocumentKind kind, RenderedPdf pdf, String policyId,
                       String policyVersion, String createdBy) {
        this(caseId, clinicId, kind, pdf, policyId, policyVersion, createdBy, null, null, null);
    }
}
