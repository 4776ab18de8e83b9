package dev.dockenv.build;

/** How {@link EnvironmentBuilder#ensure} treats an image that already exists, and build flags. */
public record BuildOptions(boolean rebuild, boolean noCache, boolean pull) {
    public static BuildOptions ifMissing() {
        return new BuildOptions(false, false, false);
    }
}
