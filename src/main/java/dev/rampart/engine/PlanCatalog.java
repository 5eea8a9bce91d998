package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The plans a release owner works with: import (validated first, stored only when valid), list, read and export. */
public interface PlanCatalog {
    ImportOutcome importFile(Path file);

    List<PlanSummary> plans();

    /** The whole stored plan, stages and all; empty when there is no plan with this id. */
    Optional<Plan> plan(long id);

    /**
     * Writes the plan in Rampart's own format to {@code file}: YAML when its name ends in {@code .yaml} or
     * {@code .yml}, JSON otherwise.
     *
     * @throws IllegalArgumentException     when there is no plan with this id
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    void export(long id, Path file);
}
