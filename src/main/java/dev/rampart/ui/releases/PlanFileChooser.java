package dev.rampart.ui.releases;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the person for a plan file to import. Tests replace it so no native dialog opens. */
@FunctionalInterface
public interface PlanFileChooser {

    Optional<Path> choose(Window owner);

    /** The platform's open dialog for JSON and YAML plans; it reopens in the folder last used. */
    static PlanFileChooser system() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a plan");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Plan files (*.json, *.yaml, *.yml)", "*.json", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return owner -> {
            File file = chooser.showOpenDialog(owner);
            if (file == null) {
                return Optional.empty();
            }
            chooser.setInitialDirectory(file.getParentFile());
            return Optional.of(file.toPath());
        };
    }
}
