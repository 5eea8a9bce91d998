package dev.rampart.domain.plan;

import java.time.Duration;
import java.util.List;

/** A scheduled go/no-go decision, {@code after} the stage is entered, taken by people holding {@code roles}. */
public record Decision(Duration after, List<String> roles) {
    public Decision {
        roles = Plan.copy(roles);
    }
}
