package dev.rampart.ui;

import dev.rampart.ui.rollout.DesktopNotice;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Shows each new notice as a desktop notification (ControlsFX), in the corner of the console's window. */
public final class DesktopNotifier {
    private DesktopNotifier() {
    }

    public static void watch(ObservableList<DesktopNotice> notices, Window owner) {
        notices.addListener((ListChangeListener<DesktopNotice>) change -> {
            while (change.next()) {
                for (DesktopNotice n : change.getAddedSubList()) {
                    Notifications note = Notifications.create().title(n.title()).text(n.text()).owner(owner)
                            .hideAfter(Duration.seconds(n.alarm() ? 12 : 8));
                    if (n.alarm()) {
                        note.showError();
                    } else {
                        note.showInformation();
                    }
                    // The popup must not take the keyboard: Enter and Escape belong to the console.
                    owner.requestFocus();
                }
            }
        });
    }
}
