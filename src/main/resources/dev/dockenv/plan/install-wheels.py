"""dockenv's wheel installer, run by the Dockerfile's deps-* stages.

    python install-wheels.py --prefix PREFIX --python PYTHON LIST

Installs the packages of LIST (a lock layer, written by dockenv) into PREFIX, laid out as the
virtualenv whose interpreter is PYTHON, as `pip install --require-hashes --no-deps
--ignore-installed --prefix PREFIX` installs them, without pip's start-up and resolver: each
package's wheel for this interpreter and platform is fetched from the URL the lock records (or
taken from the cache), checked against the lock's sha256, unpacked (the wheel's .data folders,
console and GUI scripts, RECORD, INSTALLER and REQUESTED as pip writes them), and the modules
byte-compiled. A package whose lock names no wheel for this platform is left to pip (said so).

LIST has one line a package and one a wheel of it, after comment lines (#):
    package NAME VERSION HASH...           (every hash the lock records, algorithm:hex)
    dependency NAME VERSION HASH...        (the same, for a package not asked for by name: no REQUESTED)
    wheel FILENAME SHA256-HEX URL          (a wheel of the package above)
Index credentials come from the netrc (NETRC, else ~/.netrc), trusted hosts, certificates and
proxy from pip's configuration files and PIP_* variables. Standard library only, with pip's
vendored packaging for the platform's wheel tags. Exit status 1 with a message on any failure.
A layer runs this once, so its start counts: what only some runs need (the network for a wheel
not in the cache, threads for several downloads, pip for a package without a wheel, argparse for
an unusual command line) is imported where it is used.
"""
import base64
import configparser
import csv
import hashlib
import importlib.util
import os
import re
import sys
import sysconfig
import time
import zipfile

PREFIX = "dockenv-install:"
WHEEL_NAME = re.compile(r"^(?P<name>[^\s-]+?)-(?P<version>[^\s-]+?)(-(?P<build>\d[^-]*))?"
                        r"-(?P<py>[^\s-]+?)-(?P<abi>[^\s-]+?)-(?P<plat>[^\s-]+?)\.whl$")
