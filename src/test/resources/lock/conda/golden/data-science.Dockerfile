FROM mambaorg/micromamba:2.5.0 AS env
# Conda environment from environment.yml: micromamba installs its packages into the image's base environment, as the image's user
USER $MAMBA_USER
COPY --chown=$MAMBA_USER:$MAMBA_USER project/.dockenv/conda/environment.yml /tmp/dockenv-conda-environment.yml
RUN micromamba install --yes --name base --file /tmp/dockenv-conda-environment.yml \
    && micromamba clean --all --yes
# The environment is active for every RUN below and in the later stages (the image's SHELL reads MAMBA_DOCKERFILE_ACTIVATE), for docker run through the image's entrypoint, and on PATH for docker exec
ENV MAMBA_DOCKERFILE_ACTIVATE=1 \
    PATH=/opt/conda/bin:$PATH
USER root
# The pip: list of environment.yml (less the project itself, which comes from the mount or the copied source), installed by the environment's pip as conda does it, in the file's directory
COPY project/requirements-extra.txt /app/requirements-extra.txt
COPY project/.dockenv/conda/pip-requirements.txt .dockenv-conda-pip-requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m pip install -U -r .dockenv-conda-pip-requirements.txt --exists-action=b \
    && rm .dockenv-conda-pip-requirements.txt
