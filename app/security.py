"""Secrets: access keys, generated device passwords, console password hashes."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

ACCESS_KEY_BYTES = 24  # 192 bits -> 48 lowercase hex characters
GENERATED_PASSWORD_DIGITS = 40
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def new_access_key() -> str:
    return secrets.token_hex(ACCESS_KEY_BYTES)


def access_key_hash(access_key: str) -> str:
    """How retired keys are stored: enough to recognise one, useless to fetch a configuration."""
    return hashlib.sha256(access_key.encode("ascii")).hexdigest()


def generated_device_password() -> str:
    # first digit non-zero so that devices that parse the value as a number keep all 40 digits
    first = secrets.choice("123456789")
    return first + "".join(secrets.choice("0123456789") for _ in range(GENERATED_PASSWORD_DIGITS - 1))


def hash_console_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P).derive(password.encode())
    enc = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${enc(salt).decode()}${enc(key).decode()}"


def verify_console_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    kdf = Scrypt(salt=base64.b64decode(salt), length=32, n=int(n), r=int(r), p=int(p))
    try:
        kdf.verify(password.encode(), base64.b64decode(key))
    except InvalidKey:
        return False
    return True


def constant_time_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
