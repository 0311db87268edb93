#!/usr/bin/python3
"""The sequential PyTorch loop over the same grid as bench/grid.yaml: MLP-T at 8 temperatures
(1/16 … 8), one epoch each on MNIST's 60,000 training images (batch 64, Adam), clean accuracy on the
10,000 test images; one thread, one process, as a hand-written sweep would run. Prints total seconds."""
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from train_python import read_idx, train_one_epoch  # noqa: E402


class MlpT(nn.Module):
    def __init__(self, temperature):
        super().__init__()
        self.temperature = temperature
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        return self.output(torch.sigmoid(self.hidden(x.flatten(1)) / self.temperature))


def main():
    data = os.environ.get("SWEEPGRID_DATA", "../shared/data/mnist")
    torch.set_num_threads(1)
    start = time.perf_counter()
    images = read_idx(os.path.join(data, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data, "train-labels-idx1-ubyte.gz")).long()
    test_x = read_idx(os.path.join(data, "t10k-images-idx3-ubyte.gz")).float().div(255).unsqueeze(1)
    test_y = read_idx(os.path.join(data, "t10k-labels-idx1-ubyte.gz")).long()
    accuracies = {}
    for k in range(8):
        t = 2.0 ** (k - 4)
        torch.manual_seed(1)
        model = MlpT(t)
        train_one_epoch(model, images, labels, 64, 1)
        model.eval()
        with torch.no_grad():
            accuracies[t] = (model(test_x).argmax(1) == test_y).float().mean().item()
    print(json.dumps({"seconds": time.perf_counter() - start, "accuracies": accuracies}))


if __name__ == "__main__":
    main()
