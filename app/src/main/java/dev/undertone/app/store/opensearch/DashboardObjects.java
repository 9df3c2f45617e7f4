package dev.undertone.app.store.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.index.opensearch.IndexTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The OpenSearch Dashboards saved objects for the OpenSearch store, as an import file ({@code
 * .ndjson}, one object per line with sorted keys, then the export summary line): an index pattern
 * over the post indices, a pie of posts by sentiment, the demo's table of messages (text,
 * sentiment, confidence), a timeline of posts by sentiment, and a dashboard holding them.
 *
 * <p>Object ids are derived from the index name, so importing again with {@code overwrite=true}
 * replaces the objects instead of adding copies.
 */
public final class DashboardObjects {
    static final String INDEX_PATTERN = "index-pattern";
    static final String VISUALIZATION = "visualization";
    static final String SEARCH = "search";
    static final String DASHBOARD = "dashboard";
    static final String INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private DashboardObjects() {}

    /**
     * The import file for the post indices named {@code index} (and {@code index-*} when rotating).
     */
    public static String ndjson(String index) {
        String pattern = index + "*";
        String ip = id(index, INDEX_PATTERN);
        String pie = id(index, "pie");
        String table = id(index, "table");
        String timeline = id(index, "timeline");
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(indexPattern(ip, pattern));
        objects.add(pie(pie, ip));
        objects.add(table(table, ip));
        objects.add(timeline(timeline, ip));
        objects.add(dashboard(id(index, DASHBOARD), pie, table, timeline));
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> o : objects) {
            out.append(write(o)).append('\n');
        }
        Map<String, Object> summary = new TreeMap<>();
        summary.put("exportedCount", objects.size());
        summary.put("missingRefCount", 0);
        summary.put("missingReferences", List.of());
        out.append(write(summary)).append('\n');
        return out.toString();
    }

    static String id(String index, String what) {
        return UUID.nameUUIDFromBytes(
                        ("undertone:" + index + ":" + what).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Map<String, Object> indexPattern(String id, String pattern) {
        Map<String, Object> attrs = new TreeMap<>();
        attrs.put("title", pattern);
        attrs.put("timeFieldName", IndexFields.INDEXED_AT);
        attrs.put("fields", write(fields()));
        return object(id, INDEX_PATTERN, attrs, List.of(), "7.6.0");
    }

    /** The index pattern's field list, derived from the index template's mapping. */
    static List<Map<String, Object>> fields() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(field("_id", "string", "_id", true, true, false));
        out.add(field("_index", "string", "_index", true, true, false));
        out.add(field("_source", "_source", "_source", false, false, false));
        JsonNode props;
        try {
            props =
                    JSON.readTree(IndexTemplate.body("p", null, 1, 0))
                            .at("/template/mappings/properties");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the shipped index template is not JSON", e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String esType = e.getValue().path("type").asText();
            boolean indexed = e.getValue().path("index").asBoolean(true);
            boolean docValues =
                    !esType.equals("text") && e.getValue().path("doc_values").asBoolean(true);
            out.add(field(e.getKey(), kibanaType(esType), esType, indexed, docValues, docValues));
            JsonNode subs = e.getValue().path("fields");
            for (Iterator<Map.Entry<String, JsonNode>> s = subs.fields(); s.hasNext(); ) {
                Map.Entry<String, JsonNode> sub = s.next();
                String subType = sub.getValue().path("type").asText();
                Map<String, Object> f =
                        field(
                                e.getKey() + "." + sub.getKey(),
                                kibanaType(subType),
                                subType,
                                true,
                                true,
                                true);
                f.put("subType", Map.of("multi", Map.of("parent", e.getKey())));
                out.add(f);
            }
        }
        return out;
    }

    private static String kibanaType(String esType) {
        return switch (esType) {
            case "keyword", "text" -> "string";
            case "date" -> "date";
            case "boolean" -> "boolean";
            case "double", "float", "long", "integer", "scaled_float" -> "number";
            default -> esType;
        };
    }

    private static Map<String, Object> field(
            String name,
            String type,
            String esType,
            boolean searchable,
            boolean aggregatable,
            boolean docValues) {
        // keys in the order OpenSearch Dashboards writes them (this is a string, not re-sorted)
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("count", 0);
        f.put("name", name);
        f.put("type", type);
        f.put("esTypes", List.of(esType));
        f.put("scripted", false);
        f.put("searchable", searchable);
        f.put("aggregatable", aggregatable);
        f.put("readFromDocValues", docValues);
        return f;
    }

    private static Map<String, Object> pie(String id, String indexPatternId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", "pie");
        params.put("addTooltip", true);
        params.put("addLegend", true);
        params.put("legendPosition", "right");
        params.put("isDonut", true);
        params.put(
                "labels",
                Map.of("show", true, "values", true, "last_level", true, "truncate", 100));
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("field", IndexFields.SENTIMENT);
        terms.put("size", 5);
        terms.put("order", "desc");
        terms.put("orderBy", "1");
        terms.put("otherBucket", false);
        terms.put("otherBucketLabel", "Other");
        terms.put("missingBucket", false);
        terms.put("missingBucketLabel", "Missing");
        String title = "Posts per sentiment";
        return visualization(
                id,
                indexPatternId,
                title,
                "Share of posts by sentiment label (UNSCORED: posts the model could not score)",
                visState(
                        title,
                        "pie",
                        params,
                        List.of(count(), agg("2", "terms", "segment", terms))));
    }

    private static Map<String, Object> timeline(String id, String indexPatternId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", "histogram");
        params.put("addTooltip", true);
        params.put("addLegend", true);
        params.put("legendPosition", "right");
        params.put("times", List.of());
        params.put("addTimeMarker", false);
        Map<String, Object> histogram = new LinkedHashMap<>();
        histogram.put("field", IndexFields.INDEXED_AT);
        histogram.put("useNormalizedOpenSearchInterval", true);
        histogram.put("interval", "auto");
        histogram.put("drop_partials", false);
        histogram.put("min_doc_count", 1);
        histogram.put("extended_bounds", Map.of());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("field", IndexFields.SENTIMENT);
        split.put("size", 5);
        split.put("order", "desc");
        split.put("orderBy", "1");
        split.put("otherBucket", false);
        split.put("missingBucket", false);
        String title = "Sentiment over time";
        return visualization(
                id,
                indexPatternId,
                title,
                "Posts per time bucket, stacked by sentiment",
                visState(
                        title,
                        "histogram",
                        params,
                        List.of(
                                count(),
                                agg("2", "date_histogram", "segment", histogram),
                                agg("3", "terms", "group", split))));
    }

    private static Map<String, Object> table(String id, String indexPatternId) {
        Map<String, Object> attrs = new TreeMap<>();
        attrs.put("title", "Posts with sentiment and confidence");
        attrs.put("description", "The newest posts: text, sentiment label and its confidence");
        attrs.put(
                "columns",
                List.of(IndexFields.TEXT, IndexFields.SENTIMENT, IndexFields.CONFIDENCE));
        attrs.put("sort", List.of(List.of(IndexFields.INDEXED_AT, "desc")));
        attrs.put("hits", 0);
        attrs.put("version", 1);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("highlightAll", true);
        source.put("version", true);
        source.put("query", Map.of("query", "", "language", "kuery"));
        source.put("filter", List.of());
        source.put("indexRefName", INDEX_REF);
        attrs.put("kibanaSavedObjectMeta", Map.of("searchSourceJSON", write(source)));
        return object(
                id, SEARCH, attrs, List.of(ref(INDEX_REF, INDEX_PATTERN, indexPatternId)), "7.9.3");
    }

    private static Map<String, Object> dashboard(
            String id, String pie, String table, String timeline) {
        List<Map<String, Object>> panels = new ArrayList<>();
        panels.add(panel(0, 0, 0, 16, 15));
        panels.add(panel(1, 16, 0, 32, 15));
        panels.add(panel(2, 0, 15, 48, 20));
        Map<String, Object> attrs = new TreeMap<>();
        attrs.put("title", "Undertone: sentiment of tracked posts");
        attrs.put("description", "Pie by sentiment, sentiment over time, and the newest posts");
        attrs.put("hits", 0);
        attrs.put("panelsJSON", write(panels));
        attrs.put("optionsJSON", write(Map.of("hidePanelTitles", false, "useMargins", true)));
        attrs.put("version", 1);
        attrs.put("timeRestore", true);
        attrs.put("timeFrom", "now-1h");
        attrs.put("timeTo", "now");
        attrs.put("refreshInterval", Map.of("pause", false, "value", 10000));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("query", Map.of("query", "", "language", "kuery"));
        source.put("filter", List.of());
        attrs.put("kibanaSavedObjectMeta", Map.of("searchSourceJSON", write(source)));
        return object(
                id,
                DASHBOARD,
                attrs,
                List.of(
                        ref("panel_0", VISUALIZATION, pie),
                        ref("panel_1", VISUALIZATION, timeline),
                        ref("panel_2", SEARCH, table)),
                "7.9.3");
    }

    private static Map<String, Object> panel(int n, int x, int y, int w, int h) {
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("x", x);
        grid.put("y", y);
        grid.put("w", w);
        grid.put("h", h);
        grid.put("i", Integer.toString(n + 1));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("version", "2.19.0");
        p.put("gridData", grid);
        p.put("panelIndex", Integer.toString(n + 1));
        p.put("embeddableConfig", Map.of());
        p.put("panelRefName", "panel_" + n);
        return p;
    }

    private static Map<String, Object> visualization(
            String id, String indexPatternId, String title, String description, String visState) {
        Map<String, Object> attrs = new TreeMap<>();
        attrs.put("title", title);
        attrs.put("description", description);
        attrs.put("visState", visState);
        attrs.put("uiStateJSON", "{}");
        attrs.put("version", 1);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("query", Map.of("query", "", "language", "kuery"));
        source.put("filter", List.of());
        source.put("indexRefName", INDEX_REF);
        attrs.put("kibanaSavedObjectMeta", Map.of("searchSourceJSON", write(source)));
        return object(
                id,
                VISUALIZATION,
                attrs,
                List.of(ref(INDEX_REF, INDEX_PATTERN, indexPatternId)),
                "7.10.0");
    }

    private static String visState(
            String title, String type, Map<String, Object> params, List<Map<String, Object>> aggs) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title);
        v.put("type", type);
        v.put("params", params);
        v.put("aggs", aggs);
        return write(v);
    }

    private static Map<String, Object> count() {
        return agg("1", "count", "metric", Map.of());
    }

    private static Map<String, Object> agg(
            String id, String type, String schema, Map<String, Object> params) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("enabled", true);
        a.put("type", type);
        a.put("schema", schema);
        a.put("params", params);
        return a;
    }

    private static Map<String, Object> ref(String name, String type, String id) {
        Map<String, Object> r = new TreeMap<>();
        r.put("id", id);
        r.put("name", name);
        r.put("type", type);
        return r;
    }

    private static Map<String, Object> object(
            String id,
            String type,
            Map<String, Object> attributes,
            List<Map<String, Object>> references,
            String migrationVersion) {
        Map<String, Object> o = new TreeMap<>();
        o.put("id", id);
        o.put("type", type);
        o.put("attributes", attributes);
        o.put("references", references);
        o.put("migrationVersion", Map.of(type, migrationVersion));
        return o;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a saved object", e);
        }
    }
}
