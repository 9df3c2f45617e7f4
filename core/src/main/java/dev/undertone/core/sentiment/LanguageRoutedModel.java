package dev.undertone.core.sentiment;

import dev.undertone.core.decode.Langs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A model per language behind one {@link SentimentModel}: a post goes to the model of the first of
 * its language tags that has one; a post without tags goes to the model for unknown languages (the
 * English one, as the built-in models have always done). The English model is pluggable, so {@code
 * fast} is fast-1 plus the fast model of each other language, and {@code accurate} is the accurate
 * model for English plus the same fast models for the rest.
 *
 * <p>Each post's model id is the id of the model that scored it ({@link #idFor}), e.g. {@code
 * fast-2/es}. Thread-safe when the models are; one call of each language's model per batch.
 */
public final class LanguageRoutedModel implements SentimentModel {

    private final SentimentModel english;
    private final Map<String, SentimentModel> byLanguage;

    /**
     * @param english the model of English posts, and of untagged ones if it {@linkplain
     *     SentimentModel#supports supports} them
     * @param others the model of each other language, by ISO 639-1 code; an {@code en} entry here
     *     is an error (English is {@code english})
     */
    public LanguageRoutedModel(
            SentimentModel english, Map<String, ? extends SentimentModel> others) {
        this.english = Objects.requireNonNull(english, "english");
        Map<String, SentimentModel> m = new TreeMap<>();
        others.forEach(
                (lang, model) -> {
                    String code = Langs.primary(lang);
                    if (code == null || !code.equals(lang)) {
                        throw new IllegalArgumentException("not an ISO 639-1 code: " + lang);
                    }
                    if (code.equals("en")) {
                        throw new IllegalArgumentException("English is the english model");
                    }
                    m.put(code, Objects.requireNonNull(model, lang));
                });
        this.byLanguage = Map.copyOf(m);
    }

    /** The English model's id: what untagged posts are stored with. */
    @Override
    public String id() {
        return english.id();
    }

    /** The id of the model that scores a post with these tags; this model's id when none does. */
    @Override
    public String idFor(List<String> langs) {
        SentimentModel m = route(langs);
        return m == null ? id() : m.idFor(langs);
    }

    /** The languages with a model of their own besides English, sorted. */
    public Set<String> languages() {
        return new java.util.TreeSet<>(byLanguage.keySet());
    }

    /** The English model. */
    public SentimentModel english() {
        return english;
    }

    /** The model of posts with these tags, or null when no model knows their language. */
    public SentimentModel route(List<String> langs) {
        if (langs.isEmpty()) {
            return english.supports(langs) ? english : null;
        }
        for (String tag : langs) {
            String code = Langs.primary(tag);
            if (code == null) {
                continue;
            }
            if (code.equals("en")) {
                if (english.supports(langs)) {
                    return english;
                }
                continue;
            }
            SentimentModel m = byLanguage.get(code);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    @Override
    public boolean supports(List<String> langs) {
        return route(langs) != null;
    }

    /** Texts without tags: the English model's results. */
    @Override
    public List<SentimentResult> classify(List<String> texts) {
        return english.classify(texts);
    }

    @Override
    public List<SentimentResult> classify(List<String> texts, List<List<String>> langs) {
        if (texts.size() != langs.size()) {
            throw new IllegalArgumentException(
                    texts.size() + " texts but " + langs.size() + " language lists");
        }
        // The common case, a batch for one model, is passed through without copying.
        SentimentModel only = null;
        boolean single = true;
        SentimentModel[] routes = new SentimentModel[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            routes[i] = route(langs.get(i));
            if (i == 0) {
                only = routes[i];
            } else if (routes[i] != only) {
                single = false;
            }
        }
        if (single && only != null) {
            return only.classify(texts, langs);
        }
        Map<SentimentModel, List<Integer>> groups = new IdentityHashMap<>();
        for (int i = 0; i < routes.length; i++) {
            if (routes[i] != null) {
                groups.computeIfAbsent(routes[i], k -> new ArrayList<>()).add(i);
            }
        }
        SentimentResult[] out = new SentimentResult[texts.size()];
        Arrays.fill(out, SentimentResult.unscored(SentimentResult.UNSUPPORTED_LANGUAGE));
        for (Map.Entry<SentimentModel, List<Integer>> g : groups.entrySet()) {
            List<Integer> idx = g.getValue();
            List<String> t = new ArrayList<>(idx.size());
            List<List<String>> l = new ArrayList<>(idx.size());
            for (int i : idx) {
                t.add(texts.get(i));
                l.add(langs.get(i));
            }
            List<SentimentResult> r = g.getKey().classify(t, l);
            for (int k = 0; k < idx.size(); k++) {
                out[idx.get(k)] = r.get(k);
            }
        }
        return Arrays.asList(out);
    }
}
