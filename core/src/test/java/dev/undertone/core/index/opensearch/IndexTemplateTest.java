package dev.undertone.core.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexTemplateTest {

    @Test
    void substitutesPatternAliasShardsAndReplicas() throws Exception {
        JsonNode t = PostJson.mapper().readTree(IndexTemplate.body("posts-*", "posts", 3, 1));

        assertThat(t.get("index_patterns").get(0).asText()).isEqualTo("posts-*");
        assertThat(t.at("/template/settings/number_of_shards").asInt()).isEqualTo(3);
        assertThat(t.at("/template/settings/number_of_replicas").asInt()).isEqualTo(1);
        assertThat(t.at("/template/aliases").has("posts")).isTrue();
        assertThat(t.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
    }

    @Test
    void withoutAnAliasTheTemplateDeclaresNone() throws Exception {
        JsonNode t = PostJson.mapper().readTree(IndexTemplate.body("posts", null, 1, 0));

        assertThat(t.at("/template/aliases").size()).isZero();
    }

    @Test
    void mapsEveryIndexFieldAndNothingElse() throws Exception {
        JsonNode props =
                PostJson.mapper()
                        .readTree(IndexTemplate.body("p", null, 1, 0))
                        .at("/template/mappings/properties");
        List<String> mapped = new ArrayList<>();
        props.fieldNames().forEachRemaining(mapped::add);

        List<String> expected = new ArrayList<>(fieldNames());
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyFieldOfADocumentIsMappedSoStrictMappingAcceptsIt() throws Exception {
        JsonNode props =
                PostJson.mapper()
                        .readTree(IndexTemplate.body("p", null, 1, 0))
                        .at("/template/mappings/properties");
        ScoredPost scored =
                PostJsonTest.post(
                        "x",
                        "t",
                        SentimentResult.scored(
                                Sentiment.MIXED, new SentimentScores(0.25, 0.25, 0.2, 0.3)));
        JsonNode doc = PostJson.toDocument(scored, Instant.EPOCH, List.of("w"));

        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            assertThat(props.has(it.next())).isTrue();
        }
    }

    private static List<String> fieldNames() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : IndexFields.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && !f.getName().equals("UNSCORED")) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }
}
