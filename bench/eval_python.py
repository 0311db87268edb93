#!/usr/bin/python3
"""The PyTorch side of the evaluation benchmark: the same suite as SweepGrid.Bench's `eval` (clean, 4
brightness factors, 4 blur σ, FGSM at 3 ε) on MNIST's 10,000 test images, one thread, with the weights
SweepGrid trained (weights format 2, TorchSharp's state dict, read by torchsharp_weights.py). Brightness and blur follow torchvision's definitions
(torchvision itself is not installed: its gaussian_blur is re-implemented exactly: kernel taps, reflect
padding, conv2d). Prints one JSON object.
"""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from torchsharp_weights import read_weights  # noqa: E402
from train_python import read_idx  # noqa: E402

SUITE = ["clean"] + [f"brightness={f}" for f in (0.8, 0.9, 1.1, 1.2)] + [f"blur={s}" for s in (0.3, 0.5, 0.7, 0.9)] + [f"fgsm={e}" for e in (0.05, 0.1, 0.2)]


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        self.full = nn.Linear(800, 500)
        self.output = nn.Linear(500, 10)

    def forward(self, x):
        x = F.max_pool2d(self.conv1(x), 2)
        x = F.max_pool2d(self.conv2(x), 2).flatten(1)
        return self.output(F.relu(self.full(x)))


def blur(x, sigma, k=5):
    half = (k - 1) * 0.5
    taps = torch.linspace(-half, half, steps=k)
    pdf = torch.exp(-0.5 * (taps / sigma).pow(2))
    k1 = pdf / pdf.sum()
    kernel = (k1[:, None] * k1[None, :]).expand(x.shape[1], 1, k, k)
    padded = F.pad(x, [k // 2] * 4, mode="reflect")
    return F.conv2d(padded, kernel, groups=x.shape[1])


def fgsm(model, x, y, eps):
    out = torch.empty_like(x)
    for s in range(0, x.shape[0], 1000):
        xb = x[s:s + 1000].detach().requires_grad_(True)
        loss = F.cross_entropy(model(xb), y[s:s + 1000], reduction="sum")
        grad, = torch.autograd.grad(loss, xb)
        out[s:s + 1000] = (xb + eps * grad.sign()).clamp(0, 1).detach()
    return out


def apply(name, model, x, y):
    kind, _, value = name.partition("=")
    if kind == "clean":
        return x.clone()
    if kind == "brightness":
        return (x * float(value)).clamp(0, 1)
    if kind == "blur":
        return blur(x, float(value))
    return fgsm(model, x, y, float(value))


def accuracy(model, x, y):
    correct = 0
    with torch.no_grad():
        for s in range(0, x.shape[0], 1000):
            correct += (model(x[s:s + 1000]).argmax(1) == y[s:s + 1000]).sum().item()
    return correct / x.shape[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("SWEEPGRID_DATA", "../shared/data/mnist"))
    parser.add_argument("--weights", default="lenet.weights")
    args = parser.parse_args()
    torch.set_num_threads(1)
    model = LeNet()
    model.load_state_dict(read_weights(args.weights))
    model.eval()
    x = read_idx(os.path.join(args.data, "t10k-images-idx3-ubyte.gz")).float().div(255).unsqueeze(1)
    y = read_idx(os.path.join(args.data, "t10k-labels-idx1-ubyte.gz")).long()
    conditions = {}
    start = time.perf_counter()
    for name in SUITE:
        t = time.perf_counter()
        conditions[name] = {"accuracy": accuracy(model, apply(name, model, x, y), y), "seconds": time.perf_counter() - t}
    print(json.dumps({"total_seconds": time.perf_counter() - start, "conditions": conditions}))


if __name__ == "__main__":
    main()
