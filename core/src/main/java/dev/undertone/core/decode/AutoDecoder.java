package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Detects each record's format from its content: an SSE event is Mastodon; a JSON object is
 * Jetstream, X API v2, Twitter v1.1, Mastodon or generic JSON by the fields it has; anything that
 * does not start with {@code {} or {@code [} is a plain text line. CSV cannot be told from text by
 * one line, so the file sources give CSV records the {@code csv} format explicitly.
 */
final class AutoDecoder implements RecordDecoder {
    private static final int MAX_FIELDS_NAMED = 8;

    private final RecordDecoder text = new TextLineDecoder();
    private final RecordDecoder mastodon = new MastodonDecoder();

    @Override
    public Decoded decode(RawRecord record) {
        byte[] p = record.payload();
        int first = firstNonSpace(p);
        if (first < 0) {
            return new Decoded.NotAPost("blank");
        }
        if (MastodonDecoder.looksLikeSse(p)) {
            return mastodon.decode(record);
        }
        byte b = p[first];
        if (b == '[') {
            throw new Rejection("record is a JSON array; expected one JSON object per line");
        }
        if (b != '{') {
            return text.decode(record);
        }
        Decoded commit = JetstreamFastPath.tryDecode(record, true);
        if (commit != null) {
            return commit;
        }
        JsonNode node = Json.parseObject(p);
        if (JetstreamDecoder.looksLike(node)) {
            return JetstreamDecoder.decode(node, record);
        }
        if (XV2Decoder.looksLike(node)) {
            return XV2Decoder.decode(node, record);
        }
        if (TwitterV1Decoder.looksLike(node)) {
            return TwitterV1Decoder.decode(node, record);
        }
        if (MastodonDecoder.looksLike(node)) {
            return MastodonDecoder.decode(node, record);
        }
        if (GenericJsonDecoder.looksLike(node)) {
            return GenericJsonDecoder.decode(node, record);
        }
        throw new Rejection(
                "unknown JSON record shape (fields: "
                        + fieldNames(node)
                        + "): not a Jetstream, X v2, Twitter v1.1 or Mastodon record, and no"
                        + " 'text' field for a generic post; name the format with --format");
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext() && names.size() < MAX_FIELDS_NAMED) {
            names.add(Ids.abbreviate(it.next()));
        }
        return names.isEmpty() ? "none" : String.join(", ", names) + (it.hasNext() ? ", ..." : "");
    }

    private static int firstNonSpace(byte[] p) {
        int i = 0;
        // A UTF-8 byte order mark may open the first line of a file.
        if (p.length >= 3
                && (p[0] & 0xff) == 0xef
                && (p[1] & 0xff) == 0xbb
                && (p[2] & 0xff) == 0xbf) {
            i = 3;
        }
        for (; i < p.length; i++) {
            byte b = p[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }
}
