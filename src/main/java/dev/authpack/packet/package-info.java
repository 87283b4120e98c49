/**
 * The prior-authorization packet ({@code POST /api/v1/cases/{id}/packet}, {@code ?exception=true} for a
 * clinical-exception packet): fax cover, request, criteria checklist, letter of medical necessity,
 * treatment history, severity evidence, then the case's attachments page for page.
 *
 * <p>Flow: {@link dev.authpack.packet.PacketService} checks completeness (422 with the report when not
 * ready), {@link dev.authpack.packet.PacketViewFactory} computes every value into
 * {@link dev.authpack.packet.PacketView}, the templates {@code templates/documents/packet*.html} lay it
 * out, and {@link dev.authpack.packet.PacketAssembler} merges attachments, writes the true page count on
 * the cover, the patient header and "Page X of Y" on every page, and one bookmark per section and per
 * attachment. The document is stored only once the PDF is complete.
 */
package dev.authpack.packet;
