"""Reference values from the libraries themselves (not re-implementations) for the oracle tests.

Usage: /usr/bin/python3 oracles.py <operation> <directory>

The directory holds spec.json and raw little-endian arrays written by the C# tests (float32 images,
float64 scores, int64 labels); results are written back as raw float32 (images) or float64 (scores)
arrays. The operations call torchvision.transforms.functional.adjust_brightness and gaussian_blur and
sklearn.metrics.roc_auc_score directly, so a change in those libraries shows up here.
"""
import json
import sys

import numpy as np
import sklearn
import sklearn.metrics
import torch
import torchvision
import torchvision.transforms.functional as TF


def load(directory, name, shape, dtype=np.float32):
    return np.fromfile(f"{directory}/{name}.bin", dtype=dtype).reshape(shape)


def save(directory, name, array, dtype=np.float32):
    np.ascontiguousarray(array, dtype=dtype).tofile(f"{directory}/{name}.bin")


def brightness(directory, spec):
    images = torch.from_numpy(load(directory, "images", spec["shape"]))
    for i, factor in enumerate(spec["factors"]):
        save(directory, f"brightness_{i}", TF.adjust_brightness(images, float(factor)).numpy())


def blur(directory, spec):
    images = torch.from_numpy(load(directory, "images", spec["shape"]))
    for i, (kernel_size, sigma) in enumerate(spec["cases"]):
        out = TF.gaussian_blur(images, kernel_size=[kernel_size, kernel_size], sigma=[float(sigma), float(sigma)])
        save(directory, f"blur_{i}", out.numpy())


def auroc(directory, spec):
    results = []
    for i, (n_in, n_out) in enumerate(spec["pairs"]):
        scores_in = load(directory, f"in_{i}", (n_in,), np.float64)
        scores_out = load(directory, f"out_{i}", (n_out,), np.float64)
        y = np.concatenate([np.zeros(n_in), np.ones(n_out)])
        results.append(sklearn.metrics.roc_auc_score(y, np.concatenate([scores_in, scores_out])))
    save(directory, "auroc", np.array(results), np.float64)


def versions(directory, spec):
    with open(f"{directory}/versions.json", "w") as f:
        json.dump({"torch": torch.__version__, "torchvision": torchvision.__version__, "sklearn": sklearn.__version__}, f)


if __name__ == "__main__":
    operation, directory = sys.argv[1], sys.argv[2]
    with open(f"{directory}/spec.json") as f:
        spec = json.load(f)
    {"brightness": brightness, "blur": blur, "auroc": auroc, "versions": versions}[operation](directory, spec)
