package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Bluesky Jetstream {@code /subscribe} events (v1, and v2 which adds fields): post creates
 * and updates become posts carrying the commit's {@code rev} as their revision, post deletes become
 * deletions, account events become account statuses, everything else (likes, reposts, follows,
 * identity events, kinds added later such as v2's {@code sync}) is not a post.
 *
 * <p>The post id is {@code <did>/<rkey>}; the post time is the record's {@code createdAt} unless it
 * is missing, malformed or later than the event's {@code time_us} (a client clock ahead of the
 * server's), in which case {@code time_us} is used.
 */
final class JetstreamDecoder implements RecordDecoder {
    static final String POST_COLLECTION = "app.bsky.feed.post";
    private static final String FACET_TAG = "app.bsky.richtext.facet#tag";
    private static final String FACET_MENTION = "app.bsky.richtext.facet#mention";
    private static final String FACET_LINK = "app.bsky.richtext.facet#link";
    private static final String EMBED_RECORD = "app.bsky.embed.record";
    private static final String EMBED_RECORD_WITH_MEDIA = "app.bsky.embed.recordWithMedia";

    /** How {@link Decoded.NotAPost#kind()} starts for an event kind this decoder does not know. */
    static final String UNKNOWN_KIND_PREFIX = "unknown Jetstream kind ";

    @Override
    public Decoded decode(RawRecord record) {
        Decoded commit = JetstreamFastPath.tryDecode(record, false);
        if (commit != null) {
            return commit;
        }
        return decode(Json.parseObject(record.payload()), record);
    }

    /** Decodes from the tree only: the reference {@link JetstreamFastPath} must agree with. */
    static Decoded decodeFromTree(RawRecord record) {
        return decode(Json.parseObject(record.payload()), record);
    }

    /** Whether a parsed object looks like a Jetstream event. */
    static boolean looksLike(JsonNode node) {
        return node.has("did") && node.has("kind") && (node.has("time_us") || node.has("commit"));
    }

    static Decoded decode(JsonNode event, RawRecord record) {
        String kind = Json.text(event, "kind");
        if (kind == null) {
            throw new Rejection("Jetstream event has no 'kind'");
        }
        switch (kind) {
            case "identity" -> {
                return new Decoded.NotAPost(kind);
            }
            case "account" -> {
                return account(event);
            }
            case "commit" -> {
                return commit(event, record);
            }
            default -> {
                // Jetstream v2 adds kinds (sync); a kind this decoder does not know is no post.
                return new Decoded.NotAPost(UNKNOWN_KIND_PREFIX + abbreviate(kind));
            }
        }
    }

    private static Decoded account(JsonNode event) {
        JsonNode account = Json.object(event, "account");
        if (account == null) {
            throw new Rejection("Jetstream account event has no 'account' object");
        }
        String did = Json.text(event, "did");
        if (did == null) {
            did = Json.text(account, "did");
        }
        Ids.check(did, "Bluesky DID");
        JsonNode active = account.get("active");
        if (active == null || !active.isBoolean()) {
            throw new Rejection("Jetstream account event has no true/false 'active'");
        }
        return new Decoded.AccountStatus(
                PostSource.BLUESKY, did, active.booleanValue(), Json.text(account, "status"));
    }

    private static Decoded commit(JsonNode event, RawRecord record) {
        JsonNode commit = Json.object(event, "commit");
        if (commit == null) {
            throw new Rejection("Jetstream commit event has no 'commit' object");
        }
        String collection = Json.text(commit, "collection");
        String operation = Json.text(commit, "operation");
        if (collection == null || operation == null) {
            throw new Rejection("Jetstream commit lacks 'collection' or 'operation'");
        }
        if (!operation.equals("create")
                && !operation.equals("update")
                && !operation.equals("delete")) {
            throw new Rejection(
                    "unknown Jetstream commit operation '" + abbreviate(operation) + "'");
        }
        if (!POST_COLLECTION.equals(collection)) {
            return new Decoded.NotAPost(collection + "#" + operation);
        }
        String did = Json.text(event, "did");
        String rkey = Json.text(commit, "rkey");
        String id = postId(did, rkey);
        long revision = Revisions.fromTid(Json.text(commit, "rev"));
        if (operation.equals("delete")) {
            return new Decoded.Deletion(Post.key(PostSource.BLUESKY, id), revision);
        }
        JsonNode rec = Json.object(commit, "record");
        if (rec == null) {
            throw new Rejection("Jetstream post " + operation + " has no 'record' object");
        }
        return new Decoded.NewPost(
                post(did, rkey, id, rec, event, record, revision), operation.equals("update"));
    }

    static String postId(String did, String rkey) {
        Ids.check(did, "Bluesky DID");
        Ids.check(rkey, "Bluesky record key");
        if (!did.startsWith("did:")) {
            throw new Rejection("Bluesky DID '" + abbreviate(did) + "' does not start with 'did:'");
        }
        for (int i = 0; i < rkey.length(); i++) {
            char c = rkey.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '.'
                            || c == '-'
                            || c == '_'
                            || c == ':'
                            || c == '~';
            if (!ok) {
                throw new Rejection(
                        "Bluesky record key '"
                                + abbreviate(rkey)
                                + "' has a character not allowed in record keys");
            }
        }
        return did + "/" + rkey;
    }

    private static Post post(
            String did,
            String rkey,
            String id,
            JsonNode rec,
            JsonNode event,
            RawRecord record,
            long revision) {
        String text = Json.requiredText(rec, "text", "Bluesky post record");
        JsonNode t = event.get("time_us");
        Long seenMicros = t != null && t.canConvertToLong() ? t.longValue() : null;
        Instant createdAt = postTime(seenMicros, Json.text(rec, "createdAt"), record);
        List<String> tags = new ArrayList<>();
        for (JsonNode l : Json.array(rec, "langs")) {
            if (l.isTextual()) {
                tags.add(l.textValue());
            }
        }
        JsonNode embed = Json.object(rec, "embed");
        return post(
                new PostFields(
                        did,
                        rkey,
                        id,
                        text,
                        createdAt,
                        tags,
                        rec.get("facets"),
                        rec.get("tags"),
                        Json.object(rec, "reply") != null,
                        Json.text(embed, "$type"),
                        revision));
    }

    /**
     * What a post is built from, read from the tree or by {@link JetstreamFastPath}.
     *
     * @param facets the record's {@code facets} value (used when an array), or null
     * @param tags the record's {@code tags} value (used when an array), or null
     * @param embedType the {@code $type} of the record's {@code embed} object, or null
     */
    record PostFields(
            String did,
            String rkey,
            String id,
            String text,
            Instant createdAt,
            List<String> langTags,
            JsonNode facets,
            JsonNode tags,
            boolean reply,
            String embedType,
            long revision) {}

    /** The post from its fields; the one place both ways of reading an event build it. */
    static Post post(PostFields f) {
        PostDraft d = new PostDraft(PostSource.BLUESKY);
        d.id = f.id();
        d.revision = f.revision();
        d.authorId = f.did();
        d.text = f.text();
        d.url = "https://bsky.app/profile/" + f.did() + "/post/" + f.rkey();
        d.createdAt = f.createdAt();
        d.langs = Langs.normalize(f.langTags());
        facets(f.facets(), d);
        if (f.tags() != null && f.tags().isArray()) {
            for (JsonNode t : f.tags()) {
                if (t.isTextual()) {
                    d.addHashtag(t.textValue());
                }
            }
        }
        d.reply = f.reply();
        d.quote =
                EMBED_RECORD.equals(f.embedType()) || EMBED_RECORD_WITH_MEDIA.equals(f.embedType());
        return d.build();
    }

    /**
     * The post time: the record's {@code createdAt} unless it is missing, malformed or later than
     * when the server saw the event ({@code time_us}, else when Undertone received it).
     *
     * @param seenMicros the event's {@code time_us}, or null when absent or not a whole number
     * @param claimedIso the record's {@code createdAt} text, or null
     */
    static Instant postTime(Long seenMicros, String claimedIso, RawRecord record) {
        Instant seen = seenMicros != null ? Times.fromEpochNumber(seenMicros) : null;
        Instant claimed = Times.parseIso(claimedIso);
        if (seen == null) {
            seen = record.receivedAt();
        }
        return claimed == null || claimed.isAfter(seen) ? seen : claimed;
    }

    private static void facets(JsonNode facets, PostDraft d) {
        if (facets == null || !facets.isArray()) {
            return;
        }
        byte[] utf8 = null;
        for (JsonNode facet : facets) {
            for (JsonNode feature : Json.array(facet, "features")) {
                String type = Json.text(feature, "$type");
                if (FACET_TAG.equals(type)) {
                    d.addHashtag(Json.text(feature, "tag"));
                } else if (FACET_LINK.equals(type)) {
                    d.addLink(Json.text(feature, "uri"));
                } else if (FACET_MENTION.equals(type)) {
                    if (utf8 == null) {
                        utf8 = d.text.getBytes(StandardCharsets.UTF_8);
                    }
                    String handle = slice(utf8, Json.object(facet, "index"));
                    d.addMention(
                            handle != null && handle.startsWith("@")
                                    ? handle
                                    : Json.text(feature, "did"));
                }
            }
        }
    }

    /** The text between a facet's UTF-8 byte offsets, or null when they are out of range. */
    private static String slice(byte[] utf8, JsonNode index) {
        if (index == null) {
            return null;
        }
        JsonNode s = index.get("byteStart");
        JsonNode e = index.get("byteEnd");
        if (s == null || e == null || !s.canConvertToInt() || !e.canConvertToInt()) {
            return null;
        }
        int start = s.intValue();
        int end = e.intValue();
        if (start < 0 || end > utf8.length || start >= end) {
            return null;
        }
        return new String(utf8, start, end - start, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return Ids.abbreviate(s);
    }
}
