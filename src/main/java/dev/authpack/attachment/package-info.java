/**
 * Clinical-notes PDFs uploaded to a case ({@code POST /api/v1/cases/{id}/attachments}) and merged into
 * its packets. An upload is recognised by parsing it with PDFBox; empty, damaged, truncated,
 * encrypted and non-PDF files are rejected (400), and so are files with more pages than
 * {@code authpack.attachments.max-pages}; oversize ones answer 413 ({@code authpack.attachments.max-bytes}). Stored copies are cleaned of scripts, automatic actions,
 * embedded files and interactive forms.
 */
package dev.authpack.attachment;
