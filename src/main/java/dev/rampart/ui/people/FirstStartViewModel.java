package dev.rampart.ui.people;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The first start of a store, in the console: before anything else its first person (the operating-system user)
 * chooses the passphrase of their signing key, typed twice, at least 12 characters.
 */
public final class FirstStartViewModel {
    public static final int MIN_LENGTH = 12;

    private final String why;
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty again = new SimpleStringProperty(this, "again", "");
    private final ObservableStringValue problem;
    private final BooleanBinding acceptable;

    public FirstStartViewModel(String why) {
        this.why = why;
        problem = Bindings.createStringBinding(() -> {
            String p = passphrase.get();
            if (p.length() < MIN_LENGTH) {
                return "At least " + MIN_LENGTH + " characters (" + p.length() + " so far)";
            }
            return p.equals(again.get()) ? "" : "The two passphrases differ";
        }, passphrase, again);
        acceptable = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
    }

    public String why() {
        return why;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty againProperty() {
        return again;
    }

    /** What stops the passphrase from being accepted; empty when it may be. */
    public ObservableStringValue problemProperty() {
        return problem;
    }

    public BooleanBinding acceptableProperty() {
        return acceptable;
    }

    /** The passphrase as characters for the key file; the fields are emptied. */
    public char[] take() {
        char[] chars = passphrase.get().toCharArray();
        passphrase.set("");
        again.set("");
        return chars;
    }
}
