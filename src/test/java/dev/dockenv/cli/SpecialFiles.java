package dev.dockenv.cli;

import java.util.List;

/**
 * Deep nesting, files that are not regular files, and files outside the project (issue 8,
 * campaign items 9 and 10): fixed on branch i8-specialfiles; their group is disabled until that
 * branch is merged.
 */
final class SpecialFiles {
    static final String FIXED_ELSEWHERE = "special files, deep nesting and outside paths (issue 8 items 9, 10)";

    private SpecialFiles() {
    }

    static void cases(List<BadInput> cases) {
        String g = "special files";
        CorpusSeed reqs = CorpusSeed.named("requirements");
        String deepList = "[".repeat(20_000) + "]".repeat(20_000);
        CorpusSeed setupPy = CorpusSeed.named("setup.py");
        cases.add(BadInput.of(g, "setup.py install_requires nested 20,000 lists deep", setupPy,
                "from setuptools import setup\nsetup(\n    name=\"shop\",\n    install_requires=" + deepList + ",\n)\n")
                .at(4));
        cases.add(BadInput.of(g, "setup.py a literal nested 20,000 dicts deep", setupPy,
                "from setuptools import setup\nsetup(\n    extras_require=" + "{'a': ".repeat(20_000) + "1"
                        + "}".repeat(20_000) + ",\n)\n").at(3));
        CorpusSeed env = CorpusSeed.named("environment.yml");
        cases.add(BadInput.of(g, "environment.yml a flow list nested 20,000 deep", env,
                "name: shop\ndependencies: " + deepList + "\n").at(2));
        StringBuilder block = new StringBuilder("name: shop\ndependencies:\n");
        for (int i = 0; i < 2_000; i++) {
            block.append(" ".repeat(i)).append("-\n"); // 20,000 levels would be 200 MB of indentation
        }
        cases.add(BadInput.of(g, "environment.yml block lists nested 2,000 deep", env, block.toString()).at(102)
                .exits(4));
        cases.add(BadInput.of(g, "pyproject.toml an array nested 20,000 deep", CorpusSeed.named("pyproject"),
                "[project]\nname = \"shop\"\nversion = \"1\"\ndependencies = " + deepList + "\n").at(4));
        cases.add(BadInput.of(g, "Pipfile.lock JSON nested 20,000 deep", CorpusSeed.named("Pipfile.lock"),
                "{\"default\": " + deepList + "}\n").at(1));
        cases.add(BadInput.of(g, "requirements.txt a dangling symlink", reqs, "")
                .content(new BadInput.Content.Link("missing.txt")).exits(4, 9));
        cases.add(BadInput.of(g, "requirements.txt a symlink loop", reqs, "")
                .content(new BadInput.Content.Link("requirements.txt")).exits(4, 9));
        cases.add(BadInput.of(g, "requirements.txt a FIFO", reqs, "").content(new BadInput.Content.Fifo())
                .exits(4, 9));
        cases.add(BadInput.of(g, "requirements.txt a folder", reqs, "").content(new BadInput.Content.Folder())
                .exits(4, 9));
        cases.add(BadInput.of(g, "requirements.txt a link to /dev/zero", reqs, "")
                .content(new BadInput.Content.Link("/dev/zero")).exits(4, 9));
        cases.add(BadInput.of(g, "requirements.txt a link to /etc/passwd", reqs, "")
                .content(new BadInput.Content.Link("/etc/passwd")).exits(4));
        cases.add(BadInput.of(g, "requirements-dev.txt a link to a file outside the project",
                CorpusSeed.named("dev requirements"), "").content(new BadInput.Content.Link("../../outside.txt"))
                .exits(4));
        cases.add(BadInput.of(g, "pyproject.toml a FIFO", CorpusSeed.named("pyproject"), "")
                .content(new BadInput.Content.Fifo()).exits(4, 9));
        cases.add(BadInput.of(g, ".python-version a link to /dev/zero", CorpusSeed.named(".python-version"), "")
                .content(new BadInput.Content.Link("/dev/zero")).exits(4, 9));
        cases.add(BadInput.of(g, "pylock.toml a directory package outside the project",
                CorpusSeed.named("pylock.toml"), """
                lock-version = "1.0"
                created-by = "hand"

                [[packages]]
                name = "etc"
                directory = {path = "/etc"}
                """).at(4));
        cases.add(BadInput.of(g, "requirements.txt -e of a folder outside the project", reqs, "-e /etc\n").at(1));
        cases.add(BadInput.of(g, "requirements.txt -r of a file outside the project", reqs,
                "-r /etc/passwd\n").at(1));
        cases.replaceAll(c -> c.group().equals(g) && c.disabled().isEmpty() ? c.disabled(FIXED_ELSEWHERE) : c);
    }
}
