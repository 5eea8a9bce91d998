package dev.rampart.ui.releases;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the person for a plan file to import, a file to export a plan to, and a folder for an evidence pack. Tests
 * replace it so no native dialog opens; a chooser written as a lambda answers only the import question, and
 * chooses nothing for the others.
 */
@FunctionalInterface
public interface PlanFileChooser {

    Optional<Path> choose(Window owner);

    /** Where to write a plan; the name's extension ({@code .json}, {@code .yaml}) says the format. */
    default Optional<Path> chooseExport(Window owner, String suggestedName) {
        return Optional.empty();
    }

    /** The folder to put an evidence pack in. */
    default Optional<Path> chooseEvidenceFolder(Window owner) {
        return Optional.empty();
    }

    /** The platform's dialogs; each reopens in the folder last used. */
    static PlanFileChooser system() {
        FileChooser open = new FileChooser();
        open.setTitle("Import a plan");
        open.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Plan files (*.json, *.yaml, *.yml)", "*.json", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        FileChooser save = new FileChooser();
        save.setTitle("Export the plan");
        save.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Rampart plan, JSON (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("Rampart plan, YAML (*.yaml)", "*.yaml", "*.yml"));
        DirectoryChooser folder = new DirectoryChooser();
        folder.setTitle("Export the evidence pack into a folder");
        return new PlanFileChooser() {
            @Override
            public Optional<Path> choose(Window owner) {
                File file = open.showOpenDialog(owner);
                if (file == null) {
                    return Optional.empty();
                }
                open.setInitialDirectory(file.getParentFile());
                return Optional.of(file.toPath());
            }

            @Override
            public Optional<Path> chooseExport(Window owner, String suggestedName) {
                save.setInitialFileName(suggestedName);
                File file = save.showSaveDialog(owner);
                if (file == null) {
                    return Optional.empty();
                }
                save.setInitialDirectory(file.getParentFile());
                String name = file.getName();
                if (!name.contains(".")) {
                    // Some platforms return the name as typed: the chosen filter says the format.
                    FileChooser.ExtensionFilter chosen = save.getSelectedExtensionFilter();
                    String ext = chosen == null ? "*.json" : chosen.getExtensions().get(0);
                    file = new File(file.getParentFile(), name + ext.substring(1));
                }
                return Optional.of(file.toPath());
            }

            @Override
            public Optional<Path> chooseEvidenceFolder(Window owner) {
                File dir = folder.showDialog(owner);
                if (dir == null) {
                    return Optional.empty();
                }
                folder.setInitialDirectory(dir);
                return Optional.of(dir.toPath());
            }
        };
    }
}
