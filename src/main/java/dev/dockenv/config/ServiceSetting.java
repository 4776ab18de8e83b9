package dev.dockenv.config;

import dev.dockenv.errors.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service beside the app, as written under {@code [tool.dockenv.services]}: {@code db =
 * "postgres:16"} or a table with {@code image}, {@code ports}, {@code env}, {@code command},
 * {@code volumes}, {@code healthcheck} and {@code depends-on}. Values are checked for form here
 * (an image reference, ports, variable names, volume specs); which presets apply and what the app
 * gets is for the stack planner to say.
 *
 * @param ports as written (parsed by {@link PortMapping}; bound to 127.0.0.1 unless an address is given)
 * @param healthcheck empty: the preset's (or none); present: the user's, or disabled
 * @param deploy {@code deploy = true}: {@code dockenv deploy compose} runs the service on the server too
 */
public record ServiceSetting(
        String name,
        SourceLocation location,
        String image,
        List<String> ports,
        Map<String, String> environment,
        List<String> command,
        List<VolumeSetting> volumes,
        Optional<HealthcheckSetting> healthcheck,
        List<NameReference> dependsOn,
        boolean deploy) {

    public ServiceSetting {
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
        volumes = List.copyOf(volumes);
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * The service's name as a part of variable names ({@code DOCKENV_SECRET_MY_DB},
     * {@code MY_DB_DATABASE_URL}): capitals, '-' as '_'. The settings reader refuses two services
     * whose names give the same part.
     */
    public String variableName() {
        return variableName(name);
    }

    static String variableName(String service) {
        return service.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** A service's mount: a named volume of the project, or a folder of the project (or an absolute host path). */
    public sealed interface VolumeSetting {
        String target();

        boolean readOnly();

        SourceLocation location();

        /** {@code NAME:/path}: a named volume, kept by {@code down}, removed by {@code down --volumes}. */
        record Named(String volume, String target, boolean readOnly, SourceLocation location) implements VolumeSetting {
        }

        /** {@code ./folder:/path} or {@code /abs:/path}: a host path, relative ones from the project root. */
        record Bind(String source, String target, boolean readOnly, SourceLocation location) implements VolumeSetting {
        }
    }

    /** A service's health check as the user writes it. */
    public sealed interface HealthcheckSetting {
        /** {@code healthcheck = false}: none, the service counts as ready once started. */
        record Disabled(SourceLocation location) implements HealthcheckSetting {
        }

        /**
         * A command: {@code shell} true for a string (run by the container's shell, compose's
         * CMD-SHELL), false for an array (exec form, CMD).
         */
        record Check(List<String> test, boolean shell, Optional<Duration> interval, Optional<Duration> timeout,
                Optional<Integer> retries, Optional<Duration> startPeriod, SourceLocation location)
                implements HealthcheckSetting {
            public Check {
                test = List.copyOf(test);
            }
        }
    }
}
