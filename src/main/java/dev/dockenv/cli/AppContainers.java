package dev.dockenv.cli;

import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.config.PortMapping;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.project.Project;
import dev.dockenv.run.AccountFiles;
import dev.dockenv.run.HostUser;
import dev.dockenv.run.RunSpec;
import dev.dockenv.stack.AppContainer;
import dev.dockenv.stack.PlannedService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The app's container in the stack, as {@code run} starts one: as the host user, the project mounted. */
final class AppContainers {
    private AppContainers() {
    }

    static AppContainer of(Session session, Project project, String imageReference, String imageId) {
        HostUser user = HostUser.current();
        List<PlannedService.Mount.Bind> binds = new ArrayList<>();
        String home = AccountFiles.homeOf(user);
        if (!user.isRoot()) {
            RunSpec.UserMounts m = HostAccounts.prepare(session, project.root(), project.name(), imageId, user);
            binds.add(new PlannedService.Mount.Bind(m.passwd(), "/etc/passwd", true));
            binds.add(new PlannedService.Mount.Bind(m.group(), "/etc/group", true));
            binds.add(new PlannedService.Mount.Bind(m.home(), home, false));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home);
        env.put("USER", user.accountName());
        List<PortMapping> ports = project.config().ports().stream().map(p -> PortMapping.parse(p).orElseThrow()).toList();
        return new AppContainer(ProjectStack.APP, imageReference, user.ids(), project.root(),
                ContainerPaths.PROJECT, binds, env, ports, project.config().command(),
                Map.of(EnvironmentBuilder.LABEL_PROJECT, project.name()));
    }
}
