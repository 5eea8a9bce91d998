package dev.rampart.ui.calendar;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarEvent;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.view.DateControl;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;

import java.util.Map;

/** The Calendar screen: a CalendarFX view with one calendar each for stages, decisions and freeze windows. */
public final class CalendarView {
    private final CalendarViewModel viewModel;
    private final com.calendarfx.view.CalendarView calendarView = new com.calendarfx.view.CalendarView();
    private final Calendar stages = new Calendar("Stages");
    private final Calendar decisions = new Calendar("Go/no-go decisions");
    private final Calendar freezes = new Calendar("Freeze windows");
    private boolean reverting;

    @FXML private StackPane calendarHost;
    @FXML private Label zoneLabel;
    @FXML private Label messageLabel;
    @FXML private ToggleButton dayButton;
    @FXML private ToggleButton weekButton;
    @FXML private ToggleButton monthButton;

    public CalendarView(CalendarViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        stages.setStyle(Calendar.Style.STYLE1);
        decisions.setStyle(Calendar.Style.STYLE3);
        freezes.setStyle(Calendar.Style.STYLE5);
        decisions.setReadOnly(true);
        freezes.setReadOnly(true);
        CalendarSource source = new CalendarSource("Plans");
        source.getCalendars().addAll(stages, decisions, freezes);
        calendarView.getCalendarSources().setAll(source);
        calendarView.setZoneId(viewModel.userZone());
        calendarView.setShowAddCalendarButton(false);
        calendarView.setShowPrintButton(false);
        calendarView.setShowSourceTrayButton(false);
        calendarView.setShowSearchField(false);
        calendarView.setShowPageSwitcher(false);
        calendarView.setShowDeveloperConsole(false);
        calendarView.setShowToolBar(false);
        calendarView.setRequestedTime(java.time.LocalTime.of(8, 0));
        // Entries are made by plans, not by clicking: no creating, deleting, resizing; only moving a stage.
        calendarView.setEntryFactory(param -> null);
        calendarView.setEntryEditPolicy(param -> param.getEditOperation() == DateControl.EditOperation.MOVE
                && param.getEntry().getUserObject() instanceof CalendarItem item && item.movable());
        calendarView.setEntryContextMenuCallback(param -> null);
        calendarView.setContextMenuCallback(param -> null);
        calendarView.setEntryDetailsCallback(param -> false);
        calendarView.showMonthPage();
        calendarHost.getChildren().setAll(calendarView);

        stages.addEventHandler((javafx.event.EventHandler<CalendarEvent>) this::stageChanged);
        viewModel.items().addListener((javafx.collections.ListChangeListener<CalendarItem>) c -> showItems());
        viewModel.focusDateProperty().addListener((obs, old, date) -> calendarView.setDate(date));
        zoneLabel.textProperty().bind(viewModel.zoneTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(messageLabel.textProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.refusedProperty().addListener((obs, old, now) -> messageLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("refused"), now));

        ToggleGroup pages = new ToggleGroup();
        Map.<ToggleButton, Runnable>of(dayButton, calendarView::showDayPage, weekButton, calendarView::showWeekPage,
                monthButton, calendarView::showMonthPage).forEach((button, show) -> {
            button.setToggleGroup(pages);
            button.setOnAction(e -> {
                show.run();
                button.setSelected(true);
            });
        });
        monthButton.setSelected(true);
        showItems();
        viewModel.reload().execute();
    }

    private void showItems() {
        reverting = true;
        try {
            stages.clear();
            decisions.clear();
            freezes.clear();
            for (CalendarItem item : viewModel.items()) {
                Entry<CalendarItem> entry = new Entry<>(item.title(), new Interval(item.start(), item.end()), item.key());
                entry.setUserObject(item);
                switch (item.kind()) {
                    case STAGE -> stages.addEntry(entry);
                    case DECISION -> decisions.addEntry(entry);
                    case FREEZE -> freezes.addEntry(entry);
                }
            }
        } finally {
            reverting = false;
        }
    }

    private void stageChanged(CalendarEvent event) {
        if (reverting || event.getEventType() != CalendarEvent.ENTRY_INTERVAL_CHANGED
                || !(event.getEntry().getUserObject() instanceof CalendarItem item)) {
            return;
        }
        if (!viewModel.move(item, event.getEntry().getStartAsZonedDateTime().toInstant())) {
            Interval old = event.getOldInterval();
            reverting = true;
            try {
                event.getEntry().setInterval(old);
            } finally {
                reverting = false;
            }
        }
    }
}
