package dev.undertone.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDetectorTest {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final Duration W = Duration.ofMinutes(10);
    private final AlertDetector detector = new AlertDetector(AlertRules.DEFAULTS);

    /** Windows of the given totals, each with {@code negativePct}% negative, all scored. */
    private static List<WindowCounts> windows(int negativePct, long... totals) {
        List<WindowCounts> out = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            long n = totals[i];
            out.add(new WindowCounts(T0.plus(W.multipliedBy(i)), n, n * negativePct / 100, n));
        }
        return out;
    }

    private static WindowCounts current(long total, long negative) {
        return new WindowCounts(T0.plus(W.multipliedBy(200)), total, negative, total);
    }

    @Test
    void aSpikeFarAboveTheMedianIsAVolumeAlert() {
        List<WindowCounts> base = windows(10, 30, 28, 33, 31, 29, 30, 27, 32, 30, 31, 29, 30);

        List<Finding> f = detector.judge(current(120, 12), base, 12);

        assertThat(f).extracting(Finding::kind).containsExactly(AlertKind.VOLUME);
        assertThat(f.get(0).observed()).isEqualTo(120);
        assertThat(f.get(0).expected()).isEqualTo(30.0);
    }

    @Test
    void ordinaryNoiseDoesNotAlert() {
        List<WindowCounts> base = windows(10, 30, 28, 33, 31, 29, 30, 27, 32, 30, 31, 29, 30);

        assertThat(detector.judge(current(40, 5), base, 12)).isEmpty();
    }

    @Test
    void aFlatBaselineNeedsMoreThanAFewExtraPosts() {
        // MAD is 0 here; the Poisson floor (sqrt of the median) keeps 27 over 20 from alerting.
        List<WindowCounts> base = windows(10, 20, 20, 20, 20, 20, 20, 20, 20);

        assertThat(detector.judge(current(27, 3), base, 8)).isEmpty();
        assertThat(detector.judge(current(45, 4), base, 8))
                .extracting(Finding::kind)
                .containsExactly(AlertKind.VOLUME);
    }

    @Test
    void anEarlierSpikeDoesNotRaiseTheBaseline() {
        List<WindowCounts> base = windows(10, 30, 30, 400, 31, 29, 30, 30, 29);

        assertThat(detector.judge(current(130, 13), base, 8))
                .extracting(Finding::kind)
                .containsExactly(AlertKind.VOLUME);
    }

    @Test
    void emptyWindowsMissingFromTheBaselineCountAsZero() {
        // Only 3 of 12 windows had posts: the median is 0, so 25 posts are a spike.
        List<WindowCounts> base = windows(10, 5, 4, 6);

        assertThat(detector.judge(current(25, 2), base, 12))
                .extracting(Finding::kind)
                .containsExactly(AlertKind.VOLUME);
    }

    @Test
    void aRiseOfTheNegativeShareIsANegativeShareAlert() {
        List<WindowCounts> base = windows(20, 50, 50, 50, 50, 50, 50, 50, 50);

        List<Finding> f = detector.judge(current(50, 35), base, 8);

        assertThat(f).extracting(Finding::kind).containsExactly(AlertKind.NEGATIVE_SHARE);
        assertThat(f.get(0).observed()).isEqualTo(35);
        assertThat(f.get(0).expected()).isEqualTo(10.0);
        assertThat(f.get(0).observedShare()).isEqualTo(0.7);
        assertThat(f.get(0).expectedShare()).isEqualTo(0.2);
    }

    @Test
    void aFewPostsCannotAlertHoweverNegative() {
        List<WindowCounts> base = windows(0, 1, 0, 1, 1, 0, 1, 1, 0);

        assertThat(detector.judge(current(3, 3), base, 8)).isEmpty();
        assertThat(detector.judge(current(19, 19), base, 8)).isEmpty();
    }

    @Test
    void aFallingNegativeShareDoesNotAlert() {
        List<WindowCounts> base = windows(60, 50, 50, 50, 50, 50, 50, 50, 50);

        assertThat(detector.judge(current(50, 5), base, 8)).isEmpty();
    }

    @Test
    void nothingIsJudgedBeforeEnoughHistory() {
        List<WindowCounts> base = windows(10, 30, 30, 30);

        assertThat(detector.judge(current(500, 400), base, 3)).isEmpty();
    }

    @Test
    void bothKindsCanFireTogether() {
        List<WindowCounts> base = windows(10, 30, 28, 33, 31, 29, 30, 27, 32);

        assertThat(detector.judge(current(200, 150), base, 8))
                .extracting(Finding::kind)
                .containsExactly(AlertKind.VOLUME, AlertKind.NEGATIVE_SHARE);
    }

    @Test
    void windowsAlignOnTheEpoch() {
        AlertRules r = AlertRules.DEFAULTS;
        assertThat(r.windowStart(Instant.parse("2025-03-01T10:17:59Z")))
                .isEqualTo(Instant.parse("2025-03-01T10:10:00Z"));
        assertThat(r.withWindow(Duration.ofMinutes(5)).baselineWindows()).isEqualTo(288);
    }
}
