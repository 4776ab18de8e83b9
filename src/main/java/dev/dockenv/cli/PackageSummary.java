package dev.dockenv.cli;

import dev.dockenv.packaging.ModuleStub;
import dev.dockenv.packaging.PackagingProject;
import java.util.ArrayList;
import java.util.List;

/** {@code dockenv status}'s line about the project as an installed distribution. */
final class PackageSummary {
    private PackageSummary() {
    }

    static String describe(PackagingProject p) {
        List<String> reads = new ArrayList<>(p.editableInputs());
        for (ModuleStub stub : p.stubs()) {
            reads.add(stub.path() + " (its version statements only)");
        }
        StringBuilder s = new StringBuilder(p.name().orElse("(unnamed)"))
                .append(", built by ").append(p.backend().backend())
                .append(": editable in dev (built from ").append(String.join(", ", reads))
                .append("), a wheel in prod");
        if (!p.consoleScripts().isEmpty()) {
            s.append("; scripts ").append(String.join(", ", p.consoleScripts()));
        }
        for (String note : p.notes()) {
            s.append("\n            ").append(note);
        }
        return s.toString();
    }
}
