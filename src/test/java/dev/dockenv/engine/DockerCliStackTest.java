package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Swarm stacks through the docker client: the command lines of deploy, services, ps and rm, what
 * they print read into values, and refusals (outputs copied from Debian's docker 20.10 client
 * against a single-node Swarm here).
 */
class DockerCliStackTest {
    private static final Path FILE = Path.of("/srv/shop/stack.yaml");

    private final FakeDocker docker = new FakeDocker();
    private final List<String> progress = new ArrayList<>();

    private DockerCli cli(Map<String, String> env) {
        return new DockerCli(List.of("docker"), docker, env);
    }

    private static List<String> deploy(String stack) {
        return List.of("docker", "stack", "deploy", "--compose-file", FILE.toString(), "--with-registry-auth", "--prune",
                stack);
    }

    @Test
    void aDeploySendsTheUsersLoginAlongAndHandsOnEveryLine() {
        docker.answer(deploy("shop"), "Creating network shop_default\nCreating service shop_web\n");

        cli(Map.of("DOCKER_CONFIG", "/home/me/.docker")).stackDeploy("shop", FILE, Map.of(), progress::add);

        assertThat(progress).containsExactly("Creating network shop_default", "Creating service shop_web");
        assertThat(docker.calls().get(0).environment()).containsExactly(Map.entry("DOCKER_CONFIG", "/home/me/.docker"));
    }

    @Test
    void theOperatorsVariablesGoToTheClientsEnvironmentNotItsCommandLine() {
        docker.answer(deploy("shop"), "Updating service shop_web\n");

        cli(Map.of("DOCKER_CONFIG", "/home/me/.docker")).stackDeploy("shop", FILE,
                Map.of("DB_PASSWORD", "s3cret", "DOCKER_CONFIG", "/elsewhere"), progress::add);

        assertThat(docker.calls().get(0).environment()).containsOnly(Map.entry("DB_PASSWORD", "s3cret"),
                Map.entry("DOCKER_CONFIG", "/home/me/.docker"));
        assertThat(docker.calls().get(0).command()).noneMatch(a -> a.contains("s3cret"));
    }

    @Test
    void aSwarmManagerIsAnActiveNodeWithTheControlPlane() {
        List<String> info = List.of("docker", "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}");
        docker.answer(info, "active true\n");
        assertThat(cli(Map.of()).swarmManager()).isTrue();

        FakeDocker worker = new FakeDocker();
        worker.answer(info, "active false\n");
        assertThat(new DockerCli(List.of("docker"), worker, Map.of()).swarmManager()).isFalse();

        FakeDocker single = new FakeDocker();
        single.answer(info, "inactive false\n");
        assertThat(new DockerCli(List.of("docker"), single, Map.of()).swarmManager()).isFalse();

        FakeDocker down = new FakeDocker();
        down.answer(info, 1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker "
                + "daemon running?\n");
        assertThatThrownBy(() -> new DockerCli(List.of("docker"), down, Map.of()).swarmManager())
                .isInstanceOf(EngineUnreachableException.class);
    }

    @Test
    void aServicesLastUpdateIsReadFromItsUpdateStatus() {
        List<String> inspect = List.of("docker", "service", "inspect", "--format", "{{json .UpdateStatus}}");
        docker.answer(concat(inspect, "shop_web"), "{\"State\":\"rollback_completed\",\"StartedAt\":"
                + "\"2026-12-06T10:01:02.5Z\",\"CompletedAt\":\"2026-12-06T10:01:40Z\",\"Message\":\"rollback completed\"}\n");
        docker.answer(concat(inspect, "shop_new"), "null\n");
        docker.answer(concat(inspect, "shop_gone"), 1, "", "Error: no such service: shop_gone\n");

        assertThat(cli(Map.of()).serviceUpdate("shop_web")).contains(new ServiceUpdate("rollback_completed",
                "2026-12-06T10:01:02.5Z", "rollback completed"));
        assertThat(cli(Map.of()).serviceUpdate("shop_web").orElseThrow().failed()).isTrue();
        assertThat(cli(Map.of()).serviceUpdate("shop_new")).isEmpty();
        assertThat(cli(Map.of()).serviceUpdate("shop_gone")).isEmpty();
    }

    private static List<String> concat(List<String> head, String last) {
        List<String> all = new ArrayList<>(head);
        all.add(last);
        return all;
    }

