package dev.undertone.app.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.source.SourceBatch;
import dev.undertone.core.decode.RawRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir Path dir;

    private static SourceBatch batch(String position, String... texts) {
        List<RawRecord> records = new ArrayList<>();
        for (String t : texts) {
            records.add(new RawRecord("text", "f:" + t, T0, t.getBytes(StandardCharsets.UTF_8)));
        }
        return new SourceBatch(records, position);
    }

    private static List<String> readAll(Journal journal, long from) throws Exception {
        List<String> out = new ArrayList<>();
        try (JournalReader reader = journal.reader(from)) {
            List<JournalRecord> got;
            while (!(got = reader.poll(3, Duration.ofMillis(10))).isEmpty()) {
                for (JournalRecord r : got) {
                    assertThat(r.offset()).isEqualTo(from + out.size());
                    out.add(new String(r.record().payload(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Test
    void appendedRecordsAreReadBackInOrderWithDenseOffsets() throws Exception {
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK)) {
            journal.append("a", batch("1", "x", "y"));
            journal.append("b", batch("9", "z"));
            assertThat(journal.endOffset()).isEqualTo(3);
            assertThat(readAll(journal, 0)).containsExactly("x", "y", "z");
            assertThat(readAll(journal, 1)).containsExactly("y", "z");
        }
    }

    @Test
    void positionsAndOffsetsSurviveReopening() throws Exception {
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK)) {
            journal.append("a", batch("1", "x"));
            journal.append("a", batch("2", "y"));
            journal.append("b", batch("7"));
        }
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK)) {
            assertThat(journal.position("a")).isEqualTo("2");
            assertThat(journal.position("b")).isEqualTo("7");
            assertThat(journal.position("c")).isNull();
            assertThat(journal.endOffset()).isEqualTo(2);
            journal.append("a", batch("3", "w"));
            assertThat(readAll(journal, 0)).containsExactly("x", "y", "w");
        }
    }

    @Test
    void aTornTailIsCutOffAndItsPositionIsNotKept() throws Exception {
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK)) {
            journal.append("a", batch("1", "x"));
            journal.append("a", batch("2", "y"));
        }
        Path segment = Segment.list(dir).get(0).path();
        long size = Files.size(segment);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK)) {
            assertThat(journal.position("a")).isEqualTo("1");
            assertThat(journal.endOffset()).isEqualTo(1);
            journal.append("a", batch("2", "y2"));
            assertThat(readAll(journal, 0)).containsExactly("x", "y2");
        }
    }

    @Test
    void garbageAfterTheLastEntryIsIgnored() throws Exception {
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK)) {
            journal.append("a", batch("1", "x"));
        }
        Path segment = Segment.list(dir).get(0).path();
        Files.write(segment, new byte[] {0, 0, 0, 9, 1, 2, 3}, StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK)) {
            assertThat(readAll(journal, 0)).containsExactly("x");
            assertThat(journal.position("a")).isEqualTo("1");
        }
    }

    @Test
    void readsAcrossSegmentsAndKeepsPositionsInEachSnapshot() throws Exception {
        JournalConfig small = new JournalConfig(1024, Duration.ZERO);
        String big = "p".repeat(400);
        try (Journal journal = Journal.open(dir, small, CLOCK)) {
            journal.append("b", batch("b-pos"));
            for (int i = 0; i < 10; i++) {
                journal.append("a", batch(Integer.toString(i), big + i));
            }
        }
        assertThat(Segment.list(dir)).hasSizeGreaterThan(3);
        try (Journal journal = Journal.open(dir, small, CLOCK)) {
            assertThat(journal.position("b")).isEqualTo("b-pos");
            assertThat(journal.position("a")).isEqualTo("9");
            List<String> all = readAll(journal, 0);
            assertThat(all)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 10).mapToObj(i -> big + i).toList());
            assertThat(readAll(journal, 7)).hasSize(3);
        }
    }

    @Test
    void committedSegmentsPastRetentionAreDeletedAndOthersKept() throws Exception {
        JournalConfig small = new JournalConfig(1024, Duration.ofHours(1));
        String big = "p".repeat(600);
        try (Journal journal = Journal.open(dir, small, CLOCK)) {
            for (int i = 0; i < 6; i++) {
                journal.append("a", batch(Integer.toString(i), big + i));
            }
            List<Segment> before = Segment.list(dir);
            for (Segment s : before) {
                Files.setLastModifiedTime(s.path(), FileTime.from(T0.minus(Duration.ofHours(2))));
            }
            journal.committed(3);
            List<Segment> after = Segment.list(dir);
            assertThat(after.get(0).baseOffset()).isLessThanOrEqualTo(3);
            assertThat(after.get(after.size() - 1)).isEqualTo(before.get(before.size() - 1));
            assertThat(after).hasSizeLessThan(before.size());
            assertThat(readAll(journal, 3)).hasSize(3);
        }
    }

    @Test
    void recentCommittedSegmentsAreKept() throws Exception {
        JournalConfig small = new JournalConfig(1024, Duration.ofHours(1));
        try (Journal journal = Journal.open(dir, small, CLOCK)) {
            for (int i = 0; i < 6; i++) {
                journal.append("a", batch(Integer.toString(i), "p".repeat(600)));
            }
            int count = Segment.list(dir).size();
            for (Segment s : Segment.list(dir)) {
                Files.setLastModifiedTime(s.path(), FileTime.from(T0));
            }
            journal.committed(6);
            assertThat(Segment.list(dir)).hasSize(count);
        }
    }

    @Test
    void aReaderWaitsForRecordsAppendedLater() throws Exception {
        try (Journal journal = Journal.open(dir, JournalConfig.DEFAULTS, CLOCK);
                JournalReader reader = journal.reader(0)) {
            assertThat(reader.poll(10, Duration.ofMillis(5))).isEmpty();
            Thread writer =
                    new Thread(
                            () -> {
                                try {
                                    journal.append("a", batch("1", "late"));
                                } catch (IOException e) {
                                    throw new RuntimeException(e);
                                }
                            });
            writer.start();
            List<JournalRecord> got = reader.poll(10, Duration.ofSeconds(10));
            writer.join();
            assertThat(got).extracting(JournalRecord::offset).containsExactly(0L);
        }
    }
}
