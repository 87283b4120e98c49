package dev.authpack.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors: the JSON API (HTTP Basic, stateless, no CSRF token) and the web UI (form login,
 * sessions, CSRF). Role rules sit here, at the URL, so a new endpoint is denied unless listed;
 * clinic isolation (another clinic's data is 404) is enforced where the data is loaded.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies", "/api/v1/policies/**").authenticated()
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**", "/api/v1/users", "/api/v1/users/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**",
                                "/api/v1/documents/**", "/api/v1/worklist").hasAnyRole(Role.BILLING.name(), Role.CLINIC.name())
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/**", "/api/v1/fhir/**").hasRole(Role.BILLING.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(SecurityHeaders.strict());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        ExpiredFormHandler expiredForms = new ExpiredFormHandler();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
                                "/actuator/health").permitAll()
                        .requestMatchers("/admin", "/admin/**").hasRole(Role.ADMIN.name())
                        // the case list's search is posted (no patient data in URLs) and reads only
                        .requestMatchers(HttpMethod.POST, "/cases/search")
                        .hasAnyRole(Role.BILLING.name(), Role.CLINIC.name())
                        .requestMatchers(HttpMethod.POST, "/cases", "/cases/**").hasRole(Role.BILLING.name())
                        .requestMatchers("/cases/new", "/cases/*/edit", "/cases/import").hasRole(Role.BILLING.name())
                        .requestMatchers("/cases", "/cases/**", "/documents", "/documents/**", "/worklist")
                        .hasAnyRole(Role.BILLING.name(), Role.CLINIC.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(expiredForms).permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(expiredForms))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(SecurityHeaders.strict());
        return http.build();
    }

    /** Publishes authorization denials, so the audit trail can record a signed-in user's 403s. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }
}
