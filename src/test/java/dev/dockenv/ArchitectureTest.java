package dev.dockenv;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.dockenv.cli.Main;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package structure of dockenv, held by the build: the layers (a class uses its own layer and
 * the layers below, never one above), no cycles between packages, and the engine as the only
 * place that starts processes or talks to the Docker engine's socket.
 *
 * <p>Only dockenv's production classes are checked (the classes output of src/main/java, without
 * picocli, which is compiled into the same folder, and without test classes).
 */
class ArchitectureTest {

    /**
     * A layer: its name, what it holds, and its packages (ArchUnit package patterns: {@code a.b} is
     * that package alone, {@code a.b..} is a.b and all its subpackages).
     */
    record Layer(String name, String holds, List<String> packages) {
        Layer(String name, String holds, String... packages) {
            this(name, holds, List.of(packages));
        }

        boolean contains(String packageName) {
            return packages.stream().anyMatch(p -> PackageMatcher.of(p).matches(packageName));
        }
    }

    /**
     * THE layer table, bottom to top. A class may depend on classes of its own layer and of the
     * layers below it, never on a layer above. Every production package of dev.dockenv is in
     * exactly one layer: a new package goes into this table (and docs/architecture.md) first.
     */
    static final List<Layer> LAYERS = List.of(
            new Layer("foundation", "errors and exit codes, file and hashing helpers",
                    "dev.dockenv.errors", "dev.dockenv.io"),
            new Layer("values", "requirements, markers and names (PEPs), Python versions",
                    "dev.dockenv.pep", "dev.dockenv.python"),
            new Layer("formats", "readers and typed models of single file formats",
                    "dev.dockenv.config", "dev.dockenv.deps", "dev.dockenv.dockerfile", "dev.dockenv.compose", "dev.dockenv.context",
                    "dev.dockenv.pyproject", "dev.dockenv.packaging", "dev.dockenv.script", "dev.dockenv.lock..",
                    "dev.dockenv.k8s", "dev.dockenv.yaml", "dev.dockenv.devcontainer", "dev.dockenv.ci"),
            new Layer("project", "locating and scanning a project into the immutable model",
                    "dev.dockenv.project"),
            new Layer("decision", "what installs the environment, what the prod image starts",
                    "dev.dockenv.decision", "dev.dockenv.start"),
            new Layer("planning",
                    "the environment plan and its Dockerfile, rendered files, docker run arguments, dependency edits, the SBOM",
                    "dev.dockenv.plan", "dev.dockenv.render", "dev.dockenv.run", "dev.dockenv.edit", "dev.dockenv.stack",
                    "dev.dockenv.sbom", "dev.dockenv.deploy", "dev.dockenv.ide", "dev.dockenv.pipeline"),
            new Layer("engine", "the Docker engine and the processes it starts",
                    "dev.dockenv.engine", "dev.dockenv.vcs"),
            new Layer("operations", "operations on the engine and the cache",
                    "dev.dockenv.build", "dev.dockenv.resolve", "dev.dockenv.cache", "dev.dockenv.services",
                    "dev.dockenv.release"),
            new Layer("commands", "the command line",
                    "dev.dockenv.cli"));

    /** The one package allowed to start processes and to open the Docker engine's socket. */
    private static final String ENGINE = "dev.dockenv.engine";

    private static final JavaClasses CLASSES = importProductionClasses();

