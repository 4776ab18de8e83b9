package dev.dockenv.cli;

import picocli.CommandLine.Command;

/** {@code dockenv ci NAME}: a CI pipeline that builds, tests and releases the project; each platform is a subcommand. */
@Command(name = "ci", mixinStandardHelpOptions = true,
        subcommands = {CiGithubCommand.class, CiGitlabCommand.class},
        description = "Write a CI pipeline that builds the dev environment (cached between runs), runs the tests in it, "
                + "fails on a stale lock, and releases and pushes the image on the default branch and version tags: "
                + "GitHub Actions (ci github), GitLab CI (ci gitlab). Files you edited are kept unless --force.")
final class CiCommand extends CommandGroup {
    @Override
    String what() {
        return "the CI platform";
    }
}
