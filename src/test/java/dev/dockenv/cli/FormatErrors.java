package dev.dockenv.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Each format's characteristic errors, written by hand, and the readers' own malformed fixtures. */
final class FormatErrors {
    private FormatErrors() {
    }

    static void cases(List<BadInput> cases) {
        config(cases);
        pythonVersions(cases);
        conflicts(cases);
        requirements(cases);
        pyproject(cases);
        poetry(cases);
        setuptools(cases);
        pipfile(cases);
        locks(cases);
        hashes(cases);
        conda(cases);
        fixtures(cases);
        fuzzed(cases);
    }

    /** Inputs ReaderFuzzTest found that crashed a reader (exit 1), minimised; each fixed. */
    private static void fuzzed(List<BadInput> cases) {
        String g = "fuzz regressions";
        cases.add(BadInput.of(g, "requirements-dev.txt -r of a path with a NUL byte", CorpusSeed.named("dev requirements"),
                "requirements-dev.txt", new byte[] {'-', 'r', 0}).at(1));
        // pip reads "[/" as a path (it holds a slash); not a glob of the build context
        cases.add(BadInput.of(g, "requirements.txt a line '[/'", CorpusSeed.named("requirements"), "[/").lenient());
        cases.add(BadInput.of(g, "requirements-dev.txt a local path with a NUL byte", CorpusSeed.named("dev requirements"),
                "requirements-dev.txt", new byte[] {0, '/'}).at(1));
        cases.add(BadInput.of(g, ".python-version 3.9999999999", CorpusSeed.named(".python-version"), "3.9999999999")
                .at(1));
        cases.add(BadInput.of(g, "uv.lock a wheel URL with a '%' that starts no escape", CorpusSeed.named("uv.lock"),
                CorpusSeed.UV_LOCK.replace("packages/idna-3.6-py3-none-any.whl", "packages/idna%-3.6-")).lenient());
        cases.add(BadInput.of(g, "setup.cfg packages with a NUL byte", CorpusSeed.named("setup.cfg"), "setup.cfg",
                "[a]\n[options]\npackages=\u0000".getBytes(java.nio.charset.StandardCharsets.UTF_8)).lenient());
        cases.add(BadInput.of(g, "setup.cfg a section named by a NUL byte", CorpusSeed.named("setup.cfg"), "setup.cfg",
                "[\u0000]\nt=".getBytes(java.nio.charset.StandardCharsets.UTF_8)).lenient());
        // tomlj asserts on it internally (off outside tests: pom.xml's surefire argLine turns them off too)
        cases.add(BadInput.of(g, "pyproject.toml a header cut by a comment and a control byte",
                CorpusSeed.named("[tool.poetry]"), "pyproject.toml", new byte[] {'[', 'c', '#', 0x1C}).at(1));
        cases.add(BadInput.of(g, "setup.py an import of a module with a NUL byte", CorpusSeed.named("setup.py"),
                "setup.py", "from s\u0000 import".getBytes(java.nio.charset.StandardCharsets.UTF_8)).lenient());
    }

