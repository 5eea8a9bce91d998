package dev.rampart.cli;

import dev.rampart.store.AuditVerification;
import dev.rampart.store.Store;
import dev.rampart.witness.Witness;
import dev.rampart.witness.WitnessCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audit", description = "Check the audit trail.", subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @Command(name = "verify", description = {"Recompute the hash chain of every audit event, check every table the"
            + " engine trusts against it,", "and compare it with the newest checkpoint of every witness; exit 1 naming"
            + " the first problem."})
    static final class Verify implements Callable<Integer> {
        private final CliContext cx;
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Verify(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            try (Store store = cx.openStoreToCheck()) {
                long started = System.nanoTime();
                AuditVerification v = store.audit().verify();
                List<String> findings = v.isIntact() ? store.audit().findings() : List.of();
                long head = store.audit().headSeq();
                List<WitnessCheck.Verdict> witnesses = new ArrayList<>();
                for (Witness w : cx.witnesses().all()) {
                    witnesses.add(WitnessCheck.check(w, store.location(), store.audit().storeId(), head,
                            store.audit()::hashAt));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                boolean witnessed = witnesses.stream().noneMatch(WitnessCheck.Verdict::broken);
                boolean intact = v.isIntact() && findings.isEmpty() && witnessed;
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("intact", intact);
                    out.put("checked", v.checked());
                    out.put("first_bad_seq", v.isIntact() ? null : v.firstBadSeq().getAsLong());
                    out.put("problem", v.problem());
                    out.put("findings", findings);
                    out.put("witnesses", witnesses.stream().map(w -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("witness", w.witness());
                        m.put("status", w.status().name().toLowerCase(java.util.Locale.ROOT));
                        m.put("message", w.message());
                        return m;
                    }).toList());
                    out.put("seconds", Math.round(seconds * 1000) / 1000.0);
                    cx.out().println(Json.write(out));
                } else {
                    cx.out().println(v);
                    findings.forEach(f -> cx.out().println("Not backed by the chain: " + f));
                    witnesses.forEach(w -> cx.out().println("Witness " + w.witness() + ": " + w.message()));
                }
                if (intact) {
                    // A verified head is worth witnessing: the next check compares with it.
                    Sessions.checkpointHead(store, cx.witnesses(), cx.installationKey());
                }
                return intact ? ExitCode.OK : ExitCode.CHECK_FAILED;
            }
        }
    }
}
