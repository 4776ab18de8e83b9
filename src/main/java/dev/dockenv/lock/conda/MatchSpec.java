package dev.dockenv.lock.conda;

import dev.dockenv.errors.SourceLocation;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One conda dependency of an environment file, in conda's MatchSpec syntax: {@code numpy},
 * {@code numpy=1.26}, {@code numpy>=1.20,<2}, {@code conda-forge::numpy},
 * {@code numpy=1.26=py311h*}, {@code numpy 1.26.* py311*}, {@code numpy[version='>=1.20']}.
 *
 * @param channel  the channel before {@code ::} (a name such as conda-forge, with an optional
 *                 {@code /subdir}, or a URL), or from {@code [channel=...]}
 * @param name     the package name as written
 * @param version  the version spec without blanks, as written ({@code =1.26}, {@code >=1.20,<2})
 * @param build    the build string, possibly with {@code *} wildcards ({@code py311h*})
 * @param text     the dependency as written in the file
 * @param location where it is written
 */
public record MatchSpec(Optional<String> channel, String name, Optional<String> version, Optional<String> build,
        String text, SourceLocation location) {

    public MatchSpec {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(build);
        Objects.requireNonNull(text);
        Objects.requireNonNull(location);
    }

    /**
     * Parses and validates {@code text}; errors are {@link dev.dockenv.errors.InputException}s
     * at {@code at} plus the column of the problem inside the text.
     */
    public static MatchSpec parse(String text, SourceLocation at) {
        return MatchSpecParser.parse(text, at);
    }

    /** conda compares package names case-insensitively. */
    public String normalizedName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** True for the {@code python} package itself. */
    public boolean isPython() {
        return normalizedName().equals("python");
    }

    /** True for the {@code pip} package itself. */
    public boolean isPip() {
        return normalizedName().equals("pip");
    }

    @Override
    public String toString() {
        return text;
    }
}
