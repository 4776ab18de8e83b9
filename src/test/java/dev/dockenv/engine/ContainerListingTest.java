package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerListingTest {
    /** Docker 20.10's answer to GET /containers/json, two containers (the first as the engine printed it). */
    private static final String API = """
            [{"Id":"aa8af47199300abddf9ec10062e905d17095a69668055354b6eafea39c365576","Names":["/shop_db_1"],\
            "Image":"postgres:16","ImageID":"sha256:382b1976c5f32f6c31e1f0e4dc9b8a1e199c9838a39ed4f8483cef8e170666c6",\
            "Command":"docker-entrypoint.sh postgres","Created":1796515535,"Ports":[],"Labels":{"com.docker.compose.project":"zz",\
            "com.docker.compose.service":"db","note":"\\"Id\\":\\"ffff\\""},"State":"running","Status":"Up 4 seconds (healthy)",\
            "HostConfig":{"NetworkMode":"default"},"NetworkSettings":{"Networks":{"bridge":{"NetworkID":"1d8a3e13c170a7df28134a03e13b5a6d2700e41bf92c31261681602c1b479e5a"}}},"Mounts":[]},\
            {"Id":"bb8af47199300abddf9ec10062e905d17095a69668055354b6eafea39c365576","Names":["/shop-cache-1"],\
            "Labels":{"com.docker.compose.service":"cache","com.docker.compose.project":"zz"},"State":"exited",\
            "Status":"Exited (137) 2 minutes ago","Mounts":[]}]""";

    @Test
    void readsTheEnginesAnswer() {
        List<ContainerStatus> all = ContainerListing.fromApi(API);
        assertThat(all).extracting(ContainerStatus::service).containsExactly("db", "cache");
        ContainerStatus db = all.get(0);
        assertThat(db.id()).startsWith("aa8af");
        assertThat(db.running()).isTrue();
        assertThat(db.health()).contains(ContainerStatus.Health.HEALTHY);
        assertThat(db.ready()).isTrue();
        ContainerStatus cache = all.get(1);
        assertThat(cache.ready()).isFalse();
        assertThat(cache.exitCode()).contains(137);
        assertThat(ContainerListing.fromApi("[]")).isEmpty();
    }

    @Test
    void aContainerWithoutItsFieldsIsAnError() {
        assertThatThrownBy(() -> ContainerListing.fromApi("[{\"Id\":\"aa8af4719930\",\"State\":\"running\"}]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheClientsLines() {
        List<ContainerStatus> all = ContainerListing.fromLines(
                "aa8af4719930\tdb\trunning\tUp 3 seconds (health: starting)\n\nbb8af4719930\tcache\trunning\tUp 1 second\n");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).health()).contains(ContainerStatus.Health.STARTING);
        assertThat(all.get(0).ready()).isFalse();
        assertThat(all.get(1).health()).isEmpty();
        assertThat(all.get(1).ready()).isTrue();
        assertThat(new ContainerStatus("x", "db", "running", "Up 1 minute (unhealthy)").health())
                .isEqualTo(Optional.of(ContainerStatus.Health.UNHEALTHY));
    }
}