    @Test
    void anEngineThatIsNoSwarmManagerSaysHowToMakeOne() {
        docker.answer(deploy("shop"), 1, "", "this node is not a swarm manager. Use \"docker swarm init\" or "
                + "\"docker swarm join\" to connect this node to swarm and try again\n");

        EngineException e = catchThrowableOfType(() -> cli(Map.of()).stackDeploy("shop", FILE, Map.of(), progress::add),
                EngineException.class);

        assertThat(e.getMessage()).contains("shop").contains(FILE.toString()).contains("not a swarm manager");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("docker swarm init"));
    }

    @Test
    void aFileTheClientRefusesIsAnErrorWithItsWords() {
        docker.answer(deploy("shop"), 1, "", "services.app Additional property profiles is not allowed\n");

        EngineException e = catchThrowableOfType(() -> cli(Map.of()).stackDeploy("shop", FILE, Map.of(), progress::add),
                EngineException.class);

        assertThat(e.getMessage()).contains("Additional property profiles is not allowed");
        assertThat(e.hint()).isEmpty();
    }

    @Test
    void anUnreachableEngineIsOneLine() {
        docker.answer(deploy("shop"), 1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
                + "Is the docker daemon running?\n");

        assertThatThrownBy(() -> cli(Map.of()).stackDeploy("shop", FILE, Map.of(), progress::add))
                .isInstanceOf(EngineUnreachableException.class);
    }

    @Test
    void theServicesOfAStackWithTheirReplicas() {
        docker.answer(List.of("docker", "stack", "services", "--format", "{{json .}}", "shop"), """
                {"ID":"a78h03tyscf1","Image":"127.0.0.1:5000/shop:2","Mode":"replicated","Name":"shop_web","Ports":"","Replicas":"1/2"}
                {"ID":"b78h03tyscf2","Image":"redis:7","Mode":"global","Name":"shop_cache","Ports":"","Replicas":"1/1"}
                {"ID":"c78h03tyscf3","Image":"shop:2","Mode":"replicated","Name":"shop_worker","Ports":"","Replicas":"0/2 (max 1 per node)"}
                """);

        List<StackService> services = cli(Map.of()).stackServices("shop");

        assertThat(services).containsExactly(
                new StackService("shop_web", "replicated", 1, 2, "127.0.0.1:5000/shop:2"),
                new StackService("shop_cache", "global", 1, 1, "redis:7"),
                new StackService("shop_worker", "replicated", 0, 2, "shop:2"));
        assertThat(services).extracting(StackService::converged).containsExactly(false, true, false);
    }

    @Test
    void theTasksOfAStackOldAndNew() {
        docker.answer(List.of("docker", "stack", "ps", "--no-trunc", "--format", "{{json .}}", "shop"), """
                {"CurrentState":"Running 5 seconds ago","DesiredState":"Running","Error":"","ID":"obe92d1hrd7m","Image":"127.0.0.1:5000/shop:2@sha256:ab","Name":"shop_web.1","Node":"vm","Ports":""}
                {"CurrentState":"Shutdown 6 seconds ago","DesiredState":"Shutdown","Error":"","ID":"xk3","Image":"127.0.0.1:5000/shop:1@sha256:cd","Name":"shop_web.1","Node":"vm","Ports":""}
                {"CurrentState":"Starting 1 second ago","DesiredState":"Running","Error":"","ID":"p2","Image":"shop:2","Name":"shop_web.2","Node":"vm","Ports":""}
                {"CurrentState":"Rejected 2 seconds ago","DesiredState":"Shutdown","Error":"No such image: shop:3","ID":"q9","Image":"shop:3","Name":"shop_worker.1","Node":"vm","Ports":""}
                """);

        List<StackTask> tasks = cli(Map.of()).stackTasks("shop");

        assertThat(tasks).extracting(StackTask::currentState).containsExactly("running", "shutdown", "starting", "rejected");
        assertThat(tasks).extracting(StackTask::running).containsExactly(true, false, false, false);
        assertThat(tasks).extracting(StackTask::failed).containsExactly(false, false, false, true);
        assertThat(tasks).extracting(StackTask::service).containsExactly("shop_web", "shop_web", "shop_web", "shop_worker");
        assertThat(tasks.get(3).error()).isEqualTo("No such image: shop:3");
        assertThat(tasks.get(0).image()).isEqualTo("127.0.0.1:5000/shop:2@sha256:ab");
    }

    /** As the 20.10 client printed a crashed task's error: in quotes of its own. */
    @Test
    void aTasksQuotedErrorIsReadWithoutItsQuotes() {
        docker.answer(List.of("docker", "stack", "ps", "--no-trunc", "--format", "{{json .}}", "shop"), """
                {"CurrentState":"Failed 3 seconds ago","DesiredState":"Shutdown","Error":"\\"task: non-zero exit (1)\\"","ID":"z6","Image":"shop:2","Name":"shop_app.1","Node":"vm","Ports":""}
                """);

        assertThat(cli(Map.of()).stackTasks("shop")).singleElement()
                .satisfies(t -> assertThat(t.error()).isEqualTo("task: non-zero exit (1)"));
    }

    @Test
    void aStackThatDoesNotExistHasNoServicesNoTasksAndRemovesQuietly() {
        docker.answer(List.of("docker", "stack", "services", "--format", "{{json .}}", "gone"), 1, "",
                "nothing found in stack: gone\n");
        docker.answer(List.of("docker", "stack", "ps", "--no-trunc", "--format", "{{json .}}", "gone"), 1, "",
                "nothing found in stack: gone\n");
        docker.answer(List.of("docker", "stack", "rm", "gone"), 0, "", "Nothing found in stack: gone\n");

        assertThat(cli(Map.of()).stackServices("gone")).isEmpty();
        assertThat(cli(Map.of()).stackTasks("gone")).isEmpty();
        cli(Map.of()).stackRemove("gone");
        assertThat(docker.commands()).last().isEqualTo(List.of("docker", "stack", "rm", "gone"));
    }

    @Test
    void aRemovalTheEngineRefusesIsAnError() {
        docker.answer(List.of("docker", "stack", "rm", "shop"), 1, "", "Error response from daemon: This node is not a "
                + "swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and "
                + "try again.\n");

        assertThatThrownBy(() -> cli(Map.of()).stackRemove("shop")).isInstanceOf(EngineException.class)
                .hasMessageContaining("cannot remove the stack shop").hasMessageContaining("not a swarm manager");
    }

    @Test
    void aListingThatIsNotJsonIsAnError() {
        docker.answer(List.of("docker", "stack", "services", "--format", "{{json .}}", "shop"), "ID NAME\n");

        assertThatThrownBy(() -> cli(Map.of()).stackServices("shop")).isInstanceOf(EngineException.class)
                .hasMessageContaining("ID NAME");
    }

    @Test
    void aStackNameThatIsNoNameIsRefusedBeforeTheClientRuns() {
        assertThatThrownBy(() -> cli(Map.of()).stackRemove("--all")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cli(Map.of()).stackDeploy("a b", FILE, Map.of(), progress::add))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(docker.calls()).isEmpty();
    }
}
