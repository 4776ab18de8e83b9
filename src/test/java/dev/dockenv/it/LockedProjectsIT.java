package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.lock.pipenv.PipfileDigest;
import dev.dockenv.lock.poetry.PoetryContentHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project with a lock installs exactly what the lock pins, hash-checked, without the lock's
 * tool in the image: the index serves greeting 1.0.0 and 1.1.0, the locks pin 1.0.0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockedProjectsIT {
    private static final String PRINT_VERSIONS =
            "import greeting, colorsay; print(greeting.__version__, colorsay.say('x'))";

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-lockedit", "greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0",
                "devtool-0.3.0");
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private String pipfile() {
        return """
                [[source]]
                url = "%s"
                verify_ssl = false
                name = "local"

                [packages]
                colorsay = "*"

                [dev-packages]
                devtool = "*"

                [requires]
                python_version = "3.11"
                """.formatted(index.url());
    }

    private String pipfileLock(String digest) {
        return """
                {
                    "_meta": {
                        "hash": {"sha256": "%s"},
                        "pipfile-spec": 6,
                        "requires": {"python_version": "3.11"},
                        "sources": [{"name": "local", "url": "%s", "verify_ssl": false}]
                    },
                    "default": {
                        "colorsay": {"hashes": ["sha256:%s"], "index": "local", "version": "==2.0.0"},
                        "greeting": {"hashes": ["sha256:%s"], "index": "local", "version": "==1.0.0"}
                    },
                    "develop": {
                        "devtool": {"hashes": ["sha256:%s"], "index": "local", "version": "==0.3.0"}
                    }
                }
                """.formatted(digest, index.url(), index.sha256("colorsay-2.0.0"), index.sha256("greeting-1.0.0"),
                index.sha256("devtool-0.3.0"));
    }

    @Test
    void aPipfileLockProjectInstallsThePinnedVersionsWithoutPipenv() throws Exception {
        TestProject p = ws.project("pipenv").file(".python-version", "3.11\n").file("Pipfile", pipfile());
        p.file("Pipfile.lock", pipfileLock(PipfileDigest.of(p.path("Pipfile"))));

        ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c", PRINT_VERSIONS);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).startsWith("1.0.0 ");

        ProcessResult dev = dockenv.run(p.dir(), "run", "--", "sh", "-c", "devtool && ! command -v pipenv");
        assertThat(dev.exitCode()).as(dev.describe()).isZero();
        assertThat(dev.stdout()).contains("devtool ok");

        ProcessResult status = dockenv.run(p.dir(), "status");
        assertThat(status.stdout()).contains("lock", "Pipfile.lock", "hash-pinned");
    }

    private String wheelEntry(String fixtureId) {
        String file = index.wheel(fixtureId).getFileName().toString();
        return "{ url = \"" + index.baseUrl() + "/files/" + file + "\", hash = \"sha256:" + index.sha256(fixtureId) + "\" }";
    }

    private String uvLock() {
        String registry = "source = { registry = \"" + index.url() + "\" }";
        return """
                version = 1
                revision = 3
                requires-python = ">=3.11"

                [[package]]
                name = "colorsay"
                version = "2.0.0"
                %1$s
                dependencies = [
                    { name = "greeting" },
                ]
                wheels = [
                    %2$s,
                ]

                [[package]]
                name = "devtool"
                version = "0.3.0"
                %1$s
                wheels = [
                    %3$s,
                ]

                [[package]]
                name = "greeting"
                version = "1.0.0"
                %1$s
                wheels = [
                    %4$s,
                ]

                [[package]]
                name = "shop"
                version = "0.1.0"
                source = { editable = "." }
                dependencies = [
                    { name = "colorsay" },
                ]

                [package.dev-dependencies]
                dev = [
                    { name = "devtool" },
                ]

                [package.metadata]
                requires-dist = [{ name = "colorsay" }]

                [package.metadata.requires-dev]
                dev = [{ name = "devtool" }]
                """.formatted(registry, wheelEntry("colorsay-2.0.0"), wheelEntry("devtool-0.3.0"),
                wheelEntry("greeting-1.0.0"));
    }

    @Test
    void aUvLockProjectInstallsThePinnedVersionsWithoutUv() {
        TestProject p = ws.project("uv").file(".python-version", "3.11\n")
                .file("pyproject.toml", """
                        [project]
                        name = "shop"
                        version = "0.1.0"
                        requires-python = ">=3.11"
                        dependencies = ["colorsay"]

                        [dependency-groups]
                        dev = ["devtool"]
                        """)
                .file("uv.lock", uvLock())
                .file("shop/__init__.py", "NAME = 'shop'\n");

        ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c",
                PRINT_VERSIONS.replace("import greeting", "import shop, greeting"));
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).startsWith("1.0.0 ");
        ProcessResult dev = dockenv.run(p.dir(), "run", "--", "sh", "-c", "devtool && ! command -v uv");
        assertThat(dev.exitCode()).as(dev.describe()).isZero();

        ProcessResult prod = dockenv.run(p.dir(), "build", "--target", "prod");
        assertThat(prod.exitCode()).as(prod.describe()).isZero();
        ProcessResult inProd = Docker.run("run", "--rm", prod.stdout().strip(), "python", "-c",
                "import greeting, shop; print(greeting.__version__)\ntry:\n import devtool\nexcept ImportError:\n print('no devtool')");
        assertThat(inProd.stdout()).as(inProd.describe()).isEqualTo("1.0.0\nno devtool\n");

        p.file("pyproject.toml", p.read("pyproject.toml").replace("dependencies = [\"colorsay\"]",
                "dependencies = [\"colorsay\", \"greeting>=1.1\"]"));
        ProcessResult stale = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(stale.exitCode()).as(stale.describe()).isEqualTo(4);
        assertThat(stale.stderr()).contains("stale lock", "greeting>=1.1", "uv lock");
    }

    private String poetryPackage(String name, String version, String category, String fixtureId, String deps) {
        return """
                [[package]]
                name = "%s"
                version = "%s"
                description = "%s fixture"
                category = "%s"
                optional = false
                python-versions = "*"
                files = [
                    {file = "%s", hash = "sha256:%s"},
                ]
                %s
                [package.source]
                type = "legacy"
                url = "%s"
                reference = "local"

                """.formatted(name, version, name, category, index.wheel(fixtureId).getFileName(), index.sha256(fixtureId),
                deps, index.url());
    }

    private String poetryPyproject() {
        return """
                [tool.poetry]
                name = "shop"
                version = "0.1.0"
                description = "a poetry project"
                authors = ["Tests <tests@example.com>"]

                [tool.poetry.dependencies]
                python = "^3.11"
                colorsay = "^2.0"

                [tool.poetry.group.dev.dependencies]
                devtool = "0.3.0"

                [[tool.poetry.source]]
                name = "local"
                url = "%s"
                default = true
                """.formatted(index.url());
    }

    @Test
    void aPoetryLockProjectInstallsThePinnedVersionsWithoutPoetry() throws Exception {
        TestProject p = ws.project("poetry").file(".python-version", "3.11\n").file("pyproject.toml", poetryPyproject());
        String lock = "# This file is automatically @generated by Poetry and should not be changed by hand.\n\n"
                + poetryPackage("colorsay", "2.0.0", "main", "colorsay-2.0.0", "\n[package.dependencies]\ngreeting = \">=1.0\"\n")
                + poetryPackage("devtool", "0.3.0", "dev", "devtool-0.3.0", "")
                + poetryPackage("greeting", "1.0.0", "main", "greeting-1.0.0", "")
                + "[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.11\"\ncontent-hash = \""
                + PoetryContentHash.of(p.path("pyproject.toml")) + "\"\n";
        p.file("poetry.lock", lock);

        ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c", PRINT_VERSIONS);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).startsWith("1.0.0 ");
        ProcessResult dev = dockenv.run(p.dir(), "run", "--", "sh", "-c", "devtool && ! command -v poetry");
        assertThat(dev.exitCode()).as(dev.describe()).isZero();

        p.file("pyproject.toml", poetryPyproject().replace("colorsay = \"^2.0\"", "colorsay = \"^2.0\"\nrich = \"*\""));
        ProcessResult stale = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(stale.exitCode()).as(stale.describe()).isEqualTo(4);
        assertThat(stale.stderr()).contains("stale lock", "poetry lock");
    }

    @Test
    void withoutALockAPipfileOrPoetryManifestInstallsAsDeclared() {
        TestProject pipenv = ws.project("pipenvnolock").file(".python-version", "3.11\n")
                .file("Pipfile", pipfile().replace("colorsay = \"*\"", "colorsay = \"*\"\ngreeting = \"==1.0.0\""));
        ProcessResult r = dockenv.run(pipenv.dir(), "run", "--", "sh", "-c",
                "python -c \"" + PRINT_VERSIONS + "\" && devtool");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).startsWith("1.0.0 ").contains("devtool ok");

        TestProject poetry = ws.project("poetrynolock").file(".python-version", "3.11\n")
                .file("pyproject.toml", poetryPyproject().replace("colorsay = \"^2.0\"",
                        "colorsay = \"^2.0\"\ngreeting = \"~1.1\""));
        ProcessResult p = dockenv.run(poetry.dir(), "run", "--", "python", "-c", PRINT_VERSIONS);
        assertThat(p.exitCode()).as(p.describe()).isZero();
        assertThat(p.stdout()).as("~1.1 is >=1.1,<1.2 as poetry reads it").startsWith("1.1.0 ");
    }

    @Test
    void aWrongHashFailsTheBuild() throws Exception {
        TestProject p = ws.project("pipenvbad").file(".python-version", "3.11\n").file("Pipfile", pipfile());
        p.file("Pipfile.lock", pipfileLock(PipfileDigest.of(p.path("Pipfile")))
                .replace(index.sha256("greeting-1.0.0"), "0".repeat(64)));
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        assertThat(r.stderr()).contains("HASHES");
        assertThat(p.images()).isEmpty();
    }

    @Test
    void aStalePipfileLockIsAClearError() throws Exception {
        TestProject p = ws.project("pipenvstale").file(".python-version", "3.11\n").file("Pipfile", pipfile());
        p.file("Pipfile.lock", pipfileLock(PipfileDigest.of(p.path("Pipfile"))));
        p.file("Pipfile", pipfile().replace("colorsay = \"*\"", "colorsay = \"*\"\ngreeting = \"*\""));
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(4);
        assertThat(r.stderr()).contains("stale lock", "pipenv lock");
    }
}
