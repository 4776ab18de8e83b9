package dev.dockenv.compose;

/** When a service that another depends on counts as ready ({@code depends_on: {db: {condition: ...}}}). */
public enum Condition {
    /** The container has started. */
    SERVICE_STARTED("service_started"),
    /** The container's health check reports healthy. */
    SERVICE_HEALTHY("service_healthy"),
    /** The container has run to completion with exit code 0. */
    SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

    private final String composeName;

    Condition(String composeName) {
        this.composeName = composeName;
    }

    /** The condition as written in the file. */
    public String composeName() {
        return composeName;
    }
}
