package dev.rampart.cli;

import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.access.SignedContent;
import dev.rampart.engine.access.SignRequest;
import dev.rampart.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Signs a checklist item or a go/no-go decision of a rollout as the authenticated person, with the signing key in
 * their data folder (its passphrase asked on the terminal or read from {@code RAMPART_PASSPHRASE_FILE}).
 */
@Command(name = "sign", description = "Sign a rollout's go/no-go (default) or a checklist item, with your own key.")
final class SignCommand implements Callable<Integer> {
    private final CliContext cx;
    @Parameters(paramLabel = "ROLLOUT", description = "The rollout id.") long rollout;
    @Option(names = "--stage", paramLabel = "NAME", description = "The stage (none: the rollout as a whole).")
    String stage;
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "The role you sign in.") String role;
    @Option(names = "--item", paramLabel = "TEXT", description = "A checklist item, as the plan writes it (default:"
            + " the go/no-go decision).") String item;
    @Option(names = "--comment", paramLabel = "TEXT") String comment;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    SignCommand(CliContext cx) {
        this.cx = cx;
    }

    @Override
    public Integer call() {
        try (Store store = cx.openStore()) {
            String me = cx.globals().user();
            char[] passphrase = cx.secret(Secrets.PASSPHRASE_FILE,
                    "Passphrase of " + me + "'s signing key: ");
            Signature s = cx.access(store).signatures().sign(new SignRequest(rollout, stage,
                    item == null ? SignedContent.GO_NO_GO : item, Role.of(role), comment), me, passphrase);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("rollout", s.rolloutId());
                o.put("stage", s.stage());
                o.put("item", s.item());
                o.put("role", s.role().name());
                o.put("signer", s.signer());
                o.put("key_id", s.keyId());
                o.put("event", s.auditSeq());
                cx.out().println(Json.write(o));
            } else {
                cx.out().printf("%s signed %s%s of rollout %d as %s with key %s (event %d)%n", s.signer(),
                        s.isGate() ? "the go/no-go" : "\"" + s.item() + "\"",
                        s.stage() == null ? "" : " of " + s.stage(), s.rolloutId(), s.role(), s.keyId(), s.auditSeq());
            }
            return ExitCode.OK;
        }
    }
}
