package dev.dockenv.packaging;

import dev.dockenv.packaging.PythonTokens.Kind;
import dev.dockenv.packaging.PythonTokens.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The top level of a Python module as packaging tools read it statically (as setuptools' {@code attr:}
 * does with {@code ast}): the docstring, the names whose last top-level assignment is a literal
 * (with that statement's text), and the top-level {@code from ... import} statements.
 */
public record ModuleSource(Optional<String> docstring, Map<String, String> literals, List<FromImport> fromImports,
        boolean readable) {

    public ModuleSource {
        literals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(literals));
        fromImports = List.copyOf(fromImports);
    }

    /** {@code from [dots]module import names} at top level, with its text. */
    public record FromImport(int level, String module, Set<String> names, String statement) {
        public FromImport {
            names = Set.copyOf(names);
        }
    }

    /** A module dockenv could not tokenize: nothing is known of it. */
    public static ModuleSource unreadable() {
        return new ModuleSource(Optional.empty(), Map.of(), List.of(), false);
    }

    public static ModuleSource parse(String source) {
        List<Token> tokens;
        try {
            tokens = PythonTokens.tokenize(source);
        } catch (PythonTokens.UnreadableSource e) {
            return unreadable();
        }
        Optional<String> docstring = Optional.empty();
        Map<String, String> literals = new LinkedHashMap<>();
        List<FromImport> imports = new ArrayList<>();
        boolean first = true;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Kind.NEWLINE && tokens.get(i).kind() != Kind.END) {
                continue;
            }
            if (i > start) {
                Token head = tokens.get(start);
                String text = source.substring(head.start(), tokens.get(i - 1).end());
                if (head.column() == 1) {
                    if (first && head.kind() == Kind.STRING && PythonLiteral.isLiteral(tokens, start, i)) {
                        docstring = Optional.of(text);
                    } else {
                        statement(tokens, start, i, text, literals, imports);
                    }
                } else {
                    assignedInBlock(tokens, start, i, literals);
                }
                first = false;
            }
            start = i + 1;
        }
        return new ModuleSource(docstring, literals, imports, true);
    }

    private static void statement(List<Token> tokens, int from, int to, String text, Map<String, String> literals,
            List<FromImport> imports) {
        Token head = tokens.get(from);
        if (head.isName("from")) {
            fromImport(tokens, from, to, text).ifPresent(imports::add);
            return;
        }
        // NAME [: annotation] = [NAME =]... value
        List<String> targets = new ArrayList<>();
        int i = from;
        int valueStart = -1;
        while (i < to && tokens.get(i).kind() == Kind.NAME) {
            int next = i + 1;
            if (next < to && tokens.get(next).isOp(":") && targets.isEmpty()) {
                int eq = next;
                while (eq < to && !tokens.get(eq).isOp("=")) {
                    eq++;
                }
                if (eq == to) {
                    return; // an annotation without a value
                }
                targets.add(tokens.get(i).text());
                valueStart = eq + 1;
                break;
            }
            if (next < to && tokens.get(next).isOp("=")) {
                targets.add(tokens.get(i).text());
                i = next + 1;
                valueStart = i;
                continue;
            }
            break;
        }
        if (targets.isEmpty()) {
            assignedInBlock(tokens, from, to, literals);
            return;
        }
        boolean literal = PythonLiteral.isLiteral(tokens, valueStart, to);
        for (String target : targets) {
            if (literal) {
                literals.remove(target); // keep the order of the last assignment
                literals.put(target, targets.size() == 1 ? text : target + " = " + text.substring(
                        tokens.get(valueStart).start() - tokens.get(from).start()));
            } else {
                literals.remove(target);
            }
        }
    }

    /** A name assigned anywhere else (in a block, by augmented assignment) is no longer a known literal. */
    private static void assignedInBlock(List<Token> tokens, int from, int to, Map<String, String> literals) {
        for (int i = from; i + 1 < to; i++) {
            Token t = tokens.get(i);
            Token n = tokens.get(i + 1);
            if (t.kind() == Kind.NAME && (n.isOp("=") || n.text().endsWith("=") && n.kind() == Kind.OP
                    && !n.isOp("==") && !n.isOp("<=") && !n.isOp(">=") && !n.isOp("!="))) {
                literals.remove(t.text());
            }
            if (t.isName("import") || t.isName("as")) {
                literals.remove(n.text());
            }
        }
    }

    private static Optional<FromImport> fromImport(List<Token> tokens, int from, int to, String text) {
        int i = from + 1;
        int level = 0;
        while (i < to && (tokens.get(i).isOp(".") || tokens.get(i).isOp("..."))) {
            level += tokens.get(i).text().length();
            i++;
        }
        StringBuilder module = new StringBuilder();
        while (i < to && tokens.get(i).kind() == Kind.NAME && !tokens.get(i).isName("import")) {
            module.append(tokens.get(i).text());
            i++;
            if (i < to && tokens.get(i).isOp(".")) {
                module.append('.');
                i++;
            }
        }
        if (i >= to || !tokens.get(i).isName("import")) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        for (i++; i < to; i++) {
            Token n = tokens.get(i);
            if (n.isName("as")) {
                return Optional.empty(); // renamed imports are not followed
            }
            if (n.kind() == Kind.NAME) {
                names.add(n.text());
            } else if (n.isOp("*")) {
                names.add("*");
            }
        }
        return Optional.of(new FromImport(level, module.toString(), names, text));
    }
}
