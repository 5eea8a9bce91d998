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

    /** The same with a small form under the message (a passphrase, a comment); {@code focus} gets the focus. */
    void confirm(Confirmation question, javafx.scene.Node form, javafx.scene.Node focus, Runnable onConfirm,
                 Runnable onCancel);
}
