"""Record hashes: an unchanged source record under unchanged mappings is not mapped again.

Each link keeps, beside the hash of the payload last written, the hash of the source record
that gave it, salted with the fingerprint of the mappings and scoping filters
(source_record_hash, mapping_fingerprint). The payload is a function of the record and the
mappings alone, and so is the scope, so while both hashes hold the user is planned NoChange
at the cost of one hash. Any change of the record (an attribute, the enabled flag, the user
name), of a mapping, of a scoping filter or of the program's version gives another hash. A
source that hashes its raw records (a CSV file: SourceUser.digest) saves even that hash: the
record hash is then a tag of the fingerprint and the read's record_context (record_tag)
followed by the digest.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Sequence

from app import __version__
from app.config.rules import MappingSet, ScopingFilter
from app.directory.base import SourceUser

# Part of every mapping fingerprint: raise it when the mapping or scoping code changes what
# a record maps to, so that links written by the old code do not skip the new mapping.
# 2: references (manager.value) are sent as the manager's target id.
# 3: preferredLanguage and locale are sent in Webex's ll_CC form (fr-FR gives fr_FR).
MAPPING_LOGIC_VERSION = "3"


def mapping_fingerprint(mappings: MappingSet, scoping: Sequence[ScopingFilter] = ()) -> str:
    """A hash of everything besides the record that decides a user's payload and scope."""
    parts = [
        MAPPING_LOGIC_VERSION,
        __version__,
        mappings.model_dump_json(),
        *(f.model_dump_json() for f in scoping),
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def record_tag(fingerprint: str, context: str) -> str:
    """What a source-supplied digest is prefixed with in a record hash: the mapping
    fingerprint and the read's record_context, in 16 hex digits."""
    data = f"{fingerprint}\x00{context}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def source_record_hash(user: SourceUser, fingerprint: str, context: str = "") -> str:
    """The hash of one source record under one mapping fingerprint (stored in its link).

    A user with a `digest` (a source that hashed its raw record, e.g. a CSV row): the
    record_tag of the fingerprint and the read's record_context (`context`), then the
    digest. Nothing else is hashed per user: a dry run of 100,000 unchanged users spends
    a fraction of a microsecond on each (benchmark P2).

    Otherwise: a hash of everything of the record that mappings and filters can see
    (app.sync.mapping.user_attributes): its id, user name, enabled flag and attributes, in
    their order (a source that reorders them costs one extra mapping, never a missed
    change). The record is serialised with marshal's version 0, which writes plain data
    (text, numbers, booleans, None, lists, dicts) in C, in order, with its types, and
    without the back-references of later versions that would depend on which objects are
    shared: the same record always gives the same bytes. A value marshal cannot write (no
    source gives one today) falls back to repr(). A Python release that writes marshal
    differently only costs one more mapping of each user.

    The two forms differ in length (48 and 32 hex digits), so one never equals the other.
    """
    if user.digest:
        return record_tag(fingerprint, context) + user.digest
    attributes = user.attributes if type(user.attributes) is dict else dict(user.attributes)
    record = (fingerprint, user.source_id, user.user_name, user.enabled, attributes)
    try:
        data = marshal.dumps(record, 0)
    except ValueError:
        data = repr(record).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()