TOKEN = re.compile(r"^\S+$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
DOWNLOAD_THREADS = 8
DOWNLOAD_STAGGER = 0.005  # seconds between the first downloads' starts
COMPILE_SHARE_BYTES = 64 * 1024  # source bytes worth a forked compiler (a fork costs about a millisecond)
SCRIPT = """#!{python}
# -*- coding: utf-8 -*-
import re
import sys
from {module} import {head}
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit({call}())
"""


class Failure(Exception):
    """A failure to report in one message, without a traceback."""


def say(message):
    print(PREFIX, message, flush=True)


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


class Wheel:
    def __init__(self, filename, sha256, url):
        self.filename, self.sha256, self.url = filename, sha256, url
        match = WHEEL_NAME.match(filename)
        if not match or not SHA256.match(sha256) or not url.startswith(("http://", "https://", "file:")):
            raise Failure("not a wheel line: %s %s %s" % (filename, sha256, url))
        self.name, self.version = match.group("name"), match.group("version")
        self.tags = {(py.lower(), abi.lower(), plat.lower()) for py in match.group("py").split(".")
                     for abi in match.group("abi").split(".") for plat in match.group("plat").split(".")}


class Package:
    def __init__(self, name, version, hashes, requested):
        self.name, self.version, self.hashes, self.wheels = name, version, hashes, []
        self.requested = requested  # asked for by name: REQUESTED, as pip marks it (not a dependency's)

    def pin(self):
        return "%s==%s %s" % (self.name, self.version, " ".join("--hash=" + h for h in self.hashes))


def read_list(path):
    packages = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            if words[0] in ("package", "dependency") and len(words) >= 4 and all(TOKEN.match(w) for w in words):
                packages.append(Package(words[1], words[2], words[3:], words[0] == "package"))
            elif words[0] == "wheel" and len(words) == 4 and packages:
                wheel = Wheel(words[1], words[2], words[3])
                if normalize(wheel.name) != normalize(packages[-1].name):
                    raise Failure("%s:%d: %s is not a wheel of %s" % (path, number, wheel.filename, packages[-1].name))
                packages[-1].wheels.append(wheel)
            else:
                raise Failure("%s:%d: not a package or wheel line: %s" % (path, number, line.strip()))
    return packages


def supported_tags():
    """This interpreter's wheel tags, best first (pip's own list)."""
    try:
        from pip._vendor.packaging import tags
    except ImportError:
        try:
            from packaging import tags
        except ImportError:
            return None
    return [(t.interpreter, t.abi, t.platform) for t in tags.sys_tags()]


def universal(wheel):
    """Whether the wheel is for any Python 3 on any platform (py3-none-any, py2.py3-none-any)."""
    return ("py3", "none", "any") in wheel.tags


def choose(package, ranking):
    """The package's best wheel for this platform, None when the lock names none."""
    if len(package.wheels) == 1 and universal(package.wheels[0]):
        return package.wheels[0]  # nothing to rank
    if ranking is None:  # no tag list: pure-Python wheels only
        pure = [w for w in package.wheels if any(abi == "none" and plat == "any" and py.startswith("py3")
                                                 for py, abi, plat in w.tags)]
        return pure[0] if pure else None
    rank = {tag: i for i, tag in enumerate(ranking)}
    best = None
    for wheel in package.wheels:
        score = min((rank[t] for t in wheel.tags if t in rank), default=None)
        if score is not None and (best is None or score < best[0]):
            best = (score, wheel)
    return best[1] if best else None


class Settings:
    """What pip's configuration says of the network: trusted hosts, certificates, proxy, timeout.
    Made (in the main thread) only when a wheel must be downloaded."""

    def __init__(self):
        # the network modules, here: download threads that waited for the first one's import
        # would all connect at the same instant (see fetch_all)
        import urllib.error  # noqa: F401
        import urllib.parse  # noqa: F401
        import urllib.request  # noqa: F401
        values = {}
        files = ["/etc/xdg/pip/pip.conf", "/etc/pip.conf", os.path.expanduser("~/.pip/pip.conf"),
                 os.path.expanduser("~/.config/pip/pip.conf"), os.environ.get("PIP_CONFIG_FILE", "")]
        for path in files:
            if path and os.path.isfile(path):
                parser = configparser.RawConfigParser()
                try:
                    parser.read(path, encoding="utf-8")
                except (configparser.Error, UnicodeDecodeError):
                    continue
                for section in ("global", "install"):
                    if parser.has_section(section):
                        values.update({k.replace("_", "-"): v for k, v in parser.items(section)})
        for key in ("trusted-host", "cert", "client-cert", "proxy", "timeout"):
            variable = "PIP_" + key.upper().replace("-", "_")
            if os.environ.get(variable):
                values[key] = os.environ[variable]
        self.trusted = set(values.get("trusted-host", "").split())
        self.cert = values.get("cert") or None
        self.client_cert = values.get("client-cert") or None
        self.proxy = values.get("proxy") or None
        try:
            self.timeout = float(values.get("timeout", "60"))
        except ValueError:
            self.timeout = 60.0
        self.credentials = None
        path = os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
        if os.path.isfile(path):
            import netrc
            try:
                self.credentials = netrc.netrc(path)
            except (netrc.NetrcParseError, OSError, UnicodeDecodeError):
                self.credentials = None
        self._openers = {}

    def opener(self, scheme, host, port):
        """An opener for the URL's scheme and host: certificates are loaded for https alone."""
        import urllib.request
        if scheme != "https":
            key = "plain"
        else:
            key = "trusted" if host in self.trusted or ("%s:%s" % (host, port)) in self.trusted else "verified"
        if key not in self._openers:
            handlers = []
            if key != "plain":
                handlers.append(urllib.request.HTTPSHandler(context=self.context(key == "trusted")))
            if self.proxy:
                handlers.append(urllib.request.ProxyHandler({"http": self.proxy, "https": self.proxy}))
            self._openers[key] = urllib.request.build_opener(*handlers)
        return self._openers[key]

    def context(self, trusted):
        import ssl
        try:
            if trusted:  # pip's trusted-host: no certificate check
                context = ssl._create_unverified_context()
            else:
                context = ssl.create_default_context(cafile=self.cert)
                if self.cert is None and not context.cert_store_stats().get("x509_ca"):
                    try:  # an image without a CA store: pip's own bundle, as pip uses it
                        from pip._vendor import certifi
                        context.load_verify_locations(certifi.where())
                    except (ImportError, OSError):
                        pass
            if self.client_cert:
                context.load_cert_chain(self.client_cert)
            return context
        except (OSError, ssl.SSLError) as e:
            raise Failure("cannot use the certificates of pip's settings (cert %s, client-cert %s): %s"
                          % (self.cert, self.client_cert, e))

    def request(self, url):
        import urllib.parse
        import urllib.request
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        login = password = None
        if parts.username is not None:
            login, password = urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")
            netloc = parts.netloc.rsplit("@", 1)[1]
            url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        elif self.credentials is not None:
            entry = self.credentials.authenticators(host)
            if entry:
                login, password = entry[0], entry[2]
        request = urllib.request.Request(url, headers={"User-Agent": "dockenv-install"})
        if login is not None:
            token = base64.b64encode(("%s:%s" % (login, password)).encode()).decode()
            request.add_header("Authorization", "Basic " + token)
        return request, self.opener(parts.scheme.lower(), host, parts.port)


def fetch_all(chosen, cache, settings, threads):
    """fetch for each (package, wheel), in threads whose first downloads start DOWNLOAD_STAGGER
    apart: connections opened all at once overflow a small index server's listen queue (python's
    http.server keeps 5, and other layers download at the same time), and a dropped connection
    is retried by the system only a second later."""
    import concurrent.futures

    def task(item):
        index, (package, wheel) = item
        if index < threads:
            time.sleep(index * DOWNLOAD_STAGGER)
        return fetch(package, wheel, cache, settings)

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        return list(pool.map(task, enumerate(chosen)))


def cached(wheel, cache):
    """Where the cache keeps the wheel (by its sha256)."""
    return os.path.join(cache, wheel.sha256[:2], wheel.sha256 + ".whl")


def fetch(package, wheel, cache, settings):
    """The wheel's path in the cache, downloaded and checked first when it is not there yet."""
    path = cached(wheel, cache)
    if os.path.isfile(path):
        return path, False
    import urllib.error
    import urllib.parse
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # settings are None when every wheel was in the cache as the run began
    request, opener = (settings or Settings()).request(wheel.url)
    shown = urllib.parse.urlunsplit(urllib.parse.urlsplit(wheel.url)._replace(netloc=request.host))
    for attempt in range(4):
        digest = hashlib.sha256()
        partial = "%s.%d.part" % (path, os.getpid())
        try:
            with opener.open(request, timeout=settings.timeout) as response, open(partial, "wb") as out:
                while True:
                    chunk = response.read(1 << 20)
                    if not chunk:
                        break
                    digest.update(chunk)
                    out.write(chunk)
            break
        except urllib.error.HTTPError as e:
            if e.code < 500 or attempt == 3:
                raise Failure("Could not fetch URL %s: HTTP error %d %s (the index no longer serves %s: lock again)"
                              % (shown, e.code, e.reason, wheel.filename))
        except (urllib.error.URLError, OSError) as e:
            if attempt == 3:
                reason = getattr(e, "reason", e)
                raise Failure("Could not fetch URL %s: %s (Failed to establish a new connection)" % (shown, reason))
        finally:
            if digest.hexdigest() != wheel.sha256 and os.path.exists(partial):
                os.unlink(partial)
        time.sleep(0.5 * 2 ** attempt)
    if digest.hexdigest() != wheel.sha256:
        raise Failure("ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE.\n"
                      "    %s==%s from %s:\n        Expected sha256 %s\n             Got        %s"
                      % (package.name, package.version, shown, wheel.sha256, digest.hexdigest()))
    os.replace(partial, path)
    return path, True


class Installer:
    def __init__(self, prefix, python):
        variables = {"base": prefix, "platbase": prefix, "installed_base": prefix, "installed_platbase": prefix}
        scheme = "venv" if "venv" in sysconfig.get_scheme_names() else "posix_prefix"
        self.paths = sysconfig.get_paths(scheme, vars=variables)
        self.prefix, self.python = prefix, python
        self.compiled_dirs = {self.paths["purelib"], self.paths["platlib"]}

    def write(self, target, data, executable, records, site):
        """Writes a file (bytes, or a binary stream copied in blocks) and records its hash and size."""
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.islink(target) or os.path.isdir(target):
            raise Failure("%s would replace %s" % (target, "a link" if os.path.islink(target) else "a folder"))
        digest, size = hashlib.sha256(), 0
        with open(target, "wb") as out:
            blocks = [data] if isinstance(data, bytes) else iter(lambda: data.read(1 << 20), b"")
            for block in blocks:
                digest.update(block)
                size += len(block)
                out.write(block)
        os.chmod(target, 0o755 if executable else 0o644)
        hashed = "sha256=" + base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()
        records[os.path.relpath(target, site)] = (hashed, str(size))

    def install(self, package, path):
        """Unpacks a wheel as pip does; returns its site folder, .dist-info and RECORD rows."""
        with zipfile.ZipFile(path) as wheel:
            names = [i.filename for i in wheel.infolist()]
            infos = {n.split("/", 1)[0] for n in names if n.split("/", 1)[0].endswith(".dist-info")}
            if len(infos) != 1:
                raise Failure("%s has %d .dist-info folders, not one" % (os.path.basename(path), len(infos)))
            info = infos.pop()
            if normalize(info[:-len(".dist-info")].rsplit("-", 1)[0]) != normalize(package.name):
                raise Failure("%s holds %s, not %s" % (os.path.basename(path), info, package.name))
            data_dir = info[:-len(".dist-info")] + ".data"
            metadata = wheel.read(info + "/WHEEL").decode("utf-8", "replace")
            purelib = re.search(r"(?mi)^Root-Is-Purelib:\s*true\s*$", metadata) is not None
            site = self.paths["purelib"] if purelib else self.paths["platlib"]
            headers = os.path.join(self.prefix, "include", "site",
                                   "python%d.%d" % sys.version_info[:2], package.name)
            bases = {"purelib": self.paths["purelib"], "platlib": self.paths["platlib"],
                     "scripts": self.paths["scripts"], "headers": headers, "data": self.prefix}
            records = {}
            for item in wheel.infolist():
                name = item.filename
                parts = name.split("/")
                if name.startswith("/") or "\\" in name or ".." in parts or "" in parts[:-1]:
                    raise Failure("%s holds a path outside its folder: %s" % (os.path.basename(path), name))
                if name.endswith("/") or name == info + "/RECORD":
                    continue
                kind = None
                if parts[0] == data_dir:
                    if len(parts) < 3 or parts[1] not in bases:
                        raise Failure("%s: unknown .data folder in %s" % (os.path.basename(path), name))
                    kind, target = parts[1], os.path.join(bases[parts[1]], *parts[2:])
                else:
                    target = os.path.join(site, *parts)
                executable = kind == "scripts" or bool((item.external_attr >> 16) & 0o111)
                with wheel.open(item) as entry:
                    if kind == "scripts":
                        data = entry.read()
                        if re.match(rb"^#!pythonw?(\r?\n|\s)", data):
                            rest = data.split(b"\n", 1)[1] if b"\n" in data else b""
                            data = b"#!" + self.python.encode() + b"\n" + rest
                        self.write(target, data, executable, records, site)
                    else:
                        self.write(target, entry, executable, records, site)
            if info + "/entry_points.txt" in names:
                self.scripts(wheel.read(info + "/entry_points.txt").decode("utf-8"), records, site)
            self.write(os.path.join(site, info, "INSTALLER"), b"dockenv\n", False, records, site)
            if package.requested:  # as pip marks what it was asked for by name, not a dependency
                self.write(os.path.join(site, info, "REQUESTED"), b"", False, records, site)
            return site, info, records

    def scripts(self, text, records, site):
        parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
        parser.optionxform = str
        parser.read_string(text)
        for section in ("console_scripts", "gui_scripts"):
            if not parser.has_section(section):
                continue
            for name, reference in parser.items(section):
                match = re.match(r"^\s*([\w.]+)\s*:\s*([\w.]+)\s*(\[.*\])?\s*$", reference)
                if not match or "/" in name or name in (".", ".."):
                    raise Failure("invalid entry point %s = %s" % (name, reference))
                module, attribute = match.group(1), match.group(2)
                text = SCRIPT.format(python=self.python, module=module, head=attribute.split(".")[0], call=attribute)
                self.write(os.path.join(self.paths["scripts"], name), text.encode(), True, records, site)

    def compile(self):
        """pip's byte-compilation of the modules in the site folders (errors ignored, as pip does).
        The modules are shared out by size among forked copies of this process, one a CPU, when
        there is enough source to pay for them (compileall's workers cost a multiprocessing start)."""
        import py_compile
        sources = []
        for folder in sorted(self.compiled_dirs):
            for parent, folders, files in os.walk(folder):
                folders[:] = sorted(f for f in folders if f != "__pycache__")
                paths = [os.path.join(parent, f) for f in sorted(files) if f.endswith(".py")]
                # pip's own installs (a package without a wheel) are compiled already
                sources.extend((os.path.getsize(p), p) for p in paths
                               if not os.path.exists(importlib.util.cache_from_source(p)))
        try:
            cpus = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cpus = os.cpu_count() or 1
        total = sum(size for size, _ in sources)
        shares = max(1, min(cpus, total // COMPILE_SHARE_BYTES, len(sources))) if hasattr(os, "fork") else 1
        parts, loads = [[] for _ in range(shares)], [0] * shares
        for size, path in sorted(sources, reverse=True):  # largest first, each to the least loaded share
            least = loads.index(min(loads))
            parts[least].append(path)
            loads[least] += size
        children = []
        for part in parts[1:]:
            pid = os.fork()
            if pid == 0:
                try:
                    compile_all(py_compile, part)
                finally:
                    os._exit(0)
            children.append(pid)
        compile_all(py_compile, parts[0])
        for pid in children:
            os.waitpid(pid, 0)

    @staticmethod
    def record(site, info, records):
        rows = []
        for path, (digest, size) in records.items():
            rows.append((path, digest, size))
            if path.endswith(".py"):
                cached = importlib.util.cache_from_source(os.path.join(site, path))
                if os.path.exists(cached):
                    rows.append((os.path.relpath(cached, site), "", ""))
        rows.append((info + "/RECORD", "", ""))
        with open(os.path.join(site, info, "RECORD"), "w", newline="", encoding="utf-8") as out:
            csv.writer(out, lineterminator="\n").writerows(sorted(rows))


def compile_all(py_compile, paths):
    for path in paths:
        try:
            py_compile.compile(path, doraise=True)
        except (py_compile.PyCompileError, SyntaxError, UnicodeError, OSError, ValueError):
            pass  # as pip: a module that does not compile is installed without its .pyc


def pip_fallback(packages, prefix):
    import subprocess
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("".join(p.pin() + "\n" for p in packages))
    try:
        command = [sys.executable, "-m", "pip", "install", "--require-hashes", "--no-deps", "--ignore-installed",
                   "--no-warn-script-location", "--prefix", prefix, "-r", listing.name]
        if subprocess.call(command) != 0:
            raise Failure("pip could not install " + ", ".join(p.name for p in packages))
    finally:
        os.unlink(listing.name)


class Arguments:
    def __init__(self, prefix, python, cache, listing):
        self.prefix, self.python, self.cache, self.list = prefix, python, cache, listing


def parse_arguments(argv):
    """The command line as the Dockerfile writes it (--prefix P --python P [--cache C] LIST) read
    directly; anything else (--help, another form, a mistake) by argparse, with its usage and errors."""
    values, rest = {"cache": os.path.expanduser("~/.cache/dockenv/wheels")}, []
    words = iter(argv)
    for word in words:
        if word in ("--prefix", "--python", "--cache"):
            value = next(words, None)
            if value is None or value.startswith("-"):
                break
            values[word[2:]] = value
        elif word.startswith("-") or rest:
            break
        else:
            rest.append(word)
    else:
        if "prefix" in values and "python" in values and rest:
            return Arguments(values["prefix"], values["python"], values["cache"], rest[0])
    import argparse
    parser = argparse.ArgumentParser(prog="install-wheels.py", description=__doc__.split("\n\n")[1])
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--python", required=True, help="the interpreter the scripts run (their #! line)")
    parser.add_argument("--cache", default=values["cache"])
    parser.add_argument("list")
    parsed = parser.parse_args(argv)
    return Arguments(parsed.prefix, parsed.python, parsed.cache, parsed.list)


def main(argv):
    args = parse_arguments(argv)
    start = time.monotonic()
    packages = read_list(args.list)
    ranking = None
    if not all(len(p.wheels) == 1 and universal(p.wheels[0]) for p in packages):
        ranking = supported_tags()
    chosen, built = [], []
    for package in packages:
        wheel = choose(package, ranking)
        if wheel is None:
            built.append(package)
        else:
            chosen.append((package, wheel))
    missing = sum(1 for _, wheel in chosen if not os.path.isfile(cached(wheel, args.cache)))
    settings = Settings() if missing else None  # pip's settings are read for a download alone
    if missing > 1:
        files = fetch_all(chosen, args.cache, settings, min(DOWNLOAD_THREADS, missing))
    else:
        files = [fetch(package, wheel, args.cache, settings) for package, wheel in chosen]
    installer = Installer(args.prefix, args.python)
    installed = []
    for (package, wheel), (path, downloaded) in zip(chosen, files):
        installed.append(installer.install(package, path))
        say("%s %s from %s%s" % (package.name, package.version, wheel.filename, "" if downloaded else " (cached)"))
    if built:
        say("no wheel for this platform in the lock for %s: pip installs %s" % (
            ", ".join(p.name + " " + p.version for p in built), "it" if len(built) == 1 else "them"))
        pip_fallback(built, args.prefix)
    installer.compile()
    for site, info, records in installed:
        installer.record(site, info, records)
    say("installed %d packages in %.1f s" % (len(packages), time.monotonic() - start))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Failure as failure:
        print(PREFIX, "error:", failure, file=sys.stderr, flush=True)
        sys.exit(1)
