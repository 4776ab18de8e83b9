package dev.dockenv.config;

import dev.dockenv.config.DockenvConfig.RequirementsChoice;
import dev.dockenv.errors.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One app of a repository with several, as written under {@code [tool.dockenv.apps.NAME]}: its
 * folder ({@code path}, the app's name when not written), the requirements sets its environment
 * adds over the shared base and those its dev environment adds, its command, its ports and the
 * services it depends on. Values are checked for form here; that the folder and the sets exist is
 * for the scan to say.
 *
 * @param path the folder, '/'-separated and relative to the project (no {@code ..}, no leading {@code ./})
 * @param requirements empty when not written: the folder's requirements.txt, if any
 * @param devRequirements empty when not written: none besides the shared dev requirements
 * @param ports as written (parsed by {@link PortMapping})
 * @param dependsOn empty when not written: every service
 * @param release its {@code [tool.dockenv.apps.NAME.release]} table
 * @param deploy  its {@code [tool.dockenv.apps.NAME.deploy]} table (the keys it does not write are the project's)
 */
public record AppSetting(
        String name,
        SourceLocation location,
        String path,
        SourceLocation pathLocation,
        Optional<List<RequirementsChoice>> requirements,
        Optional<List<RequirementsChoice>> devRequirements,
        List<String> command,
        List<String> ports,
        Optional<List<NameReference>> dependsOn,
        ReleaseSetting release,
        DeploySetting deploy) {

    public AppSetting {
        requirements = requirements.map(List::copyOf);
        devRequirements = devRequirements.map(List::copyOf);
        command = List.copyOf(command);
        ports = List.copyOf(ports);
        dependsOn = dependsOn.map(List::copyOf);
    }
}
