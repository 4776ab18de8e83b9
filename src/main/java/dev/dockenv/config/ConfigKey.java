package dev.dockenv.config;

import java.util.Arrays;
import java.util.Optional;

/** The keys dockenv reads from its configuration table, with what each one takes. */
public enum ConfigKey {
    PYTHON("python", "a Python version such as \"3.11\""),
    BASE_IMAGE("base-image", "an image reference such as \"python:3.11-slim\""),
    APT("apt", "an array of Debian package names"),
    BUILD("build", "an array of shell commands run while building the environment"),
    PORTS("ports", "an array of ports: 8000, \"8080:8000\" or \"0.0.0.0:8000:8000\""),
    ENV("env", "a table of environment variables (strings)"),
    COMMAND("command", "the default command: an array of strings or one string"),
    INDEX_URL("index-url", "the package index URL (PEP 503 simple API)"),
    EXTRA_INDEX_URLS("extra-index-urls", "an array of extra package index URLs"),
    TRUSTED_HOSTS("trusted-hosts", "an array of hosts pip may reach without valid HTTPS"),
    EXTRAS("extras", "an array of the project's optional-dependency names to install"),
    REQUIREMENTS("requirements", "an array of requirements sets (a NAME of requirements_NAME.txt or "
            + "requirements/NAME.txt, or a file) to install in the base stage"),
    DEV_REQUIREMENTS("dev-requirements", "an array of requirements sets (a NAME of requirements_NAME.txt or "
            + "requirements/NAME.txt, or a file) to install in the dev stage"),
    BUILD_INPUTS("build-inputs", "an array of project files, folders or glob patterns (relative paths such as "
            + "\"native/greet.c\" or \"data/*.csv\") that build commands and postBuild read"),
    SERVICES("services", "a table of services beside the app: NAME = \"IMAGE\" or NAME = { image = ..., ports = [...], "
            + "env = {...}, command = ..., volumes = [...], healthcheck = ..., depends-on = [...] }"),
    DEPENDS_ON("depends-on", "an array of the services the app needs started (all of them when not written)"),
    APPS("apps", "a table of the repository's apps: [tool.dockenv.apps.NAME] with path, requirements, "
            + "dev-requirements, command, ports, depends-on, release and deploy"),
    RELEASE("release", "a table: repository = \"registry.example.com/team/shop\""),
    DEPLOY(DeploySettingReader.KEY, DeploySettingReader.EXPECTED);

    private final String key;
    private final String expected;

    ConfigKey(String key, String expected) {
        this.key = key;
        this.expected = expected;
    }

    public String key() {
        return key;
    }

    public String expected() {
        return expected;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
