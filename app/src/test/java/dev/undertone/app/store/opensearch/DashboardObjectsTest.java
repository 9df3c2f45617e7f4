package dev.undertone.app.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.index.opensearch.IndexTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exported saved objects follow the OpenSearch Dashboards import format: one object per line
 * with sorted keys, the envelope of real exports, JSON-string attributes that parse, references
 * that resolve within the file, fields that the index template maps, and the summary line last.
 */
class DashboardObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String INDEX = "undertone-posts";

    private static List<JsonNode> lines(String ndjson) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        assertThat(ndjson).endsWith("\n");
        for (String line : ndjson.split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<JsonNode> fixture(String name) throws IOException {
        try (InputStream in =
                DashboardObjectsTest.class.getResourceAsStream("/opensearch-dashboards/" + name)) {
            return lines(new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n");
        }
    }

    private static Map<String, JsonNode> byId(List<JsonNode> objects) {
        Map<String, JsonNode> m = new HashMap<>();
        objects.forEach(o -> m.put(o.get("type").asText() + ":" + o.get("id").asText(), o));
        return m;
    }

    private static Set<String> mappedFields() throws IOException {
        JsonNode props =
                JSON.readTree(IndexTemplate.body("p", null, 1, 0))
                        .at("/template/mappings/properties");
        Set<String> names = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            names.add(e.getKey());
            e.getValue()
                    .path("fields")
                    .fieldNames()
                    .forEachRemaining(s -> names.add(e.getKey() + "." + s));
        }
        return names;
    }

    @Test
    void holdsAnIndexPatternTwoVisualizationsASearchAndADashboardThenTheSummary()
            throws IOException {
        List<JsonNode> lines = lines(DashboardObjects.ndjson(INDEX));

        JsonNode summary = lines.get(lines.size() - 1);
        List<JsonNode> objects = lines.subList(0, lines.size() - 1);
        assertThat(objects)
                .extracting(o -> o.get("type").asText())
                .containsExactly(
                        "index-pattern", "visualization", "search", "visualization", "dashboard");
        assertThat(summary.get("exportedCount").asInt()).isEqualTo(objects.size());
        assertThat(summary.get("missingRefCount").asInt()).isZero();
        JsonNode pattern = objects.get(0).get("attributes");
        assertThat(pattern.get("title").asText()).isEqualTo("undertone-posts*");
        assertThat(pattern.get("timeFieldName").asText()).isEqualTo(IndexFields.INDEXED_AT);
    }

    @Test
    void everyObjectHasTheEnvelopeOfARealExportWithSortedKeys() throws IOException {
        Set<String> envelope = new HashSet<>();
        fixture("osd-saved-objects.ndjson").get(0).fieldNames().forEachRemaining(envelope::add);
        String ndjson = DashboardObjects.ndjson(INDEX);

        for (String line : ndjson.split("\n")) {
            JsonNode o = JSON.readTree(line);
            assertThat(line)
                    .as("keys sorted, as the exporter writes them")
                    .isEqualTo(SORTED.writeValueAsString(JSON.treeToValue(o, Object.class)));
            if (o.has("exportedCount")) {
                continue;
            }
            Set<String> keys = new HashSet<>();
            o.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsAll(envelope);
            assertThat(o.at("/migrationVersion/" + o.get("type").asText()).isTextual()).isTrue();
        }
    }

    @Test
    void stringEncodedAttributesParseAndUseOnlyMappedFields() throws IOException {
        Set<String> mapped = mappedFields();
        for (JsonNode o : lines(DashboardObjects.ndjson(INDEX))) {
            JsonNode a = o.get("attributes");
            if (a == null) {
                continue;
            }
            for (String attr :
                    List.of("visState", "uiStateJSON", "panelsJSON", "optionsJSON", "fields")) {
                if (a.has(attr)) {
                    assertThat(JSON.readTree(a.get(attr).asText())).as(attr).isNotNull();
                }
            }
            JsonNode source = a.at("/kibanaSavedObjectMeta/searchSourceJSON");
            if (!source.isMissingNode()) {
                assertThat(JSON.readTree(source.asText()).has("query")).isTrue();
            }
            if (a.has("visState")) {
                for (JsonNode agg : JSON.readTree(a.get("visState").asText()).get("aggs")) {
                    String field = agg.at("/params/field").asText(null);
                    if (field != null) {
                        assertThat(mapped).contains(field);
                    }
                }
            }
            if (a.has("columns")) {
                a.get("columns").forEach(c -> assertThat(mapped).contains(c.asText()));
                assertThat(a.get("columns"))
                        .extracting(JsonNode::asText)
                        .containsExactly("text", "sentiment", "confidence");
            }
        }
    }

    @Test
    void everyReferenceResolvesInsideTheFile() throws IOException {
        List<JsonNode> lines = lines(DashboardObjects.ndjson(INDEX));
        Map<String, JsonNode> objects = byId(lines.subList(0, lines.size() - 1));

        for (JsonNode o : objects.values()) {
            for (JsonNode ref : o.get("references")) {
                assertThat(objects)
                        .containsKey(ref.get("type").asText() + ":" + ref.get("id").asText());
            }
            JsonNode a = o.get("attributes");
            if (a.has("panelsJSON")) {
                Set<String> names = new HashSet<>();
                o.get("references").forEach(r -> names.add(r.get("name").asText()));
                for (JsonNode panel : JSON.readTree(a.get("panelsJSON").asText())) {
                    assertThat(names).contains(panel.get("panelRefName").asText());
                }
            }
            JsonNode source = a.at("/kibanaSavedObjectMeta/searchSourceJSON");
            String indexRef =
                    source.isMissingNode()
                            ? null
                            : JSON.readTree(source.asText()).path("indexRefName").asText(null);
            if (indexRef != null) {
                assertThat(o.get("references"))
                        .anySatisfy(r -> assertThat(r.get("name").asText()).isEqualTo(indexRef));
            }
        }
    }

    @Test
    void pieHasTheSameShapeAsTheReferenceExport() throws IOException {
        JsonNode reference =
                JSON.readTree(
                        fixture("osd-saved-objects.ndjson")
                                .get(1)
                                .at("/attributes/visState")
                                .asText());
        JsonNode ours =
                JSON.readTree(
                        lines(DashboardObjects.ndjson(INDEX))
                                .get(1)
                                .at("/attributes/visState")
                                .asText());

        assertThat(ours.get("type").asText()).isEqualTo(reference.get("type").asText());
        assertThat(ours.at("/aggs/1/params/field").asText())
                .isEqualTo(reference.at("/aggs/1/params/field").asText());
        assertThat(ours.at("/aggs/1/schema").asText()).isEqualTo("segment");
    }

    @Test
    void idsAreStablePerIndexSoAnImportOverwrites() {
        assertThat(DashboardObjects.ndjson(INDEX)).isEqualTo(DashboardObjects.ndjson(INDEX));
        assertThat(DashboardObjects.id("a", "pie")).isNotEqualTo(DashboardObjects.id("b", "pie"));
    }

    @Test
    void theFileCommittedUnderDeployIsTheCurrentExport() throws IOException {
        Path committed = Path.of("..", "deploy", "opensearch-dashboards", "undertone.ndjson");

        assertThat(Files.readString(committed))
                .as("regenerate with: ./undertone export-dashboards -o " + committed)
                .isEqualTo(DashboardObjects.ndjson(INDEX));
    }
}
