package dev.rampart.cli;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rule.RuleSyntaxException;
import dev.rampart.engine.DryRun;
import dev.rampart.engine.DryRunResult;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanImporter;
import dev.rampart.format.Problem;
import dev.rampart.format.SourceDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "simulate", description = {
        "Dry-run a plan against the built-in simulator on a virtual clock and print the timeline.",
        "Exit 0 when the rollout completes, 1 when it ends any other way (rolled back, paused, …), 2 on bad input."})
final class SimulateCommand implements Callable<Integer> {
    private final CliContext cx;
    @Parameters(paramLabel = "PLAN") Path planFile;
    @Option(names = "--scenario", paramLabel = "FILE", description = "What the simulated service does (JSON).")
    Path scenarioFile;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    SimulateCommand(CliContext cx) {
        this.cx = cx;
    }

    @Override
    public Integer call() {
        ImportResult imported = new PlanImporter().importFile(planFile);
        if (!imported.ok()) {
            PlanCommand.printProblems(cx, imported.problems());
            return ExitCode.BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = scenario();
        } catch (BadFile e) {
            PlanCommand.printProblems(cx, e.problems);
            return ExitCode.BAD_INPUT;
        }
        long started = System.nanoTime();
        DryRunResult result;
        try {
            result = DryRun.run(imported.plan(), scenario);
        } catch (RuleSyntaxException e) {
            throw CliException.badInput(planFile + ": " + e.getMessage());
        }
        double ms = (System.nanoTime() - started) / 1e6;
        if (json) {
            cx.out().println(Json.write(result.toJson()));
        } else {
            result.timeline().forEach(cx.out()::println);
            cx.err().printf("simulated %s of rollout in %.0f ms%n", result.elapsed(), ms);
        }
        return "completed".equals(result.finalState()) ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** The scenario file, read like a plan: bounded, strict, every problem at its line and column. */
    private Scenario scenario() throws BadFile {
        if (scenarioFile == null) {
            return Scenario.quiet(7);
        }
        SourceDocument doc = SourceDocument.read(scenarioFile);
        if (!doc.ok()) {
            throw new BadFile(doc.problems());
        }
        try {
            return Scenario.parse(doc.tree());
        } catch (Scenario.BadScenario e) {
            throw new BadFile(List.of(doc.problemAt(e.pointer(), e.getMessage())));
        }
    }

    private static final class BadFile extends Exception {
        private final transient List<Problem> problems;

        BadFile(List<Problem> problems) {
            super(null, null, false, false);
            this.problems = problems;
        }
    }
}
