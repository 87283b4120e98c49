package dev.authpack.security;

import io.swagger.v3.oas.annotations.media.Schema;

/** A clinic as the admin page and the API list it, with how many accounts belong to it. */
record ClinicView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "User accounts of the clinic")
                  long userCount) {
}
