package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.framing.LineSplitter;
import dev.undertone.core.framing.SseFramer;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Decodes Mastodon records in three shapes: one SSE event ({@code event: update|status.update|
 * delete} then {@code data:} lines), one WebSocket frame ({@code {"event":…,"payload":"…"}}), or a
 * bare Status JSON object (a line of a timeline dump).
 *
 * <p>A delete event carries only the status id local to the streaming instance, so the post id is
 * {@code <instance>/<local id>} when the record's origin names the instance (a live source sets the
 * origin to the instance URL), and the bare local id otherwise (a file capture); an update and a
 * delete from the same stream therefore share a key. The text is the content-warning text, a
 * newline, then the HTML content as plain text; a boost is decoded as a repost carrying the boosted
 * status's text. The revision is the microsecond of {@code edited_at} (else {@code created_at}), so
 * a late older version never replaces a newer edit.
 */
final class MastodonDecoder implements RecordDecoder {
    private static final String UPDATE = "update";
    private static final String EDIT = "status.update";
    private static final String DELETE = "delete";

    @Override
    public Decoded decode(RawRecord record) {
        byte[] p = record.payload();
        if (looksLikeSse(p)) {
            return sse(p, record);
        }
        if (XV2Decoder.isBlank(p)) {
            return new Decoded.NotAPost("blank");
        }
        return decode(Json.parseObject(p), record);
    }

    /** Whether the payload starts like an SSE event or comment. */
    static boolean looksLikeSse(byte[] p) {
        return startsWith(p, "event:") || startsWith(p, "data:") || startsWith(p, ":");
    }

    /** Whether a parsed object is a Status or a streaming WebSocket frame. */
    static boolean looksLike(JsonNode node) {
        if (node.has("event") && (node.has("stream") || node.has("payload"))) {
            return true;
        }
        return node.has("uri") && node.has("content") && node.has("account");
    }

    static Decoded decode(JsonNode node, RawRecord record) {
        if (node.has("event") && !node.has("content")) {
            String event = Json.text(node, "event");
            JsonNode payload = node.get("payload");
            return event(
                    event,
                    payload == null || payload.isNull()
                            ? null
                            : payload.isTextual() ? payload.textValue() : payload.toString(),
                    record);
        }
        return status(node, record, node.hasNonNull("edited_at"));
    }

    private static Decoded sse(byte[] payload, RawRecord record) {
        // one record is one event: blank lines inside it do not split it
        SseFramer framer = new SseFramer();
        for (LineSplitter.Line line : LineSplitter.lines(payload)) {
            if (!line.isBlank()) {
                framer.accept(line);
            }
        }
        SseFramer.Event e = framer.finish();
        if (e == null || (e.name() == null && e.data() == null)) {
            return new Decoded.NotAPost("heartbeat");
        }
        return event(e.type(), e.data(), record);
    }

    private static Decoded event(String event, String data, RawRecord record) {
        if (event == null) {
            throw new Rejection("Mastodon streaming frame has no 'event' name");
        }
        switch (event) {
            case UPDATE, EDIT -> {
                if (data == null) {
                    throw new Rejection("Mastodon '" + event + "' event has no data");
                }
                JsonNode status = Json.parse(data);
                if (!status.isObject()) {
                    throw new Rejection("Mastodon '" + event + "' data is not a Status object");
                }
                return status(status, record, event.equals(EDIT));
            }
            case DELETE -> {
                if (data == null) {
                    throw new Rejection("Mastodon 'delete' event has no status id");
                }
                String localId = data.strip();
                if (localId.startsWith("\"") && localId.endsWith("\"") && localId.length() >= 2) {
                    localId = localId.substring(1, localId.length() - 1);
                }
                Ids.check(localId, "Mastodon status id");
                // A delete comes after every version it removes: its receive time orders it.
                return new Decoded.Deletion(
                        Post.key(PostSource.MASTODON, postId(record, localId)),
                        Revisions.fromInstant(record.receivedAt()));
            }
            default -> {
                return new Decoded.NotAPost(event);
            }
        }
    }

    private static Decoded status(JsonNode status, RawRecord record, boolean edit) {
        String localId = Ids.check(Json.text(status, "id"), "Mastodon status id");
        JsonNode boosted = Json.object(status, "reblog");
        JsonNode content = boosted != null ? boosted : status;
        PostDraft d = new PostDraft(PostSource.MASTODON);
        d.id = postId(record, localId);
        JsonNode account = Json.object(status, "account");
        d.authorId = Json.text(account, "id");
        d.authorHandle = handle(account);
        String url = Json.text(status, "url");
        d.url = url != null ? url : Json.text(status, "uri");
        Instant t = Times.parseIso(Json.text(status, "created_at"));
        d.createdAt = t != null ? t : record.receivedAt();
        Instant edited = Times.parseIso(Json.text(status, "edited_at"));
        d.revision = Revisions.fromInstant(edited != null ? edited : d.createdAt);
        String lang = Json.text(content, "language");
        d.langs = lang == null ? List.of() : Langs.normalize(List.of(lang));
        String html = Json.requiredText(content, "content", "Mastodon status");
        String spoiler = Json.text(content, "spoiler_text");
        String body = HtmlText.toText(html);
        d.text = spoiler == null || spoiler.isBlank() ? body : spoiler.strip() + "\n" + body;
        for (JsonNode tag : Json.array(content, "tags")) {
            d.addHashtag(Json.text(tag, "name"));
        }
        for (JsonNode m : Json.array(content, "mentions")) {
            d.addMention(Json.text(m, "acct"));
        }
        TextEntities.links(body).forEach(d::addLink);
        d.reply = Json.has(status, "in_reply_to_id");
        d.repost = boosted != null;
        d.quote = Json.object(content, "quote") != null;
        return new Decoded.NewPost(d.build(), edit);
    }

    /** {@code acct}, with the instance host added for local accounts ({@code user@host}). */
    private static String handle(JsonNode account) {
        String acct = Json.text(account, "acct");
        if (acct == null || acct.contains("@")) {
            return acct;
        }
        String host = host(Json.text(account, "url"));
        return host == null ? acct : acct + "@" + host;
    }

    private static String postId(RawRecord record, String localId) {
        String instance = host(record.origin());
        return instance == null ? localId : instance + "/" + localId;
    }

    /** The host of an http(s) or ws(s) URL, lower-cased, or null when it is not such a URL. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://")
                || lower.startsWith("http://")
                || lower.startsWith("wss://")
                || lower.startsWith("ws://"))) {
            return null;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] p, String prefix) {
        if (p.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (p[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
