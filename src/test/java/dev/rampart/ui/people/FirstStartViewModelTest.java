package dev.rampart.ui.people;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's first start, without a window: twelve characters at least, typed the same twice. */
class FirstStartViewModelTest {
    @Test
    void aPassphraseIsAcceptedOnlyWhenLongEnoughAndTypedTwice() {
        FirstStartViewModel vm = new FirstStartViewModel("This store is new");
        assertThat(vm.acceptableProperty().get()).isFalse();
        vm.passphraseProperty().set("elevenchars");
        assertThat(vm.problemProperty().get()).isEqualTo("At least 12 characters (11 so far)");
        vm.passphraseProperty().set("twelve chars");
        vm.againProperty().set("twelve chars!");
        assertThat(vm.problemProperty().get()).isEqualTo("The two passphrases differ");
        vm.againProperty().set("twelve chars");
        assertThat(vm.acceptableProperty().get()).isTrue();
        assertThat(vm.take()).containsExactly("twelve chars".toCharArray());
        assertThat(vm.passphraseProperty().get()).isEmpty();
        assertThat(vm.againProperty().get()).isEmpty();
    }
}
