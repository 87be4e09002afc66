"""The two perception networks. Both are small fully-convolutional nets sized for a CPU workcell PC
(each well under 5 MB), input a bin crop of 4 x H x W (H = 32, W = 48 by default)."""
import torch
from torch import nn


def block(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class BandNet(nn.Module):
    """Band eraser: observed crop -> (band mask probability, band-free crop).

    A two-level U-Net. The band-free output is predicted as a residual on the input, gated by the
    predicted mask, so unbanded pixels pass through unchanged."""

    def __init__(self, width=16):
        super().__init__()
        self.enc1 = nn.Sequential(block(4, width), block(width, width))
        self.enc2 = nn.Sequential(block(width, 2 * width, 2), block(2 * width, 2 * width))
        self.dec = nn.Sequential(block(3 * width, width), block(width, width))
        self.mask_head = nn.Conv2d(width, 1, 1)
        self.fill_head = nn.Conv2d(width, 4, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(e1)
        up = nn.functional.interpolate(e2, size=e1.shape[-2:], mode="nearest")
        d = self.dec(torch.cat([e1, up], dim=1))
        mask = torch.sigmoid(self.mask_head(d))
        fill = self.fill_head(d)
        band_free = x * (1 - mask) + fill * mask
        return mask, band_free


class SpaceNet(nn.Module):
    """Space estimator: band-free crop + viewing rays (6 channels) -> (free-depth map on the bin grid [m],
    confidence in [0, 1], free volume as a fraction of the bin volume). The rays tell the net how far off
    the optical axis the bin is, which decides how much floor or ceiling it sees in front of the contents.

    The free-volume head exists because the free-depth map only holds the space in front of the first
    contents: space hidden behind an item (a tall item stopped by a short one behind it) is free but not in
    the map. The head sees the pooled features and the predicted map and learns that hidden share."""

    def __init__(self, grid=(8, 12), width=24):
        super().__init__()
        self.grid = grid
        cells = grid[0] * grid[1]
        self.features = nn.Sequential(block(6, width), block(width, width), block(width, 2 * width, 2), block(2 * width, 2 * width))
        self.pool = nn.AdaptiveAvgPool2d(grid)
        self.depth_head = nn.Sequential(block(2 * width, width), nn.Conv2d(width, 1, 1))
        self.conf_head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2 * width, 1))
        self.vol_pool = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.vol_head = nn.Sequential(nn.Linear(2 * width + cells, 64), nn.ReLU(inplace=True), nn.Linear(64, 1))

    def forward(self, x):
        f = self.features(x)
        # Skip path: the relative-depth channel pooled to the grid is already a good free-depth guess.
        prior = nn.functional.adaptive_avg_pool2d(x[:, 3:4], self.grid)
        depth = torch.relu(prior + self.depth_head(self.pool(f)))
        conf = torch.sigmoid(self.conf_head(f))
        vol = torch.sigmoid(self.vol_head(torch.cat([self.vol_pool(f), torch.flatten(depth, 1)], dim=1)))
        return depth, conf, vol
