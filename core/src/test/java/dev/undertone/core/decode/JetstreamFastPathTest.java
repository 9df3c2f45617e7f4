package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming path gives the tree decoder's answer whenever it gives one: over thousands of
 * varied Jetstream events (field order, duplicate keys, unexpected types, missing parts, malformed
 * JSON), decoded both ways. The tree decoder is the reference: JetstreamDecoderTest and
 * RejectionsTest pin its answers to the raw events.
 */
class JetstreamFastPathTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-14T15:00:00Z");
    private static final int EVENTS = 5_000;

    @Test
    void givesTheTreeDecodersAnswerOrLeavesItToIt() {
        Random random = new Random(15);
        int handled = 0;
        int posts = 0;
        for (int i = 0; i < EVENTS; i++) {
            String line = event(random);
            RawRecord record =
                    new RawRecord(
                            Formats.JETSTREAM,
                            "test",
                            RECEIVED,
                            line.getBytes(StandardCharsets.UTF_8));
            Decoded tree = outcome(() -> JetstreamDecoder.decodeFromTree(record));
            Decoded fast = outcome(() -> JetstreamFastPath.tryDecode(record, false));
            if (fast != null) {
                handled++;
                assertThat(fast).as(line).isEqualTo(tree);
                if (fast instanceof Decoded.NewPost) {
                    posts++;
                }
            }
            Decoded shaped = outcome(() -> JetstreamFastPath.tryDecode(record, true));
            if (shaped != null) {
                // In auto-detection it may only answer for what the tree calls Jetstream.
                JsonNode node = Json.parseObject(record.payload());
                assertThat(JetstreamDecoder.looksLike(node)).as(line).isTrue();
                assertThat(shaped).as(line).isEqualTo(tree);
            }
            // Whatever answers, the decoder a user runs gives the tree's answer.
            assertThat(outcome(() -> new JetstreamDecoder().decode(record)))
                    .as(line)
                    .isEqualTo(tree);
        }
        // Not vacuous: a quarter of these (odd on purpose) events are commits the streaming path
        // decodes itself, most of them posts.
        assertThat(handled).isGreaterThan(EVENTS / 5);
        assertThat(posts).isGreaterThan(EVENTS / 10);
    }

    @Test
    void decodesAPostWithFacetsTagsReplyAndEmbedItself() {
        String line =
                "{\"did\":\"did:plc:abc\",\"time_us\":1773500400123456,\"kind\":\"commit\","
                        + "\"commit\":{\"rev\":\"3lbcd2zxq2k2a\",\"operation\":\"create\","
                        + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3kq1\",\"record\":{"
                        + "\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-03-14T14:59:59Z\","
                        + "\"facets\":"
                        + "[{\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"Tag\"}],"
                        + "\"index\":{\"byteStart\":3,\"byteEnd\":7}}],"
                        + "\"tags\":[\"Extra\"],\"reply\":{\"root\":{},\"parent\":{}},"
                        + "\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":{}},"
                        + "\"langs\":[\"en\"],\"text\":\"hi #Tag\"},\"cid\":\"bafy\"}}";
        RawRecord record =
                new RawRecord(
                        Formats.JETSTREAM, "test", RECEIVED, line.getBytes(StandardCharsets.UTF_8));
        Decoded fast = JetstreamFastPath.tryDecode(record, true);
        assertThat(fast).isInstanceOf(Decoded.NewPost.class);
        assertThat(((Decoded.NewPost) fast).post().hashtags()).containsExactly("Tag", "Extra");
        assertThat(((Decoded.NewPost) fast).post().quote()).isTrue();
        assertThat(((Decoded.NewPost) fast).post().reply()).isTrue();
    }

    private interface Decode {
        Decoded run();
    }

    private static Decoded outcome(Decode d) {
        try {
            return d.run();
        } catch (Rejection r) {
            return new Decoded.Rejected(r.getMessage());
        }
    }

    /** A Jetstream-like event, usually well formed, sometimes odd in one or more places. */
    private static String event(Random r) {
        List<String> fields = new ArrayList<>();
        if (r.nextInt(40) != 0) {
            fields.add(
                    "\"did\":"
                            + pick(
                                    r,
                                    30,
                                    "\"did:plc:abc" + r.nextInt(50) + "\"",
                                    "null",
                                    "42",
                                    "\"plc:nodid\""));
        }
        if (r.nextInt(40) != 0) {
            fields.add(
                    "\"kind\":"
                            + pick(
                                    r,
                                    12,
                                    "\"commit\"",
                                    "\"identity\"",
                                    "\"account\"",
                                    "\"sync\"",
                                    "null",
                                    "7"));
        }
        if (r.nextInt(10) != 0) {
            fields.add(
                    "\"time_us\":"
                            + pick(
                                    r,
                                    10,
                                    "1773500400123456",
                                    "1.7735004001234E15",
                                    "\"17\"",
                                    "null",
                                    "99999999999999999999",
                                    "17735004"));
        }
        if (r.nextInt(30) != 0) {
            fields.add("\"commit\":" + pick(r, 30, commit(r), "null", "\"c\"", "[]"));
        }
        if (r.nextBoolean()) {
            fields.add("\"cursor\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"}");
        }
        if (r.nextInt(20) == 0 && !fields.isEmpty()) {
            fields.add(fields.get(r.nextInt(fields.size()))); // a duplicate key
        }
        Collections.shuffle(fields, r);
        String json = "{" + String.join(",", fields) + "}";
        return switch (r.nextInt(60)) {
            case 0 -> json + " {}";
            case 1 -> json.substring(0, json.length() / 2);
            case 2 -> json + "  ";
            default -> json;
        };
    }

    private static String commit(Random r) {
        List<String> fields = new ArrayList<>();
        fields.add(
                "\"collection\":"
                        + pick(
                                r,
                                10,
                                "\"app.bsky.feed.post\"",
                                "\"app.bsky.feed.like\"",
                                "null",
                                "3"));
        fields.add(
                "\"operation\":"
                        + pick(
                                r,
                                6,
                                "\"create\"",
                                "\"update\"",
                                "\"delete\"",
                                "\"merge\"",
                                "null"));
        if (r.nextInt(30) != 0) {
            fields.add(
                    "\"rkey\":"
                            + pick(
                                    r,
                                    20,
                                    "\"3kq" + r.nextInt(1000) + "\"",
                                    "\"bad key!\"",
                                    "12",
                                    "null"));
        }
        fields.add("\"rev\":" + pick(r, 8, "\"3lbcd2zxq2k2a\"", "\"not-a-tid\"", "null", "5"));
        if (r.nextInt(20) != 0) {
            fields.add("\"record\":" + pick(r, 30, record(r), "null", "\"r\"", "[1]"));
        }
        fields.add("\"cid\":\"bafyrei\"");
        return object(fields, r);
    }

    /** A JSON object of these fields in a random order, one of them now and then twice. */
    private static String object(List<String> fields, Random r) {
        if (r.nextInt(25) == 0) {
            fields.add(fields.get(r.nextInt(fields.size())));
        }
        Collections.shuffle(fields, r);
        return "{" + String.join(",", fields) + "}";
    }

    private static String record(Random r) {
        String text =
                pick(
                        r,
                        4,
                        "hi @alice.bsky.social #Tag see https://x.io",
                        "caf\\u00e9 \\ud83d\\udc4d\\ud83c\\udffd tr\\u00e8s bien",
                        "tab\\tand\\u0007bell",
                        "");
        List<String> fields = new ArrayList<>();
        fields.add("\"$type\":\"app.bsky.feed.post\"");
        if (r.nextInt(25) != 0) {
            fields.add("\"text\":" + pick(r, 25, "\"" + text + "\"", "null", "1", "[\"t\"]"));
        }
        fields.add(
                "\"createdAt\":"
                        + pick(
                                r,
                                5,
                                "\"2026-03-14T14:59:59.273Z\"",
                                "\"2099-01-01T00:00:00Z\"",
                                "\"yesterday\"",
                                "null",
                                "1773500399"));
        if (r.nextInt(4) != 0) {
            fields.add(
                    "\"langs\":"
                            + pick(
                                    r,
                                    8,
                                    "[\"en\"]",
                                    "[\"EN-us\",\"pt\"]",
                                    "[1,\"fr\",null,[\"x\"]]",
                                    "\"en\"",
                                    "null",
                                    "[]"));
        }
        if (r.nextInt(3) == 0) {
            fields.add("\"facets\":" + facets(r));
        }
        if (r.nextInt(5) == 0) {
            fields.add("\"tags\":" + pick(r, 3, "[\"Extra\",\"#tag\",5]", "\"tag\"", "null"));
        }
        if (r.nextInt(4) == 0) {
            fields.add(
                    "\"reply\":"
                            + pick(
                                    r,
                                    6,
                                    "{\"root\":{\"uri\":\"at://x\"},\"parent\":{}}",
                                    "null",
                                    "true"));
        }
        if (r.nextInt(3) == 0) {
            fields.add("\"embed\":" + embed(r));
        }
        return object(fields, r);
    }

    private static String facets(Random r) {
        String mention =
                "{\"index\":{\"byteStart\":"
                        + pick(r, 6, "3", "0", "-1", "\"3\"")
                        + ",\"byteEnd\":"
                        + pick(r, 6, "21", "2", "900", "null")
                        + "},\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\","
                        + "\"did\":\"did:plc:alice\"}]}";
        String tag =
                "{\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"Tag\"}],"
                        + "\"index\":{\"byteStart\":22,\"byteEnd\":26}}";
        String link =
                "{\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
                        + "\"uri\":\"https://x.io\"},{\"$type\":7}]}";
        return pick(r, 3, "[" + mention + "," + tag + "," + link + "]", "[" + tag + "]", "{}");
    }

    private static String embed(Random r) {
        String type =
                pick(
                        r,
                        3,
                        "\"app.bsky.embed.record\"",
                        "\"app.bsky.embed.recordWithMedia\"",
                        "\"app.bsky.embed.images\"",
                        "null",
                        "9");
        String images =
                "\"images\":[{\"alt\":\"a \\\"cat\\\"\",\"image\":{\"ref\":{\"$link\":\"b\"}}}]";
        return pick(
                r,
                8,
                "{\"$type\":" + type + "," + images + "}",
                "{" + images + ",\"$type\":" + type + "}",
                "{" + images + "}",
                "\"e\"",
                "null");
    }

    /** The first option with probability {@code 1 - 1/oneIn}, else one of the others. */
    private static String pick(Random r, int oneIn, String first, String... others) {
        if (r.nextInt(oneIn) != 0 || others.length == 0) {
            return first;
        }
        return others[r.nextInt(others.length)];
    }
}
