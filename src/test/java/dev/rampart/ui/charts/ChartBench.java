package dev.rampart.ui.charts;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live-chart load: 4 charts × 2 lines = 8 series of 100,000 points, each receiving 10 points a second from another
 * thread, drawn at 1280 × 800 by the one AnimationTimer. Pulses run at full speed, so the time between two frames is
 * what a frame really costs (drain, paint, render). Run: {@code mvn -o -Pbench test -Dtest=ChartBench}.
 */
@Tag("bench")
class ChartBench {
    static final int SERIES_PER_CHART = 2;
    static final int CHARTS = 4;
    static final int POINTS = 100_000;
    static final long SECONDS = 10;

    @Test
    void eightSeriesOfHundredThousandPoints() throws Exception {
        System.setProperty("javafx.animation.fullspeed", "true");
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test in this JVM started the toolkit
        }
        SampleInbox inbox = new SampleInbox();
        List<Long> handler = new ArrayList<>();
        List<Long> frames = new ArrayList<>();
        List<Long> repaintHandler = new ArrayList<>();
        List<Long> afterRepaint = new ArrayList<>();
        boolean[] repainted = {false};
        long[] lastFrame = {0};
        boolean[] measuring = {false};
        CountDownLatch shown = new CountDownLatch(1);
        ChartRefresher[] refresher = new ChartRefresher[1];
        Stage[] stage = new Stage[1];
        long start = System.currentTimeMillis() - POINTS * 100L;
        Platform.runLater(() -> {
            GridPane grid = new GridPane();
            refresher[0] = new ChartRefresher(inbox);
            for (int c = 0; c < CHARTS; c++) {
                MetricChart chart = new MetricChart();
                chart.setTitle("metric " + c);
                chart.getThresholds().add(new ChartLine("halt > 0.9", 0.9));
                for (int s = 0; s < SERIES_PER_CHART; s++) {
                    for (int p = 0; p < POINTS; p++) {
                        chart.add("cohort " + s, start + p * 100L, value(c, s, p));
                    }
                }
                GridPane.setHgrow(chart, Priority.ALWAYS);
                GridPane.setVgrow(chart, Priority.ALWAYS);
                grid.add(chart, c % 2, c / 2);
                refresher[0].register("metric " + c, chart);
            }
            refresher[0].setFrameListener(nanos -> {
                long now = System.nanoTime();
                if (measuring[0]) {
                    handler.add(nanos);
                    if (lastFrame[0] != 0) {
                        frames.add(now - lastFrame[0]);
                        if (repainted[0]) {
                            afterRepaint.add(now - lastFrame[0]);
                        }
                    }
                    if (refresher[0].lastDrained() > 0) {
                        repaintHandler.add(nanos);
                    }
                }
                repainted[0] = refresher[0].lastDrained() > 0;
                lastFrame[0] = now;
            });
            stage[0] = new Stage();
            Scene scene = new Scene(grid, 1280, 800);
            scene.getStylesheets().add(ChartBench.class.getResource("/styles/tokens.css").toExternalForm());
            scene.getStylesheets().add(ChartBench.class.getResource("/styles/rollout.css").toExternalForm());
            stage[0].setScene(scene);
            stage[0].show();
            refresher[0].start();
            shown.countDown();
        });
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();

        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        int[] n = {POINTS};
        producer.scheduleAtFixedRate(() -> {
            int p = n[0]++;
            for (int c = 0; c < CHARTS; c++) {
                for (int s = 0; s < SERIES_PER_CHART; s++) {
                    inbox.offer(new LiveSample("metric " + c, "cohort " + s, start + p * 100L, value(c, s, p)));
                }
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        Thread.sleep(2000);
        Platform.runLater(() -> measuring[0] = true);
        Thread.sleep(SECONDS * 1000);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            measuring[0] = false;
            refresher[0].stop();
            stage[0].hide();
            stopped.countDown();
        });
        stopped.await(10, TimeUnit.SECONDS);
        producer.shutdownNow();

        System.out.printf(Locale.ROOT, "ChartBench: %d series x %,d points, %d points/s each, %d s at 1280x800%n",
                CHARTS * SERIES_PER_CHART, POINTS, 10, SECONDS);
        System.out.println("  frame time (pulse to pulse, full speed): " + percentiles(frames));
        System.out.println("  drain + repaint in the AnimationTimer:   " + percentiles(handler));
        System.out.println("  frames that repainted (timer work):      " + percentiles(repaintHandler));
        System.out.println("  frames that repainted (incl. render):    " + percentiles(afterRepaint));
        assertThat(frames).isNotEmpty();
    }

    static double value(int chart, int series, int p) {
        return 0.3 + 0.2 * series + 0.1 * Math.sin(p / 50.0 + chart) + 0.05 * ((p * 7919L) % 100) / 100.0;
    }

    static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "no frames";
        }
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms over %d frames",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

}
