package dev.rampart.evidence;

/** The verdict on an evidence pack: intact, or the file that is wrong and how. */
public record PackCheck(boolean intact, String file, String problem, int files) {

    static PackCheck broken(String file, String problem) {
        return new PackCheck(false, file, problem, 0);
    }

    @Override
    public String toString() {
        return intact ? "Evidence pack intact: " + files + " files match the manifest and every event its hash"
                : "Evidence pack broken: " + file + ": " + problem;
    }
}
