package dev.undertone.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.stage.Pending;
import dev.undertone.core.stage.PostWrite;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The classify operator in Flink's operator test harness: batches leave when full, when the oldest
 * change has waited the maximum (a processing-time timer, driven by the harness's clock), before a
 * checkpoint barrier and at the end of input; always in arrival order, with their versions.
 */
class ClassifyOperatorTest {
    private static final long MAX_WAIT = 200;

    private static PendingChange post(String id, String text, long version) {
        Post p =
                TestPosts.post(PostSource.FILE, id, Instant.parse("2026-01-01T00:00:00Z"), text)
                        .author("a", null)
                        .langs(List.of("en"))
                        .build();
        return new PendingChange(new Pending.ToScore(p), version);
    }

    private static PendingChange delete(String id, long version) {
        return new PendingChange(new PostWrite.Delete("file:" + id), version);
    }

    private static OneInputStreamOperatorTestHarness<PendingChange, IndexChange> harness(
            int batchSize) throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ClassifyOperator(TestPipeline.WordModel::new, batchSize, MAX_WAIT));
        h.setProcessingTime(1_000);
        h.open();
        return h;
    }

    /** key=sentiment@version for upserts, key=deleted@version for deletes. */
    private static List<String> described(List<IndexChange> out) {
        return out.stream()
                .map(
                        c ->
                                c.key()
                                        + "="
                                        + (c.write() instanceof PostWrite.Upsert u
                                                ? u.post().sentiment().sentiment().name()
                                                : "deleted")
                                        + "@"
                                        + c.version())
                .toList();
    }

    @Test
    void aFullBatchLeavesAtOnceInArrivalOrder() throws Exception {
        try (var h = harness(3)) {
            h.processElement(new StreamRecord<>(post("1", "a good day", 5)));
            h.processElement(new StreamRecord<>(delete("0", 6)));
            assertThat(h.extractOutputValues()).isEmpty();

            h.processElement(new StreamRecord<>(post("2", "a bad day", 7)));

            assertThat(described(h.extractOutputValues()))
                    .containsExactly("file:1=POSITIVE@5", "file:0=deleted@6", "file:2=NEGATIVE@7");
        }
    }

    @Test
    void aPartBatchLeavesWhenItsOldestChangeHasWaitedTheMaximum() throws Exception {
        try (var h = harness(64)) {
            h.processElement(new StreamRecord<>(post("1", "a good day", 1)));
            h.setProcessingTime(1_000 + MAX_WAIT / 2);
            h.processElement(new StreamRecord<>(post("2", "just a day", 2)));
            h.setProcessingTime(1_000 + MAX_WAIT - 1);
            assertThat(h.extractOutputValues()).isEmpty();

            h.setProcessingTime(1_000 + MAX_WAIT);

            assertThat(described(h.extractOutputValues()))
                    .containsExactly("file:1=POSITIVE@1", "file:2=NEUTRAL@2");

            // the next change starts a new timer of its own
            h.setProcessingTime(1_300);
            h.processElement(new StreamRecord<>(post("3", "bad", 3)));
            h.setProcessingTime(1_300 + MAX_WAIT - 1);
            assertThat(h.extractOutputValues()).hasSize(2);
            h.setProcessingTime(1_300 + MAX_WAIT);
            assertThat(described(h.extractOutputValues()))
                    .containsExactly("file:1=POSITIVE@1", "file:2=NEUTRAL@2", "file:3=NEGATIVE@3");
        }
    }

    @Test
    void everythingBufferedLeavesBeforeACheckpointBarrier() throws Exception {
        try (var h = harness(64)) {
            h.processElement(new StreamRecord<>(post("1", "good and bad", 1)));
            h.processElement(new StreamRecord<>(delete("1", 2)));
            assertThat(h.extractOutputValues()).isEmpty();

            h.prepareSnapshotPreBarrier(1L);

            assertThat(described(h.extractOutputValues()))
                    .containsExactly("file:1=MIXED@1", "file:1=deleted@2");
            // the operator keeps no state: nothing is left to flush after the barrier
            h.prepareSnapshotPreBarrier(2L);
            assertThat(h.extractOutputValues()).hasSize(2);
        }
    }

    @Test
    void theEndOfInputFlushesTheLastPartBatch() throws Exception {
        var h = harness(64);
        h.processElement(new StreamRecord<>(post("1", "good", 1)));
        assertThat(h.extractOutputValues()).isEmpty();

        // closing the harness finishes the operator, as a bounded job's end does
        h.endInput();
        h.close();

        assertThat(described(h.extractOutputValues())).containsExactly("file:1=POSITIVE@1");
    }
}
