/**
 * Rendering documents: view model → Thymeleaf → XHTML → PDF/A-2b (openhtmltopdf on PDFBox).
 *
 * <h2>How to use it</h2>
 * <ol>
 *   <li>Put an XHTML template in {@code templates/documents/NAME.html} (well-formed XML, processed in
 *       Thymeleaf XML mode: use {@code &#160;}, not {@code &nbsp;}). The view model is {@code vm}; records
 *       are read with accessor calls: {@code th:text="${vm.patient().name()}"}. Give the page
 *       {@code font-family: 'DejaVu Sans'} (the only embedded font; bold is weight 700), a {@code <title>},
 *       a {@code lang} on {@code <html>}, {@code <meta name="subject">}, and
 *       {@code <meta name="template-version" content="NAME 2026.11"/>} — that version ends up in the PDF and
 *       in the stored document. No external resources (images, CSS files) are loaded: inline everything.</li>
 *   <li>Sentences come from {@code templates/documents/messages/BUNDLE_LANG.properties} (UTF-8), e.g.
 *       {@code estimate_en.properties} and {@code estimate_es.properties}; every file family in that folder
 *       is a bundle, English is the fallback. Prefix keys with the bundle name ({@code estimate.title}) since
 *       all bundles share one namespace. In templates: {@code th:text="#{estimate.title}"}, with arguments
 *       {@code #{estimate.total(${vm.total()})}}. From Java: {@link dev.authpack.rendering.PdfRenderer#message}.
 *       Every sentence is a {@link java.text.MessageFormat} pattern, with or without placeholders: write an
 *       apostrophe as {@code ''} (a lone {@code '} is swallowed).</li>
 *   <li>Inject {@link dev.authpack.rendering.PdfRenderer} and call
 *       {@code render("estimate", viewModel, locale)} → {@link dev.authpack.rendering.RenderedPdf}
 *       (bytes, pages, sha256, template version). To stamp or merge before saving use
 *       {@code open(...)} (an open {@code PDDocument} you close) and then {@code finish(doc)}.</li>
 *   <li>Store it with {@code dev.authpack.document.DocumentStore#save}.</li>
 * </ol>
 * Compute every value (money already formatted, dates already formatted) in the view model; the template
 * only lays it out.
 */
package dev.authpack.rendering;