    /** Bad values of each dockenv setting, in dockenv.toml and in [tool.dockenv]. */
    private static void config(List<BadInput> cases) {
        String[][] bad = {
            {"python", "\"3.99\""}, {"python", "\"abc\""}, {"python", "\"\""}, {"python", "3.11"},
            {"base-image", "\"\""}, {"base-image", "\"Python:3.11\""}, {"base-image", "\"python 3.11\""},
            {"base-image", "\"python:3.11-slim AS pre\\nRUN echo INJECTED\\nFROM pre\""},
            {"base-image", "\"python:3.11:slim:x\""}, {"base-image", "[\"python:3.11\"]"},
            {"apt", "[\"bad name!\"]"}, {"apt", "[\"-y\"]"}, {"apt", "\"curl\""}, {"apt", "[1]"},
            {"apt", "[\"curl\\nRUN x\"]"},
            {"build", "\"echo\""}, {"build", "[1]"}, {"build", "[\"echo a\\nRUN b\"]"}, {"build", "{ a = 1 }"},
            {"ports", "[\"999.1.1.1:80:80\"]"}, {"ports", "[70000]"}, {"ports", "[0]"}, {"ports", "[\"a:b\"]"},
            {"ports", "[\"80:80:80:80\"]"}, {"ports", "[-1]"}, {"ports", "\"8000\""}, {"ports", "[8000.5]"},
            {"ports", "[\"8000/udp/x\"]"},
            {"env", "{ A = 1 }"}, {"env", "{ \"1A\" = \"x\" }"}, {"env", "{ A = \"x\\ny\" }"}, {"env", "[\"A=1\"]"},
            {"env", "{ \"A B\" = \"x\" }"}, {"env", "{ \"\" = \"x\" }"},
            {"command", "\"\""}, {"command", "[]"}, {"command", "[1]"}, {"command", "5"}, {"command", "[\"\"]"},
            {"command", "\"python 'app.py\""},
            {"index-url", "\"ftp://example.com/simple\""}, {"index-url", "\"not a url\""},
            {"index-url", "\"http://x\\ny\""}, {"index-url", "\"\""}, {"index-url", "[\"https://x\"]"},
            {"extra-index-urls", "\"https://example.com/simple\""}, {"extra-index-urls", "[1]"},
            {"extra-index-urls", "[\"ftp://x\"]"}, {"trusted-hosts", "[1]"}, {"trusted-hosts", "[\"a b\"]"},
            {"trusted-hosts", "\"example.com\""},
            {"extras", "[1]"}, {"extras", "\"test\""}, {"extras", "[\"no such extra\"]"},
            {"requirements", "[\"missing.txt\"]"}, {"requirements", "[1]"}, {"requirements", "\"requirements.txt\""},
            {"dev-requirements", "[\"missing.txt\"]"}, {"dev-requirements", "[true]"},
            {"pyhton", "\"3.11\""}, {"sub", "{ x = 1 }"}};
        CorpusSeed toml = CorpusSeed.named("dockenv.toml");
        CorpusSeed pyproject = CorpusSeed.named("pyproject");
        // a string where an array is expected is that one element; env values are written as TOML gives them
        List<String> accepted = List.of("build = \"echo\"", "env = { A = 1 }",
                "extra-index-urls = \"https://example.com/simple\"", "trusted-hosts = \"example.com\"");
        for (String[] kv : bad) {
            String line = kv[0] + " = " + kv[1];
            BadInput inToml = BadInput.of("dockenv.toml", "dockenv.toml " + line, toml, "# settings\n" + line + "\n")
                    .at(2);
            BadInput inPyproject = BadInput.of("[tool.dockenv]", "[tool.dockenv] " + line, pyproject,
                    "[project]\nname = \"shop\"\nversion = \"1\"\n\n[tool.dockenv]\n" + line + "\n").at(6);
            if (line.contains("no such extra")) {
                // the project's extras are where it is missing from: the file, not a line
                inToml = inToml.at(0);
                inPyproject = inPyproject.at(0);
            }
            cases.add(accepted.contains(line) ? inToml.lenient() : inToml);
            cases.add(accepted.contains(line) ? inPyproject.lenient() : inPyproject);
        }
        cases.add(BadInput.of("dockenv.toml", "dockenv.toml an unknown table", toml, "[sub]\nx = 1\n").at(1));
        cases.add(BadInput.of("[tool.dockenv]", "[tool.dockenv.sub] an unknown table", pyproject,
                "[project]\nname = \"shop\"\nversion = \"1\"\n\n[tool.dockenv.sub]\nx = 1\n").at(5));
        cases.add(BadInput.of("[tool.dockenv]", "[tool] dockenv = 1", pyproject,
                "[project]\nname = \"shop\"\nversion = \"1\"\n\n[tool]\ndockenv = 1\n").at(6));
        cases.add(BadInput.of("dockenv.toml", "dockenv.toml beside [tool.dockenv]", toml,
                "python = \"3.11\"\n").with("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1\"\n"
                        + "[tool.dockenv]\nports = [8000]\n"));
        cases.add(BadInput.of("dockenv.toml", "dockenv.toml a key given twice", toml,
                "python = \"3.11\"\npython = \"3.12\"\n").at(2));
    }

    /** .python-version and runtime.txt that name no Python dockenv can use. */
    private static void pythonVersions(List<BadInput> cases) {
        CorpusSeed pv = CorpusSeed.named(".python-version");
        for (String v : List.of("3.99", "2.7", "3.11.x", "latest", "system", "3.11 3.12", "pypy3.10",
                "3..11", "v3.11", "3.11.100.1", "abc", "3.11;rm -rf /", ">=3.11")) {
            cases.add(BadInput.of("python version", ".python-version " + v, pv, "# pinned\n" + v + "\n").at(2));
        }
        // pyenv's names for CPython
        for (String v : List.of("python3.11", "cpython-3.11", "3.11-dev")) {
            cases.add(BadInput.of("python version", ".python-version " + v, pv, "# pinned\n" + v + "\n").at(2)
                    .lenient());
        }
        CorpusSeed rt = CorpusSeed.named("runtime.txt");
        for (String v : List.of("python-3.99", "python-", "python-abc", "python 3.11", "pypy-3.9", "python-2.7",
                "python-3.11.x", "r-4.1")) {
            cases.add(BadInput.of("python version", "runtime.txt " + v.replace("\n", "\\n"), rt, v + "\n").at(1));
        }
        cases.add(BadInput.of("python version", "runtime.txt two lines", rt, "python-3.11\npython-3.12\n").lenient());
    }

