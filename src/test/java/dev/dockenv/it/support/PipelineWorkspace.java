package dev.dockenv.it.support;

/**
 * What the CI pipelines' tests run against: a workspace with the package index of the app wheels
 * (pytest among them), dockenv, the tests' registry, and dockenv's distribution served as the
 * pipelines download it. Close it to stop the server and remove the workspace.
 */
public final class PipelineWorkspace implements AutoCloseable {
    private final ItWorkspace ws;
    private final TestRegistry registry;
    private final DistributionServer dist;

    private PipelineWorkspace(ItWorkspace ws, TestRegistry registry, DistributionServer dist) {
        this.ws = ws;
        this.registry = registry;
        this.dist = dist;
    }

    public static PipelineWorkspace open(String prefix) {
        Docker.requireEngine();
        TestRegistry registry = TestRegistry.require();
        ItWorkspace ws = ItWorkspace.open(prefix, LocalPackageIndex.APP_WHEELS);
        try {
            return new PipelineWorkspace(ws, registry, DistributionServer.start());
        } catch (RuntimeException e) {
            ItWorkspace.closeIfOpened(ws);
            throw e;
        }
    }

    public ItWorkspace ws() {
        return ws;
    }

    public LocalPackageIndex index() {
        return ws.index();
    }

    public DockenvCli dockenv() {
        return ws.dockenv();
    }

    public TestRegistry registry() {
        return registry;
    }

    public DistributionServer dist() {
        return dist;
    }

    @Override
    public void close() {
        dist.close();
        ItWorkspace.closeIfOpened(ws);
    }

    /** Closes {@code workspace} when it was opened. */
    public static void closeIfOpened(PipelineWorkspace workspace) {
        if (workspace != null) {
            workspace.close();
        }
    }
}
