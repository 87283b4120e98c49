package dev.authpack.policy;

import java.util.List;

/** The shape of {@code templates/drugs/catalog.yaml}. */
record DrugCatalogFile(String version, List<Drug> drugs) {

    DrugCatalogFile {
        version = Checks.text(version, "version");
        Checks.notEmpty(drugs, "drugs");
    }
}
