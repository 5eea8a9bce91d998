package dev.rampart.ui.shell;

import dev.rampart.ui.DeferredTaskRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    private final DeferredTaskRunner tasks = new DeferredTaskRunner();
    private final ShellViewModel viewModel = new ShellViewModel("mona.lisa", tasks);

    @Test
    void startsOnReleasesAndSwitchesScreens() {
        assertThat(viewModel.getScreen()).isEqualTo(Screen.RELEASES);

        viewModel.show(Screen.AUDIT);

        assertThat(viewModel.getScreen()).isEqualTo(Screen.AUDIT);
        assertThat(Screen.AUDIT.shortcutDigit()).isEqualTo(5);
    }

    @Test
    void theThemeToggleNamesTheThemeItSwitchesTo() {
        assertThat(viewModel.themeToggleTextProperty().get()).isEqualTo("Dark theme");

        viewModel.toggleTheme();

        assertThat(viewModel.darkThemeProperty().get()).isTrue();
        assertThat(viewModel.themeToggleTextProperty().get()).isEqualTo("Light theme");
    }

    @Test
    void theStatusSaysWhatRunsInTheBackground() {
        assertThat(viewModel.taskStatusProperty().get()).isEqualTo("Ready");

        tasks.run("Importing checkout.json", () -> 1, r -> { }, e -> { });

        assertThat(viewModel.taskRunningProperty().get()).isTrue();
        assertThat(viewModel.taskStatusProperty().get()).isEqualTo("Importing checkout.json…");

        tasks.finishAll();

        assertThat(viewModel.taskStatusProperty().get()).isEqualTo("Ready");
    }

    @Test
    void initialsComeFromTheUserName() {
        assertThat(viewModel.userInitials()).isEqualTo("ML");
        assertThat(new ShellViewModel("omar", tasks).userInitials()).isEqualTo("O");
    }
}
