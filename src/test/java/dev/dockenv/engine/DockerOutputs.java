package dev.dockenv.engine;

/**
 * What docker clients printed here (Debian's engine 20.10.24; clients /usr/bin/docker 20.10.24 and
 * /usr/local/bin/docker 28.2.2; Podman 4.3.1, itself and its service behind a docker client), for
 * the command lines {@link DockerCli} runs, copied as they were printed.
 */
final class DockerOutputs {
    private DockerOutputs() {
    }

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

    /** docker version (20.10 client and engine). */
    static final String VERSION_20 = """
            {"Client":{"Platform":{"Name":""},"Version":"20.10.24+dfsg1","ApiVersion":"1.41","DefaultAPIVersion"\
            :"1.41","GitCommit":"297e128","GoVersion":"go1.19.8","Os":"linux","Arch":"amd64","BuildTime":"Thu Ma\
            y  7 21:09:36 2026","Context":"default","Experimental":true},"Server":{"Platform":{"Name":""},"Compo\
            nents":[{"Name":"Engine","Version":"20.10.24+dfsg1","Details":{"ApiVersion":"1.41","Arch":"amd64","B\
            uildTime":"Thu May  7 21:09:36 2026","Experimental":"false","GitCommit":"5d6db84","GoVersion":"go1.1\
            9.8","KernelVersion":"6.18.44-fc-v1272","MinAPIVersion":"1.12","Os":"linux"}},{"Name":"containerd","\
            Version":"1.6.20~ds1","Details":{"GitCommit":"1.6.20~ds1-1+deb12u3"}},{"Name":"runc","Version":"1.1.\
            5+ds1","Details":{"GitCommit":"1.1.5+ds1-1+deb12u1"}},{"Name":"docker-init","Version":"0.19.0","Deta\
            ils":{"GitCommit":""}}],"Version":"20.10.24+dfsg1","ApiVersion":"1.41","MinAPIVersion":"1.12","GitCo\
            mmit":"5d6db84","GoVersion":"go1.19.8","Os":"linux","Arch":"amd64","KernelVersion":"6.18.44-fc-v1272\
            ","BuildTime":"2026-05-07T21:09:36.000000000+00:00"}}
            """;

    /** docker version (28.2 client, 20.10 engine). */
    static final String VERSION_28 = """
            {"Client":{"Version":"28.2.2","ApiVersion":"1.41","DefaultAPIVersion":"1.50","GitCommit":"e6534b4","\
            GoVersion":"go1.24.3","Os":"linux","Arch":"amd64","BuildTime":"Fri May 30 12:07:14 2025","Context":"\
            default"},"Server":{"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"20.10.24+dfsg1"\
            ,"Details":{"ApiVersion":"1.41","Arch":"amd64","BuildTime":"Thu May  7 21:09:36 2026","Experimental"\
            :"false","GitCommit":"5d6db84","GoVersion":"go1.19.8","KernelVersion":"6.18.44-fc-v1272","MinAPIVers\
            ion":"1.12","Os":"linux"}},{"Name":"containerd","Version":"1.6.20~ds1","Details":{"GitCommit":"1.6.2\
            0~ds1-1+deb12u3"}},{"Name":"runc","Version":"1.1.5+ds1","Details":{"GitCommit":"1.1.5+ds1-1+deb12u1"\
            }},{"Name":"docker-init","Version":"0.19.0","Details":{"GitCommit":""}}],"Version":"20.10.24+dfsg1",\
            "ApiVersion":"1.41","MinAPIVersion":"1.12","GitCommit":"5d6db84","GoVersion":"go1.19.8","Os":"linux"\
            ,"Arch":"amd64","KernelVersion":"6.18.44-fc-v1272","BuildTime":"2026-05-07T21:09:36.000000000+00:00"\
            }}
            """;

