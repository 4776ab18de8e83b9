"""Expected Pipfile digests per scheme, from pipenv 2022.12.19's own vendored code (Debian package).

PLETTE_CATEGORIES: pipenv 2022.12.19's real Project.calculate_pipfile_hash path: plette.Pipfile.load().get_hash().
The other schemes re-create the older/newer pipenv code paths on top of the same TOML loaders.
"""
import hashlib, json, re, sys
sys.path.insert(0, "/usr/lib/python3/dist-packages")
from pipenv.vendor import plette, tomlkit, toml

def sha(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()

def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()

def plette_categories(path):          # pipenv 2022.10 .. 2026.3: the real thing
    with open(path) as f:
        return plette.Pipfile.load(f).get_hash().value

def plette_raw(path):
    with open(path) as f:
        return plette.Pipfile.load(f)._data

def plette_only(path):                 # pipenv 2022.9: plette before categories
    raw = plette_raw(path)
    return sha({"_meta": {"sources": raw["source"], "requires": raw.get("requires", {})},
                "default": raw.get("packages", {}), "develop": raw.get("dev-packages", {})})

def canonical_names(path):             # pipenv 2026.4+: pypa/pipenv#6609
    raw = plette_raw(path)
    norm = lambda section: {canonical(k): v for k, v in section.items()}
    data = {"_meta": {"sources": raw.get("source", {}), "requires": raw.get("requires", {})},
            "default": norm(raw.get("packages", {})), "develop": norm(raw.get("dev-packages", {}))}
    for category, values in raw.items():
        if category in ("source", "packages", "dev-packages", "requires", "scripts", "pipfile", "pipenv",
                        "default", "develop"):
            continue
        data[category] = norm(values)
    return sha(data)

def pipfile_library(path):             # pipenv <= 2022.8: the pipfile library with uiri/toml
    with open(path) as f:
        content = f.read()
    config = {"source": [{"url": "https://pypi.python.org/simple", "verify_ssl": True}],
              "packages": {}, "requires": {}, "dev-packages": {}}
    config.update(toml.loads(content))
    return sha({"_meta": {"sources": config["source"], "requires": config["requires"]},
                "default": config["packages"], "develop": config["dev-packages"]})

for path in sys.argv[1:]:
    print(path)
    for name, fn in [("PIPFILE_LIBRARY", pipfile_library), ("PLETTE", plette_only),
                     ("PLETTE_CATEGORIES", plette_categories), ("CANONICAL_NAMES", canonical_names)]:
        try:
            print(f"{name}={fn(path)}")
        except Exception as e:
            print(f"# {name}: {type(e).__name__}: {e}")
