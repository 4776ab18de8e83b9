package dev.dockenv.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How compose builds a service's image ({@code build:}): the context folder (relative to the compose
 * file's folder), the Dockerfile in it, the stage to stop at, build arguments (kept in order) and
 * the network of the build's RUN steps.
 *
 * <pre>{@code
 * Build.builder(".").target("dev").arg("PIP_INDEX_URL", "https://pypi.example/simple").network("host").build()
 * }</pre>
 */
public record Build(String context, Optional<String> dockerfile, Optional<String> target,
        Map<String, ComposeString> args, Optional<String> network) {

    public Build {
        ComposeChecks.notBlank("a build's context", context);
        dockerfile.ifPresent(d -> ComposeChecks.notBlank("a build's Dockerfile", d));
        target.ifPresent(t -> ComposeChecks.name("a build's target stage", t));
        args = ComposeChecks.ordered(args);
        args.forEach((name, value) -> ComposeChecks.oneLine("the build argument " + ComposeChecks.variable(
                "a build argument", name), value.text()));
        network.ifPresent(n -> ComposeChecks.name("a build's network", n));
    }

    public static Builder builder(String context) {
        return new Builder(context);
    }

    public static final class Builder {
        private final String context;
        private String dockerfile;
        private String target;
        private final Map<String, ComposeString> args = new LinkedHashMap<>();
        private String network;

        private Builder(String context) {
            this.context = Objects.requireNonNull(context);
        }

        public Builder dockerfile(String dockerfile) {
            this.dockerfile = Objects.requireNonNull(dockerfile);
            return this;
        }

        public Builder target(String target) {
            this.target = Objects.requireNonNull(target);
            return this;
        }

        /** A build argument taken literally. */
        public Builder arg(String name, String value) {
            return arg(name, ComposeString.literal(value));
        }

        public Builder arg(String name, ComposeString value) {
            if (args.putIfAbsent(Objects.requireNonNull(name), Objects.requireNonNull(value)) != null) {
                throw new IllegalArgumentException("the build argument " + name + " is given twice");
            }
            return this;
        }

        /** The network of the build's RUN steps, as {@code docker build --network} takes it ({@code host}). */
        public Builder network(String network) {
            this.network = Objects.requireNonNull(network);
            return this;
        }

        public Build build() {
            return new Build(context, Optional.ofNullable(dockerfile), Optional.ofNullable(target), args,
                    Optional.ofNullable(network));
        }
    }
}
