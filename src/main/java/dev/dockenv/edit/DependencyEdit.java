package dev.dockenv.edit;

import java.util.Optional;

/**
 * The outcome of editing one dependency file: its new text, what happened, and the requirement it
 * replaced or removed (as written), if any.
 */
public record DependencyEdit(String text, EditKind kind, Optional<String> previous) {
}
