/**
 * poetry: {@code [tool.poetry]} dependency declarations in pyproject.toml
 * ({@link dev.dockenv.lock.poetry.PoetryManifestReader}), poetry.lock
 * ({@link dev.dockenv.lock.poetry.PoetryLockReader}) and the content-hash that tells whether a lock
 * is stale ({@link dev.dockenv.lock.poetry.PoetryContentHash}). poetry's own constraint syntax is
 * converted to PEP 440 by {@link dev.dockenv.lock.poetry.PoetryConstraint}; poetry itself is never run.
 */
package dev.dockenv.lock.poetry;
