package dev.rampart.ui.charts;

/**
 * Reduces the points of a series that fall into a time range to what a chart {@code width} pixels wide can show:
 * per pixel column the first, minimum, maximum and last value (M4). Drawing those four per column looks exactly like
 * drawing every point, and costs at most {@code 4 × width} line segments however many points there are.
 * Reuses its arrays, so a frame allocates nothing.
 */
public final class ColumnDecimator {
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private int count;

    /**
     * Decimates the points of {@code series} with {@code from <= time <= to} into pixel coordinates:
     * x in [0, width), y still in data units (the caller scales it).
     */
    public void decimate(SeriesBuffer series, long from, long to, int width) {
        count = 0;
        if (width <= 0 || to <= from || series.size() == 0) {
            return;
        }
        ensure(4 * width + 2);
        double pxPerMs = width / (double) (to - from);
        int i = series.firstAtOrAfter(from);
        int n = series.size();
        int column = -1;
        double first = 0, min = 0, max = 0, last = 0;
        long minAt = 0, maxAt = 0;
        for (; i < n; i++) {
            long t = series.time(i);
            if (t > to) {
                break;
            }
            double v = series.value(i);
            int c = Math.min(width - 1, (int) ((t - from) * pxPerMs));
            if (c != column) {
                if (column >= 0) {
                    emit(column, first, min, minAt, max, maxAt, last);
                }
                column = c;
                first = min = max = last = v;
                minAt = maxAt = i;
            } else {
                last = v;
                if (v < min) {
                    min = v;
                    minAt = i;
                }
                if (v > max) {
                    max = v;
                    maxAt = i;
                }
            }
        }
        if (column >= 0) {
            emit(column, first, min, minAt, max, maxAt, last);
        }
    }

    // first, then min and max in the order they occurred, then last; repeats of the previous value are skipped.
    private void emit(int column, double first, double min, long minAt, double max, long maxAt, double last) {
        add(column, first);
        if (minAt <= maxAt) {
            addIfNew(column, min);
            addIfNew(column, max);
        } else {
            addIfNew(column, max);
            addIfNew(column, min);
        }
        addIfNew(column, last);
    }

    private void addIfNew(double x, double y) {
        if (ys[count - 1] != y) {
            add(x, y);
        }
    }

    private void add(double x, double y) {
        xs[count] = x;
        ys[count] = y;
        count++;
    }

    private void ensure(int capacity) {
        if (xs.length < capacity) {
            xs = new double[capacity];
            ys = new double[capacity];
        }
    }

    /** How many points the last call produced. */
    public int count() {
        return count;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** The x array itself, valid up to {@link #count()}; for {@code GraphicsContext.strokePolyline}. */
    public double[] xs() {
        return xs;
    }

    public double[] ys() {
        return ys;
    }
}
