package dev.rampart.cli;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.format.Format;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanImporter;
import dev.rampart.format.Problem;
import dev.rampart.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "plan", description = "Validate, import and export rollout plans.",
        subcommands = {PlanCommand.Validate.class, PlanCommand.Import.class, PlanCommand.Export.class})
final class PlanCommand {

    @Command(name = "validate", description = "Check a plan file; print every problem as FILE:LINE:COL: message.")
    static final class Validate implements Callable<Integer> {
        private final CliContext cx;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Validate(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            ImportResult result = new PlanImporter().importFile(file);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", file.toString());
                out.put("valid", result.ok());
                out.put("problems", Json.problems(result.problems()));
                out.put("defaults_applied", result.defaultsApplied());
                if (result.plan() != null) {
                    out.put("change_id", result.plan().changeId());
                    out.put("stages", result.plan().stages().stream().map(Stage::name).toList());
                }
                cx.out().println(Json.write(out));
            } else if (result.ok()) {
                Plan plan = result.plan();
                cx.out().printf("%s: ok — %s %s, %d stages (%s), %d halt rules%n", file, plan.changeId(),
                        plan.version() == null ? "" : plan.version(), plan.stages().size(), stageLadder(plan),
                        plan.haltRules().size());
                result.defaultsApplied().forEach(d -> cx.out().println("  default: " + d));
            } else {
                printProblems(cx, result.problems());
            }
            return result.ok() ? ExitCode.OK : ExitCode.BAD_INPUT;
        }
    }

    @Command(name = "import", description = "Validate a plan file and store it; prints the plan id.")
    static final class Import implements Callable<Integer> {
        private final CliContext cx;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Import(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            // Read and check before opening the store, so bad input never touches it.
            ImportResult checked = new PlanImporter().importFile(file);
            if (!checked.ok()) {
                if (json) {
                    cx.out().println(Json.write(Map.of("imported", false,
                            "problems", Json.problems(checked.problems()))));
                } else {
                    printProblems(cx, checked.problems());
                }
                return ExitCode.BAD_INPUT;
            }
            try (Store store = cx.openStore()) {
                ImportOutcome outcome = cx.catalog(store).importFile(file);
                if (!outcome.ok()) {
                    printProblems(cx, outcome.problems());
                    return ExitCode.BAD_INPUT;
                }
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("imported", true);
                    out.put("id", outcome.planId());
                    out.put("change_id", outcome.plan().changeId());
                    out.put("stages", outcome.plan().stages().stream().map(Stage::name).toList());
                    out.put("defaults_applied", outcome.defaultsApplied());
                    cx.out().println(Json.write(out));
                } else {
                    cx.out().println(outcome.planId());
                    outcome.defaultsApplied().forEach(d -> cx.err().println("default: " + d));
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "export", description = "Write a stored plan in Rampart's own format.")
    static final class Export implements Callable<Integer> {
        private final CliContext cx;
        @Parameters(paramLabel = "ID", description = "The plan id, or its change id.") String id;
        @Option(names = "--format", defaultValue = "json", description = "json or yaml (default: json).")
        String format;
        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of printing.")
        Path out;

        Export(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() throws IOException {
            Format to;
            try {
                to = Format.named(format);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("--format: expected json or yaml, not \"" + format + "\"");
            }
            try (Store store = cx.openStore()) {
                StoredPlanCatalog catalog = cx.catalog(store);
                StoredPlan stored = catalog.find(id)
                        .orElseThrow(() -> CliException.badInput("no plan with id or change id \"" + id + "\""));
                String text = catalog.export(stored, to);
                if (out == null) {
                    cx.out().print(text);
                    cx.out().flush();
                } else {
                    Files.writeString(out, text);
                }
                return ExitCode.OK;
            }
        }
    }

    static void printProblems(CliContext cx, List<Problem> problems) {
        problems.forEach(p -> cx.out().println(p));
        cx.out().flush();
        cx.err().printf("%d problem%s; nothing was stored.%n", problems.size(), problems.size() == 1 ? "" : "s");
    }

    static String stageLadder(Plan plan) {
        return String.join(" → ", plan.stages().stream()
                .map(s -> s.name() + " " + trimPercent(s.trafficPercent()) + "%").toList());
    }

    static String trimPercent(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }
}
