package dev.authpack.apidoc;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frame of the OpenAPI description that springdoc fills with the controllers' paths: title,
 * HTTP Basic as the one security scheme (the API has no other door), and a relative server, so the
 * generated file does not depend on the port it was generated on and clients point it anywhere.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BASIC = "basicAuth";

    @Bean
    OpenAPI authpackOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Authpack API").version("1.1")
                        .description("""
                                Prior-authorization packets and cost estimates for ketamine and esketamine \
                                treatment. JSON in and out; dates are ISO YYYY-MM-DD; money is a number with \
                                at most 2 decimals. Every error is application/problem+json (RFC 9457); a 400 \
                                names each bad field in `errors`. Another clinic's case or document answers \
                                404, as if it did not exist. The prose contract this describes is the \
                                project's API.md (version 1 and the 1.1 additions).""")
                        .license(new License().name("Proprietary")))
                .servers(List.of(new Server().url("/").description("This Authpack service")))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user of the clinic, e.g. north.billing with the demo password.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
