package dev.dockenv.cli;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One case of the bad-input corpus: a small project whose file {@code file} is {@code content},
 * and what dockenv must answer when it reads it: an exit code of {@code exits} (never 1, never a
 * stack trace) and, for an error, a message naming {@code named} (at {@code line} when it is not 0).
 */
record BadInput(String group, String name, Map<String, String> beside, String file, Content content,
        Set<Integer> exits, String named, int line, Optional<String> disabled) {

    BadInput {
        beside = Map.copyOf(beside);
        exits = Set.copyOf(exits);
        if (exits.contains(1)) {
            throw new IllegalArgumentException("exit 1 is an internal error, never an expected answer: " + name);
        }
    }

    /** What the file under test is. */
    sealed interface Content {
        /** A regular file with these bytes. */
        record Bytes(byte[] bytes) implements Content {
        }

        /** A symbolic link to {@code target} (relative to the file, or absolute). */
        record Link(String target) implements Content {
        }

        /** A named pipe (FIFO). */
        record Fifo() implements Content {
        }

        /** A folder where a file is expected. */
        record Folder() implements Content {
        }
    }

    /** A case with bad input in {@code file} of {@code seed}'s project: exit 4, naming the file. */
    static BadInput of(String group, String name, CorpusSeed seed, String file, byte[] bytes) {
        Map<String, String> beside = new LinkedHashMap<>(seed.files());
        beside.remove(file);
        return new BadInput(group, name, beside, file, new Content.Bytes(bytes), Set.of(4), file, 0,
                Optional.empty());
    }

    static BadInput of(String group, String name, CorpusSeed seed, String file, String text) {
        return of(group, name, seed, file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bad input in the seed's own file. */
    static BadInput of(String group, String name, CorpusSeed seed, String text) {
        return of(group, name, seed, seed.file(), text);
    }

    BadInput at(int line) {
        return new BadInput(group, name, beside, file, content, exits, named, line, disabled);
    }

    BadInput exits(Integer... codes) {
        return new BadInput(group, name, beside, file, content, new TreeSet<>(Set.of(codes)), named, line, disabled);
    }

    /**
     * dockenv may accept it (as pip or the format's own tool does, or leaving it to the build to
     * refuse): exit 0, or an error naming the file.
     */
    BadInput lenient() {
        return exits(0, 4);
    }

    /** The error names another file than the one under test (where the conflict is reported). */
    BadInput naming(String other) {
        return new BadInput(group, name, beside, file, content, exits, other, line, disabled);
    }

    BadInput with(String otherFile, String text) {
        Map<String, String> more = new LinkedHashMap<>(beside);
        more.put(otherFile, text);
        return new BadInput(group, name, more, file, content, exits, named, line, disabled);
    }

    BadInput without(String otherFile) {
        Map<String, String> fewer = new LinkedHashMap<>(beside);
        fewer.remove(otherFile);
        return new BadInput(group, name, fewer, file, content, exits, named, line, disabled);
    }

    BadInput content(Content other) {
        return new BadInput(group, name, beside, file, other, exits, named, line, disabled);
    }

    BadInput disabled(String reason) {
        return new BadInput(group, name, beside, file, content, exits, named, line, Optional.of(reason));
    }

    @Override
    public String toString() {
        return group + ": " + name;
    }
}
