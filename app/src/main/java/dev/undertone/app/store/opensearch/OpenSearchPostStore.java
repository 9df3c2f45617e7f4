package dev.undertone.app.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.app.store.ExportSink;
import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.LanguageCounts;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostPage;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.StoreException;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.TermField;
import dev.undertone.app.store.TimeSpan;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TimelinePlan;
import dev.undertone.app.store.TopTerms;
import dev.undertone.core.decode.Langs;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.opensearch.OpenSearchClient;
import dev.undertone.opensearch.OpenSearchConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link PostStore} over OpenSearch, answering with aggregations: the same dashboard and API as
 * over the embedded Lucene index, for the indices the Flink job writes. Reads the index, or the
 * alias over rotated indices, named in the configuration.
 */
public final class OpenSearchPostStore implements PostStore {
    private static final int EXPORT_PAGE = 500;
    private static final int SENTIMENT_BUCKETS = PostFilter.SENTIMENT_VALUES.size();
    private static final int MAX_REASONS = 20;

    /** Languages counted in a summary: far more than a stream carries (Bluesky: about 60). */
    private static final int MAX_LANGUAGES = 300;

    private final OpenSearchClient client;
    private final String target;

    public OpenSearchPostStore(OpenSearchClient client) {
        this.client = client;
        this.target = "/" + client.config().readTarget();
    }

    /** A store over the cluster and index of {@code config}. */
    public static OpenSearchPostStore open(OpenSearchConfig config) {
        return new OpenSearchPostStore(new OpenSearchClient(config));
    }

    @Override
    public Summary summary(PostFilter filter) {
        ObjectNode body = search(filter, 0);
        ObjectNode aggs = body.putObject("aggs");
        terms(aggs, "sentiment", IndexFields.SENTIMENT, SENTIMENT_BUCKETS);
        terms(aggs, "reasons", IndexFields.UNSCORED_REASON, MAX_REASONS);
        ObjectNode langs = terms(aggs, "languages", IndexFields.LANG, MAX_LANGUAGES);
        ((ObjectNode) langs.get("terms")).put("missing", LanguageCounts.NO_LANGUAGE);
        terms(langs.putObject("aggs"), "sentiment", IndexFields.SENTIMENT, SENTIMENT_BUCKETS);
        JsonNode r = run("counting posts", body);
        Map<Sentiment, Long> counts = new EnumMap<>(Sentiment.class);
        long unscored = 0;
        for (JsonNode b : r.at("/aggregations/sentiment/buckets")) {
            String key = b.get("key").asText();
            long n = b.get("doc_count").asLong();
            if (IndexFields.UNSCORED.equals(key)) {
                unscored = n;
            } else {
                counts.put(Sentiment.valueOf(key), n);
            }
        }
        Map<String, Long> reasons = new HashMap<>();
        for (JsonNode b : r.at("/aggregations/reasons/buckets")) {
            reasons.put(b.get("key").asText(), b.get("doc_count").asLong());
        }
        return new Summary(total(r), counts, unscored, reasons, languages(r));
    }

    /**
     * The counts by language from the {@code languages} aggregation: tags with a region ({@code
     * pt-br}) join their primary subtag, as the Lucene store counts them.
     */
    private static Map<String, LanguageCounts> languages(JsonNode r) {
        Map<String, LanguageCounts> out = new HashMap<>();
        for (JsonNode b : r.at("/aggregations/languages/buckets")) {
            String key = b.get("key").asText();
            String lang = LanguageCounts.NO_LANGUAGE.equals(key) ? key : Langs.primary(key);
            Map<Sentiment, Long> by = new EnumMap<>(Sentiment.class);
            long unscored = 0;
            for (JsonNode s : b.at("/sentiment/buckets")) {
                String label = s.get("key").asText();
                long n = s.get("doc_count").asLong();
                if (IndexFields.UNSCORED.equals(label)) {
                    unscored = n;
                } else {
                    by.put(Sentiment.valueOf(label), n);
                }
            }
            LanguageCounts c = new LanguageCounts(b.get("doc_count").asLong(), by, unscored);
            out.merge(lang == null ? key : lang, c, LanguageCounts::plus);
        }
        return out;
    }

    @Override
    public Timeline timeline(PostFilter filter, Duration interval) {
        ObjectNode query = OpenSearchQueries.of(filter);
        TimeSpan span = span(query, filter);
        TimelinePlan plan = span.plan(interval);
        if (plan == null) {
            return span.empty(interval);
        }
        ObjectNode body = search(ranged(query, plan), 0);
        histogram(body.putObject("aggs").putObject("time"), plan);
        JsonNode r = run("building the timeline", body);
        return timeline(plan, r.at("/aggregations/time/buckets"));
    }

