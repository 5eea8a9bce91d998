package dev.rampart.cli;

import dev.rampart.store.AuditVerification;
import dev.rampart.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audit", description = "Check the audit trail.", subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @Command(name = "verify", description = "Recompute the hash chain of every audit event; exit 1 naming the first"
            + " edited, deleted, inserted or reordered event.")
    static final class Verify implements Callable<Integer> {
        private final CliContext cx;
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Verify(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            try (Store store = cx.openStore()) {
                long started = System.nanoTime();
                AuditVerification v = store.audit().verify();
                double seconds = (System.nanoTime() - started) / 1e9;
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("intact", v.isIntact());
                    out.put("checked", v.checked());
                    out.put("first_bad_seq", v.isIntact() ? null : v.firstBadSeq().getAsLong());
                    out.put("problem", v.problem());
                    out.put("seconds", Math.round(seconds * 1000) / 1000.0);
                    cx.out().println(Json.write(out));
                } else {
                    cx.out().println(v);
                }
                return v.isIntact() ? ExitCode.OK : ExitCode.CHECK_FAILED;
            }
        }
    }
}
