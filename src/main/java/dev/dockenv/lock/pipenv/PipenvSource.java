package dev.dockenv.lock.pipenv;

import dev.dockenv.errors.SourceLocation;

/**
 * A package index as pipenv names it: a Pipfile {@code [[source]]} table or one entry of
 * Pipfile.lock {@code _meta.sources}. Packages refer to it by {@code name} ({@code index = "name"}).
 *
 * @param url       as written: pipenv expands {@code ${VAR}} references in it only when it installs
 * @param verifySsl false when pip must trust the host without TLS verification
 * @param location  where the source is written
 */
public record PipenvSource(String name, String url, boolean verifySsl, SourceLocation location) {
}
