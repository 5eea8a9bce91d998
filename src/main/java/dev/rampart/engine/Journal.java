package dev.rampart.engine;

import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rollout as last persisted, and the only way to change it: state and events in one atomic update. Its
 * {@link Ledger} is folded forward after every write and every refresh, so what the engine decides on next is what
 * the store says.
 */
final class Journal {
    private final RolloutRepository repo;
    private final Clock clock;
    private final Ledger ledger;
    private Rollout rollout;

    Journal(RolloutRepository repo, Clock clock, Rollout rollout) {
        this.repo = repo;
        this.clock = clock;
        this.rollout = rollout;
        this.ledger = new Ledger(repo, rollout.id());
    }

    Rollout rollout() {
        return rollout;
    }

    Ledger ledger() {
        return ledger;
    }

    NewEvent event(String type, String stage, String actor, Map<String, String> data) {
        return new NewEvent(rollout.id(), clock.instant(), type, actor, stage, data);
    }

    /** Moves to {@code state} at {@code stageIndex} and appends {@code events}, atomically. */
    Rollout commit(RolloutState state, int stageIndex, List<NewEvent> events) {
        rollout = repo.update(rollout.withState(state, stageIndex, clock.instant()), events);
        ledger.refresh();
        return rollout;
    }

    Rollout commit(RolloutState state, int stageIndex, NewEvent... events) {
        return commit(state, stageIndex, List.of(events));
    }

    /** Appends events without changing the state. */
    Rollout record(NewEvent... events) {
        return commit(rollout.state(), rollout.stageIndex(), new ArrayList<>(List.of(events)));
    }

    /** Picks up a change someone else made (another console, the CLI) before deciding again. */
    void refresh() {
        repo.find(rollout.id()).ifPresent(r -> rollout = r);
        ledger.refresh();
    }
}
