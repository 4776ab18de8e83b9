#!/usr/bin/env python3
"""Turns Debian bookworm's python3-* packages into wheels for the integration tests' package index.

    debian-wheel.py --debs              prints the Debian packages to download (one a line)
    debian-wheel.py DEB_DIR OUT_DIR     writes one wheel per entry of WHEELS from the .debs in
                                        DEB_DIR (`apt-get download` of --debs) into OUT_DIR

scripts/ensure-app-wheels.sh runs both. No public index is reachable on the test machines, so the
tests' index serves these wheels (LocalPackageIndex.APP_WHEELS) for real applications: Django,
psycopg2, Flask, redis-py, jupyter-server, gunicorn, uvicorn, pytest and their dependencies.

A wheel holds what the package installs under /usr/lib/python3/dist-packages (symlinks resolved
inside the package's .debs; those pointing elsewhere are left out), /usr/share/jupyter and
/etc/jupyter (as the wheel's data, where upstream wheels put them), and a .dist-info made from the
package's metadata with its upstream name and version. Its tag is py3-none-any, or
cp311-cp311-linux_x86_64 when it holds compiled modules (built for bookworm's Python 3.11, the
python3 of the python:3.11-slim stand-in; they need the libraries named by Requires-External).

Requirements: dh_python3 empties the install requirements of an .egg-info's requires.txt, so
for those the requirements are the package's python3-* Depends, named as the wheels are; a
.dist-info keeps upstream's Requires-Dist. A requirement of a package outside WHEELS is left out
(the ones that apply here must be listed in DROPPED with the reason), and every requirement that
applies to CPython 3.11 on Linux must be met by the wheels written, else nothing is written.

Only the standard library is needed (markers are evaluated with the `packaging` of the
python3-packaging .deb, one of the packages converted).
"""

import base64
import concurrent.futures
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile

# One wheel per entry: the package whose metadata it carries, then packages whose files it takes too
# (python3-cffi-backend: the _cffi_backend module of cffi; libjs-jquery: the targets of symlinks).
WHEELS = [
    # Django
    ["python3-django", "libjs-jquery"],
    ["python3-asgiref"],
    ["python3-sqlparse"],
    ["python3-tz"],
    ["python3-psycopg2"],
    # Flask
    ["python3-flask"],
    ["python3-werkzeug", "libjs-jquery"],
    ["python3-jinja2"],
    ["python3-markupsafe"],
    ["python3-itsdangerous"],
    ["python3-click"],
    ["python3-blinker"],
    # the web servers a detected start command runs (gunicorn for WSGI, uvicorn for ASGI)
    ["python3-gunicorn"],
    ["python3-uvicorn"],
    ["python3-h11"],
    ["python3-wsproto"],
    # redis-py
    ["python3-redis"],
    ["python3-async-timeout"],
    ["python3-deprecated"],
    ["python3-wrapt"],
    ["python3-packaging"],
    # jupyter-server
    ["python3-jupyter-server"],
    ["python3-anyio"],
    ["python3-idna"],
    ["python3-sniffio"],
    ["python3-argon2"],
    ["python3-cffi", "python3-cffi-backend"],
    ["python3-pycparser"],
    ["python3-ply"],  # Debian's pycparser uses it instead of its own copy
    ["python3-jupyter-client"],
    ["python3-jupyter-core"],
    ["python3-entrypoints"],
    ["python3-nest-asyncio"],
    ["python3-dateutil"],
    ["python3-six"],
    ["python3-zmq"],
    ["python3-tornado"],
    ["python3-traitlets"],
    ["python3-nbconvert"],
    ["python3-bleach"],
    ["python3-html5lib"],
    ["python3-webencodings"],
    ["python3-bs4"],
    ["python3-soupsieve"],
    ["python3-defusedxml"],
    ["python3-jupyterlab-pygments"],
    ["python3-pygments"],
    ["python3-lxml"],
    ["python3-nbclient"],
    ["python3-nbformat"],
    ["python3-fastjsonschema"],
    ["python3-jsonschema"],
    ["python3-attr"],
    ["python3-pyrsistent"],
    ["python3-pandocfilters"],
    ["python3-tinycss2"],
    ["python3-prometheus-client"],
    ["python3-decorator"],  # Debian's prometheus-client uses it instead of its own copy
    ["python3-send2trash"],
    ["python3-terminado"],
    ["python3-ptyprocess"],
    ["python3-websocket"],
    # pytest (the test step of the CI pipelines dockenv writes)
    ["python3-pytest"],
    ["python3-pluggy"],
    ["python3-iniconfig"],
]

