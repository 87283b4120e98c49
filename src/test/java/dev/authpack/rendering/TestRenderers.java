package dev.authpack.rendering;

import java.nio.file.Path;

/** A renderer over the shipped {@code templates/documents}, for feature tests that need no Spring context. */
public final class TestRenderers {

    private static final PdfRenderer SHIPPED =
            new PdfRenderer(new DocumentTemplates(Path.of("templates/documents")), DocumentFonts.load(), true);

    private TestRenderers() {
    }

    public static PdfRenderer shipped() {
        return SHIPPED;
    }
}
