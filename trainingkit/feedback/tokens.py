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
# scrypt with n=2**11 (2 MB) takes about 3.5 ms on an idle core of this machine, 5 times that
# when 8 developers share its 2 cores: slow enough to make a stolen store costly to search for
# 40-bit keys, fast enough for the 20 ms budget of a phone's submission. A right key is then
# remembered by the server (VerifiedKeys), so only a trainee's first submission pays it.
SCRYPT = {"n": 2**11, "r": 8, "p": 1}
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


class VerifiedKeys:
    """Keys already checked by this process, so a trainee's next submission skips the slow hash.

    Remembered as an HMAC under a key that exists only in this process's memory, and tied to
    the stored hash: a new key from a new roster is checked in full again. Only right keys are
    remembered; a wrong key always costs the full hash.
    """

    def __init__(self):
        self._key = secrets.token_bytes(32)
        self._known: dict[tuple[str, str], bytes] = {}

    def _mac(self, token: str) -> bytes:
        return hmac.new(self._key, normalise(token).encode(), hashlib.sha256).digest()

    def known(self, code: str, token_hash: str, token: str) -> bool:
        seen = self._known.get((code, token_hash))
        return seen is not None and hmac.compare_digest(seen, self._mac(token))

    def remember(self, code: str, token_hash: str, token: str) -> None:
        self._known[(code, token_hash)] = self._mac(token)


# Hashed when a code is unknown, so an unknown code takes as long to refuse as a wrong token.
DECOY_SALT = new_salt()
DECOY_HASH = hash_token(new_token(), DECOY_SALT)
