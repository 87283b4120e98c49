package dev.authpack.document;

import dev.authpack.rendering.RenderedPdf;
import java.util.UUID;

/**
 * What {@link DocumentStore#save} needs: the case and clinic it belongs to, the finished PDF, and the
 * policy (id and version; null for none) whose rules it reflects.
 */
public record NewDocument(UUID caseId, String clinicId, DocumentKind kind, RenderedPdf pdf, String policyId,
                          String policyVersion, String createdBy) {
}
