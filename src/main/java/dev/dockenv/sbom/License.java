package dev.dockenv.sbom;

/** What a package declares as its license. */
public sealed interface License {

    /** An SPDX license expression (core metadata 2.4 {@code License-Expression}). */
    record Expression(String expression) implements License {
    }

    /** A license named in free text (the {@code License} field, a trove classifier). */
    record Named(String name) implements License {
    }
}
