package dev.rampart.format;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the worst files cost now (decision 0019): /dev/zero, a 3 MB YAML word (25 s before), and the largest YAML and
 * JSON plans the cap lets through. Prints medians of 5. Run: {@code mvn -o -Pbench test -Dtest=HostileInputBench}.
 */
@Tag("bench")
class HostileInputBench {
    private final PlanImporter importer = new PlanImporter();

    private static double medianMs(Supplier<ImportResult> run) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            run.get();
            if (i > 0) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(ms);
        return ms.get(ms.size() / 2);
    }

    @Test
    void worstFiles() throws Exception {
        String longWord = "schema: rampart/plan/v1\ndescription: " + "x".repeat(3_000_000) + "\n";
        // just under the cap, every word short: the slowest YAML the reader still parses
        StringBuilder list = new StringBuilder("schema: rampart/plan/v1\nchange_id: C\nservice: s\nstages: [{name: ga,"
                + " traffic_percent: 100}]\nhalt_rules: [");
        while (list.length() < SourceText.MAX_BYTES - 40) {
            list.append("\"error_rate > 1%\", ");
        }
        list.append("\"error_rate > 2%\"]\n");
        String yaml = list.toString();
        String json = "{\"schema\": \"rampart/plan/v1\", \"change_id\": \"C\", \"service\": \"s\", \"stages\":"
                + " [{\"name\": \"ga\", \"traffic_percent\": 100}], \"description\": \"" + "x".repeat(SourceText.MAX_BYTES - 200)
                + "\"}";
        Path zero = Path.of("/dev/zero");
        System.out.printf(Locale.ROOT, "HostileInputBench (median of 5, ms)%n");
        if (Files.isReadable(zero)) {
            System.out.printf(Locale.ROOT, "  /dev/zero refused:             %8.1f%n", medianMs(() -> importer.importFile(zero)));
        }
        System.out.printf(Locale.ROOT, "  3 MB YAML word refused:        %8.1f%n",
                medianMs(() -> importer.importText("p.yaml", longWord)));
        System.out.printf(Locale.ROOT, "  4 MiB YAML of short words:     %8.1f%n",
                medianMs(() -> importer.importText("p.yaml", yaml)));
        System.out.printf(Locale.ROOT, "  4 MiB JSON with one long text: %8.1f%n",
                medianMs(() -> importer.importText("p.json", json)));
        assertThat(importer.importText("p.yaml", longWord).problems()).isNotEmpty();
    }
}
