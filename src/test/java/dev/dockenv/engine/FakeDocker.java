package dev.dockenv.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A docker client for unit tests of {@link DockerCli}: it answers only the command lines a test
 * scripted (anything else fails the test, naming the command line) and records every call with
 * the environment and standard input it was given.
 */
final class FakeDocker implements ProcessRunner {

    /** One process started: its command line, the environment added to dockenv's own, what it read. */
    record Call(List<String> command, Map<String, String> environment, byte[] stdin) {
        Call {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    private record Answer(int exitCode, String stdout, String stderr) {
    }

    private final Map<List<String>, Answer> answers = new HashMap<>();
    private Consumer<List<String>> anyBuild;
    private String anyBuildOutput = "";
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> uninstalled = new HashSet<>();

    /** {@code command} exits with {@code exitCode}, printing {@code stdout} and {@code stderr}. */
    FakeDocker answer(List<String> command, int exitCode, String stdout, String stderr) {
        answers.put(List.copyOf(command), new Answer(exitCode, stdout, stderr));
        return this;
    }

    /** {@code command} succeeds, printing {@code stdout}. */
    FakeDocker answer(List<String> command, String stdout) {
        return answer(command, 0, stdout, "");
    }

    /**
     * Any {@code build} command line (one naming a temporary folder a test cannot know) succeeds,
     * printing {@code stdout}, after {@code inspect} has seen it while the build runs.
     */
    FakeDocker answerAnyBuild(String stdout, Consumer<List<String>> inspect) {
        anyBuild = inspect;
        anyBuildOutput = stdout;
        return this;
    }

    /** No such program installed: starting it fails as ProcessBuilder does. */
    FakeDocker uninstalled(String program) {
        uninstalled.add(program);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The command lines run, in order. */
    List<List<String>> commands() {
        return calls.stream().map(Call::command).toList();
    }

    @Override
    public Result run(List<String> command, Map<String, String> environment, byte[] stdin) throws IOException {
        Answer answer = answerFor(command);
        calls.add(new Call(command, environment, stdin == null ? new byte[0] : stdin.clone()));
        return new Result(answer.exitCode(), answer.stdout(), answer.stderr());
    }

    /**
     * Writes the whole standard input first (as the client reads the build context before it
     * answers), then hands over the output lines, stdout and stderr merged as the real runner does.
     */
    @Override
    public int stream(List<String> command, Map<String, String> environment, StdinWriter stdin, Consumer<String> lines)
            throws IOException {
        if (anyBuild != null && command.size() > 1 && command.get(1).equals("build")) {
            anyBuild.accept(command);
            answers.put(List.copyOf(command), new Answer(0, anyBuildOutput, ""));
        }
        Answer answer = answerFor(command);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        if (stdin != null) {
            try {
                stdin.writeTo(in);
            } catch (RuntimeException e) {
                throw new CompletionException(e); // what LocalProcessRunner's feeder thread ends with
            }
        }
        calls.add(new Call(command, environment, in.toByteArray()));
        (answer.stdout() + answer.stderr()).lines().forEach(lines);
        return answer.exitCode();
    }

    /** Writes the scripted stdout (as UTF-8) to {@code stdout}, as the real runner copies it. */
    @Override
    public Result runTo(List<String> command, Map<String, String> environment, java.io.OutputStream stdout)
            throws IOException {
        Answer answer = answerFor(command);
        calls.add(new Call(command, environment, new byte[0]));
        stdout.write(answer.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Result(answer.exitCode(), "", answer.stderr());
    }

    @Override
    public int inherit(List<String> command, Map<String, String> environment) throws IOException {
        Answer answer = answerFor(command);
        calls.add(new Call(command, environment, new byte[0]));
        return answer.exitCode();
    }

    private Answer answerFor(List<String> command) throws IOException {
        if (uninstalled.contains(command.get(0))) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
        }
        Answer answer = answers.get(command);
        if (answer == null) {
            throw new AssertionError("unexpected command line: " + command + "\nscripted: " + answers.keySet());
        }
        return answer;
    }
}
