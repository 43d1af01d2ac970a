"""The book's MLP and CNN trained in PyTorch by the same hand-written loop as `book bench` uses in C#.

Usage: pytorch_models.py DATASETS IMAGES EPOCHS RUNS
Reads the first IMAGES images of the committed Fashion-MNIST subset (DATASETS/fashion-mnist), and trains
each model RUNS times for EPOCHS epochs from seed 42 on one thread: Adam (lr 1e-3), batch 64, cross-entropy,
a fresh permutation per epoch. Prints JSON with the versions, the BLAS library this process loaded, and the
CPU seconds (user + system, all threads, as `book bench` times TorchSharp) per epoch of every run.
"""
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def mlp():
    return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))


def seconds_per_epoch(make, x, y, epochs):
    torch.manual_seed(42)
    model = make()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    began = time.process_time()
    for _ in range(epochs):
        order = torch.randperm(x.shape[0])
        for start in range(0, x.shape[0], 64):
            rows = order[start:start + 64]
            loss = nn.functional.cross_entropy(model(x.index_select(0, rows)), y.index_select(0, rows))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return (time.process_time() - began) / epochs


def blas():
    """The BLAS shared library this process has loaded (libblas.so.3 is an alternative: netlib or OpenBLAS)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return sorted(os.path.realpath(p) for p in paths)


def main():
    datasets, images, epochs, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(1)
    pixels = idx(os.path.join(datasets, "fashion-mnist", "train-images-idx3-ubyte.gz"))[:images]
    labels = idx(os.path.join(datasets, "fashion-mnist", "train-labels-idx1-ubyte.gz"))[:images]
    x = torch.from_numpy(pixels.astype(np.float32) / 255).unsqueeze(1)
    y = torch.from_numpy(labels.astype(np.int64))
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas()}
    flat = x.reshape(images, 784)
    for name, make, inputs in (("mlp", mlp, flat), ("cnn", cnn, x)):
        seconds_per_epoch(make, inputs, y, 1)  # warm-up
        result[name] = [seconds_per_epoch(make, inputs, y, epochs) for _ in range(runs)]
    print(json.dumps(result))


main()
