import re

from app import security


def test_access_keys_are_192_bit_lowercase_hex_and_distinct():
    keys = {security.new_access_key() for _ in range(1000)}
    assert len(keys) == 1000
    assert all(re.fullmatch(r"[0-9a-f]{48}", k) for k in keys)


def test_generated_device_password_has_40_digits():
    pw = {security.generated_device_password() for _ in range(100)}
    assert len(pw) == 100
    assert all(len(p) == 40 and p.isdigit() and p[0] != "0" for p in pw)


def test_console_password_hash_round_trip_and_salting():
    h1 = security.hash_console_password("correct horse")
    h2 = security.hash_console_password("correct horse")
    assert h1 != h2 and h1.startswith("scrypt$")
    assert security.verify_console_password("correct horse", h1)
    assert not security.verify_console_password("wrong horse", h1)
    assert not security.verify_console_password("x", "garbage")


def test_retired_key_hash_is_not_the_key():
    key = security.new_access_key()
    digest = security.access_key_hash(key)
    assert len(digest) == 64 and key not in digest
