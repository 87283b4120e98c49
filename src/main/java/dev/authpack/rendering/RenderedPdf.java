package dev.authpack.rendering;

/**
 * A finished PDF: the exact bytes to store and serve, their page count and SHA-256 (hex), and the
 * version of the template that produced them (the template's {@code template-version} meta).
 */
public record RenderedPdf(byte[] bytes, int pages, String sha256, String templateVersion) {
}
