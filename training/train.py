"""Trains the band model and the space model on simulator renders and exports them to models/.

One command (from the repository root):
    /usr/bin/python3 training/train.py --data training/out/train --val training/out/val --out models

Make the data first (seeds are documented in the model cards):
    ./run.sh perception dataset --seeds 1000-1199 --out training/out/train
    ./run.sh perception dataset --seeds 5000-5039 --out training/out/val
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402
from models import BandNet, SpaceNet  # noqa: E402


def batches(n, size, rng):
    idx = rng.permutation(n)
    for i in range(0, n, size):
        yield idx[i:i + size]


def train_band(tr, va, epochs, rng, log, width=16):
    net = BandNet(width)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    x, m, f = (torch.from_numpy(tr[k]) for k in ("x_obs", "y_mask", "y_free"))
    bce = nn.BCELoss()
    for ep in range(epochs):
        net.train()
        tot = 0.0
        for b in batches(len(x), 64, rng):
            pm, pf = net(x[b])
            loss = bce(pm, m[b]) + 5.0 * (pf - f[b]).abs().mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item() * len(b)
        log(f"band epoch {ep + 1}/{epochs} loss {tot / len(x):.4f}")
    net.eval()
    with torch.no_grad():
        xv, mv, fv = (torch.from_numpy(va[k]) for k in ("x_obs", "y_mask", "y_free"))
        pm, pf = net(xv)
        pred = pm > 0.5
        truth = mv > 0.5
        iou = (pred & truth).sum().item() / max(1, (pred | truth).sum().item())
        depth_mae = (pf[:, 3] - fv[:, 3]).abs()[truth[:, 0]].mean().item() if truth.any() else 0.0
    return net, {"val_band_iou": iou, "val_band_free_depth_mae_m_under_bands": depth_mae}


def train_space(tr, va, epochs, rng, log, band, width=24):
    net = SpaceNet(grid=tuple(tr["y_depth"].shape[-2:]), width=width)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    with torch.no_grad():
        # Train on the band model's own output so the space model sees what it will see at run time.
        xin = torch.cat([band(torch.from_numpy(tr["x_obs"][i:i + 256]))[1] for i in range(0, len(tr["x_obs"]), 256)])
        xin = torch.cat([xin, torch.from_numpy(tr["x_ray"])], dim=1)
    y = torch.from_numpy(tr["y_depth"])
    yv = torch.from_numpy(tr["y_vol"])
    for ep in range(epochs):
        net.train()
        tot = 0.0
        for b in batches(len(xin), 64, rng):
            d, c, v = net(xin[b])
            err = (d - y[b]).abs()
            target_conf = torch.exp(-err.mean(dim=(1, 2, 3)) / 0.02).detach().unsqueeze(1)
            # Volume error weighted so that 1 % of bin volume costs about as much as 4 mm of free depth.
            loss = err.mean() + 0.4 * (v - yv[b]).abs().mean() + 0.1 * nn.functional.binary_cross_entropy(c, target_conf)
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item() * len(b)
        sched.step()
        log(f"space epoch {ep + 1}/{epochs} loss {tot / len(xin):.4f}")
    net.eval()
    with torch.no_grad():
        xv = torch.cat([band(torch.from_numpy(va["x_obs"]))[1], torch.from_numpy(va["x_ray"])], dim=1)
        d, _, v = net(xv)
        mae = (d - torch.from_numpy(va["y_depth"])).abs().mean().item()
        vol_mae = (v - torch.from_numpy(va["y_vol"])).abs().mean().item()
    return net, {"val_free_depth_mae_m": mae, "val_free_volume_mae_fraction": vol_mae}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--val", required=True)
    ap.add_argument("--out", default="models")
    ap.add_argument("--band-epochs", type=int, default=5)
    ap.add_argument("--space-epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--band-width", type=int, default=12, help="channels of the band U-Net's first level")
    ap.add_argument("--space-width", type=int, default=16, help="channels of the space net's first blocks")
    ap.add_argument("--limit", type=int, default=8000, help="use at most this many training crops")
    a = ap.parse_args()
    common.setup(a.seed)
    rng = np.random.RandomState(a.seed)
    t0 = time.time()
    log = lambda s: print(f"[{time.time() - t0:6.1f}s] {s}", flush=True)  # noqa: E731
    meta_tr, tr = common.load(a.data)
    keep = np.random.RandomState(a.seed).permutation(len(tr["x_obs"]))[:a.limit]
    tr = {k: v[np.sort(keep)] for k, v in tr.items()}
    meta_tr["crops_used"] = int(len(keep))
    meta_va, va = common.load(a.val)
    log(f"train crops {len(tr['x_obs'])}, val crops {len(va['x_obs'])}")
    band, band_metrics = train_band(tr, va, a.band_epochs, rng, log, a.band_width)
    space, space_metrics = train_space(tr, va, a.space_epochs, rng, log, band, a.space_width)
    os.makedirs(a.out, exist_ok=True)
    _, c, h, w = tr["x_obs"].shape
    gr, gc = tr["y_depth"].shape[-2:]
    ex = torch.from_numpy(tr["x_obs"][:2])
    band_path = os.path.join(a.out, "band.onnx")
    common.export(band, ex, band_path, ["crop"], ["band_mask", "band_free"])
    common.write_manifest(band_path, "band", "2.0.0",
                          [("crop", ["batch", c, h, w])],
                          [("band_mask", ["batch", 1, h, w]), ("band_free", ["batch", c, h, w])],
                          {"mean": [0, 0, 0, 0], "std": [1, 1, 1, 1], "scale": 1.0})
    space_path = os.path.join(a.out, "space.onnx")
    ex_space = torch.cat([ex, torch.from_numpy(tr["x_ray"][:2])], dim=1)
    common.export(space, ex_space, space_path, ["space_in"], ["free_depth", "confidence", "free_volume"])
    common.write_manifest(space_path, "space", "3.0.0",
                          [("space_in", ["batch", c + 2, h, w])],
                          [("free_depth", ["batch", 1, gr, gc]), ("confidence", ["batch", 1]), ("free_volume", ["batch", 1])],
                          {"mean": [0] * (c + 2), "std": [1] * (c + 2), "scale": 1.0})
    metrics = {"train": meta_tr, "val": meta_va, **band_metrics, **space_metrics,
               "band_epochs": a.band_epochs, "band_width": a.band_width, "space_width": a.space_width, "space_epochs": a.space_epochs, "seed": a.seed, "seconds": time.time() - t0}
    with open(os.path.join(a.out, "training-metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
    log(json.dumps({k: v for k, v in metrics.items() if k.startswith("val")}))


if __name__ == "__main__":
    main()
