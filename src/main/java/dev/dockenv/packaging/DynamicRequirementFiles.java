package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.ProjectFileCheck;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlTable;

/** The requirement files a {@code [tool.setuptools.dynamic]} entry names ({@code {file = ...}}). */
final class DynamicRequirementFiles {
    private DynamicRequirementFiles() {
    }

    /** Their requirement lines (each an error at its line when invalid); empty when the entry names no file. */
    static Optional<List<DeclaredRequirement>> read(PackagingSources sources, List<String> path) {
        Optional<TomlTable> table = sources.doc().flatMap(d -> d.table(path));
        if (table.isEmpty() || table.get().get("file") == null) {
            return Optional.empty();
        }
        TomlDocument d = sources.doc().get();
        List<String> filePath = new ArrayList<>(path);
        filePath.add("file");
        List<DeclaredRequirement> out = new ArrayList<>();
        for (String f : d.strings(filePath, "a file name or an array of them", true)) {
            Optional<String> inside = ProjectFiles.inside(sources.root(), f);
            if (inside.isEmpty()) {
                throw new InputException(d.locationOf(filePath), f + " is outside the project",
                        "setuptools reads only files inside the project folder");
            }
            Path file = sources.root().resolve(inside.get());
            if (!ProjectFileCheck.present(file)) {
                continue;
            }
            ProjectFileCheck.checkInProject(sources.root(), file);
            List<String> lines = sources.files().reader().read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(SetupCfgReader.validated(line, new SourceLocation(file, i + 1, 1)));
                }
            }
        }
        return Optional.of(out);
    }
}
