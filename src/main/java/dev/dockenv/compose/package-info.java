/**
 * A typed model of the compose file format ({@link dev.dockenv.compose.ComposeModel}: services,
 * named volumes, networks) and its renderer ({@link dev.dockenv.compose.ComposeYaml}).
 *
 * <p>The model can express only what both docker-compose 1.29 and the compose v2 plugin accept:
 * no top-level {@code version:}, {@code name:} or {@code include:}, {@code env_file} in its short
 * form, {@code depends_on} in its long form with a condition, no healthcheck {@code start_interval}.
 * {@link dev.dockenv.compose.ComposeYaml#renderStack} writes the same model as a Swarm stack file
 * ({@code version: "3.9"}, with each service's {@link dev.dockenv.compose.Deploy} section) and refuses
 * what {@code docker stack deploy} of Engine 20.10 refuses or ignores.
 * Every value is checked when its record is made (an {@link java.lang.IllegalArgumentException}
 * names the value and what compose accepts): the callers report a user's mistakes with file and
 * line before they get here, so these checks are the last guard, not the user's error messages.
 *
 * <p>Compose interpolates {@code ${NAME}} and {@code $NAME} in every string of the file. A string
 * of the model is literal (its {@code $} are written {@code $$}) unless it is a
 * {@link dev.dockenv.compose.ComposeString.Interpolated}, which asks for compose's interpolation:
 * that is how a password stays out of the file ({@code POSTGRES_PASSWORD: "${DOCKENV_DB_PASSWORD}"}).
 */
package dev.dockenv.compose;
