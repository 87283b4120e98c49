package dev.authpack.casefile;

import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The API's strict binder for callers outside this package that hold a case as a JSON tree, such
 * as the worked examples inside policy files. Shape problems (unknown members, bad enum values,
 * unparseable dates) are an {@link IllegalArgumentException} naming each field.
 */
public final class CaseReading {

    private CaseReading() {
    }

    public static CaseData bind(JsonNode tree) {
        CaseBinder.Result r = new CaseBinder(CaseBinder.Source.JSON).bind(tree);
        if (!r.problems().isEmpty()) {
            throw new IllegalArgumentException(r.problems().stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        return r.data();
    }

}
