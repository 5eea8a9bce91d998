package dev.rampart.ui.charts;

/**
 * The newest {@code capacity} points of one series, oldest first, in two primitive rings: no boxing, no garbage
 * per point. Times are epoch milliseconds and never go backwards (a late point is dropped). Not thread safe: the
 * FX thread owns it; other threads hand points over through a {@link SampleInbox}.
 */
public final class SeriesBuffer {
    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    public SeriesBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        times = new long[capacity];
        values = new double[capacity];
    }

    /** Appends a point, dropping the oldest when full; a point older than the newest is ignored. */
    public void add(long time, double value) {
        if (size > 0 && time < time(size - 1)) {
            return;
        }
        int slot = (start + size) % times.length;
        times[slot] = time;
        values[slot] = value;
        if (size < times.length) {
            size++;
        } else {
            start = (start + 1) % times.length;
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return times.length;
    }

    /** The i-th oldest point's time. */
    public long time(int i) {
        return times[slot(i)];
    }

    public double value(int i) {
        return values[slot(i)];
    }

    // A branch instead of a division: the decimator calls this for every point of every frame.
    private int slot(int i) {
        int j = start + i;
        return j >= times.length ? j - times.length : j;
    }

    /** The index of the first point at or after {@code time} ({@link #size()} when none): a binary search. */
    public int firstAtOrAfter(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public void clear() {
        start = 0;
        size = 0;
    }
}
