package dev.undertone.core.decode;

import dev.undertone.core.post.PostSource;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a plain text line: the whole line is the post's text. Its id comes from the record's
 * origin (file and line, so replays are idempotent), else from a hash of the line; its time is when
 * it was read.
 */
final class TextLineDecoder implements RecordDecoder {

    @Override
    public Decoded decode(RawRecord record) {
        String text = stripBom(new String(record.payload(), StandardCharsets.UTF_8)).strip();
        if (text.isEmpty()) {
            return new Decoded.NotAPost("blank");
        }
        PostDraft d = new PostDraft(PostSource.FILE);
        d.text = text;
        d.id = Ids.derive(record.origin(), record.payload());
        d.createdAt = record.receivedAt();
        TextEntities.hashtags(text).forEach(d::addHashtag);
        TextEntities.mentions(text).forEach(d::addMention);
        TextEntities.links(text).forEach(d::addLink);
        return new Decoded.NewPost(d.build(), false);
    }

    static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\ufeff' ? s.substring(1) : s;
    }
}
