package dev.dockenv.engine;

/**
 * What docker clients printed here (Debian's engine 20.10.24; clients /usr/bin/docker 20.10.24 and
 * /usr/local/bin/docker 28.2.2; Podman 4.3.1's service behind a docker client), for the command
 * lines {@link DockerCli} runs. Only a host-specific path or two is shortened.
 */
final class DockerOutputs {
    private DockerOutputs() {
    }

    static final String SEP = "\u001f";

    /** docker version (20.10 client, 20.10 engine). */
    static final String VERSION_20 = "20.10.24+dfsg1" + SEP + "20.10.24+dfsg1" + SEP + "1.41" + SEP + "linux" + SEP
            + "amd64" + SEP + "Engine containerd runc docker-init \n";

    /** docker version (28.2 client, 20.10 engine). */
    static final String VERSION_28 = "28.2.2" + SEP + "20.10.24+dfsg1" + SEP + "1.41" + SEP + "linux" + SEP
            + "amd64" + SEP + "Engine containerd runc docker-init \n";

    /** docker version (20.10 client, DOCKER_HOST at `podman system service`). */
    static final String VERSION_PODMAN_SERVICE = "20.10.24+dfsg1" + SEP + "4.3.1" + SEP + "1.41" + SEP + "linux" + SEP
            + "amd64" + SEP + "Podman Engine Conmon OCI Runtime (runc) Engine \n";

    /** docker version's stdout when no engine answers (20.10 client; exit code 1). */
    static final String VERSION_20_NO_SERVER = "20.10.24+dfsg1" + SEP + "\n";

    /** The 20.10 and 28 clients' stderr when no engine listens at DOCKER_HOST. */
    static final String CANNOT_CONNECT =
            "Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemon running?\n";

    /** The 20.10 client's stderr for a socket the user may not use. */
    static final String PERMISSION_DENIED = "permission denied while trying to connect to the Docker daemon socket "
            + "at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version\": dial unix "
            + "/var/run/docker.sock: connect: permission denied\n";

    /** An engine refusing the client's API version (20.10 client with DOCKER_API_VERSION=1.50). */
    static final String API_TOO_NEW =
            "Error response from daemon: client version 1.50 is too new. Maximum supported API version is 1.41\n";

    static final String IMAGE_ID = "sha256:0b0b450a87b414bdca8871a97c2d8d08261c6eb47bc42474d2d8fc79d6fcd130";

    /**
     * docker image inspect of an image built FROM scratch with the labels a.b="x=y", empty="",
     * uni="café \"q\"" and multi="line1\nline2" (20.10 client).
     */
    static final String INSPECT_LABELLED = IMAGE_ID + SEP + "0" + SEP + "2026-12-05T18:02:41.63426219Z" + SEP
            + "a.b=\u001ex=y\u001dempty=\u001e\u001dmulti=\u001eline1\nline2\u001duni=\u001ecafé \"q\"\u001d\n";

    /** docker image inspect of the base image, which has no labels (20.10 client). */
    static final String INSPECT_UNLABELLED = "sha256:382b1976c5f32f6c31e1f0e4dc9b8a1e199c9838a39ed4f8483cef8e170666c6"
            + SEP + "190842781" + SEP + "2026-12-05T18:01:13.609537236Z" + SEP + "\n";

    /** docker context inspect of the default context. */
    static final String CONTEXT_DEFAULT = "default unix:///var/run/docker.sock\n";

    /** docker info's data folder. */
    static final String INFO = "/var/lib/docker\n";

    /**
     * A BuildKit build whose last RUN fails (20.10 client, DOCKER_BUILDKIT=1; the FROM step's
     * name is as a build of its own shows it).
     */
    static final String BUILDKIT_RUN_FAILS = """
            #1 [internal] load remote build context
            #1 sha256:d134a1843941a06ac519bb9a9b7b65a2a3c6fdfaa465f2f679d62e5928fe30ca
            #1 DONE 0.0s

            #2 copy /context /
            #2 sha256:965973e2f9cdfb475be14dd7086910b2cadd62cfb8009d284dabe2c5a8554a36
            #2 DONE 0.4s

            #4 [1/3] FROM docker.io/library/python:3.11-slim
            #4 sha256:393f53992145d4e66db06c6fc234cc485994eafdf13c53302514ff86dbc4b283
            #4 CACHED

            #3 [internal] load metadata for docker.io/library/python:3.11-slim
            #3 sha256:fec50dacbb21839eefab803f73dbb4d9623839a8f78459ebb826d917bc361c9b
            #3 DONE 0.0s

            #5 [2/3] RUN echo preparing
            #5 sha256:8a44dadd513d4748a242f1fb05fda7b2f85a80ff1a282dd548d6e20849a91156
            #5 0.531 preparing
            #5 DONE 0.6s

            #6 [3/3] RUN echo "no such thing" >&2 && exit 3
            #6 sha256:28d957e2bff535bd362fb01899956082c6b28eb7c3a01a5eb6f50efe4f8a1658
            #6 0.908 no such thing
            #6 ERROR: executor failed running [/bin/sh -c echo "no such thing" >&2 && exit 3]: exit code: 3
            ------
             > [3/3] RUN echo "no such thing" >&2 && exit 3:
            ------
            executor failed running [/bin/sh -c echo "no such thing" >&2 && exit 3]: exit code: 3
            """;