    /** docker version (20.10 client, DOCKER_HOST at `podman system service`). */
    static final String VERSION_PODMAN_SERVICE = """
            {"Client":{"Platform":{"Name":""},"Version":"20.10.24+dfsg1","ApiVersion":"1.41","DefaultAPIVersion"\
            :"1.41","GitCommit":"297e128","GoVersion":"go1.19.8","Os":"linux","Arch":"amd64","BuildTime":"Thu Ma\
            y  7 21:09:36 2026","Context":"default","Experimental":true},"Server":{"Platform":{"Name":"linux/amd\
            64/debian-12"},"Components":[{"Name":"Podman Engine","Version":"4.3.1","Details":{"APIVersion":"4.3.\
            1","Arch":"amd64","BuildTime":"1970-01-01T00:00:00Z","Experimental":"false","GitCommit":"","GoVersio\
            n":"go1.19.8","KernelVersion":"6.18.44-fc-v1272","MinAPIVersion":"4.0.0","Os":"linux"}},{"Name":"Con\
            mon","Version":"conmon version 2.1.6, commit: unknown","Details":{"Package":"conmon_2.1.6+ds1-1_amd6\
            4"}},{"Name":"OCI Runtime (runc)","Version":"runc version 1.1.5+ds1\\ncommit: 1.1.5+ds1-1+deb12u1\\nsp\
            ec: 1.0.2-dev\\ngo: go1.19.8\\nlibseccomp: 2.5.4","Details":{"Package":"runc_1.1.5+ds1-1+deb12u1_amd64\
            "}},{"Name":"Engine","Version":"4.3.1","Details":{"ApiVersion":"1.41","Arch":"amd64","BuildTime":"Th\
            u Jan  1 00:00:00 1970","Experimental":"false","GitCommit":"","GoVersion":"go1.19.8","MinAPIVersion"\
            :"1.24","Os":"linux"}}],"Version":"4.3.1","ApiVersion":"1.41","MinAPIVersion":"1.24","GitCommit":"",\
            "GoVersion":"go1.19.8","Os":"linux","Arch":"amd64","KernelVersion":"6.18.44-fc-v1272","BuildTime":"1\
            970-01-01T00:00:00Z"}}
            """;

    /** docker version's stdout when no engine answers (20.10 client; exit code 1). */
    static final String VERSION_20_NO_SERVER = """
            {"Client":{"Platform":{"Name":""},"Version":"20.10.24+dfsg1","ApiVersion":"1.41","DefaultAPIVersion"\
            :"1.41","GitCommit":"297e128","GoVersion":"go1.19.8","Os":"linux","Arch":"amd64","BuildTime":"Thu Ma\
            y  7 21:09:36 2026","Context":"default","Experimental":true},"Server":null}
            """;

    /** podman version: Podman 4.3 itself, no engine of its own to report (exit code 0). */
    static final String VERSION_PODMAN = """
            {"Client":{"APIVersion":"4.3.1","Version":"4.3.1","GoVersion":"go1.19.8","GitCommit":"","BuiltTime":\
            "Thu Jan  1 00:00:00 1970","Built":0,"OsArch":"linux/amd64","Os":"linux"}}
            """;

    /**
     * docker image inspect of an image built FROM scratch with the labels a.b="x=y", empty="", uni="café
     * \"q\"" and multi="line1\nline2" (20.10 and 28 clients alike).
     */
    static final String INSPECT_LABELLED = """
            [
                {
                    "Id": "sha256:0b0b450a87b414bdca8871a97c2d8d08261c6eb47bc42474d2d8fc79d6fcd130",
                    "RepoTags": [
                        "dockenv-engine-seam-probe:labels"
                    ],
                    "RepoDigests": [],
                    "Parent": "sha256:e81eebb7d780506969f40c15f4344d4ce68e06864b36b4e7cd5dcdc09a2019b4",
                    "Comment": "",
                    "Created": "2026-12-05T18:02:41.63426219Z",
                    "Container": "2c434d108a94f97fa9d37672f5ba644be9472ef9c30a226626496aac38ff66c5",
                    "ContainerConfig": {
                        "Hostname": "2c434d108a94",
                        "Domainname": "",
                        "User": "",
                        "AttachStdin": false,
                        "AttachStdout": false,
                        "AttachStderr": false,
                        "Tty": false,
                        "OpenStdin": false,
                        "StdinOnce": false,
                        "Env": [
                            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                        ],
                        "Cmd": [
                            "/bin/sh",
                            "-c",
                            "#(nop) ",
                            "LABEL multi=line1\\nline2"
                        ],
                        "Image": "sha256:e81eebb7d780506969f40c15f4344d4ce68e06864b36b4e7cd5dcdc09a2019b4",
                        "Volumes": null,
                        "WorkingDir": "",
                        "Entrypoint": null,
                        "OnBuild": null,
                        "Labels": {
                            "a.b": "x=y",
                            "empty": "",
                            "multi": "line1\\nline2",
                            "uni": "café \\"q\\""
                        }
                    },
                    "DockerVersion": "20.10.24+dfsg1",
                    "Author": "",
                    "Config": {
                        "Hostname": "",
                        "Domainname": "",
                        "User": "",
                        "AttachStdin": false,
                        "AttachStdout": false,
                        "AttachStderr": false,
                        "Tty": false,
                        "OpenStdin": false,
                        "StdinOnce": false,
                        "Env": [
                            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                        ],
                        "Cmd": null,
                        "Image": "sha256:e81eebb7d780506969f40c15f4344d4ce68e06864b36b4e7cd5dcdc09a2019b4",
                        "Volumes": null,
                        "WorkingDir": "",
                        "Entrypoint": null,
                        "OnBuild": null,
                        "Labels": {
                            "a.b": "x=y",
                            "empty": "",
                            "multi": "line1\\nline2",
                            "uni": "café \\"q\\""
                        }
                    },
                    "Architecture": "amd64",
                    "Os": "linux",
                    "Size": 0,
                    "VirtualSize": 0,
                    "GraphDriver": {
                        "Data": null,
                        "Name": "overlay2"
                    },
                    "RootFS": {
                        "Type": "layers"
                    },
                    "Metadata": {
                        "LastTagTime": "2026-12-05T18:02:41.674726932Z"
                    }
                }
            ]
            """;

