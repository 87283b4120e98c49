package dev.authpack.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A coding display read as the catalog's drug only when its opening words name one drug and only one. */
class CatalogDrugsTest {

    private static final CatalogDrugs CATALOG = new CatalogDrugs(
            List.of("sertraline", "venlafaxine", "venlafaxine ER", "desvenlafaxine", "fluoxetine", "lithium"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", value = {
        "sertraline 100 MG Oral Tablet, sertraline",
        "Sertraline 50 mg tablet, sertraline",
        "venlafaxine ER 75 MG capsule, venlafaxine ER",   // the longest name first
        "venlafaxine 37.5 MG Oral Tablet, venlafaxine",
        "desvenlafaxine 50 MG, desvenlafaxine",           // not venlafaxine: whole words only
        "venlafaxineXR 75, -",                            // not a whole word
        "fluoxetine 25 MG / olanzapine 6 MG Oral Capsule, -", // a combination
        "lithium carbonate 300 MG with fluoxetine, -",    // two catalog drugs: ambiguous
        "olanzapine 5 MG, -",
        "100 MG sertraline, -"})                          // must open the display
    void opensWith(String display, String expected) {
        assertThat(CATALOG.openingName(display).orElse(null)).isEqualTo(expected);
    }
}
