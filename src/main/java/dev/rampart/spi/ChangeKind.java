package dev.rampart.spi;

/** The kinds of change a {@link DeploymentAdapter} makes, for {@link DeploymentAdapter#harmlessToRepeat}. */
public enum ChangeKind {
    /** {@link DeploymentAdapter#applyTraffic}: a traffic split. */
    TRAFFIC,
    /** {@link DeploymentAdapter#promote}: everything on the new version. */
    PROMOTE,
    /** {@link DeploymentAdapter#rollback}: everything back on the previous version. */
    ROLLBACK,
    /** {@link DeploymentAdapter#rollbackStep}: one of the plan's rollback steps. */
    ROLLBACK_STEP
}
