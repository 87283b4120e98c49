package dev.authpack.security;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for administrators' scripts: the list, and disabling, enabling or unlocking one (ADMIN only, by
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

    @Operation(summary = "Enable an account")
    @PostMapping("/api/v1/users/{username}/enable")
    UserView enable(@PathVariable String username) {
        return admin.enable(username);
    }
}
