package dev.undertone.app;

import static dev.undertone.core.decode.JetstreamLines.account;
import static dev.undertone.core.decode.JetstreamLines.post;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged application between an edit and a replayed create of the same post (and
 * an account's deletion): after the restart the edit stands, the deleted account's posts are gone
 * and its later post refused, and every other post is stored exactly once.
 */
class ReplayRevisionsCrashIT {
    private static final int FILLER = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "did:plc:alice";
    private static final String DAVE = "did:plc:dave";

    @TempDir Path tmp;

    private static final String ALICE_DELETED = account(ALICE, false, "deleted");

    @Test
    void afterAKillBetweenAnEditAndAReplayedCreateTheEditStands() throws Exception {
        Path data = tmp.resolve("data");
        Path logs = tmp.resolve("logs");
        Path first = tmp.resolve("first.jsonl");
        Files.write(
                first,
                List.of(
                        post("create", ALICE, "3maaaaaaaaaa2", "3maaaaaaaaaa2", "alice one"),
                        post("create", DAVE, "3mdddddddddd2", "3mdddddddddd2", "dave one"),
                        post("update", DAVE, "3mdddddddddd2", "3mdddddddddf2", "dave edited")));
        UndertoneProcess.Result edit =
                UndertoneProcess.run(
                        logs, "edit", "replay", first.toString(), "--data", data.toString());
        assertThat(edit.exitCode()).as(edit.stderr()).isZero();

        // then the rewound create (older revision), the account's deletion and a later post of it,
        // behind many other posts so the kill lands while they are being journaled or applied
        Path second = tmp.resolve("second.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(second)) {
            for (int i = 0; i < FILLER; i++) {
                w.write(
                        "{\"id\":\"p"
                                + i
                                + "\",\"text\":\"filler post "
                                + i
                                + "\",\"created_at\":\"2026-11-20T10:00:00Z\",\"lang\":\"en\"}\n");
                if (i == FILLER / 2) {
                    w.write(post("create", DAVE, "3mdddddddddd2", "3mdddddddddd2", "dave one"));
                    w.write('\n');
                    w.write(ALICE_DELETED);
                    w.write('\n');
                    w.write(post("create", ALICE, "3maaaaaaaaab2", "3maaaaaaaaab2", "alice two"));
                    w.write('\n');
                }
            }
        }
        Process p =
                UndertoneProcess.start(
                        logs, "killed", "replay", second.toString(), "--data", data.toString());
        long before = UndertoneProcess.journalBytes(data);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> UndertoneProcess.journalBytes(data) > before || !p.isAlive());
        Thread.sleep(700);
        assertThat(p.isAlive()).as("the replay is still running when it is killed").isTrue();
        p.destroyForcibly().waitFor();

        UndertoneProcess.Result last =
                UndertoneProcess.run(
                        logs, "final", "replay", second.toString(), "--data", data.toString());
        assertThat(last.exitCode()).as(last.stderr()).isZero();

        Map<String, String> stored = stored(data.resolve("index"));
        assertThat(stored).hasSize(FILLER + 1);
        assertThat(stored).containsEntry("bluesky:" + DAVE + "/3mdddddddddd2", "dave edited");
        assertThat(stored)
                .doesNotContainKeys(
                        "bluesky:" + ALICE + "/3maaaaaaaaaa2",
                        "bluesky:" + ALICE + "/3maaaaaaaaab2");
        for (int i = 0; i < FILLER; i += 997) {
            assertThat(stored).containsKey("file:p" + i);
        }

        UndertoneProcess.Result stats =
                UndertoneProcess.run(logs, "stats", "stats", "--data", data.toString());
        JsonNode summary = JSON.readTree(stats.lastLine());
        assertThat(summary.get("total").asLong()).isEqualTo(FILLER + 1);
    }

    /** Key to text of the live documents; fails on a key stored twice. */
    private static Map<String, String> stored(Path index) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (var dir = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            Bits live = MultiBits.getLiveDocs(reader);
            var fields = reader.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    var doc = fields.document(i);
                    assertThat(out.put(doc.get(IndexFields.KEY), doc.get(IndexFields.TEXT)))
                            .as("a key stored twice")
                            .isNull();
                }
            }
        }
        return out;
    }
}
