package dev.undertone.core.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevisionsTest {

    @Test
    void tidDigitsAreBase32SortableFiveBitsEach() {
        // Alphabet 234567abcdefghijklmnopqrstuvwxyz: '2' is 0, '3' is 1, 'a' is 6, 'z' is 31.
        assertThat(Revisions.fromTid("2222222222222")).isEqualTo(0L);
        assertThat(Revisions.fromTid("2222222222223")).isEqualTo(1L);
        assertThat(Revisions.fromTid("222222222222a")).isEqualTo(6L);
        assertThat(Revisions.fromTid("22222222222z2")).isEqualTo(31L << 5);
        assertThat(Revisions.fromTid("3222222222222")).isEqualTo(1L << 60);
        assertThat(Revisions.fromTid("bzzzzzzzzzzzz")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void tidOrderIsStringOrder() {
        assertThat(Revisions.fromTid("3mgrwgory3ujt"))
                .isLessThan(Revisions.fromTid("3mtk25qwzje24"));
        assertThat(Revisions.fromTid("3l3qo2vuowo2b"))
                .isLessThan(Revisions.fromTid("3l3qo2vuowo2c"));
    }

    @Test
    void whatIsNotATidIsUnknown() {
        assertThat(Revisions.fromTid(null)).isEqualTo(Revisions.UNKNOWN);
        assertThat(Revisions.fromTid("3l3qo2vuowo2")).isEqualTo(Revisions.UNKNOWN);
        assertThat(Revisions.fromTid("3l3qo2vuowo21")).isEqualTo(Revisions.UNKNOWN);
        assertThat(Revisions.fromTid("3L3QO2VUOWO2B")).isEqualTo(Revisions.UNKNOWN);
        assertThat(Revisions.fromTid("czzzzzzzzzzzz")).isEqualTo(Revisions.UNKNOWN);
    }

    @Test
    void onlyAKnownLowerRevisionIsOlder() {
        assertThat(Revisions.isOlder(1, 2)).isTrue();
        assertThat(Revisions.isOlder(2, 2)).isFalse();
        assertThat(Revisions.isOlder(3, 2)).isFalse();
        assertThat(Revisions.isOlder(Revisions.UNKNOWN, 2)).isFalse();
        assertThat(Revisions.isOlder(1, Revisions.UNKNOWN)).isFalse();
    }

    @Test
    void instantsBecomeMicroseconds() {
        assertThat(Revisions.fromInstant(Instant.parse("1970-01-01T00:00:01.000002Z")))
                .isEqualTo(1_000_002L);
    }
}
