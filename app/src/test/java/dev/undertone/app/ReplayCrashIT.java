package dev.undertone.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.testing.UndertoneProcess;
import dev.undertone.core.index.IndexFields;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at arbitrary moments of a replay, each shown to land mid-run (the process was killed, not
 * finished, after journaling and before everything was committed), then the same command again:
 * every post ends up in the index exactly once, and {@code stats} agrees with what the test
 * computed on its own.
 */
class ReplayCrashIT {
    private static final int POSTS = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void killedReplaysResumeToExactlyOnce() throws Exception {
        Path input = tmp.resolve("posts.jsonl");
        Path data = tmp.resolve("data");
        Path logs = tmp.resolve("logs");
        int expected = writePosts(input);
        Random random = new Random(42);
        long inputBytes = Files.size(input);
        for (int kill = 0; kill < 3; kill++) {
            // Kill as soon as this run has journaled 10 to 20% of the file (a different point
            // each time): the reader is still at work, and after three kills at least 40% of the
            // file is left for the final run.
            long journaledBefore = UndertoneProcess.journalBytes(data);
            long step = (long) (inputBytes * (0.1 + 0.1 * random.nextDouble()));
            Process p =
                    UndertoneProcess.start(
                            logs,
                            "killed-" + kill,
                            "replay",
                            input.toString(),
                            "--data",
                            data.toString());
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(5))
                    .until(
                            () ->
                                    UndertoneProcess.journalBytes(data) >= journaledBefore + step
                                            || !p.isAlive());
            assertThat(p.isAlive())
                    .as("replay %d ended by itself before it journaled %d bytes", kill, step)
                    .isTrue();
            int exit = p.destroyForcibly().waitFor();
            // The kill landed mid-run: SIGKILL ended the process (137 = 128 + 9, not a clean
            // exit of a finished replay), after it had journaled records and before all of them
            // were committed to the index.
            assertThat(exit).as("replay %d was still running when killed", kill).isEqualTo(137);
            assertThat(committedPosts(data.resolve("index")))
                    .as("posts committed when replay %d was killed", kill)
                    .isLessThan(expected);
        }
        UndertoneProcess.Result last =
                UndertoneProcess.run(
                        logs, "final", "replay", input.toString(), "--data", data.toString());
        assertThat(last.exitCode()).as(last.stderr()).isZero();

        Set<String> keys = storedKeys(data.resolve("index"));
        assertThat(keys).hasSize(expected);
        for (int i = 0; i < POSTS; i++) {
            if (i % 10 != 7) {
                assertThat(keys).contains("file:p" + i);
            }
        }

        UndertoneProcess.Result stats =
                UndertoneProcess.run(logs, "stats", "stats", "--data", data.toString());
        assertThat(stats.exitCode()).as(stats.stderr()).isZero();
        JsonNode summary = JSON.readTree(stats.lastLine());
        assertThat(summary.get("total").asLong()).isEqualTo(expected);

        UndertoneProcess.Result again =
                UndertoneProcess.run(
                        logs, "again", "replay", input.toString(), "--data", data.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(storedKeys(data.resolve("index"))).isEqualTo(keys);
    }

    /** Writes posts plus one malformed line per ten; returns how many posts must be stored. */
    private static int writePosts(Path file) throws Exception {
        int posts = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < POSTS; i++) {
                if (i % 10 == 7) {
                    w.write("{\"id\":\"p" + i + "\",\"text\": broken json\n");
                    continue;
                }
                w.write(
                        "{\"id\":\"p"
                                + i
                                + "\",\"text\":\"post number "
                                + i
                                + " is rather good\",\"created_at\":\"2026-11-2"
                                + (i % 5)
                                + "T10:00:00Z\",\"lang\":\"en\",\"author\":\"a"
                                + (i % 97)
                                + "\"}\n");
                posts++;
            }
        }
        return posts;
    }

    /** Posts in the index's last commit (0 before the first one). */
    private static int committedPosts(Path index) throws Exception {
        if (!Files.isDirectory(index)) {
            return 0;
        }
        try (var dir = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(dir)) {
                return 0;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return reader.numDocs();
            }
        }
    }

    private static Set<String> storedKeys(Path index) throws Exception {
        Set<String> keys = new HashSet<>();
        try (var dir = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            Bits live = MultiBits.getLiveDocs(reader);
            var stored = reader.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    assertThat(keys.add(stored.document(i).get(IndexFields.KEY)))
                            .as("a key stored twice")
                            .isTrue();
                }
            }
        }
        return keys;
    }
}
