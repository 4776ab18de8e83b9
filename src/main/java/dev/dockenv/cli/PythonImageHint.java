package dev.dockenv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hint when dockenv's default Python image ({@code python:X-slim}) cannot be pulled (no registry,
 * only a mirror or local images): the Python images the engine already has, and the ways to choose
 * one: for the project (.python-version, the python setting), for all the user's projects
 * (DOCKENV_PYTHON), or any image as base-image.
 */
final class PythonImageHint {
    private static final Pattern SLIM = Pattern.compile("python:(\\d+\\.\\d+)-slim");

    private PythonImageHint() {
    }

    static String of(List<String> localPythonImages) {
        List<String> versions = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String image : localPythonImages) {
            Matcher m = SLIM.matcher(image);
            if (m.matches()) {
                versions.add(m.group(1));
            } else {
                others.add(image);
            }
        }
        if (versions.isEmpty() && others.isEmpty()) {
            return "the engine has no python image: bring one in (docker load, or pull it from a mirror and docker tag "
                    + "it), or set base-image in the dockenv settings to an image the engine has";
        }
        StringBuilder hint = new StringBuilder("the engine has ")
                .append(String.join(", ", localPythonImages)).append(": ");
        if (!versions.isEmpty()) {
            String v = versions.get(versions.size() - 1);
            hint.append("choose Python ").append(v).append(" for this project with a .python-version file (`echo ")
                    .append(v).append(" > .python-version`) or python = \"").append(v)
                    .append("\" in the dockenv settings, or for all your projects with DOCKENV_PYTHON=").append(v);
            if (!others.isEmpty()) {
                hint.append("; or ");
            }
        }
        if (!others.isEmpty()) {
            hint.append("set base-image = \"").append(others.get(others.size() - 1))
                    .append("\" in the dockenv settings");
        }
        return hint.toString();
    }
}
