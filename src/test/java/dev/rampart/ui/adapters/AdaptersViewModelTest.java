package dev.rampart.ui.adapters;

import dev.rampart.adapters.PluginJars;
import dev.rampart.adapters.Plugins;
import dev.rampart.ui.CurrentThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptersViewModelTest {
    @TempDir
    Path tmp;

    private AdaptersViewModel viewModel(Path pluginFolder) {
        return new AdaptersViewModel(() -> Plugins.discover(getClass().getClassLoader(), pluginFolder),
                new CurrentThreadTaskRunner());
    }

    private static AdapterRow row(AdaptersViewModel vm, String kind, String type) {
        return vm.rows().stream().filter(r -> r.kind().equals(kind) && r.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void listsTheBuiltInAdaptersAndAJarDroppedIntoThePluginFolderAfterReload() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        AdaptersViewModel vm = viewModel(folder);
        vm.reload().execute();
        assertThat(vm.rows()).contains(new AdapterRow("Deployment adapter", "command", "class path"),
                new AdapterRow("Deployment adapter", "nginx", "class path"),
                new AdapterRow("Metric source", "prometheus", "class path"),
                new AdapterRow("Notifier", "slack", "class path"));
        assertThat(vm.validate().isExecutable()).as("nothing selected").isFalse();

        PluginJars.build(tmp, folder.resolve("acme-router.jar"), "AcmeRouterProvider", "acme-router");
        vm.reload().execute();
        assertThat(vm.rows()).contains(new AdapterRow("Deployment adapter", "acme-router", "acme-router.jar"));
        assertThat(vm.statusMessageProperty().get()).startsWith(vm.rows().size() + " adapters");
    }

    @Test
    void validateNamesTheBadSettingAndShowsSecretsMasked() {
        AdaptersViewModel vm = viewModel(null);
        vm.reload().execute();
        vm.selectedProperty().set(row(vm, "Deployment adapter", "webhook"));
        vm.settingsTextProperty().set("{\"url\": \"https://deploy.example/hook\", \"hmac_key\": \"k3y-literal-123\"}");
        vm.validate().execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(AdaptersViewModel.Outcome.FAILED);
        assertThat(vm.resultProperty().get()).contains("adapter webhook.hmac_key is a secret")
                .doesNotContain("k3y-literal-123");
        assertThat(vm.maskedSettingsProperty().get()).doesNotContain("k3y-literal-123").contains("••••••");

        vm.settingsTextProperty().set("{\"url\": \"https://deploy.example/hook\", \"hmac_key\": {\"env\": \"HOOK_KEY\"}}");
        assertThat(vm.resultProperty().get()).as("editing clears the old result").isEmpty();
        vm.validate().execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(AdaptersViewModel.Outcome.OK);
        assertThat(vm.maskedSettingsProperty().get()).contains("HOOK_KEY");

        vm.settingsTextProperty().set("{not json");
        vm.validate().execute();
        assertThat(vm.resultProperty().get()).startsWith("The settings are not JSON");
    }

    @Test
    void testConnectionSaysWhatAnsweredOrWhatCouldNotBeReached() throws Exception {
        AdaptersViewModel vm = viewModel(null);
        vm.reload().execute();
        vm.selectedProperty().set(row(vm, "Deployment adapter", "flagd"));
        vm.settingsTextProperty().set("{\"file\": \"" + tmp.resolve("flags.json") + "\"}");
        vm.testConnection().execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(AdaptersViewModel.Outcome.OK);
        assertThat(vm.testConnection().isRunning()).isFalse();

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        vm.selectedProperty().set(row(vm, "Metric source", "prometheus"));
        vm.settingsTextProperty().set("{\"url\": \"http://127.0.0.1:" + closed + "\", \"timeout\": \"PT2S\"}");
        vm.testConnection().execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(AdaptersViewModel.Outcome.FAILED);
        assertThat(vm.resultProperty().get()).startsWith("monitoring gap: Prometheus at 127.0.0.1:" + closed);
    }
}
