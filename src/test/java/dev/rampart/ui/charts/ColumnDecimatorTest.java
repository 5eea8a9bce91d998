package dev.rampart.ui.charts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnDecimatorTest {

    @Test
    void keepsEachColumnsExtremesAndAtMostFourPointsPerColumn() {
        SeriesBuffer s = new SeriesBuffer(100_000);
        for (int i = 0; i < 100_000; i++) {
            s.add(i, i == 50_000 ? 99 : i % 10);
        }
        ColumnDecimator d = new ColumnDecimator();
        d.decimate(s, 0, 99_999, 100);

        assertThat(d.count()).isLessThanOrEqualTo(400).isGreaterThanOrEqualTo(100);
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int k = 0; k < d.count(); k++) {
            max = Math.max(max, d.y(k));
            min = Math.min(min, d.y(k));
            assertThat(d.x(k)).isBetween(0.0, 99.0);
        }
        assertThat(max).as("a one-point spike survives").isEqualTo(99);
        assertThat(min).isZero();
    }

    @Test
    void onlyPointsInTheRangeCount() {
        SeriesBuffer s = new SeriesBuffer(10);
        for (int i = 0; i < 10; i++) {
            s.add(i * 1000L, i);
        }
        ColumnDecimator d = new ColumnDecimator();
        d.decimate(s, 5000, 9000, 1000);

        assertThat(d.count()).isEqualTo(5);
        assertThat(d.y(0)).isEqualTo(5);
        assertThat(d.x(4)).isEqualTo(999);
    }

    @Test
    void ringDropsOldestAndIgnoresLatePoints() {
        SeriesBuffer s = new SeriesBuffer(3);
        for (int i = 1; i <= 5; i++) {
            s.add(i, i);
        }
        s.add(2, 42);

        assertThat(s.size()).isEqualTo(3);
        assertThat(s.time(0)).isEqualTo(3);
        assertThat(s.value(2)).isEqualTo(5);
        assertThat(s.firstAtOrAfter(4)).isEqualTo(1);
        assertThat(s.firstAtOrAfter(6)).isEqualTo(3);
    }

    @Test
    void inboxHandsOverEverySampleOnce() {
        SampleInbox inbox = new SampleInbox();
        inbox.offer(new LiveSample("error_rate", "beta", 1, 0.01));
        inbox.offer(new LiveSample("error_rate", "beta", 2, 0.02));
        java.util.List<LiveSample> got = new java.util.ArrayList<>();

        assertThat(inbox.drain(got::add)).isEqualTo(2);
        assertThat(inbox.drain(got::add)).isZero();
        assertThat(got).extracting(LiveSample::time).containsExactly(1L, 2L);
    }
}
