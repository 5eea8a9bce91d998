package dev.rampart.adapters.simulator;

import dev.rampart.spi.AdapterException;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.Sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated fleet as a {@link MetricSource}: one sample per scenario tick, on the grid from the start; an error
 * while the scenario has the metrics out.
 */
public final class SimulatorMetrics implements MetricSource {
    private final SimulatedFleet fleet;

    public SimulatorMetrics(SimulatedFleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public MetricWindow read(Set<String> cohorts, Set<String> metrics, Instant from, Instant to)
            throws AdapterException {
        if (fleet.out(ScenarioFault.METRICS, to)) {
            throw new AdapterException("simulated metrics outage: the metric source answers with an error");
        }
        List<Instant> grid = grid(from, to);
        Map<String, Map<String, List<Sample>>> byCohort = new HashMap<>();
        for (String cohort : cohorts) {
            byCohort.put(cohort, samples(cohort, metrics, grid));
        }
        Map<String, List<Sample>> baseline = fleet.newVersionPercent() < 100
                ? samples(Scenario.STABLE, metrics, grid) : Map.of();
        return new MetricWindow(from, to, byCohort, baseline);
    }

    private Map<String, List<Sample>> samples(String cohort, Set<String> metrics, List<Instant> grid) {
        Map<String, List<Sample>> out = new HashMap<>();
        for (String metric : metrics) {
            if (!fleet.scenario().baseline().containsKey(metric)) {
                continue;
            }
            List<Sample> list = new ArrayList<>(grid.size());
            for (Instant at : grid) {
                list.add(new Sample(at, fleet.value(cohort, metric, at)));
            }
            out.put(metric, list);
        }
        return out;
    }

    /** Grid instants {@code start + n * tick} in {@code (from, to]}. */
    private List<Instant> grid(Instant from, Instant to) {
        long tick = fleet.scenario().tick().toMillis();
        long first = Math.floorDiv(Duration.between(fleet.start(), from).toMillis(), tick) + 1;
        long last = Math.floorDiv(Duration.between(fleet.start(), to).toMillis(), tick);
        List<Instant> grid = new ArrayList<>();
        for (long n = Math.max(0, first); n <= last; n++) {
            grid.add(fleet.start().plusMillis(n * tick));
        }
        return grid;
    }
}
