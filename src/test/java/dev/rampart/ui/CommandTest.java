package dev.rampart.ui;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTest {

    @Test
    void runsOnceAtATimeAndIsExecutableAgainWhenDone() {
        List<Runnable> finishers = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Command<String> command = new Command<>((parameter, done) -> {
            seen.add(parameter);
            finishers.add(done);
        });

        command.execute("first");
        command.execute("second");

        assertThat(seen).containsExactly("first");
        assertThat(command.isRunning()).isTrue();
        assertThat(command.isExecutable()).isFalse();

        finishers.get(0).run();

        assertThat(command.isRunning()).isFalse();
        assertThat(command.isExecutable()).isTrue();
        command.execute("third");
        assertThat(seen).containsExactly("first", "third");
    }

    @Test
    void doesNothingWhileNotAllowed() {
        SimpleBooleanProperty allowed = new SimpleBooleanProperty(false);
        List<String> seen = new ArrayList<>();
        Command<String> command = new Command<>(allowed, (parameter, done) -> {
            seen.add(parameter);
            done.run();
        });

        command.execute("refused");
        allowed.set(true);
        command.execute("accepted");

        assertThat(seen).containsExactly("accepted");
    }

    @Test
    void anActionThatThrowsDoesNotStayRunning() {
        Command<Void> command = new Command<>((parameter, done) -> {
            throw new IllegalStateException("broken");
        });

        assertThatThrownBy(command::execute).hasMessage("broken");
        assertThat(command.isRunning()).isFalse();
        assertThat(command.isExecutable()).isTrue();
    }
}
