package dev.dockenv.plan;

import java.util.List;

/**
 * One app of a repository with several, over the shared {@link BasePlan}: its name and folder,
 * what its environment adds to the base ({@code installs}, the {@code NAME-env} stage), its
 * {@link AppPlan} (the dev installs of {@code NAME-dev}: the shared dev dependencies and its own;
 * ports, command), and the other apps' folders, which its prod image leaves out.
 */
public record PlannedApp(String name, String folder, List<StageInstall> installs, AppPlan app,
        List<String> otherFolders) {

    public PlannedApp {
        installs = List.copyOf(installs);
        otherFolders = List.copyOf(otherFolders);
    }

    /** The stage with the app's environment (the shared base and the app's dependencies). */
    public String envStage() {
        return name + "-" + "env";
    }

    /** The stage {@code dockenv run --app NAME} runs in: the environment and the dev dependencies. */
    public String devStage() {
        return name + "-" + EnvironmentDockerfile.DEV;
    }

    /** The stage of the app's production image. */
    public String prodStage() {
        return name + "-" + EnvironmentDockerfile.PROD;
    }

    /** The internal stage holding the project's files without the other apps' folders. */
    public String filesStage() {
        return name + "-files";
    }

    /** The app's targets, as {@code build --target} names them for the app (dev, prod) mapped to stages. */
    public String stage(String target) {
        return EnvironmentDockerfile.PROD.equals(target) ? prodStage() : devStage();
    }
}
