package dev.undertone.app.pipeline;

import static dev.undertone.core.decode.JetstreamLines.account;
import static dev.undertone.core.decode.JetstreamLines.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.testing.ConstantScorer;
import dev.undertone.app.testing.ListSource;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.track.PostTracker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jetstream lines with account events, edits and a replayed create through the embedded pipeline
 * with the real decoders into a real index: what the issue measured (deleted and taken-down
 * accounts keeping their posts) and what a second replay, a restart and a rewind must not change.
 */
class JetstreamAccountsReplayTest {
    private static final Instant T0 = Instant.parse("2026-03-14T16:00:00Z");
    private static final String ALICE = "did:plc:alice";
    private static final String BOB = "did:plc:bob";
    private static final String CAROL = "did:plc:carol";
    private static final String DAVE = "did:plc:dave";

    @TempDir Path data;

    private static String key(String did, String rkey) {
        return "bluesky:" + did + "/" + rkey;
    }

    /** Twelve lines: without the account events 8 posts would stay; 3 must. */
    private static final List<String> LINES =
            List.of(
                    post("create", ALICE, "3maaaaaaaaaa2", "3maaaaaaaaaa2", "alice one"),
                    post("create", ALICE, "3maaaaaaaaab2", "3maaaaaaaaab2", "alice two"),
                    post("create", BOB, "3mbbbbbbbbbb2", "3mbbbbbbbbbb2", "bob one"),
                    post("create", CAROL, "3mcccccccccc2", "3mcccccccccc2", "carol one"),
                    post("create", CAROL, "3mcccccccccd2", "3mcccccccccd2", "carol two"),
                    post("create", DAVE, "3mdddddddddd2", "3mdddddddddd2", "dave one"),
                    // a valid post whose text holds an escaped NUL: kept, the NUL dropped
                    post("create", DAVE, "3mddddddddde2", "3mddddddddde2", "dave\\u0000 two"),
                    post("update", DAVE, "3mdddddddddd2", "3mdddddddddf2", "dave one, edited"),
                    account(ALICE, false, "deleted"),
                    account(BOB, false, "deactivated"),
                    account(CAROL, false, "takendown"),
                    post("create", ALICE, "3maaaaaaaaac2", "3maaaaaaaaac2", "alice after delete"));

    private static final Map<String, String> EXPECTED =
            Map.of(
                    key(BOB, "3mbbbbbbbbbb2"), "bob one",
                    key(DAVE, "3mdddddddddd2"), "dave one, edited",
                    key(DAVE, "3mddddddddde2"), "dave two");

    private PipelineStats replay(String sourceName, List<String> lines, IndexListener listener)
            throws Exception {
        try (Pipeline p = Pipeline.open(data, PipelineConfig.DEFAULTS, Clock.systemUTC())) {
            p.startProcessing(
                    new Stages(
                            Decoders.forRecords(),
                            PostTracker.parse("", null),
                            ConstantScorer.neutral(T0)),
                    listener);
            SourceRunner r = p.startSource(new ListSource(sourceName, "jetstream", lines, 4));
            assertThat(r.await(Duration.ofSeconds(30))).isTrue();
            p.drainAndClose();
            return p.stats();
        }
    }

    private Map<String, String> stored() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var dir = FSDirectory.open(data.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(dir)) {
            Bits live = MultiBits.getLiveDocs(reader);
            for (int i = 0; i < reader.maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    var doc = reader.storedFields().document(i);
                    out.put(doc.get(IndexFields.KEY), doc.get(IndexFields.TEXT));
                }
            }
        }
        return out;
    }

    @Test
    void deletedAndTakenDownAccountsLoseTheirPostsDeactivatedOnesKeepThemAndReplaysChangeNothing()
            throws Exception {
        List<String> deletedKeys = new ArrayList<>();
        IndexListener feed =
                new IndexListener() {
                    @Override
                    public void indexed(List<ScoredPost> posts) {}

                    @Override
                    public void deleted(List<String> keys) {
                        deletedKeys.addAll(keys);
                    }
                };
        PipelineStats first = replay("first", LINES, feed);

        assertThat(stored()).isEqualTo(EXPECTED);
        Map<String, Object> summary = first.summary();
        // 8 creates and 1 update are posts, the 3 account events are not; of the 8 creates, the one
        // after alice's deletion is refused
        assertThat(summary)
                .containsEntry("read", 12L)
                .containsEntry("posts", 9L)
                .containsEntry("matched", 9L)
                .containsEntry("indexed", 7L)
                .containsEntry("updated", 1L)
                // alice's two, carol's two
                .containsEntry("deleted", 4L)
                .containsEntry("purged", 2L)
                .containsEntry("refused", 1L)
                .containsEntry("stale", 0L)
                .containsEntry("rejected", 0L);
        assertThat(deletedKeys)
                .containsExactlyInAnyOrder(
                        key(ALICE, "3maaaaaaaaaa2"),
                        key(ALICE, "3maaaaaaaaab2"),
                        key(CAROL, "3mcccccccccc2"),
                        key(CAROL, "3mcccccccccd2"));

        // the same lines again (a second replay, from the start): the index is unchanged
        replay("second", LINES, IndexListener.NONE);
        assertThat(stored()).isEqualTo(EXPECTED);

        // after the restart, the source rewinds: dave's create comes again after its edit, and a
        // purged account posts; then alice is active again and posts
        PipelineStats third =
                replay(
                        "rewind",
                        List.of(
                                post("create", DAVE, "3mdddddddddd2", "3mdddddddddd2", "dave one"),
                                post("create", ALICE, "3maaaaaaaaad2", "3maaaaaaaaad2", "refused"),
                                account(ALICE, true, null),
                                post("create", ALICE, "3maaaaaaaaae2", "3maaaaaaaaae2", "back")),
                        IndexListener.NONE);
        assertThat(third.summary())
                .containsEntry("stale", 1L)
                .containsEntry("refused", 1L)
                .containsEntry("indexed", 1L);
        Map<String, String> expected = new TreeMap<>(EXPECTED);
        expected.put(key(ALICE, "3maaaaaaaaae2"), "back");
        assertThat(stored()).isEqualTo(expected);
    }
}
