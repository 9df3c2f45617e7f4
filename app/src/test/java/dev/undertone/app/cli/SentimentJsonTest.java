package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentJsonTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0.0",
        "1, 1.0",
        "0.5, 0.5",
        "0.963656, 0.963656",
        "0.0145204, 0.01452",
        "0.000012, 0.000012",
        "0.0000004, 0.0",
        "0.9999996, 1.0",
        "123456.25, 123456.25",
        "-0.25, -0.25",
    })
    void writesNumbersInPlainNotationWithSixDecimalsAtMost(double v, String expected) {
        assertThat(SentimentJson.decimal(v)).isEqualTo(expected);
    }
}
