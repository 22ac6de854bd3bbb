#!/usr/bin/env python3
"""Execute a notebook in a real Deno Jupyter kernel and check each cell's outputs.

Each code cell may list, in its metadata, the MIME types its outputs must carry,
and texts that a type's content must contain:

    "metadata": { "realist-eval": { "expect": ["text/plain", "text/html"],
                                    "contains": { "text/plain": ["37–39 of 84"] } } }

The cell passes when it ran without error, every listed type appears in one of its
results (execute_result or display_data), and each listed text is in that type's
content. A cell without the key must only run.

The kernel is driven with jupyter_client rather than nbconvert: Deno's kernel can
send a cell's result just after reporting the kernel idle, and nbconvert, which
stops listening at idle, then drops that result. Here each cell is followed by a
short grace period in which late messages of that cell are still collected.

Usage: notebook-check.py NOTEBOOK --deno PATH [--out EXECUTED.ipynb] [--grace SECONDS]
Prints one line per cell and a closing "N passed, N failed" line; exits 1 on failure.
"""
import argparse
import json
import os
import queue
import shutil
import sys
import tempfile
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("notebook")
    p.add_argument("--deno", required=True, help="the deno executable")
    p.add_argument("--out", help="write the executed notebook here")
    p.add_argument("--grace", type=float, default=1.5, help="seconds to keep listening after idle")
    p.add_argument("--timeout", type=float, default=120, help="seconds allowed per cell")
    return p.parse_args()


def kernelspec_dir(deno):
    """A kernelspec for this deno, in a folder of its own (nothing is installed for the user)."""
    root = tempfile.mkdtemp(prefix="realist-eval-kernel-")
    spec = os.path.join(root, "kernels", "deno-check")
    os.makedirs(spec)
    with open(os.path.join(spec, "kernel.json"), "w") as f:
        json.dump(
            {
                "argv": [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
                "display_name": "Deno",
                "language": "typescript",
            },
            f,
        )
    return root


def run_cell(kc, code, timeout, grace):
    """Execute one cell; return (status, outputs, late) with outputs as nbformat dicts and
    late the number of them that came after the kernel reported idle."""
    msg_id = kc.execute(code, store_history=True)
    outputs = []
    late = 0
    idle_at = None
    deadline = time.monotonic() + timeout
    while True:
        now = time.monotonic()
        if idle_at is not None and now - idle_at >= grace:
            break
        if now > deadline:
            return "timeout", outputs, late
        wait = grace - (now - idle_at) if idle_at is not None else min(1.0, deadline - now)
        try:
            msg = kc.get_iopub_msg(timeout=max(0.05, wait))
        except queue.Empty:
            continue
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "status" and content.get("execution_state") == "idle":
            idle_at = time.monotonic()
        elif kind in ("execute_result", "display_data"):
            late += idle_at is not None
            out = {"output_type": kind, "data": content.get("data", {}), "metadata": content.get("metadata", {})}
            if kind == "execute_result":
                out["execution_count"] = content.get("execution_count")
            outputs.append(out)
        elif kind == "stream":
            outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
        elif kind == "error":
            outputs.append(
                {
                    "output_type": "error",
                    "ename": content.get("ename", ""),
                    "evalue": content.get("evalue", ""),
                    "traceback": content.get("traceback", []),
                }
            )
    reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"].get("status", "unknown"), outputs, late


def main():
    args = parse_args()
    # The kernel starts in the notebook's folder: a relative path to deno must not depend on it.
    deno = os.path.abspath(args.deno) if os.sep in args.deno else args.deno
    spec_root = kernelspec_dir(deno)
    os.environ["JUPYTER_PATH"] = spec_root
    from jupyter_client.manager import start_new_kernel

    with open(args.notebook) as f:
        nb = json.load(f)
    cwd = os.path.dirname(os.path.abspath(args.notebook))
    km, kc = start_new_kernel(kernel_name="deno-check", cwd=cwd, startup_timeout=120)
    passed = failed = 0
    try:
        count = 0
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            count += 1
            code = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            started = time.monotonic()
            status, outputs, late = run_cell(kc, code, args.timeout, args.grace)
            took = time.monotonic() - started - args.grace
            cell["outputs"] = outputs
            cell["execution_count"] = count
            checks = cell.get("metadata", {}).get("realist-eval", {})
            expect = checks.get("expect", [])
            seen = set()
            content = {}
            for o in outputs:
                for t, v in o.get("data", {}).items():
                    seen.add(t)
                    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                    content[t] = content.get(t, "") + text
            missing = [t for t in expect if t not in seen]
            missing += [
                f"{t} containing {text!r}"
                for t, texts in checks.get("contains", {}).items()
                for text in texts
                if text not in content.get(t, "")
            ]
            errors = [o for o in outputs if o["output_type"] == "error"]
            ok = status == "ok" and not errors and not missing
            passed += ok
            failed += not ok
            what = ", ".join(sorted(seen)) or "no result"
            line = f"{'ok  ' if ok else 'FAIL'} cell {count} ({took:.2f} s): {what}"
            if late:
                line += f" ({late} after idle)"
            if missing:
                line += f"; missing {', '.join(missing)}"
            if status != "ok" or errors:
                line += f"; {status}: " + "; ".join(f"{e['ename']}: {e['evalue']}" for e in errors)
            print(line, flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(spec_root, ignore_errors=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(nb, f, indent=1)
            f.write("\n")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
