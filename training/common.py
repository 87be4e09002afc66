"""Shared helpers for the StowCell training scripts (Debian python3-torch 1.13, CPU).

Data comes from `./run.sh perception dataset` (simulator renders), written as .npy arrays:
  x_obs.npy       (N, 4, H, W) float32  observed bin crop: R, G, B in [0, 1], D = depth - opening plane [m]
  x_ray.npy       (N, 2, H, W) float32  viewing ray of each crop pixel ((u-cx)/fx, (v-cy)/fy)
  y_mask.npy      (N, 1, H, W) float32  band mask (1 = band pixel)
  y_free.npy      (N, 4, H, W) float32  band-free crop, same channels as x_obs
  y_depth.npy     (N, 1, GR, GC) float32 free-depth map [m] on the bin grid, image orientation
  y_vol.npy       (N, 1) float32         true free volume (hidden space included) / bin volume
  meta.json       seeds, counts, crop and grid sizes
"""
import json
import os
import random

import numpy as np
import torch


def setup(seed: int) -> None:
    torch.set_num_threads(2)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load(folder: str):
    meta = json.load(open(os.path.join(folder, "meta.json")))
    arrays = {k: np.load(os.path.join(folder, k + ".npy")) for k in ("x_obs", "x_ray", "y_mask", "y_free", "y_depth", "y_vol")}
    return meta, arrays


def export(model: torch.nn.Module, example: torch.Tensor, path: str, inputs, outputs) -> None:
    model.eval()
    dyn = {n: {0: "batch"} for n in inputs + outputs}
    torch.onnx.export(model, example, path, input_names=inputs, output_names=outputs,
                      dynamic_axes=dyn, opset_version=17, do_constant_folding=True)


def sha256(path: str) -> str:
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def write_manifest(onnx_path: str, name: str, version: str, inputs, outputs, normalization) -> None:
    """Writes <model>.json beside the model: names, shapes (symbolic batch), element types,
    input normalization (scale, per-channel mean/std), version and SHA-256: the fields
    Stow.Perception.Onnx.ModelManifest checks at load."""
    manifest = {
        "name": name,
        "version": version,
        "sha256": sha256(onnx_path),
        "inputs": [{"name": n, "shape": s, "elementType": "float32", "normalization": normalization} for n, s in inputs],
        "outputs": [{"name": n, "shape": s, "elementType": "float32"} for n, s in outputs],
    }
    with open(onnx_path[:-5] + ".json", "w") as f:
        json.dump(manifest, f, indent=2)
