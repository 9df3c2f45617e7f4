package dev.undertone.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.store.LanguageCounts;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TopTerms;
import dev.undertone.app.store.TopTerms.TermCount;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the HTTP API and the CLI (CONTRACT.md), built as ordered maps so the field
 * order is stable, and written with one shared Jackson mapper.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SECONDS_PER_MINUTE = 60;
    private static final long SECONDS_PER_HOUR = 3600;
    private static final long SECONDS_PER_DAY = 86_400;

    private ApiJson() {}

    /** Writes a value as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON of a map of plain values (a bug)", e);
        }
    }

    /**
     * {@code {"total":N,"sentiment":{"POSITIVE":N,...},"unscored":N,"unscored_reasons":{...}}}: the
     * {@code stats} output and {@code GET /api/summary}.
     */
    public static Map<String, Object> summary(Summary s) {
        Map<String, Object> sentiment = new LinkedHashMap<>();
        for (Sentiment label : Sentiment.values()) {
            sentiment.put(label.name(), s.count(label));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", s.total());
        out.put("sentiment", sentiment);
        out.put("unscored", s.unscored());
        out.put("unscored_reasons", s.unscoredReasons());
        out.put("languages", languages(s));
        return out;
    }

    /**
     * {@code {"en":{"total":N,"POSITIVE":N,"NEGATIVE":N,"NEUTRAL":N,"MIXED":N,"unscored":N},...}}:
     * most posts first, then by code.
     */
    private static Map<String, Object> languages(Summary s) {
        List<Map.Entry<String, LanguageCounts>> entries = new ArrayList<>(s.languages().entrySet());
        entries.sort(
                Comparator.comparingLong(
                                (Map.Entry<String, LanguageCounts> e) -> -e.getValue().total())
                        .thenComparing(Map.Entry::getKey));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, LanguageCounts> e : entries) {
            LanguageCounts c = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", c.total());
            for (Sentiment label : Sentiment.values()) {
                m.put(label.name(), c.count(label));
            }
            m.put("unscored", c.unscored());
            out.put(e.getKey(), m);
        }
        return out;
    }

    /** {@code {"interval":"1m","from":ISO,"to":ISO,"buckets":[{"start":ISO,"POSITIVE":N,...}]}}. */
    public static Map<String, Object> timeline(Timeline t) {
        List<Map<String, Object>> buckets = new ArrayList<>(t.buckets().size());
        for (Timeline.Bucket b : t.buckets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", b.start().toString());
            for (String s : PostFilter.SENTIMENT_VALUES) {
                m.put(s, b.count(s));
            }
            buckets.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("interval", interval(t.interval()));
        out.put("from", t.from().toString());
        out.put("to", t.to().toString());
        out.put("buckets", buckets);
        return out;
    }

    /**
     * {@code {"field":"hashtags","terms":[{"term","count"}...],"by_sentiment":{"POSITIVE":[...],
     * ...}}}.
     */
    public static Map<String, Object> terms(TopTerms t) {
        Map<String, Object> by = new LinkedHashMap<>();
        t.bySentiment().forEach((s, list) -> by.put(s, termList(list)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", t.field().id());
        out.put("terms", termList(t.overall()));
        out.put("by_sentiment", by);
        out.put("counted_since", t.countedSince() == null ? null : t.countedSince().toString());
        return out;
    }

    /**
     * One post as the API, the live feed and {@code export --format jsonl} show it: the CONTRACT.md
     * fields ({@code id, source, author, text, lang, created_at, url, sentiment, scores,
     * confidence, tracks}) and a few more.
     */
    public static Map<String, Object> post(StoredPost stored) {
        Map<String, Object> out = post(stored.post());
        out.put("indexed_at", stored.indexedAt().toString());
        return out;
    }

    /** A post that is not (yet) read back from a store: as {@link #post(StoredPost)}. */
    public static Map<String, Object> post(ScoredPost scored) {
        Post p = scored.post();
        SentimentResult r = scored.sentiment();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", p.key());
        out.put("id", p.id());
        out.put("source", p.source().id());
        out.put("author", p.authorHandle());
        out.put("author_id", p.authorId());
        out.put("text", p.text());
        out.put("lang", p.primaryLang());
        out.put("langs", p.langs());
        out.put("created_at", p.createdAt().toString());
        out.put("url", p.url());
        out.put("sentiment", PostFilter.sentimentOf(scored));
        out.put("scores", r.isScored() ? scores(r.scores()) : null);
        out.put("confidence", r.isScored() ? r.confidence() : null);
        out.put("unscored_reason", r.unscoredReason());
        out.put("tracks", p.tracks());
        out.put("hashtags", p.hashtags());
        out.put("mentions", p.mentions());
        out.put("reply", p.reply());
        out.put("repost", p.repost());
        out.put("quote", p.quote());
        out.put("model", scored.modelId());
        out.put("scored_at", scored.scoredAt().toString());
        return out;
    }

    /** {@code {"error":"..."}}. */
    public static String error(String message) {
        return write(Map.of("error", message));
    }

    /** An interval as the API writes it: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. */
    public static String interval(Duration d) {
        long s = d.getSeconds();
        if (s % SECONDS_PER_DAY == 0) {
            return s / SECONDS_PER_DAY + "d";
        }
        if (s % SECONDS_PER_HOUR == 0) {
            return s / SECONDS_PER_HOUR + "h";
        }
        if (s % SECONDS_PER_MINUTE == 0) {
            return s / SECONDS_PER_MINUTE + "m";
        }
        return s + "s";
    }

    private static Map<String, Object> scores(SentimentScores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("positive", s.positive());
        m.put("negative", s.negative());
        m.put("neutral", s.neutral());
        m.put("mixed", s.mixed());
        return m;
    }

    private static List<Map<String, Object>> termList(List<TermCount> list) {
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (TermCount c : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("term", c.term());
            m.put("count", c.count());
            out.add(m);
        }
        return out;
    }
}