    /** Files that name different Pythons, or a Python their range excludes. */
    private static void conflicts(List<BadInput> cases) {
        String g = "conflicting versions";
        CorpusSeed pv = CorpusSeed.named(".python-version");
        cases.add(BadInput.of(g, "runtime.txt 3.12 beside .python-version 3.11", pv, "runtime.txt",
                "python-3.12\n").with(".python-version", "3.11\n").at(1));
        cases.add(BadInput.of(g, "requires-python excludes .python-version", pv, "pyproject.toml",
                "[project]\nname = \"shop\"\nversion = \"1\"\nrequires-python = \">=3.12\"\n").at(4));
        cases.add(BadInput.of(g, "requires-python excludes every Python", pv, "pyproject.toml",
                "[project]\nname = \"shop\"\nversion = \"1\"\nrequires-python = \">=3.12,<3.10\"\n").at(4)
                .without(".python-version"));
        cases.add(BadInput.of(g, "dockenv.toml python beside .python-version", pv, "dockenv.toml",
                "python = \"3.12\"\n").naming(".python-version"));
        cases.add(BadInput.of(g, "Pipfile python_version beside .python-version", CorpusSeed.named("Pipfile"),
                CorpusSeed.PIPFILE.replace("python_version = \"3.11\"", "python_version = \"3.12\""))
                .with(".python-version", "3.11\n").at(14));
        cases.add(BadInput.of(g, "[tool.poetry] python ^2.7 beside .python-version", CorpusSeed.named("[tool.poetry]"),
                CorpusSeed.POETRY_PYPROJECT.replace("python = \"^3.10\"", "python = \"^2.7\""))
                .with(".python-version", "3.11\n").at(8));
        cases.add(BadInput.of(g, "setup.py python_requires beside .python-version", CorpusSeed.named("setup.py"),
                CorpusSeed.SETUP_PY.replace(">=3.10", ">=3.12")).with(".python-version", "3.11\n").at(7));
        cases.add(BadInput.of(g, "setup.cfg python_requires beside .python-version", CorpusSeed.named("setup.cfg"),
                CorpusSeed.SETUP_CFG.replace(">=3.10", ">=3.12")).with(".python-version", "3.11\n").at(7));
        cases.add(BadInput.of(g, "pylock.toml requires-python excludes the Python", CorpusSeed.named("pylock.toml"),
                CorpusSeed.PYLOCK.replace(">=3.10", ">=3.12")));
        cases.add(BadInput.of(g, "uv.lock requires-python excludes the Python", CorpusSeed.named("uv.lock"),
                CorpusSeed.UV_LOCK).with(".python-version", "3.9\n").naming(".python-version"));
        cases.add(BadInput.of(g, "environment.yml python beside .python-version", CorpusSeed.named("environment.yml"),
                CorpusSeed.ENVIRONMENT_YML.replace("python=3.11", "python=3.12")).with(".python-version", "3.11\n"));
        cases.add(BadInput.of(g, "uv.lock stale: pyproject.toml asks for another package", CorpusSeed.named("uv.lock"),
                CorpusSeed.UV_LOCK).with("pyproject.toml", CorpusSeed.UV_PYPROJECT.replace("requests>=2.31", "flask"))
                .naming("uv.lock"));
        cases.add(BadInput.of(g, "poetry.lock two versions of one package", CorpusSeed.named("poetry.lock"),
                CorpusSeed.POETRY_LOCK + "\n" + CorpusSeed.POETRY_LOCK.substring(0,
                        CorpusSeed.POETRY_LOCK.indexOf("[package.dependencies]")).replace("2.31.0", "2.30.0")
                        .replace("[metadata]", "")).exits(0, 4));
        cases.add(BadInput.of(g, "pylock.toml two versions of one package", CorpusSeed.named("pylock.toml"),
                CorpusSeed.PYLOCK + "\n[[packages]]\nname = \"idna\"\nversion = \"3.5\"\n"
                        + "wheels = [{name = \"idna-3.5-py3-none-any.whl\", url = \"https://x/idna-3.5-py3-none-any.whl\", "
                        + "hashes = {sha256 = \"" + "0".repeat(64) + "\"}}]\n").exits(0, 4));
        cases.add(BadInput.of(g, "requirements.txt two pins of one package", CorpusSeed.named("requirements"),
                "requests==2.31.0\nrequests==2.30.0\n").exits(0, 4));
        cases.add(BadInput.of(g, "requirements.txt a pin outside its constraint", CorpusSeed.named("requirements"),
                "requests==2.31.0\n").with("constraints.txt", "requests<2\n").exits(0, 4));
    }

    /** requirements files: options, includes, lines pip refuses. */
    private static void requirements(List<BadInput> cases) {
        String g = "requirements options";
        CorpusSeed r = CorpusSeed.named("requirements");
        String[] lines = {"-r missing.txt", "-r", "-c missing.txt", "-c", "--index-url", "--index-url not-a-url",
            "-i ftp://example.com/simple", "--unknown-option", "-e", "-e nonexistent/", "--hash=sha256:abc",
            "-f", "--find-links", "--trusted-host", "--extra-index-url", "git+https://github.com/x/y",
            "-r file:missing.txt", "-e git+https://github.com/x/y", "requests \\", "--no-binary",
            "--only-binary :bogus:", "--pre=yes", "--require-hashes=1", "-r requirements.txt", "./missing-dir",
            "file:missing.whl", "requests --install-option=--prefix=/x", "requests --global-option",
            "requests --hash", "requests --hash=sha256", "requests @ not a url", "${UNSET_VARIABLE}",
            "--index-url=http://x\\\ny", "-Z", "--", "https://example.com/x.whl", "@ https://example.com/x.whl"};
        // pip accepts these, or they fail only when pip runs: dockenv need not refuse them first
        List<String> pipAccepts = List.of("--index-url not-a-url", "-i ftp://example.com/simple", "-e nonexistent/",
                "git+https://github.com/x/y", "-e git+https://github.com/x/y", "requests \\", "--only-binary :bogus:",
                "./missing-dir", "file:missing.whl", "--index-url=http://x\\\ny", "https://example.com/x.whl");
        for (String l : lines) {
            BadInput c = BadInput.of(g, "requirements.txt: " + l.replace("\n", "\\n"), r, "flask\n" + l + "\n").at(2);
            cases.add(pipAccepts.contains(l) ? c.lenient() : c);
        }
        cases.add(BadInput.of(g, "an include cycle", r, "flask\n-r other.txt\n")
                .with("other.txt", "-r requirements.txt\n").exits(0, 4));
        cases.add(BadInput.of(g, "an include that is bad at its line", r, "flask\n-r other.txt\n")
                .with("other.txt", "click\nrequests[\n").naming("other.txt").at(2));
        cases.add(BadInput.of(g, "-r of a folder", r, "-r sub\n").with("sub/x.txt", "x\n").at(1));
        cases.add(BadInput.of(g, "a constraint file with an option", r, "constraints.txt", "-e .\n").at(1).lenient());
        cases.add(BadInput.of(g, "requirements/dev.txt bad", CorpusSeed.named("requirements"), "requirements/dev.txt",
                "pytest\npytest>=\n").naming("requirements/dev.txt").at(2));
        cases.add(BadInput.of(g, "-e . without a project", r, "-e .\n").lenient());
    }