# Requirements that apply here but name no wheel of WHEELS: (wheel project, requirement) -> why
# leaving them out is right.
DROPPED = {
    ("click", "python3-colorama"): "upstream click needs colorama on Windows only",
    ("gunicorn", "python3-setuptools"): "gunicorn imports pkg_resources, which the venv of Python 3.11 has "
                                        "(python -m venv seeds setuptools before 3.12)",
}

# Depends that are parts of Python or of pip's tools, not distributions on an index.
NOT_DISTRIBUTIONS = {"python3-distutils", "python3-lib2to3", "python3-pkg-resources"}
# Depends on libraries every image with Python has.
BASE_LIBRARIES = {"libc6", "libgcc-s1", "libstdc++6", "libffi8", "zlib1g", "ca-certificates"}

DIST_PACKAGES = "usr/lib/python3/dist-packages"
DATA_DIRS = {"usr/share/jupyter": "share/jupyter", "etc/jupyter": "etc/jupyter"}
COMPILED_TAG = "cp311-cp311-linux_x86_64"
PURE_TAG = "py3-none-any"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TARGET_ENV = {
    "implementation_name": "cpython", "implementation_version": "3.11.2", "os_name": "posix",
    "platform_machine": "x86_64", "platform_python_implementation": "CPython", "platform_release": "",
    "platform_system": "Linux", "platform_version": "", "python_full_version": "3.11.2",
    "python_version": "3.11", "sys_platform": "linux", "extra": "",
}


def fail(message):
    sys.exit("debian-wheel: " + message)


def debs_to_download():
    return sorted({p for group in WHEELS for p in group})


# ---- Debian packages ----------------------------------------------------------------------------

class Deb:
    """One extracted .deb: its control fields and its files under root."""

    def __init__(self, path, root):
        self.path = path
        self.root = root
        fields = subprocess.run(["dpkg-deb", "-f", path, "Package", "Version", "Depends", "Provides"],
                                check=True, capture_output=True, text=True).stdout
        control = dict(re.findall(r"^(\S+): (.*)$", fields, re.M))
        self.package = control["Package"]
        self.version = control["Version"]
        self.depends = control.get("Depends", "")
        self.provides = [re.sub(r"\s*\(.*", "", p).strip() for p in control.get("Provides", "").split(",") if p.strip()]
        subprocess.run(["dpkg-deb", "-x", path, root], check=True)


def parse_depends(text):
    """[(name, [alternative names])] of a Depends field, versions and :any dropped."""
    result = []
    for clause in text.split(","):
        alternatives = [re.sub(r"\s*\(.*?\)|:any|\s", "", a) for a in clause.split("|")]
        alternatives = [a for a in alternatives if a]
        if alternatives:
            result.append(alternatives)
    return result


# ---- metadata -------------------------------------------------------------------------------------

def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def split_metadata(text):
    """(headers as [(key, raw lines)], body) of a PKG-INFO or METADATA."""
    lines = text.split("\n")
    headers = []
    i = 0
    while i < len(lines) and lines[i] != "":
        line = lines[i]
        if line[:1] in (" ", "\t") and headers:
            headers[-1][1].append(line)
        else:
            headers.append((line.split(":", 1)[0], [line]))
        i += 1
    body = "\n".join(lines[i + 1:]) if i < len(lines) else ""
    return headers, body


def requires_txt(text):
    """Requires-Dist values of an egg-info requires.txt, and the extras it names."""
    requirements, extras = [], []
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(.*)\]", line)
        if m:
            section = m.group(1)
            continue
        extra, _, marker = section.partition(":")
        conditions = []
        if marker:
            conditions.append("(" + marker + ")" if extra else marker)
        if extra:
            conditions.append('extra == "%s"' % extra)
            if extra not in extras:
                extras.append(extra)
        requirements.append(line + ("; " + " and ".join(conditions) if conditions else ""))
    return requirements, extras


