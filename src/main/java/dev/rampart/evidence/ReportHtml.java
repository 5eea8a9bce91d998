package dev.rampart.evidence;

import dev.rampart.domain.access.Signature;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.AuditEvent;

import java.util.Map;
import java.util.TreeMap;

/** {@code report.html}: one self-contained page (inline style and SVG, no script, nothing fetched) for auditors. */
final class ReportHtml {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2433;background:#f6f7f9;margin:0}
            main{max-width:1040px;margin:0 auto;padding:24px 32px 48px;background:#fff}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d7dbe2;padding-bottom:4px}
            .sub{color:#5b6475;margin:0 0 16px}.tiles{display:flex;gap:12px;flex-wrap:wrap}
            .tile{border:1px solid #d7dbe2;border-radius:6px;padding:10px 14px;min-width:150px}
            .tile b{display:block;font-size:20px}.tile span{color:#5b6475;font-size:12px}
            .bad{color:#b42318}.good{color:#067647}.warn{color:#b54708}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eaecf0;vertical-align:top}
            th{background:#f2f4f7;font-weight:600}code{font:12px ui-monospace,Menlo,monospace;word-break:break-all}
            .chart{width:100%;height:auto;border:1px solid #eaecf0;border-radius:6px}.grid{stroke:#eaecf0}
            .axis{font-size:11px;fill:#5b6475}.series{fill:none;stroke:#1570ef;stroke-width:2.5}
            .reading{fill:#b42318}.threshold{stroke:#b54708;stroke-dasharray:6 4;stroke-width:1.5}
            .threshold-label{font-size:11px;fill:#b54708}.marker{stroke-width:1;stroke-dasharray:2 3}.marker-label{font-size:11px}
            td.when{white-space:nowrap}figure{margin:12px 0}figcaption{color:#5b6475;font-size:12px}
            """;

    private static final java.util.Set<String> ALARMING = java.util.Set.of("rollout.halted", "rollout.rolling_back",
            "rollout.rolled_back", "rollout.rollback_failed", "rollout.circuit_opened", "adapter.failed",
            "signoff.refused", "rollout.promoted");
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    private ReportHtml() {
    }

    static String write(EvidenceInput in, String chainHead) {
        StringBuilder h = new StringBuilder(32_000);
        var plan = in.plan();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence: ")
                .append(esc(plan.changeId())).append(" rollout ").append(in.rollout().id())
                .append("</title><style>").append(STYLE).append("</style></head><body><main>");
        h.append("<h1>").append(esc(plan.changeId())).append(" — ").append(esc(plan.service())).append(' ')
                .append(esc(plan.version())).append("</h1>");
        h.append("<p class=\"sub\">Rollout ").append(in.rollout().id()).append(", started by ")
                .append(esc(in.rollout().startedBy())).append(" at ").append(in.rollout().createdAt())
                .append(". Evidence exported ").append(in.exportedAt()).append(" by ").append(esc(in.exportedBy()))
                .append(".</p>");
        tiles(h, in);
        h.append("<h2>Charts</h2>");
        for (Charts.Chart c : Charts.of(in)) {
            h.append("<figure>").append(c.svg()).append("<figcaption><b>").append(esc(c.title())).append("</b> — ")
                    .append(esc(c.caption())).append("</figcaption></figure>");
        }
        h.append("<h2>Plan</h2><table><tr><th>stage</th><th>traffic</th><th>min duration</th><th>exit criteria</th>"
                + "<th>approvals</th></tr>");
        for (Stage s : plan.stages()) {
            h.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(SvgChart.format(s.trafficPercent()))
                    .append(" %</td><td>").append(s.minDuration() == null ? "—" : s.minDuration()).append("</td><td>")
                    .append(esc(String.join("; ", s.exit()))).append("</td><td>")
                    .append(esc(String.join(", ", s.approvals()))).append(s.decision() == null ? ""
                            : " (go/no-go: " + esc(String.join(", ", s.decision().roles())) + ")")
                    .append("</td></tr>");
        }
        h.append("</table><p>Halt rules: ").append(esc(String.join(" · ", plan.haltRules())))
                .append("</p><p>Plan SHA-256 <code>").append(in.storedPlan().sha256()).append("</code></p>");
        signatures(h, in);
        h.append("<h2>Decisions</h2>");
        events(h, in, true);
        h.append("<h2>Timeline</h2>");
        events(h, in, false);
        h.append("<h2>Integrity</h2><p>").append(esc(in.integrity().summary()))
                .append(" (whole audit trail, at export).</p><p>Last event of this rollout: <code>").append(chainHead)
                .append("</code>. <code>chain.json</code> holds every event with the hash it carries;")
                .append(" <code>manifest.sha256</code> the SHA-256 of each file (<code>rampart evidence verify</code>")
                .append(" or <code>sha256sum -c manifest.sha256</code>).</p>");
        return h.append("</main></body></html>\n").toString();
    }

    private static void tiles(StringBuilder h, EvidenceInput in) {
        String state = in.rollout().state().wireName();
        String cls = state.equals("completed") ? "good" : state.startsWith("roll") ? "bad" : "warn";
        Double errorRate = EvidenceJson.number(in.lastValue("error_rate_during_rollout"));
        String rollback = in.lastValue("rollback_time_seconds");
        h.append("<div class=\"tiles\">");
        tile(h, "final state", state, cls);
        tile(h, "error_rate_during_rollout", errorRate == null ? "—" : SvgChart.format(errorRate * 100) + " %", "");
        tile(h, "rollback_time_seconds", rollback == null ? "—" : rollback + " s", rollback == null ? "" : "bad");
        tile(h, "signatures", Integer.toString(in.signatures().size()), "");
        tile(h, "audit trail", in.integrity().intact() ? "intact" : "BROKEN", in.integrity().intact() ? "good" : "bad");
        h.append("</div>");
    }

    private static void tile(StringBuilder h, String label, String value, String cls) {
        h.append("<div class=\"tile\"><b class=\"").append(cls).append("\">").append(esc(value)).append("</b><span>")
                .append(esc(label)).append("</span></div>");
    }

    private static void signatures(StringBuilder h, EvidenceInput in) {
        h.append("<h2>Signatures</h2>");
        if (in.signatures().isEmpty()) {
            h.append("<p>No signatures.</p>");
            return;
        }
        h.append("<table><tr><th>when</th><th>who</th><th>role</th><th>stage</th><th>item</th><th>comment</th>"
                + "<th>signed SHA-256</th></tr>");
        for (Signature s : in.signatures()) {
            boolean stale = s.stale(in.currentPlanSha());
            h.append("<tr><td class=\"when\">").append(WHEN.format(s.at())).append("</td><td>").append(esc(s.signer())).append("</td><td>")
                    .append(esc(s.role().name())).append("</td><td>").append(esc(s.stage() == null ? "—" : s.stage()))
                    .append("</td><td>").append(esc(s.item())).append(stale ? " <b class=\"warn\">(stale: plan changed)</b>" : "")
                    .append("</td><td>").append(esc(s.comment())).append("</td><td><code>")
                    .append(s.signedSha256(), 0, 16).append("…</code></td></tr>");
        }
        h.append("</table>");
    }

    private static void events(StringBuilder h, EvidenceInput in, boolean decisionsOnly) {
        h.append("<table><tr><th>#</th><th>when</th><th>event</th><th>who</th><th>stage</th><th>details</th></tr>");
        for (AuditEvent e : in.events()) {
            if (decisionsOnly && !EvidenceJson.DECISIONS.contains(e.type())) {
                continue;
            }
            String cls = ALARMING.contains(e.type()) ? " class=\"bad\"" : "";
            h.append("<tr><td>").append(e.seq()).append("</td><td class=\"when\">").append(WHEN.format(e.at()))
                    .append("</td><td").append(cls)
                    .append(">").append(esc(e.type())).append("</td><td>").append(esc(e.actor())).append("</td><td>")
                    .append(esc(e.stage() == null ? "" : e.stage())).append("</td><td>").append(details(e.data()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String details(Map<String, String> data) {
        StringBuilder d = new StringBuilder();
        new TreeMap<>(Redaction.redact(data)).forEach((k, v) -> {
            if (!k.equals("idempotency_key") && !k.endsWith("sha256")) {
                d.append(d.length() == 0 ? "" : "; ").append(esc(k)).append(": ").append(esc(v));
            }
        });
        return d.toString();
    }

    private static String esc(String s) {
        return Html.escape(s);
    }
}
