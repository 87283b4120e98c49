package dev.authpack.estimate;

import dev.authpack.document.DocumentView;

/** The contract's answer to {@code POST /cases/{id}/estimate}: the stored PDF's record and the figures. */
record GeneratedEstimate(DocumentView document, Estimate estimate) {
}
