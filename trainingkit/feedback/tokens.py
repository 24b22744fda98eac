"""Personal tokens for the web forms: made here, kept by the store only as salted hashes.

A token is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits:
with failed attempts rate-limited per client address, guessing one is out of reach during a
course week, and it is short enough to type from a slip when a camera fails. It is shown as
``ABCD-EFGH``; dashes, spaces and case do not matter when it is typed.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
# scrypt with n=2**12 takes about 7 ms here: slow enough to make a stolen store expensive to
# search, fast enough for the 20 ms budget of a phone's submission.
SCRYPT = {"n": 2**12, "r": 8, "p": 1}
_TYPED = re.compile(r"[\s-]+")
MIN_GIVEN = 8  # a token given in the roster's token column has at least this many letters/digits


def new_token() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(token: str | None) -> str:
    """What was typed, as compared: upper case, without dashes and spaces."""
    return _TYPED.sub("", str(token or "")).upper()


def shown(token: str) -> str:
    """``ABCDEFGH`` → ``ABCD-EFGH``: easier to copy from a slip."""
    token = normalise(token)
    return f"{token[:4]}-{token[4:]}" if len(token) == LENGTH else token


def check_given(token: str) -> str:
    """A token from the roster's ``token`` column, normalised; ``ValueError`` says why not."""
    value = normalise(token)
    if len(value) < MIN_GIVEN or not value.isalnum() or not value.isascii():
        raise ValueError(f"a token needs at least {MIN_GIVEN} letters or digits (A–Z, 0–9)")
    return value


def new_salt() -> str:
    return secrets.token_hex(16)


def hash_token(token: str, salt: str) -> str:
    return hashlib.scrypt(normalise(token).encode(), salt=bytes.fromhex(salt), **SCRYPT).hex()


def matches(token: str, salt: str, token_hash: str) -> bool:
    return hmac.compare_digest(hash_token(token, salt), token_hash)


# Hashed when a code is unknown, so an unknown code takes as long to refuse as a wrong token.
DECOY_SALT = new_salt()
DECOY_HASH = hash_token(new_token(), DECOY_SALT)
