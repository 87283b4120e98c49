/**
 * Immutable generated documents (packets, estimates) and their API: {@code GET /api/v1/cases/{id}/documents}
 * (newest first) and {@code GET /api/v1/documents/{id}} (the exact stored bytes).
 *
 * <h2>How to use it</h2>
 * Render the complete PDF first ({@code dev.authpack.rendering.PdfRenderer#render} → {@code RenderedPdf}),
 * then, in the request that generated it:
 * <pre>{@code
 * DocumentView doc = documents.save(new NewDocument(storedCase.id(), storedCase.clinicId(), DocumentKind.ESTIMATE,
 *         pdf, policy.id(), policy.version(), Actors.current().username()));
 * }</pre>
 * {@link dev.authpack.document.DocumentView} serialises as the contract's document
 * {@code {id, caseId, kind, pages, sha256, createdAt}} (plus policy and template versions). Nothing is ever
 * updated: generating again saves a new document. Save only after the PDF is complete, so a failed
 * generation leaves no row.
 */
package dev.authpack.document;