    private static void pyproject(List<BadInput> cases) {
        String g = "pyproject";
        CorpusSeed p = CorpusSeed.named("pyproject");
        String head = "[project]\nname = \"shop\"\nversion = \"1\"\n";
        String[][] projectLines = {
            {"name = \"\"", "5"}, {"name = \"bad name!\"", "5"}, {"dynamic = \"version\"", "5"},
            {"dependencies = \"requests\"", "5"}, {"dependencies = [1]", "5"}, {"dependencies = [\"\"]", "5"},
            {"optional-dependencies = [\"x\"]", "5"}, {"optional-dependencies = { test = \"x\" }", "5"},
            {"optional-dependencies = { \"bad name!\" = [\"x\"] }", "5"}, {"requires-python = \"3.11\"", "5"},
            {"requires-python = \">=3.99\"", "5"}, {"requires-python = 3", "5"}, {"requires-python = \">=3.11,\"", "5"}};
        // keys dockenv does not read are pip's (or the backend's) to judge
        List<String> notRead = List.of("dynamic = \"version\"", "optional-dependencies = [\"x\"]",
                "optional-dependencies = { \"bad name!\" = [\"x\"] }");
        for (String[] l : projectLines) {
            BadInput c = BadInput.of(g, "[project] " + l[0], p, "[project]\nversion = \"1\"\nname = \"shop\"\n\n"
                    .replace("\n\n", "\n") + "\n" + l[0] + "\n").at(Integer.parseInt(l[1]));
            cases.add(notRead.contains(l[0]) ? c.lenient() : c);
        }
        cases.add(BadInput.of(g, "[project] = 1", p, "project = 1\n").at(1));
        cases.add(BadInput.of(g, "[[project]] an array of tables", p, "[[project]]\nname = \"shop\"\n").at(1));
        cases.add(BadInput.of(g, "[project] twice", p, head + "[project]\nname = \"x\"\n").at(4));
        cases.add(BadInput.of(g, "[project] a key twice", p, head + "name = \"x\"\n").at(4));
        String[] buildSystem = {"requires = \"setuptools\"", "requires = [1]", "requires = [\"setuptools[\"]",
            "build-backend = 1", "build-backend = \"\"", "backend-path = \"x\"", "backend-path = [\"../../etc\"]",
            "build-backend = \"no such backend!\""};
        for (String b : buildSystem) {
            // without requires, the table itself is the error (pip refuses it)
            cases.add(BadInput.of(g, "[build-system] " + b, p, head + "\n[build-system]\n" + b + "\n")
                    .at(b.startsWith("requires") ? 6 : 5));
        }
        cases.add(BadInput.of(g, "[build-system] = \"setuptools\"", p, head + "build-system = \"x\"\n").at(4).lenient());
        String[] groups = {"dev = \"pytest\"", "dev = [1]", "dev = [{include-group = \"missing\"}]",
            "dev = [{include-group = 1}]", "dev = [{unknown = \"x\"}]", "\"bad name!\" = [\"x\"]",
            "dev = [{include-group = \"dev\"}]", "dev = [\"x\"]\nDev = [\"y\"]"};
        for (String d : groups) {
            cases.add(BadInput.of(g, "[dependency-groups] " + d.replace("\n", " "), p,
                    head + "\n[dependency-groups]\n" + d + "\n").at(d.contains("Dev") ? 7 : 6)
                    .exits(d.startsWith("\"bad name!\"") ? new Integer[] {0, 4} : new Integer[] {4}));
        }
        cases.add(BadInput.of(g, "[dependency-groups] a cycle across two groups", p,
                head + "\n[dependency-groups]\na = [{include-group = \"b\"}]\nb = [{include-group = \"a\"}]\n"));
        cases.add(BadInput.of(g, "dependency-groups = 1", p, head + "dependency-groups = 1\n").at(4).lenient());
        cases.add(BadInput.of(g, "a table header left open", p, head + "[tool.dockenv\n").at(4));
        cases.add(BadInput.of(g, "an array left open", p, head + "dependencies = [\"a\",\n\n").at(6).exits(4));
        cases.add(BadInput.of(g, "a multi-line string left open", p, head + "description = \"\"\"x\n\n").exits(4));
    }

