package dev.authpack.clinic;

import java.util.List;

/**
 * A profile whose every value passed its check (NPIs by check digit, the TIN by shape), normalised
 * to the text the value types print; absent values are null. What is stored and what cases get.
 */
record CheckedProfile(String facilityName, String facilityNpi, String facilityTin, String facilityAddress,
                      String remsSettingId, String feeCode, Integer feeUnits, List<PrescriberEntry> prescribers) {

    static final CheckedProfile EMPTY = new CheckedProfile(null, null, null, null, null, null, null, List.of());
}
