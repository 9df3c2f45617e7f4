package dev.undertone.core.alert;

import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the example posts of an alert: the most confident ones, one per author, so that one
 * account posting fifty times does not fill the alert. For a negative share only negative posts are
 * examples. Deterministic: ties go by post key.
 */
public final class ExamplePicker {
    /** The most examples an alert carries. */
    public static final int MAX_EXAMPLES = 5;

    private static final Comparator<ScoredPost> MOST_CONFIDENT_FIRST =
            Comparator.comparingDouble((ScoredPost p) -> -p.sentiment().confidence())
                    .thenComparing(p -> p.post().key());

    private ExamplePicker() {}

    /**
     * Picks up to {@link #MAX_EXAMPLES} examples among the candidates.
     *
     * @param kind the alert's kind
     * @param candidates posts of the window, in any order
     */
    public static List<AlertExample> pick(AlertKind kind, List<ScoredPost> candidates) {
        List<ScoredPost> eligible = new ArrayList<>();
        for (ScoredPost p : candidates) {
            if (!p.sentiment().isScored()) {
                continue;
            }
            if (kind == AlertKind.NEGATIVE_SHARE
                    && p.sentiment().sentiment() != Sentiment.NEGATIVE) {
                continue;
            }
            eligible.add(p);
        }
        eligible.sort(MOST_CONFIDENT_FIRST);
        Set<String> authors = new HashSet<>();
        List<AlertExample> out = new ArrayList<>(MAX_EXAMPLES);
        for (ScoredPost p : eligible) {
            if (out.size() == MAX_EXAMPLES) {
                break;
            }
            if (authors.add(authorOf(p))) {
                out.add(AlertExample.of(p));
            }
        }
        return out;
    }

    private static String authorOf(ScoredPost p) {
        if (p.post().authorId() != null) {
            return "id:" + p.post().authorId();
        }
        if (p.post().authorHandle() != null) {
            return "handle:" + p.post().authorHandle().toLowerCase(java.util.Locale.ROOT);
        }
        // An anonymous post (a plain text line) is its own author.
        return "post:" + p.post().key();
    }
}