    private static JavaClasses importProductionClasses() {
        String productionOutput;
        try {
            productionOutput = Main.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        // DoNotIncludeTests knows target/test-classes; the location filter also holds with -Dbuild.dir=elsewhere.
        // Classes outside dev.dockenv (the JDK, libraries, picocli) are not imported, only named as
        // dependency targets: the rules need their names alone, and importing them costs seconds.
        return ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> location.asURI().toString().startsWith(productionOutput))
                    .importPackages("dev.dockenv");
        });
    }

    private static final String LAYERS_BECAUSE = "dockenv's packages are layered (the table LAYERS in "
            + "src/test/java/dev/dockenv/ArchitectureTest.java, quoted in docs/architecture.md): a class may use "
            + "its own layer and the layers below it, never a layer above, so that each layer can be read, tested "
            + "and changed without the layers that use it. Fix: move the class into the layer it belongs to, move "
            + "what it needs down, or have the caller above pass it in";

    @Test
    void importsDockenvsProductionClassesOnly() {
        if (!CLASSES.contain(Main.class)) {
            fail("ArchitectureTest imported no production classes of dev.dockenv (is Main's classes folder on the "
                    + "test class path?): its rules would hold vacuously");
        }
        List<String> foreign = CLASSES.stream()
                .filter(c -> !c.getPackageName().startsWith("dev.dockenv.") || c.getSimpleName().endsWith("Test")
                        || c.getSimpleName().endsWith("IT"))
                .map(JavaClass::getName).sorted().toList();
        if (!foreign.isEmpty()) {
            fail("ArchitectureTest must see dockenv's production classes only, but imported: " + foreign);
        }
    }

    @Test
    void everyPackageIsInExactlyOneLayer() {
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        List<String> inNoLayer = new ArrayList<>();
        Map<String, List<String>> inSeveral = new TreeMap<>();
        for (String pkg : packages) {
            List<String> layers = LAYERS.stream().filter(l -> l.contains(pkg)).map(Layer::name).toList();
            if (layers.isEmpty()) {
                inNoLayer.add(pkg);
            } else if (layers.size() > 1) {
                inSeveral.put(pkg, layers);
            }
        }
        StringBuilder message = new StringBuilder();
        if (!inNoLayer.isEmpty()) {
            message.append("these packages are in no layer: ").append(inNoLayer).append(". Every package of "
                    + "dev.dockenv belongs to exactly one layer, so that the layer rule covers all the code: add "
                    + "the package to the layer it belongs to in ArchitectureTest.LAYERS (and docs/architecture.md), "
                    + "or move its classes into an existing package.\n");
        }
        if (!inSeveral.isEmpty()) {
            message.append("these packages are in more than one layer of ArchitectureTest.LAYERS: ").append(inSeveral)
                    .append(". Keep each package in one layer only.\n");
        }
        if (message.length() > 0) {
            fail(message.toString().strip());
        }
    }

    /** One test per layer: its classes depend on no layer above it. */
    @TestFactory
    Stream<DynamicTest> eachLayerDependsOnlyOnItselfAndTheLayersBelow() {
        return IntStream.range(0, LAYERS.size() - 1).mapToObj(i -> {
            Layer layer = LAYERS.get(i);
            List<Layer> above = LAYERS.subList(i + 1, LAYERS.size());
            String title = "layer " + (i + 1) + " " + layer.name();
            String aboveText = IntStream.range(i + 1, LAYERS.size())
                    .mapToObj(j -> (j + 1) + " " + LAYERS.get(j).name() + " " + LAYERS.get(j).packages())
                    .collect(Collectors.joining(", "));
            ArchRule rule = noClasses()
                    .that().resideInAnyPackage(layer.packages().toArray(String[]::new))
                    .should().dependOnClassesThat().resideInAnyPackage(
                            above.stream().flatMap(l -> l.packages().stream()).toArray(String[]::new))
                    .as("classes of " + title + " " + layer.packages()
                            + " should not depend on the layers above it: " + aboveText)
                    .because(LAYERS_BECAUSE)
                    .allowEmptyShould(true); // a layer's package may not exist (yet)
            return DynamicTest.dynamicTest(title + " depends only on itself and the layers below", () -> rule.check(CLASSES));
        });
    }

    @Test
    void noCyclesBetweenPackages() {
        // One back-edge low in the layers closes a cycle through every path above it: show the
        // first cycles with a few dependencies each, which is enough to find the edge.
        // The rule fails whenever there is a cycle, but ArchUnit (1.3 to 1.5.1 at least) may list the
        // cycles of only one group of entangled packages when there are several separate groups:
        // after fixing those, run it again.
        ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setProperty("cycles.maxNumberToDetect", "10");
            configuration.setProperty("cycles.maxNumberOfDependenciesPerEdge", "3");
            slices().matching("dev.dockenv.(**)").namingSlices("package dev.dockenv.$1")
                    .should().beFreeOfCycles()
                    .as("the packages of dev.dockenv (each subpackage a package of its own) should be free of cycles")
                    .because("a cycle between packages ties them together: none can be understood, tested or moved "
                            + "without the others, and the layer order stops meaning anything. Fix: move the class "
                            + "that closes the cycle to the package (or layer) it belongs to, or turn the dependency "
                            + "around by passing the value in from above. When a layer test fails too, fix that "
                            + "first: its edge is the one to remove")
                    .check(CLASSES);
        });
    }

    /**
     * No exception today, not even cli: the commands' final {@code docker run} (cli.ExecHandoff)
     * goes through engine.ProcessRunner, and under bin/dockenv the launcher execs it, not the JVM.
     */
    @Test
    void onlyTheEngineStartsProcesses() {
        DescribedPredicate<JavaMethodCall> runtimeExec = DescribedPredicate.describe("Runtime.exec(..)",
                call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec"));
        noClasses()
                .that().resideOutsideOfPackage(ENGINE)
                .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .orShould().callMethodWhere(runtimeExec)
                .as("only " + ENGINE + " should start processes (java.lang.ProcessBuilder, Runtime.exec)")
                .because("starting the docker client (or any other program) is the engine's job: everything else "
                        + "asks engine.Engine or engine.ProcessRunner, so that it can be tested against an in-memory "
                        + "engine (FakeEngine) and the environment, the docker binary and errors are handled in one "
                        + "place. Fix: go through engine.ProcessRunner or add the operation to engine.Engine")
                .check(CLASSES);
    }

    @Test
    void onlyTheEngineTalksToTheDockerSocket() {
        noClasses()
                .that().resideOutsideOfPackage(ENGINE)
                .should().dependOnClassesThat().belongToAnyOf(UnixDomainSocketAddress.class, SocketChannel.class, Socket.class)
                .as("only " + ENGINE + " should open sockets to the Docker engine (UnixDomainSocketAddress, "
                        + "SocketChannel, Socket)")
                .because("the Docker engine is reached in one place (engine.DockerCli, engine.LocalEngineSocket), "
                        + "which honours DOCKER_HOST and the docker contexts, and which FakeEngine stands in for in "
                        + "tests. Fix: add the operation to engine.Engine")
                .check(CLASSES);
    }
}
