#!/usr/bin/python3
"""Builds the tiny ONNX models the binding tests use, each with its manifest (<name>.json beside <name>.onnx).

Run with Debian's Python (python3-onnx):  /usr/bin/python3 training/make_test_models.py [out_dir]
Default out_dir: tests/Stow.Perception.Tests/Models. Output is deterministic; the files are committed.

Models (opset 17, IR version 8):
  affine.onnx     y = 2*x + 1            x: float32 [batch,4]         -> y: float32 [batch,4]
  add.onnx        sum = a + b            a, b: float32 [batch,3]      -> sum: float32 [batch,3]
  u8_to_i64.onnx  y = int64(x) * 3       x: uint8 [batch,4]           -> y: int64 [batch,4]
"""
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8


def io(name, elem_type, shape):
    return helper.make_tensor_value_info(name, elem_type, shape)


def save(model, out_dir, name, inputs, outputs, normalization=None):
    onnx.checker.check_model(model)
    path = os.path.join(out_dir, name + ".onnx")
    with open(path, "wb") as f:
        f.write(model.SerializeToString())
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    manifest = {
        "name": name,
        "version": "1.0.0",
        "sha256": digest,
        "inputs": [dict(name=n, shape=s, elementType=t) for n, s, t in inputs],
        "outputs": [dict(name=n, shape=s, elementType=t) for n, s, t in outputs],
    }
    if normalization is not None:
        manifest["inputs"][0]["normalization"] = normalization
    with open(os.path.join(out_dir, name + ".json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"{path}: sha256 {digest}")


def model(graph):
    m = helper.make_model(graph, producer_name="stowcell-make_test_models",
                          opset_imports=[helper.make_opsetid("", OPSET)])
    m.ir_version = IR_VERSION
    return m


def affine(out_dir):
    two = numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")
    one = numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one")
    graph = helper.make_graph(
        [helper.make_node("Mul", ["x", "two"], ["twice"]), helper.make_node("Add", ["twice", "one"], ["y"])],
        "affine",
        [io("x", TensorProto.FLOAT, ["batch", 4])],
        [io("y", TensorProto.FLOAT, ["batch", 4])],
        initializer=[two, one])
    save(model(graph), out_dir, "affine",
         [("x", ["batch", 4], "float32")], [("y", ["batch", 4], "float32")],
         normalization={"scale": 1.0, "mean": [0.0, 0.0, 0.0, 0.0], "std": [1.0, 1.0, 1.0, 1.0]})


def add(out_dir):
    graph = helper.make_graph(
        [helper.make_node("Add", ["a", "b"], ["sum"])],
        "add",
        [io("a", TensorProto.FLOAT, ["batch", 3]), io("b", TensorProto.FLOAT, ["batch", 3])],
        [io("sum", TensorProto.FLOAT, ["batch", 3])])
    save(model(graph), out_dir, "add",
         [("a", ["batch", 3], "float32"), ("b", ["batch", 3], "float32")],
         [("sum", ["batch", 3], "float32")])


def u8_to_i64(out_dir):
    three = numpy_helper.from_array(np.array(3, dtype=np.int64), "three")
    graph = helper.make_graph(
        [helper.make_node("Cast", ["x"], ["wide"], to=TensorProto.INT64), helper.make_node("Mul", ["wide", "three"], ["y"])],
        "u8_to_i64",
        [io("x", TensorProto.UINT8, ["batch", 4])],
        [io("y", TensorProto.INT64, ["batch", 4])],
        initializer=[three])
    save(model(graph), out_dir, "u8_to_i64",
         [("x", ["batch", 4], "uint8")], [("y", ["batch", 4], "int64")])


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "tests", "Stow.Perception.Tests", "Models")
    os.makedirs(out_dir, exist_ok=True)
    affine(out_dir)
    add(out_dir)
    u8_to_i64(out_dir)


if __name__ == "__main__":
    main()
