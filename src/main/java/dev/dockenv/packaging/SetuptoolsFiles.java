package dev.dockenv.packaging;

import java.util.Optional;

/**
 * setuptools' own configuration of a project, each file read and parsed once per scan (by
 * {@link PackagingFiles}) and passed on from there: no later step reads it again.
 *
 * @param setupCfg setup.cfg, when there is one and the backend is setuptools
 * @param setupPy  setup.py, when there is one and the backend is setuptools
 */
record SetuptoolsFiles(Optional<SetupCfg> setupCfg, Optional<SetupPy> setupPy) {
    /** What a project built by another backend has: its setup.cfg or setup.py is not read. */
    static final SetuptoolsFiles NONE = new SetuptoolsFiles(Optional.empty(), Optional.empty());
}
