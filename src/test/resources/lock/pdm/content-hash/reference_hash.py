# PDM 2's PyProject.content_hash, re-created from PDM's source (pdm/project/project_file.py), one
# line per formula PDM 2 has used: prints each formula's sha256 for the pyproject.toml given.
# Usage: python3 reference_hash.py PYPROJECT.toml (Python 3.11+ for tomllib)
import hashlib, json, re, sys, tomllib
norm = lambda n: re.sub(r"[^A-Za-z0-9]+", "-", n).lower()   # pdm.utils.normalize_name
data = tomllib.load(open(sys.argv[1], "rb"))
project, pdm = data.get("project", {}), data.get("tool", {}).get("pdm", {})
base = {"sources": pdm.get("source", []), "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "requires-python": project.get("requires-python", "")}
def groups(*tables):
    out = {}
    for t in tables:
        for g, deps in t.items():
            out.setdefault(norm(g), []).extend(deps)
    return out
overrides = pdm["overrides"] if "overrides" in pdm else pdm.get("resolution", {}).get("overrides", {})
formulas = {
    "OVERRIDES": dict(base, **{"dev-dependencies": pdm.get("dev-dependencies", {}), "overrides": overrides}),
    "RESOLUTION": dict(base, **{"dev-dependencies": groups(pdm.get("dev-dependencies", {})),
                               "resolution": pdm.get("resolution", {})}),
    "DEPENDENCY_GROUPS": dict(base, **{"dev-dependencies": groups(data.get("dependency-groups", {}),
                                                                  pdm.get("dev-dependencies", {})),
                                      "resolution": pdm.get("resolution", {})}),
}
for name, d in formulas.items():
    print(name, hashlib.sha256(json.dumps(d, sort_keys=True).encode("utf-8")).hexdigest())
