package dev.undertone.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.alert.BurstArchiveAccess;
import dev.undertone.app.testing.UndertoneProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay killed with SIGKILL while it raises alerts, then resumed, ends with exactly the alerts
 * of an uninterrupted replay of the same archive: none doubled, none lost.
 */
class AlertsCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STEADY = 60;
    private static final int WINDOWS = 3 * 144;
    private static final Set<Integer> BURSTS = Set.of(40, 90, 140, 190, 240, 290, 340, 390);

    @TempDir Path tmp;

    @Test
    void aKilledAndResumedReplayRaisesEachAlertOnce() throws Exception {
        Path archive = tmp.resolve("archive.jsonl");
        BurstArchiveAccess.write(archive, STEADY, WINDOWS, BURSTS);
        Path logs = tmp.resolve("logs");
        String[] track = {"--track", "acme,globex"};

        Path reference = tmp.resolve("reference");
        UndertoneProcess.Result ref =
                UndertoneProcess.run(
                        logs,
                        "reference",
                        "replay",
                        archive.toString(),
                        track[0],
                        track[1],
                        "--data",
                        reference.toString());
        assertThat(ref.exitCode()).as(ref.stderr()).isZero();
        List<String> expected = keys(reference);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(BURSTS.size());

        Path data = tmp.resolve("data");
        Process p =
                UndertoneProcess.start(
                        logs,
                        "killed",
                        "replay",
                        archive.toString(),
                        track[0],
                        track[1],
                        "--data",
                        data.toString());
        // Kill once some alerts are stored, while the replay is still running.
        await().atMost(Duration.ofMinutes(3)).until(() -> !p.isAlive() || keys(data).size() >= 2);
        assertThat(p.isAlive()).as("the kill lands mid-replay").isTrue();
        p.destroyForcibly().waitFor();
        List<String> beforeResume = keys(data);
        assertThat(beforeResume).hasSizeLessThan(expected.size());

        UndertoneProcess.Result resumed =
                UndertoneProcess.run(
                        logs,
                        "resumed",
                        "replay",
                        archive.toString(),
                        track[0],
                        track[1],
                        "--data",
                        data.toString());
        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();

        List<String> after = keys(data);
        assertThat(new HashSet<>(after)).as("no alert doubled").hasSize(after.size());
        assertThat(after).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(after).containsAll(beforeResume);
    }

    /** The keys (track|kind|window_start) of the alerts file, one per line, in file order. */
    private static List<String> keys(Path data) throws Exception {
        Path file = data.resolve("alerts").resolve("alerts.jsonl");
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || !line.endsWith("}")) {
                continue;
            }
            var n = JSON.readTree(line);
            out.add(
                    n.get("track").asText()
                            + "|"
                            + n.get("kind").asText()
                            + "|"
                            + n.get("window_start").asText());
        }
        return out;
    }
}
