#!/usr/bin/env python3
"""Chooses how 'accurate-2' ships: int8 in a form that keeps the fine-tuned model's val figures.

Reads the fp32 ONNX file that minilm_finetune.py exported, makes the candidate forms below, scores
each on the val tokens with ONNX Runtime (the engine the Java side runs, on the same CPU) and
keeps the smallest, fastest form whose val macro-recall is within --max-loss (0.005) of fp32's:

  fused-int8-channel     ONNX Runtime's BERT fusions first (attention, embeddings + LayerNorm,
                         bias + GELU, skip LayerNorm), then every weight int8 with one scale per
                         output channel, the word embeddings included (23 MB)
  fused-int8             the same with one scale per tensor
  dynamic-int8-channel   MatMul weights only, per channel; embeddings stay fp32 (59 MB)
  dynamic-int8-ffn       per channel, only the feed-forward MatMuls (attention and head in fp32)
  static-qdq             QDQ int8 with activation ranges calibrated on 512 train tweets
  fp16                   weights stored in half precision (computed in fp32)
  fp32                   the exported file as it is

Dynamic quantisation scales activations per call, so a text's scores move a little with its
batch neighbours (the Java side batches by length); the figures here are measured as Java runs.

The choice, every candidate's figures and the files' SHA-256 go to OUT/quantisation.json; the
chosen file is copied to OUT/NAME.onnx (--name). Needs onnx, onnxruntime and numpy.
"""

import argparse
import hashlib
import json
import os
import shutil
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm_finetune import PAD_ID, metrics, read_tokens, sha256  # noqa: E402


def session(path, threads):
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])


def logits_of(sess, ids, lengths, batch=64):
    """Logits in row order; rows are run sorted by length, as the Java model runs them."""
    out = np.zeros((len(ids), 3), dtype=np.float32)
    order = np.argsort(lengths, kind="stable")
    for s in range(0, len(order), batch):
        rows = order[s: s + batch]
        t = int(lengths[rows].max())
        x = ids[rows, :t]
        feed = {"input_ids": x, "attention_mask": (x != PAD_ID).astype(np.int64),
                "token_type_ids": np.zeros_like(x)}
        out[rows] = sess.run(["logits"], feed)[0]
    return out


class Calibration:
    """Feeds the static quantiser 512 train tweets, 32 at a time."""

    def __init__(self, ids, lengths, n=512, batch=32):
        rng = np.random.default_rng(7)
        rows = rng.choice(len(ids), size=min(n, len(ids)), replace=False)
        self.batches = []
        for s in range(0, len(rows), batch):
            r = rows[s: s + batch]
            t = int(lengths[r].max())
            x = ids[r, :t]
            self.batches.append({"input_ids": x, "attention_mask": (x != PAD_ID).astype(np.int64),
                                 "token_type_ids": np.zeros_like(x)})
        self.at = 0

    def get_next(self):
        if self.at >= len(self.batches):
            return None
        self.at += 1
        return self.batches[self.at - 1]

    def rewind(self):
        self.at = 0


