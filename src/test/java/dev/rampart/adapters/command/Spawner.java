package dev.rampart.adapters.command;

/** A child JVM for the process-tree test: starts a grandchild that sleeps, says its pid, then hangs itself. */
public final class Spawner {
    private Spawner() {
    }

    public static void main(String[] args) throws Exception {
        Process grandchild = new ProcessBuilder("/bin/sleep", "600").inheritIO().start();
        System.out.println("grandchild=" + grandchild.pid());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
