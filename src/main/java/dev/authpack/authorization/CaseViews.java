package dev.authpack.authorization;

import dev.authpack.casefile.CaseJson;
import dev.authpack.casefile.CaseSummary;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.InputException;
import dev.authpack.security.Actors;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case as the API shows it with its read-only members from the lifecycle: {@code authorization}
 * and, for a reauthorization, {@code previousCaseId}. A PUT may echo both back; they are ignored.
 */
@Component
public class CaseViews {

    private final CaseJson json;
    private final JsonMapper mapper;
    private final AuthorizationService authorizations;
    private final RenewalService renewals;

    CaseViews(CaseJson json, JsonMapper mapper, AuthorizationService authorizations, RenewalService renewals) {
        this.json = json;
        this.mapper = mapper;
        this.authorizations = authorizations;
        this.renewals = renewals;
    }

    public ObjectNode view(StoredCase stored) {
        ObjectNode node = json.view(stored);
        node.set("authorization", mapper.valueToTree(authorizations.of(stored)));
        UUID previous = renewals.links(stored).previousCaseId();
        if (previous != null) {
            node.put("previousCaseId", previous.toString());
        }
        return node;
    }

    /** The list items with their authorization; {@code authStatus} (optional) keeps only that status. */
    public List<ObjectNode> list(List<CaseSummary> rows, String authStatus) {
        AuthStatus wanted = parse(authStatus);
        Map<UUID, Authorization> auths = authorizations.forClinic(Actors.current().clinicId());
        return rows.stream()
                .filter(r -> wanted == null || auths.getOrDefault(r.id(), Authorization.NONE).status() == wanted)
                .map(r -> {
                    ObjectNode item = mapper.valueToTree(r);
                    item.set("authorization", mapper.valueToTree(auths.getOrDefault(r.id(), Authorization.NONE)));
                    return item;
                }).toList();
    }

    /** {@code ?authStatus=}: absent or blank means any; an unknown value is a 400 naming the parameter. */
    public static AuthStatus parse(String authStatus) {
        if (authStatus == null || authStatus.isBlank()) {
            return null;
        }
        String wanted = authStatus.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(AuthStatus.values()).filter(s -> s.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InputException("authStatus", "must be one of "
                        + String.join(", ", Arrays.stream(AuthStatus.values()).map(Enum::name).toList())));
    }
}
