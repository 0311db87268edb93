#!/usr/bin/python3
"""The PyTorch side of the training benchmark: the same loop as SweepGrid's Trainer, written the way a
PyTorch user would (Debian's python3-torch, i.e. the same libtorch 1.13 that SweepGrid binds).

Prints one JSON object per model: {"model", "samples_per_second", "seconds", "loss", "train_accuracy"}.
"""
import argparse
import gzip
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return torch.from_numpy(np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims).copy())


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.Sigmoid(), nn.Linear(256, 10))


def lenet():
    return nn.Sequential(nn.Conv2d(1, 20, 5), nn.MaxPool2d(2), nn.Conv2d(20, 50, 5), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(800, 500), nn.ReLU(), nn.Linear(500, 10))


def train_one_epoch(model, images, labels, batch_size, seed):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(seed)
    model.train()
    n = images.shape[0]
    start = time.perf_counter()
    order = torch.randperm(n, generator=generator)
    loss_sum, correct = 0.0, 0
    for begin in range(0, n, batch_size):
        idx = order[begin:begin + batch_size]
        x = images.index_select(0, idx).float().div(255.0).unsqueeze(1)
        y = labels.index_select(0, idx)
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * idx.shape[0]
        correct += (logits.argmax(1) == y).sum().item()
    seconds = time.perf_counter() - start
    return {"samples_per_second": n / seconds, "seconds": seconds, "loss": loss_sum / n, "train_accuracy": correct / n}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("SWEEPGRID_DATA", "../shared/data/mnist"))
    parser.add_argument("--models", default="mlp,lenet")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    images = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).long()
    if args.limit:
        images, labels = images[:args.limit], labels[:args.limit]
    for name in args.models.split(","):
        torch.manual_seed(args.seed)
        model = {"mlp": mlp, "lenet": lenet}[name]()
        cpu = time.process_time()  # CPU time as well as wall time: other processes stretch the wall clock
        result = train_one_epoch(model, images, labels, args.batch_size, args.seed)
        result["cpu_seconds"] = time.process_time() - cpu
        result["model"] = name
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
