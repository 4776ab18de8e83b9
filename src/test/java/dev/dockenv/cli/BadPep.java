package dev.dockenv.cli;

import java.util.List;

/** Invalid PEP 508 requirements and PEP 440 versions in every place a format declares one. */
final class BadPep {
    private BadPep() {
    }

    /** Requirements that are not PEP 508 (with single quotes only, so every format can quote them). */
    static final List<String> REQUIREMENTS = List.of(
            "requests[", "requests[security", "requests[sec urity]", "requests (>=1.0", "requests >=1.0 <2",
            "requests ==", "requests; python_version", "requests; python_version >=",
            "requests; python_version >= '3.8' and", "requests; python_version >= '3.8",
            "requests; python_version ~ '3'", "requests; nonsense_var == '1'", "requests @", "_requests",
            "requests-", "re quests", "requests ~=1", "requests >=1.0.*", "requests ==1..0", "requests ==v",
            "requests ==1.0+", "requests <=>1", "requests;", "requests; os_name == 'a' or or 'b'",
            "requests ==1.0 ; python_version < '3.8' ; x");

    /** Versions that are not PEP 440, where a lock pins one. */
    static final List<String> VERSIONS = List.of("", "latest", "1..0", "1.0.", "1.0+", "*", "1.0 2", "==1.0", "1.0-",
            "0x10", "1.0+lo cal", "1.0.post.x");

    static void cases(List<BadInput> cases) {
        String g = "PEP 508";
        // requirements-dev.txt and constraints.txt, read by the same parser, take a few
        for (String r : REQUIREMENTS.subList(0, 5)) {
            cases.add(BadInput.of(g, "requirements-dev.txt: " + r, CorpusSeed.named("dev requirements"),
                    "-r requirements.txt\n" + r + "\n").at(2));
            cases.add(BadInput.of(g, "constraints.txt: " + r, CorpusSeed.named("requirements"), "constraints.txt",
                    "flask==2.0\n" + r + "\n").at(2));
        }
        for (String r : REQUIREMENTS) {
            cases.add(BadInput.of(g, "requirements.txt: " + r, CorpusSeed.named("requirements"),
                    "flask\n" + r + "\n").at(2));
            cases.add(BadInput.of(g, "[project] dependencies: " + r, CorpusSeed.named("pyproject"),
                    "[project]\nname = \"shop\"\nversion = \"1\"\ndependencies = [\n    \"flask\",\n    \"" + r
                            + "\",\n]\n").at(6));
            cases.add(BadInput.of(g, "[project.optional-dependencies]: " + r, CorpusSeed.named("pyproject"),
                    "[project]\nname = \"shop\"\nversion = \"1\"\n\n[project.optional-dependencies]\ntest = [\""
                            + r + "\"]\n").at(6));
            cases.add(BadInput.of(g, "[dependency-groups]: " + r, CorpusSeed.named("pyproject"),
                    "[project]\nname = \"shop\"\nversion = \"1\"\n\n[dependency-groups]\ndev = [\"" + r + "\"]\n")
                    .at(6));
            cases.add(BadInput.of(g, "[build-system] requires: " + r, CorpusSeed.named("pyproject"),
                    "[build-system]\nrequires = [\"" + r + "\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
                            + "[project]\nname = \"shop\"\nversion = \"1\"\n").at(2));
            cases.add(BadInput.of(g, "setup.py install_requires: " + r, CorpusSeed.named("setup.py"),
                    "from setuptools import setup\n\nsetup(\n    name=\"shop\",\n    install_requires=[\n        \""
                            + r + "\",\n    ],\n)\n").at(5)); // the keyword's line
            cases.add(BadInput.of(g, "setup.cfg install_requires: " + r, CorpusSeed.named("setup.cfg"),
                    "[metadata]\nname = shop\n\n[options]\ninstall_requires =\n    flask\n    " + r + "\n").at(7));
            cases.add(BadInput.of(g, "environment.yml pip: " + r, CorpusSeed.named("environment.yml"),
                    "name: shop\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n      - \"" + r + "\"\n").at(6));
            cases.add(BadInput.of(g, "pdm.lock dependencies: " + r, CorpusSeed.named("pdm.lock"),
                    CorpusSeed.PDM_LOCK.replace("\"idna<4,>=2.5\",", "\"" + r + "\",")).at(18));
        }
        String v = "PEP 440";
        for (String version : VERSIONS) {
            cases.add(BadInput.of(v, "pylock.toml version '" + version + "'", CorpusSeed.named("pylock.toml"),
                    CorpusSeed.PYLOCK.replace("version = \"3.6\"", "version = \"" + version + "\"")).at(15));
            cases.add(BadInput.of(v, "uv.lock version '" + version + "'", CorpusSeed.named("uv.lock"),
                    CorpusSeed.UV_LOCK.replace("version = \"3.6\"", "version = \"" + version + "\"")).at(7));
            cases.add(BadInput.of(v, "poetry.lock version '" + version + "'", CorpusSeed.named("poetry.lock"),
                    CorpusSeed.POETRY_LOCK.replace("version = \"3.6\"", "version = \"" + version + "\"")).at(17)
                    .lenient());
            cases.add(BadInput.of(v, "pdm.lock version '" + version + "'", CorpusSeed.named("pdm.lock"),
                    CorpusSeed.PDM_LOCK.replace("version = \"3.6\"", "version = \"" + version + "\"")).at(26));
            cases.add(BadInput.of(v, "Pipfile.lock version '==" + version + "'", CorpusSeed.named("Pipfile.lock"),
                    CorpusSeed.PIPFILE_LOCK.replace("\"==3.6\"", "\"==" + version + "\"")).at(16)
                    .exits(version.startsWith("==") ? new Integer[] {0, 4} : new Integer[] {4}));
            cases.add(BadInput.of(v, "Pipfile specifier '==" + version + "'", CorpusSeed.named("Pipfile"),
                    CorpusSeed.PIPFILE.replace("\"==2.31.0\"", "\"==" + version + "\"")).at(7));
            cases.add(BadInput.of(v, "[project] version '" + version + "'", CorpusSeed.named("pyproject"),
                    "[project]\nname = \"shop\"\nversion = \"" + version + "\"\n").at(3).lenient());
        }
    }
}
