package dev.dockenv.plan;

import dev.dockenv.dockerfile.Instruction.Copy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The COPY steps that bring an install's dependency files into the image before it runs pip. In
 * the build contexts dockenv assembles, the files (requirements and constraints files, however
 * many {@code -r} lines chain or fan out, in any folders) come in one COPY of a
 * {@link DependencyFolder}, and every other path (a local package's folder, a find-links folder)
 * in a COPY of its own. A layer per file passed the storage driver's limit on layers (about 125
 * with overlay2: "max depth exceeded") with a few hundred includes, and a COPY of many sources
 * fails in BuildKit 0.8 (Docker 20.10: "flightcontrol: exceeded retry timeout" with 50 sources, 20
 * pass), where a folder copies in one action. The install's cache is kept: any of its files
 * changing re-runs it, and only it. A Dockerfile for the project folder itself ({@code dockenv
 * init}'s) copies each path on its own.
 */
final class DependencyCopies {
    private DependencyCopies() {
    }

    /** The folder of the {@code index}th (from 1) install of {@code stage}, when it copies more than one file. */
    static Optional<DependencyFolder> folder(String stage, int index, StageInstall install) {
        if (!(install instanceof StageInstall.Declared declared) || !install.runsPip()) {
            return Optional.empty();
        }
        return folder(stage + "-" + index, declared.copies(), declared.singleFiles());
    }

    /** The folder {@code name} of the files among {@code copies}, when there is more than one. */
    static Optional<DependencyFolder> folder(String name, List<String> copies, Set<String> singleFiles) {
        List<String> files = copies.stream().filter(singleFiles::contains).toList();
        return files.size() < 2 ? Optional.empty()
                : Optional.of(new DependencyFolder(DependencyFolder.CONTEXT_FOLDER + name, files));
    }

    /** The folders of the installs of {@code stage}, in order. */
    static List<DependencyFolder> folders(String stage, List<StageInstall> installs) {
        List<DependencyFolder> out = new ArrayList<>();
        for (int i = 0; i < installs.size(); i++) {
            folder(stage, i + 1, installs.get(i)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The COPY instructions for {@code paths} (project-relative, in the order the install reads
     * them): the folder's files in one step when the context is dockenv's own, then the other paths.
     *
     * @param prefix          where the project is in the build context ("" when it is the context)
     * @param destinationRoot where the project's paths go in the image: "" for the working
     *                        directory, else an absolute folder
     */
    static List<Copy> of(Optional<DependencyFolder> folder, List<String> paths, String prefix, String destinationRoot) {
        List<Copy> copies = new ArrayList<>();
        List<String> inFolder = List.of();
        if (folder.isPresent() && !prefix.isEmpty()) {
            inFolder = folder.get().files();
            copies.add(new Copy(List.of(folder.get().path() + "/"), destinationRoot.isEmpty() ? "./" : destinationRoot + "/",
                    Optional.empty(), Optional.empty()));
        }
        for (String path : paths) {
            if (!inFolder.contains(path)) {
                copies.add(Copy.of(prefix + path, destinationRoot.isEmpty() ? path : destinationRoot + "/" + path));
            }
        }
        return copies;
    }
}
