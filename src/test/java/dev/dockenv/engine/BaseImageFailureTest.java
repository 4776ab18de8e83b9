package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.errors.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A base image that cannot be pulled is one line naming the image, with what to do, for both builders. */
class BaseImageFailureTest {
    private static final BuildProgress QUIET = new BuildProgress() {
        @Override
        public void step(String description) {
        }

        @Override
        public void line(String line) {
        }
    };

    private static BuildFailedException failure(String output, int exitCode) {
        BuildLog log = new BuildLog(QUIET);
        output.lines().forEach(log::accept);
        BuildFailedException raw = log.failure(exitCode).orElseThrow();
        return BaseImageFailure.explain(raw).map(BuildFailedException.class::cast).orElse(raw);
    }

    /** BuildKit's output when the registry's host does not resolve (docker 20.10, captured here). */
    private static final String BUILDKIT_NO_HOST = """
            #1 [internal] load build definition from Dockerfile
            #1 transferring dockerfile: 77B done
            #1 DONE 0.0s

            #3 [internal] load metadata for docker.io/mambaorg/micromamba:2.5.0
            #3 sha256:962ce5956e249ecc54bcb9fa74ee7382d9f1e693e03fa5061f586db74d29a353
            #3 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/mambaorg/micromamba/manifests/2.5.0": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host
            ------
             > [internal] load metadata for docker.io/mambaorg/micromamba:2.5.0:
            ------
            failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head "https://registry-1.docker.io/v2/mambaorg/micromamba/manifests/2.5.0": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host
            """;

    /** The legacy builder's output for the same (docker 28 client, DOCKER_BUILDKIT=0, captured here). */
    private static final String LEGACY_NO_HOST = """
            DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                        BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
                        environment-variable.

            Sending build context to Docker daemon  4.608kB

            Step 1/15 : FROM mambaorg/micromamba:2.5.0 AS base
            Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host
            """;

    @Test
    void buildKitCannotReachTheRegistry() {
        BuildFailedException f = failure(BUILDKIT_NO_HOST, 1);

        assertThat(f.getMessage()).isEqualTo("cannot pull the base image mambaorg/micromamba:2.5.0: "
                + "registry-1.docker.io cannot be reached from the engine (no such host)");
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains("docker load", "base-image"));
        assertThat(f.stepOutput()).as("nothing more to print than the one line").isEmpty();
        assertThat(f.exitCode()).isEqualTo(ExitCode.BUILD_FAILED);
    }

    @Test
    void theLegacyBuilderCannotReachTheRegistry() {
        BuildFailedException f = failure(LEGACY_NO_HOST, 1);

        assertThat(f.getMessage()).isEqualTo("cannot pull the base image mambaorg/micromamba:2.5.0: "
                + "registry-1.docker.io cannot be reached from the engine (no such host)");
        assertThat(f.step()).isEqualTo("FROM mambaorg/micromamba:2.5.0 AS base");
        assertThat(f.exitCode()).isEqualTo(ExitCode.BUILD_FAILED);
    }

    @Test
    void anImageTheRegistryDoesNotHave() {
        BuildFailedException f = failure("""
                #3 [internal] load metadata for docker.io/library/python:3.99-slim
                #3 ERROR: docker.io/library/python:3.99-slim: not found
                """, 1);

        assertThat(f.getMessage()).isEqualTo("cannot pull the base image python:3.99-slim: its registry has no such "
                + "image (not found)");
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains("name and tag"));
    }

    @Test
    void aRegistryThatRefusesAccess() {
        BuildFailedException f = failure("""
                Step 1/3 : FROM registry.example/team/base:1 AS base
                Get "https://registry.example/v2/team/base/manifests/1": unauthorized: authentication required
                """, 1);

        assertThat(f.getMessage()).startsWith("cannot pull the base image registry.example/team/base:1: "
                + "registry.example refused access");
        assertThat(f.hint()).hasValue("docker login registry.example with an account that may pull it");
    }

    @Test
    void otherFailuresKeepTheBuildersReport() {
        BuildFailedException f = failure("""
                #8 [base 5/6] RUN pip install nosuch
                #8 1.0 ERROR: No matching distribution found for nosuch
                #8 ERROR: executor failed running [/bin/sh -c pip install nosuch]: exit code: 1
                """, 1);

        assertThat(f.getMessage()).startsWith("image build failed at [base 5/6] RUN pip install nosuch");
        assertThat(BaseImageFailure.explain(new BuildFailedException("FROM base AS dev", List.of(), "disk full")))
                .isEmpty();
    }

    @Test
    void namesTheImageAsADockerfileWritesIt() {
        assertThat(BaseImageFailure.image("[internal] load metadata for docker.io/library/python:3.11-slim"))
                .hasValue("python:3.11-slim");
        assertThat(BaseImageFailure.image("[base 1/9] FROM ghcr.io/mamba-org/micromamba:2.5.0@sha256:abc"))
                .hasValue("ghcr.io/mamba-org/micromamba:2.5.0@sha256:abc");
        assertThat(BaseImageFailure.image("FROM --platform=linux/amd64 mambaorg/micromamba:2.5.0 AS base"))
                .hasValue("mambaorg/micromamba:2.5.0");
        assertThat(BaseImageFailure.image("RUN true")).isEmpty();
    }
}
