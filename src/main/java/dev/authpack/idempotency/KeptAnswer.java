package dev.authpack.idempotency;

/** What a successful write answered, kept to be sent again to a retry with the same key. */
record KeptAnswer(int status, String contentType, String location, byte[] body) {
}
