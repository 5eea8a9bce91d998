package dev.rampart.cli;

import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.EvidenceExport;
import dev.rampart.evidence.EvidencePack;
import dev.rampart.evidence.PackCheck;
import dev.rampart.format.PlanFormat;
import dev.rampart.store.AuditChain;
import dev.rampart.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evidence", description = "Write and check the evidence pack of a rollout.",
        subcommands = {EvidenceCommand.Export.class, EvidenceCommand.Verify.class})
final class EvidenceCommand {

    @Command(name = "export", description = "Write the rollout's evidence pack (HTML report, JSON, hash chain,"
            + " manifest) to a new or empty folder.")
    static final class Export implements Callable<Integer> {
        private final CliContext cx;
        @Parameters(paramLabel = "ID", description = "The rollout id.") long id;
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Export(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            try (Store store = cx.openStore()) {
                AccessServices access = cx.access(store);
                EvidencePack.Written w = new EvidenceExport(store.rollouts(), store.plans(), access.signatures(),
                        store.audit(), store.audit(), access.access(), new PlanFormat(), Clock.systemUTC(),
                        access.signer())
                        .export(cx.globals().user(), id, out);
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("rollout", id);
                    o.put("folder", w.dir().toAbsolutePath().toString());
                    o.put("files", EvidencePack.FILES);
                    o.put("manifest_sha256", w.manifestSha256());
                    cx.out().println(Json.write(o));
                } else {
                    cx.out().println("Evidence pack of rollout " + id + " written to " + w.dir().toAbsolutePath());
                    cx.out().println("  open " + w.dir().resolve("report.html").toAbsolutePath());
                    cx.out().println("  manifest SHA-256 " + w.manifestSha256());
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "verify", description = {"Check a pack against what its exporter signed: every file, the manifest,",
            "every event of chain.json and its hash, the checkpoint. Exit 1 naming the first file or event that",
            "differs."})
    static final class Verify implements Callable<Integer> {
        private final CliContext cx;
        @Parameters(paramLabel = "DIR") Path dir;
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Verify(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            if (!dir.toFile().isDirectory()) {
                throw CliException.badInput(dir + " is not a folder");
            }
            PackCheck check = EvidencePack.verify(dir, AuditChain::hashOf);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("intact", check.intact());
                o.put("file", check.file());
                o.put("problem", check.problem());
                o.put("signed_by", check.signedBy());
                cx.out().println(Json.write(o));
            } else {
                cx.out().println(check);
            }
            return check.intact() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }
}
