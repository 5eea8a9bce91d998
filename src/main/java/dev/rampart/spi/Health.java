package dev.rampart.spi;

/**
 * What a deployment system says about itself.
 *
 * @param status overall state
 * @param detail a short human-readable explanation, shown in the console and kept as evidence
 */
public record Health(Status status, String detail) {

    public enum Status { HEALTHY, DEGRADED, DOWN }

    public static Health healthy(String detail) {
        return new Health(Status.HEALTHY, detail);
    }

    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }
}
