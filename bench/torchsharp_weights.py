"""Reads SweepGrid's weights format 2 (TorchSharp's Module.save state dict) into a dict of torch tensors,
so that python3-torch can evaluate weights SweepGrid trained (docs/science.md §8):
LEB128 count, then per entry a .NET BinaryWriter string (7-bit length, UTF-8) name, LEB128 ScalarType
code, LEB128 rank, LEB128 dimensions, and the raw little-endian contiguous data."""
import numpy as np
import torch

# c10::ScalarType codes that weights use.
DTYPES = {0: np.uint8, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.int64, 6: np.float32, 7: np.float64, 11: np.bool_}


def _varint(data, pos):
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def read_weights(path):
    data = open(path, "rb").read()
    if data[:4] == b"SGPT":
        raise ValueError(f"{path} is in weights format 1 (SGPT), which SweepGrid no longer writes")
    count, pos = _varint(data, 0)
    result = {}
    for _ in range(count):
        length, pos = _varint(data, pos)
        name = data[pos:pos + length].decode("utf-8")
        pos += length
        code, pos = _varint(data, pos)
        rank, pos = _varint(data, pos)
        shape = []
        for _ in range(rank):
            dim, pos = _varint(data, pos)
            shape.append(dim)
        dtype = np.dtype(DTYPES[code])
        size = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
        result[name] = torch.from_numpy(np.frombuffer(data, dtype=dtype, count=size // dtype.itemsize, offset=pos).reshape(shape).copy())
        pos += size
    if pos != len(data):
        raise ValueError(f"{path}: {len(data) - pos} bytes after the last tensor")
    return result