    /** docker image inspect of the base image, which has no labels (20.10 client). */
    static final String INSPECT_UNLABELLED = """
            [
                {
                    "Id": "sha256:382b1976c5f32f6c31e1f0e4dc9b8a1e199c9838a39ed4f8483cef8e170666c6",
                    "RepoTags": [
                        "python:3.11-slim"
                    ],
                    "RepoDigests": [],
                    "Parent": "",
                    "Comment": "Imported from -",
                    "Created": "2026-12-05T18:01:13.609537236Z",
                    "Container": "",
                    "ContainerConfig": {
                        "Hostname": "",
                        "Domainname": "",
                        "User": "",
                        "AttachStdin": false,
                        "AttachStdout": false,
                        "AttachStderr": false,
                        "Tty": false,
                        "OpenStdin": false,
                        "StdinOnce": false,
                        "Env": null,
                        "Cmd": null,
                        "Image": "",
                        "Volumes": null,
                        "WorkingDir": "",
                        "Entrypoint": null,
                        "OnBuild": null,
                        "Labels": null
                    },
                    "DockerVersion": "20.10.24+dfsg1",
                    "Author": "",
                    "Config": {
                        "Hostname": "",
                        "Domainname": "",
                        "User": "",
                        "AttachStdin": false,
                        "AttachStdout": false,
                        "AttachStderr": false,
                        "Tty": false,
                        "OpenStdin": false,
                        "StdinOnce": false,
                        "Env": [
                            "LANG=C.UTF-8"
                        ],
                        "Cmd": [
                            "python3"
                        ],
                        "Image": "",
                        "Volumes": null,
                        "WorkingDir": "",
                        "Entrypoint": null,
                        "OnBuild": null,
                        "Labels": null
                    },
                    "Architecture": "amd64",
                    "Os": "linux",
                    "Size": 190842781,
                    "VirtualSize": 190842781,
                    "GraphDriver": {
                        "Data": {
                            "MergedDir": "/var/lib/docker/overlay2/17d4fd99bd6b8f0bce3a6d8173d32ab5bb99816a29eb5\
            5ce5b88350cd78932da/merged",
                            "UpperDir": "/var/lib/docker/overlay2/17d4fd99bd6b8f0bce3a6d8173d32ab5bb99816a29eb55\
            ce5b88350cd78932da/diff",
                            "WorkDir": "/var/lib/docker/overlay2/17d4fd99bd6b8f0bce3a6d8173d32ab5bb99816a29eb55c\
            e5b88350cd78932da/work"
                        },
                        "Name": "overlay2"
                    },
                    "RootFS": {
                        "Type": "layers",
                        "Layers": [
                            "sha256:fc289e8eec1fcb71a853d220af5cabe74482839cd4744b3e9a9e391ed4010e83"
                        ]
                    },
                    "Metadata": {
                        "LastTagTime": "2026-12-05T18:01:13.611955921Z"
                    }
                }
            ]
            """;

