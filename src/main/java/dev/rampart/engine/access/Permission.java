package dev.rampart.engine.access;

/** Something the service layer does only for people whose roles allow it (see {@link AccessPolicy}). */
public enum Permission {
    VIEW("viewing releases"),
    ACKNOWLEDGE_ALERT("acknowledging an alert"),
    REQUEST_PAUSE("requesting a pause"),
    IMPORT_PLAN("importing or changing a plan"),
    SCHEDULE("scheduling a plan"),
    START("starting a rollout"),
    ADVANCE("advancing a rollout"),
    PAUSE("pausing a rollout"),
    RESUME("resuming a rollout"),
    MOVE_TRAFFIC("moving traffic"),
    ROLLBACK("rolling back"),
    PROMOTE("promoting a rollout"),
    KILL_SWITCH("turning a kill switch"),
    SIGN("signing"),
    REVIEW("reviewing an emergency action"),
    MANAGE_PEOPLE("managing people and roles"),
    MANAGE_ADAPTERS("managing adapters"),
    MANAGE_STORE("managing the store");

    private final String doing;

    Permission(String doing) {
        this.doing = doing;
    }

    /** The action as a person says it, for messages: "rolling back". */
    public String doing() {
        return doing;
    }
}
