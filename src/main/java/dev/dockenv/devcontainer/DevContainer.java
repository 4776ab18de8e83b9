package dev.dockenv.devcontainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The part of the Development Container Specification's devcontainer.json that dockenv writes: a
 * container from a Docker Compose file (its service, the services started with it), the command
 * run on the host first, the workspace folder, the ports forwarded and VS Code's settings.
 * Immutable; made with {@link #builder}. {@link DevContainerJson} renders it.
 *
 * @param initializeCommand run on the host before anything else, as an argument list (no shell)
 * @param composeFiles {@code dockerComposeFile}, relative to the devcontainer.json's folder
 * @param runServices the services {@code up} starts ({@code service} first)
 * @param overrideCommand whether the service's command is replaced by one that keeps it running
 * @param updateRemoteUserUid whether the tools may build an image that moves the user to the host's uid
 * @param forwardPorts the container's ports forwarded to the host's localhost, with their labels
 * @param extensions VS Code extensions installed in the container
 * @param settings VS Code settings of the container, by key (strings, booleans)
 */
public record DevContainer(String name, List<String> initializeCommand, List<String> composeFiles, String service,
        List<String> runServices, String workspaceFolder, String shutdownAction, boolean overrideCommand,
        boolean updateRemoteUserUid, Map<Integer, String> forwardPorts, List<String> extensions,
        Map<String, Object> settings) {
    public DevContainer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(workspaceFolder, "workspaceFolder");
        Objects.requireNonNull(shutdownAction, "shutdownAction");
        initializeCommand = List.copyOf(initializeCommand);
        composeFiles = List.copyOf(composeFiles);
        runServices = List.copyOf(runServices);
        forwardPorts = java.util.Collections.unmodifiableMap(new TreeMap<>(forwardPorts));
        extensions = List.copyOf(extensions);
        for (Object v : settings.values()) {
            if (!(v instanceof String) && !(v instanceof Boolean)) {
                throw new IllegalArgumentException("a setting is a string or a boolean: " + v);
            }
        }
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        if (composeFiles.isEmpty()) {
            throw new IllegalArgumentException("a compose-based dev container names its compose file");
        }
        for (int port : forwardPorts.keySet()) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
        }
    }

    public static Builder builder(String name, String service) {
        return new Builder(name, service);
    }

    /** A builder; the workspace folder defaults to /app, shutdown to stopping the compose project. */
    public static final class Builder {
        private final String name;
        private final String service;
        private final List<String> initializeCommand = new ArrayList<>();
        private final List<String> composeFiles = new ArrayList<>();
        private final List<String> runServices = new ArrayList<>();
        private String workspaceFolder = "/app";
        private String shutdownAction = "stopCompose";
        private boolean overrideCommand = true;
        private boolean updateRemoteUserUid = true;
        private final Map<Integer, String> forwardPorts = new LinkedHashMap<>();
        private final List<String> extensions = new ArrayList<>();
        private final Map<String, Object> settings = new LinkedHashMap<>();

        private Builder(String name, String service) {
            this.name = name;
            this.service = service;
        }

        public Builder initializeCommand(List<String> argv) {
            initializeCommand.clear();
            initializeCommand.addAll(argv);
            return this;
        }

        public Builder composeFile(String path) {
            composeFiles.add(path);
            return this;
        }

        public Builder runService(String name) {
            if (!runServices.contains(name)) {
                runServices.add(name);
            }
            return this;
        }

        public Builder workspaceFolder(String folder) {
            workspaceFolder = folder;
            return this;
        }

        public Builder shutdownAction(String action) {
            shutdownAction = action;
            return this;
        }

        public Builder overrideCommand(boolean override) {
            overrideCommand = override;
            return this;
        }

        public Builder updateRemoteUserUid(boolean update) {
            updateRemoteUserUid = update;
            return this;
        }

        public Builder forwardPort(int port, Optional<String> label) {
            forwardPorts.put(port, label.orElse(""));
            return this;
        }

        public Builder extension(String id) {
            extensions.add(id);
            return this;
        }

        public Builder setting(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        public DevContainer build() {
            return new DevContainer(name, initializeCommand, composeFiles, service, runServices, workspaceFolder,
                    shutdownAction, overrideCommand, updateRemoteUserUid, forwardPorts, extensions, settings);
        }
    }
}
