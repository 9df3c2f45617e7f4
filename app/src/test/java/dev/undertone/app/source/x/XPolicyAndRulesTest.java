package dev.undertone.app.source.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class XPolicyAndRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-14T15:00:00Z");
    private final XReconnectPolicy policy = new XReconnectPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

    private static XStreamException failure(XStreamException.Kind kind, Instant reset) {
        return new XStreamException(
                kind, kind == XStreamException.Kind.NETWORK ? 0 : 503, reset, "x", null);
    }

    @Test
    void networkErrorsBackOffLinearlyTo16Seconds() {
        XStreamException e = failure(XStreamException.Kind.NETWORK, null);
        assertThat(policy.delay(1, e)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delay(4, e)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1000, e)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.delay(2, new IOException("reset"))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void httpErrorsBackOffExponentiallyFrom5To320Seconds() {
        XStreamException e = failure(XStreamException.Kind.HTTP, null);
        assertThat(policy.delay(1, e)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(3, e)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delay(40, e)).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void rateLimitsWaitForTheResetOrBackOffFrom60Seconds() {
        assertThat(policy.delay(1, failure(XStreamException.Kind.RATE_LIMIT, NOW.plusSeconds(90))))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(policy.delay(1, failure(XStreamException.Kind.RATE_LIMIT, NOW.minusSeconds(5))))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1, failure(XStreamException.Kind.RATE_LIMIT, null)))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(3, failure(XStreamException.Kind.RATE_LIMIT, null)))
                .isEqualTo(Duration.ofSeconds(240));
        assertThat(policy.delay(30, failure(XStreamException.Kind.RATE_LIMIT, null)))
                .isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void turnsTrackPhrasesIntoTaggedRules() {
        assertThat(XRules.ruleFor("stimulus").value()).isEqualTo("(stimulus OR #stimulus)");
        assertThat(XRules.ruleFor("#Relief check").value())
                .isEqualTo("(Relief OR #Relief) (check OR #check)");
        assertThat(XRules.ruleFor("\"cheque de ayuda\"").value()).isEqualTo("\"cheque de ayuda\"");
        assertThat(XRules.ruleFor("c++ rocks").value()).isEqualTo("\"c++\" (rocks OR #rocks)");
        assertThat(XRules.ruleFor(" relief check ").tag()).isEqualTo("relief check");
        assertThatThrownBy(() -> XRules.ruleFor("a".repeat(600) + " " + "b".repeat(600)))
                .hasMessageContaining("1024");
    }
}
