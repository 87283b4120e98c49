package dev.authpack.attachment;

/** A PDF that parsed, has pages, and was stripped of active content. */
record CleanPdf(byte[] bytes, int pages, String sha256) {
}
