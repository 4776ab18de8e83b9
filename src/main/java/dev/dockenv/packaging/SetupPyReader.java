package dev.dockenv.packaging;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.Utf8File;
import dev.dockenv.packaging.PythonTokens.Kind;
import dev.dockenv.packaging.PythonTokens.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a setup.py statically (see {@link SetupPy}). Never runs it: a setup.py is a program, and
 * dockenv does not execute a project's code on the host. What it computes at run time stays
 * unknown here, and the image's build (which does run it, in a container) has the last word.
 */
public final class SetupPyReader {
    private SetupPyReader() {
    }

    public static SetupPy read(Path file) {
        return read(file, Utf8File.read(file));
    }

    public static SetupPy read(Path file, String source) {
        List<Token> tokens;
        try {
            tokens = PythonTokens.tokenize(source);
        } catch (PythonTokens.UnreadableSource e) {
            return new SetupPy(file, Optional.of(new SourceLocation(file, e.line(), e.column())), Optional.empty(),
                    Map.of(), false, List.of(), List.of());
        }
        Map<String, SetupPy.Keyword> keywords = new LinkedHashMap<>();
        boolean[] kwargs = {false};
        Optional<SourceLocation> call = Optional.empty();
        int open = setupCall(tokens);
        if (open >= 0) {
            call = Optional.of(at(file, tokens.get(open - 1)));
            arguments(file, tokens, open, keywords, kwargs);
        }
        return new SetupPy(file, Optional.empty(), call, keywords, kwargs[0], imports(file, tokens),
                pathReferences(file, tokens));
    }

    private static SourceLocation at(Path file, Token t) {
        return new SourceLocation(file, t.line(), t.column());
    }

