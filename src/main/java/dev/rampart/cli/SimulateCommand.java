package dev.rampart.cli;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rule.RuleSyntaxException;
import dev.rampart.engine.DryRun;
import dev.rampart.engine.DryRunResult;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
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
        Scenario scenario = scenario();
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

    private Scenario scenario() {
        if (scenarioFile == null) {
            return Scenario.quiet(7);
        }
        try {
            return Scenario.read(scenarioFile);
        } catch (IOException | RuntimeException e) {
            throw CliException.badInput(scenarioFile + ": " + e.getMessage());
        }
    }
}