    private static void poetry(List<BadInput> cases) {
        String g = "[tool.poetry]";
        CorpusSeed p = CorpusSeed.named("[tool.poetry]");
        String head = "[tool.poetry]\nname = \"shop\"\nversion = \"1.0.0\"\n\n[tool.poetry.dependencies]\n";
        String[] deps = {"python = \"abc\"", "python = 3", "python = \"^\"", "requests = 1", "requests = {version = 1}",
            "requests = {git = \"https://x/y\", version = \"1\"}", "requests = \"^^1\"", "requests = \">=1 <2 ||\"",
            "requests = {version = \"1\", markers = \"python_version >\"}", "requests = [1]",
            "requests = {path = \"../x\", url = \"https://x\"}", "requests = {version = \"1\", extras = \"x\"}",
            "requests = {version = \"1\", optional = \"yes\"}", "requests = {version = \"~=1\"}",
            "requests = {version = \"1\", source = 1}", "\"bad name!\" = \"1\""};
        for (String d : deps) {
            BadInput c = BadInput.of(g, "[tool.poetry.dependencies] " + d, p, head + d + "\n").at(6);
            cases.add(d.contains("~=1") ? c.lenient() : c);
        }
        cases.add(BadInput.of(g, "[tool.poetry.group.dev] = 1", p, head + "python = \"^3.10\"\n\n[tool.poetry.group]\n"
                + "dev = 1\n").at(9));
        cases.add(BadInput.of(g, "[tool.poetry.group.dev.dependencies] bad", p, head
                + "python = \"^3.10\"\n\n[tool.poetry.group.dev.dependencies]\npytest = \">>8\"\n").at(9));
        cases.add(BadInput.of(g, "[[tool.poetry.source]] without a url", p, head + "python = \"^3.10\"\n\n"
                + "[[tool.poetry.source]]\nname = \"x\"\n").at(8));
        cases.add(BadInput.of(g, "[tool.poetry] dependencies = []", p, "[tool.poetry]\nname = \"shop\"\n"
                + "dependencies = []\n").at(3));
    }

    private static void setuptools(List<BadInput> cases) {
        String g = "setuptools";
        CorpusSeed py = CorpusSeed.named("setup.py");
        String[][] pyCases = {
            {"setup(", "0"}, {"from setuptools import setup\nsetup(name='shop', install_requires='requests[')\n", "2"},
            {"from setuptools import setup\nsetup(install_requires=['requests', 1])\n", "0"},
            {"from setuptools import setup\nsetup(python_requires='>=3.99')\n", "2"},
            {"from setuptools import setup\nsetup(python_requires='3.x')\n", "2"},
            {"from setuptools import setup\nsetup(name='shop\n", "0"},
            {"from setuptools import setup\nsetup(extras_require={'test': 'pytest['})\n", "2"},
            {"from setuptools import setup\nsetup(extras_require=['pytest'])\n", "0"},
            {"from setuptools import setup\nsetup(install_requires=['a' 'b' ,, ])\n", "0"},
            {"from setuptools import setup\nsetup(install_requires=[\"\"\"requests\n", "0"},
            {"from setuptools import setup\nsetup(name='shop', version=1, install_requires=['requests>='])\n", "2"},
            {"from setuptools import setup\nsetup(**{'install_requires': ['requests[']})\n", "0"},
            {"from setuptools import setup\nsetup(install_requires=)\n", "0"},
            {"\tfrom setuptools import setup\n  setup(\n", "0"}};
        for (String[] c : pyCases) {
            BadInput b = BadInput.of(g, "setup.py " + c[0].replace("\n", "\\n"), py, c[0]).exits(0, 4);
            cases.add(c[1].equals("0") ? b : b.at(Integer.parseInt(c[1])).exits(4));
        }
        CorpusSeed cfg = CorpusSeed.named("setup.cfg");
        String[][] cfgCases = {
            {"install_requires =\n    requests[\n", "3"}, {"python_requires = >=3.99\n", "2"},
            {"python_requires = 3.x\n", "2"}, {"install_requires = file: missing.txt\n", "2"},
            {"install_requires = %(missing)s\n", "2"}, {"install_requires = %(a)s\na = %(install_requires)s\n", "2"},
            {"  continuation before any key\n", "2"}, {"install_requires = a\ninstall_requires = b\n", "3"},
            {"install_requires = requests >=1 <2\n", "2"}};
        for (String[] c : cfgCases) {
            BadInput b = BadInput.of(g, "setup.cfg [options] " + c[0].strip().replace("\n", "\\n"), cfg,
                    "[options]\n" + c[0]).at(Integer.parseInt(c[1])).exits(4);
            cases.add(c[0].contains("file:") ? b.lenient() : b); // setuptools reads the file when it builds
        }
        cases.add(BadInput.of(g, "setup.cfg a line outside any section", cfg, "name = shop\n[metadata]\n").at(1));
        cases.add(BadInput.of(g, "setup.cfg a section left open", cfg, "[metadata\nname = shop\n").at(1));
        cases.add(BadInput.of(g, "setup.cfg a section twice", cfg, "[metadata]\nname = a\n[metadata]\nname = b\n").at(3));
        cases.add(BadInput.of(g, "setup.cfg extras_require bad", cfg,
                "[options.extras_require]\ntest = pytest[\n").at(2));
    }

