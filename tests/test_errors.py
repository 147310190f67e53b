"""One error catalogue: every message carries its code and says what to do next, and no error
the kit raises bypasses it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from analystkit.errors import Errors, Warnings

PACKAGE = Path(__file__).resolve().parent.parent / "analystkit"


def codes(catalogue) -> list[str]:
    return [name for name in vars(catalogue) if re.fullmatch(r"AK\d{3}", name)]


def test_every_message_starts_with_its_code():
    assert codes(Errors) and codes(Warnings)
    for catalogue in (Errors, Warnings):
        for code in codes(catalogue):
            message = getattr(catalogue, code)
            assert message.startswith(f"[{code}] "), code
            assert len(message) > len(code) + 20, code


def test_codes_are_unique_across_errors_and_warnings():
    assert not set(codes(Errors)) & set(codes(Warnings))


def test_no_raise_writes_its_own_message():
    """A ``raise`` with a literal or f-string message bypasses the catalogue (unless the exception
    is an internal signal, caught before it reaches the user: marked ``# internal``)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Raise) and "# internal" in lines[node.lineno - 1]:
                continue
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                first = node.exc.args[0]
                if isinstance(first, (ast.Constant, ast.JoinedStr)) or (isinstance(first, ast.BinOp) and isinstance(first.left, (ast.Constant, ast.JoinedStr))):
                    offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not offenders, offenders


def test_a_formatted_message_keeps_its_code():
    assert Errors.AK007.format(name="x", allowed="a, b").startswith("[AK007] Unknown table 'x'")
