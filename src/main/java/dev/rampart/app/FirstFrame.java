package dev.rampart.app;

import javafx.scene.Scene;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Start-up measurement for {@code --smoke}: milliseconds from the start of the process to the first pulse that lays
 * out the shown window (it is rendered in that same pulse). {@code installer/measure-startup.sh} reads the figure.
 *
 * <p>On Linux the start is the process's own, from {@code /proc}, so a native launcher's work before the JVM counts
 * too; {@code ProcessHandle}'s start instant is rounded to the boot second and is no use here. Elsewhere the start
 * of the JVM is used.
 */
final class FirstFrame {
    private final List<Runnable> whenShown = new ArrayList<>();
    private long millis = -1;
    private boolean shown;

    /** Call on the FX thread right after {@code scene}'s stage is shown. */
    void watch(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            millis = millisSinceStart();
            shown = true;
            // Not removed inside the callback: the scene is iterating its listener list.
            javafx.application.Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(once[0]);
                whenShown.forEach(Runnable::run);
                whenShown.clear();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Runs {@code action} on the FX thread once the first frame is out, so an unattended run never ends before it. */
    void whenShown(Runnable action) {
        if (shown && whenShown.isEmpty()) {
            action.run();
        } else {
            whenShown.add(action);
        }
    }

    OptionalLong millis() {
        return millis < 0 ? OptionalLong.empty() : OptionalLong.of(millis);
    }

    private static long millisSinceStart() {
        try {
            // Field 22 of /proc/self/stat is the start in clock ticks (100 a second) since boot; /proc/uptime the now.
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startSeconds = Long.parseLong(fields[19]) / 100.0;
            double upSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round((upSeconds - startSeconds) * 1000);
        } catch (IOException | RuntimeException notLinux) {
            return ManagementFactory.getRuntimeMXBean().getUptime();
        }
    }
}
