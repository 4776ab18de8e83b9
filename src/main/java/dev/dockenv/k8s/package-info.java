/**
 * Kubernetes manifests of an app ({@code dockenv deploy k8s [-o k8s/]}): a small immutable
 * description of what is deployed ({@link dev.dockenv.k8s.DeployedApp}: names derived from the
 * app's, the image by digest, replicas, ports, command, plain variables, Secret references, the
 * health check, the non-root user), rendered by {@link dev.dockenv.k8s.KubernetesManifests} into a
 * ConfigMap, a Service and a Deployment built with fabric8's typed Kubernetes model (never pasted
 * text) and written as YAML, one multi-document file per app, by {@link dev.dockenv.k8s.ManifestFolder}.
 *
 * <p>No Secret is ever rendered: the manifests refer to Secrets the user creates
 * ({@code secretKeyRef}, {@code imagePullSecrets}), and the file's header and
 * {@link dev.dockenv.k8s.Manifests#requiredSecrets} say which, with the command that creates each.
 *
 * <p>Every value is checked when its record is made ({@link java.lang.IllegalArgumentException}
 * naming the value and what Kubernetes accepts): names are DNS labels, ports 1 to 65535, variables
 * C identifiers, the user id not 0, the image names a digest. The checks are public
 * ({@link dev.dockenv.k8s.KubernetesNames}, {@link dev.dockenv.k8s.ImageByDigest#problem}) so that a
 * caller can report a user's value with its file and line first; these checks are the last guard.
 */
package dev.dockenv.k8s;