    /** podman image inspect (Podman 4.3) of an image imported with the labels a.b, uni and empty. */
    static final String INSPECT_PODMAN = """
            [
                 {
                      "Id": "c65ee4c6b6fe7e7d16a31516f1c256c0b9c810a32384503ada8474bd40eb8fce",
                      "Digest": "sha256:658682cd99472049657a22ebd2b18dabd3fd34c8d0820b3999009c6615a5c5f3",
                      "RepoTags": [
                           "localhost/dockenv-probe:labels"
                      ],
                      "RepoDigests": [
                           "localhost/dockenv-probe@sha256:658682cd99472049657a22ebd2b18dabd3fd34c8d0820b3999009\
            c6615a5c5f3"
                      ],
                      "Parent": "",
                      "Comment": "imported from tarball",
                      "Created": "2026-12-05T18:03:50.892665276Z",
                      "Config": {
                           "Labels": {
                                "a.b": "x=y",
                                "empty": "",
                                "uni": "café \\\\\\"q\\\\\\""
                           }
                      },
                      "Version": "",
                      "Author": "",
                      "Architecture": "amd64",
                      "Os": "linux",
                      "Size": 11388,
                      "VirtualSize": 11388,
                      "GraphDriver": {
                           "Name": "vfs",
                           "Data": null
                      },
                      "RootFS": {
                           "Type": "layers",
                           "Layers": [
                                "sha256:3a5c582d9af72c899c86290dd148e36dd54e9ca4e8cbf19298256132fe4f3fe2"
                           ]
                      },
                      "Labels": {
                           "a.b": "x=y",
                           "empty": "",
                           "uni": "café \\\\\\"q\\\\\\""
                      },
                      "Annotations": {},
                      "ManifestType": "application/vnd.oci.image.manifest.v1+json",
                      "User": "",
                      "History": [
                           {
                                "created": "2026-12-05T18:03:50.892665276Z",
                                "created_by": "/bin/sh -c #(nop) ADD file:3a5c582d9af72c899c86290dd148e36dd54e9c\
            a4e8cbf19298256132fe4f3fe2 in /",
                                "comment": "imported from tarball"
                           }
                      ],
                      "NamesHistory": [
                           "localhost/dockenv-probe:labels"
                      ]
                 }
            ]
            """;

    /**
     * docker image inspect (20.10 client, DOCKER_HOST at `podman system service`) of the image of
     * {@link #INSPECT_PODMAN}.
     */
    static final String INSPECT_PODMAN_SERVICE = """
            [
                {
                    "Id": "sha256:c65ee4c6b6fe7e7d16a31516f1c256c0b9c810a32384503ada8474bd40eb8fce",
                    "RepoTags": [
                        "localhost/dockenv-probe:labels"
                    ],
                    "RepoDigests": [
                        "localhost/dockenv-probe@sha256:658682cd99472049657a22ebd2b18dabd3fd34c8d0820b3999009c66\
            15a5c5f3"
                    ],
                    "Parent": "",
                    "Comment": "imported from tarball",
                    "Created": "2026-12-05T18:03:50.892665276Z",
                    "Container": "",
                    "ContainerConfig": {
                        "Hostname": "c65ee4c6b6f",
                        "Domainname": "",
                        "User": "",
                        "AttachStdin": false,
                        "AttachStdout": false,
                        "AttachStderr": false,
                        "Tty": false,
                        "OpenStdin": false,
                        "StdinOnce": false,
                        "Env": null,
                        "Cmd": null,
                        "Image": "",
                        "Volumes": null,
                        "WorkingDir": "",
                        "Entrypoint": null,
                        "OnBuild": null,
                        "Labels": null
                    },
                    "DockerVersion": "",
                    "Author": "",
                    "Config": {
                        "Hostname": "",
                        "Domainname": "",
                        "User": "",
                        "AttachStdin": false,
                        "AttachStdout": false,
                        "AttachStderr": false,
                        "Tty": false,
                        "OpenStdin": false,
                        "StdinOnce": false,
                        "Env": null,
                        "Cmd": null,
                        "Image": "",
                        "Volumes": null,
                        "WorkingDir": "",
                        "Entrypoint": null,
                        "OnBuild": null,
                        "Labels": {
                            "a.b": "x=y",
                            "empty": "",
                            "uni": "café \\\\\\"q\\\\\\""
                        }
                    },
                    "Architecture": "amd64",
                    "Os": "linux",
                    "Size": 11388,
                    "VirtualSize": 11388,
                    "GraphDriver": {
                        "Data": null,
                        "Name": "vfs"
                    },
                    "RootFS": {
                        "Type": "layers",
                        "Layers": [
                            "sha256:3a5c582d9af72c899c86290dd148e36dd54e9ca4e8cbf19298256132fe4f3fe2"
                        ]
                    },
                    "Metadata": {
                        "LastTagTime": "0001-01-01T00:00:00Z"
                    }
                }
            ]
            """;

