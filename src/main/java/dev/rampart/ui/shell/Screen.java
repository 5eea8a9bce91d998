package dev.rampart.ui.shell;

/** The screens of the console, in navigation order; screen k is reached with Ctrl+k. */
public enum Screen {
    RELEASES("Releases", "releases/ReleasesView.fxml"),
    CALENDAR("Calendar", "calendar/CalendarView.fxml"),
    ROLLOUT("Rollout", "rollout/RolloutView.fxml"),
    CHECKLISTS("Checklists", "checklists/ChecklistsView.fxml"),
    AUDIT("Audit", "audit/AuditView.fxml"),
    PEOPLE("People", "people/PeopleView.fxml"),
    ADAPTERS("Adapters", "adapters/AdaptersView.fxml");

    private final String title;
    private final String view;

    Screen(String title, String view) {
        this.title = title;
        this.view = view;
    }

    public String title() {
        return title;
    }

    /** The class-path resource of the screen's view. */
    public String fxml() {
        return "/fxml/" + view;
    }

    /** 1 for the first screen: the digit of its keyboard shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }
}
