package dev.undertone.app.alert;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostPage;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.TermField;
import dev.undertone.app.store.TopTerms;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertExample;
import dev.undertone.core.alert.AlertKind;
import dev.undertone.core.alert.AlertRules;
import dev.undertone.core.alert.ExamplePicker;
import dev.undertone.core.alert.Finding;
import dev.undertone.core.alert.RisingTerms;
import dev.undertone.core.alert.WindowCounts;
import dev.undertone.core.index.ContentWords;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a finding into an alert that explains itself: the words that rose in the window against the
 * baseline, and example posts. Reads the store only when a window alerts, which is rare, so judging
 * the windows that do not alert costs one count each.
 */
final class AlertExplainer {
    /** Posts of the window the examples are chosen from (its newest ones). */
    static final int EXAMPLE_CANDIDATES = 1000;

    private final PostStore store;
    private final AlertRules rules;

    AlertExplainer(PostStore store, AlertRules rules) {
        this.store = store;
        this.rules = rules;
    }

    Alert explain(
            String track,
            PostFilter trackFilter,
            Finding f,
            WindowCounts current,
            Instant baselineFrom,
            Instant start,
            Instant end,
            int historyWindows,
            Instant raisedAt) {
        // A negative share is explained by its negative posts; a spike by all of them.
        PostFilter window = trackFilter.withRange(start, end);
        PostFilter baseline = trackFilter.withRange(baselineFrom, start);
        if (f.kind() == AlertKind.NEGATIVE_SHARE) {
            Set<String> negative = Set.of(Sentiment.NEGATIVE.name());
            window = window.withSentiments(negative);
            baseline = baseline.withSentiments(negative);
        }
        List<String> terms = risingTerms(track, window, baseline);
        PostPage page = store.posts(window, EXAMPLE_CANDIDATES);
        List<ScoredPost> candidates = new ArrayList<>(page.posts().size());
        for (StoredPost p : page.posts()) {
            candidates.add(p.post());
        }
        List<AlertExample> examples = ExamplePicker.pick(f.kind(), candidates);
        boolean share = f.kind() == AlertKind.NEGATIVE_SHARE;
        return new Alert(
                track,
                f.kind(),
                start,
                end,
                f.observed(),
                f.expected(),
                f.score(),
                share ? f.observedShare() : null,
                share ? f.expectedShare() : null,
                current.total(),
                Math.min(historyWindows, rules.baselineWindows()),
                terms,
                examples,
                raisedAt);
    }

    private List<String> risingTerms(String track, PostFilter window, PostFilter baseline) {
        TopTerms w = store.terms(window, TermField.WORDS, PostStore.MAX_TERMS_LIMIT);
        TopTerms b = store.terms(baseline, TermField.WORDS, PostStore.MAX_TERMS_LIMIT);
        long windowPosts = posts(window, w);
        long baselinePosts = posts(baseline, b);
        Set<String> exclude = new HashSet<>(ContentWords.of(track));
        return RisingTerms.of(counts(w), windowPosts, counts(b), baselinePosts, exclude);
    }

    /** The posts the terms were counted over (the newest ones only, when there were many). */
    private long posts(PostFilter f, TopTerms t) {
        PostFilter counted = t.countedSince() == null ? f : f.withRange(t.countedSince(), null);
        return store.summary(counted).total();
    }

    private static Map<String, Long> counts(TopTerms t) {
        Map<String, Long> m = new HashMap<>();
        for (TopTerms.TermCount c : t.overall()) {
            m.put(c.term(), c.count());
        }
        return m;
    }
}
