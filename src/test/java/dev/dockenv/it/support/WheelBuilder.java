package dev.dockenv.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds valid pure-Python wheels (PEP 427, {@code {name}-{version}-py3-none-any.whl}) in plain
 * Java, with no pip on the host.
 *
 * <p>A wheel holds the package's files, then {@code {name}-{version}.dist-info/} with
 * {@code METADATA} (Metadata-Version 2.1), {@code WHEEL}, an optional {@code entry_points.txt} and
 * {@code RECORD} (sha256 digests, urlsafe base64 without padding, and sizes). Builds are
 * reproducible: entries are sorted, every entry has the time 2000-01-01 00:00 and the same
 * compression level, so the same input gives the same bytes.
 *
 * <p>Fixture packages live in {@code src/test/resources/fixtures/packages/<id>/} (id like
 * {@code greeting-1.0.0}): a {@code fixture.properties} with {@code name}, {@code version},
 * optional {@code requires} (comma-separated PEP 508 strings), {@code requires_python} and
 * {@code summary}; an optional {@code entry_points.txt} that goes into the .dist-info; every other
 * file (say {@code greeting/__init__.py}) goes into the wheel at the same relative path.
 *
 * <pre>{@code
 * Path whl = WheelBuilder.buildFixture("greeting-1.0.0", outDir);
 * Path adHoc = WheelBuilder.wheel("mypkg", "0.1").file("mypkg/__init__.py", "X = 1\n").writeTo(outDir);
 * }</pre>
 */
public final class WheelBuilder {

    /** The fixture directory's metadata file; not part of the wheel. */
    public static final String FIXTURE_PROPERTIES = "fixture.properties";
    /** A fixture's entry points file; goes into the .dist-info, not the package. */
    public static final String ENTRY_POINTS = "entry_points.txt";

