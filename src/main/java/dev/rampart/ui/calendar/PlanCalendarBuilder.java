package dev.rampart.ui.calendar;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarEvent;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DateControl;
import javafx.event.EventHandler;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds a CalendarFX view that already holds its entries. The view is built afresh whenever the plans change:
 * entries added to a CalendarFX month view after it has shown are not drawn (and churn trips CalendarFX issue #193,
 * an NPE in MonthViewSkin), while a view built with its entries draws them on every page.
 */
final class PlanCalendarBuilder {
    private PlanCalendarBuilder() {
    }

    /** @param onStageMoved told when a stage entry has been dragged (before anything else sees it) */
    static CalendarView build(List<CalendarItem> items, ZoneId userZone, LocalDate date, CalendarView.Page page,
                              EventHandler<CalendarEvent> onStageMoved) {
        Calendar stages = new Calendar("Stages");
        Calendar decisions = new Calendar("Go/no-go decisions");
        Calendar freezes = new Calendar("Freeze windows");
        stages.setStyle(Calendar.Style.STYLE1);
        decisions.setStyle(Calendar.Style.STYLE3);
        freezes.setStyle(Calendar.Style.STYLE5);
        for (CalendarItem item : items) {
            Entry<CalendarItem> entry = new Entry<>(item.title(), new Interval(item.start(), item.end()), item.key());
            entry.setUserObject(item);
            switch (item.kind()) {
                case STAGE -> stages.addEntry(entry);
                case DECISION -> decisions.addEntry(entry);
                case FREEZE -> freezes.addEntry(entry);
            }
        }
        decisions.setReadOnly(true);
        freezes.setReadOnly(true);
        stages.addEventHandler(onStageMoved);
        CalendarSource source = new CalendarSource("Plans");
        source.getCalendars().addAll(stages, decisions, freezes);

        CalendarView view = new CalendarView();
        view.getCalendarSources().setAll(source);
        view.setZoneId(userZone);
        view.setShowAddCalendarButton(false);
        view.setShowPrintButton(false);
        view.setShowSourceTrayButton(false);
        view.setShowSearchField(false);
        view.setShowPageSwitcher(false);
        view.setShowDeveloperConsole(false);
        view.setShowToolBar(false);
        view.setRequestedTime(java.time.LocalTime.of(8, 0));
        // Entries are made by plans, not by clicking: no creating, deleting, resizing; only moving a stage.
        view.setEntryFactory(param -> null);
        view.setEntryEditPolicy(param -> param.getEditOperation() == DateControl.EditOperation.MOVE
                && param.getEntry().getUserObject() instanceof CalendarItem item && item.movable());
        view.setEntryContextMenuCallback(param -> null);
        view.setContextMenuCallback(param -> null);
        view.setEntryDetailsCallback(param -> false);
        if (date != null) {
            view.setDate(date);
        }
        switch (page) {
            case DAY -> view.showDayPage();
            case WEEK -> view.showWeekPage();
            default -> view.showMonthPage();
        }
        return view;
    }
}