    @Override
    public List<Timeline> trackTimelines(
            PostFilter filter, List<String> tracks, Duration interval) {
        List<String> lower = tracks.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        ObjectNode query =
                OpenSearchQueries.and(
                        OpenSearchQueries.of(filter), OpenSearchQueries.anyTrack(lower));
        TimeSpan span = span(query, filter);
        TimelinePlan plan = span.plan(interval);
        if (plan == null) {
            return lower.stream().map(t -> span.empty(interval)).toList();
        }
        // One request: a filter per track (a post of several tracks counts in each), each with
        // the timeline's histogram under it.
        ObjectNode body = search(ranged(query, plan), 0);
        ObjectNode byTrack = body.putObject("aggs").putObject("tracks");
        ObjectNode filters = byTrack.putObject("filters").putObject("filters");
        for (int i = 0; i < lower.size(); i++) {
            filters.putObject(Integer.toString(i))
                    .putObject("term")
                    .put(IndexFields.TRACKS, lower.get(i));
        }
        histogram(byTrack.putObject("aggs").putObject("time"), plan);
        JsonNode r = run("building the tracks' timelines", body);
        List<Timeline> out = new ArrayList<>(lower.size());
        for (int i = 0; i < lower.size(); i++) {
            out.add(timeline(plan, r.at("/aggregations/tracks/buckets/" + i + "/time/buckets")));
        }
        return out;
    }

    /** The filter's range, or that of the posts the query matches where it gives none. */
    private TimeSpan span(ObjectNode query, PostFilter filter) {
        Instant first = filter.from();
        Instant last = filter.to() == null ? null : filter.to().minusMillis(1);
        if (first == null || last == null) {
            ObjectNode body = search(query, 0);
            ObjectNode aggs = body.putObject("aggs");
            aggs.putObject("first").putObject("min").put("field", IndexFields.CREATED_AT);
            aggs.putObject("last").putObject("max").put("field", IndexFields.CREATED_AT);
            JsonNode r = run("finding the time range", body);
            JsonNode min = r.at("/aggregations/first/value");
            JsonNode max = r.at("/aggregations/last/value");
            if (first == null && min.isNumber()) {
                first = Instant.ofEpochMilli(min.asLong());
            }
            if (last == null && max.isNumber()) {
                last = Instant.ofEpochMilli(max.asLong());
            }
        }
        return new TimeSpan(first, last);
    }

    /** The query restricted to the plan's range. */
    private static ObjectNode ranged(ObjectNode query, TimelinePlan plan) {
        return OpenSearchQueries.and(
                query, OpenSearchQueries.of(PostFilter.ALL.withRange(plan.from(), plan.to())));
    }

    /** Makes {@code agg} the plan's date histogram with the sentiment counts of each bucket. */
    private static void histogram(ObjectNode agg, TimelinePlan plan) {
        ObjectNode histogram = agg.putObject("date_histogram");
        histogram.put("field", IndexFields.CREATED_AT);
        histogram.put("fixed_interval", plan.interval().toMillis() + "ms");
        histogram.put("min_doc_count", 1);
        terms(agg.putObject("aggs"), "sentiment", IndexFields.SENTIMENT, SENTIMENT_BUCKETS);
    }

