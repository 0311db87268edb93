#!/usr/bin/python3
"""The python3-torch side of the per-step profile: train_python.py's loop for one epoch with a clock
read between the same phases as SweepGrid.Bench's `profile`. Prints mean microseconds per step and phase."""
import argparse
import json
import os
import time

import torch
import torch.nn.functional as F

from train_python import lenet, mlp, read_idx

PHASES = ["batch", "forward_loss", "zero_grad", "backward", "optimizer_step", "read_loss_and_accuracy", "dispose"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("SWEEPGRID_DATA", "../shared/data/mnist"))
    parser.add_argument("--model", default="mlp")
    args = parser.parse_args()
    torch.set_num_threads(1)
    images = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).long()
    torch.manual_seed(1)
    model = {"mlp": mlp, "lenet": lenet}[args.model]()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    order = torch.randperm(images.shape[0], generator=torch.Generator().manual_seed(1))
    totals = [0.0] * len(PHASES)
    steps = 0
    start = time.perf_counter()
    for begin in range(0, images.shape[0], 64):
        t0 = time.perf_counter()
        idx = order[begin:begin + 64]
        x = images.index_select(0, idx).float().div(255.0).unsqueeze(1)
        y = labels.index_select(0, idx)
        t1 = time.perf_counter()
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        t2 = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        t3 = time.perf_counter()
        loss.backward()
        t4 = time.perf_counter()
        optimizer.step()
        t5 = time.perf_counter()
        loss.item()
        (logits.argmax(1) == y).sum().item()
        t6 = time.perf_counter()
        del x, y, logits, loss
        t7 = time.perf_counter()
        marks = [t0, t1, t2, t3, t4, t5, t6, t7]
        for i in range(len(PHASES)):
            totals[i] += marks[i + 1] - marks[i]
        steps += 1
    step_us = (time.perf_counter() - start) * 1e6 / steps
    print(json.dumps({"implementation": "python3-torch", "model": args.model, "steps": steps, "step_us": round(step_us, 1),
                      "phases_us": {p: round(t * 1e6 / steps, 1) for p, t in zip(PHASES, totals)}}))


if __name__ == "__main__":
    main()
