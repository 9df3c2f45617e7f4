package dev.undertone.core.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IndexRotationTest {
    private static final Instant FIREHOSE_EXAMPLE = Instant.parse("2016-02-25T13:00:00Z");

    @Test
    void namesIndicesAsFirehoseDoesForItsDocumentedExample() {
        assertThat(IndexRotation.NONE.indexFor("myindex", FIREHOSE_EXAMPLE)).isEqualTo("myindex");
        assertThat(IndexRotation.HOUR.indexFor("myindex", FIREHOSE_EXAMPLE))
                .isEqualTo("myindex-2016-02-25-13");
        assertThat(IndexRotation.DAY.indexFor("myindex", FIREHOSE_EXAMPLE))
                .isEqualTo("myindex-2016-02-25");
        assertThat(IndexRotation.WEEK.indexFor("myindex", FIREHOSE_EXAMPLE))
                .isEqualTo("myindex-2016-w08");
        assertThat(IndexRotation.MONTH.indexFor("myindex", FIREHOSE_EXAMPLE))
                .isEqualTo("myindex-2016-02");
    }

    @Test
    void weeksStartOnSundayAndDaysBeforeTheFirstFullWeekBelongToLastYear() {
        // 2016-01-01 is a Friday: the first Sunday-to-Saturday week wholly in 2016 starts Jan 3
        assertThat(IndexRotation.firehoseWeek(LocalDate.of(2016, 1, 2))).isEqualTo("2015-w52");
        assertThat(IndexRotation.firehoseWeek(LocalDate.of(2016, 1, 3))).isEqualTo("2016-w01");
        assertThat(IndexRotation.firehoseWeek(LocalDate.of(2016, 1, 9))).isEqualTo("2016-w01");
        assertThat(IndexRotation.firehoseWeek(LocalDate.of(2016, 1, 10))).isEqualTo("2016-w02");
    }

    @Test
    void patternCoversEveryRotatedIndex() {
        assertThat(IndexRotation.NONE.pattern("posts")).isEqualTo("posts");
        assertThat(IndexRotation.DAY.pattern("posts")).isEqualTo("posts-*");
    }

    @Test
    void parsesNamesCaseInsensitivelyAndRejectsOthers() {
        assertThat(IndexRotation.parse("Day")).isEqualTo(IndexRotation.DAY);
        assertThatThrownBy(() -> IndexRotation.parse("fortnight"))
                .hasMessageContaining("none, hour, day, week, month");
    }
}
