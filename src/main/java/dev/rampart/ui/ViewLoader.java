package dev.rampart.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/** Loads a view from {@code /fxml/...}, its controller made by the {@link ControllerFactory}. */
public final class ViewLoader {
    private final ControllerFactory controllers;

    public ViewLoader(ControllerFactory controllers) {
        this.controllers = Objects.requireNonNull(controllers);
    }

    /** @param fxml a class-path resource such as {@code /fxml/releases/ReleasesView.fxml} */
    public Parent load(String fxml) {
        URL url = ViewLoader.class.getResource(fxml);
        if (url == null) {
            throw new IllegalArgumentException("No view at " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + fxml, e);
        }
    }
}