def pep440_version(version, packaging_version):
    """A metadata or Debian version as a valid PEP 440 version, without Debian's epoch, revision and
    repack suffixes (3:3.2.25-0+deb12u7 -> 3.2.25, 2.14.0+dfsg-1 -> 2.14.0, 1.8.1~b0-2 -> 1.8.1b0)."""
    v = re.sub(r"^\d+:", "", version)                      # Debian epoch
    v = re.sub(r"-[^-]*$", "", v) if "-" in v else v        # Debian revision
    v = re.sub(r"[+~](dfsg|ds|repack)[.\d]*$", "", v)       # repacked sources
    v = v.replace("~", "")                                  # 1.8.1~b0 -> 1.8.1b0
    try:
        return str(packaging_version.Version(v))
    except packaging_version.InvalidVersion:
        fail("cannot make a PEP 440 version of %r" % version)


# ---- one wheel ------------------------------------------------------------------------------------

class WheelPlan:
    """What one wheel will hold, before its requirements are checked against the others."""

    def __init__(self, group, debs, packaging):
        self.group = group
        main = debs[group[0]]
        self.main = main
        site = os.path.join(main.root, DIST_PACKAGES)
        infos = [e for e in sorted(os.listdir(site)) if e.endswith((".dist-info", ".egg-info"))] if os.path.isdir(site) else []
        if len(infos) != 1:
            fail("%s: expected one .dist-info or .egg-info in %s, found %s" % (group[0], DIST_PACKAGES, infos or "none"))
        self.info_dir = os.path.join(site, infos[0])
        self.egg = infos[0].endswith(".egg-info")
        # an .egg-info is a folder, or a file that is the PKG-INFO itself
        meta_file = self.info_dir if os.path.isfile(self.info_dir) else \
            os.path.join(self.info_dir, "PKG-INFO" if self.egg else "METADATA")
        with open(meta_file, encoding="utf-8") as f:
            self.headers, self.body = split_metadata(f.read())
        values = {k: "\n".join(lines).split(":", 1)[1].strip() for k, lines in self.headers}
        self.name = values["Name"]
        self.project = normalize(self.name)
        self.version = pep440_version(values["Version"], packaging.version)
        self.dist = re.sub(r"[-_.]+", "_", self.name).lower()

        kept_headers = [(k, l) for k, l in self.headers if k not in ("Requires-Dist", "Provides-Extra")]
        self.extras = [l[0].split(":", 1)[1].strip() for k, l in self.headers if k == "Provides-Extra"]
        if self.egg:
            path = os.path.join(self.info_dir, "requires.txt")  # none when the .egg-info is a file
            self.requirements, extras = requires_txt(open(path, encoding="utf-8").read()) if os.path.exists(path) else ([], [])
            self.extras += [e for e in extras if e not in self.extras]
        else:
            self.requirements = ["\n".join(l).split(":", 1)[1].strip() for k, l in self.headers if k == "Requires-Dist"]
        self.headers = kept_headers

        self.files = {}  # path in the wheel -> file on disk
        self.compiled = False
        self.external = []
        for p in group:
            self.collect(debs[p], debs)
            if p.startswith("python3-") or p == group[0]:
                for alternatives in parse_depends(debs[p].depends):
                    lib = alternatives[0]
                    if (lib.startswith("lib") and not lib.startswith("libjs-") and lib not in BASE_LIBRARIES
                            and lib not in self.external):
                        self.external.append(lib)

    def collect(self, deb, debs):
        roots = [debs[p].root for p in self.group]
        for source, target in [(DIST_PACKAGES, "")] + [(s, "%s-%s.data/data/%s/" % (self.dist, self.version, t))
                                                       for s, t in DATA_DIRS.items()]:
            top = os.path.join(deb.root, source)
            if not os.path.isdir(top):
                continue
            for dirpath, dirnames, filenames in os.walk(top):
                rel_dir = os.path.relpath(dirpath, top)
                if source == DIST_PACKAGES and rel_dir == ".":  # the metadata (an .egg-info may be a file)
                    dirnames[:] = [d for d in dirnames if not d.endswith((".dist-info", ".egg-info"))]
                    # modules only: not an .egg-info file, nor strays such as pycparser's "ast"
                    filenames = [f for f in filenames if f.endswith((".py", ".so"))]
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                # a symlinked folder points outside the package (tinycss2's tests): left out
                dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
                for name in sorted(filenames):
                    disk = os.path.join(dirpath, name)
                    rel = os.path.normpath(os.path.join(rel_dir, name))
                    if os.path.islink(disk):
                        disk = self.resolve(disk, deb.root, roots)
                        if disk is None:  # pointing outside this wheel's .debs: left out
                            continue
                    if re.search(r"\.(cpython-\d+[^.]*|abi3)\.so$", name):
                        self.compiled = True
                    self.files[target + rel] = disk

    @staticmethod
    def resolve(link, root, roots):
        """The file a symlink points to, looked up in the extracted .debs of this wheel, or None."""
        target = os.readlink(link)
        path = os.path.normpath(os.path.join(os.path.dirname(link), target)) if not target.startswith("/") \
            else os.path.join(root, target.lstrip("/"))
        if os.path.relpath(path, root).startswith(".."):
            return None
        rel = os.path.relpath(path, root)
        for r in roots:
            candidate = os.path.realpath(os.path.join(r, rel))
            if candidate.startswith(os.path.realpath(r) + os.sep) and os.path.isfile(candidate):
                return candidate
        return None

    def resolve_requirements(self, projects, provided_by, packaging, problems):
        """Requires-Dist: upstream's (or the Depends of an egg-info), without packages outside WHEELS.
        Adds to problems the ones that apply here and are not in DROPPED."""
        kept = []
        names = set()
        for value in self.requirements:
            try:
                req = packaging.requirements.Requirement(value)
            except packaging.requirements.InvalidRequirement:
                # left out when only an extra asks for it: Send2Trash 1.8.1b0's 'sys-platform (=="darwin") ; extra == ...'
                if not re.search(r"extra\s*==", value):
                    problems.append("%s has an invalid requirement %r" % (self.name, value))
                continue
            if normalize(req.name) in projects:
                kept.append(value)
                names.add(normalize(req.name))
            elif req.marker is None or req.marker.evaluate(TARGET_ENV):
                if (self.project, normalize(req.name)) not in DROPPED:
                    problems.append("%s requires %s, which no wheel provides" % (self.name, value))
        if self.egg:
            for alternatives in parse_depends(self.main.depends):
                if any(a == "python3" or a.startswith("python3.") for a in alternatives):
                    continue  # met by Python itself, e.g. "python3-importlib-metadata | python3 (>> 3.10)"
                dep = alternatives[0]
                if not dep.startswith("python3-") or dep in NOT_DISTRIBUTIONS:
                    continue
                project = provided_by.get(dep)
                if project is None:
                    if (self.project, dep) not in DROPPED:
                        problems.append("%s depends on %s, which no wheel provides" % (self.group[0], dep))
                    continue
                if project != self.project and project not in names:
                    kept.append(project)
                    names.add(project)
        self.requirements = kept

    def metadata(self):
        out = []
        for key, lines in self.headers:
            if key == "Metadata-Version":
                lines = ["Metadata-Version: 2.1"] if lines[0].split(":", 1)[1].strip() in ("1.0", "1.1", "1.2", "2.0") else lines
            elif key == "Version":
                lines = ["Version: " + self.version]
            out.extend(lines)
        out += ["Provides-Extra: " + e for e in self.extras]
        out += ["Requires-Dist: " + r for r in self.requirements]
        out += ["Requires-External: " + e for e in self.external]
        return "\n".join(out) + "\n\n" + self.body

    def info_files(self):
        """Files of the .dist-info besides METADATA, WHEEL and RECORD."""
        skip = {"PKG-INFO", "METADATA", "RECORD", "WHEEL", "INSTALLER", "REQUESTED", "direct_url.json", "requires.txt",
                "SOURCES.txt", "dependency_links.txt", "not-zip-safe", "zip-safe", "installed-files.txt"}
        result = {}
        if os.path.isfile(self.info_dir):
            return result
        for dirpath, _, filenames in os.walk(self.info_dir):
            for name in sorted(filenames):
                rel = os.path.relpath(os.path.join(dirpath, name), self.info_dir)
                if rel not in skip:
                    result[rel] = os.path.join(dirpath, name)
        return result

    def file_name(self):
        return "%s-%s-%s.whl" % (self.dist, self.version, COMPILED_TAG if self.compiled else PURE_TAG)

    def write(self, out_dir):
        info = "%s-%s.dist-info/" % (self.dist, self.version)
        entries = []
        for rel, disk in sorted(self.files.items()):
            with open(disk, "rb") as f:
                entries.append((rel, f.read(), os.stat(disk).st_mode & 0o111 or rel.endswith(".so")))
        for rel, disk in sorted(self.info_files().items()):
            with open(disk, "rb") as f:
                entries.append((info + rel, f.read(), False))
        entries.append((info + "METADATA", self.metadata().encode("utf-8"), False))
        tag = COMPILED_TAG if self.compiled else PURE_TAG
        entries.append((info + "WHEEL", ("Wheel-Version: 1.0\nGenerator: dockenv scripts/debian-wheel.py\n"
                                         "Root-Is-Purelib: %s\nTag: %s\n" % ("false" if self.compiled else "true", tag))
                        .encode("utf-8"), False))
        record = []
        for rel, data, _ in entries:
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
            record.append("%s,sha256=%s,%d" % (rel, digest, len(data)))
        record.append(info + "RECORD,,")
        entries.append((info + "RECORD", ("\n".join(record) + "\n").encode("utf-8"), False))
        path = os.path.join(out_dir, self.file_name())
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for rel, data, executable in entries:
                zi = zipfile.ZipInfo(rel, ZIP_DATE)
                zi.external_attr = (0o100755 if executable else 0o100644) << 16
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data)
        return path


