/**
 * What runs on a server: the compose file {@code dockenv deploy compose} writes from the release's
 * image (by its pushed tag, never built there), the app's ports, health check and env file, and the
 * services of the dev stack marked {@code deploy = true}, their passwords interpolated from
 * variables the operator provides. Pure: reads no file, starts nothing.
 */
package dev.dockenv.deploy;