    private static void pipfile(List<BadInput> cases) {
        String g = "Pipfile";
        CorpusSeed p = CorpusSeed.named("Pipfile");
        String[] lines = {"requests = 1", "requests = {version = 1}", "requests = {git = 1}", "requests = [\"x\"]",
            "requests = \">>1\"", "requests = {version = \"==1\", extras = \"x\"}", "\"bad name!\" = \"*\"",
            "requests = {version = \"==1\", markers = \"python_version >\"}", "requests = {path = 1}",
            "requests = {index = \"missing\", version = \"*\"}", "requests = \"\""};
        for (String l : lines) {
            BadInput c = BadInput.of(g, "Pipfile [packages] " + l, p, "[packages]\n" + l + "\n").at(2);
            cases.add(l.equals("requests = \"\"") ? c.lenient() : c);
        }
        cases.add(BadInput.of(g, "Pipfile packages = 1", p, "packages = 1\n").at(1));
        cases.add(BadInput.of(g, "Pipfile [requires] python_version = 3.11", p,
                "[packages]\n\n[requires]\npython_version = 3.11\n").at(4));
        cases.add(BadInput.of(g, "Pipfile [requires] python_version = abc", p,
                "[packages]\n\n[requires]\npython_version = \"abc\"\n").at(4));
        cases.add(BadInput.of(g, "Pipfile [[source]] without a url", p, "[[source]]\nname = \"x\"\n\n[packages]\n")
                .at(1));
        cases.add(BadInput.of(g, "Pipfile source = \"x\"", p, "source = \"x\"\n[packages]\n").at(1));
        cases.add(BadInput.of(g, "Pipfile [[source]] url not http", p,
                "[[source]]\nname = \"x\"\nurl = \"ftp://x\"\nverify_ssl = true\n\n[packages]\n").exits(0, 4));
    }

    /** Each lock format's own structure broken by hand. */
    private static void locks(List<BadInput> cases) {
        String g = "locks";
        CorpusSeed pylock = CorpusSeed.named("pylock.toml");
        cases.add(BadInput.of(g, "pylock.toml lock-version 2.0", pylock,
                CorpusSeed.PYLOCK.replace("lock-version = \"1.0\"", "lock-version = \"2.0\"")).at(1));
        cases.add(BadInput.of(g, "pylock.toml without lock-version", pylock,
                CorpusSeed.PYLOCK.replace("lock-version = \"1.0\"", "")));
        cases.add(BadInput.of(g, "pylock.toml packages = 1", pylock, "lock-version = \"1.0\"\ncreated-by = \"x\"\n"
                + "packages = 1\n").at(3));
        cases.add(BadInput.of(g, "pylock.toml a package without a name", pylock, "lock-version = \"1.0\"\n"
                + "created-by = \"x\"\n[[packages]]\nversion = \"1\"\n").at(3));
        cases.add(BadInput.of(g, "pylock.toml a wheel without hashes", pylock, CorpusSeed.PYLOCK.replace(
                ", hashes = {sha256 = \"c05567e9c24a6b9faaa835c4821bad0590fbb9d5779e7caa6e1cc4978e7eb24f\"}", ""))
                .at(17));
        cases.add(BadInput.of(g, "pylock.toml a wheel name that is no wheel", pylock, CorpusSeed.PYLOCK.replace(
                "name = \"idna-3.6-py3-none-any.whl\"", "name = \"idna.zip\"")).at(17));
        CorpusSeed uv = CorpusSeed.named("uv.lock");
        cases.add(BadInput.of(g, "uv.lock version = 99", uv, CorpusSeed.UV_LOCK.replace("version = 1\n",
                "version = 99\n")).at(1));
        cases.add(BadInput.of(g, "uv.lock package = 1", uv, "version = 1\npackage = 1\n").at(2));
        cases.add(BadInput.of(g, "uv.lock a dependency on a package not in the lock", uv,
                CorpusSeed.UV_LOCK.replace("{ name = \"idna\" }", "{ name = \"missing\" }")));
        cases.add(BadInput.of(g, "uv.lock a source = 1", uv, CorpusSeed.UV_LOCK.replace(
                "source = { registry = \"https://pypi.org/simple\" }", "source = 1")).at(8));
        CorpusSeed poetry = CorpusSeed.named("poetry.lock");
        cases.add(BadInput.of(g, "poetry.lock package = 1", poetry, "package = 1\n[metadata]\n"
                + "lock-version = \"2.1\"\n").at(1));
        cases.add(BadInput.of(g, "poetry.lock lock-version 9", poetry, CorpusSeed.POETRY_LOCK.replace(
                "lock-version = \"2.1\"", "lock-version = \"9.0\"")));
        cases.add(BadInput.of(g, "poetry.lock a dependency = 1", poetry, CorpusSeed.POETRY_LOCK.replace(
                "idna = \">=2.5,<4\"", "idna = 1")).at(13));
        CorpusSeed pdm = CorpusSeed.named("pdm.lock");
        cases.add(BadInput.of(g, "pdm.lock lock_version 9", pdm, CorpusSeed.PDM_LOCK.replace("4.5.0", "9.0")).at(6));
        cases.add(BadInput.of(g, "pdm.lock groups = 1", pdm, CorpusSeed.PDM_LOCK.replace(
                "groups = [\"default\"]\nstrategy", "groups = 1\nstrategy")).at(4));
        CorpusSeed pl = CorpusSeed.named("Pipfile.lock");
        String[][] json = {{"[]", "1"}, {"{\"default\": []}", "1"}, {"{\"default\": {\"requests\": 1}}", "1"},
            {"{\"default\": {\"requests\": {\"version\": 1}}}", "1"}, {"{\"_meta\": 1}", "1"},
            {"{\"default\": {\"requests\": {\"version\": \"==1\", \"hashes\": \"x\"}}}", "1"},
            {"{\"default\": {}, }", "1"}, {"{'default': {}}", "1"}, {"{\"default\": {}} trailing", "1"},
            {"{\"default\": {\"a\": {\"version\": \"==1\"}}, \"default\": {}}", "1"},
            {"{\"default\": {\"requests\": {\"version\": \"==1\", \"markers\": \"python_version >\"}}}", "1"},
            {"{\"default\": {\"requests\": {\"version\": \"==1\", \"hashes\": [1]}}}", "1"},
            {"{\"default\": {\"bad name!\": {\"version\": \"==1\"}}}", "1"}, {"null", "1"}, {"\"x\"", "1"},
            {"{\"default\": {\"requests\": {\"version\": \"==1\\u0000\"}}}", "1"}, {"{\"default\": NaN}", "1"}};
        for (String[] j : json) {
            cases.add(BadInput.of(g, "Pipfile.lock " + j[0], pl, j[0] + "\n").at(Integer.parseInt(j[1])));
        }
    }

