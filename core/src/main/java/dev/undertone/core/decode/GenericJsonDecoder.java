package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes generic JSON lines {@code {"id","text","created_at","lang","author"}}: only {@code text}
 * is required. Without an id the post gets one derived from the record's origin (file and line).
 * {@code created_at} may be ISO-8601 or epoch seconds/milliseconds; {@code lang} a tag or a list.
 */
final class GenericJsonDecoder implements RecordDecoder {

    @Override
    public Decoded decode(RawRecord record) {
        if (XV2Decoder.isBlank(record.payload())) {
            return new Decoded.NotAPost("blank");
        }
        return decode(Json.parseObject(record.payload()), record);
    }

    /** Whether a parsed object has the one field generic records need. */
    static boolean looksLike(JsonNode node) {
        return node.has("text");
    }

    static Decoded decode(JsonNode node, RawRecord record) {
        PostDraft d = new PostDraft(PostSource.FILE);
        d.text = Json.requiredText(node, "text", "JSON record");
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            d.id = Ids.derive(record.origin(), record.payload());
        } else {
            d.id = Json.textOf(id);
            if (d.id == null) {
                throw new Rejection(
                        "JSON record's 'id' is " + Json.kind(id) + "; use a string or an integer");
            }
        }
        d.createdAt = time(node.get("created_at"), record);
        d.langs = Langs.normalize(langs(node.get("lang")));
        JsonNode author = node.get("author");
        d.authorHandle =
                author != null && author.isObject()
                        ? Json.text(author, "handle")
                        : Json.textOf(author);
        d.url = Json.text(node, "url");
        TextEntities.hashtags(d.text).forEach(d::addHashtag);
        TextEntities.mentions(d.text).forEach(d::addMention);
        TextEntities.links(d.text).forEach(d::addLink);
        return new Decoded.NewPost(d.build(), false);
    }

    static Instant time(JsonNode value, RawRecord record) {
        if (value == null || value.isNull()) {
            return record.receivedAt();
        }
        Instant t = null;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            t = Times.fromEpochNumber(value.longValue());
        } else if (value.isTextual()) {
            t = Times.parseFlexible(value.textValue());
        }
        if (t == null) {
            throw new Rejection(badTime(value.isTextual() ? value.textValue() : value.toString()));
        }
        return t;
    }

    static String badTime(String value) {
        return "created_at '"
                + Ids.abbreviate(value)
                + "' is not a time: use ISO-8601 (2026-03-14T15:00:00Z) or epoch seconds or"
                + " milliseconds";
    }

    private static List<String> langs(JsonNode lang) {
        if (lang == null || lang.isNull()) {
            return List.of();
        }
        if (lang.isTextual()) {
            return List.of(lang.textValue().split("[,\\s]+"));
        }
        List<String> out = new ArrayList<>();
        if (lang.isArray()) {
            lang.forEach(
                    l -> {
                        if (l.isTextual()) {
                            out.add(l.textValue());
                        }
                    });
        }
        return out;
    }
}
