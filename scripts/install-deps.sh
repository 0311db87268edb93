#!/usr/bin/env bash
# Installs the Debian packages SweepGrid needs, skipping what is already there. Run as root on
# Debian 12. Usage: scripts/install-deps.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail

# libtorch comes from NuGet with TorchSharp (dotnet restore); Debian supplies Fashion-MNIST
# (/usr/share/datasets/fashion-mnist, found by default) for seed 003's F-MNIST runs and seed 001's outlier exposure.
packages=(dataset-fashion-mnist)
if [[ "${1:-}" == "--test" ]]; then
  # python3-torch is the parity oracle (PyTorch's formulas from Python); PostgreSQL backs the store
  # conformance tests (a throwaway cluster on loopback, started by the tests themselves); prometheus
  # brings promtool and the server that scrapes a loopback cluster in the metrics tests.
  # torchvision and scikit-learn are the library oracles (adjust_brightness, gaussian_blur, roc_auc_score).
  packages+=(python3-torch python3-torchvision python3-sklearn python3-numpy postgresql prometheus)
  # The deployment checks (helm, a Kubernetes schema validator, a Dockerfile linter) are npm packages.
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: installing packages needs root (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a system-wide Prometheus (listening on every interface) when it installs one; the
  # tests start their own on loopback and need only the binaries.
  if [[ " ${missing[*]} " == *" prometheus "* ]] && command -v systemctl >/dev/null 2>&1 && systemctl is-enabled prometheus >/dev/null 2>&1; then
    systemctl disable --now prometheus >/dev/null 2>&1 || true
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed (dotnet not on PATH); Debian 12 does not package it — install it from Microsoft's packages, then re-run." >&2
  exit 1
fi

if [[ "${1:-}" == "--test" ]]; then
  # Pinned by deploy/checks/package-lock.json; reinstalled only when the lock file changes.
  checks="$(cd "$(dirname "$0")/../deploy/checks" && pwd)"
  if [[ ! -f "$checks/node_modules/.package-lock.json" || "$checks/package-lock.json" -nt "$checks/node_modules/.package-lock.json" ]]; then
    echo "installing the deployment checks (npm ci in deploy/checks)" >&2
    (cd "$checks" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
fi
