"""Reference computations for the condition parity tests, in plain PyTorch.

Usage: /usr/bin/python3 conditions_parity.py <operation> <directory>

The directory holds spec.json (shapes and parameters) and raw little-endian arrays written by the C#
tests (float32 images and weights, int64 labels); results are written back as raw float32 arrays.
torchvision is not needed: its gaussian_blur is re-implemented below line by line.
"""
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F


def load(directory, name, shape, dtype=np.float32):
    return torch.from_numpy(np.fromfile(f"{directory}/{name}.bin", dtype=dtype).reshape(shape))


def save(directory, name, tensor):
    tensor.detach().to(torch.float32).contiguous().numpy().tofile(f"{directory}/{name}.bin")


def torchvision_gaussian_kernel1d(kernel_size, sigma):
    # torchvision.transforms.functional_tensor._get_gaussian_kernel1d
    ksize_half = (kernel_size - 1) * 0.5
    x = torch.linspace(-ksize_half, ksize_half, steps=kernel_size)
    pdf = torch.exp(-0.5 * (x / sigma).pow(2))
    return pdf / pdf.sum()


def torchvision_gaussian_blur(img, kernel_size, sigma):
    # torchvision.transforms.functional_tensor.gaussian_blur for a float batch [N, C, H, W]
    kernel1d = torchvision_gaussian_kernel1d(kernel_size, sigma)
    kernel2d = torch.mm(kernel1d[:, None], kernel1d[None, :])
    kernel = kernel2d.expand(img.shape[-3], 1, kernel2d.shape[0], kernel2d.shape[1])
    padding = [kernel_size // 2, kernel_size // 2, kernel_size // 2, kernel_size // 2]
    img = F.pad(img, padding, mode="reflect")
    return F.conv2d(img, kernel, groups=img.shape[-3])


def mlp(directory, spec):
    hidden = spec["hidden"]
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
    with torch.no_grad():
        model[1].weight.copy_(load(directory, "w1", (hidden, 784)))
        model[1].bias.copy_(load(directory, "b1", (hidden,)))
        model[3].weight.copy_(load(directory, "w2", (10, hidden)))
        model[3].bias.copy_(load(directory, "b2", (10,)))
    return model.eval()


def input_gradient(model, x, loss_of_logits):
    x = x.clone().requires_grad_(True)
    return torch.autograd.grad(loss_of_logits(model(x)), x)[0]


def blur(directory, spec):
    images = load(directory, "images", spec["shape"])
    for i, sigma in enumerate(spec["sigmas"]):
        save(directory, f"blur_{i}", torchvision_gaussian_blur(images, spec["kernel_size"], float(sigma)))
        save(directory, f"taps_{i}", torchvision_gaussian_kernel1d(spec["kernel_size"], float(sigma)))


def fgsm(directory, spec):
    model = mlp(directory, spec)
    x = load(directory, "images", spec["shape"])
    y = load(directory, "labels", (spec["shape"][0],), np.int64)
    g = input_gradient(model, x, lambda z: F.cross_entropy(z, y, reduction="sum"))
    save(directory, "gradient", g)
    save(directory, "adversarial", torch.clamp(x + spec["epsilon"] * torch.sign(g), 0, 1))


def pgd(directory, spec):
    model = mlp(directory, spec)
    x = load(directory, "images", spec["shape"])
    y = load(directory, "labels", (spec["shape"][0],), np.int64)
    eps, alpha = spec["epsilon"], spec["alpha"]
    if spec["random_start"]:
        generator = torch.Generator().manual_seed(spec["seed"])
        start = torch.rand(x.shape, generator=generator) * (2 * eps) - eps
        current = torch.clamp(x + start, 0, 1)
    else:
        current = x.clone()
    for _ in range(spec["steps"]):
        g = input_gradient(model, current, lambda z: F.cross_entropy(z, y, reduction="sum"))
        current = current + alpha * torch.sign(g)
        current = torch.max(torch.min(current, x + eps), x - eps).clamp(0, 1)
    save(directory, "adversarial", current)


def odin(directory, spec):
    model = mlp(directory, spec)
    x = load(directory, "images", spec["shape"])
    temperature, eps = spec["temperature"], spec["epsilon"]
    with torch.no_grad():
        predicted = model(x).argmax(1)
    g = input_gradient(model, x, lambda z: F.cross_entropy(z / temperature, predicted, reduction="sum"))
    perturbed = torch.clamp(x - eps * torch.sign(g), 0, 1)
    with torch.no_grad():
        scores = F.softmax(model(perturbed) / temperature, dim=1).max(1).values
    save(directory, "gradient", g)
    save(directory, "perturbed", perturbed)
    save(directory, "scores", scores)


OPERATIONS = {"blur": blur, "fgsm": fgsm, "pgd": pgd, "odin": odin}

if __name__ == "__main__":
    operation, directory = sys.argv[1], sys.argv[2]
    with open(f"{directory}/spec.json", encoding="utf-8") as f:
        OPERATIONS[operation](directory, json.load(f))
