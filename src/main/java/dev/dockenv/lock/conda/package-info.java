/**
 * conda environment files ({@code environment.yml} / {@code environment.yaml}) read natively:
 * {@link dev.dockenv.lock.conda.CondaEnvironmentReader} yields a
 * {@link dev.dockenv.lock.conda.CondaEnvironment} (channels, conda MatchSpecs, the {@code pip:}
 * lines read as a requirements file, variables, the Python version), and
 * {@code plan.CondaDockerfilePlanner} (above this package) plans, without running anything, how an
 * image builds it on a {@code mambaorg/micromamba} image: the derived files under
 * {@code .dockenv/conda/} and what the pip step copies ({@code plan.CondaBaseStage} composes the
 * instructions).
 */
package dev.dockenv.lock.conda;