    /** The same build with the legacy builder (28.2 client, DOCKER_BUILDKIT=0; exit code 3). */
    static final String LEGACY_RUN_FAILS = """
            DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                        BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
                        environment-variable.

            Sending build context to Docker daemon  10.24kB
            Step 1/3 : FROM python:3.11-slim
             ---> 382b1976c5f3
            Step 2/3 : RUN echo preparing
             ---> Running in dfdc96f7230d
            preparing
            Removing intermediate container dfdc96f7230d
             ---> 4ebd1a7d81de
            Step 3/3 : RUN echo "no such thing" >&2 && exit 3
             ---> Running in 1d362f00c6ef
            \033[91mno such thing
            \033[0mRemoving intermediate container 1d362f00c6ef
            The command '/bin/sh -c echo "no such thing" >&2 && exit 3' returned a non-zero code: 3
            """;

    /** A BuildKit build FROM an image of a registry that does not resolve (20.10 client). */
    static final String BUILDKIT_PULL_FAILS = """
            #1 [internal] load remote build context
            #1 sha256:1d9f4080ddd98aeed5e0f19144f975cbda5b4cb7b078ef46d24f4e25f638b614
            #1 DONE 0.0s

            #2 copy /context /
            #2 sha256:88de27c948bb8222d36a4f60c65887be2fd209c6d4d8ef10f115104e0f7ee256
            #2 DONE 0.3s

            #3 [internal] load metadata for nosuchregistry.invalid/python:3.11-slim
            #3 sha256:0e502234f47f9677d91f8684229cbea7b81ed1be3054b266ccc5cfe7a2da308e
            #3 ERROR: failed to do request: Head "https://nosuchregistry.invalid/v2/python/manifests/3.11-slim": \
            dial tcp: lookup nosuchregistry.invalid on 10.255.255.53:53: no such host
            ------
             > [internal] load metadata for nosuchregistry.invalid/python:3.11-slim:
            ------
            failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: \
            Head "https://nosuchregistry.invalid/v2/python/manifests/3.11-slim": dial tcp: lookup \
            nosuchregistry.invalid on 10.255.255.53:53: no such host
            """;

    /** The same with the legacy builder (28.2 client, DOCKER_BUILDKIT=0; exit code 1). */
    static final String LEGACY_PULL_FAILS = """
            DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                        BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
                        environment-variable.

            Sending build context to Docker daemon  10.24kB
            Step 1/2 : FROM nosuchregistry.invalid/python:3.11-slim
            Get "https://nosuchregistry.invalid/v2/": dial tcp: lookup nosuchregistry.invalid on 10.255.255.53:53: \
            no such host
            """;

    /** A Dockerfile with RUN --mount given to the legacy builder (28.2 client, DOCKER_BUILDKIT=0; exit code 1). */
    static final String LEGACY_RUN_MOUNT = """
            DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                        BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
                        environment-variable.

            Sending build context to Docker daemon  10.24kB
            Step 1/2 : FROM python:3.11-slim
             ---> 382b1976c5f3
            Step 2/2 : RUN --mount=type=cache,target=/root/.cache/pip true
            the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to \
            build images with BuildKit enabled
            """;

    /** A 28.2 client without the buildx plugin asked for BuildKit (DOCKER_BUILDKIT=1; exit code 1). */
    static final String NO_BUILDX = """
            ERROR: BuildKit is enabled but the buildx component is missing or broken.
                   Install the buildx component to build images with BuildKit:
                   https://docs.docker.com/go/buildx/
            """;
}
