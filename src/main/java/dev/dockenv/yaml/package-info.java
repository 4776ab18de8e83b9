/** Writing YAML that YAML 1.1 and 1.2 readers read alike (compose files, Kubernetes manifests). */
package dev.dockenv.yaml;
