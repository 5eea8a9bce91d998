package dev.rampart.ui.rollout;

/** A rollout in the screen's picker: {@code #3 DEMO-CHECKOUT-2.1.0 · running}. */
public record RolloutChoice(long id, String label, boolean live) {
    @Override
    public String toString() {
        return label;
    }
}
