package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Decodes Twitter v1.1 tweet JSON, the format of the original streaming API and of most tweet
 * archives. The full text comes from {@code extended_tweet.full_text} (or {@code full_text}) over
 * the truncated {@code text}; a retweet carries the retweeted tweet's full text and is marked as a
 * repost. {@code {"delete":…}} notices become deletions; the other control lines (limit, warning,
 * disconnect, …) are not posts. Tweets share ids with X API v2, so both decode to source {@code x}.
 */
final class TwitterV1Decoder implements RecordDecoder {
    private static final Set<String> CONTROL_LINES =
            Set.of(
                    "limit",
                    "warning",
                    "disconnect",
                    "scrub_geo",
                    "status_withheld",
                    "user_withheld",
                    "friends",
                    "friends_str",
                    "event");

    @Override
    public Decoded decode(RawRecord record) {
        if (XV2Decoder.isBlank(record.payload())) {
            return new Decoded.NotAPost("blank");
        }
        return decode(Json.parseObject(record.payload()), record);
    }

    /** Whether a parsed object looks like a v1.1 tweet or control line. */
    static boolean looksLike(JsonNode node) {
        if (node.has("delete") && node.get("delete").isObject()) {
            return true;
        }
        if ((node.has("id_str") || node.has("id"))
                && node.has("user")
                && node.get("user").isObject()) {
            return true;
        }
        return node.size() == 1 && CONTROL_LINES.contains(node.fieldNames().next());
    }

    static Decoded decode(JsonNode tweet, RawRecord record) {
        JsonNode delete = Json.object(tweet, "delete");
        if (delete != null) {
            JsonNode status = Json.object(delete, "status");
            String id = Json.text(status, "id_str");
            if (id == null) {
                id = Json.text(status, "id");
            }
            return new Decoded.Deletion(
                    Post.key(PostSource.X, Ids.checkNumeric(id, "deleted tweet id")));
        }
        if (tweet.size() >= 1
                && !tweet.has("user")
                && CONTROL_LINES.contains(tweet.fieldNames().next())) {
            return new Decoded.NotAPost(tweet.fieldNames().next());
        }
        if (Json.object(tweet, "user") == null) {
            throw new Rejection("Twitter v1.1 tweet has no 'user' object");
        }
        String id = Json.text(tweet, "id_str");
        if (id == null) {
            id = Json.text(tweet, "id");
        }
        PostDraft d = new PostDraft(PostSource.X);
        d.id = Ids.checkNumeric(id, "tweet id");
        JsonNode user = Json.object(tweet, "user");
        d.authorHandle = Json.text(user, "screen_name");
        d.authorId =
                Json.text(user, "id_str") != null
                        ? Json.text(user, "id_str")
                        : Json.text(user, "id");
        d.url =
                d.authorHandle != null
                        ? "https://x.com/" + d.authorHandle + "/status/" + d.id
                        : "https://x.com/i/web/status/" + d.id;
        d.createdAt = time(tweet, record);
        String lang = Json.text(tweet, "lang");
        d.langs = lang == null ? List.of() : Langs.normalize(List.of(lang));
        JsonNode retweeted = Json.object(tweet, "retweeted_status");
        JsonNode content = retweeted != null ? retweeted : tweet;
        d.text = fullText(content);
        d.repost = retweeted != null;
        d.reply =
                Json.text(tweet, "in_reply_to_status_id_str") != null
                        || Json.text(tweet, "in_reply_to_status_id") != null;
        d.quote =
                tweet.path("is_quote_status").asBoolean(false)
                        || Json.object(tweet, "quoted_status") != null;
        entities(content, d);
        return new Decoded.NewPost(d.build(), false);
    }

    private static String fullText(JsonNode tweet) {
        String extended = Json.text(Json.object(tweet, "extended_tweet"), "full_text");
        if (extended != null) {
            return extended;
        }
        String full = Json.text(tweet, "full_text");
        return full != null ? full : Json.requiredText(tweet, "text", "Twitter v1.1 tweet");
    }

    /** Entities of the extended tweet when present (they match its full text), else the tweet's. */
    private static void entities(JsonNode tweet, PostDraft d) {
        JsonNode extended = Json.object(tweet, "extended_tweet");
        JsonNode entities = Json.object(extended != null ? extended : tweet, "entities");
        for (JsonNode h : Json.array(entities, "hashtags")) {
            d.addHashtag(Json.text(h, "text"));
        }
        for (JsonNode m : Json.array(entities, "user_mentions")) {
            d.addMention(Json.text(m, "screen_name"));
        }
        for (JsonNode u : Json.array(entities, "urls")) {
            String expanded = Json.text(u, "expanded_url");
            d.addLink(expanded != null ? expanded : Json.text(u, "url"));
        }
    }

    private static Instant time(JsonNode tweet, RawRecord record) {
        Instant t = Times.parseTwitter(String.valueOf(Json.text(tweet, "created_at")));
        if (t == null) {
            t = Times.parseFlexible(Json.text(tweet, "created_at"));
        }
        if (t == null) {
            String ms = Json.text(tweet, "timestamp_ms");
            t = ms == null ? null : Times.parseFlexible(ms);
        }
        return t != null ? t : record.receivedAt();
    }
}
