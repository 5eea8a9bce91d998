package dev.rampart.ui.calendar;

import java.time.ZonedDateTime;

/**
 * One thing on the calendar, its times in the plan's zone. {@code stageIndex} is the stage a STAGE or DECISION item
 * belongs to (-1 for a freeze window); {@code movable} is false once the stage has been entered, and always for
 * decisions and freeze windows (they follow their stage, or are policy).
 */
public record CalendarItem(Kind kind, long planId, String changeId, int stageIndex, String title,
                           ZonedDateTime start, ZonedDateTime end, boolean movable) {

    public enum Kind { STAGE, DECISION, FREEZE }

    /** Identifies the item across reloads: {@code 12/stage/2}. */
    public String key() {
        return planId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + (kind == Kind.FREEZE ? title : stageIndex);
    }
}
