package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.pipeline.DataDir;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.core.sentiment.Sentiment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rescore} on a small real index made by {@code replay}. */
class RescoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    private Path data;

    @BeforeEach
    void replaySomePosts() throws Exception {
        data = tmp.resolve("data");
        List<String> lines = new ArrayList<>();
        String[] texts = {
            "I love this new phone, it is wonderful",
            "worst airline ever, I hate waiting",
            "the train leaves at noon",
            "jag hatar regnet",
            "what a great game tonight #football"
        };
        // Swedish: no model scores it, so it stays unscored whatever the model.
        String[] langs = {"en", "en", "en", "sv", "en"};
        for (int i = 0; i < texts.length; i++) {
            lines.add(
                    JSON.writeValueAsString(
                            Map.of(
                                    "id", "p" + i,
                                    "text", texts[i],
                                    "created_at", "2026-01-0" + (i + 1) + "T10:00:00Z",
                                    "lang", langs[i],
                                    "author", "a" + i)));
        }
        Path input = tmp.resolve("posts.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
        CliRun r = CliRun.run("", "replay", input.toString(), "--data", data.toString());
        assertThat(r.exitCode).as(r.err).isZero();
    }

    private Map<String, StoredPost> stored() throws Exception {
        List<StoredPost> all = new ArrayList<>();
        try (LucenePostStore store = LucenePostStore.openReadOnly(DataDir.indexPath(data))) {
            store.export(PostFilter.ALL, all::add);
        }
        return all.stream()
                .collect(Collectors.toMap(p -> p.post().post().id(), Function.identity()));
    }

    @Test
    void rescoresStoredPostsWithTheChosenModelAndRecordsItsId() throws Exception {
        Map<String, StoredPost> before = stored();
        assertThat(before.values()).allMatch(p -> p.post().modelId().equals("fast-1"));

        CliRun r = CliRun.run("", "rescore", "--model", "accurate", "--data", data.toString());

        assertThat(r.exitCode).as(r.err).isZero();
        JsonNode summary = JSON.readTree(r.outLines().get(r.outLines().size() - 1));
        assertThat(summary.get("matched").asLong()).isEqualTo(5);
        assertThat(summary.get("rescored").asLong()).isEqualTo(5);
        assertThat(summary.get("unscored").asLong()).isEqualTo(1);
        assertThat(summary.get("model").asText()).isEqualTo("accurate-2");
        Map<String, StoredPost> after = stored();
        assertThat(after).hasSize(5);
        assertThat(after.values()).allMatch(p -> p.post().modelId().equals("accurate-2"));
        assertThat(after.get("p0").post().sentiment().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(after.get("p1").post().sentiment().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(after.get("p3").post().sentiment().isScored()).isFalse();
        assertThat(after.get("p4").post().post().text())
                .isEqualTo(before.get("p4").post().post().text());
        assertThat(after.get("p4").post().post().hashtags())
                .isEqualTo(before.get("p4").post().post().hashtags());
        assertThat(after.get("p4").post().scoredAt())
                .isAfterOrEqualTo(before.get("p4").post().scoredAt());
    }

    @Test
    void onlyPostsMatchingTheFiltersAreRescored() throws Exception {
        CliRun r =
                CliRun.run(
                        "",
                        "rescore",
                        "--model",
                        "accurate",
                        "--data",
                        data.toString(),
                        "--since",
                        "2026-01-04T00:00:00Z");

        assertThat(r.exitCode).as(r.err).isZero();
        Map<String, StoredPost> after = stored();
        assertThat(after.get("p0").post().modelId()).isEqualTo("fast-1");
        assertThat(after.get("p4").post().modelId()).isEqualTo("accurate-2");
        assertThat(after.values().stream().filter(p -> p.post().modelId().equals("accurate-2")))
                .hasSize(2);
    }

    @Test
    void refusesToRunWhileAnotherProcessHoldsTheDataDirectory() throws Exception {
        try (DataDir held = DataDir.openForWriting(data)) {
            CliRun r = CliRun.run("", "rescore", "--model", "fast", "--data", data.toString());

            assertThat(r.exitCode).isEqualTo(1);
            assertThat(r.err).contains("in use by another undertone process");
        }
        assertThat(stored().values()).allMatch(p -> p.post().modelId().equals("fast-1"));
    }

    @Test
    void aMissingIndexOrABadFilterIsAUsageError() {
        CliRun none = CliRun.run("", "rescore", "--data", tmp.resolve("nothing").toString());
        CliRun badSince =
                CliRun.run("", "rescore", "--data", data.toString(), "--since", "yesterday");

        assertThat(none.exitCode).isEqualTo(2);
        assertThat(none.err).contains("--data").contains("no index");
        assertThat(badSince.exitCode).isEqualTo(2);
        assertThat(badSince.err).contains("--since");
    }
}
