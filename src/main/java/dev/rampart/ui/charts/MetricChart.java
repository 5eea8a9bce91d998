package dev.rampart.ui.charts;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live line chart of one metric family, one line per series (cohort), with threshold lines and event markers.
 * Points go into per-series {@link SeriesBuffer}s; {@link #redraw()} paints what is visible, decimated per pixel
 * column, so 100,000 points per line cost no more than a few thousand. Colours come from the CSS classes
 * {@code .series-0} … {@code .series-7}, {@code .threshold}, {@code .marker} (see {@code styles/rollout.css}).
 */
public class MetricChart extends Control {
    public static final int DEFAULT_CAPACITY = 100_000;

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<ValueFormat> format = new SimpleObjectProperty<>(this, "format", ValueFormat.PLAIN);
    private final LongProperty window = new SimpleLongProperty(this, "window", 0);
    private final ObservableList<ChartLine> thresholds = FXCollections.observableArrayList();
    private final ObservableList<ChartMarker> markers = FXCollections.observableArrayList();
    private final Map<String, SeriesBuffer> series = new LinkedHashMap<>();
    private final int capacity;
    private Runnable painter = () -> { };

    public MetricChart() {
        this(DEFAULT_CAPACITY);
    }

    public MetricChart(int capacity) {
        this.capacity = capacity;
        getStyleClass().add("metric-chart");
        thresholds.addListener((javafx.collections.ListChangeListener<ChartLine>) c -> redraw());
        markers.addListener((javafx.collections.ListChangeListener<ChartMarker>) c -> redraw());
    }

    /** Adds a point to {@code name}'s line (created on first use). Does not repaint: call {@link #redraw()}. */
    public void add(String name, long time, double value) {
        series.computeIfAbsent(name, n -> new SeriesBuffer(capacity)).add(time, value);
    }

    /** The lines, in the order they were first added. */
    public Map<String, SeriesBuffer> series() {
        return Collections.unmodifiableMap(series);
    }

    public void clear() {
        series.clear();
        markers.clear();
        redraw();
    }

    /** Paints the chart now (on the FX thread). */
    public void redraw() {
        painter.run();
    }

    void setPainter(Runnable painter) {
        this.painter = painter;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public void setTitle(String text) {
        title.set(text);
    }

    public String getTitle() {
        return title.get();
    }

    public ValueFormat getFormat() {
        return format.get();
    }

    public long getWindow() {
        return window.get();
    }

    public ObjectProperty<ValueFormat> formatProperty() {
        return format;
    }

    public void setFormat(ValueFormat f) {
        format.set(f);
    }

    /** How much time the chart shows, ending at the newest point, in milliseconds; 0 shows everything held. */
    public LongProperty windowProperty() {
        return window;
    }

    public void setWindow(long millis) {
        window.set(millis);
    }

    public ObservableList<ChartLine> getThresholds() {
        return thresholds;
    }

    public ObservableList<ChartMarker> getMarkers() {
        return markers;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new MetricChartSkin(this);
    }
}
