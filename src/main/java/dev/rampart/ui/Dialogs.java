package dev.rampart.ui;

/**
 * Asks a person to confirm something, inside the window: Enter confirms, Escape cancels. Exactly one of the two
 * callbacks runs, on the FX thread.
 */
public interface Dialogs {

    /** What to ask: {@code danger} draws the confirm button red (rollbacks, kill switches). */
    record Confirmation(String title, String message, String confirmText, boolean danger) {
    }

    void confirm(Confirmation question, Runnable onConfirm, Runnable onCancel);
}
