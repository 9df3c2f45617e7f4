package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-14T14:59:59.273Z",
                "2026-03-14T14:59:59Z",
                "2026-03-14T14:59:59.123456789Z",
                "2026-03-14T14:59:59.1+05:30",
                "2026-03-14T14:59:59-08:00",
                "2024-02-29T00:00:00Z",
                "1969-12-31T23:59:59.999Z",
            })
    void fastIsoParsingAgreesWithJavaTime(String s) {
        assertThat(Times.parseIsoFast(s)).isEqualTo(OffsetDateTime.parse(s).toInstant());
        assertThat(Times.parseIso(s)).isEqualTo(OffsetDateTime.parse(s).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-03-14T24:00:00Z",
                "2026-03-14T14:59:59",
                "2026-03-14T14:59:59.Z",
                "2026-03-14T14:59:59.1234567890Z",
                "2026-03-14 14:59:59Z",
                "2026-03-14T14:59:59+0530",
            })
    void fastIsoParsingLeavesOtherShapesToJavaTime(String s) {
        assertThat(Times.parseIsoFast(s)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-14T15:00:00Z, 2026-03-14T15:00:00Z",
        "2026-03-14 15:00:00, 2026-03-14T15:00:00Z",
        "2026-03-14, 2026-03-14T00:00:00Z",
        "1773500400, 2026-03-14T15:00:00Z",
        "1773500400000, 2026-03-14T15:00:00Z",
        "1773500400000000, 2026-03-14T15:00:00Z",
        "Sat Mar 14 15:00:00 +0000 2026, 2026-03-14T15:00:00Z",
    })
    void flexibleParsingAcceptsTheFormatsFilesUse(String text, String expected) {
        assertThat(Times.parseFlexible(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void flexibleParsingReturnsNullForNonsense() {
        assertThat(Times.parseFlexible("yesterday")).isNull();
        assertThat(Times.parseFlexible("")).isNull();
        assertThat(Times.parseFlexible("99999999999999999999")).isNull();
    }
}