    /** The timeline of the plan from the buckets of a {@link #histogram}. */
    private static Timeline timeline(TimelinePlan plan, JsonNode histogramBuckets) {
        List<Map<String, Long>> counts = new ArrayList<>();
        for (int i = 0; i < plan.bucketCount(); i++) {
            counts.add(new HashMap<>());
        }
        for (JsonNode b : histogramBuckets) {
            int i = plan.bucketOf(b.get("key").asLong());
            if (i < 0) {
                continue;
            }
            for (JsonNode s : b.at("/sentiment/buckets")) {
                counts.get(i).put(s.get("key").asText(), s.get("doc_count").asLong());
            }
        }
        List<Timeline.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < plan.bucketCount(); i++) {
            buckets.add(bucket(plan.bucketStart(i), counts.get(i)));
        }
        return new Timeline(plan.interval(), plan.from(), plan.to(), buckets);
    }

    private static Timeline.Bucket bucket(Instant start, Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String s : PostFilter.SENTIMENT_VALUES) {
            all.put(s, counts.getOrDefault(s, 0L));
        }
        return new Timeline.Bucket(start, all);
    }

    @Override
    public PostPage posts(PostFilter filter, int limit) {
        ObjectNode body = search(filter, limit);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().put(IndexFields.CREATED_AT, "desc");
        sort.addObject().put(IndexFields.KEY, "desc");
        JsonNode r = run("searching posts", body);
        List<StoredPost> posts = new ArrayList<>();
        for (JsonNode hit : r.at("/hits/hits")) {
            posts.add(stored(hit.get("_source")));
        }
        return new PostPage(total(r), posts);
    }

    @Override
    public TopTerms terms(PostFilter filter, TermField field, int limit) {
        ObjectNode body = search(filter, 0);
        ObjectNode aggs = body.putObject("aggs");
        terms(aggs, "overall", field.indexField(), limit);
        ObjectNode bySentiment = terms(aggs, "sentiment", IndexFields.SENTIMENT, SENTIMENT_BUCKETS);
        terms(bySentiment.putObject("aggs"), "terms", field.indexField(), limit);
        JsonNode r = run("counting terms", body);
        List<TopTerms.TermCount> overall = termCounts(r.at("/aggregations/overall/buckets"));
        Map<String, List<TopTerms.TermCount>> per = new HashMap<>();
        for (JsonNode b : r.at("/aggregations/sentiment/buckets")) {
            per.put(b.get("key").asText(), termCounts(b.at("/terms/buckets")));
        }
        return new TopTerms(field, overall, per);
    }

    private static List<TopTerms.TermCount> termCounts(JsonNode buckets) {
        List<TopTerms.TermCount> out = new ArrayList<>();
        for (JsonNode b : buckets) {
            out.add(new TopTerms.TermCount(b.get("key").asText(), b.get("doc_count").asLong()));
        }
        return out;
    }

    @Override
    public long export(PostFilter filter, ExportSink sink) throws IOException {
        long n = 0;
        JsonNode after = null;
        while (true) {
            ObjectNode body = search(filter, EXPORT_PAGE);
            body.put("track_total_hits", false);
            ArrayNode sort = body.putArray("sort");
            sort.addObject().put(IndexFields.CREATED_AT, "asc");
            sort.addObject().put(IndexFields.KEY, "asc");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = run("exporting posts", body).at("/hits/hits");
            for (JsonNode hit : hits) {
                sink.accept(stored(hit.get("_source")));
                n++;
                after = hit.get("sort");
            }
            if (hits.size() < EXPORT_PAGE) {
                return n;
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static ObjectNode search(PostFilter filter, int size) {
        return search(OpenSearchQueries.of(filter), size);
    }

    private static ObjectNode search(ObjectNode query, int size) {
        ObjectNode body = PostJson.mapper().createObjectNode();
        body.put("size", size);
        body.put("track_total_hits", true);
        body.set("query", query);
        return body;
    }

    /**
     * Adds a terms aggregation named {@code name} to an {@code aggs} object, ordered by count then
     * term as the Lucene store orders them; returns the aggregation, for sub-aggregations.
     */
    private static ObjectNode terms(ObjectNode parent, String name, String field, int size) {
        ObjectNode agg = parent.putObject(name);
        ObjectNode t = agg.putObject("terms");
        t.put("field", field);
        t.put("size", size);
        ArrayNode order = t.putArray("order");
        order.addObject().put("_count", "desc");
        order.addObject().put("_key", "asc");
        return agg;
    }

    private static long total(JsonNode r) {
        return r.at("/hits/total/value").asLong();
    }

    private static StoredPost stored(JsonNode source) {
        Instant indexedAt = PostJson.indexedAt(source);
        return new StoredPost(
                PostJson.fromDocument(source), indexedAt == null ? Instant.EPOCH : indexedAt);
    }

    private JsonNode run(String what, ObjectNode body) {
        OpenSearchClient.Response r;
        try {
            r = client.send("POST", target + "/_search", body.toString());
        } catch (IOException e) {
            throw new StoreException(
                    what + ": OpenSearch at " + client.config().url() + " cannot be reached", e);
        }
        if (r.status() == 400) {
            throw new InvalidQueryException("q", "OpenSearch refused the query: " + reason(r));
        }
        if (r.status() == 404) {
            throw new StoreException(
                    what
                            + ": no index '"
                            + client.config().readTarget()
                            + "' in OpenSearch yet (start the Flink job, or check --store)",
                    null);
        }
        if (!r.ok()) {
            throw new StoreException(
                    what + ": OpenSearch answered HTTP " + r.status() + ": " + reason(r), null);
        }
        try {
            return r.json();
        } catch (IOException e) {
            throw new StoreException(what + ": reading OpenSearch's answer", e);
        }
    }

    private static String reason(OpenSearchClient.Response r) {
        try {
            JsonNode e = r.json().path("error");
            String reason = e.path("root_cause").path(0).path("reason").asText(null);
            return reason != null ? reason : e.path("reason").asText(r.text());
        } catch (IOException notJson) {
            return r.text();
        }
    }
}
