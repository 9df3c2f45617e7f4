package dev.undertone.core.sentiment;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The classify stage of the pipeline: scores a batch of posts with one model call. A post in a
 * language the model does not {@linkplain SentimentModel#supports support} is not guessed at
 * ({@link SentimentResult#UNSUPPORTED_LANGUAGE}); a post with no tag is scored by the English
 * model. With a {@link LanguageRoutedModel} (the built-in {@code fast} and {@code accurate}), each
 * post is scored by its language's model and stored with that model's id ({@link
 * SentimentModel#idFor}). Pure apart from the clock; thread-safe.
 */
public final class PostScorer {

    private static final String ENGLISH = "en";

    private final SentimentModel model;
    private final Clock clock;

    public PostScorer(SentimentModel model, Clock clock) {
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The model's id, recorded on every post. */
    public String modelId() {
        return model.id();
    }

    /** Scores the posts, in order: one result per post. */
    public List<ScoredPost> score(List<Post> posts) {
        List<String> texts = new ArrayList<>(posts.size());
        List<List<String>> langs = new ArrayList<>(posts.size());
        boolean[] supported = new boolean[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            supported[i] = model.supports(p.langs());
            if (supported[i]) {
                texts.add(p.text());
                langs.add(p.langs());
            }
        }
        List<SentimentResult> results = texts.isEmpty() ? List.of() : model.classify(texts, langs);
        Instant now = clock.instant();
        List<ScoredPost> scored = new ArrayList<>(posts.size());
        int next = 0;
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            SentimentResult r =
                    supported[i]
                            ? results.get(next++)
                            : SentimentResult.unscored(SentimentResult.UNSUPPORTED_LANGUAGE);
            String id = supported[i] ? model.idFor(p.langs()) : model.id();
            scored.add(new ScoredPost(p, r, id, now));
        }
        return scored;
    }

    /** Whether the model can score a post with these language tags (none, or one English). */
    public static boolean isSupported(List<String> langs) {
        if (langs.isEmpty()) {
            return true;
        }
        for (String tag : langs) {
            if (isEnglish(tag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnglish(String tag) {
        if (tag == null || !tag.regionMatches(true, 0, ENGLISH, 0, ENGLISH.length())) {
            return false;
        }
        return tag.length() == ENGLISH.length()
                || tag.charAt(ENGLISH.length()) == '-'
                || tag.charAt(ENGLISH.length()) == '_';
    }
}