def make(kind, fp32, out_dir, tokens, max_len):
    from onnxruntime.quantization import QuantFormat, QuantType, quantize_dynamic, quantize_static
    path = os.path.join(out_dir, f"candidate-{kind}.onnx")
    if kind == "fp32":
        shutil.copyfile(fp32, path)
    elif kind == "fp16":
        import onnx
        from onnx import numpy_helper
        model = onnx.load(fp32)
        # Half-precision weights, cast back to fp32 at load: half the file, fp32 arithmetic.
        for init in list(model.graph.initializer):
            arr = numpy_helper.to_array(init)
            if arr.dtype == np.float32 and arr.size > 1024:
                half = numpy_helper.from_array(arr.astype(np.float16), init.name + "_fp16")
                model.graph.initializer.remove(init)
                model.graph.initializer.append(half)
                model.graph.node.insert(0, onnx.helper.make_node(
                    "Cast", [init.name + "_fp16"], [init.name], to=onnx.TensorProto.FLOAT))
        onnx.save(model, path)
    elif kind in ("fused-int8", "fused-int8-channel"):
        import onnx
        from onnxruntime.transformers import optimizer
        fused = os.path.join(out_dir, "fused-fp32.onnx")
        optimizer.optimize_model(fp32, model_type="bert", num_heads=12, hidden_size=384,
                                 opt_level=0).save_model_to_file(fused)
        quantize_dynamic(fused, path, weight_type=QuantType.QInt8, per_channel=kind.endswith("channel"),
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    elif kind == "dynamic-int8-channel":
        quantize_dynamic(fp32, path, weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"])
    elif kind == "dynamic-int8-ffn":
        import onnx
        model = onnx.load(fp32)
        # Feed-forward MatMuls take the 1536-wide weights: about two thirds of the compute.
        ffn = [n.name for n in model.graph.node if n.op_type == "MatMul"
               and any(i in {x.name for x in model.graph.initializer if 1536 in x.dims} for i in n.input)]
        quantize_dynamic(fp32, path, weight_type=QuantType.QInt8, per_channel=True, nodes_to_quantize=ffn,
                         op_types_to_quantize=["MatMul"])
    elif kind == "static-qdq":
        ids, lengths, _ = read_tokens(tokens, "train", max_len)
        quantize_static(fp32, path, Calibration(ids, lengths), quant_format=QuantFormat.QDQ,
                        per_channel=True, weight_type=QuantType.QInt8, activation_type=QuantType.QInt8,
                        op_types_to_quantize=["MatMul"])
    else:
        raise ValueError(kind)
    return path


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fp32", required=True, help="accurate-2-fp32.onnx from minilm_finetune.py")
    p.add_argument("--tokens", required=True, help="directory from 'undertone train --model accurate --export-tokens'")
    p.add_argument("--out", required=True)
    p.add_argument("--name", default="accurate-2", help="the chosen file is copied to OUT/NAME.onnx")
    p.add_argument("--max-len", type=int, default=64)
    p.add_argument("--max-loss", type=float, default=0.005)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--kinds", default="fused-int8-channel,fused-int8,dynamic-int8-channel,static-qdq,fp16,fp32")
    args = p.parse_args()

    vids, vlengths, vlabels = read_tokens(args.tokens, "val", args.max_len)
    results = {}
    for kind in args.kinds.split(","):
        path = make(kind, args.fp32, args.out, args.tokens, args.max_len)
        sess = session(path, args.threads)
        logits_of(sess, vids[:64], vlengths[:64])  # warm-up
        started = time.process_time()
        wall = time.time()
        logits = logits_of(sess, vids, vlengths)
        cpu = time.process_time() - started
        figures = metrics(vlabels, logits.argmax(1))
        results[kind] = {**figures, "bytes": os.path.getsize(path), "sha256": sha256(path),
                         "val_posts_per_cpu_s": round(len(vids) / cpu), "val_posts_per_s": round(len(vids) / (time.time() - wall)),
                         "logits": logits}
        print(f"{kind}: val macro-recall {figures['macro_recall']:.4f}, {os.path.getsize(path) / 1e6:.1f} MB, "
              f"{len(vids) / cpu:.0f} posts per CPU-second", file=sys.stderr, flush=True)

    base = results["fp32"]["macro_recall"] if "fp32" in results else max(r["macro_recall"] for r in results.values())
    # Smallest first: among the forms that keep the figures, the first of this order ships.
    order = ["fused-int8-channel", "fused-int8", "dynamic-int8-channel", "static-qdq", "dynamic-int8-ffn",
             "fp16", "fp32"]
    kept = [k for k in order if k in results and base - results[k]["macro_recall"] <= args.max_loss]
    chosen = kept[0] if kept else "fp32"
    for k, r in results.items():
        if "fp32" in results:
            r["agreement_with_fp32"] = round(float(np.mean(r["logits"].argmax(1) == results["fp32"]["logits"].argmax(1))), 4)
        r.pop("logits")
    shutil.copyfile(os.path.join(args.out, f"candidate-{chosen}.onnx"), os.path.join(args.out, f"{args.name}.onnx"))
    report = {"chosen": chosen, "fp32_macro_recall": base, "max_loss": args.max_loss, "candidates": results,
              "onnxruntime": __import__("onnxruntime").__version__, "threads": args.threads}
    with open(os.path.join(args.out, "quantisation.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(json.dumps({"chosen": chosen, **{k: v["macro_recall"] for k, v in results.items()}}))


if __name__ == "__main__":
    main()
