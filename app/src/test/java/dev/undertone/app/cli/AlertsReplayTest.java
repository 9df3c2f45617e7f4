package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.alert.BurstArchiveAccess;
import dev.undertone.app.alert.LoopbackReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replayed archive raises the alerts it would have raised live: an injected burst alerts for the
 * bursting track only, replaying again adds nothing, and {@code alerts} prints them as JSON lines.
 */
class AlertsReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return UndertoneCommand.commandLine().execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<JsonNode> alerts(String... extra) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("alerts", "--data", dir.resolve("data").toString()));
        args.addAll(List.of(extra));
        assertThat(run(args.toArray(String[]::new))).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines()) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void aBurstAlertsForTheBurstingTrackOnlyAndOnce() throws Exception {
        Path archive = dir.resolve("archive.jsonl");
        int lines = BurstArchiveAccess.write(archive);
        String data = dir.resolve("data").toString();

        int status = run("replay", archive.toString(), "--track", "acme,globex", "--data", data);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode summary = JSON.readTree(lines().get(lines().size() - 1));
        assertThat(summary.get("indexed").asLong()).isEqualTo(lines);
        List<JsonNode> alerts = alerts();
        assertThat(alerts).isNotEmpty();
        assertThat(summary.get("alerts").asInt()).isEqualTo(alerts.size());
        assertThat(alerts).allSatisfy(a -> assertThat(a.get("track").asText()).isEqualTo("acme"));
        JsonNode volume =
                alerts.stream()
                        .filter(a -> a.get("kind").asText().equals("volume"))
                        .findFirst()
                        .orElseThrow();
        assertThat(volume.get("window_start").asText())
                .isEqualTo(BurstArchiveAccess.burstWindow().toString());
        assertThat(volume.get("window_end").asText())
                .isEqualTo(BurstArchiveAccess.burstWindow().plusSeconds(600).toString());
        assertThat(volume.get("observed").asLong()).isEqualTo(BurstArchiveAccess.BURST);
        assertThat(volume.get("expected").asDouble()).isEqualTo(BurstArchiveAccess.STEADY);
        assertThat(volume.get("terms").toString()).contains("outage");
        JsonNode examples = volume.get("examples");
        assertThat(examples.size()).isBetween(1, 5);
        Set<String> authors = new HashSet<>();
        for (JsonNode e : examples) {
            assertThat(e.get("text").asText()).contains("outage");
            assertThat(e.has("id") && e.has("sentiment")).isTrue();
            authors.add(e.get("author").asText());
        }
        assertThat(authors).hasSize(examples.size());

        // Replaying again, even from the start, raises nothing new: alerts are keyed.
        assertThat(
                        run(
                                "replay",
                                archive.toString(),
                                "--from-start",
                                "--track",
                                "acme,globex",
                                "--data",
                                data))
                .isZero();
        assertThat(JSON.readTree(lines().get(lines().size() - 1)).get("alerts").asInt()).isZero();
        assertThat(alerts()).hasSize(alerts.size());

        assertThat(alerts("--kind", "volume")).hasSize(1);
        assertThat(alerts("--track", "globex")).isEmpty();
        assertThat(alerts("--since", BurstArchiveAccess.burstWindow().plusSeconds(600).toString()))
                .isEmpty();
    }

    @Test
    void aWebhookOnLoopbackGetsEachAlertAndItsSecretIsNeverLogged() throws Exception {
        Path archive = dir.resolve("archive.jsonl");
        BurstArchiveAccess.write(archive);
        try (LoopbackReceiver receiver = new LoopbackReceiver(n -> 200)) {
            int status =
                    run(
                            "replay",
                            archive.toString(),
                            "--track",
                            "acme,globex",
                            "--data",
                            dir.resolve("data").toString(),
                            "--alert-webhook",
                            receiver.url("/services/T0/B0/s3cr3t"));

            assertThat(status).isZero();
            List<JsonNode> stored = alerts();
            assertThat(receiver.bodies()).hasSize(stored.size());
            JsonNode first = JSON.readTree(receiver.bodies().get(0));
            assertThat(first.get("track").asText()).isEqualTo("acme");
            assertThat(first.get("text").asText()).startsWith("Undertone alert: ");
            assertThat(first.get("window_start").asText())
                    .isEqualTo(stored.get(0).get("window_start").asText());
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t");
    }

    @Test
    void aRefusedWebhookLeavesIngestAsItWas() throws Exception {
        Path archive = dir.resolve("archive.jsonl");
        int lines = BurstArchiveAccess.write(archive);
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        int status =
                run(
                        "replay",
                        archive.toString(),
                        "--track",
                        "acme,globex",
                        "--data",
                        dir.resolve("data").toString(),
                        "--alert-webhook",
                        "http://127.0.0.1:" + closed + "/hook/s3cr3t");

        assertThat(status).isZero();
        JsonNode summary = JSON.readTree(lines().get(lines().size() - 1));
        assertThat(summary.get("indexed").asLong()).isEqualTo(lines);
        assertThat(summary.get("alerts").asInt()).isPositive();
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(log)
                .contains(
                        "Posting an alert to the webhook http://127.0.0.1:" + closed + "/… failed");
        assertThat(log.split("Posting an alert to the webhook", -1)).as("logged once").hasSize(2);
        assertThat(log).doesNotContain("s3cr3t");
    }

    @Test
    void badAlertOptionsExitWithStatusTwoNamingTheOption() throws Exception {
        Path archive = dir.resolve("archive.jsonl");
        java.nio.file.Files.writeString(archive, "hello\n");
        String data = dir.resolve("data").toString();

        assertThat(
                        run(
                                "replay",
                                archive.toString(),
                                "--data",
                                data,
                                "--alert-webhook",
                                "ftp://hooks.example.com/services/T0/B0/s3cr3t"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--alert-webhook: must start with http:// or https://")
                .doesNotContain("s3cr3t");
        assertThat(run("replay", archive.toString(), "--data", data, "--alert-window", "7m"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--alert-window: ");
        assertThat(run("replay", archive.toString(), "--data", data, "--track", "a,,b"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--track: phrase 2 of 3 is empty");
        assertThat(run("alerts", "--data", data, "--kind", "loud")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kind");
    }
}
