package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryStringsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "q=Reyes                 | true",
        "q=Re%20yes&status=DRAFT | true",
        "q=Jos%C3%A9             | true",
        "q=%e2%82%ac             | true",
        "q=a+b                   | true",
        "''                      | true",
        "q=50%                   | false",
        "q=50%2                  | false",
        "q=%ZZ                   | false",
        "q=%2G                   | false",
        "q=%C3%28                | false",
        "q=%C3                   | false",
        "q=%FF                   | false",
        "q=%ED%A0%80             | false",
    })
    void decodesAsTomcatDoesOrRefuses(String raw, boolean decodable) {
        assertThat(QueryStrings.decodable(raw)).isEqualTo(decodable);
    }
}
