package dev.rampart.ui;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.PlanCatalog;
import dev.rampart.engine.PlanSummary;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plan catalog in memory for UI tests. Imports are scripted by file name: a file is either accepted as a given
 * plan (with the defaults the import says it applied) or refused with given problems. Safe to call from the
 * task runner's threads.
 */
public final class InMemoryPlanCatalog implements PlanCatalog {
    private final List<PlanSummary> plans = new CopyOnWriteArrayList<>();
    private final Map<Long, Plan> full = new ConcurrentHashMap<>();
    private final Map<String, ImportOutcome> scripts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile RuntimeException nextFailure;

    public PlanSummary add(Plan plan, String state, String currentStage, String nextDecision) {
        PlanSummary summary = new PlanSummary(ids.incrementAndGet(), plan.changeId(), plan.service(), plan.version(),
                plan.owner(), plan.stages().stream().map(Stage::name).toList(), state, currentStage, nextDecision);
        plans.add(summary);
        full.put(summary.id(), plan);
        return summary;
    }

    public PlanSummary add(Plan plan) {
        return add(plan, "draft", null, null);
    }

    /** Importing a file with this name stores {@code plan} and reports {@code defaults}. */
    public InMemoryPlanCatalog accepting(String fileName, Plan plan, String... defaults) {
        scripts.put(fileName, new ImportOutcome(0L, plan, List.of(), List.of(defaults)));
        return this;
    }

    /** Importing a file with this name stores nothing and reports {@code problems}. */
    public InMemoryPlanCatalog refusing(String fileName, Problem... problems) {
        scripts.put(fileName, new ImportOutcome(null, null, List.of(problems), List.of()));
        return this;
    }

    /** The next call, import or list, throws {@code failure}, as a broken store would. */
    public void failNextCall(RuntimeException failure) {
        nextFailure = failure;
    }

    public int loadCount() {
        return loads.get();
    }

    @Override
    public ImportOutcome importFile(Path file) {
        throwIfFailing();
        String name = String.valueOf(file.getFileName());
        ImportOutcome script = scripts.get(name);
        if (script == null) {
            return new ImportOutcome(null, null, List.of(new Problem(name, 0, 0, "no import scripted for this file")),
                    List.of());
        }
        if (!script.problems().isEmpty()) {
            return script;
        }
        PlanSummary stored = add(script.plan());
        return new ImportOutcome(stored.id(), script.plan(), List.of(), script.defaultsApplied());
    }

    @Override
    public List<PlanSummary> plans() {
        throwIfFailing();
        loads.incrementAndGet();
        return List.copyOf(plans);
    }

    @Override
    public Optional<Plan> plan(long id) {
        throwIfFailing();
        return Optional.ofNullable(full.get(id));
    }

    /** Writes the plan as the store does: YAML for {@code .yaml}/{@code .yml}, JSON otherwise. */
    @Override
    public void export(long id, Path file) {
        throwIfFailing();
        Plan plan = plan(id).orElseThrow(() -> new IllegalArgumentException("There is no plan " + id));
        String name = String.valueOf(file.getFileName());
        Format to = name.endsWith(".yaml") || name.endsWith(".yml") ? Format.YAML : Format.JSON;
        try {
            Files.writeString(file, new PlanFormat().write(plan, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void throwIfFailing() {
        RuntimeException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }
}
