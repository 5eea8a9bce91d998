package dev.rampart.ui.rollout;

/** A slider move waiting for confirmation: {@code cohort} from {@code from} % (confirmed) to {@code to} %. */
public record TrafficChange(String cohort, double from, double to) {
    /** {@code Move beta from 25 % to 40 % of all traffic?} */
    public String question() {
        return "Move " + cohort + " from " + CohortTraffic.percentText(from) + " to " + CohortTraffic.percentText(to)
                + " of all traffic?";
    }
}
