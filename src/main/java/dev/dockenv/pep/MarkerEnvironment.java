package dev.dockenv.pep;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values of the PEP 508 marker variables for one target interpreter and platform. */
public record MarkerEnvironment(
        String implementationName,
        String implementationVersion,
        String osName,
        String platformMachine,
        String platformPythonImplementation,
        String platformRelease,
        String platformSystem,
        String platformVersion,
        String pythonFullVersion,
        String pythonVersion,
        String sysPlatform,
        String extra) {

    /** The PEP 508 marker variable names, in the form this record answers them. */
    public static final List<String> VARIABLES = List.of(
            "implementation_name", "implementation_version", "os_name", "platform_machine",
            "platform_python_implementation", "platform_release", "platform_system", "platform_version",
            "python_full_version", "python_version", "sys_platform", "extra");

    private static final Pattern PYTHON_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[a-z0-9+.]*)");

    public MarkerEnvironment {
        Objects.requireNonNull(implementationName);
        Objects.requireNonNull(implementationVersion);
        Objects.requireNonNull(osName);
        Objects.requireNonNull(platformMachine);
        Objects.requireNonNull(platformPythonImplementation);
        Objects.requireNonNull(platformRelease);
        Objects.requireNonNull(platformSystem);
        Objects.requireNonNull(platformVersion);
        Objects.requireNonNull(pythonFullVersion);
        Objects.requireNonNull(pythonVersion);
        Objects.requireNonNull(sysPlatform);
        Objects.requireNonNull(extra);
    }

    /** CPython on x86_64 Linux (a python:X.Y image); {@code pythonFullVersion} is like {@code 3.11.7}. */
    public static MarkerEnvironment forLinux(String pythonFullVersion) {
        return forLinux(pythonFullVersion, "x86_64");
    }

    /**
     * CPython on Linux for the given machine ({@code x86_64}, {@code aarch64}). The kernel's
     * {@code platform_release} and {@code platform_version} are unknown and left empty.
     */
    public static MarkerEnvironment forLinux(String pythonFullVersion, String platformMachine) {
        Matcher m = PYTHON_VERSION.matcher(pythonFullVersion);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Python version: '" + pythonFullVersion + "'");
        }
        return new MarkerEnvironment("cpython", pythonFullVersion, "posix", platformMachine, "CPython",
                "", "Linux", "", pythonFullVersion, m.group(1) + "." + m.group(2), "linux", "");
    }

    /** The same environment with {@code extra} set (as when evaluating a dependency of an extra). */
    public MarkerEnvironment withExtra(String extra) {
        return new MarkerEnvironment(implementationName, implementationVersion, osName, platformMachine,
                platformPythonImplementation, platformRelease, platformSystem, platformVersion,
                pythonFullVersion, pythonVersion, sysPlatform, extra);
    }

    /** The value of a marker variable named as in {@link #VARIABLES}. */
    public String get(String variable) {
        return switch (variable) {
            case "implementation_name" -> implementationName;
            case "implementation_version" -> implementationVersion;
            case "os_name" -> osName;
            case "platform_machine" -> platformMachine;
            case "platform_python_implementation" -> platformPythonImplementation;
            case "platform_release" -> platformRelease;
            case "platform_system" -> platformSystem;
            case "platform_version" -> platformVersion;
            case "python_full_version" -> pythonFullVersion;
            case "python_version" -> pythonVersion;
            case "sys_platform" -> sysPlatform;
            case "extra" -> extra;
            default -> throw new IllegalArgumentException("unknown marker variable '" + variable + "'");
        };
    }
}
