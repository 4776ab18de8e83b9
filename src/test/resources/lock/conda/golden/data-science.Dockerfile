FROM mambaorg/micromamba:2.5.0 AS env
# Conda environment from environment.yml: micromamba installs its packages into the image's base environment
COPY --chown=$MAMBA_USER:$MAMBA_USER .dockenv/conda/environment.yml /tmp/dockenv-conda-environment.yml
RUN micromamba install --yes --name base --file /tmp/dockenv-conda-environment.yml \
    && micromamba clean --all --yes
# The environment is active for the RUN instructions below (shell form) and, through the image's entrypoint, for docker run; PATH also serves docker exec
ARG MAMBA_DOCKERFILE_ACTIVATE=1
ENV PATH=/opt/conda/bin:$PATH
# The pip: list of environment.yml, installed by the environment's pip as conda does it, in the file's directory
USER root
RUN mkdir -p /app \
    && chown $MAMBA_USER:$MAMBA_USER /app
USER $MAMBA_USER
WORKDIR /app
COPY --chown=$MAMBA_USER:$MAMBA_USER project/requirements-extra.txt /app/requirements-extra.txt
COPY --chown=$MAMBA_USER:$MAMBA_USER .dockenv/conda/pip-requirements.txt .dockenv-conda-pip-requirements.txt
RUN python -m pip install --no-cache-dir -U -r .dockenv-conda-pip-requirements.txt --exists-action=b \
    && rm .dockenv-conda-pip-requirements.txt
