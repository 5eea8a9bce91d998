package dev.rampart.ui;

import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers where the window was and how big, in a small properties file in the data folder. A placement that no
 * longer fits any screen (a monitor was unplugged) is ignored.
 */
public final class WindowPlacement {
    private final Path file;

    public WindowPlacement(Path file) {
        this.file = file;
    }

    /** Puts the stage where it was last time, if known and still on a screen; also restores the theme. */
    public void restore(Stage stage, javafx.beans.property.BooleanProperty darkTheme) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            double x = Double.parseDouble(p.getProperty("x"));
            double y = Double.parseDouble(p.getProperty("y"));
            double w = Double.parseDouble(p.getProperty("width"));
            double h = Double.parseDouble(p.getProperty("height"));
            if (!Screen.getScreensForRectangle(x, y, Math.max(1, w), Math.max(1, h)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
                stage.setWidth(w);
                stage.setHeight(h);
            }
            stage.setMaximized(Boolean.parseBoolean(p.getProperty("maximized", "false")));
            darkTheme.set(Boolean.parseBoolean(p.getProperty("dark", "false")));
        } catch (IOException | RuntimeException unreadable) {
            // a damaged file only costs the placement
        }
    }

    public void save(Stage stage, boolean darkTheme) {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(stage.getX()));
        p.setProperty("y", Double.toString(stage.getY()));
        p.setProperty("width", Double.toString(stage.getWidth()));
        p.setProperty("height", Double.toString(stage.getHeight()));
        p.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        p.setProperty("dark", Boolean.toString(darkTheme));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "Rampart console window");
            }
        } catch (IOException e) {
            System.getLogger(WindowPlacement.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot remember the window placement in " + file, e);
        }
    }
}
