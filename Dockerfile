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
WORKDIR /src
COPY . .
RUN scripts/publish.sh /out

# ---- CUDA libtorch: TorchSharp finds torch_cuda by name on LD_LIBRARY_PATH ----
FROM debian:bookworm-slim AS libtorch-cuda
ARG LIBTORCH_CUDA_URL=https://download.pytorch.org/libtorch/cu128/libtorch-shared-with-deps-2.10.0%2Bcu128.zip
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl unzip \
 && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL -o /tmp/libtorch.zip "${LIBTORCH_CUDA_URL}" \
 && unzip -q /tmp/libtorch.zip -d /opt \
 && rm /tmp/libtorch.zip \
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
# hadolint ignore=DL3006
FROM base-${FLAVOR} AS final
ARG FLAVOR
RUN groupadd --system --gid 10001 sweepgrid \
 && useradd --system --uid 10001 --gid sweepgrid --home-dir /app --shell /usr/sbin/nologin sweepgrid \
 && mkdir -p /data \
 && chown sweepgrid:sweepgrid /data
WORKDIR /app
COPY --from=build --chown=root:root /out /app
# The CUDA image uses the CUDA libtorch under /opt/libtorch: drop the CPU libtorch that the
# publish output carries, or the loader would find it first in the application folder.
RUN if [ "${FLAVOR}" = "cuda" ]; then rm -f /app/libtorch.so /app/libtorch_cpu.so /app/libc10.so /app/libgomp*.so*; fi
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
