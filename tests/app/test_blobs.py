"""The one blob store (app.store.blobs): content-addressed files shared by complaint
attachments and the sync client."""

from __future__ import annotations

import hashlib

import pytest

from app.domain.errors import DomainError
from app.store.blobs import BlobStore


def test_bytes_and_files_are_stored_once_under_their_sha256(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    data = b"\xff\xd8 a photo of the leak"
    sha = hashlib.sha256(data).hexdigest()
    assert store.has(sha) is False
    assert store.put(data) == sha
    photo = tmp_path / "leak.jpg"
    photo.write_bytes(data)
    assert store.put(photo) == sha  # the same content: the same blob
    assert store.has(sha) is True
    assert store.read(sha) == data
    with store.open(sha) as handle:
        assert handle.read() == data
    assert store.path(sha) == tmp_path / "blobs" / sha
    assert sorted(p.name for p in (tmp_path / "blobs").iterdir()) == [sha]  # no leftovers


def test_a_download_that_does_not_match_its_name_is_refused_and_not_kept(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    wanted = hashlib.sha256(b"the real photo").hexdigest()
    with pytest.raises(DomainError) as refused:
        store.put(b"damaged on the way", expected=wanted)
    assert refused.value.code == "blob.hash_mismatch"
    assert store.has(wanted) is False
    assert list((tmp_path / "blobs").glob("*")) == []


def test_names_that_are_not_a_sha256_and_missing_blobs_are_refused(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    with pytest.raises(DomainError) as refused:
        store.path("../../etc/passwd")
    assert refused.value.code == "blob.bad_name"
    with pytest.raises(DomainError) as refused:
        store.read("0" * 64)
    assert refused.value == DomainError("blob.missing", sha256="0" * 64)
    with pytest.raises(DomainError) as refused:
        store.put(tmp_path / "gone.jpg")
    assert refused.value.code == "blob.file_missing"
