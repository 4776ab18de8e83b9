/**
 * The project as an installable Python distribution, read without running anything: whether pip
 * can build it (a pyproject.toml {@code [build-system]}, or a setup.py), with which PEP 517
 * backend, and which of its files the build reads ({@link dev.dockenv.packaging.PackagingScanner}
 * yields a {@link dev.dockenv.packaging.PackagingProject}). setup.cfg is read as setuptools reads
 * it ({@link dev.dockenv.packaging.IniFile}, configparser's rules); setup.py and version modules
 * are tokenized ({@link dev.dockenv.packaging.PythonTokens}) and only their literals are taken.
 * What only running them would tell stays unknown and is left to the image's build.
 */
package dev.dockenv.packaging;
