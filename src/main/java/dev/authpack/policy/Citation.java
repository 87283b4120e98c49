package dev.authpack.policy;

/**
 * Where a policy's rules come from: the address read, the payer's document number, its date as far
 * as known, which parts were readable, and which parts come from a secondary source (and which).
 * Shown on the packet's request page and in {@code GET /policies}.
 */
public record Citation(String url, String document, String date, String read, String secondary) {

    public Citation {
        url = Checks.text(url, "citation.url");
    }
}
