package dev.undertone.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook delivery against a real HTTP server on loopback, failing in the ways servers do. */
class WebhookSenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2025-06-01T12:00:00Z");

    /** Quick retries; a timeout long enough that a loaded machine does not hit it by accident. */
    private static final WebhookSender.Options FAST =
            new WebhookSender.Options(
                    Duration.ofMillis(20), Duration.ofMillis(100), 4, Duration.ofSeconds(10));

    /** As {@link #FAST}, with a request timeout short enough to wait out a stalled receiver. */
    private static final WebhookSender.Options SHORT_TIMEOUT =
            new WebhookSender.Options(
                    Duration.ofMillis(20), Duration.ofMillis(100), 8, Duration.ofSeconds(2));

    private static Alert alert(int i) {
        return new Alert(
                "acme",
                AlertKind.VOLUME,
                T.plusSeconds(600L * i),
                T.plusSeconds(600L * (i + 1)),
                300,
                30,
                12,
                null,
                null,
                300,
                24,
                List.of("outage"),
                List.of(),
                T.plusSeconds(600L * (i + 1)));
    }

    @Test
    void theReceiverGetsTheAlertAsJsonWithAHumanText() throws Exception {
        try (LoopbackReceiver r = new LoopbackReceiver(n -> 200);
                WebhookSender s =
                        new WebhookSender(
                                WebhookUrl.parse(r.url("/hooks/s3cr3t")),
                                new SimpleMeterRegistry(),
                                FAST)) {
            s.raised(alert(0));

            await().atMost(Duration.ofSeconds(20)).until(() -> s.delivered() == 1);
            JsonNode body = JSON.readTree(r.bodies().get(0));
            assertThat(body.get("track").asText()).isEqualTo("acme");
            assertThat(body.get("kind").asText()).isEqualTo("volume");
            assertThat(body.get("window_start").asText()).isEqualTo(T.toString());
            assertThat(body.get("text").asText())
                    .startsWith("Undertone alert: 300 posts about \"acme\"");
            assertThat(r.paths()).containsExactly("/hooks/s3cr3t");
        }
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedUntilTheAlertIsTaken() throws Exception {
        // 1: HTTP 500, 2: no answer (the request times out), 3: HTTP 503, 4: taken.
        try (LoopbackReceiver r =
                        new LoopbackReceiver(n -> n == 1 ? 500 : n == 2 ? 0 : n == 3 ? 503 : 200);
                WebhookSender s =
                        new WebhookSender(
                                WebhookUrl.parse(r.url("/hook")),
                                new SimpleMeterRegistry(),
                                FAST)) {
            s.raised(alert(0));

            await().atMost(Duration.ofSeconds(20)).until(() -> s.delivered() == 1);
            assertThat(s.failedAttempts()).isEqualTo(3);
            assertThat(r.requests()).isEqualTo(4);
            assertThat(r.bodies()).hasSize(1);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenGivenUpAndCounted() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (WebhookSender s =
                new WebhookSender(
                        WebhookUrl.parse("http://127.0.0.1:" + closed + "/hook"), registry, FAST)) {
            s.raised(alert(0));
            s.raised(alert(1));

            await().atMost(Duration.ofSeconds(20)).until(() -> given(registry) == 2);
            assertThat(s.failedAttempts()).isEqualTo(2L * FAST.maxAttempts());
            assertThat(s.delivered()).isZero();
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LoopbackReceiver r = new LoopbackReceiver(n -> 404);
                WebhookSender s =
                        new WebhookSender(WebhookUrl.parse(r.url("/gone")), registry, FAST)) {
            s.raised(alert(0));

            await().atMost(Duration.ofSeconds(20)).until(() -> given(registry) == 1);
            assertThat(r.requests()).isEqualTo(1);
        }
    }

    @Test
    void raisingNeverWaitsForAStalledReceiver() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LoopbackReceiver r = new LoopbackReceiver(n -> 0);
                WebhookSender s =
                        new WebhookSender(
                                WebhookUrl.parse(r.url("/stalled")),
                                registry,
                                new WebhookSender.Options(
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(1),
                                        2,
                                        Duration.ofSeconds(30)))) {
            // Far more alerts than the queue holds: each call returns at once, the rest are
            // dropped and counted, and nothing waits on the receiver.
            for (int i = 0; i < 1500; i++) {
                s.raised(alert(i));
            }
            double dropped =
                    registry.get(WebhookSender.METRIC).tag("outcome", "dropped").counter().count();
            assertThat(dropped).isBetween(499.0, 500.0);
        }
    }

    @Test
    void malformedAddressesAreRefusedWithoutRepeatingThem() {
        for (String bad :
                List.of(
                        "",
                        "hooks.example.com/s3cr3t",
                        "ftp://h/s3cr3t",
                        "http:///s3cr3t",
                        "http://h/ s3cr3t")) {
            try {
                WebhookUrl.parse(bad);
                org.assertj.core.api.Assertions.fail("accepted " + bad);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).doesNotContain("s3cr3t");
            }
        }
        assertThat(WebhookUrl.parse("https://hooks.slack.com/services/T0/B0/s3cr3t").redacted())
                .isEqualTo("https://hooks.slack.com/…");
    }

    private static long given(SimpleMeterRegistry registry) {
        return (long)
                registry.get(WebhookSender.METRIC).tag("outcome", "given_up").counter().count();
    }
}
