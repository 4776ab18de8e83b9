package dev.dockenv.resolve;

import dev.dockenv.pep.MarkerEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The interpreter and platform a lock is resolved for (the base image's CPython on Linux): its
 * marker values and the wheel tags it installs, in pip's order of preference, as
 * {@code packaging.tags.sys_tags()} computes them for CPython on a glibc (manylinux) or musl
 * (musllinux) Linux.
 *
 * @param glibc the C library's version when it is glibc ({@code 2.36}); {@code musl} when it is musl
 */
public record TargetPlatform(MarkerEnvironment markers, Optional<String> glibc, Optional<String> musl) {

    /** The supported tags, most preferred first. */
    public List<String> tags() {
        String[] pv = markers.pythonVersion().split("\\.");
        int major = Integer.parseInt(pv[0]);
        int minor = Integer.parseInt(pv[1]);
        String arch = markers.platformMachine();
        List<String> platforms = platforms(arch);
        String cp = "cp" + major + minor;
        Set<String> tags = new LinkedHashSet<>();
        for (String p : platforms) {
            tags.add(cp + "-" + cp + "-" + p);
        }
        for (String p : platforms) {
            tags.add(cp + "-abi3-" + p);
        }
        for (String p : platforms) {
            tags.add(cp + "-none-" + p);
        }
        for (int m = minor - 1; m >= 2 && major == 3; m--) {
            for (String p : platforms) {
                tags.add("cp" + major + m + "-abi3-" + p);
            }
        }
        // compatible tags: pure Python for this platform, then for any
        List<String> pythons = new ArrayList<>(List.of("py" + major + minor, "py" + major));
        for (int m = minor - 1; m >= 0; m--) {
            pythons.add("py" + major + m);
        }
        for (String py : pythons) {
            for (String p : platforms) {
                tags.add(py + "-none-" + p);
            }
        }
        tags.add(cp + "-none-any");
        for (String py : pythons) {
            tags.add(py + "-none-any");
        }
        return List.copyOf(tags);
    }

    /** manylinux_2_N (and the legacy aliases) or musllinux_1_N, newest first, then linux_ARCH. */
    private List<String> platforms(String arch) {
        List<String> out = new ArrayList<>();
        if (glibc.isPresent()) {
            int[] v = majorMinor(glibc.get());
            int oldest = arch.equals("x86_64") || arch.equals("i686") ? 5 : 17;
            if (v[0] == 2) {
                for (int m = v[1]; m >= oldest; m--) {
                    out.add("manylinux_2_" + m + "_" + arch);
                    if (m == 17 && List.of("x86_64", "i686", "aarch64", "armv7l", "ppc64", "ppc64le", "s390x")
                            .contains(arch)) {
                        out.add("manylinux2014_" + arch);
                    }
                    if (m == 12 && (arch.equals("x86_64") || arch.equals("i686"))) {
                        out.add("manylinux2010_" + arch);
                    }
                    if (m == 5 && (arch.equals("x86_64") || arch.equals("i686"))) {
                        out.add("manylinux1_" + arch);
                    }
                }
            }
        } else if (musl.isPresent()) {
            int[] v = majorMinor(musl.get());
            for (int m = v[1]; m >= 0; m--) {
                out.add("musllinux_" + v[0] + "_" + m + "_" + arch);
            }
        }
        out.add("linux_" + arch);
        return out;
    }

    private static int[] majorMinor(String version) {
        String[] parts = version.split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0};
        } catch (NumberFormatException e) {
            return new int[] {0, 0};
        }
    }
}
