package dev.undertone.core.decode;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A mutable post under construction inside a decoder; {@link #build} checks and freezes it. */
final class PostDraft {
    final PostSource source;
    String id;
    Instant createdAt;
    String authorHandle;
    String authorId;
    String text;
    List<String> langs = List.of();
    String url;
    final List<String> hashtags = new ArrayList<>();
    final List<String> mentions = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    boolean reply;
    boolean repost;
    boolean quote;
    long revision = Revisions.UNKNOWN;

    PostDraft(PostSource source) {
        this.source = source;
    }

    void addHashtag(String tag) {
        String t = strip(tag, '#');
        if (t != null && hashtags.stream().noneMatch(t::equalsIgnoreCase)) {
            hashtags.add(t);
        }
    }

    void addMention(String handle) {
        String m = strip(handle, '@');
        if (m != null && mentions.stream().noneMatch(m::equalsIgnoreCase)) {
            mentions.add(m);
        }
    }

    void addLink(String link) {
        if (link != null && !link.isBlank() && !links.contains(link)) {
            links.add(link);
        }
    }

    /**
     * Checks the id and text, then builds the post. Control characters in the text (a valid JSON
     * string may escape any of them, NUL included) are dropped, tab and line breaks aside: they
     * carry no text, and the model's normaliser drops them too.
     */
    Post build() {
        Ids.check(id, source.id() + " post id");
        if (text == null) {
            throw new Rejection("post has no text");
        }
        if (createdAt == null) {
            throw new IllegalStateException("decoder left createdAt unset for " + id);
        }
        return new Post(
                source,
                id,
                createdAt,
                authorHandle,
                authorId,
                ControlChars.strip(text),
                langs,
                url,
                hashtags,
                mentions,
                reply,
                repost,
                quote,
                List.of(),
                links,
                revision);
    }

    private static String strip(String s, char prefix) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (!t.isEmpty() && t.charAt(0) == prefix) {
            t = t.substring(1);
        }
        return t.isEmpty() ? null : t;
    }
}
