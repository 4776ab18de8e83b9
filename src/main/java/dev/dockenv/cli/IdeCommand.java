package dev.dockenv.cli;

import picocli.CommandLine.Command;

/** {@code dockenv ide NAME}: the files an IDE needs to work in the environment; each IDE is a subcommand. */
@Command(name = "ide", mixinStandardHelpOptions = true,
        subcommands = {IdeVsCodeCommand.class, IdePyCharmCommand.class},
        description = "Write what an IDE needs to work in the environment: VS Code's dev container (ide vscode), "
                + "PyCharm's Docker Compose interpreter (ide pycharm). Files you edited are kept unless --force.")
final class IdeCommand extends CommandGroup {
    @Override
    String what() {
        return "the IDE";
    }
}
