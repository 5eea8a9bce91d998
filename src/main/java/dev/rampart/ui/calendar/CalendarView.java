package dev.rampart.ui.calendar;

import com.calendarfx.model.CalendarEvent;
import com.calendarfx.model.Interval;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;

import java.util.Map;

/**
 * The Calendar screen: a CalendarFX view with one calendar each for stages, decisions and freeze windows, rebuilt
 * when the plans change. Dragging a stage asks the view model; a refused move is put back.
 */
public final class CalendarView {
    private final CalendarViewModel viewModel;
    private com.calendarfx.view.CalendarView calendarView;
    private com.calendarfx.view.CalendarView.Page page = com.calendarfx.view.CalendarView.Page.MONTH;
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
        viewModel.items().addListener((javafx.collections.ListChangeListener<CalendarItem>) c -> rebuild());
        viewModel.focusDateProperty().addListener((obs, old, date) -> {
            if (calendarView != null) {
                calendarView.setDate(date);
            }
        });
        zoneLabel.textProperty().bind(viewModel.zoneTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(messageLabel.textProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.refusedProperty().addListener((obs, old, now) -> messageLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("refused"), now));

        ToggleGroup pages = new ToggleGroup();
        Map.of(dayButton, com.calendarfx.view.CalendarView.Page.DAY, weekButton,
                com.calendarfx.view.CalendarView.Page.WEEK, monthButton,
                com.calendarfx.view.CalendarView.Page.MONTH).forEach((button, shows) -> {
            button.setToggleGroup(pages);
            button.setOnAction(e -> {
                page = shows;
                showPage();
                button.setSelected(true);
            });
        });
        monthButton.setSelected(true);
        // The calendar is built once the plans are read, with its entries (see PlanCalendarBuilder).
        viewModel.reload().execute();
    }

    private void rebuild() {
        java.time.LocalDate date = calendarView != null ? calendarView.getDate() : viewModel.focusDateProperty().get();
        calendarView = PlanCalendarBuilder.build(viewModel.items(), viewModel.userZone(),
                viewModel.focusDateProperty().get() != null && calendarView == null ? viewModel.focusDateProperty().get()
                        : date, page, this::stageChanged);
        calendarHost.getChildren().setAll(calendarView);
    }

    private void showPage() {
        if (calendarView == null) {
            return;
        }
        switch (page) {
            case DAY -> calendarView.showDayPage();
            case WEEK -> calendarView.showWeekPage();
            default -> calendarView.showMonthPage();
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