    /** Hashes that are no hash of any file. */
    private static void hashes(List<BadInput> cases) {
        String g = "wrong hashes";
        String good = "c05567e9c24a6b9faaa835c4821bad0590fbb9d5779e7caa6e1cc4978e7eb24f";
        for (String bad : List.of("xyz", good.substring(1), good + "0", good.toUpperCase().replace('C', 'G'), "")) {
            cases.add(BadInput.of(g, "pylock.toml sha256 '" + bad + "'", CorpusSeed.named("pylock.toml"),
                    CorpusSeed.PYLOCK.replace(good, bad)).at(17));
            cases.add(BadInput.of(g, "uv.lock sha256:'" + bad + "'", CorpusSeed.named("uv.lock"),
                    CorpusSeed.UV_LOCK.replace(good, bad)).at(10));
            cases.add(BadInput.of(g, "poetry.lock sha256:'" + bad + "'", CorpusSeed.named("poetry.lock"),
                    CorpusSeed.POETRY_LOCK.replace(good, bad)).at(23));
            cases.add(BadInput.of(g, "pdm.lock sha256:'" + bad + "'", CorpusSeed.named("pdm.lock"),
                    CorpusSeed.PDM_LOCK.replace(good, bad)).at(31));
            cases.add(BadInput.of(g, "Pipfile.lock sha256:'" + bad + "'", CorpusSeed.named("Pipfile.lock"),
                    CorpusSeed.PIPFILE_LOCK.replace(good, bad)).at(14));
            cases.add(BadInput.of(g, "requirements.txt --hash=sha256:'" + bad + "'", CorpusSeed.named("requirements"),
                    "idna==3.6 --hash=sha256:" + bad + "\n").at(1));
        }
        cases.add(BadInput.of(g, "pylock.toml md5 only", CorpusSeed.named("pylock.toml"),
                CorpusSeed.PYLOCK.replace("sha256 = \"" + good + "\"", "md5 = \"d41d8cd98f00b204e9800998ecf8427e\""))
                .exits(0, 4));
        cases.add(BadInput.of(g, "uv.lock a hash without an algorithm", CorpusSeed.named("uv.lock"),
                CorpusSeed.UV_LOCK.replace("sha256:" + good, good)).at(10));
        cases.add(BadInput.of(g, "uv.lock an unknown algorithm", CorpusSeed.named("uv.lock"),
                CorpusSeed.UV_LOCK.replace("sha256:" + good, "rot13:" + good)).at(10));
        cases.add(BadInput.of(g, "requirements.txt --hash=nope:abc", CorpusSeed.named("requirements"),
                "idna==3.6 --hash=nope:abc\n").at(1));
        cases.add(BadInput.of(g, "environment.yml pip --hash=sha256:xyz", CorpusSeed.named("environment.yml"),
                "name: shop\ndependencies:\n  - pip\n  - pip:\n      - idna==3.6 --hash=sha256:xyz\n").at(5));
    }

