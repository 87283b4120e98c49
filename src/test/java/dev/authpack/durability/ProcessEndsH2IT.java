package dev.authpack.durability;

import java.util.Map;

/** {@link ProcessEnds} on the embedded default: H2 in {@code ./data}, the settings exactly as shipped. */
class ProcessEndsH2IT extends ProcessEnds {

    @Override
    String database() {
        return "H2 (embedded default)";
    }

    @Override
    Map<String, String> settings() {
        return Map.of();
    }
}
