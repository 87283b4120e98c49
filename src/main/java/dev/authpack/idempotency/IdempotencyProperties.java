package dev.authpack.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the answer to a write sent with an {@code Idempotency-Key} is kept ({@code authpack.idempotency.*}).
 *
 * @param retention        after this, the key is forgotten and a request with it is a new request; a day covers a
 *                         client's retries after a timeout, an outage or a restart without keeping patient data
 *                         longer
 * @param interruptedAfter a key claimed this long ago and still unanswered belongs to a request whose instance
 *                         stopped while it ran (no request runs this long: bodies are read within seconds and
 *                         packets wait a bounded time for the generation pool); a retry is told so, instead of
 *                         "in progress, retry in a second" until the retention ends
 */
@ConfigurationProperties("authpack.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention,
                             @DefaultValue("15m") Duration interruptedAfter) {
}
