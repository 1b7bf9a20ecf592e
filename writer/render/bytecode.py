"""Compiled templates kept between runs, in the same signed cache as the rule set.

Compiling the dozen shipped templates costs about 0.1 s of every ``draft`` and
``backfill`` start. Jinja's own ``FileSystemBytecodeCache`` would ``marshal``
code from a folder any local process might write; this one stores the bytes
through ``writer.lint.cache``, whose files carry an HMAC keyed per user, so a
planted file is ignored and the template compiled afresh. Jinja still checks
each entry against the template's source (its checksum), so an edited template
is recompiled; the key also covers this package's code and Jinja's version,
which decide what the compiled code looks like.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class SignedBytecodeCache(jinja2.BytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        from writer.lint import cache

        raw = cache.load(_name(bucket))
        if isinstance(raw, bytes):
            bucket.bytecode_from_string(raw)  # a stale magic or checksum leaves the bucket empty

    def dump_bytecode(self, bucket: Bucket) -> None:
        from writer.lint import cache

        cache.store(_name(bucket), bucket.bytecode_to_string())


def _name(bucket: Bucket) -> str:
    from writer.lint import cache

    return "jinja-" + cache.key(bucket.key, bucket.checksum, jinja2.__version__)
