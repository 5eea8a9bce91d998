package dev.rampart.domain.repo;

import java.util.List;
import java.util.Optional;

public interface PlanRepository {
    /** Stores a new plan and returns it with its id. {@code source} says where it came from (a file name). */
    StoredPlan add(String changeId, String service, String version, String owner, String json, String source);

    Optional<StoredPlan> find(long id);

    /** The most recently imported plan with this change id. */
    Optional<StoredPlan> findByChangeId(String changeId);

    /** Every plan, newest first. */
    List<StoredPlan> list();
}