    private static void conda(List<BadInput> cases) {
        String g = "environment.yml";
        CorpusSeed e = CorpusSeed.named("environment.yml");
        String[][] yml = {
            {"name: [x]\ndependencies: [python]\n", "1"}, {"name: shop\ndependencies:\n  - python=3.99\n", "3"},
            {"name: shop\ndependencies:\n  - python=abc\n", "3"}, {"name: shop\ndependencies:\n  - [python]\n", "3"},
            {"name: shop\ndependencies:\n  - {x: 1}\n", "3"}, {"name: shop\nchannels: 3\ndependencies: []\n", "2"},
            {"name: shop\nchannels:\n  - \"\"\ndependencies: []\n", "3"},
            {"name: shop\ndependencies: []\nvariables:\n  A: [1]\n", "4"},
            {"name: shop\ndependencies: []\nvariables:\n  A: \"x\\ny\"\n", "4"},
            {"name: shop\ndependencies: []\nvariables:\n  \"A B\": x\n", "4"},
            {"name: shop\ndependencies:\n  - numpy>>1\n", "3"}, {"name: shop\ndependencies:\n  - numpy=1=2=3=4\n", "3"},
            {"name: shop\ndependencies:\n  - pip:\n    - -r missing.txt\n", "4"},
            {"name: shop\ndependencies:\n  - pip:\n    - -r file:missing.txt\n", "4"},
            {"name: shop\ndependencies:\n  - pip: requests\n", "3"},
            {"a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                    + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                    + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ndependencies: [python]\n",
                "0"},
            {"name: shop\ndependencies:\n  - python=3.11\n  - *undefined\n", "4"},
            {"name: shop\ndependencies: !!python/object:os.system [echo]\n", "2"},
            {"name: shop\n---\nname: other\n", "0"}, {"- python\n- numpy\n", "1"}, {"name: shop\n\tdependencies: []\n", "0"},
            {"name: shop\ndependencies:\n  - python=3.11\n  - python=3.12\n", "0"}};
        for (String[] y : yml) {
            BadInput c = BadInput.of(g, "environment.yml " + y[0].replace("\n", "\\n"), e, y[0]);
            cases.add(y[1].equals("0") ? c : c.at(Integer.parseInt(y[1])));
        }
        // conda's solver judges versions; aliases expand within snakeyaml's bounds; an unknown tag is a string
        cases.replaceAll(c -> c.group().equals(g) && (c.name().contains("python=3.99") || c.name().contains("&a")
                || c.name().contains("!!python") || c.name().contains("python=3.12")) ? c.lenient() : c);
    }

    /** The readers' own malformed fixtures, each in a project where it is read. */
    private static void fixtures(List<BadInput> cases) {
        String g = "fixtures";
        fixture(cases, g, "lock/pylock/malformed/", List.of("bad-hash", "bad-marker", "bad-toml", "missing-version",
                "no-created-by", "no-source", "not-a-wheel", "two-sources", "unknown-dependency", "unknown-vcs",
                "unsupported-version", "wrong-type"), n -> "pylock." + n + ".toml", CorpusSeed.named("pylock.toml"),
                "pylock.toml");
        fixture(cases, g, "lock/uv/malformed/", List.of("ambiguous", "bad-hash", "bad-marker", "bad-toml",
                "bad-version", "missing-version", "no-project", "unknown-dependency", "unknown-source",
                "unsupported-version", "wrong-size", "wrong-type"), n -> n + ".uv.lock", CorpusSeed.named("uv.lock"),
                "uv.lock");
        fixture(cases, g, "lock/pdm/malformed/", List.of("bad-hash", "bad-marker", "bad-requirement", "bad-toml",
                "editable-without-path", "missing-version", "no-metadata", "unknown-dependency", "unsupported-version",
                "wrong-type"), n -> n + ".pdm.lock", CorpusSeed.named("pdm.lock"), "pdm.lock");
        fixture(cases, g, "lock/poetry/malformed/", List.of("bad-dependency-constraint", "bad-dependency-marker",
                "bad-extra-requirement", "bad-hash", "bad-metadata-python-versions", "bad-package-marker",
                "bad-python-versions", "bad-toml", "dependency-not-a-constraint", "file-without-hash",
                "files-not-an-array", "lock-1.1-bad-metadata-hash", "lock-2.1-without-groups", "name-not-a-string",
                "no-metadata", "package-without-name", "package-without-version", "source-without-url"),
                n -> n + ".poetry.lock", CorpusSeed.named("poetry.lock"), "poetry.lock");
        fixture(cases, g, "lock/poetry/malformed/", List.of("bad-constraint", "bad-dependency-python", "bad-markers",
                "bad-python", "bad-source-priority", "bad-toml", "branch-and-tag", "constraint-not-a-string",
                "dependencies-not-a-table", "extras-not-names", "git-and-version", "group-defined-twice",
                "group-optional-not-a-boolean", "include-cycle", "include-missing-group", "invalid-name",
                "list-element-not-a-table", "optional-not-a-boolean", "or-constraint", "path-and-url",
                "source-without-url", "unknown-key"), n -> n + ".pyproject.toml", CorpusSeed.named("[tool.poetry]"),
                "pyproject.toml");
        fixture(cases, g, "lock/conda/invalid/", List.of("bad-operator", "bad-pip-line", "bad-version-character",
                "blank-in-build", "channel-with-blank", "dependencies-not-a-list", "dict-other-than-pip",
                "duplicate-key", "empty-dependency", "empty", "misspelt-key", "pip-bad-hash", "pip-not-a-list",
                "pip-option-alone", "python-or", "quoted-trailing-comma", "single-colon-channel", "tab-indent",
                "top-level-list", "two-documents", "two-pip-lists", "unclosed-quote", "unknown-bracket-key",
                "variables-not-a-mapping", "yaml-syntax"), n -> n + ".yml", CorpusSeed.named("environment.yml"),
                "environment.yml");
    }

    private static void fixture(List<BadInput> cases, String group, String folder, List<String> names,
            java.util.function.UnaryOperator<String> fileOf, CorpusSeed seed, String file) {
        for (String n : names) {
            String resource = folder + fileOf.apply(n);
            cases.add(BadInput.of(group, resource, seed, file, read(resource)));
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = FormatErrors.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
