package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.InputException;
import dev.authpack.support.ApiClient;
import dev.authpack.support.SharedServiceTest;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuthorizationService#record(UUID, JsonNode, OptionalInt)}: the number of events the sender
 * saw is checked against the case's in the recording transaction; no number, no check.
 */
@SharedServiceTest
class SeenEventsTest {

    private static final LocalDate TODAY = LocalDate.now();

    @LocalServerPort
    int port;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    AuthenticationProvider accounts;
    @Autowired
    JsonMapper mapper;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(accounts.authenticate(
                new UsernamePasswordAuthenticationToken(LifecycleHttp.BILLING, "demo-pass-2026")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void fewerEventsSeenThanRecordedRefusesAndNamesTheEventsRecordedSince() {
        UUID id = UUID.fromString(new LifecycleHttp(new ApiClient(port)).approvedCase(TODAY.minusDays(5), 8));
        authorizations.record(id, session(), OptionalInt.of(2));

        assertThatThrownBy(() -> authorizations.record(id, session(), OptionalInt.of(1)))
                .isInstanceOfSatisfying(ChangedSinceException.class, e -> {
                    assertThat(e.since()).extracting(AuthEvent::type)
                            .containsExactly(EventType.APPROVED, EventType.SESSION_GIVEN);
                    assertThat(e.since()).extracting(AuthEvent::recordedBy).containsOnly(LifecycleHttp.BILLING);
                    assertThat(e.members()).containsEntry("authStatus", "APPROVED");
                });
        assertThat(events(id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where case_id = ? and action ="
                + " 'AUTH_SESSION_GIVEN' and outcome = 'CONFLICT'", Integer.class, id.toString())).isEqualTo(1);

        assertThat(authorizations.record(id, session(), OptionalInt.of(3)).authorization().sessionsUsed()).isEqualTo(2);
        assertThat(authorizations.record(id, session(), OptionalInt.empty()).authorization().sessionsUsed())
                .as("no number: recorded as the API records").isEqualTo(3);
    }

    @Test
    void moreEventsSeenThanTheCaseEverHadIsAProblemOfTheField() {
        UUID id = UUID.fromString(new LifecycleHttp(new ApiClient(port)).approvedCase(TODAY.minusDays(5), 8));

        assertThatThrownBy(() -> authorizations.record(id, session(), OptionalInt.of(3)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("seenEvents")));
        assertThatThrownBy(() -> authorizations.record(id, session(), OptionalInt.of(-1)))
                .isInstanceOf(InputException.class);
        assertThat(events(id)).isEqualTo(2);
    }

    private JsonNode session() {
        return mapper.readTree(LifecycleHttp.session(TODAY));
    }

    private int events(UUID id) {
        return jdbc.queryForObject("select count(*) from authorization_events where case_id = ?", Integer.class,
                id.toString());
    }
}