# ---- all wheels -----------------------------------------------------------------------------------

def check_closure(plans, packaging):
    """Every requirement that applies to CPython 3.11 on Linux (no extras) is met by a wheel here."""
    versions = {p.project: packaging.version.Version(p.version) for p in plans}
    problems = []
    for p in plans:
        for value in p.requirements:
            req = packaging.requirements.Requirement(value)
            if req.marker is not None and not req.marker.evaluate(TARGET_ENV):
                continue
            have = versions.get(normalize(req.name))
            if have is None or not req.specifier.contains(have, prereleases=True):
                problems.append("%s %s requires %s, the wheels have %s" % (p.name, p.version, value, have or "none"))
    if problems:
        fail("requirements not met:\n  " + "\n  ".join(problems))


def build(deb_dir, out_dir):
    with tempfile.TemporaryDirectory(prefix="debian-wheel-") as work:
        names = sorted(n for n in os.listdir(deb_dir) if n.endswith(".deb"))
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:  # dpkg-deb waits on I/O
            extracted = pool.map(lambda n: Deb(os.path.join(deb_dir, n), os.path.join(work, n[:-4])), names)
            debs = {deb.package: deb for deb in extracted}
        missing = [p for p in debs_to_download() if p not in debs]
        if missing:
            fail("no .deb in %s for %s" % (deb_dir, " ".join(missing)))
        sys.path.insert(0, os.path.join(debs["python3-packaging"].root, DIST_PACKAGES))
        import packaging.requirements
        import packaging.version

        plans = [WheelPlan(group, debs, packaging) for group in WHEELS]
        projects = {p.project for p in plans}
        provided_by = {}
        for p in plans:
            for package in p.group:
                for name in [package] + debs[package].provides:
                    provided_by.setdefault(name, p.project)
        problems = []
        for p in plans:
            p.resolve_requirements(projects, provided_by, packaging, problems)
        if problems:
            fail("requirements no wheel meets (add their packages to WHEELS, or to DROPPED with the reason):\n  "
                 + "\n  ".join(problems))
        check_closure(plans, packaging)
        os.makedirs(out_dir, exist_ok=True)
        for p in plans:
            p.write(out_dir)


def main(argv):
    if argv == ["--debs"]:
        print("\n".join(debs_to_download()))
    elif len(argv) == 2 and not argv[0].startswith("-"):
        build(argv[0], argv[1])
    else:
        sys.exit(__doc__.split("\n\n")[1])


if __name__ == "__main__":
    main(sys.argv[1:])
