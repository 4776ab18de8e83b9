package dev.dockenv.packaging;

import dev.dockenv.errors.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packaging files in a project's folder (pyproject.toml, setup.py, setup.cfg, MANIFEST.in) and
 * the one place setup.cfg and setup.py are read. pyproject.toml comes parsed from the caller;
 * MANIFEST.in is only listed (the build reads it, dockenv does not).
 */
final class PackagingFiles {
    static final String PYPROJECT_TOML = "pyproject.toml";
    static final String SETUP_PY = "setup.py";
    static final String SETUP_CFG = "setup.cfg";
    static final String MANIFEST_IN = "MANIFEST.in";

    private final Path root;
    private final ProjectFileReader reader;
    private final List<String> present;

    private PackagingFiles(Path root, ProjectFileReader reader, List<String> present) {
        this.root = root;
        this.reader = reader;
        this.present = List.copyOf(present);
    }

    /** The packaging files present in {@code root}, their text to be read through {@code reader}. */
    static PackagingFiles in(Path root, ProjectFileReader reader) {
        List<String> present = new ArrayList<>();
        for (String file : List.of(PYPROJECT_TOML, SETUP_PY, SETUP_CFG, MANIFEST_IN)) {
            if (Files.isRegularFile(root.resolve(file))) {
                present.add(file);
            }
        }
        return new PackagingFiles(root, reader, present);
    }

    Path root() {
        return root;
    }

    ProjectFileReader reader() {
        return reader;
    }

    boolean hasSetupPy() {
        return present.contains(SETUP_PY);
    }

    boolean hasSetupCfg() {
        return present.contains(SETUP_CFG);
    }

    /** The lines "detected" starts with: setup.py and setup.cfg when present. */
    List<String> detected() {
        return present.stream().filter(f -> f.equals(SETUP_PY) || f.equals(SETUP_CFG)).toList();
    }

    /** The packaging files the backend's build reads: pyproject.toml, and for setuptools the others too. */
    List<String> readBy(BuildBackend backend) {
        return backend.isSetuptools() ? present : present.stream().filter(PYPROJECT_TOML::equals).toList();
    }

    /** setup.cfg and setup.py, those present, for a project setuptools builds: an error in either is an error at its line. */
    SetuptoolsFiles setuptools() {
        Optional<SetupCfg> setupCfg = hasSetupCfg() ? Optional.of(readSetupCfg()) : Optional.empty();
        Optional<SetupPy> setupPy = hasSetupPy() ? Optional.of(readSetupPy()) : Optional.empty();
        return new SetuptoolsFiles(setupCfg, setupPy);
    }

    /** setup.cfg when it names the distribution ([metadata] name); an unreadable one does not. */
    Optional<SetupCfg> setupCfgNamingTheProject() {
        if (!hasSetupCfg()) {
            return Optional.empty();
        }
        try {
            return Optional.of(readSetupCfg()).filter(cfg -> cfg.name().isPresent());
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    private SetupCfg readSetupCfg() {
        Path file = root.resolve(SETUP_CFG);
        return SetupCfgReader.read(root, IniFile.parse(file, reader.read(file)));
    }

    private SetupPy readSetupPy() {
        Path file = root.resolve(SETUP_PY);
        return SetupPyReader.read(file, reader.read(file));
    }
}
