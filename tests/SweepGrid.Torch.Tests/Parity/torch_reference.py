"""Reference results from PyTorch for the C# parity tests.

Usage: torch_reference.py MODEL TEMPERATURE INPUT_ARCHIVE OUTPUT_ARCHIVE

MODEL is "mlp" (784 -> 256 temperature sigmoid -> 10) or "lenet" (a small LeNet-like conv net with
batch norm). INPUT_ARCHIVE is a SweepGrid parameter archive ("SGPT", version 1) holding the model's
state dict plus "input.x" and "input.y"; the results are written back in the same format:
logits, loss, input_grad, buffer.<name> (after the training-mode forward pass), adam.<name> (after one
Adam step, defaults) and sgd.<name> (after one SGD step, lr 0.01, momentum 0.9, weight decay 5e-4).
"""
import struct
import sys

import torch
from torch import nn
import torch.nn.functional as F

DTYPES = {0: torch.uint8, 3: torch.int32, 4: torch.int64, 6: torch.float32, 7: torch.float64, 11: torch.bool}
CODES = {dtype: code for code, dtype in DTYPES.items()}


def read_archive(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"SGPT":
        raise ValueError(f"{path}: not a SweepGrid parameter archive")
    version, count = struct.unpack_from("<II", data, 4)
    if version != 1:
        raise ValueError(f"{path}: archive version {version}, expected 1")
    offset = 12
    entries = {}
    for _ in range(count):
        (name_length,) = struct.unpack_from("<H", data, offset)
        offset += 2
        name = data[offset:offset + name_length].decode("utf-8")
        offset += name_length
        code, rank = struct.unpack_from("<BB", data, offset)
        offset += 2
        shape = struct.unpack_from(f"<{rank}q", data, offset)
        offset += 8 * rank
        (length,) = struct.unpack_from("<Q", data, offset)
        offset += 8
        raw = bytearray(data[offset:offset + length])
        offset += length
        tensor = torch.frombuffer(raw, dtype=DTYPES[code]) if length else torch.empty(0, dtype=DTYPES[code])
        entries[name] = tensor.reshape(shape).clone()
    return entries


def write_archive(path, entries):
    out = bytearray(b"SGPT")
    out += struct.pack("<II", 1, len(entries))
    for name, tensor in entries.items():
        tensor = tensor.detach().contiguous().cpu()
        encoded = name.encode("utf-8")
        raw = tensor.numpy().tobytes()
        out += struct.pack("<H", len(encoded)) + encoded
        out += struct.pack("<BB", CODES[tensor.dtype], tensor.dim())
        out += struct.pack(f"<{tensor.dim()}q", *tensor.shape)
        out += struct.pack("<Q", len(raw)) + raw
    with open(path, "wb") as f:
        f.write(bytes(out))


class TemperatureSigmoid(nn.Module):
    def __init__(self, temperature):
        super().__init__()
        self.temperature = temperature

    def forward(self, x):
        return torch.sigmoid(x / self.temperature)


def build(kind, temperature):
    if kind == "mlp":
        return nn.Sequential(nn.Linear(784, 256), TemperatureSigmoid(temperature), nn.Linear(256, 10))
    if kind == "lenet":
        return nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.BatchNorm2d(6), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(16 * 4 * 4, 64), nn.ReLU(), nn.Linear(64, 10))
    raise ValueError(f"unknown model {kind!r}")


def main(kind, temperature, input_path, output_path):
    torch.set_num_threads(1)
    entries = read_archive(input_path)
    x = entries.pop("input.x").requires_grad_(True)
    y = entries.pop("input.y")
    model = build(kind, float(temperature))
    model.load_state_dict(entries, strict=True)
    model.train()

    logits = model(x)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    results = {"logits": logits, "loss": loss, "input_grad": x.grad}
    for name, buffer in model.named_buffers():
        results[f"buffer.{name}"] = buffer

    start = {name: p.detach().clone() for name, p in model.named_parameters()}
    torch.optim.Adam(model.parameters()).step()
    for name, p in model.named_parameters():
        results[f"adam.{name}"] = p.detach().clone()

    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(start[name])
    torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4).step()
    for name, p in model.named_parameters():
        results[f"sgd.{name}"] = p.detach().clone()

    write_archive(output_path, results)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
