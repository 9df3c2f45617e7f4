package dev.undertone.core.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the common Jetstream event, a commit, with Jackson's streaming parser instead of a tree
 * of the whole event: only the fields a post is made of are kept, the rest (an embed's images, alt
 * texts, blobs) is skipped unread. Building the tree was a sixth of a replay's allocation.
 *
 * <p>It gives the {@link JetstreamDecoder}'s answer or none: anything it does not handle (another
 * kind of event, a field of an unexpected type, malformed JSON, a record that would be rejected)
 * returns null, and the caller decodes the record from the tree as before, which then gives the
 * same answer and rejection reasons as always. Duplicate keys keep the last value, as the tree
 * does. {@code JetstreamFastPathTest} checks both ways agree over varied events.
 */
final class JetstreamFastPath {
    private JetstreamFastPath() {}

    /**
     * The decoded commit event, or null when the tree decoder must decide.
     *
     * @param requireJetstreamShape true in auto-detection: only events that {@link
     *     JetstreamDecoder#looksLike} would accept are decoded here
     */
    static Decoded tryDecode(RawRecord record, boolean requireJetstreamShape) {
        Event e;
        try (JsonParser p = Json.streamingParser(record.payload())) {
            e = readEvent(p);
        } catch (IOException | RuntimeException malformed) {
            // Malformed JSON or a value out of range: the tree parse words the rejection.
            return null;
        }
        if (e == null || !"commit".equals(e.kind) || e.commit == null) {
            return null;
        }
        if (requireJetstreamShape && !e.hasDid) {
            return null;
        }
        return commit(e, record);
    }

    /** Mirrors the tree decoder's commit handling, in its order, for the values read. */
    private static Decoded commit(Event e, RawRecord record) {
        Commit c = e.commit;
        if (c.collection == null || c.operation == null) {
            return null;
        }
        String operation = c.operation;
        if (!operation.equals("create")
                && !operation.equals("update")
                && !operation.equals("delete")) {
            return null;
        }
        if (!JetstreamDecoder.POST_COLLECTION.equals(c.collection)) {
            return new Decoded.NotAPost(c.collection + "#" + operation);
        }
        String id = JetstreamDecoder.postId(e.did, c.rkey);
        long revision = Revisions.fromTid(c.rev);
        if (operation.equals("delete")) {
            return new Decoded.Deletion(Post.key(PostSource.BLUESKY, id), revision);
        }
        Rec r = c.record;
        if (r == null || r.text == null) {
            return null;
        }
        Post post =
                JetstreamDecoder.post(
                        new JetstreamDecoder.PostFields(
                                e.did,
                                c.rkey,
                                id,
                                r.text,
                                JetstreamDecoder.postTime(e.timeUs, r.createdAt, record),
                                r.langs,
                                r.facets,
                                r.tags,
                                r.reply,
                                r.embedType,
                                revision));
        return new Decoded.NewPost(post, operation.equals("update"));
    }

    /** The fields of the event this path uses; null fields are absent or JSON null. */
    private static final class Event {
        boolean hasDid;
        String did;
        String kind;
        Long timeUs;
        Commit commit;
    }

    private static final class Commit {
        String collection;
        String operation;
        String rkey;
        String rev;
        Rec record;
    }

    private static final class Rec {
        String text;
        String createdAt;
        List<String> langs = List.of();
        JsonNode facets;
        JsonNode tags;
        boolean reply;
        String embedType;
    }

    /** Thrown inside this class when a value is of a type only the tree decoder handles. */
    private static final class Unhandled extends RuntimeException {
        private static final Unhandled INSTANCE = new Unhandled();

        private Unhandled() {
            super(null, null, false, false);
        }
    }

    private static Event readEvent(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Event e = new Event();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "did" -> {
                    e.hasDid = true;
                    e.did = string(p, t);
                }
                case "kind" -> e.kind = string(p, t);
                case "time_us" -> e.timeUs = micros(p, t);
                case "commit" -> e.commit = t == JsonToken.START_OBJECT ? commit(p) : unhandled();
                default -> p.skipChildren();
            }
        }
        // The tree parse refuses trailing tokens; so does this path, by leaving them to it.
        return p.nextToken() == null ? e : null;
    }

    private static Commit commit(JsonParser p) throws IOException {
        Commit c = new Commit();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "collection" -> c.collection = string(p, t);
                case "operation" -> c.operation = string(p, t);
                case "rkey" -> c.rkey = string(p, t);
                case "rev" -> c.rev = string(p, t);
                case "record" -> c.record = t == JsonToken.START_OBJECT ? record(p) : skip(p);
                default -> p.skipChildren();
            }
        }
        return c;
    }

    private static Rec record(JsonParser p) throws IOException {
        Rec r = new Rec();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "text" -> r.text = t == JsonToken.VALUE_STRING ? p.getText() : unhandled();
                case "createdAt" -> r.createdAt = string(p, t);
                case "langs" -> r.langs = langs(p, t);
                case "facets" -> r.facets = Json.subtree(p);
                case "tags" -> r.tags = Json.subtree(p);
                case "reply" -> {
                    r.reply = t == JsonToken.START_OBJECT;
                    p.skipChildren();
                }
                case "embed" -> r.embedType = t == JsonToken.START_OBJECT ? embedType(p) : skip(p);
                default -> p.skipChildren();
            }
        }
        return r;
    }

    /** The {@code $type} of an embed object; the rest of it is skipped. */
    private static String embedType(JsonParser p) throws IOException {
        String type = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            if (name.equals("$type")) {
                type = string(p, t);
            } else {
                p.skipChildren();
            }
        }
        return type;
    }

    /** The string elements of an array (others are ignored, as the tree decoder does). */
    private static List<String> langs(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** A string value, or null for JSON null; other types are left to the tree decoder. */
    private static String string(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        return unhandled();
    }

    /** A whole number of microseconds, or null for JSON null. */
    private static Long micros(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT
                && (p.getNumberType() == JsonParser.NumberType.INT
                        || p.getNumberType() == JsonParser.NumberType.LONG)) {
            return p.getLongValue();
        }
        return unhandled();
    }

    private static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static <T> T unhandled() {
        throw Unhandled.INSTANCE;
    }
}
