"""The team's shared helpers."""
import os

__version__ = "1.0.0"


def greet(name: str) -> str:
    style = os.environ.get("GREETING_STYLE", "plain")
    return f"hello, {name}!" + (" nice to see you." if style == "friendly" else "")