    /** The index of the "(" of the first {@code setup(...)} call (setuptools.setup and distutils' too), or -1. */
    static int setupCall(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isName("setup") || !tokens.get(i + 1).isOp("(")) {
                continue;
            }
            Token before = i > 0 ? tokens.get(i - 1) : null;
            if (before != null && (before.isName("def") || before.isName("import"))) {
                continue;
            }
            if (before != null && before.isOp(".")) {
                Token owner = i > 1 ? tokens.get(i - 2) : null;
                if (owner == null || !(owner.isName("setuptools") || owner.isName("core"))) {
                    continue;
                }
            }
            return i + 1;
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open}, or the END token's. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                depth++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }

    private static void arguments(Path file, List<Token> tokens, int open, Map<String, SetupPy.Keyword> keywords,
            boolean[] kwargs) {
        int close = closing(tokens, open);
        int start = open + 1;
        int depth = 0;
        for (int i = open + 1; i <= close; i++) {
            Token t = tokens.get(i);
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                depth++;
            } else if ((t.isOp(")") || t.isOp("]") || t.isOp("}")) && i < close) {
                depth--;
            } else if ((t.isOp(",") && depth == 0) || i == close) {
                argument(file, tokens, start, i, keywords, kwargs);
                start = i + 1;
            }
        }
    }

    private static void argument(Path file, List<Token> tokens, int from, int to, Map<String, SetupPy.Keyword> keywords,
            boolean[] kwargs) {
        if (from >= to) {
            return;
        }
        Token first = tokens.get(from);
        if (first.isOp("**")) {
            kwargs[0] = true;
        } else if (first.kind() == Kind.NAME && from + 1 < to && tokens.get(from + 1).isOp("=")) {
            keywords.put(first.text(), new SetupPy.Keyword(first.text(),
                    PythonLiteral.evaluate(file, tokens, from + 2, to), at(file, first)));
        }
    }

    /** Absolute imports anywhere in the script, with the names read from each module. */
    private static List<SetupPy.Import> imports(Path file, List<Token> tokens) {
        List<SetupPy.Import> out = new ArrayList<>();
        boolean lineStart = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean starts = lineStart || (i > 0 && (tokens.get(i - 1).isOp(":") || tokens.get(i - 1).isOp(";")));
            lineStart = t.kind() == Kind.NEWLINE;
            if (!starts) {
                continue;
            }
            if (t.isName("import")) {
                // import a.b [as c], d
                int j = i + 1;
                while (j < tokens.size()) {
                    StringBuilder module = new StringBuilder();
                    j = dotted(tokens, j, module);
                    if (module.length() == 0) {
                        break;
                    }
                    String alias = module.toString();
                    if (j + 1 < tokens.size() && tokens.get(j).isName("as") && tokens.get(j + 1).kind() == Kind.NAME) {
                        alias = tokens.get(j + 1).text();
                        j += 2;
                    }
                    out.add(new SetupPy.Import(module.toString(), attributesRead(tokens, alias), false, at(file, t)));
                    if (j < tokens.size() && tokens.get(j).isOp(",")) {
                        j++;
                    } else {
                        break;
                    }
                }
            } else if (t.isName("from") && i + 1 < tokens.size() && !tokens.get(i + 1).isOp(".")
                    && !tokens.get(i + 1).isOp("...")) {
                StringBuilder module = new StringBuilder();
                int j = dotted(tokens, i + 1, module);
                if (module.length() == 0 || j >= tokens.size() || !tokens.get(j).isName("import")) {
                    continue;
                }
                Set<String> names = new LinkedHashSet<>();
                for (j++; j < tokens.size() && tokens.get(j).kind() != Kind.NEWLINE; j++) {
                    Token n = tokens.get(j);
                    if (n.kind() == Kind.NAME && !n.isName("as") && !(j > 0 && tokens.get(j - 1).isName("as"))) {
                        names.add(n.text());
                    } else if (n.isOp("*")) {
                        names.add("*");
                    }
                }
                out.add(new SetupPy.Import(module.toString(), names, true, at(file, t)));
            }
        }
        return out;
    }

    /** Reads a dotted name from tokens[j]; returns the index after it. */
    private static int dotted(List<Token> tokens, int j, StringBuilder into) {
        while (j < tokens.size() && tokens.get(j).kind() == Kind.NAME) {
            into.append(tokens.get(j).text());
            j++;
            if (j + 1 < tokens.size() && tokens.get(j).isOp(".") && tokens.get(j + 1).kind() == Kind.NAME) {
                into.append('.');
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** The attributes read as {@code alias.NAME} ({@code alias} may be dotted). */
    private static Set<String> attributesRead(List<Token> tokens, String alias) {
        String[] parts = alias.split("\\.");
        Set<String> names = new LinkedHashSet<>();
        outer:
        for (int i = 0; i + 2 * parts.length < tokens.size(); i++) {
            if (i > 0 && tokens.get(i - 1).isOp(".")) {
                continue;
            }
            for (int k = 0; k < parts.length; k++) {
                if (!tokens.get(i + 2 * k).isName(parts[k]) || !tokens.get(i + 2 * k + 1).isOp(".")) {
                    continue outer;
                }
            }
            Token attr = tokens.get(i + 2 * parts.length);
            if (attr.kind() == Kind.NAME) {
                names.add(attr.text());
            }
        }
        return names;
    }

    /** Each string literal, and runs of literals joined by ',' or '/' read as one path. */
    private static List<SetupPy.PathReference> pathReferences(Path file, List<Token> tokens) {
        List<SetupPy.PathReference> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Token runStart = null;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.STRING && t.value().isPresent()) {
                StringBuilder literal = new StringBuilder();
                while (i < tokens.size() && tokens.get(i).kind() == Kind.STRING && tokens.get(i).value().isPresent()) {
                    literal.append(tokens.get(i).value().get());
                    i++;
                }
                if (run.isEmpty()) {
                    runStart = t;
                }
                run.add(literal.toString());
                addPath(out, literal.toString(), at(file, t));
                if (i < tokens.size() && (tokens.get(i).isOp(",") || tokens.get(i).isOp("/"))
                        && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.STRING) {
                    i++;
                    continue;
                }
            } else {
                i++;
            }
            if (run.size() > 1) {
                addPath(out, String.join("/", run), at(file, runStart));
            }
            run.clear();
        }
        return out;
    }

    private static void addPath(List<SetupPy.PathReference> out, String candidate, SourceLocation at) {
        String s = candidate.strip();
        if (s.isEmpty() || s.length() > 300 || s.contains("\n") || s.contains("://") || s.contains("\0")) {
            return;
        }
        out.add(new SetupPy.PathReference(s, at));
    }
}
