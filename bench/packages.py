#!/usr/bin/env python3
"""Writes a PEP 503 package index of synthetic wheels for bench/add.sh.

    bench/packages.py OUT_DIR VERSION NAME:SIZE_MB ...

Each package NAME gets one wheel, NAME-VERSION-py3-none-any.whl, whose installed size is about
SIZE_MB: 70 % of it in native-like binary files (random bytes, as compiled extensions are
incompressible) and 30 % in Python modules of generated code (pip byte-compiles them on install,
as it does real packages). OUT_DIR/simple/NAME/index.html links each wheel with its sha256 and,
as PyPI does (PEP 658/714), its core metadata beside it (WHEEL.metadata, data-dist-info-metadata).
Only the standard library is used; the same arguments give the same package contents except
for the random bytes, which are seeded by the name (so wheels are reproducible too).
"""
import base64
import hashlib
import os
import random
import sys
import zipfile

MODULE_BYTES = 24 * 1024


def module_source(rng, index, size):
    lines = [f'"""Generated module {index}."""', ""]
    n = 0
    while sum(len(l) + 1 for l in lines) < size:
        a, b = rng.randrange(1000), rng.randrange(1000)
        lines += [f"def f_{index}_{n}(x, y={a}):",
                  f"    total = x * {b} + y",
                  f"    for i in range({a % 7 + 1}):",
                  f"        total += i * {b % 13}",
                  f"    return total", ""]
        n += 1
    return "\n".join(lines) + "\n"


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def build(out, name, version, size_mb):
    rng = random.Random(name)
    module = name.replace("-", "_")
    total = int(size_mb * 1024 * 1024)
    files = {}
    native = int(total * 0.7)
    chunks = max(1, native // (8 * 1024 * 1024) + 1)
    for i in range(chunks):
        files[f"{module}/_native/lib{i}.so"] = rng.randbytes(native // chunks) if native else b""
    python = total - native
    files[f"{module}/__init__.py"] = f'NAME = "{name}"\nVERSION = "{version}"\n'.encode()
    for i in range(max(1, python // MODULE_BYTES)):
        files[f"{module}/m{i:04d}.py"] = module_source(rng, i, MODULE_BYTES).encode()
    dist = f"{module}-{version}.dist-info"
    files[f"{dist}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    files[f"{dist}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: dockenv-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = "".join(f"{p},{record_hash(d)},{len(d)}\n" for p, d in files.items()) + f"{dist}/RECORD,,\n"
    files[f"{dist}/RECORD"] = record.encode()
    wheel = f"{module}-{version}-py3-none-any.whl"
    path = os.path.join(out, "files", wheel)
    with zipfile.ZipFile(path, "w") as z:
        for p, d in files.items():
            info = zipfile.ZipInfo(p, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            binary = p.endswith(".so")
            z.writestr(info, d, compress_type=zipfile.ZIP_STORED if binary else zipfile.ZIP_DEFLATED)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    metadata = files[f"{dist}/METADATA"]
    with open(path + ".metadata", "wb") as f:
        f.write(metadata)
    meta_digest = hashlib.sha256(metadata).hexdigest()
    page = os.path.join(out, "simple", name)
    os.makedirs(page, exist_ok=True)
    with open(os.path.join(page, "index.html"), "w") as f:
        f.write(f'<!DOCTYPE html><html><body><a href="../../files/{wheel}#sha256={digest}" '
                f'data-dist-info-metadata="sha256={meta_digest}" data-core-metadata="sha256={meta_digest}">'
                f'{wheel}</a></body></html>\n')


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, version = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out, "files"), exist_ok=True)
    for spec in sys.argv[3:]:
        name, size = spec.split(":")
        build(out, name, version, float(size))


if __name__ == "__main__":
    main()
