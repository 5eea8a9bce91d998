package dev.rampart.domain.repo;

import java.util.List;
import java.util.Optional;

/**
 * Imported plans. Each import is chained as a {@code plan.imported} event carrying the plan's id and the SHA-256 of
 * its text, in the same transaction; a plan is read back only while its text still has that hash
 * ({@link TamperedRecordException} otherwise), so an edit behind Rampart's back is never acted on.
 */
public interface PlanRepository {
    /** Stores a new plan and returns it with its id. {@code source} says where it came from (a file name). */
    default StoredPlan add(String changeId, String service, String version, String owner, String json, String source) {
        return add(changeId, service, version, owner, json, source, null);
    }

    /** As {@link #add(String, String, String, String, String, String)}, recording who imported it. */
    StoredPlan add(String changeId, String service, String version, String owner, String json, String source,
                   String importedBy);

    /** @throws TamperedRecordException when the stored plan no longer matches its chained import */
    Optional<StoredPlan> find(long id);

    /** The most recently imported plan with this change id. @throws TamperedRecordException as {@link #find} */
    Optional<StoredPlan> findByChangeId(String changeId);

    /** Every plan that still matches its chained import, newest first. */
    List<StoredPlan> list();
}
