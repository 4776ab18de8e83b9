#!/usr/bin/env bash
# THE test command of dockenv: `scripts/test.sh [extra mvn arguments]`.
#
# Prepares what the integration tests need, then runs `mvn -B -ntp verify` (unit tests with
# surefire, integration tests *IT with failsafe against the real engine):
#   - a Docker engine (scripts/ensure-engine.sh installs and starts Debian's docker.io if none),
#   - the base image python:3.11-slim (scripts/ensure-base-image.sh: pulled, or a cached stand-in),
#   - the service images postgres:16 and redis:7 (scripts/ensure-service-images.sh: pulled, or
#     stand-ins built over the base image from Debian's postgresql-15 and redis-server with the
#     Dockerfiles in scripts/standins/, honouring the official images' POSTGRES_USER,
#     POSTGRES_PASSWORD, POSTGRES_DB; saved in the same cache and rebuilt when those files change),
#   - Debian's setuptools and wheel wheels, the build backend the tests' package index serves to
#     projects pip builds (scripts/ensure-build-backend-wheels.sh),
#   - wheels of Django, psycopg2, Flask, redis-py, jupyter-server and their dependencies made from
#     Debian's python3-* packages, which the package index serves to real applications
#     (scripts/ensure-app-wheels.sh, cached in ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}),
#   - a real registry on 127.0.0.1 with htpasswd auth for the push, pull and save tests
#     (scripts/ensure-registry.sh: Debian's docker-registry, no container; its address, user and
#     password exported as DOCKENV_TEST_REGISTRY, DOCKENV_TEST_REGISTRY_USER and
#     DOCKENV_TEST_REGISTRY_PASSWORD),
#   - the npm package kubernetes-models (scripts/ensure-kubernetes-models.sh, in the same cache),
#     which KubernetesManifestsIT validates the rendered Kubernetes manifests with,
#   - the Dev Containers CLI, npm @devcontainers/cli (scripts/ensure-devcontainer-cli.sh, in the same
#     cache), which DevContainerIT starts the dev containers of `dockenv ide vscode` with,
#   - action-validator, npm @action-validator/cli (scripts/ensure-action-validator.sh, in the same
#     cache), which GithubWorkflowIT checks the workflow of `dockenv ci github` with,
#   - gitlab-ci-local (scripts/ensure-gitlab-ci-local.sh, npm, in the same cache; rsync from Debian),
#     which GitlabPipelineIT runs the pipeline of `dockenv ci gitlab` with,
#   - kubectl (scripts/ensure-kubectl.sh: Debian's kubernetes-client when none is on PATH), which
#     DeployK8sIT runs without a cluster,
#   - when run as root, Podman beside Docker (scripts/ensure-podman.sh: podman, uidmap, catatonit,
#     the base image in root's and the test user's Podman stores) for PodmanIT,
#   - when run as root, "the server": a second Docker engine beside the main one, on its own socket
#     (unix:///run/dockenv-server/docker.sock, and tcp://127.0.0.1:23750), data root and bridge
#     (scripts/ensure-server-engine.sh); the tests reach it through DOCKENV_TEST_SERVER and
#     DOCKENV_TEST_SERVER_TCP (RemoteEngineIT),
#   - when run as root, the server as a single-node Swarm manager (scripts/ensure-swarm.sh; the
#     main engine stays out of swarm mode) for SwarmStackIT and DeploySwarmIT,
#   - when run as root, the server over ssh:// (scripts/ensure-ssh-engine.sh: an sshd of its own on
#     127.0.0.1:23722, key-only, whose sessions reach the server; DOCKENV_TEST_SSH_HOST, and
#     DOCKENV_TEST_SSH_PATH for the wrapper of the ssh client with the tests' key) for RemoteEngineIT
#     and DeployComposeIT,
#   - when run as root, the non-root user dockenvtest in the docker group
#     (scripts/ensure-test-user.sh); the non-root tests copy bin/ and target/dockenv.jar into a
#     directory that user owns (TestUser.stageDockenv), so nothing in or outside the checkout is
#     chmod-ed, wherever the checkout is (/root, /tmp, /work).
# DOCKENV_DOCKER picks the docker client for dockenv and the tests: /usr/bin/docker (Debian's 20.10
# client, which does BuildKit builds here) when it exists, unless already set.
#
# Examples:
#   scripts/test.sh                                   # everything
#   scripts/test.sh -Dtest=WheelBuilderTest -Dit.test=LocalPackageIndexIT \
#       -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

source scripts/prepare-engine.sh
bash scripts/ensure-service-images.sh
bash scripts/ensure-compose.sh
bash scripts/ensure-build-backend-wheels.sh
bash scripts/ensure-app-wheels.sh
registry_env=$(bash scripts/ensure-registry.sh --env)
eval "$registry_env"
unset registry_env
bash scripts/ensure-kubernetes-models.sh
bash scripts/ensure-devcontainer-cli.sh
bash scripts/ensure-action-validator.sh
bash scripts/ensure-gitlab-ci-local.sh
bash scripts/ensure-kubectl.sh
if [ "$(id -u)" = 0 ]; then
  bash scripts/ensure-test-user.sh
  export DOCKENV_TEST_USER=${DOCKENV_TEST_USER:-dockenvtest}
  bash scripts/ensure-podman.sh
  bash scripts/ensure-server-engine.sh
  bash scripts/ensure-swarm.sh
  ssh_env=$(bash scripts/ensure-ssh-engine.sh --env)
  eval "$ssh_env"
  unset ssh_env
  # The server engine, started again after its daemons were killed (as at the end of a session,
  # before CI runs on the same machine), removes the main engine's docker0 while it cleans up its
  # stale Swarm ingress sandbox. ensure-engine.sh makes the bridge again when it is missing.
  bash scripts/ensure-engine.sh
  export DOCKENV_TEST_SERVER=${DOCKENV_TEST_SERVER:-unix:///run/dockenv-server/docker.sock}
  export DOCKENV_TEST_SERVER_TCP=${DOCKENV_TEST_SERVER_TCP:-tcp://127.0.0.1:23750}
fi

exec mvn -B -ntp verify "$@"
