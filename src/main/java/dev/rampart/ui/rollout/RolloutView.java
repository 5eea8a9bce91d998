package dev.rampart.ui.rollout;

import dev.rampart.ui.Dialogs;
import dev.rampart.ui.Dialogs.Confirmation;
import dev.rampart.ui.charts.ChartRefresher;
import dev.rampart.ui.charts.MetricChart;
import dev.rampart.ui.widgets.StageLadder;
import dev.rampart.ui.widgets.StateChip;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.ArrayList;
import java.util.List;

/** The Rollout screen: binds the view model to the ladder, the cohort sliders, the charts and the decision panel. */
public final class RolloutView {
    private final RolloutViewModel viewModel;
    private final Dialogs dialogs;
    private final List<MetricChart> charts = new ArrayList<>();
    private CohortPanel cohortPanel;
    private boolean settingSwitch;

    @FXML private Label titleLabel;
    @FXML private Label subtitleLabel;
    @FXML private StateChip stateChip;
    @FXML private ComboBox<RolloutChoice> rolloutPicker;
    @FXML private Button pauseButton;
    @FXML private Button faultButton;
    @FXML private Label messageLabel;
    @FXML private StageLadder ladder;
    @FXML private ToggleSwitch globalSwitch;
    @FXML private VBox cohortBox;
    @FXML private GridPane chartGrid;
    @FXML private Label decisionHeadline;
    @FXML private GridPane decisionFacts;

    public RolloutView(RolloutViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        subtitleLabel.textProperty().bind(viewModel.subtitleProperty());
        viewModel.stateProperty().addListener((o, was, now) -> stateChip.setState(now));
        rolloutPicker.setItems(viewModel.rollouts());
        rolloutPicker.valueProperty().bindBidirectional(viewModel.selectedProperty());
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.pausedProperty())
                .then("Resume").otherwise("Pause"));
        pauseButton.disableProperty().bind(viewModel.pauseOrResume().executableProperty().not());
        pauseButton.setOnAction(e -> viewModel.pauseOrResume().execute());
        faultButton.visibleProperty().bind(viewModel.faultsInjectableProperty());
        faultButton.managedProperty().bind(faultButton.visibleProperty());
        faultButton.disableProperty().bind(viewModel.injectFault().executableProperty().not());
        faultButton.setOnAction(e -> viewModel.injectFault().execute());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(messageLabel.textProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.refusedProperty().addListener((o, was, now) ->
                messageLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("refused"), now));

        ladder.getSteps().setAll(viewModel.stages());
        viewModel.stages().addListener((ListChangeListener<Object>) c -> ladder.getSteps().setAll(viewModel.stages()));
        ladder.currentIndexProperty().bind(viewModel.currentStageProperty());
        cohortPanel = new CohortPanel(viewModel, dialogs, cohortBox);
        viewModel.cohorts().addListener((ListChangeListener<CohortTraffic>) c -> cohortPanel.show());
        cohortPanel.show();
        globalSwitch.setSelected(true);
        viewModel.globalSwitchProperty().addListener((o, was, on) -> setSwitchQuietly(on));
        globalSwitch.selectedProperty().addListener((o, was, on) -> {
            if (!settingSwitch) {
                cohortPanel.askSwitch(null, on, () -> setSwitchQuietly(!on));
            }
        });
        globalSwitch.disableProperty().bind(viewModel.controllableProperty().not());

        viewModel.pendingChangeProperty().addListener((o, was, change) -> {
            if (change != null) {
                dialogs.confirm(new Confirmation("Change traffic?", change.question()
                        + " The adapter applies it, and the confirmed weight shows its answer.", "Apply", false),
                        viewModel::confirmTraffic, viewModel::cancelTraffic);
            }
        });
        viewModel.decisionProperty().addListener((o, was, now) -> showDecision(now));
        showDecision(viewModel.decisionProperty().get());
        buildCharts();
    }

    private void buildCharts() {
        ChartRefresher refresher = new ChartRefresher(viewModel.inbox());
        int i = 0;
        for (ChartFeed.Family family : ChartFeed.FAMILIES) {
            MetricChart chart = new MetricChart(MetricChart.DEFAULT_CAPACITY);
            chart.setId("chart-" + family.key());
            chart.setTitle(family.title());
            chart.setFormat(family.format());
            charts.add(chart);
            refresher.register(family.key(), chart);
            chartGrid.add(chart, i % 2, i / 2);
            i++;
        }
        Runnable thresholds = () -> {
            for (int k = 0; k < charts.size(); k++) {
                charts.get(k).getThresholds().setAll(ChartFeed.thresholds(ChartFeed.FAMILIES.get(k), viewModel.haltRules()));
            }
        };
        viewModel.haltRules().addListener((ListChangeListener<String>) c -> thresholds.run());
        thresholds.run();
        viewModel.markers().addListener((ListChangeListener<Object>) c ->
                charts.forEach(chart -> chart.getMarkers().setAll(viewModel.markers())));
        viewModel.chartEpochProperty().addListener((o, was, now) -> charts.forEach(MetricChart::clear));
        refresher.start();
    }

    private void setSwitchQuietly(boolean on) {
        settingSwitch = true;
        globalSwitch.setSelected(on);
        settingSwitch = false;
    }

    private void showDecision(DecisionExplanation why) {
        decisionHeadline.setText(why.headline());
        decisionFacts.getChildren().clear();
        int row = 0;
        for (DecisionExplanation.Fact fact : why.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("fact-label");
            Label value = new Label(fact.value());
            value.getStyleClass().add("fact-value");
            value.setId("fact-" + fact.label().toLowerCase(java.util.Locale.ROOT));
            decisionFacts.add(label, (row / 4) * 2, row % 4);
            decisionFacts.add(value, (row / 4) * 2 + 1, row % 4);
            row++;
        }
    }
}