    static final String GENERATOR = "dockenv-test-wheelbuilder (1.0)";
    /**
     * The time of every entry, stored as plain DOS date and time, so builds are byte-identical in
     * any time zone. Not 1980-01-01 00:00: for that exact value the JDK adds an extended timestamp
     * field computed in the local time zone.
     */
    static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0, 0);
    private static final Pattern WHEEL_NAME_ESCAPE = Pattern.compile("[^A-Za-z0-9.]+");
    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");

    private final String name;
    private final String version;
    private final List<String> requires = new ArrayList<>();
    private final Map<String, byte[]> files = new TreeMap<>();
    private String requiresPython;
    private String summary;
    private String entryPoints;

    private WheelBuilder(String name, String version) {
        this.name = requireNonBlank(name, "name");
        this.version = requireNonBlank(version, "version");
    }

    /** Starts an ad hoc wheel (no fixture directory needed). */
    public static WheelBuilder wheel(String name, String version) {
        return new WheelBuilder(name, version);
    }

    /** A builder filled from a fixture directory (see the class comment for its layout). */
    public static WheelBuilder fromDirectory(Path fixtureDir) {
        Path props = fixtureDir.resolve(FIXTURE_PROPERTIES);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(props)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + props, e);
        }
        WheelBuilder b = new WheelBuilder(p.getProperty("name"), p.getProperty("version"));
        String requires = p.getProperty("requires", "");
        for (String r : requires.split(",")) {
            if (!r.isBlank()) {
                b.requires(r.strip());
            }
        }
        String rp = p.getProperty("requires_python", "").strip();
        if (!rp.isEmpty()) {
            b.requiresPython(rp);
        }
        String summary = p.getProperty("summary", "").strip();
        if (!summary.isEmpty()) {
            b.summary(summary);
        }
        try (Stream<Path> walk = Files.walk(fixtureDir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                String rel = fixtureDir.relativize(f).toString().replace('\\', '/');
                if (rel.equals(FIXTURE_PROPERTIES) || rel.contains("__pycache__/") || rel.endsWith(".pyc")) {
                    continue;
                }
                byte[] content = Files.readAllBytes(f);
                if (rel.equals(ENTRY_POINTS)) {
                    b.entryPoints(new String(content, StandardCharsets.UTF_8));
                } else {
                    b.file(rel, content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + fixtureDir, e);
        }
        return b;
    }

    /** A builder for the fixture {@code id} (a directory name under fixtures/packages). */
    public static WheelBuilder fixture(String id) {
        return fromDirectory(fixtureDir(id));
    }

    /** Builds the fixture {@code id} into {@code outDir}; returns the wheel's path. */
    public static Path buildFixture(String id, Path outDir) {
        return fixture(id).writeTo(outDir);
    }

    /** The ids (directory names) of every fixture package. */
    public static List<String> fixtureIds() {
        try (Stream<Path> list = Files.list(fixturesRoot())) {
            return list.filter(d -> Files.isRegularFile(d.resolve(FIXTURE_PROPERTIES)))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of fixture {@code id}; fails clearly when there is no such fixture. */
    public static Path fixtureDir(String id) {
        Path dir = fixturesRoot().resolve(id);
        if (!Files.isRegularFile(dir.resolve(FIXTURE_PROPERTIES))) {
            throw new IllegalArgumentException("no fixture package '" + id + "' (no " + dir.resolve(FIXTURE_PROPERTIES)
                    + "); known: " + fixtureIdsOrEmpty());
        }
        return dir;
    }

    /**
     * fixtures/packages on the test class path (target/test-classes), else under the source tree
     * (system property dockenv.home, else the working directory).
     */
    public static Path fixturesRoot() {
        URL url = WheelBuilder.class.getClassLoader().getResource("fixtures/packages");
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Paths.get(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path home = Paths.get(System.getProperty("dockenv.home", "."));
        Path src = home.resolve("src/test/resources/fixtures/packages");
        if (Files.isDirectory(src)) {
            return src.toAbsolutePath();
        }
        throw new IllegalStateException("fixtures/packages is neither on the test class path nor at " + src.toAbsolutePath());
    }

    private static String fixtureIdsOrEmpty() {
        try {
            return fixtureIds().toString();
        } catch (RuntimeException e) {
            return "[]";
        }
    }

    // ---- builder --------------------------------------------------------------------------------

    /** Adds a Requires-Dist line (a PEP 508 string such as {@code greeting>=1.0}). */
    public WheelBuilder requires(String pep508) {
        requires.add(requireNonBlank(pep508, "requirement"));
        return this;
    }

    public WheelBuilder requiresPython(String specifier) {
        this.requiresPython = requireNonBlank(specifier, "requires-python");
        return this;
    }

    public WheelBuilder summary(String summary) {
        this.summary = summary;
        return this;
    }

    /** The text of entry_points.txt, e.g. {@code "[console_scripts]\ntool = tool:main\n"}. */
    public WheelBuilder entryPoints(String text) {
        this.entryPoints = text;
        return this;
    }

    /** Adds a file to the wheel at a relative path such as {@code greeting/__init__.py}. */
    public WheelBuilder file(String relativePath, String content) {
        return file(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    public WheelBuilder file(String relativePath, byte[] content) {
        String rel = relativePath.replace('\\', '/');
        if (rel.startsWith("/") || rel.isEmpty() || List.of(rel.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a safe relative path: " + relativePath);
        }
        if (rel.startsWith(distInfoDir() + "/")) {
            throw new IllegalArgumentException("the .dist-info is generated: " + relativePath);
        }
        files.put(rel, content.clone());
        return this;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public List<String> requirements() {
        return List.copyOf(requires);
    }

    public Optional<String> requiresPythonSpec() {
        return Optional.ofNullable(requiresPython);
    }

    /** PEP 503 normalized project name ({@code My_Pkg.x} -> {@code my-pkg-x}). */
    public String normalizedName() {
        return normalize(name);
    }

    /** {@code {name}-{version}-py3-none-any.whl}, with PEP 427 escaping of name and version. */
    public String fileName() {
        return escape(name) + "-" + escape(version) + "-py3-none-any.whl";
    }

    /** {@code {name}-{version}.dist-info}. */
    public String distInfoDir() {
        return escape(name) + "-" + escape(version) + ".dist-info";
    }

    /** Writes the wheel into {@code outDir} (created if missing), replacing a file of the same name. */
    public Path writeTo(Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path target = outDir.resolve(fileName());
            Path tmp = Files.createTempFile(outDir, ".wheel", ".part");
            try {
                Files.write(tmp, toBytes());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write wheel " + fileName() + " to " + outDir, e);
        }
    }

    /** The wheel's bytes. */
    public byte[] toBytes() {
        Map<String, byte[]> entries = new LinkedHashMap<>(files);
        String distInfo = distInfoDir();
        entries.put(distInfo + "/METADATA", metadata().getBytes(StandardCharsets.UTF_8));
        entries.put(distInfo + "/WHEEL", wheelFile().getBytes(StandardCharsets.UTF_8));
        if (entryPoints != null) {
            entries.put(distInfo + "/entry_points.txt", entryPoints.getBytes(StandardCharsets.UTF_8));
        }
        String recordPath = distInfo + "/RECORD";
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            record.append(csv(e.getKey())).append(",sha256=").append(recordDigest(e.getValue()))
                    .append(',').append(e.getValue().length).append('\n');
        }
        record.append(csv(recordPath)).append(",,\n");
        entries.put(recordPath, record.toString().getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    String metadata() {
        StringBuilder m = new StringBuilder();
        m.append("Metadata-Version: 2.1\n");
        m.append("Name: ").append(name).append('\n');
        m.append("Version: ").append(version).append('\n');
        if (summary != null && !summary.isBlank()) {
            m.append("Summary: ").append(summary.strip().replace('\n', ' ')).append('\n');
        }
        if (requiresPython != null) {
            m.append("Requires-Python: ").append(requiresPython).append('\n');
        }
        for (String r : requires) {
            m.append("Requires-Dist: ").append(r).append('\n');
        }
        return m.toString();
    }

    static String wheelFile() {
        return "Wheel-Version: 1.0\n"
                + "Generator: " + GENERATOR + "\n"
                + "Root-Is-Purelib: true\n"
                + "Tag: py3-none-any\n";
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** PEP 503 normalization. */
    public static String normalize(String projectName) {
        return PEP503_SEPARATORS.matcher(projectName).replaceAll("-").toLowerCase(java.util.Locale.ROOT);
    }

    /** PEP 427 escaping of a name or version for file names: runs of other characters become '_'. */
    static String escape(String component) {
        return WHEEL_NAME_ESCAPE.matcher(component).replaceAll("_");
    }

    /** The RECORD form of a digest: sha256, urlsafe base64 without '=' padding. */
    public static String recordDigest(byte[] content) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(content));
    }

    /** Lower-case hex sha256, as used in a simple index's {@code #sha256=} fragment. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    public static String sha256Hex(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file); OutputStream out = new java.security.DigestOutputStream(
                    OutputStream.nullOutputStream(), md)) {
                in.transferTo(out);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static String requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("wheel " + what + " must not be blank");
        }
        return Objects.requireNonNull(value).strip();
    }
}
