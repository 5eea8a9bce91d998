package dev.rampart.evidence;

/**
 * The verdict on an evidence pack: intact, or the file (or event) that is wrong and how; and who signed it.
 *
 * @param signedBy "alice with key SHA256:…" when the signature verifies; null otherwise
 */
public record PackCheck(boolean intact, String file, String problem, int files, String signedBy) {

    public PackCheck(boolean intact, String file, String problem, int files) {
        this(intact, file, problem, files, null);
    }

    static PackCheck broken(String file, String problem) {
        return new PackCheck(false, file, problem, 0, null);
    }

    @Override
    public String toString() {
        return intact ? "Evidence pack intact: " + files + " files match what " + signedBy + " signed, and every event"
                + " its hash"
                : "Evidence pack broken: " + file + ": " + problem;
    }
}
