/**
 * pyproject.toml read once ({@link dev.dockenv.pyproject.PyprojectReader}): [project], its
 * optional dependencies, PEP 735 groups, [build-system] and [tool.dockenv]; the parsed document is
 * kept for the readers of tool tables ([tool.poetry], [tool.uv] ...).
 */
package dev.dockenv.pyproject;
