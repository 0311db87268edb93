"""Reference for the training parity tests, in plain PyTorch (Debian's python3-torch).

Usage: /usr/bin/python3 training_parity.py <mlp|lenet> <directory>

spec.json names the parameters in the order the C# model lists them (torch.nn's order for the same
layers) and the hyperparameters. The directory holds raw little-endian arrays: each parameter, x
(float32 [N, 1, 28, 28]) and y (int64 [N]). Written back as float32: logits, loss, input_gradient
(of the summed cross-entropy), every parameter's gradient of the mean loss (grad.<name>), and every
parameter after one Adam step (adam.<name>) and after one
SGD step with momentum and weight decay from the same start (sgd.<name>).
"""
import json
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class TemperatureSigmoid(nn.Module):
    def __init__(self, t):
        super().__init__()
        self.t = t

    def forward(self, x):
        return torch.sigmoid(x / self.t)


def model_of(kind, spec):
    if kind == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, spec["hidden"]), TemperatureSigmoid(spec["temperature"]), nn.Linear(spec["hidden"], 10))
    return nn.Sequential(nn.Conv2d(1, 20, 5), nn.MaxPool2d(2), nn.Conv2d(20, 50, 5), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(800, 500), nn.ReLU(), nn.Linear(500, 10))


def load(directory, name, shape, dtype=np.float32):
    return torch.from_numpy(np.fromfile(f"{directory}/{name}.bin", dtype=dtype).reshape(shape).copy())


def save(directory, name, tensor):
    tensor.detach().to(torch.float32).contiguous().numpy().tofile(f"{directory}/{name}.bin")


def fresh(kind, spec, directory):
    model = model_of(kind, spec)
    with torch.no_grad():
        for (name, shape), parameter in zip(spec["parameters"], model.parameters()):
            assert list(parameter.shape) == shape, f"{name}: C# shape {shape}, torch.nn shape {list(parameter.shape)}"
            parameter.copy_(load(directory, name, shape))
    return model


def step(model, optimizer, x, y):
    optimizer.zero_grad()
    F.cross_entropy(model(x), y).backward()
    optimizer.step()


def main(kind, directory):
    spec = json.load(open(f"{directory}/spec.json"))
    n = spec["n"]
    x = load(directory, "x", [n, 1, 28, 28])
    y = load(directory, "y", [n], np.int64)
    model = fresh(kind, spec, directory)
    logits = model(x)
    save(directory, "logits", logits)
    save(directory, "loss", F.cross_entropy(logits, y).reshape(1))
    xg = x.clone().requires_grad_(True)
    (gradient,) = torch.autograd.grad(F.cross_entropy(model(xg), y, reduction="sum"), [xg])
    save(directory, "input_gradient", gradient)

    adam = fresh(kind, spec, directory)
    step(adam, torch.optim.Adam(adam.parameters(), lr=spec["adam_lr"]), x, y)
    sgd = fresh(kind, spec, directory)
    step(sgd, torch.optim.SGD(sgd.parameters(), lr=spec["sgd_lr"], momentum=spec["momentum"], weight_decay=spec["weight_decay"]), x, y)
    for (name, _), a, s in zip(spec["parameters"], adam.parameters(), sgd.parameters()):
        save(directory, "grad." + name, a.grad)
        save(directory, "adam." + name, a)
        save(directory, "sgd." + name, s)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
