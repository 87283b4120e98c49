package dev.authpack.casefile;

import dev.authpack.core.CalendarDates;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case document to and from its stored JSON. Reading goes through the same binder as input, so
 * a case saved by an older version of Authpack is held to today's shape (but not to value rules added
 * since, which would lock it away: see {@link CaseBinder.Source#STORED}).
 */
@Component
public class CaseJson {

    private final JsonMapper mapper;
    private final CaseBinder binder = new CaseBinder(CaseBinder.Source.STORED);

    CaseJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(CaseData data) {
        return mapper.writeValueAsString(data);
    }

    CaseData read(String json) {
        CaseBinder.Result r = binder.bind(mapper.readTree(json));
        if (!r.problems().isEmpty()) {
            throw new InputException(List.copyOf(r.problems()));
        }
        return r.data();
    }

    /**
     * The dates of a stored case outside {@link CalendarDates}' range: only a case saved before that
     * rule has any. What must carry dates in a fixed form (a FHIR bundle) asks this first, so the
     * user hears which field to correct instead of meeting a failure.
     */
    public List<FieldProblem> datesOutOfRange(StoredCase stored) {
        return new CaseBinder(CaseBinder.Source.JSON).bind(mapper.valueToTree(stored.data())).problems().stream()
                .filter(p -> p.message().equals(CalendarDates.outOfRange()))
                .toList();
    }

    /** The case as the API shows it: the case members plus id, version, status and timestamps. */
    public ObjectNode view(StoredCase stored) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", stored.id().toString());
        node.put("version", stored.version());
        node.put("status", stored.status().name());
        node.put("complete", stored.complete());
        node.put("createdAt", stored.createdAt().toString());
        node.put("updatedAt", stored.updatedAt().toString());
        node.setAll((ObjectNode) mapper.valueToTree(stored.data()));
        return node;
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }
}
