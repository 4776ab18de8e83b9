package dev.dockenv.packaging;

import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What dockenv reads from a setup.py without running it: the keyword arguments of its
 * {@code setup(...)} call whose values are literals, what it imports, and the strings that may
 * name files it reads (each literal, and literals joined as a path, as in
 * {@code os.path.join(here, "pkg", "__init__.py")}).
 *
 * @param unreadable where the tokenizer gave up (the file then tells nothing else)
 * @param setupCall  where {@code setup(} is, when found
 * @param keywords   the call's keyword arguments by name
 * @param passesKwargs whether the call also takes {@code **kwargs} (any keyword may come from there)
 */
public record SetupPy(
        Path file,
        Optional<SourceLocation> unreadable,
        Optional<SourceLocation> setupCall,
        Map<String, Keyword> keywords,
        boolean passesKwargs,
        List<Import> imports,
        List<PathReference> pathReferences) {

    public SetupPy {
        keywords = Map.copyOf(keywords);
        imports = List.copyOf(imports);
        pathReferences = List.copyOf(pathReferences);
    }

    /** A keyword argument of setup(): its literal value when it is one, and where it is written. */
    public record Keyword(String name, Optional<Object> literal, SourceLocation location) {
    }

    /**
     * An absolute import: {@code import module} (names: the attributes read through it, as in
     * {@code module.__version__}) or {@code from module import a, b} (names: a, b).
     */
    public record Import(String module, Set<String> names, boolean from, SourceLocation location) {
        public Import {
            names = Set.copyOf(names);
        }
    }

    /** A string that may be a path the script reads, relative to the project. */
    public record PathReference(String path, SourceLocation location) {
    }

    /** A keyword's literal value, if the call has it. */
    public Optional<Object> literal(String keyword) {
        Keyword k = keywords.get(keyword);
        return k == null ? Optional.empty() : k.literal();
    }

    /** A keyword whose value is a string literal. */
    public Optional<String> string(String keyword) {
        return literal(keyword).filter(String.class::isInstance).map(String.class::cast);
    }

    /**
     * Whether dockenv knows for sure this keyword's value: the call was found, and the keyword is
     * either written with a literal value or (with no {@code **kwargs}) not written at all.
     */
    public boolean knows(String keyword) {
        if (unreadable.isPresent() || setupCall.isEmpty()) {
            return false;
        }
        Keyword k = keywords.get(keyword);
        return k == null ? !passesKwargs : k.literal().isPresent();
    }

    /** Where the reason dockenv cannot know a keyword is written. */
    public SourceLocation whyUnknown(String keyword) {
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        Keyword k = keywords.get(keyword);
        if (k != null) {
            return k.location();
        }
        return setupCall.orElse(SourceLocation.of(file));
    }
}