    /** docker context inspect of the default context (20.10 client). */
    static final String CONTEXT_DEFAULT = """
            [
                {
                    "Name": "default",
                    "Metadata": {
                        "StackOrchestrator": "swarm"
                    },
                    "Endpoints": {
                        "docker": {
                            "Host": "unix:///var/run/docker.sock",
                            "SkipTLSVerify": false
                        }
                    },
                    "TLSMaterial": {},
                    "Storage": {
                        "MetadataPath": "\\u003cIN MEMORY\\u003e",
                        "TLSPath": "\\u003cIN MEMORY\\u003e"
                    }
                }
            ]
            """;

    /** docker info (20.10 client and engine). */
    static final String INFO_20 = """
            {"ID":"XX5Q:C2A3:DYJZ:QAO6:CPKP:FC7J:GRMS:IJKX:KXGB:FNBR:KQWJ:OFEF","Containers":0,"ContainersRunnin\
            g":0,"ContainersPaused":0,"ContainersStopped":0,"Images":24,"Driver":"overlay2","DriverStatus":[["Ba\
            cking Filesystem","extfs"],["Supports d_type","true"],["Native Overlay Diff","true"],["userxattr","f\
            alse"]],"Plugins":{"Volume":["local"],"Network":["bridge","host","ipvlan","macvlan","null","overlay"\
            ],"Authorization":null,"Log":["awslogs","fluentd","gcplogs","gelf","journald","json-file","local","l\
            ogentries","splunk","syslog"]},"MemoryLimit":true,"SwapLimit":true,"KernelMemory":true,"KernelMemory\
            TCP":true,"CpuCfsPeriod":true,"CpuCfsQuota":true,"CPUShares":true,"CPUSet":true,"PidsLimit":true,"IP\
            v4Forwarding":true,"BridgeNfIptables":true,"BridgeNfIp6tables":true,"Debug":false,"NFd":27,"OomKillD\
            isable":true,"NGoroutines":40,"SystemTime":"2026-12-05T18:28:46.252903395Z","LoggingDriver":"json-fi\
            le","CgroupDriver":"cgroupfs","CgroupVersion":"1","NEventsListener":0,"KernelVersion":"6.18.44-fc-v1\
            272","OperatingSystem":"Debian GNU/Linux 12 (bookworm)","OSVersion":"12","OSType":"linux","Architect\
            ure":"x86_64","IndexServerAddress":"https://index.docker.io/v1/","RegistryConfig":{"AllowNondistribu\
            tableArtifactsCIDRs":[],"AllowNondistributableArtifactsHostnames":[],"InsecureRegistryCIDRs":["127.0\
            .0.0/8"],"IndexConfigs":{"docker.io":{"Name":"docker.io","Mirrors":[],"Secure":true,"Official":true}\
            },"Mirrors":[]},"NCPU":2,"MemTotal":25276157952,"GenericResources":null,"DockerRootDir":"/var/lib/do\
            cker","HttpProxy":"","HttpsProxy":"","NoProxy":"","Name":"vm","Labels":[],"ExperimentalBuild":false,\
            "ServerVersion":"20.10.24+dfsg1","Runtimes":{"io.containerd.runc.v2":{"path":"runc"},"io.containerd.\
            runtime.v1.linux":{"path":"runc"},"runc":{"path":"runc"}},"DefaultRuntime":"runc","Swarm":{"NodeID":\
            "","NodeAddr":"","LocalNodeState":"inactive","ControlAvailable":false,"Error":"","RemoteManagers":nu\
            ll},"LiveRestoreEnabled":false,"Isolation":"","InitBinary":"docker-init","ContainerdCommit":{"ID":"1\
            .6.20~ds1-1+deb12u3","Expected":"1.6.20~ds1-1+deb12u3"},"RuncCommit":{"ID":"1.1.5+ds1-1+deb12u1","Ex\
            pected":"1.1.5+ds1-1+deb12u1"},"InitCommit":{"ID":"","Expected":""},"SecurityOptions":["name=seccomp\
            ,profile=default"],"Warnings":null,"ClientInfo":{"Debug":false,"Context":"default","Plugins":[],"War\
            nings":null}}
            """;

    /** docker info when no engine answers (20.10 client; exit code 0). */
    static final String INFO_20_NO_SERVER = """
            {"ServerErrors":["Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemo\
            n running?"],"ClientInfo":{"Debug":false,"Context":"default","Plugins":[],"Warnings":null}}
            """;

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
