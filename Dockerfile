# syntax=docker/dockerfile:1
# SweepGrid images: one member program, `sweepgrid serve`, in a CPU and a CUDA flavour.
#   docker build -t sweepgrid/sweepgrid:0.1.0 .
#   docker build --build-arg FLAVOR=cuda -t sweepgrid/sweepgrid:0.1.0-cuda .
# The build stage runs the same script as CI and the README (scripts/publish.sh), so what the tests
# publish is what the image ships.

ARG FLAVOR=cpu
ARG DOTNET_VERSION=10.0
ARG CUDA_BASE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

# ---- build: restore, build and publish for linux-x64 ----
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-bookworm-slim AS build
ARG FLAVOR
WORKDIR /src
COPY . .
# The CUDA flavour ships no CPU libtorch: TorchSharp then loads the CUDA one from LD_LIBRARY_PATH.
RUN if [ "${FLAVOR}" = "cuda" ]; then scripts/publish.sh /out -p:SweepGridLibTorch=external; else scripts/publish.sh /out; fi

# ---- CUDA libtorch: TorchSharp finds torch_cuda by name on LD_LIBRARY_PATH ----
FROM debian:bookworm-slim AS libtorch-cuda
# Empty: the default of scripts/cuda-libtorch.sh (libtorch 2.10 for CUDA 12.8); set it to use a mirror.
ARG LIBTORCH_CUDA_URL=
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl unzip \
 && rm -rf /var/lib/apt/lists/*
COPY scripts/cuda-libtorch.sh /usr/local/bin/cuda-libtorch.sh
RUN cuda-libtorch.sh /opt ${LIBTORCH_CUDA_URL} \
 && rm -rf /opt/libtorch/include /opt/libtorch/share /opt/libtorch/bin

# ---- runtime bases ----
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-bookworm-slim AS base-cpu
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-bookworm-slim AS dotnet-runtime
FROM ${CUDA_BASE} AS base-cuda
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl libicu74 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY --from=libtorch-cuda /opt/libtorch/lib /opt/libtorch/lib
ENV LD_LIBRARY_PATH=/opt/libtorch/lib \
    DOTNET_ROOT=/usr/share/dotnet

# ---- the image ----
FROM base-${FLAVOR} AS final
RUN groupadd --system --gid 10001 sweepgrid \
 && useradd --system --uid 10001 --gid sweepgrid --home-dir /app --shell /usr/sbin/nologin sweepgrid \
 && mkdir -p /data \
 && chown sweepgrid:sweepgrid /data
WORKDIR /app
COPY --from=build --chown=root:root /out /app
ENV SWEEPGRID_DATA=/data \
    SWEEPGRID_API__URLS=http://0.0.0.0:5080 \
    SWEEPGRID_CLUSTER__HOSTNAME=0.0.0.0 \
    DOTNET_gcServer=0
USER 10001:10001
EXPOSE 4053 5080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["curl", "-fsS", "http://127.0.0.1:5080/healthz"]
ENTRYPOINT ["/app/sweepgrid"]
CMD ["serve"]
