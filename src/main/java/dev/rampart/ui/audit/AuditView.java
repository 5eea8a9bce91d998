package dev.rampart.ui.audit;

import dev.rampart.domain.rollout.AuditEvent;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.function.Function;

/** The Audit screen: filters, the integrity indicator and the timeline table. */
public final class AuditView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final AuditViewModel viewModel;

    @FXML private ComboBox<String> rolloutFilter;
    @FXML private ComboBox<String> typeFilter;
    @FXML private ComboBox<String> personFilter;
    @FXML private Label integrityLabel;
    @FXML private Label countLabel;
    @FXML private Button reloadButton;
    @FXML private TableView<AuditEvent> table;
    @FXML private TableColumn<AuditEvent, String> seqColumn;
    @FXML private TableColumn<AuditEvent, String> atColumn;
    @FXML private TableColumn<AuditEvent, String> rolloutColumn;
    @FXML private TableColumn<AuditEvent, String> typeColumn;
    @FXML private TableColumn<AuditEvent, String> actorColumn;
    @FXML private TableColumn<AuditEvent, String> stageColumn;
    @FXML private TableColumn<AuditEvent, String> dataColumn;

    public AuditView(AuditViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        rolloutFilter.setItems(viewModel.rolloutChoices());
        rolloutFilter.valueProperty().bindBidirectional(viewModel.rolloutProperty());
        typeFilter.setItems(viewModel.typeChoices());
        typeFilter.valueProperty().bindBidirectional(viewModel.typeProperty());
        personFilter.setItems(viewModel.personChoices());
        personFilter.valueProperty().bindBidirectional(viewModel.personProperty());
        integrityLabel.textProperty().bind(viewModel.integrityTextProperty());
        viewModel.intactProperty().addListener((o, was, now) ->
                integrityLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("intact"), now));
        viewModel.brokenProperty().addListener((o, was, now) ->
                integrityLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("broken"), now));
        countLabel.textProperty().bind(viewModel.countTextProperty());
        reloadButton.disableProperty().bind(viewModel.reload().executableProperty().not());
        reloadButton.setOnAction(e -> viewModel.reload().execute());
        table.setItems(viewModel.events());
        column(seqColumn, e -> Long.toString(e.seq()));
        column(atColumn, e -> WHEN.format(e.at()));
        column(rolloutColumn, e -> e.rolloutId() == null ? "—" : "#" + e.rolloutId());
        column(typeColumn, AuditEvent::type);
        column(actorColumn, AuditEvent::actor);
        column(stageColumn, e -> e.stage() == null ? "—" : e.stage());
        column(dataColumn, e -> details(e));
        // The screen is built when first shown: read then, and again with the Reload button (Ctrl+R).
        viewModel.reload().execute();
    }

    static String details(AuditEvent e) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(e.data()).forEach((k, v) -> {
            if (!k.endsWith("sha256") && !k.equals("idempotency_key")) {
                b.append(b.length() == 0 ? "" : " · ").append(k).append('=').append(v);
            }
        });
        return b.toString();
    }

    private static void column(TableColumn<AuditEvent, String> c, Function<AuditEvent, String> text) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
    }
}
