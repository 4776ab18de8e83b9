"""dockenv's example app: uses the team's shared package `seed`, installed from a local wheelhouse."""
import getpass
import os
import platform
import sys

import seed


def main() -> None:
    print(seed.greet("dockenv"))
    print(f"python {platform.python_version()} from {sys.prefix}")
    print(f"running as {getpass.getuser()} (uid {os.getuid()}, gid {os.getgid()}) in {os.getcwd()}")
    if len(sys.argv) > 1:
        print("arguments:", " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
