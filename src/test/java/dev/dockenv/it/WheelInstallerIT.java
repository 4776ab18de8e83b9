package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.WheelBuilder;
import dev.dockenv.plan.WheelInstaller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dockenv's wheel installer against pip, on the real engine: a lock's layers installed by
 * install-wheels.py hold what {@code pip install --require-hashes --no-deps --prefix} installs
 * from the same lock (every file, its mode and content, the scripts, RECORD; only INSTALLER says
 * who installed), for real applications' wheels and a wheel with every part the wheel format has
 * (.data folders, a #!python script, console and GUI scripts, an executable file). The image built
 * with it runs the scripts, passes pip check and lets pip uninstall a package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WheelInstallerIT {
    /** Compares two prefixes: the files (mode, content), RECORD as rows; prints each difference. */
    private static final String COMPARE = """
            import csv, hashlib, importlib.util, marshal, os, sys
            def compiled(path):
                with open(path, "rb") as f:
                    data = f.read()
                try:
                    marshal.loads(data[16:])
                    return ("pyc", data[:4] == importlib.util.MAGIC_NUMBER)
                except Exception as e:
                    return ("unreadable pyc", str(e))
            def tree(root):
                files = {}
                for folder, dirs, names in os.walk(root):
                    for name in names:
                        path = os.path.join(folder, name)
                        rel = os.path.relpath(path, root)
                        if rel.endswith(".pyc"):
                            files[rel] = compiled(path)
                        elif rel.endswith("/INSTALLER"):
                            files[rel] = ("installer",)
                        elif rel.endswith("/RECORD"):
                            with open(path, newline="") as f:
                                rows = {tuple(r) for r in csv.reader(f) if not r[0].endswith("/INSTALLER")}
                            files[rel] = ("record", oct(os.stat(path).st_mode & 0o777), sorted(rows))
                        else:
                            with open(path, "rb") as f:
                                data = f.read()
                            files[rel] = (oct(os.stat(path).st_mode & 0o777), hashlib.sha256(data).hexdigest())
                return files
            ours, pips = tree(sys.argv[1]), tree(sys.argv[2])
            differences = 0
            for rel in sorted(set(ours) | set(pips)):
                if ours.get(rel) != pips.get(rel):
                    differences += 1
                    print("DIFFERENT", rel, "ours:", ours.get(rel), "pip:", pips.get(rel))
            print("compared", len(pips), "files,", differences, "different")
            """;

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() throws IOException {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-wheelinstallerit");
        index = ws.track(LocalPackageIndex.builder(ws.path("index")).appWheels()
                .wheelFile(kitchenSink(ws.path("kitchen"))).start());
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void theLockedLayersHoldWhatPipInstallsFromTheSameLock() throws IOException {
        TestProject p = project("same");
        ProcessResult build = dockenv.run(p.dir(), "-v", "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stderr()).contains("dockenv-install: kitchen-sink 1.0 from kitchen_sink-1.0-py3-none-any.whl",
                "dockenv-install: installed").doesNotContain("pip installs");
        String image = build.stdout().strip();

        // the same lists, installed in a container of that image by the installer and by pip
        dockenv.runOk(p.dir(), "init");
        Path work = Files.createDirectories(ws.path("compare"));
        Files.writeString(work.resolve("install-wheels.py"), WheelInstaller.script().content());
        Files.writeString(work.resolve("compare.py"), COMPARE);
        List<String> lists;
        try (Stream<Path> files = Files.list(p.path(".dockenv"))) {
            lists = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".wheels.txt")).sorted().toList();
        }
        assertThat(lists).isNotEmpty();
        StringBuilder pins = new StringBuilder("--index-url " + index.url() + "\n");
        for (String list : lists) {
            Files.copy(p.path(".dockenv/" + list), work.resolve(list));
            for (String line : Files.readAllLines(p.path(".dockenv/" + list))) {
                String[] words = line.split(" ");
                if (words[0].equals("package")) {
                    pins.append(words[1]).append("==").append(words[2]);
                    for (int i = 3; i < words.length; i++) {
                        pins.append(" --hash=").append(words[i]);
                    }
                    pins.append('\n');
                }
            }
        }
        Files.writeString(work.resolve("pins.txt"), pins.toString());
        StringBuilder script = new StringBuilder("set -e\n");
        for (String list : lists) {
            script.append("python /w/install-wheels.py --prefix /tmp/ours --python /opt/venv/bin/python --cache /tmp/cache /w/")
                    .append(list).append('\n');
        }
        script.append("pip install -q --require-hashes --no-deps --ignore-installed --no-warn-script-location "
                + "--prefix /tmp/pip -r /w/pins.txt\n");
        script.append("python /w/compare.py /tmp/ours /tmp/pip\n");
        ProcessResult compared = Docker.run("run", "--rm", "--network", "host", "-v", work + ":/w:ro", image,
                "sh", "-c", script.toString());
        assertThat(compared.exitCode()).as(compared.describe()).isZero();
        assertThat(compared.stdout()).as(compared.describe()).doesNotContain("DIFFERENT").contains(" 0 different");
        assertThat(compared.stdout()).containsPattern("compared [0-9]{3,} files");
    }

    @Test
    void theImageRunsTheScriptsPassesPipCheckAndPipCanUninstall() {
        TestProject p = project("runs");
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "sh", "-c", String.join(" && ",
                "ks", "ks-gui", "ks-raw", "head -1 /opt/venv/bin/ks-raw", "flask --version | head -1",
                "gunicorn --version", "/opt/venv/lib/python3.11/site-packages/kitchen_sink/tool.sh",
                "cat /opt/venv/share/kitchen/readme.txt", "cat /opt/venv/include/site/python3.11/kitchen-sink/ks.h",
                "python -c 'import ks_extra, kitchen_sink, importlib.metadata as m; "
                        + "print(ks_extra.X, m.distribution(\"kitchen-sink\").read_text(\"INSTALLER\").strip())'",
                "pip check", "pip show -f kitchen-sink | grep -c kitchen_sink/"));
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).contains("kitchen 42\nkitchen 42\nraw 42\n#!/opt/venv/bin/python\n",
                "tool\ndata\nint ks;\n1 dockenv\n", "No broken requirements found.");

        String image = dockenv.runOk(p.dir(), "build").stdout().strip();
        ProcessResult uninstall = Docker.run("run", "--rm", "-u", "0", image, "sh", "-c",
                "pip uninstall -y kitchen-sink && ! ls /opt/venv/bin/ks /opt/venv/share/kitchen/readme.txt 2>/dev/null"
                        + " && ! python -c 'import kitchen_sink' 2>/dev/null && echo gone");
        assertThat(uninstall.stdout()).as(uninstall.describe()).contains("Successfully uninstalled kitchen-sink-1.0",
                "gone");
    }

    @Test
    void theLegacyBuilderRunsTheInstallerFromCopiesThatNoImageKeeps() {
        TestProject p = project("legacy");
        DockenvCli classic = dockenv.withEnv("DOCKER_BUILDKIT", "0");
        ProcessResult build = classic.run(p.dir(), "-v", "build", "--target", "prod");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stderr()).contains("dockenv-install: kitchen-sink 1.0 from");
        ProcessResult r = Docker.run("run", "--rm", build.stdout().strip(), "sh", "-c",
                "ks && gunicorn --version && test ! -e /tmp/dockenv-install-wheels.py && test ! -e /opt/dockenv-layer"
                        + " && echo clean");
        assertThat(r.stdout()).as(r.describe()).isEqualTo("kitchen 42\ngunicorn (version 20.1.0)\nclean\n");
    }

    @Test
    void aPackageWithoutAWheelForThePlatformIsLeftToPipWhichSaysSo() throws IOException {
        TestProject p = project("fallback");
        // the lock names, for kitchen-sink, a wheel for another platform only (its hashes stay those of the index's)
        String lock = p.read("pylock.toml");
        String other = "kitchen_sink-1.0-py3-none-win_amd64.whl";
        p.file("pylock.toml", lock.replace("{ name = \"kitchen_sink-1.0-py3-none-any.whl\", url = \"" + index.baseUrl()
                + "/files/kitchen_sink-1.0-py3-none-any.whl\"", "{ name = \"" + other + "\", url = \""
                + index.baseUrl() + "/files/" + other + "\""));
        assertThat(p.read("pylock.toml")).contains(other);
        ProcessResult build = dockenv.run(p.dir(), "-v", "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stderr()).contains("no wheel for this platform in the lock for kitchen-sink 1.0: pip installs it",
                "Successfully installed kitchen-sink-1.0");
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "ks");
        assertThat(r.stdout()).as(r.describe()).isEqualTo("kitchen 42\n");
        assertThat(index.downloadedFiles()).doesNotContain(other);
    }

    /** Of the wheels a lock names (uv.lock names every platform's), the best one this interpreter supports. */
    @Test
    void ofSeveralWheelsTheInstallerTakesTheOneForThisPlatform() throws IOException {
        TestProject p = project("platforms");
        String pure = "{ name = \"kitchen_sink-1.0-py3-none-any.whl\"";
        String windows = "kitchen_sink-1.0-cp311-cp311-win_amd64.whl";
        String mac = "kitchen_sink-1.0-py3-none-macosx_11_0_arm64.whl";
        String lock = p.read("pylock.toml");
        assertThat(lock).contains(pure);
        p.file("pylock.toml", lock.replace(pure, "{ name = \"" + windows + "\", url = \"" + index.baseUrl() + "/files/"
                + windows + "\", hashes = { sha256 = \"" + "1".repeat(64) + "\" } },\n    { name = \"" + mac
                + "\", url = \"" + index.baseUrl() + "/files/" + mac + "\", hashes = { sha256 = \"" + "2".repeat(64)
                + "\" } },\n    " + pure));
        ProcessResult build = dockenv.run(p.dir(), "-v", "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stderr()).contains("dockenv-install: kitchen-sink 1.0 from kitchen_sink-1.0-py3-none-any.whl");
        assertThat(index.downloadedFiles()).doesNotContain(windows, mac);
        assertThat(dockenv.run(p.dir(), "run", "--", "ks").stdout()).isEqualTo("kitchen 42\n");
    }

    @Test
    void aWheelWhoseHashIsNotTheLocksFailsTheBuildWithPipsWordsAndHint() throws IOException {
        TestProject p = project("badhash");
        String sha = index.wheels().stream().filter(w -> w.fileName().startsWith("kitchen_sink-")).findFirst()
                .orElseThrow().sha256();
        p.file("pylock.toml", p.read("pylock.toml").replace(sha, "0".repeat(64)));
        ProcessResult build = dockenv.run(p.dir(), "build");
        assertThat(build.exitCode()).as(build.describe()).isEqualTo(6);
        assertThat(build.stderr()).contains("THESE PACKAGES DO NOT MATCH THE HASHES", "kitchen-sink==1.0",
                "hint: the index served a file for kitchen-sink==1.0 whose hash is not the one the lock records");
        assertThat(p.images()).isEmpty();
    }

    /** A project of flask, gunicorn, redis and kitchen-sink, locked (pylock.toml names each wheel's URL). */
    private TestProject project(String name) {
        TestProject p = ws.project(name).file(".python-version", "3.11\n")
                .file("requirements.txt", "flask\ngunicorn\nredis\nkitchen-sink\n")
                .file("dockenv.toml", "index-url = \"" + index.url() + "\"\n");
        dockenv.runOk(p.dir(), "lock");
        return p;
    }

    /**
     * A wheel with every part: modules, an executable file, .data's scripts (a #!python one),
     * data, headers and purelib, console and GUI entry points; unix modes in the zip.
     */
    private static Path kitchenSink(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("kitchen_sink/__init__.py", "VALUE = 42\n");
        files.put("kitchen_sink/cli.py", "import kitchen_sink\n\n\ndef main():\n    print('kitchen', kitchen_sink.VALUE)\n"
                + "    return 0\n");
        files.put("kitchen_sink/tool.sh", "#!/bin/sh\necho tool\n");
        // enough source for the installer to share the compiling out among processes (64 KB a process)
        for (int m = 0; m < 12; m++) {
            StringBuilder module = new StringBuilder("\"\"\"Generated module " + m + ".\"\"\"\n");
            for (int f = 0; module.length() < 16 * 1024; f++) {
                module.append("\n\ndef f_").append(f).append("(x, y=").append(m).append("):\n    return x * ").append(f)
                        .append(" + y\n");
            }
            files.put("kitchen_sink/generated/m" + m + ".py", module.toString());
        }
        // a module that does not compile: pip installs it without a .pyc, and so must the installer
        files.put("kitchen_sink/broken.py", "def broken(:\n    pass\n");
        files.put("kitchen_sink-1.0.data/scripts/ks-raw", "#!python\nimport kitchen_sink\nprint('raw', kitchen_sink.VALUE)\n");
        files.put("kitchen_sink-1.0.data/data/share/kitchen/readme.txt", "data\n");
        files.put("kitchen_sink-1.0.data/headers/ks.h", "int ks;\n");
        files.put("kitchen_sink-1.0.data/purelib/ks_extra.py", "X = 1\n");
        files.put("kitchen_sink-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: kitchen-sink\nVersion: 1.0\n");
        files.put("kitchen_sink-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: dockenv-test\n"
                + "Root-Is-Purelib: true\nTag: py3-none-any\n");
        files.put("kitchen_sink-1.0.dist-info/entry_points.txt", "[console_scripts]\nks = kitchen_sink.cli:main\n\n"
                + "[gui_scripts]\nks-gui = kitchen_sink.cli:main\n");
        StringBuilder record = new StringBuilder();
        files.forEach((path, text) -> record.append(path).append(",sha256=")
                .append(WheelBuilder.recordDigest(text.getBytes(StandardCharsets.UTF_8))).append(',')
                .append(text.getBytes(StandardCharsets.UTF_8).length).append('\n'));
        record.append("kitchen_sink-1.0.dist-info/RECORD,,\n");
        files.put("kitchen_sink-1.0.dist-info/RECORD", record.toString());
        List<String> executable = new ArrayList<>(List.of("kitchen_sink/tool.sh", "kitchen_sink-1.0.data/scripts/ks-raw"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(f.getKey());
                entry.setUnixMode(executable.contains(f.getKey()) ? 0100755 : 0100644);
                entry.setTime(946684800000L);
                zip.putArchiveEntry(entry);
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        Path wheel = Files.createDirectories(dir).resolve("kitchen_sink-1.0-py3-none-any.whl");
        Files.write(wheel, bytes.toByteArray());
        return wheel;
    }
}
