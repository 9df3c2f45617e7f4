package dev.undertone.core.alert;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import java.time.Instant;
import java.util.Objects;

/**
 * One post shown in an alert as an example of what happened.
 *
 * @param key the post key ({@code source:id})
 * @param id the source-native id
 * @param author the author's handle, or their id when there is no handle, or null
 * @param text the post's text (untrusted: escape it wherever it is shown)
 * @param sentiment the label, or {@code UNSCORED}
 * @param confidence the winning score, or null when unscored
 * @param createdAt when it was published
 * @param url a link to it, or null
 */
public record AlertExample(
        String key,
        String id,
        String author,
        String text,
        String sentiment,
        Double confidence,
        Instant createdAt,
        String url) {

    /** The value of an unscored post's sentiment. */
    public static final String UNSCORED = "UNSCORED";

    public AlertExample {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The example for a scored post. */
    public static AlertExample of(ScoredPost scored) {
        Post p = scored.post();
        boolean isScored = scored.sentiment().isScored();
        return new AlertExample(
                p.key(),
                p.id(),
                p.authorHandle() != null ? p.authorHandle() : p.authorId(),
                p.text(),
                isScored ? scored.sentiment().sentiment().name() : UNSCORED,
                isScored ? scored.sentiment().confidence() : null,
                p.createdAt(),
                p.url());
    }
}
