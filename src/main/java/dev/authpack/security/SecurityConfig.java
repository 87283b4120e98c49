package dev.authpack.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors: the JSON API (HTTP Basic, stateless, no CSRF token) and the web UI (form login,
 * sessions, CSRF). Role rules sit here, at the URL, so a new endpoint is denied unless listed;
 * clinic isolation (another clinic's data is 404) is enforced where the data is loaded.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Methods that only read. Every rule below covers every method: a read rule these, the rest the write rule. */
    private static final List<HttpMethod> READING = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String[] READERS = {Role.BILLING.name(), Role.CLINIC.name()};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> {
                    READING.forEach(m -> a.requestMatchers(m, "/api/v1/policies", "/api/v1/policies/**").authenticated());
                    a.requestMatchers("/api/v1/policies", "/api/v1/policies/**").hasRole(Role.ADMIN.name());
                    a.requestMatchers("/api/v1/audit", "/api/v1/audit/**", "/api/v1/users", "/api/v1/users/**",
                            "/api/v1/admin/**").hasRole(Role.ADMIN.name());
                    READING.forEach(m -> a.requestMatchers(m, "/api/v1/cases", "/api/v1/cases/**", "/api/v1/worklist")
                            .hasAnyRole(READERS));
                    a.requestMatchers("/api/v1/cases", "/api/v1/cases/**", "/api/v1/fhir/**").hasRole(Role.BILLING.name());
                    a.requestMatchers("/api/v1/documents", "/api/v1/documents/**").hasAnyRole(READERS);
                    a.anyRequest().authenticated();
                })
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(SecurityHeaders.strict());
        return http.build();
    }

    /**
     * The API description (springdoc's /v3/api-docs): for signed-in users only, like the API, but
     * readable both with HTTP Basic (scripts, client generators) and with the web session (the
     * browsable UI at /api-docs, which fetches it from the signed-in browser).
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .headers(SecurityHeaders.strict());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, UserAccountRepository users, SessionProperties sessions, Clock clock,
                            ApplicationEventPublisher events,
                            @Value("${server.servlet.session.cookie.secure:#{null}}") Boolean secureCookies)
            throws Exception {
        RequestCache pages = pagesToReturnTo();
        SignedInCookie signedIn = new SignedInCookie(secureCookies);
        ExpiredFormHandler expiredForms = new ExpiredFormHandler(pages, signedIn);
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
                            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll();
                    a.requestMatchers("/admin", "/admin/**").hasRole(Role.ADMIN.name());
                    // the case search posts the name it looks for, so that it never appears in a URL
                    a.requestMatchers(HttpMethod.POST, "/cases/search").hasAnyRole(READERS);
                    a.requestMatchers("/cases/new", "/cases/*/edit", "/cases/import").hasRole(Role.BILLING.name());
                    READING.forEach(m -> a.requestMatchers(m, "/cases", "/cases/**", "/worklist").hasAnyRole(READERS));
                    a.requestMatchers("/cases", "/cases/**").hasRole(Role.BILLING.name());
                    a.requestMatchers("/documents", "/documents/**").hasAnyRole(READERS);
                    // the clinic profile is typed by the clinic's billing staff (administrators have no clinic)
                    a.requestMatchers("/clinic", "/clinic/**").hasRole(Role.BILLING.name());
                    a.anyRequest().authenticated();
                })
                .formLogin(f -> f.loginPage(SignInFailureHandler.LOGIN)
                        .successHandler(new SignInAnswers(expiredForms, events, signedIn))
                        .failureHandler(new SignInFailureHandler()).permitAll())
                .requestCache(c -> c.requestCache(pages))
                .exceptionHandling(e -> e.accessDeniedHandler(expiredForms).authenticationEntryPoint(signIn(signedIn)))
                .logout(l -> l.logoutUrl(ExpiredFormHandler.SIGN_OUT).addLogoutHandler((request, response, auth) ->
                        signedIn.clear(request, response)).logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterAfter(new SessionValidityFilter(users, sessions, clock, events), SecurityContextHolderFilter.class)
                .headers(SecurityHeaders.strict());
        return http.build();
    }

    /**
     * Sends a signed-out request to the sign-in page, as the form login does, and to {@code /login?ended} when
     * {@link SessionValidityFilter} ended its session in this very request (password, role or clinic changed,
     * account disabled, maximum lifetime reached): the clerk was sent to sign in without a word, mid-work. To
     * {@code /login?inactive} when the request named a session that is no more (its cookie outlived it): the
     * idle timeout ended it and its row was removed, so the page says that, when the session was a signed-in one
     * ({@link SignedInCookie}): not the session of a sign-in page left open, after signing out or on a first visit.
     * Sent to sign in, the browser is no longer signed in, so that cookie says so (and why, when the account changed
     * or the lifetime was reached, for a form sent next from another tab); it is not removed, as signing out
     * removes it: the clerk did not sign out, and a form posted then from another tab keeps its draft
     * ({@link ExpiredFormHandler}). Only the flag is in the address, never the session's id.
     */
    private static AuthenticationEntryPoint signIn(SignedInCookie signedIn) {
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SignInFailureHandler.LOGIN);
        AuthenticationEntryPoint ended = new LoginUrlAuthenticationEntryPoint(SignInFailureHandler.LOGIN + "?ended");
        AuthenticationEntryPoint inactive = new LoginUrlAuthenticationEntryPoint(SignInFailureHandler.LOGIN + "?inactive");
        return (request, response, e) -> {
            AuthenticationEntryPoint answer = request.getAttribute(SessionValidityFilter.ENDED) != null ? ended
                    : namedAnEndedSession(request) && SignedInCookie.signedIn(request) ? inactive : signIn;
            signedIn.sentToSignIn(request, response);
            answer.commence(request, response, e);
        };
    }

    private static boolean namedAnEndedSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    /**
     * The page a signed-out request asked for, kept in the session by Spring Security's request cache so that
     * signing in ends on it (a link followed after the idle timeout, a bookmark) rather than on the start page.
     * Spring's default keeps every GET that is not JSON or a script's, downloads included: signing in would start
     * a document's download again and leave the clerk on the sign-in page. Kept here: a browser's navigation
     * (it asks for HTML by name, where a script asks for any type or JSON) to one of the pages below, with its query
     * (filters, the page of a list: no patient data, which the searches post). Never a download (documents,
     * attachments, the audit CSV, the PAS bundle), a POST (a form posted after the session ended goes back to
     * its page through {@link ExpiredFormHandler}) or the API (its own chain keeps no session). The target is
     * the request's own address, so it cannot lead to another site.
     */
    private static RequestCache pagesToReturnTo() {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher page = new OrRequestMatcher(Stream.of("/worklist", "/cases", "/cases/{id}", "/cases/{id}/edit",
                        "/documents", "/clinic/profile", "/admin", "/admin/users", "/admin/clinics", "/admin/policies",
                        "/admin/audit")
                .map(p -> (RequestMatcher) path.matcher(HttpMethod.GET, p)).toList());
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(page, html));
        return cache;
    }

    /** Publishes authorization denials, so the audit trail can record a signed-in user's 403s. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /**
     * BCrypt, stored with its {@code {bcrypt}} prefix, at {@code authpack.security.password-hash-cost} (log2
     * rounds, 4–31; Spring's default 10). A stored hash keeps the cost it was made with, so a new cost applies
     * to passwords set from then on and older ones still match. The tests run at 4: every test context
     * hashes its demo users' passwords again, and at 10 hashing was a fifth of the suite's CPU.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${authpack.security.password-hash-cost:10}") int cost) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
    }
}
