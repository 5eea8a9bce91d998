package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.access.Access;
import dev.rampart.engine.access.Permission;
import dev.rampart.format.Format;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plan catalog on the store, acting for one person: a plan is stored, in Rampart's own format, only when it has
 * no problems and the person may import plans (release owners).
 */
public final class StoredPlanCatalog implements PlanCatalog {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanRepository plans;
    private final RolloutRepository rollouts;
    private final PlanImporter importer;
    private final PlanFormat format;
    private final Access access;
    private final String actor;

    /** @param actor the person importing plans through this catalog (the console's user, the CLI's --user) */
    public StoredPlanCatalog(PlanRepository plans, RolloutRepository rollouts, PlanImporter importer,
                             PlanFormat format, Access access, String actor) {
        this.plans = plans;
        this.rollouts = rollouts;
        this.importer = importer;
        this.format = format;
        this.access = java.util.Objects.requireNonNull(access, "access");
        this.actor = actor;
    }

    @Override
    public ImportOutcome importFile(Path file) {
        access.require(actor, Permission.IMPORT_PLAN, null);
        return store(importer.importFile(file), file.getFileName().toString());
    }

    /** Imports text that did not come from a file of its own (the demo workspace, a paste). */
    public ImportOutcome importText(String name, String text) {
        access.require(actor, Permission.IMPORT_PLAN, null);
        return store(importer.importText(name, text), name);
    }

    private ImportOutcome store(ImportResult result, String source) {
        if (!result.ok()) {
            return new ImportOutcome(null, result.plan(), result.problems(), result.defaultsApplied());
        }
        Plan plan = result.plan();
        StoredPlan stored = plans.add(plan.changeId(), plan.service(), plan.version(), plan.owner(),
                format.write(plan, Format.JSON), source);
        return new ImportOutcome(stored.id(), plan, List.of(), result.defaultsApplied());
    }

    /** A plan by its number or, failing that, by its change id (the latest import of it). */
    public Optional<StoredPlan> find(String idOrChangeId) {
        if (idOrChangeId.matches("\\d{1,18}")) {
            Optional<StoredPlan> byId = plans.find(Long.parseLong(idOrChangeId));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return plans.findByChangeId(idOrChangeId);
    }

    public Plan plan(StoredPlan stored) {
        return format.read(stored.json(), Format.JSON);
    }

    public String export(StoredPlan stored, Format to) {
        return format.write(plan(stored), to);
    }

    @Override
    public Optional<Plan> plan(long id) {
        return plans.find(id).map(this::plan);
    }

    @Override
    public void export(long id, Path file) {
        StoredPlan stored = plans.find(id).orElseThrow(() -> new IllegalArgumentException("There is no plan " + id));
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        Format to = name.endsWith(".yaml") || name.endsWith(".yml") ? Format.YAML : Format.JSON;
        try {
            Files.writeString(file, export(stored, to));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<PlanSummary> plans() {
        Map<Long, Rollout> latest = new HashMap<>();
        for (Rollout r : rollouts.list()) {
            latest.merge(r.planId(), r, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
        }
        return plans.list().stream()
                .sorted(Comparator.comparing(StoredPlan::importedAt).reversed())
                .map(p -> summary(p, latest.get(p.id())))
                .toList();
    }

    private PlanSummary summary(StoredPlan stored, Rollout rollout) {
        Plan plan = plan(stored);
        List<String> stages = plan.stages().stream().map(Stage::name).toList();
        String state = rollout == null ? "draft" : rollout.state().wireName();
        String current = rollout == null || rollout.stageIndex() < 0 || rollout.stageIndex() >= stages.size()
                ? "" : stages.get(rollout.stageIndex());
        return new PlanSummary(stored.id(), stored.changeId(), stored.service(), stored.version(), stored.owner(),
                stages, state, current, nextDecision(plan, rollout));
    }

    /** The next thing a person must decide: the start while a plan is a draft, then the current stage's gate. */
    private static String nextDecision(Plan plan, Rollout rollout) {
        if (rollout == null) {
            return plan.schedule() == null || plan.schedule().start() == null ? "not scheduled"
                    : "start " + WHEN.format(plan.schedule().start()) + " " + plan.schedule().timeZone();
        }
        if (!rollout.state().isLive() || rollout.stageIndex() < 0 || rollout.stageIndex() >= plan.stages().size()) {
            return "";
        }
        Stage stage = plan.stages().get(rollout.stageIndex());
        if (stage.decision() != null) {
            return "go/no-go for " + stage.name() + " by " + String.join(", ", stage.decision().roles());
        }
        return stage.approvals().isEmpty() ? "" : "approval of " + String.join(", ", stage.approvals());
    }
}
