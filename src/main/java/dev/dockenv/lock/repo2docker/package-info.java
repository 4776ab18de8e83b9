/**
 * repo2docker's plain configuration files read natively: {@code apt.txt}
 * ({@link dev.dockenv.lock.repo2docker.AptFileReader}, Debian packages) and {@code postBuild}
 * ({@link dev.dockenv.lock.repo2docker.PostBuildReader}, a script run after the environment is
 * built). Finding them (project root, {@code binder/} or {@code .binder/}) is the caller's job.
 */
package dev.dockenv.lock.repo2docker;
