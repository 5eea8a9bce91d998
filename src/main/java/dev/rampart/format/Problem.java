package dev.rampart.format;

/** One thing wrong with an input file, placed where a person can find it. Line and column are 1-based; 0 means unknown. */
public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
