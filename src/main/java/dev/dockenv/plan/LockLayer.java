package dev.dockenv.plan;

/**
 * Some of a lock's hash-pinned packages, installed in a build stage of their own ({@code stage},
 * from the derived requirements list {@code list}) into a prefix laid out like the virtualenv,
 * then merged into it with {@code COPY --from}. A stage's cache key is its list alone, so changing
 * one package rebuilds one layer: the others come from the build cache, as Jib's layers do.
 */
public record LockLayer(String stage, String list) {
}
