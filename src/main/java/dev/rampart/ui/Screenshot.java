package dev.rampart.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what a scene or node shows to a PNG file (README screenshots). Call on the FX thread. */
public final class Screenshot {
    private Screenshot() {
    }

    public static Path write(Scene scene, Path file) throws IOException {
        return writeImage(scene.snapshot(null), file);
    }

    public static Path write(Node node, Path file) throws IOException {
        return writeImage(node.snapshot(null, null), file);
    }

    private static Path writeImage(WritableImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("No PNG writer available");
        }
        return file;
    }
}
