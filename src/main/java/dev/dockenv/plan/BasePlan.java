package dev.dockenv.plan;

import java.util.List;

/**
 * The shared part of the environment: the image it starts from, system packages, the Python
 * environment with the dependencies, and the finishing steps. Every app's stages build on it.
 *
 * @param importPath where the project's source is put on {@code sys.path} ({@code /app} or
 *                   {@code /app/src})
 */
public record BasePlan(String image, List<String> aptPackages, String importPath, PythonEnvironment environment,
        FinishingSteps finishing) {

    public BasePlan {
        aptPackages = List.copyOf(aptPackages);
    }
}
