package dev.rampart.engine;

import java.nio.file.Path;
import java.util.List;

/** The plans a release owner works with: import (validated first, stored only when valid) and list. */
public interface PlanCatalog {
    ImportOutcome importFile(Path file);

    List<PlanSummary> plans();
}
