package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The files every PEP 621 backend reads for the metadata: {@code [project]} readme, license file and
 * license-files; and poetry's {@code [tool.poetry]} readme.
 */
final class ProjectTableInputs {
    private ProjectTableInputs() {
    }

    static BuildInputs of(PackagingSources sources) {
        if (sources.doc().isEmpty()) {
            return BuildInputs.NONE;
        }
        TomlDocument d = sources.doc().get();
        BuildInputs.Builder found = BuildInputs.builder(sources.root());
        Object readme = d.root().get(List.of("project", "readme"));
        if (readme instanceof String s) {
            found.file(s);
        } else if (readme instanceof TomlTable t && t.get("file") instanceof String s) {
            found.file(s);
        }
        if (d.root().get(List.of("project", "license")) instanceof TomlTable t && t.get("file") instanceof String s) {
            found.file(s);
        }
        if (d.isArray(List.of("project", "license-files"))) {
            d.strings(List.of("project", "license-files"), "an array of glob patterns", false).forEach(found::glob);
        }
        Object poetryReadme = d.root().get(List.of("tool", "poetry", "readme"));
        if (poetryReadme instanceof String s) {
            found.file(s);
        } else if (poetryReadme instanceof TomlArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) instanceof String s) {
                    found.file(s);
                }
            }
        }
        return found.build();
    }
}
