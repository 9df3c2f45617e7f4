package dev.undertone.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.testing.ConstantScorer;
import dev.undertone.app.testing.ListSource;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.stage.BatchScorer;
import dev.undertone.core.track.PostTracker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded pipeline from a source to a real Lucene index, with simple stand-in stages (the real
 * decoders and model have tests of their own): lines are {@code op|id|text}.
 */
class PipelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir Path data;

    static final RecordDecoder LINES =
            (RawRecord r) -> {
                String[] f = new String(r.payload(), StandardCharsets.UTF_8).split("\\|", 3);
                if (f.length != 3) {
                    return new Decoded.Rejected("expected op|id|text");
                }
                Post p =
                        TestPosts.post(PostSource.FILE, f[1], T0, f[2])
                                .author("a", null)
                                .langs(List.of("en"))
                                .build();
                return switch (f[0]) {
                    case "new" -> new Decoded.NewPost(p, false);
                    case "edit" -> new Decoded.NewPost(p, true);
                    case "del" -> new Decoded.Deletion(p.key());
                    case "like" -> new Decoded.NotAPost("like");
                    default -> new Decoded.Rejected("unknown op " + f[0]);
                };
            };

    /** Real track rules that keep every text of these tests except the ones saying "skip". */
    static final PostTracker KEEP_TRACKED = PostTracker.parse("hello,world,four,t,a,b,old", null);

    static final BatchScorer SCORER = ConstantScorer.neutral(T0);

    private Pipeline open() {
        return Pipeline.open(data, PipelineConfig.DEFAULTS, Clock.systemUTC());
    }

    private PipelineStats replay(List<String> lines, IndexListener listener) throws Exception {
        try (Pipeline p = open()) {
            p.startProcessing(new Stages(LINES, KEEP_TRACKED, SCORER), listener);
            SourceRunner r = p.startSource(new ListSource("list", "lines", lines, 3));
            assertThat(r.await(Duration.ofSeconds(30))).isTrue();
            p.drainAndClose();
            return p.stats();
        }
    }

    private Set<String> storedKeys() throws Exception {
        Set<String> keys = new TreeSet<>();
        try (var dir = FSDirectory.open(data.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(dir)) {
            for (int i = 0; i < reader.maxDoc(); i++) {
                var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
                if (live == null || live.get(i)) {
                    keys.add(reader.storedFields().document(i).get(IndexFields.KEY));
                }
            }
        }
        return keys;
    }

    @Test
    void appliesNewEditsDeletesAndCountsEachKind() throws Exception {
        List<String> lines =
                List.of(
                        "new|1|hello",
                        "new|2|world",
                        "like|x|-",
                        "garbage",
                        "new|3|skip me",
                        "edit|1|hello again",
                        "del|2|-",
                        "del|9|-",
                        "new|4|four",
                        "edit|4|skip now");
        List<ScoredPost> live = new ArrayList<>();
        PipelineStats s =
                replay(
                        lines,
                        new IndexListener() {
                            @Override
                            public void indexed(List<ScoredPost> posts) {
                                live.addAll(posts);
                            }

                            @Override
                            public void deleted(List<String> keys) {}
                        });
        assertThat(s.summary())
                .containsEntry("read", 10L)
                .containsEntry("posts", 6L)
                .containsEntry("matched", 4L)
                .containsEntry("indexed", 3L)
                .containsEntry("updated", 1L)
                .containsEntry("deleted", 2L)
                .containsEntry("rejected", 1L);
        assertThat(storedKeys()).containsExactly("file:1");
        assertThat(live).extracting(sp -> sp.post().key()).contains("file:1", "file:2");
        assertThat(Files.readString(data.resolve("rejected/rejected.jsonl")))
                .contains("\"reason\":\"expected op|id|text\"")
                .contains("\"payload_base64\":\"Z2FyYmFnZQ==\"");
    }

    @Test
    void aSecondRunResumesAfterWhatTheFirstRead() throws Exception {
        List<String> first = IntStream.range(0, 20).mapToObj(i -> "new|" + i + "|t").toList();
        replay(first, IndexListener.NONE);
        List<String> more = new ArrayList<>(first);
        IntStream.range(20, 25).forEach(i -> more.add("new|" + i + "|t"));
        PipelineStats s = replay(more, IndexListener.NONE);
        assertThat(s.read.sum()).isEqualTo(5);
        assertThat(s.indexed.sum()).isEqualTo(5);
        assertThat(storedKeys()).hasSize(25);
    }

    @Test
    void recordsJournaledButNotIndexedAreAppliedOnTheNextStart() throws Exception {
        try (Pipeline p = open()) {
            // No processor: the records reach the journal only, as if the process died there.
            SourceRunner r =
                    p.startSource(
                            new ListSource("list", "lines", List.of("new|1|a", "new|2|b"), 1));
            assertThat(r.await(Duration.ofSeconds(30))).isTrue();
        }
        PipelineStats s = replay(List.of("new|1|a", "new|2|b"), IndexListener.NONE);
        assertThat(s.read.sum()).isZero();
        assertThat(s.indexed.sum()).isEqualTo(2);
        assertThat(storedKeys()).containsExactly("file:1", "file:2");
    }

    @Test
    void retentionRemovesPostsCreatedBeforeTheWindow() throws Exception {
        replay(List.of("new|1|old one", "new|2|old two"), IndexListener.NONE);
        assertThat(storedKeys()).hasSize(2);
        // The posts were created at T0, long ago; a 1 ms retention removes them.
        try (Pipeline p =
                Pipeline.open(
                        data,
                        PipelineConfig.DEFAULTS.withRetain(Duration.ofMillis(1)),
                        Clock.systemUTC())) {
            p.startProcessing(new Stages(LINES, KEEP_TRACKED, SCORER), IndexListener.NONE);
            p.drainAndClose();
        }
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void aFileWhereTheDataDirectoryShouldBeIsAClearError() throws Exception {
        Path file = Files.writeString(data.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Pipeline.open(file, PipelineConfig.DEFAULTS, Clock.systemUTC()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("cannot use " + file)
                .hasMessageContaining("pass a writable directory with --data");
    }

    @Test
    void aSecondProcessCannotOpenTheSameDataDirectory() {
        try (Pipeline p = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("in use by another undertone process");
        }
    }
}
