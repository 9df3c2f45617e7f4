package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import java.time.Instant;
import java.util.List;

/**
 * Decodes X API v2 filtered-stream lines: {@code {"data":…,"includes":…,"matching_rules":…}}. Blank
 * keep-alive lines and in-stream error objects are not posts; a line with both {@code data} and
 * {@code errors} (a partial hydration problem) keeps its post.
 *
 * <p>An edited post arrives with a new id and every version in {@code edit_history_tweet_ids}; it
 * is keyed by the first (original) id and marked as an edit so that it replaces the original, while
 * its url points at the newest version. The version's own id is the post's revision, so an older
 * version arriving late never replaces a newer one.
 */
final class XV2Decoder implements RecordDecoder {

    @Override
    public Decoded decode(RawRecord record) {
        if (isBlank(record.payload())) {
            return new Decoded.NotAPost("blank");
        }
        return decode(Json.parseObject(record.payload()), record);
    }

    /** Whether a parsed object looks like an X API v2 stream line. */
    static boolean looksLike(JsonNode node) {
        JsonNode data = node.get("data");
        if (data != null && data.isObject() && data.has("id") && data.has("text")) {
            return true;
        }
        return data == null && node.has("errors") && node.get("errors").isArray();
    }

    static Decoded decode(JsonNode line, RawRecord record) {
        JsonNode data = Json.object(line, "data");
        if (data == null) {
            if (line.has("errors")) {
                return new Decoded.NotAPost("stream-error");
            }
            throw new Rejection("X API v2 line has neither 'data' nor 'errors'");
        }
        String id = Ids.checkNumeric(Json.text(data, "id"), "X post id");
        List<JsonNode> history = Json.array(data, "edit_history_tweet_ids");
        String original = history.size() > 1 ? Json.textOf(history.get(0)) : null;
        boolean edit = original != null && !original.equals(id);
        PostDraft d = new PostDraft(PostSource.X);
        d.id = edit ? Ids.checkNumeric(original, "X original post id") : id;
        // Each version in the edit chain has a new, higher id: the version's own id orders them.
        d.revision = revision(id);
        d.text = text(data, line, "X post");
        d.authorId = Json.text(data, "author_id");
        d.authorHandle = username(line, d.authorId);
        d.url =
                d.authorHandle != null
                        ? "https://x.com/" + d.authorHandle + "/status/" + id
                        : "https://x.com/i/web/status/" + id;
        d.createdAt = time(data, record);
        String lang = Json.text(data, "lang");
        d.langs = lang == null ? List.of() : Langs.normalize(List.of(lang));
        JsonNode entities = Json.object(data, "entities");
        for (JsonNode h : Json.array(entities, "hashtags")) {
            d.addHashtag(Json.text(h, "tag"));
        }
        for (JsonNode m : Json.array(entities, "mentions")) {
            d.addMention(Json.text(m, "username"));
        }
        for (JsonNode u : Json.array(entities, "urls")) {
            String expanded = Json.text(u, "expanded_url");
            d.addLink(expanded != null ? expanded : Json.text(u, "url"));
        }
        for (JsonNode ref : Json.array(data, "referenced_tweets")) {
            String type = Json.text(ref, "type");
            if ("retweeted".equals(type)) {
                d.repost = true;
            } else if ("quoted".equals(type)) {
                d.quote = true;
            } else if ("replied_to".equals(type)) {
                d.reply = true;
            }
        }
        Post post = d.build();
        return new Decoded.NewPost(post, edit);
    }

    private static long revision(String versionId) {
        try {
            return Long.parseLong(versionId);
        } catch (NumberFormatException e) {
            return Revisions.UNKNOWN;
        }
    }

    private static Instant time(JsonNode data, RawRecord record) {
        Instant t = Times.parseIso(Json.text(data, "created_at"));
        return t != null ? t : record.receivedAt();
    }

    /**
     * The post's full text: the long-post {@code note_tweet} when present; for a retweet, the
     * retweeted post's text from {@code includes.tweets} when it was expanded (the retweet's own
     * text is a truncated "RT @user: …").
     */
    private static String text(JsonNode data, JsonNode line, String what) {
        JsonNode note = Json.object(data, "note_tweet");
        String noteText = Json.text(note, "text");
        if (noteText != null) {
            return noteText;
        }
        String text = Json.requiredText(data, "text", what);
        for (JsonNode ref : Json.array(data, "referenced_tweets")) {
            if ("retweeted".equals(Json.text(ref, "type"))) {
                JsonNode original =
                        byId(
                                Json.array(Json.object(line, "includes"), "tweets"),
                                Json.text(ref, "id"));
                if (original != null) {
                    String full = Json.text(Json.object(original, "note_tweet"), "text");
                    String t = full != null ? full : Json.text(original, "text");
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return text;
    }

    private static String username(JsonNode line, String authorId) {
        if (authorId == null) {
            return null;
        }
        JsonNode user = byId(Json.array(Json.object(line, "includes"), "users"), authorId);
        return Json.text(user, "username");
    }

    private static JsonNode byId(List<JsonNode> nodes, String id) {
        if (id == null) {
            return null;
        }
        for (JsonNode n : nodes) {
            if (id.equals(Json.text(n, "id"))) {
                return n;
            }
        }
        return null;
    }

    static boolean isBlank(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
