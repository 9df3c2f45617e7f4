package dev.undertone.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.post.Revisions;
import dev.undertone.core.stage.Pending;
import dev.undertone.core.stage.PostWrite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The decode-and-track operator in Flink's operator test harness, with the real decoders and track
 * rules on raw Jetstream bytes; expected keys are read off the raw JSON ({@code bluesky:} + did +
 * {@code /} + rkey).
 */
class DecodeTrackFunctionTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-14T16:00:00Z");
    private static final String DID = "did:plc:ujzdegxdncf32epf3dhodzdo";

    private static String post(String operation, String rkey, String text) {
        return "{\"did\":\""
                + DID
                + "\",\"time_us\":1773500400123456,\"kind\":\"commit\",\"commit\":{\"rev\":\"3maiygphy2yq7\","
                + "\"operation\":\""
                + operation
                + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-03-14T14:59:59.273Z\","
                + "\"langs\":[\"en\"],\"text\":\""
                + text
                + "\"},\"cid\":\"bafyreihym6l3vfz5zfkkibj5j6wjibagi3mnbqnspuq2idw52ijb4lajlj\"}}";
    }

    private static RawEvent event(String json, long version) {
        return new RawEvent(
                new RawRecord("jetstream", null, RECEIVED, json.getBytes(StandardCharsets.UTF_8)),
                version);
    }

    private static OneInputStreamOperatorTestHarness<RawEvent, PendingChange> harness(
            SerializableFactory<RecordDecoder> decoder, String track) throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new DecodeTrackFunction(
                                        decoder, SentimentJobMain.tracker(track, null))));
        h.open();
        return h;
    }

    @Test
    void keptPostsGoOnAndAnEditThatNoLongerMatchesBecomesADelete() throws Exception {
        try (var h = harness(Decoders::forRecords, "coffee")) {
            h.processElement(new StreamRecord<>(event(post("create", "a1", "coffee time"), 10)));
            h.processElement(new StreamRecord<>(event(post("create", "b1", "tea time"), 11)));
            h.processElement(new StreamRecord<>(event(post("update", "a1", "tea now"), 12)));

            List<PendingChange> out = h.extractOutputValues();
            assertThat(out).hasSize(2);
            Pending.ToScore kept = (Pending.ToScore) out.get(0).pending();
            assertThat(kept.post().key()).isEqualTo("bluesky:" + DID + "/a1");
            assertThat(kept.post().tracks()).containsExactly("coffee");
            assertThat(out.get(0).version()).isEqualTo(10);
            assertThat(out.get(1))
                    .isEqualTo(
                            new PendingChange(
                                    new PostWrite.Delete(
                                            "bluesky:" + DID + "/a1",
                                            Revisions.fromTid("3maiygphy2yq7")),
                                    12));
            assertThat(h.getSideOutput(DecodeTrackFunction.REJECTED)).isNull();
        }
    }

    @Test
    void deletesPassWhateverTheRules() throws Exception {
        String delete =
                "{\"did\":\""
                        + DID
                        + "\",\"time_us\":1,\"kind\":\"commit\",\"commit\":{\"rev\":\"r\","
                        + "\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"z9\"}}";
        try (var h = harness(Decoders::forRecords, "coffee")) {
            h.processElement(new StreamRecord<>(event(delete, 3)));

            assertThat(h.extractOutputValues())
                    .containsExactly(
                            new PendingChange(new PostWrite.Delete("bluesky:" + DID + "/z9"), 3));
        }
    }

    @Test
    void undecodableRecordsAndDecoderExceptionsBecomeDeadLettersAndTheJobGoesOn() throws Exception {
        SerializableFactory<RecordDecoder> explodesOnBang =
                () ->
                        r -> {
                            if (new String(r.payload(), StandardCharsets.UTF_8).contains("!")) {
                                throw new IllegalStateException("decoder bug");
                            }
                            return Decoders.forRecords().decode(r);
                        };
        try (var h = harness(explodesOnBang, null)) {
            h.processElement(new StreamRecord<>(event("not json {", 1)));
            h.processElement(new StreamRecord<>(event("{\"bang\":\"!\"}", 2)));
            h.processElement(new StreamRecord<>(event(post("create", "ok", "still here"), 3)));

            List<DeadLetter> dead =
                    h.getSideOutput(DecodeTrackFunction.REJECTED).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(dead).hasSize(2);
            assertThat(dead).allMatch(d -> d.errorCode().equals("decode_rejected"));
            assertThat(dead.get(0).errorMessage()).contains("malformed JSON");
            assertThat(new String(dead.get(0).rawData(), StandardCharsets.UTF_8))
                    .isEqualTo("not json {");
            assertThat(dead.get(0).arrivalMillis()).isEqualTo(RECEIVED.toEpochMilli());
            assertThat(dead.get(1).errorMessage())
                    .isEqualTo("decoder failed: java.lang.IllegalStateException: decoder bug");
            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(
                            c ->
                                    assertThat(((Pending.ToScore) c.pending()).post().text())
                                            .isEqualTo("still here"));
        }
    }

    @Test
    void recordsThatAreNotPostsAreDropped() throws Exception {
        String like =
                "{\"did\":\"did:plc:cis2jhtlgmxgedn73u55xtpl\",\"time_us\":1,\"kind\":\"commit\","
                        + "\"commit\":{\"rev\":\"r\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\","
                        + "\"rkey\":\"3maw36woglwyj\",\"record\":{\"$type\":\"app.bsky.feed.like\","
                        + "\"createdAt\":\"2026-03-14T14:59:59.902Z\",\"subject\":{\"cid\":\"c\","
                        + "\"uri\":\"at://did:plc:ujzdegxdncf32epf3dhodzdo/app.bsky.feed.post/3m3lykgqwqr7i\"}}}}";
        try (var h = harness(Decoders::forRecords, null)) {
            h.processElement(new StreamRecord<>(event(like, 1)));

            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(DecodeTrackFunction.REJECTED)).isNull();
        }
    }
}
