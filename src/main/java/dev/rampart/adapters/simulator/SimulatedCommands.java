package dev.rampart.adapters.simulator;

import dev.rampart.spi.CommandOutcome;
import dev.rampart.spi.CommandRunner;

import java.time.Duration;
import java.util.List;

/**
 * Checklist and rollback-step commands in a dry run: nothing is run. A command the scenario scripts ({@code "check":
 * "make smoke", "exit_code": 2}) answers as scripted from that offset on; every other one counts as passed, and its
 * output says it was not run.
 */
public final class SimulatedCommands implements CommandRunner {
    private final SimulatedFleet fleet;

    public SimulatedCommands(SimulatedFleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public CommandOutcome run(List<String> argv, Duration timeout) {
        String command = String.join(" ", argv);
        Duration now = Duration.between(fleet.start(), fleet.now());
        ScenarioCheck scripted = null;
        for (ScenarioCheck c : fleet.scenario().checks()) {
            if (c.command().equals(command) && !now.minus(c.at()).isNegative()
                    && (scripted == null || c.at().compareTo(scripted.at()) >= 0)) {
                scripted = c;
            }
        }
        if (scripted == null) {
            return new CommandOutcome(argv, 0, "dry run: not run, counted as passed", false, null, Duration.ZERO);
        }
        return new CommandOutcome(argv, scripted.exitCode(), scripted.output(), false,
                scripted.exitCode() == 0 ? null : "exited with status " + scripted.exitCode() + " (scripted)",
                Duration.ZERO);
    }
}
