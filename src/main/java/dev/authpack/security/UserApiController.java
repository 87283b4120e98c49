package dev.authpack.security;

import dev.authpack.core.InputException;
import dev.authpack.core.TypedText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Accounts for administrators' scripts: the list, and disabling, enabling, unlocking or renaming one (ADMIN only, by
 * the URL rule). The admin pages call the same service.
 */
@RestController
class UserApiController {

    private final UserAdministration admin;

    UserApiController(UserAdministration admin) {
        this.admin = admin;
    }

    @Operation(summary = "List the user accounts")
    @GetMapping("/api/v1/users")
    List<UserView> list() {
        return admin.users();
    }

    @Operation(summary = "Disable an account and end its sessions")
    @PostMapping("/api/v1/users/{username}/disable")
    UserView disable(@PathVariable String username) {
        return admin.disable(username, Actors.current().username());
    }

    @Operation(summary = "Unlock an account locked after failed sign-ins (its password stays)")
    @PostMapping("/api/v1/users/{username}/unlock")
    UserView unlock(@PathVariable String username) {
        return admin.unlock(username);
    }

    /** The name an account's person goes by; empty or null clears it. */
    record DisplayName(@Schema(maxLength = UserAdministration.MAX_DISPLAY_NAME, description = TypedText.RULE,
            example = "Dana Cruz") String displayName) {
    }

    @Operation(summary = "Change the name the account's person goes by (empty clears it; the user name stays)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = DisplayName.class)))
    // the contract takes every JSON body as "application/json, application/*+json", as the clinics API does
    @PutMapping(path = "/api/v1/users/{username}/display-name",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    UserView rename(@PathVariable String username, @RequestBody JsonNode body) {
        return admin.rename(username, displayName(body));
    }

    /**
     * The member read strictly: a body without it, with another member, or with a number where the
     * name goes is refused (400) rather than read as "clear the name".
     */
    static String displayName(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("displayName")) {
            throw new InputException("displayName", "is required: send {\"displayName\": \"...\"}; null or \"\" clears the name");
        }
        for (String member : body.propertyNames()) {
            if (!"displayName".equals(member)) {
                throw new InputException(member, "is not a member of this request");
            }
        }
        JsonNode value = body.get("displayName");
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InputException("displayName", "must be text");
        }
        return value.stringValue();
    }

    @Operation(summary = "Enable an account")
    @PostMapping("/api/v1/users/{username}/enable")
    UserView enable(@PathVariable String username) {
        return admin.enable(username);
    }
}
