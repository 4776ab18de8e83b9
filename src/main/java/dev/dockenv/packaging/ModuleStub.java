package dev.dockenv.packaging;

/**
 * A stand-in for one of the project's Python modules in the dev image's editable build: only the
 * top-level statements packaging reads from it (literal assignments such as
 * {@code __version__ = "1.2"}, the imports that bring such names, the docstring for flit). The dev
 * image is built from the packaging files alone, so its tag changes when these statements change,
 * not when the rest of the module does; the real module is mounted over it at run time.
 *
 * @param path    project-relative, '/'-separated
 * @param content the stub's Python source
 * @param reason  why the build reads the module (for messages)
 */
public record ModuleStub(String path, String content, String reason) {
}
