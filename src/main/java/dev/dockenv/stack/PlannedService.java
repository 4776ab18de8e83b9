package dev.dockenv.stack;

import dev.dockenv.config.PortMapping;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service of the stack as it will run: the user's settings over its preset (environment, data
 * volume, health check), host paths resolved, ports bound to 127.0.0.1 unless written otherwise.
 *
 * @param location where the service is declared (errors about it name that place)
 * @param healthcheck the check dockenv gives it (the user's, else its preset's); empty: none given
 * @param healthcheckDisabled {@code healthcheck = false}: not even the image's own check runs
 */
public record PlannedService(
        String name,
        SourceLocation location,
        String image,
        Optional<ServiceKind> kind,
        List<String> command,
        Map<String, StackValue> environment,
        List<PortMapping> ports,
        List<Mount> mounts,
        Optional<Healthcheck> healthcheck,
        boolean healthcheckDisabled,
        List<String> dependsOn) {

    public PlannedService {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        mounts = List.copyOf(mounts);
        dependsOn = List.copyOf(dependsOn);
    }

    /** What a service mounts. */
    public sealed interface Mount {
        String target();

        boolean readOnly();

        /** A named volume of the stack (compose prefixes it with the project's name). */
        record Volume(String name, String target, boolean readOnly) implements Mount {
        }

        /** A host folder or file, by its absolute path. */
        record Bind(Path source, String target, boolean readOnly) implements Mount {
        }
    }

    /**
     * How the engine tells that the service is ready. {@code shell}: the test is one command line
     * for the container's shell (CMD-SHELL), else an argv (CMD).
     */
    public record Healthcheck(List<String> test, boolean shell, Duration interval, Duration timeout, int retries,
            Duration startPeriod) {
        public Healthcheck {
            test = List.copyOf(test);
        }

        /**
         * How long a start may take before the engine calls the service unhealthy: the start
         * period, then every retry at its interval and timeout, and a margin.
         */
        public Duration patience() {
            return startPeriod.plus(interval.plus(timeout).multipliedBy(retries)).plusSeconds(10);
        }
    }
}
