package dev.dockenv.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over an ordered list of named inputs: labelled bytes, files and context entries. Every field
 * is tagged and length-prefixed, so ("ab", "c") and ("a", "bc") differ. A file counts by its content and
 * executable bit, a symbolic link by its target, a directory by its path; modification times never count.
 */
public final class ContentDigest {

    private static final String FORMAT = "dockenv-content-digest-v1";
    private static final int BUFFER_SIZE = 64 * 1024;

    private ContentDigest() {
    }

    /** A builder that reads every file it digests. */
    public static Builder builder() {
        return new Builder(null);
    }

    /** A builder that takes file digests from {@code cache} (null: none) when the files are unchanged. */
    public static Builder builder(FileDigestCache cache) {
        return new Builder(cache);
    }

    /** The lowercase hex SHA-256 of a file's content. */
    static String sha256(Path file) {
        MessageDigest sha = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw ContextErrors.unreadable(file, e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Collects inputs in order; files are read when {@link #build()} is called. */
    public static final class Builder {
        private final FileDigestCache cache;
        private final List<Field> fields = new ArrayList<>();

        private Builder(FileDigestCache cache) {
            this.cache = cache;
        }

        public Builder add(String label, byte[] bytes) {
            fields.add(new Bytes(label, bytes.clone()));
            return this;
        }

        /** A labelled string, as its UTF-8 bytes. */
        public Builder add(String label, String value) {
            return add(label, value.getBytes(StandardCharsets.UTF_8));
        }

        /** A file on disk under a name: its content and executable bit (following symbolic links). */
        public Builder addFile(String path, Path file) {
            fields.add(new FileField(path, file));
            return this;
        }

        /** Context entries in the given order, as listed by {@link ContextFiles}. */
        public Builder addEntries(List<ContextEntry> entries) {
            for (ContextEntry entry : entries) {
                fields.add(new EntryField(entry));
            }
            return this;
        }

        /** The lowercase hex SHA-256 of everything added so far. */
        public String build() {
            Encoder encoder = new Encoder(cache);
            encoder.string(FORMAT);
            for (Field field : fields) {
                field.feed(encoder);
            }
            return encoder.hex();
        }
    }

    /** Writes tagged, length-prefixed fields into a SHA-256. */
    private static final class Encoder {
        private final MessageDigest sha = newSha256();
        private final FileDigestCache cache;

        Encoder(FileDigestCache cache) {
            this.cache = cache;
        }

        void tag(char tag) {
            sha.update((byte) tag);
        }

        void bytes(byte[] bytes) {
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            sha.update(bytes);
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void flag(boolean b) {
            sha.update((byte) (b ? 1 : 0));
        }

        void fileContent(Path file) {
            string(cache == null ? sha256(file) : cache.sha256(file));
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private interface Field {
        void feed(Encoder out);
    }

    private record Bytes(String label, byte[] bytes) implements Field {
        @Override
        public void feed(Encoder out) {
            out.tag('B');
            out.string(label);
            out.bytes(bytes);
        }
    }

    private record FileField(String path, Path file) implements Field {
        @Override
        public void feed(Encoder out) {
            boolean executable;
            try {
                executable = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
            } catch (UnsupportedOperationException e) {
                executable = true;
            } catch (IOException e) {
                throw ContextErrors.unreadable(file, e);
            }
            out.tag('F');
            out.string(path);
            out.flag(executable);
            out.fileContent(file);
        }
    }

    private record EntryField(ContextEntry entry) implements Field {
        @Override
        public void feed(Encoder out) {
            switch (entry.kind()) {
                case FILE:
                    out.tag('F');
                    out.string(entry.path());
                    out.flag(entry.executable());
                    out.fileContent(entry.source());
                    break;
                case DIRECTORY:
                    out.tag('D');
                    out.string(entry.path());
                    break;
                default:
                    out.tag('L');
                    out.string(entry.path());
                    out.string(entry.linkTarget());
                    break;
            }
        }
    }
}
