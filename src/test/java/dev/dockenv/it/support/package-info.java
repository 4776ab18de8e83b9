/**
 * Test support for dockenv's unit and integration tests.
 *
 * <ul>
 *   <li>{@link dev.dockenv.it.support.WheelBuilder}: pure-Java PEP 427 wheels from the fixture
 *       packages in {@code src/test/resources/fixtures/packages/<name>-<version>/} or ad hoc.</li>
 *   <li>{@link dev.dockenv.it.support.LocalPackageIndex}: a PEP 503 simple index on 127.0.0.1 that
 *       serves those wheels and logs requests (containers reach it with {@code --network host}).</li>
 *   <li>{@link dev.dockenv.it.support.Docker}: the docker CLI ({@code $DOCKENV_DOCKER} or
 *       {@code docker}) as a child process with a timeout; image labels and clean-up.</li>
 *   <li>{@link dev.dockenv.it.support.Exec} / {@link dev.dockenv.it.support.ProcessResult}: any
 *       child process (e.g. {@code bin/dockenv}) with captured output and a timeout.</li>
 *   <li>{@link dev.dockenv.it.support.TestUser}: the non-root user {@code dockenvtest}
 *       ({@code runuser}), with directories it owns and a staged copy of the launcher and jar.</li>
 *   <li>{@link dev.dockenv.it.support.DockenvCli}: the real launcher {@code bin/dockenv} as a user
 *       runs it (per-class DOCKENV_CACHE_DIR, DOCKENV_DOCKER passed on), in the foreground, under a
 *       pseudo-terminal ({@code script}), in the background (SIGTERM), or as the test user.</li>
 *   <li>{@link dev.dockenv.it.support.TestProject}: a uniquely named project folder with
 *       {@code .python-version} 3.11; lists and removes the images labelled with its name.</li>
 *   <li>{@link dev.dockenv.it.support.Poll}: waits for what the engine does asynchronously.</li>
 *   <li>{@link dev.dockenv.it.support.ImageLayers}: an image's layers and history, for checking
 *       which layers two images share (a shared base stage).</li>
 *   <li>{@link dev.dockenv.it.support.ItWorkspace}: an IT class's set-up in one piece (a temporary
 *       work directory, a local index, dockenv with its own cache, the projects made) and its
 *       clean-up in {@code @AfterAll}.</li>
 * </ul>
 *
 * <p>Run everything with {@code scripts/test.sh}: it starts the engine, provides the base image
 * and the test user, then runs {@code mvn -B -ntp verify}.
 */
package dev.dockenv.it.support;
